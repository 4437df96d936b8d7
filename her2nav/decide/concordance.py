"""The concordance audit: was the treatment actually chosen among the options, and at which tier?

The chosen drugs (generic names: brand names and shorthands are resolved when the case is
read) match an option when they are that option's drugs: every drug each patient gets, one
partner from its list when it has one (a taxane for THP, a chemotherapy for trastuzumab +
chemotherapy), and any of the drugs that may be added, nothing else. A partner the option
left out for this patient is not among its drugs, so a choice that used it is not listed.
Bone-modifying agents are supportive care, not a line, and are left out of the comparison.
"""

from __future__ import annotations

from collections.abc import Sequence

from her2nav.knowledge.drugs import DRUGS, DrugClass
from her2nav.result import Concordance, SystemicOption, Tier


def concordance_of(chosen: tuple[str, ...] | None, options: Sequence[SystemicOption]) -> Concordance | None:
    """The first option (in the result's order, strongest tier first) the chosen drugs make up."""
    if chosen is None:
        return None
    compared = frozenset(drug for drug in chosen if DRUGS[drug].drug_class is not DrugClass.BONE_AGENT)
    left_out = _left_out_words(chosen, compared)
    if not compared:
        return Concordance(chosen, None, None, None, "no anticancer drug was chosen" + left_out)
    for index, option in enumerate(options):
        if _matches(compared, option):
            return Concordance(chosen, index, option.regimen, option.tier,
                               _match_reason(compared, option) + left_out)
    return Concordance(chosen, None, None, None, _not_listed_reason(compared, options) + left_out)


def _matches(chosen: frozenset[str], option: SystemicOption) -> bool:
    partners = chosen & set(option.partners)
    return (set(option.required) <= chosen <= set(option.drugs)
            and (len(partners) == 1 if option.partners else True))


def _match_reason(chosen: frozenset[str], option: SystemicOption) -> str:
    reason = f"chosen {_drugs_words(chosen, option.drugs)} matches the option {option.regimen!r}"
    partner = chosen & set(option.partners)
    if partner:
        reason += f", with {next(iter(partner))} as its partner (one of {', '.join(option.partners)})"
    if option.tier is Tier.AVOID:
        reason += "; the option is listed as avoid for this case: " + "; ".join(option.cautions)
    else:
        reason += f", listed as {option.tier.value}"
    return reason


def _not_listed_reason(chosen: frozenset[str], options: Sequence[SystemicOption]) -> str:
    reason = f"chosen {_drugs_words(chosen, ())} matches none of the {len(options)} options listed for this case"
    # Nearest only when the choice holds all of an option's fixed drugs, or lies within its drugs.
    near = [option for option in options if set(option.required) <= chosen or chosen <= set(option.drugs)]
    if not near:
        return reason
    closest = max(near, key=lambda option: (set(option.required) <= chosen, len(chosen & set(option.drugs))))
    differences = []
    if extra := sorted(chosen - set(closest.drugs)):
        differences.append(f"{', '.join(extra)} not among its drugs for this case (see its cautions)")
    if lacking := [drug for drug in closest.required if drug not in chosen]:
        differences.append(f"without {', '.join(lacking)}")
    partners = chosen & set(closest.partners)
    if closest.partners and len(partners) != 1:
        differences.append(f"it takes one partner of {', '.join(closest.partners)}")
    return f"{reason}; the nearest, {closest.regimen!r} ({closest.tier.value}), differs: {'; '.join(differences)}"


def _drugs_words(chosen: frozenset[str], order: Sequence[str]) -> str:
    """The chosen drugs in the option's order, then alphabetically: the same words for the same choice."""
    ordered = [drug for drug in order if drug in chosen] + sorted(chosen - set(order))
    return " + ".join(ordered)


def _left_out_words(chosen: tuple[str, ...], compared: frozenset[str]) -> str:
    supportive = [drug for drug in chosen if drug not in compared]
    if not supportive:
        return ""
    return f" ({', '.join(supportive)}: supportive bone-modifying care, left out of the comparison)"

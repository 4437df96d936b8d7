"""What the site-specific rules share: their result, one entry built from knowledge, the case's facts in words."""

from __future__ import annotations

from collections.abc import Iterable

from attrs import frozen

from her2nav.case import Case, Condition, Site, SiteName
from her2nav.decide.coded import Coded, split
from her2nav.knowledge import site_care as care
from her2nav.knowledge.interventions import KEY_OF
from her2nav.result import Action, Missing, Modality, SiteOption, Tier, TraceStep
from her2nav.values import Value

RADIATION_MODALITIES = frozenset({Modality.RADIATION, Modality.STEREOTACTIC_RADIATION})


@frozen(repr=False)
class SiteDecisions(Value):
    options: tuple[SiteOption, ...] = ()
    actions: tuple[Action, ...] = ()
    missing: tuple[Missing, ...] = ()
    trace: tuple[TraceStep, ...] = ()
    references: tuple[str, ...] = ()  # cited by the result for what the trace says (the source article)


def combine(parts: Iterable[SiteDecisions]) -> SiteDecisions:
    """One SiteDecisions from many; an entry or action that two sites both produce appears once."""
    collected = list(parts)
    return SiteDecisions(
        options=tuple(dict.fromkeys(o for part in collected for o in part.options)),
        actions=tuple(dict.fromkeys(a for part in collected for a in part.actions)),
        missing=tuple(dict.fromkeys(m for part in collected for m in part.missing)),
        trace=tuple(dict.fromkeys(t for part in collected for t in part.trace)),
        references=tuple(dict.fromkeys(r for part in collected for r in part.references)),
    )


def site_option(
    case: Case, site: str, item: care.Intervention, tier: Tier, facts: str, cautions: Iterable[Coded] = ()
) -> SiteOption:
    """An entry for `site`: the case's facts first, then the knowledge base's reason and evidence.

    In pregnancy an entry that means systemic therapy is `avoid` whatever tier the site rule
    chose, as every regimen is (clinical-rules.md section 0): no site entry offers a regimen.
    """
    modality = item.modality
    pregnancy = _pregnancy_cautions(case, modality, tier)
    if pregnancy and modality is Modality.SYSTEMIC:
        tier = Tier.AVOID
    texts, codes = split([*cautions, *pregnancy])
    return SiteOption(
        site=site,
        intervention=item.name,
        modality=modality,
        tier=tier,
        rationale=f"{facts}. {item.basis}",
        evidence=item.evidence,
        cautions=texts,
        facts=facts,
        key=KEY_OF[item],
        caution_codes=codes,
    )


def _pregnancy_cautions(case: Case, modality: Modality, tier: Tier) -> list[Coded]:
    """What pregnancy adds to an entry: systemic therapy always says why it is not given."""
    if not case.has(Condition.PREGNANCY):
        return []
    if modality is Modality.SYSTEMIC:
        return [("pregnancy", care.SYSTEMIC_PREGNANCY)]
    if tier is Tier.AVOID:
        return []
    if modality in RADIATION_MODALITIES:
        return [("radiation-pregnancy", care.RADIATION_PREGNANCY)]
    if modality is Modality.EMBOLIZATION:
        return [("procedure-pregnancy", care.PROCEDURE_PREGNANCY)]
    return []


def describe(site: Site) -> str:
    """The site as the case gives it, e.g. "Bone metastases (3 lesions; pain, cord compression)"."""
    details = [_lesion_words(site.lesions)]
    if site.status is not None:
        details.append(words(site.status.value))
    if site.symptoms:
        details.append(", ".join(words(symptom.value) for symptom in site.symptoms))
    if site.leptomeningeal:
        details.append("leptomeningeal disease")
    return f"{care.SITE_WORDS[site.site]} ({'; '.join(details)})"


def _lesion_words(lesions: int | None) -> str:
    if lesions is None:
        return "number of lesions not given"
    return f"{lesions} lesion" + ("" if lesions == 1 else "s")


def words(value: str) -> str:
    """An enum value as plain words: "cord_compression" -> "cord compression"."""
    return value.replace("_", " ")


def has_site(case: Case, name: SiteName) -> bool:
    return name in case.site_kinds

"""Site-specific options for every site of the case and the intact primary (clinical-rules.md sections 6-8).

Every site in the case gets at least one entry. Symptoms drive procedures; lesion counts
drive the oligometastatic derivation. Bone and brain have modules of their own.
"""

from __future__ import annotations

from attrs import evolve

from her2nav.case import OLIGOMETASTATIC_MAX_LESIONS, Case, Site, SiteName, Symptom
from her2nav.decide.bone import bone_decisions
from her2nav.decide.brain import brain_decisions
from her2nav.decide.coded import Coded
from her2nav.decide.history import History
from her2nav.decide.site_common import SiteDecisions, combine, describe, site_option, words
from her2nav.decide.systemic import SystemicDecisions
from her2nav.knowledge import safety
from her2nav.knowledge import site_care as care
from her2nav.knowledge.brain_extent import LEPTOMENINGEAL_NOT_OLIGOMETASTATIC
from her2nav.result import TIER_ORDER, Missing, SiteOption, SystemicOption, Tier, TraceStep

__all__ = ["SiteDecisions", "site_options"]

PRIMARY = "primary"
OLIGOMETASTATIC = f"oligometastatic: {OLIGOMETASTATIC_MAX_LESIONS} lesions or fewer in all"
VISCERAL = (SiteName.LIVER, SiteName.LUNG)
ISOLATED_LESION_SITES = (SiteName.SKIN, SiteName.SOFT_TISSUE, SiteName.LYMPH_NODE, SiteName.OTHER)


def site_options(case: Case, history: History, systemic: SystemicDecisions) -> SiteDecisions:
    parts = [_one_site(case, site, history, systemic) for site in case.sites]
    parts += [primary_tumor_decisions(case), _lesion_counts(case, systemic.options)]
    combined = combine(parts)
    return evolve(combined, options=_by_site_then_tier(combined.options))


def _by_site_then_tier(options: tuple[SiteOption, ...]) -> tuple[SiteOption, ...]:
    """Sites in the case's order (the primary last), and within a site the stronger tiers first."""
    site_rank = {name: rank for rank, name in enumerate(dict.fromkeys(o.site for o in options))}
    return tuple(sorted(options, key=lambda o: (site_rank[o.site], TIER_ORDER[o.tier])))


def _one_site(case: Case, site: Site, history: History, systemic: SystemicDecisions) -> SiteDecisions:
    if site.site is SiteName.BONE:
        return bone_decisions(case, site)
    if site.site is SiteName.BRAIN:
        # The brain trace compares the source article's claims with later evidence: cite it (rules 10.10).
        return evolve(brain_decisions(case, site, history, systemic), references=care.SOURCE_ARTICLE_EVIDENCE)
    facts = describe(site)
    options = _other_site_options(case, site, history, facts)
    chosen = "; ".join(f"{o.intervention}: {o.tier.value}" for o in options)
    because = facts + (f"; {OLIGOMETASTATIC}" if case.oligometastatic else "")
    return SiteDecisions(options=tuple(options), trace=(TraceStep(f"site: {site.site.value}", chosen, because),))


def _other_site_options(case: Case, site: Site, history: History, facts: str) -> list[SiteOption]:
    """Liver, lung, pleura, skin, soft tissue, lymph nodes, bone marrow and other sites."""
    name = site.site.value
    options = [_systemic_entry(case, site, facts)]
    if site.site in VISCERAL and case.oligometastatic:
        oligometastatic = f"{facts}; {OLIGOMETASTATIC}"
        options += [site_option(case, name, care.OLIGOMETASTATIC_SURGERY, Tier.CONSIDER, oligometastatic),
                    site_option(case, name, care.OLIGOMETASTATIC_SBRT, Tier.CONSIDER, oligometastatic)]
    if site.site is SiteName.LIVER:
        options += _liver_procedures(case, site, history, facts)
    if Symptom.EFFUSION in site.symptoms:
        options += [site_option(case, name, care.THORACENTESIS, Tier.PREFERRED, facts),
                    site_option(case, name, care.PLEURODESIS, Tier.ALTERNATIVE, facts)]
    symptomatic_skin = {Symptom.ULCERATION, Symptom.BLEEDING} & set(site.symptoms)
    if site.site is SiteName.SKIN and symptomatic_skin:
        options += [site_option(case, name, care.SKIN_RADIATION, Tier.PREFERRED, facts),
                    site_option(case, name, care.WOUND_CARE, Tier.PREFERRED, facts)]
    if site.site in ISOLATED_LESION_SITES and site.lesions == 1:
        options.append(site_option(case, name, care.ISOLATED_SURGERY, Tier.CONSIDER, facts))
        if not symptomatic_skin:  # the skin already has radiation for its symptoms
            options.append(site_option(case, name, care.ISOLATED_RADIATION, Tier.CONSIDER, facts))
    return options


def _systemic_entry(case: Case, site: Site, facts: str) -> SiteOption:
    notes: list[str] = []
    cautions: list[Coded] = []
    if Symptom.JAUNDICE in site.symptoms:
        cautions.append(("jaundice", safety.JAUNDICE_TEXT))
        if not case.visceral_crisis:
            notes.append(care.JAUNDICE_VISCERAL_NOTE)
    if Symptom.DYSPNEA in site.symptoms and Symptom.EFFUSION not in site.symptoms:
        notes.append(care.DYSPNEA_NOTE)
    if site.site is SiteName.BONE_MARROW:
        cautions.append(("bone-marrow", safety.BONE_MARROW_TEXT))
    text = "; ".join([facts, *notes])
    return site_option(case, site.site.value, care.SYSTEMIC_FOR_SITE, Tier.PREFERRED, text, cautions)


def _liver_procedures(case: Case, site: Site, history: History, facts: str) -> list[SiteOption]:
    options = []
    if liver_dominant(case) and history.line >= 2 and history.current is None:
        resistant = f"{facts}; liver-dominant, progressed on HER2-directed therapy (line {history.line})"
        options.append(site_option(case, "liver", care.EMBOLIZATION, Tier.CONSIDER, resistant))
    if Symptom.ASCITES in site.symptoms:
        options.append(site_option(case, "liver", care.PARACENTESIS, Tier.PREFERRED, facts))
    if Symptom.PRURITUS in site.symptoms:
        options.append(site_option(case, "liver", care.PRURITUS_RELIEF, Tier.PREFERRED, facts))
    return options


def liver_dominant(case: Case) -> bool:
    """The liver is the only site, or holds more lesions than all other sites together (counts known)."""
    if SiteName.LIVER not in case.site_kinds:
        return False
    if case.site_kinds == {SiteName.LIVER}:
        return True
    counts = case.lesion_counts  # computed once per case: this is asked once per liver site
    if counts is None:
        return False
    return counts[SiteName.LIVER] > sum(counts.values()) - counts[SiteName.LIVER]


def primary_tumor_decisions(case: Case) -> SiteDecisions:
    tumor = case.primary_tumor
    if not tumor.intact:
        return SiteDecisions()
    if tumor.symptoms:
        facts = "Intact primary tumor with " + ", ".join(words(s.value) for s in tumor.symptoms)
        options = (site_option(case, PRIMARY, care.PRIMARY_PALLIATIVE_SURGERY, Tier.CONSIDER, facts),
                   site_option(case, PRIMARY, care.PRIMARY_PALLIATIVE_RADIATION, Tier.CONSIDER, facts))
        step = TraceStep("primary tumor", "palliative surgery or radiation: consider", f"{facts}: for local control")
        return SiteDecisions(options=options, trace=(step,))
    facts = "Intact primary tumor without symptoms"
    option = site_option(case, PRIMARY, care.PRIMARY_SURVIVAL_SURGERY, Tier.AVOID, facts,
                         [("primary-surgery-no-survival-gain", care.PRIMARY_NO_SURVIVAL_GAIN)])
    step = TraceStep("primary tumor", "surgery for survival: avoid",
                     f"{facts}; randomized trials show no survival benefit, against the 2019 source article")
    return SiteDecisions(options=(option,), trace=(step,))


def _lesion_counts(case: Case, systemic: tuple[SystemicOption, ...]) -> SiteDecisions:
    missing = []
    unknown = list(dict.fromkeys(s.site.value for s in case.sites if s.lesions is None))
    known_total = sum(s.lesions or 0 for s in case.sites)
    leptomeningeal = any(s.leptomeningeal for s in case.sites)
    undecided = bool(unknown) and known_total <= OLIGOMETASTATIC_MAX_LESIONS and not leptomeningeal
    if undecided:
        missing.append(Missing("lesions", f"not given for {', '.join(unknown)}",
                               "oligometastatic status was not judged"))
    # The general missing fact already names bone agents when capecitabine is among the options.
    renal_named = any("capecitabine" in o.drugs for o in systemic)
    if any(s.site is SiteName.BONE for s in case.sites) and case.creatinine_clearance is None and not renal_named:
        missing.append(Missing("creatinine_clearance", "not given",
                               "the zoledronic acid dose and the denosumab hypocalcemia risk were not checked"))
    if leptomeningeal:
        because = LEPTOMENINGEAL_NOT_OLIGOMETASTATIC
    elif case.oligometastatic:
        because = f"every site gives lesions and they add up to {OLIGOMETASTATIC_MAX_LESIONS} or fewer"
    elif undecided:
        because = f"lesions not given for {', '.join(unknown)}"
    else:
        because = f"more than {OLIGOMETASTATIC_MAX_LESIONS} lesions in all"
    step = TraceStep("oligometastatic", "yes" if case.oligometastatic else "no", because)
    return SiteDecisions(missing=tuple(missing), trace=(step,))

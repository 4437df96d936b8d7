"""Brain metastases (clinical-rules.md section 6): local therapy, deferral, and what the systemic choice means here."""

from __future__ import annotations

from attrs import evolve

from her2nav.case import BrainStatus, Case, Site, SiteName, Symptom
from her2nav.decide.coded import with_caution
from her2nav.decide.history import Continuation, CurrentRegimen, History
from her2nav.decide.site_common import SiteDecisions, describe, site_option
from her2nav.decide.systemic import SystemicDecisions
from her2nav.knowledge import actions as action_words
from her2nav.knowledge import brain_extent as extent
from her2nav.knowledge import site_care as care
from her2nav.knowledge.regimens import CNS_ACTIVE_REGIMENS
from her2nav.knowledge.site_care import Intervention
from her2nav.result import Action, ActionKind, Missing, SiteOption, SystemicOption, Tier, TraceStep

BRAIN = SiteName.BRAIN.value


def brain_decisions(case: Case, site: Site, history: History, systemic: SystemicDecisions) -> SiteDecisions:
    symptomatic = Symptom.NEUROLOGIC in site.symptoms
    cns_active = cns_active_options(systemic.options)
    ongoing = _ongoing_words(history.current, systemic.continuation)
    facts = describe(site)
    # Leptomeningeal disease belongs to the patient: a second brain entry is planned the same way.
    leptomeningeal = any(s.site is SiteName.BRAIN and s.leptomeningeal for s in case.sites)
    if leptomeningeal:
        options = _leptomeningeal(case, site, facts, ongoing if history.current else "", cns_active)
    else:
        options = _options_by_status(case, site, facts, systemic.continuation, ongoing, cns_active)
    urgent = ((action_words.URGENT_NEUROLOGIC_LEPTOMENINGEAL, "urgent-neurologic-leptomeningeal") if leptomeningeal
              else (action_words.URGENT_NEUROLOGIC, "urgent-neurologic"))
    actions = [Action(ActionKind.URGENT, *urgent)] if symptomatic else []
    steps = [_trace(site, facts, options, ongoing, cns_active),
             TraceStep("source article", "brain metastases, then and now", care.SOURCE_ARTICLE_BRAIN)]
    if leptomeningeal:
        actions.append(Action(ActionKind.SPECIALIST_REVIEW, action_words.LEPTOMENINGEAL, "leptomeningeal"))
        options = [with_caution(o, "leptomeningeal", care.LEPTOMENINGEAL_CAUTION, first=True) for o in options]
        steps.append(TraceStep("leptomeningeal disease", "specialist review", care.INTRATHECAL_NOT_OFFERED))
    missing = [] if leptomeningeal else _missing(case, site)
    return SiteDecisions(tuple(options), tuple(actions), tuple(missing), tuple(steps))


def _leptomeningeal(
    case: Case, site: Site, facts: str, ongoing: str, cns_active: list[SystemicOption]
) -> list[SiteOption]:
    """Section 10.5: radiotherapy to symptomatic or bulky sites and a CNS-active regimen; never
    resection or radiosurgery of brain lesions, whatever the status, count or symptoms."""
    symptomatic = Symptom.NEUROLOGIC in site.symptoms
    radiotherapy_tier = Tier.PREFERRED if symptomatic else Tier.ALTERNATIVE
    radiotherapy_facts = facts if symptomatic else f"{facts}; the case does not record bulky (nodular) disease"
    body = "; ".join(part for part in (facts, ongoing) if part)
    if cns_active:
        systemic = site_option(case, BRAIN, extent.LEPTOMENINGEAL_SYSTEMIC, Tier.PREFERRED,
                               f"{body}; {_offered(cns_active)}")
    else:
        systemic = site_option(case, BRAIN, extent.LEPTOMENINGEAL_SYSTEMIC, Tier.CONSIDER, body,
                               [("no-cns-active-regimen", care.NO_CNS_ACTIVE_REGIMEN)])
    return [
        site_option(case, BRAIN, extent.LEPTOMENINGEAL_RADIOTHERAPY, radiotherapy_tier, radiotherapy_facts),
        systemic,
        site_option(case, BRAIN, extent.LEPTOMENINGEAL_RESECTION, Tier.AVOID, facts,
                    [("leptomeningeal-no-local-therapy", extent.LEPTOMENINGEAL_NO_LOCAL_THERAPY)]),
        site_option(case, BRAIN, extent.LEPTOMENINGEAL_RADIOSURGERY, Tier.AVOID, facts,
                    [("leptomeningeal-no-local-therapy", extent.LEPTOMENINGEAL_NO_LOCAL_THERAPY)]),
    ]


def _options_by_status(
    case: Case, site: Site, facts: str, continuation: Continuation, ongoing: str, cns_active: list[SystemicOption]
) -> list[SiteOption]:
    """Symptoms put local therapy first; the status then decides what else applies."""
    symptomatic = Symptom.NEUROLOGIC in site.symptoms
    options = local_therapy(case, site, facts, symptomatic=True) if symptomatic else []
    if site.status is BrainStatus.UNTREATED:
        if not symptomatic:
            options += local_therapy(case, site, facts, symptomatic=False)
        options.append(_deferral(case, facts, symptomatic, cns_active))
    elif site.status is BrainStatus.TREATED_STABLE:
        options.append(_stable(case, facts, continuation, ongoing))
    elif site.status is BrainStatus.PROGRESSING_AFTER_LOCAL_THERAPY:
        options += _after_local_therapy(case, facts, continuation, ongoing, cns_active)
    elif not symptomatic:
        options.append(site_option(case, BRAIN, care.BRAIN_STATUS_UNKNOWN, Tier.CONSIDER, facts))
    return options


def _stable(case: Case, facts: str, continuation: Continuation, ongoing: str) -> SiteOption:
    """Treated and stable: keep the systemic therapy, unless the ongoing regimen cannot continue."""
    if continuation is Continuation.MUST_STOP:
        return site_option(case, BRAIN, care.BRAIN_STABLE_NEXT_REGIMEN, Tier.PREFERRED, f"{facts}; {ongoing}")
    return site_option(case, BRAIN, care.BRAIN_CONTINUE, Tier.PREFERRED, facts)


def _missing(case: Case, site: Site) -> list[Missing]:
    """Leptomeningeal disease is planned without the status or the count, so this is not asked then."""
    where = f"sites[{case.sites.index(site)}]"
    missing: list[Missing] = []
    if site.status is None:
        missing.append(Missing(f"{where}.status", "not given for the brain (untreated, treated_stable or "
                               "progressing_after_local_therapy)", "local therapy was not chosen"))
    if site.lesions is None:
        missing.append(Missing(f"{where}.lesions", extent.COUNT_UNKNOWN_ASSUMED, extent.COUNT_UNKNOWN_EFFECT))
    return missing


def cns_active_options(systemic: tuple[SystemicOption, ...]) -> list[SystemicOption]:
    """Offered systemic options whose drugs have CNS evidence in the knowledge base."""
    return [o for o in systemic
            if o.tier is not Tier.AVOID and frozenset(o.drugs) in CNS_ACTIVE_REGIMENS]


def local_therapy(case: Case, site: Site, facts: str, symptomatic: bool) -> list[SiteOption]:
    """Surgery for a large or symptomatic lesion (section 6), then radiation by lesion count (10.5).

    Among more than 10 lesions the symptomatic one is not known, so surgery is not preferred there.
    """
    many = site.lesions is not None and site.lesions > extent.RADIOSURGERY_OFFERED_UP_TO
    if many:
        tier = Tier.ALTERNATIVE if symptomatic else Tier.CONSIDER
        surgery = site_option(case, BRAIN, care.BRAIN_SURGERY, tier, facts,
                              [("many-lesions-resection", extent.MANY_LESIONS_RESECTION)])
    else:
        surgery = site_option(case, BRAIN, care.BRAIN_SURGERY, Tier.PREFERRED if symptomatic else Tier.ALTERNATIVE,
                              facts)
    return [surgery, *_radiation_by_count(case, site.lesions, facts)]


def _radiation_by_count(case: Case, lesions: int | None, facts: str) -> list[SiteOption]:
    """1-4 lesions radiosurgery alone; 5-10 radiosurgery or hippocampal-avoidance whole-brain
    radiotherapy with memantine; more than 10 whole-brain first. An unknown count keeps
    radiosurgery first and whole-brain as the alternative, and `missing` says what would change."""
    def entry(item: Intervention, tier: Tier, band: str = "", more: tuple[str, ...] = ()) -> SiteOption:
        option = site_option(case, BRAIN, item, tier, f"{facts}; {band}" if band else facts)
        return evolve(option, evidence=tuple(dict.fromkeys((*option.evidence, *more))))

    many = extent.MANY_LESION_EVIDENCE
    if lesions is None:
        return [entry(care.BRAIN_RADIOSURGERY, Tier.PREFERRED), entry(care.BRAIN_WHOLE_BRAIN, Tier.ALTERNATIVE)]
    if lesions <= extent.RADIOSURGERY_PREFERRED_UP_TO:
        return [entry(care.BRAIN_RADIOSURGERY, Tier.PREFERRED, extent.FEW_LESIONS)]
    if lesions <= extent.RADIOSURGERY_OFFERED_UP_TO:
        return [entry(care.BRAIN_RADIOSURGERY, Tier.PREFERRED, extent.SEVERAL_LESIONS, many),
                entry(care.BRAIN_WHOLE_BRAIN, Tier.PREFERRED, extent.SEVERAL_LESIONS, many)]
    return [entry(care.BRAIN_WHOLE_BRAIN, Tier.PREFERRED, extent.MANY_LESIONS, many),
            entry(care.BRAIN_RADIOSURGERY, Tier.CONSIDER, extent.MANY_LESIONS, many)]


def _deferral(case: Case, facts: str, symptomatic: bool, cns_active: list[SystemicOption]) -> SiteOption:
    if symptomatic:
        return site_option(case, BRAIN, care.BRAIN_DEFER, Tier.AVOID, facts,
                           [("brain-defer-symptomatic", care.BRAIN_DEFER_SYMPTOMATIC)])
    if not cns_active:
        return site_option(case, BRAIN, care.BRAIN_DEFER, Tier.AVOID, facts,
                           [("brain-defer-no-regimen", care.BRAIN_DEFER_NO_REGIMEN)])
    return site_option(case, BRAIN, care.BRAIN_DEFER, Tier.CONSIDER, f"{facts}; {_offered(cns_active)}")


def _after_local_therapy(
    case: Case, facts: str, continuation: Continuation, ongoing: str, cns_active: list[SystemicOption]
) -> list[SiteOption]:
    """Brain-only progression keeps a regimen that controls the body; otherwise a CNS-active switch.

    An ongoing regimen that cannot continue (its own cautions rule it out) is not kept: the brain
    is treated again and the next regimen is chosen, a CNS-active one where offered.
    """
    body = f"{facts}; {ongoing}"
    if continuation is Continuation.GOES_ON:
        return [site_option(case, BRAIN, care.BRAIN_FURTHER_LOCAL, Tier.PREFERRED, body)]
    if continuation is Continuation.MUST_STOP:
        return [site_option(case, BRAIN, care.BRAIN_FURTHER_LOCAL_NEXT_REGIMEN, Tier.PREFERRED, body),
                _switch(case, body, cns_active)]
    return [_switch(case, body, cns_active)]


def _switch(case: Case, body: str, cns_active: list[SystemicOption]) -> SiteOption:
    if not cns_active:
        return site_option(case, BRAIN, care.BRAIN_SWITCH, Tier.CONSIDER, body,
                           [("no-cns-active-regimen", care.NO_CNS_ACTIVE_REGIMEN)])
    return site_option(case, BRAIN, care.BRAIN_SWITCH, Tier.PREFERRED, f"{body}; {_offered(cns_active)}")


def _ongoing_words(current: CurrentRegimen | None, continuation: Continuation) -> str:
    """'course 2 (...) is ongoing and controls the body', '... but cannot continue', or 'no ongoing ...'."""
    if current is None:
        return "no ongoing systemic course"
    ongoing = f"{current.label()} {'are' if current.several else 'is'} ongoing"
    if continuation is Continuation.MUST_STOP:
        return f"{ongoing} but cannot continue (see its cautions)"
    return f"{ongoing} and {'control' if current.several else 'controls'} the body"


def _offered(cns_active: list[SystemicOption]) -> str:
    return "CNS-active options offered at this line: " + ", ".join(o.regimen for o in cns_active)


def _trace(
    site: Site, facts: str, options: list[SiteOption], ongoing: str, cns_active: list[SystemicOption]
) -> TraceStep:
    chosen = "; ".join(f"{o.intervention}: {o.tier.value}" for o in options) or "no local therapy chosen"
    because = [facts]
    if Symptom.NEUROLOGIC in site.symptoms:
        because.append("neurologic symptoms: urgent review and local therapy first")
    because.append(_offered(cns_active) if cns_active else care.NO_CNS_ACTIVE_REGIMEN)
    if site.status in (BrainStatus.PROGRESSING_AFTER_LOCAL_THERAPY, BrainStatus.TREATED_STABLE):
        because.append(ongoing)
    return TraceStep("site: brain", chosen, "; ".join(because))

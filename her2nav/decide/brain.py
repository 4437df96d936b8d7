"""Brain metastases (clinical-rules.md section 6): local therapy, deferral, and what the systemic choice means here."""

from __future__ import annotations

from attrs import evolve

from her2nav.case import BrainStatus, Case, Site, SiteName, Symptom
from her2nav.decide.line import CurrentRegimen, History
from her2nav.decide.site_common import SiteDecisions, describe, site_option
from her2nav.decide.systemic import SystemicDecisions
from her2nav.knowledge import actions as action_words
from her2nav.knowledge import site_care as care
from her2nav.result import Action, ActionKind, Missing, SiteOption, SystemicOption, Tier, TraceStep

BRAIN = SiteName.BRAIN.value


def brain_decisions(case: Case, site: Site, history: History, systemic: SystemicDecisions) -> SiteDecisions:
    symptomatic = Symptom.NEUROLOGIC in site.symptoms
    cns_active = cns_active_options(systemic.options)
    ongoing = _ongoing_words(history.current, systemic.current_can_continue)
    facts = describe(site)
    options = _options_by_status(case, site, facts, systemic.current_can_continue, ongoing, cns_active)
    actions = [Action(ActionKind.URGENT, action_words.URGENT_NEUROLOGIC)] if symptomatic else []
    steps = [_trace(site, facts, options, ongoing, cns_active),
             TraceStep("source article", "brain metastases, then and now", care.SOURCE_ARTICLE_BRAIN)]
    if site.leptomeningeal:
        actions.append(Action(ActionKind.SPECIALIST_REVIEW, action_words.LEPTOMENINGEAL))
        options = [_with_caution(o, care.LEPTOMENINGEAL_CAUTION) for o in options]
        steps.append(TraceStep("leptomeningeal disease", "specialist review", care.INTRATHECAL_NOT_OFFERED))
    return SiteDecisions(tuple(options), tuple(actions), tuple(_missing(case, site)), tuple(steps))


def _options_by_status(
    case: Case, site: Site, facts: str, can_continue: bool | None, ongoing: str, cns_active: list[SystemicOption]
) -> list[SiteOption]:
    """Symptoms put local therapy first; the status then decides what else applies."""
    symptomatic = Symptom.NEUROLOGIC in site.symptoms
    options = local_therapy(case, site, facts, symptomatic=True) if symptomatic else []
    if site.status is BrainStatus.UNTREATED:
        if not symptomatic:
            options += local_therapy(case, site, facts, symptomatic=False)
        options.append(_deferral(case, facts, symptomatic, cns_active))
    elif site.status is BrainStatus.TREATED_STABLE:
        options.append(_stable(case, facts, can_continue, ongoing))
    elif site.status is BrainStatus.PROGRESSING_AFTER_LOCAL_THERAPY:
        options += _after_local_therapy(case, facts, can_continue, ongoing, cns_active)
    elif not symptomatic:
        options.append(site_option(case, BRAIN, care.BRAIN_STATUS_UNKNOWN, Tier.CONSIDER, facts))
    return options


def _stable(case: Case, facts: str, can_continue: bool | None, ongoing: str) -> SiteOption:
    """Treated and stable: keep the systemic therapy, unless the ongoing regimen cannot continue."""
    if can_continue is False:
        return site_option(case, BRAIN, care.BRAIN_STABLE_NEXT_REGIMEN, Tier.PREFERRED, f"{facts}; {ongoing}")
    return site_option(case, BRAIN, care.BRAIN_CONTINUE, Tier.PREFERRED, facts)


def _missing(case: Case, site: Site) -> list[Missing]:
    where = f"sites[{case.sites.index(site)}]"
    missing = []
    if site.status is None:
        missing.append(Missing(f"{where}.status", "not given for the brain (untreated, treated_stable or "
                               "progressing_after_local_therapy)", "local therapy was not chosen"))
    if site.lesions is None:
        missing.append(Missing(f"{where}.lesions", "not given for the brain",
                               "the choice between radiosurgery and whole-brain radiotherapy was not judged"))
    return missing


def cns_active_options(systemic: tuple[SystemicOption, ...]) -> list[SystemicOption]:
    """Offered systemic options whose drugs have CNS evidence in the knowledge base."""
    return [o for o in systemic
            if o.tier is not Tier.AVOID and frozenset(o.drugs) in care.CNS_ACTIVE_REGIMENS]


def local_therapy(case: Case, site: Site, facts: str, symptomatic: bool) -> list[SiteOption]:
    """Surgery for a large or symptomatic lesion, radiosurgery for a limited number, whole-brain
    radiotherapy when lesions are many (never for a single one)."""
    options = [
        site_option(case, BRAIN, care.BRAIN_SURGERY, Tier.PREFERRED if symptomatic else Tier.ALTERNATIVE, facts),
        site_option(case, BRAIN, care.BRAIN_RADIOSURGERY, Tier.PREFERRED, facts),
    ]
    if site.lesions != 1:
        options.append(site_option(case, BRAIN, care.BRAIN_WHOLE_BRAIN, Tier.ALTERNATIVE, facts))
    return options


def _deferral(case: Case, facts: str, symptomatic: bool, cns_active: list[SystemicOption]) -> SiteOption:
    if symptomatic:
        return site_option(case, BRAIN, care.BRAIN_DEFER, Tier.AVOID, facts, [care.BRAIN_DEFER_SYMPTOMATIC])
    if not cns_active:
        return site_option(case, BRAIN, care.BRAIN_DEFER, Tier.AVOID, facts, [care.BRAIN_DEFER_NO_REGIMEN])
    return site_option(case, BRAIN, care.BRAIN_DEFER, Tier.CONSIDER, f"{facts}; {_offered(cns_active)}")


def _after_local_therapy(
    case: Case, facts: str, can_continue: bool | None, ongoing: str, cns_active: list[SystemicOption]
) -> list[SiteOption]:
    """Brain-only progression keeps a regimen that controls the body; otherwise a CNS-active switch.

    An ongoing regimen that cannot continue (its own cautions rule it out) is not kept: the brain
    is treated again and the next regimen is chosen, a CNS-active one where offered.
    """
    body = f"{facts}; {ongoing}"
    if can_continue:
        return [site_option(case, BRAIN, care.BRAIN_FURTHER_LOCAL, Tier.PREFERRED, body)]
    if can_continue is False:
        return [site_option(case, BRAIN, care.BRAIN_FURTHER_LOCAL_NEXT_REGIMEN, Tier.PREFERRED, body),
                _switch(case, body, cns_active)]
    return [_switch(case, body, cns_active)]


def _switch(case: Case, body: str, cns_active: list[SystemicOption]) -> SiteOption:
    if not cns_active:
        return site_option(case, BRAIN, care.BRAIN_SWITCH, Tier.CONSIDER, body, [care.NO_CNS_ACTIVE_REGIMEN])
    return site_option(case, BRAIN, care.BRAIN_SWITCH, Tier.PREFERRED, f"{body}; {_offered(cns_active)}")


def _ongoing_words(current: CurrentRegimen | None, can_continue: bool | None) -> str:
    """'course 2 (...) is ongoing and controls the body', '... but cannot continue', or 'no ongoing ...'."""
    if current is None:
        return "no ongoing systemic course"
    ongoing = f"{current.label()} {'are' if current.several else 'is'} ongoing"
    if can_continue is False:
        return f"{ongoing} but cannot continue (see its cautions)"
    return f"{ongoing} and {'control' if current.several else 'controls'} the body"


def _offered(cns_active: list[SystemicOption]) -> str:
    return "CNS-active options offered at this line: " + ", ".join(o.regimen for o in cns_active)


def _with_caution(option: SiteOption, caution: str) -> SiteOption:
    return evolve(option, cautions=(caution, *option.cautions))


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

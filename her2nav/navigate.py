"""navigate(case) -> Result: the whole decision, as one pure function."""

from __future__ import annotations

import datetime

from attrs import frozen

from her2nav.case import Case, Condition
from her2nav.coherence import refuse_impossible_history
from her2nav.decide.actions import general_actions, missing_facts
from her2nav.decide.concordance import concordance_of
from her2nav.decide.defaults import assumed_defaults
from her2nav.decide.line import read_history
from her2nav.decide.scope import check_scope
from her2nav.decide.sites import site_options
from her2nav.decide.systemic import systemic_options
from her2nav.decide.toxicity import toxicity_missing
from her2nav.knowledge.early_relapse import DEFAULT_EARLY_RELAPSE_MONTHS
from her2nav.result import ActionKind, Result, TraceStep
from her2nav.values import Value


@frozen(repr=False)
class Settings(Value):
    early_relapse_months: float = DEFAULT_EARLY_RELAPSE_MONTHS
    as_of: datetime.date | None = None  # the day cases are read on: later dates are refused (given, never read here)


def navigate(case: Case, settings: Settings = Settings()) -> Result:
    """Decide the line, the systemic and site-specific options and the actions for one case.

    Raises InvalidCase for a history that cannot be true, OutOfScope for a case this navigator
    does not cover.
    """
    refuse_impossible_history(case)
    check_scope(case)
    history = read_history(case, settings.early_relapse_months)
    systemic = systemic_options(case, history)
    sites = site_options(case, history, systemic)
    actions = [*sites.actions, *general_actions(case, history, systemic.options)]
    actions.sort(key=lambda action: action.kind is not ActionKind.URGENT)
    return Result(
        case=case,
        line=history.line,
        line_reason=history.reason,
        systemic=systemic.options,
        site_specific=sites.options,
        actions=tuple(dict.fromkeys(actions)),
        missing=(*missing_facts(case, systemic.options), *toxicity_missing(case),
                 *assumed_defaults(case, history, settings.early_relapse_months), *sites.missing),
        trace=(*_case_steps(case), *history.trace, *systemic.trace, *sites.trace),
        concordance=concordance_of(case.chosen, systemic.options),
        also_cites=sites.references,
    )


def _case_steps(case: Case) -> list[TraceStep]:
    tests = ", ".join(f"{name} {value.value}" for name, value in
                      (("IHC", case.her2_ihc), ("ISH", case.her2_ish)) if value) or "her2 given directly"
    hormone = "positive" if case.hormone_receptor_positive else "negative"
    steps = [
        TraceStep("scope", "HER2-positive: in scope", tests),
        TraceStep("hormone receptors", f"hormone-receptor {hormone}",
                  f"ER {case.er.value}, PR {case.pr.value} (positive when ER is positive or low, or PR positive)"),
    ]
    if case.has(Condition.PREGNANCY):
        steps.append(TraceStep("pregnancy", "no HER2-targeted, endocrine or bone-modifying therapy",
                               "conditions include pregnancy"))
    return steps

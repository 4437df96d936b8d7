"""Site-specific options (clinical-rules.md sections 6-8). Filled by the site-specific work."""

from __future__ import annotations

from attrs import frozen

from her2nav.case import Case
from her2nav.decide.line import History
from her2nav.result import Action, SiteOption, SystemicOption, TraceStep


@frozen
class SiteDecisions:
    options: tuple[SiteOption, ...] = ()
    actions: tuple[Action, ...] = ()
    missing: tuple[str, ...] = ()
    trace: tuple[TraceStep, ...] = ()


def site_options(case: Case, history: History, systemic: tuple[SystemicOption, ...]) -> SiteDecisions:
    return SiteDecisions()

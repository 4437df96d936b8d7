"""A regimen weighed for a case, before safety checks: the unit the line lists are made of."""

from __future__ import annotations

from attrs import frozen

from her2nav.result import Tier
from her2nav.values import Value


@frozen(repr=False)
class Candidate(Value):
    """A regimen weighed for this case, its tier before safety checks, and why."""

    key: str
    tier: Tier
    why: str
    cautions: tuple[str, ...] = ()  # cautions from the history rather than from one drug
    caution_codes: tuple[str, ...] = ()  # one per caution, in the same order

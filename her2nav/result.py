"""The result of navigating one case: plain values, rendered elsewhere."""

from __future__ import annotations

import enum

from attrs import frozen

from her2nav.case import Case
from her2nav.errors import ExitStatus


class Tier(enum.StrEnum):
    PREFERRED = "preferred"
    ALTERNATIVE = "alternative"
    CONSIDER = "consider"
    AVOID = "avoid"


TIER_ORDER = {tier: rank for rank, tier in enumerate(Tier)}


class ActionKind(enum.StrEnum):
    URGENT = "urgent"
    REBIOPSY = "rebiopsy"
    REFLEX_ISH = "reflex_ish"
    CARDIAC_ASSESSMENT = "cardiac_assessment"
    DENTAL_REVIEW = "dental_review"
    SPECIALIST_REVIEW = "specialist_review"
    CLINICAL_TRIAL = "clinical_trial"


class Modality(enum.StrEnum):
    BONE_MODIFYING_AGENT = "bone_modifying_agent"
    RADIATION = "radiation"
    STEREOTACTIC_RADIATION = "stereotactic_radiation"
    RADIOPHARMACEUTICAL = "radiopharmaceutical"
    SURGERY = "surgery"
    EMBOLIZATION = "embolization"
    PROCEDURE = "procedure"
    SYSTEMIC = "systemic"
    SUPPORTIVE = "supportive"
    INTRATHECAL = "intrathecal"


@frozen
class SystemicOption:
    regimen: str
    drugs: tuple[str, ...]
    tier: Tier
    rationale: str
    evidence: tuple[str, ...]
    cautions: tuple[str, ...] = ()


@frozen
class SiteOption:
    site: str  # a site value of the contract, or "primary"
    intervention: str
    modality: Modality
    tier: Tier
    rationale: str
    evidence: tuple[str, ...]
    cautions: tuple[str, ...] = ()


@frozen
class Action:
    kind: ActionKind
    text: str


@frozen
class Missing:
    """A fact the case did not give: what the navigator took instead, and what knowing it could change."""

    field: str  # the case field, as a path: "lvef", "treatments[0].outcome", "sites[1].symptoms"
    assumed: str
    effect: str

    def __str__(self) -> str:
        return f"{self.field}: {self.assumed}; {self.effect}"


@frozen
class TraceStep:
    step: str
    decision: str
    because: str


@frozen
class Result:
    case: Case
    line: int
    line_reason: str
    systemic: tuple[SystemicOption, ...]
    site_specific: tuple[SiteOption, ...]
    actions: tuple[Action, ...]
    missing: tuple[Missing, ...]
    trace: tuple[TraceStep, ...]

    @property
    def reference_ids(self) -> tuple[str, ...]:
        """Every reference id the result cites, in order of first use."""
        ids: dict[str, None] = {}
        for option in self.systemic:
            ids.update(dict.fromkeys(option.evidence))
        for site_option in self.site_specific:
            ids.update(dict.fromkeys(site_option.evidence))
        return tuple(ids)


@frozen
class CaseFailure:
    """A case of a batch that gave no result: the error line of the contract."""

    input_line: int
    id: str | None
    exit_status: ExitStatus
    message: str

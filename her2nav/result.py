"""The result of navigating one case: plain values, rendered elsewhere."""

from __future__ import annotations

import enum

from attrs import frozen

from her2nav import terms
from her2nav.case import Case
from her2nav.errors import ExitStatus
from her2nav.values import Value

# The vocabulary (terms.py), still importable from here.
TIER_ORDER = terms.TIER_ORDER
ActionKind = terms.ActionKind
Modality = terms.Modality
Tier = terms.Tier


@frozen(repr=False)
class SystemicOption(Value):
    regimen: str
    drugs: tuple[str, ...]
    tier: Tier
    rationale: str
    evidence: tuple[str, ...]
    cautions: tuple[str, ...] = ()
    # The part of the rationale about this patient (the rest is the studies' findings); the
    # terminal view shows it alone unless asked for details. Empty: the whole rationale is.
    reason: str = ""

    # Which of `drugs` are a choice of partner (one is given) and which may be added; the rest
    # every patient gets. Not part of the JSON result: the concordance audit reads them.
    partners: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()
    key: str = ""  # the regimen's key in knowledge/regimens.py (or "continue"): what JSON consumers join on
    # One stable code per caution, in the same order (knowledge/caution_codes.py:CAUTION_CODES).
    caution_codes: tuple[str, ...] = ()

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(drug for drug in self.drugs if drug not in self.partners and drug not in self.optional)


@frozen(repr=False)
class SiteOption(Value):
    site: str  # a site value of the contract, or "primary"
    intervention: str
    modality: Modality
    tier: Tier
    rationale: str
    evidence: tuple[str, ...]
    cautions: tuple[str, ...] = ()
    # The case's facts the rationale starts with, shown once per site in the terminal view.
    facts: str = ""
    key: str = ""  # the intervention's key in knowledge/interventions.py: what JSON consumers join on
    caution_codes: tuple[str, ...] = ()  # one stable code per caution, in the same order


@frozen(repr=False)
class Action(Value):
    kind: ActionKind
    text: str
    code: str = ""  # its stable code, registered in knowledge/actions.py:ACTION_CODES: what JSON consumers join on


@frozen(repr=False)
class Missing(Value):
    """A fact the case did not give: what the navigator took instead, and what knowing it could change."""

    field: str  # the case field, as a path: "lvef", "treatments[0].outcome", "sites[1].symptoms"
    assumed: str
    effect: str
    # False for a default that could not change this answer (an endocrine fact in an HR-negative
    # case): listed in the JSON like every other, folded in the terminal view unless --details.
    changes_answer: bool = True

    def __str__(self) -> str:
        return f"{self.field}: {self.assumed}; {self.effect}"


@frozen(repr=False)
class TraceStep(Value):
    step: str
    decision: str
    because: str


class ProvenanceHow(enum.StrEnum):
    """How a fact of a case read from FHIR was arrived at."""

    READ = "read"            # taken as the record gives it
    INFERRED = "inferred"    # worked out from other facts (dates, intent, stop reasons)
    FLAG = "flag"            # given on the command line, over what the record said
    IGNORED = "ignored"      # a resource or value not used, and why
    CONFLICT = "conflict"    # facts that disagree, settled by a flag
    NOT_FOUND = "not_found"  # nothing in the record gave this fact


@frozen(repr=False)
class SourceRef(Value):
    """A resource by type and position in the input (never by its id, which may be a record number)."""

    resource: str
    place: str
    element: str = ""
    code: str = ""
    date: str = ""


@frozen(repr=False)
class Provenance(Value):
    """Where one fact came from, for a case read from FHIR."""

    field: str  # a case field path (her2_ihc, treatments[1].setting), or "" for an ignored resource
    value: str
    how: ProvenanceHow
    sources: tuple[SourceRef, ...] = ()
    note: str = ""


NOT_LISTED = "not_listed"


@frozen(repr=False)
class Concordance(Value):
    """How the treatment actually chosen compares with the options listed for the case."""

    chosen: tuple[str, ...]  # generic names, as the case gives them
    option_index: int | None  # the matching option's place in `Result.systemic`; None when not listed
    regimen: str | None
    tier: Tier | None
    reason: str

    @property
    def category(self) -> str:
        """The tier of the matching option, or `not_listed`: what an audit counts."""
        return self.tier.value if self.tier is not None else NOT_LISTED


CONCORDANCE_CATEGORIES = (*(tier.value for tier in Tier), NOT_LISTED)


@frozen(repr=False)
class Result(Value):
    case: Case
    line: int
    line_reason: str
    systemic: tuple[SystemicOption, ...]
    site_specific: tuple[SiteOption, ...]
    actions: tuple[Action, ...]
    missing: tuple[Missing, ...]
    trace: tuple[TraceStep, ...]
    also_cites: tuple[str, ...] = ()  # references the trace speaks of, beyond the options' evidence
    provenance: tuple[Provenance, ...] = ()  # only for a case read from FHIR
    concordance: Concordance | None = None  # only when the case gives `chosen`

    @property
    def reference_ids(self) -> tuple[str, ...]:
        """Every reference id the result cites, in order of first use."""
        ids: dict[str, None] = {}
        for option in self.systemic:
            ids.update(dict.fromkeys(option.evidence))
        for site_option in self.site_specific:
            ids.update(dict.fromkeys(site_option.evidence))
        ids.update(dict.fromkeys(self.also_cites))
        return tuple(ids)


@frozen(repr=False)
class CaseFailure(Value):
    """A case of a batch that gave no result: the error line of the contract."""

    input_line: int
    id: str | None
    exit_status: ExitStatus
    message: str


# What one case of a batch gives: its result, or the failure reported in its place.
BatchOutcome = Result | CaseFailure

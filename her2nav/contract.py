"""The JSON shape of the contract, written once: the result object, the error line, the references document.

Everything a reader of her2nav's JSON relies on (keys, their order, which lists end a result)
is built here from the values, and encoded elsewhere (render/json_out.py, render/json_lines.py).
The case echoed in a result is `Case.to_dict`, the case's own shape. Input and output carry
their own schema versions: `CASE_SCHEMA_VERSION` (in case.py, with the versions a case may
give) and `RESULT_SCHEMA_VERSION` here.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from functools import cache
from typing import Any

from her2nav import __version__
from her2nav.knowledge import EVIDENCE_AS_OF, INTENDED_USE, KNOWLEDGE_BASE_VERSION
from her2nav.knowledge.reference_model import Reference
from her2nav.knowledge.references import REFERENCES
from her2nav.result import (
    Action,
    CaseFailure,
    Concordance,
    Missing,
    Provenance,
    Result,
    SiteOption,
    SystemicOption,
    TraceStep,
)

RESULT_SCHEMA_VERSION = "2"  # of the result object, the error line and the references document


class ReferenceMode(enum.StrEnum):
    """How a result gives its `references`: resolved entries (the contract) or their ids only."""

    FULL = "full"
    IDS = "ids"


# The lists that end every result object and every batch error line, in order.
# `provenance` is empty unless the case was read from FHIR.
LIST_KEYS = ("systemic", "site_specific", "actions", "missing", "trace", "references", "provenance")


def knowledge_base_info() -> dict[str, str]:
    return {"version": KNOWLEDGE_BASE_VERSION, "evidence_as_of": EVIDENCE_AS_OF}


@cache
def reference_dict(reference_id: str) -> dict[str, Any]:
    """One resolved reference; built once per process, since many results cite the same studies."""
    return reference_to_dict(REFERENCES[reference_id])


def reference_to_dict(reference: Reference) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": reference.id,
        "trial": reference.trial,
        "citation": reference.citation,
        "kind": reference.kind.value,
        "doi": reference.doi or None,
        "pmid": reference.pmid or None,
        "identifier_note": reference.identifier_note or None,
        "finding": reference.finding,
    }
    return out


def systemic_option_dict(o: SystemicOption) -> dict[str, Any]:
    return {"key": o.key, "regimen": o.regimen, "drugs": list(o.drugs), "tier": o.tier.value, "rationale": o.rationale,
            "evidence": list(o.evidence), "cautions": list(o.cautions), "caution_codes": list(o.caution_codes)}


def site_option_dict(o: SiteOption) -> dict[str, Any]:
    return {"key": o.key, "site": o.site, "intervention": o.intervention, "modality": o.modality.value,
            "tier": o.tier.value, "rationale": o.rationale, "evidence": list(o.evidence),
            "cautions": list(o.cautions), "caution_codes": list(o.caution_codes)}


def action_dict(a: Action) -> dict[str, Any]:
    return {"kind": a.kind.value, "code": a.code, "text": a.text}


def missing_dict(m: Missing) -> dict[str, Any]:
    return {"field": m.field, "assumed": m.assumed, "effect": m.effect}


def trace_step_dict(t: TraceStep) -> dict[str, Any]:
    return {"step": t.step, "decision": t.decision, "because": t.because}


def provenance_dict(p: Provenance) -> dict[str, Any]:
    return {"field": p.field, "value": p.value, "how": p.how.value,
            "sources": [{"resource": s.resource, "place": s.place, "element": s.element, "code": s.code,
                         "date": s.date} for s in p.sources],
            "note": p.note}


def concordance_dict(concordance: Concordance | None) -> dict[str, Any] | None:
    if concordance is None:
        return None
    return {"chosen": list(concordance.chosen), "tier": concordance.category, "regimen": concordance.regimen,
            "option_index": concordance.option_index, "reason": concordance.reason}


def meta(case_id: str | None) -> dict[str, Any]:
    """The first fields of every result object and error line."""
    return {"schema_version": RESULT_SCHEMA_VERSION, "id": case_id, "program_version": __version__,
            "knowledge_base": knowledge_base_info(), "intended_use": INTENDED_USE}


def head(result: Result) -> dict[str, Any]:
    """The fields of the result object before its lists of entries, in the contract's order."""
    out = meta(result.case.id)
    out.update({"case": result.case.to_dict(), "line": result.line, "line_reason": result.line_reason})
    return out


def entry_lists(
    result: Result, references: ReferenceMode
) -> tuple[tuple[str, Sequence[Any], Callable[[Any], Any]], ...]:
    """The lists that end the result object, in order: key, entries and how each entry is written."""
    return tuple(zip(LIST_KEYS, (result.systemic, result.site_specific, result.actions, result.missing,
                                 result.trace, result.reference_ids, result.provenance), (
        systemic_option_dict, site_option_dict, action_dict, missing_dict, trace_step_dict,
        reference_dict if references is ReferenceMode.FULL else str, provenance_dict), strict=True))


def tail(result: Result) -> dict[str, Any]:
    """The fields after the lists: the concordance audit, and `error`, null on a result."""
    return {"concordance": concordance_dict(result.concordance), "error": None}


def result_to_dict(result: Result, references: ReferenceMode = ReferenceMode.FULL) -> dict[str, Any]:
    out = head(result)
    for key, entries, to_json in entry_lists(result, references):
        out[key] = [to_json(entry) for entry in entries]
    out.update(tail(result))
    return out


def failure_to_dict(failure: CaseFailure) -> dict[str, Any]:
    """A case that gave no result: the same keys as a result, empty, and the `error` object."""
    out = meta(failure.id)
    out.update({"case": None, "line": None, "line_reason": None})
    out.update({key: [] for key in LIST_KEYS})
    out.update({"concordance": None, "error": {"code": int(failure.exit_status), "message": failure.message,
                                               "input_line": failure.input_line}})
    return out


def to_dict(result: Result, references: str = "full") -> dict[str, Any]:
    """Exactly the JSON result (`her2nav recommend --format json`), as plain Python values.

    `references="ids"` lists the reference ids instead of the resolved entries, as
    `her2nav batch --references ids` does.
    """
    return result_to_dict(result, ReferenceMode(references))


def references_document(references: Sequence[Reference]) -> dict[str, Any]:
    """`her2nav references --format json`: the knowledge base's version and the chosen references."""
    return {
        "schema_version": RESULT_SCHEMA_VERSION,
        "knowledge_base": knowledge_base_info(),
        "references": [reference_dict(reference.id) for reference in references],
    }

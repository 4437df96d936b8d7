"""The result object of the contract, as JSON text (never through Rich).

`result_to_dict` is the object; `render_json` prints it for a person (indented) and
`compact_json` writes it as one batch line. Many entries of a result recur from case to
case (the same option for the same facts, the same studies), so `compact_json` encodes
each distinct entry once and reuses its text: the line is byte for byte what
`compact(result_to_dict(result))` gives. Non-ASCII text is kept, except characters that
would be invisible or misleading where the JSON is read, which are escaped.
"""

from __future__ import annotations

import enum
import json
import re
from collections.abc import Callable, Sequence
from functools import cache, lru_cache
from typing import Any, TypeVar

from her2nav import __version__
from her2nav.case import SCHEMA_VERSION
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

T = TypeVar("T")

# Distinct entries remembered per kind: enough for the options of a whole clinic list, and a
# bound on memory however many cases a batch holds.
_ENCODED_ENTRIES_KEPT = 1024


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
    return {"regimen": o.regimen, "drugs": list(o.drugs), "tier": o.tier.value, "rationale": o.rationale,
            "evidence": list(o.evidence), "cautions": list(o.cautions)}


def site_option_dict(o: SiteOption) -> dict[str, Any]:
    return {"site": o.site, "intervention": o.intervention, "modality": o.modality.value,
            "tier": o.tier.value, "rationale": o.rationale, "evidence": list(o.evidence),
            "cautions": list(o.cautions)}


def action_dict(a: Action) -> dict[str, Any]:
    return {"kind": a.kind.value, "text": a.text}


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


def _meta(case_id: str | None) -> dict[str, Any]:
    """The first fields of every result object and error line."""
    return {"schema_version": SCHEMA_VERSION, "id": case_id, "program_version": __version__,
            "knowledge_base": knowledge_base_info(), "intended_use": INTENDED_USE}


def _head(result: Result) -> dict[str, Any]:
    """The fields of the result object before its lists of entries, in the contract's order."""
    out = _meta(result.case.id)
    out.update({"case": result.case.to_dict(), "line": result.line, "line_reason": result.line_reason})
    return out


def _entry_lists(
    result: Result, references: ReferenceMode
) -> tuple[tuple[str, Sequence[Any], Callable[[Any], Any]], ...]:
    """The lists that end the result object, in order: key, entries and how each entry is written."""
    return tuple(zip(LIST_KEYS, (result.systemic, result.site_specific, result.actions, result.missing,
                                 result.trace, result.reference_ids, result.provenance), (
        systemic_option_dict, site_option_dict, action_dict, missing_dict, trace_step_dict,
        reference_dict if references is ReferenceMode.FULL else str, provenance_dict), strict=True))


def _tail(result: Result) -> dict[str, Any]:
    """The fields after the lists: the concordance audit, and `error`, null on a result."""
    return {"concordance": concordance_dict(result.concordance), "error": None}


def result_to_dict(result: Result, references: ReferenceMode = ReferenceMode.FULL) -> dict[str, Any]:
    out = _head(result)
    for key, entries, to_json in _entry_lists(result, references):
        out[key] = [to_json(entry) for entry in entries]
    out.update(_tail(result))
    return out


def failure_to_dict(failure: CaseFailure) -> dict[str, Any]:
    """A case that gave no result: the same keys as a result, empty, and the `error` object."""
    out = _meta(failure.id)
    out.update({"case": None, "line": None, "line_reason": None})
    out.update({key: [] for key in LIST_KEYS})
    out.update({"concordance": None, "error": {"code": int(failure.exit_status), "message": failure.message,
                                               "input_line": failure.input_line}})
    return out


# Characters that are valid raw in JSON strings but invisible or misleading where JSON is read:
# C1 controls (U+009B starts a terminal escape sequence), DEL, and direction marks and overrides
# (U+202E makes text read backwards). Escaped as \uXXXX, as ensure_ascii would write them,
# while other non-ASCII text (±, é, ≥) stays readable. The same set as render/plain.py.
_INVISIBLE = re.compile("[\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escape_invisible(text: str) -> str:
    """JSON text with the invisible characters escaped; they can only stand inside strings."""
    if not _INVISIBLE.search(text):
        return text
    return _INVISIBLE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def dumps(data: object) -> str:
    """Compact-safe, stable JSON: keys in our order, non-ASCII kept (invisible ones escaped), one line."""
    return _escape_invisible(json.dumps(data, ensure_ascii=False))


def render_json(result: Result, indent: int | None = 2) -> str:
    return _escape_invisible(json.dumps(result_to_dict(result), ensure_ascii=False, indent=indent))


# json.dumps(data, ensure_ascii=False, separators=(",", ":")), without building an encoder per call
_compact_encoder = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def compact(data: object) -> str:
    """One line of JSON without spaces, non-ASCII kept (invisible ones escaped): the form of a batch line."""
    return _escape_invisible(_compact_encoder.encode(data))


def compact_json(result: Result, references: ReferenceMode = ReferenceMode.FULL) -> str:
    """`compact(result_to_dict(result, references))`, with each recurring entry encoded once per process.

    Compact JSON has no indentation, so an entry's text does not depend on where it stands
    and the encoded entries can be joined into the lists as they are.
    """
    parts = [compact(_head(result)).removesuffix("}")]
    for key, entries, to_json in _entry_lists(result, references):
        parts += [",", compact(key), ":[", ",".join(map(_encoder(to_json), entries)), "]"]
    parts += [",", compact(_tail(result)).removeprefix("{")]
    return "".join(parts)


@cache
def _encoder(to_json: Callable[[T], Any]) -> Callable[[T], str]:
    """The compact text of one kind of entry, remembered for the most recent distinct entries."""

    @lru_cache(maxsize=_ENCODED_ENTRIES_KEPT)
    def encode(entry: T) -> str:
        return compact(to_json(entry))

    return encode

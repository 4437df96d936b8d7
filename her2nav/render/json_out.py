"""The result object of the contract, as JSON text (never through Rich)."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from her2nav import __version__
from her2nav.case import SCHEMA_VERSION
from her2nav.knowledge import EVIDENCE_AS_OF, INTENDED_USE, KNOWLEDGE_BASE_VERSION
from her2nav.knowledge.reference_model import Reference, SourceKind
from her2nav.knowledge.references import REFERENCES
from her2nav.result import Result


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
    }
    if reference.doi:
        out["doi"] = reference.doi
    if reference.pmid:
        out["pmid"] = reference.pmid
    if not (reference.doi or reference.pmid or reference.kind is SourceKind.LABEL):
        out["identifier_note"] = "no DOI or PMID verified; find it by the citation"
    out["finding"] = reference.finding
    return out


def result_to_dict(result: Result) -> dict[str, Any]:
    out: dict[str, Any] = {"schema_version": SCHEMA_VERSION}
    if result.case.id is not None:
        out["id"] = result.case.id
    out.update({
        "program_version": __version__,
        "knowledge_base": knowledge_base_info(),
        "intended_use": INTENDED_USE,
        "case": result.case.to_dict(),
        "line": result.line,
        "line_reason": result.line_reason,
        "systemic": [
            {"regimen": o.regimen, "drugs": list(o.drugs), "tier": o.tier.value, "rationale": o.rationale,
             "evidence": list(o.evidence), "cautions": list(o.cautions)}
            for o in result.systemic
        ],
        "site_specific": [
            {"site": o.site, "intervention": o.intervention, "modality": o.modality.value,
             "tier": o.tier.value, "rationale": o.rationale, "evidence": list(o.evidence),
             "cautions": list(o.cautions)}
            for o in result.site_specific
        ],
        "actions": [{"kind": a.kind.value, "text": a.text} for a in result.actions],
        "missing": list(result.missing),
        "trace": [{"step": t.step, "decision": t.decision, "because": t.because} for t in result.trace],
        "references": [reference_dict(ref_id) for ref_id in result.reference_ids],
    })
    return out


def dumps(data: object) -> str:
    """Compact-safe, stable JSON: keys in our order, non-ASCII kept, one line."""
    return json.dumps(data, ensure_ascii=False)


def render_json(result: Result, indent: int | None = 2) -> str:
    return json.dumps(result_to_dict(result), ensure_ascii=False, indent=indent)

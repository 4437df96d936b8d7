"""The knowledge base's citations: every reference the decisions cite resolves and can be checked.

A cited reference gives its trial, first author, journal and year, and a DOI or PMID, so a reader
can find the paper. The exceptions, sources whose identifiers could not be verified, are listed by
id with the reason in `CITED_WITHOUT_IDENTIFIER`, so adding another is a deliberate act
(docs/evidence-verification.md records the searches). Drug labels are found by issuer and name.
"""

from __future__ import annotations

import pytest

from her2nav.contract import reference_dict
from her2nav.knowledge.citations import cited_reference_ids
from her2nav.knowledge.reference_model import SourceKind
from her2nav.knowledge.references import CITED_WITHOUT_IDENTIFIER, REFERENCES
from her2nav.knowledge.regimens import REGIMENS

CITED = sorted(cited_reference_ids())


def test_every_regimen_cites_evidence() -> None:
    for regimen in REGIMENS.values():
        assert regimen.evidence, f"{regimen.key} cites nothing"


@pytest.mark.parametrize("reference_id", CITED)
def test_every_cited_reference_resolves(reference_id: str) -> None:
    assert reference_id in REFERENCES


@pytest.mark.parametrize("reference_id", CITED)
def test_every_cited_reference_can_be_found(reference_id: str) -> None:
    reference = REFERENCES[reference_id]
    assert reference.citable
    assert reference.finding
    if reference.kind in (SourceKind.LABEL, SourceKind.SOURCE):  # found by issuer or title
        return
    assert reference.first_author, f"{reference_id}: no first author"
    if reference_id not in CITED_WITHOUT_IDENTIFIER:
        assert reference.doi or reference.pmid, f"{reference_id}: neither DOI nor PMID"


def test_the_documented_exceptions_are_still_needed() -> None:
    """An exception that gained an identifier, or is no longer cited, leaves the list."""
    for reference_id in CITED_WITHOUT_IDENTIFIER:
        assert reference_id in CITED, f"{reference_id} is no longer cited"
        reference = REFERENCES[reference_id]
        assert not (reference.doi or reference.pmid), f"{reference_id} now has an identifier: remove it"

def test_labels_cited_are_labels() -> None:
    for reference_id in CITED:
        if reference_id.startswith("label-"):
            assert REFERENCES[reference_id].kind is SourceKind.LABEL


def test_no_nccn_reference() -> None:
    """NCCN is named at most, never cited (clinical-rules.md preamble)."""
    for reference_id, reference in REFERENCES.items():
        assert "nccn" not in reference_id.lower()
        assert "NCCN" not in reference.trial
        assert "NCCN" not in reference.journal


def test_identifiers_are_well_formed() -> None:
    for reference in REFERENCES.values():
        if reference.doi:
            assert reference.doi.startswith("10."), reference.id
        if reference.pmid:
            assert reference.pmid.isdigit(), reference.id


@pytest.mark.parametrize("reference_id", CITED)
def test_every_resolved_reference_gives_an_identifier_or_says_why_not(reference_id: str) -> None:
    resolved = reference_dict(reference_id)
    if REFERENCES[reference_id].kind is SourceKind.LABEL:
        assert "drug label" in resolved["identifier_note"]
    elif REFERENCES[reference_id].kind is SourceKind.SOURCE:
        assert "patient-education article with no DOI or PMID" in resolved["identifier_note"]
    else:
        assert "doi" in resolved or "pmid" in resolved or "DOI or PMID verified" in resolved["identifier_note"]

"""The knowledge base's citations: every reference a regimen cites resolves and can be checked.

A reference cited by a regimen gives its trial, first author, journal and year, and a DOI or PMID,
so a reader can find the paper. The exceptions are listed here by id, each with why, so that adding
another is a deliberate act (docs/evidence-verification.md records the searches).
"""

from __future__ import annotations

import pytest

from her2nav.knowledge.reference_model import SourceKind
from her2nav.knowledge.references import REFERENCES
from her2nav.knowledge.regimens import REGIMENS

# Trials whose DOI and PMID could not be verified: cited by trial, author, journal and year only.
NO_VERIFIED_IDENTIFIER = {
    "patina-2026": "NEJM 2026;394(5):451-462 confirmed; no page showed a DOI or PMID",
    "her2climb-05-2025": "J Clin Oncol publication confirmed; no identifier seen",
    "gbg-26-2009": "J Clin Oncol 2009;27(12):1999-2006 confirmed; no DOI or PMID seen",
}

# Drug labels have no author, DOI or PMID: they are identified by the agency and the year.
LABELS = {
    "label-trastuzumab-deruxtecan-us": "US prescribing information (FDA label)",
}

CITED = sorted({reference_id for regimen in REGIMENS.values() for reference_id in regimen.evidence})


def test_every_regimen_cites_evidence() -> None:
    for regimen in REGIMENS.values():
        assert regimen.evidence, f"{regimen.key} cites nothing"


@pytest.mark.parametrize("reference_id", CITED)
def test_every_cited_reference_resolves(reference_id: str) -> None:
    assert reference_id in REFERENCES


def _identifier_params() -> list[object]:
    params: list[object] = []
    for reference_id in CITED:
        params.append(pytest.param(reference_id, id=reference_id))
    return params


@pytest.mark.parametrize("reference_id", _identifier_params())
def test_every_cited_reference_can_be_found(reference_id: str) -> None:
    reference = REFERENCES[reference_id]
    assert reference.trial
    assert reference.journal
    assert reference.year is not None
    assert reference.finding
    if reference_id in LABELS:
        assert reference.kind is SourceKind.LABEL
        return
    assert reference.first_author, f"{reference_id}: no first author"
    if reference_id not in NO_VERIFIED_IDENTIFIER:
        assert reference.doi or reference.pmid, f"{reference_id}: neither DOI nor PMID"


def test_the_documented_exceptions_are_still_needed() -> None:
    """An exception that gained an identifier, or is no longer cited, leaves the list."""
    for reference_id in NO_VERIFIED_IDENTIFIER:
        assert reference_id in CITED, f"{reference_id} is no longer cited by a regimen"
        reference = REFERENCES[reference_id]
        assert not (reference.doi or reference.pmid), f"{reference_id} now has an identifier: remove it"
    for reference_id in LABELS:
        assert reference_id in CITED


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

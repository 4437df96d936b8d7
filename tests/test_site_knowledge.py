"""The site-specific knowledge is well formed: every modality is a contract value, every cited source is
citable, and every brain note belongs to a regimen the navigator knows."""

from __future__ import annotations

import pytest

from her2nav.knowledge import site_care
from her2nav.knowledge.references import REFERENCES
from her2nav.knowledge.regimens import CNS_ACTIVE_REGIMENS, REGIMENS
from her2nav.result import Modality

INTERVENTIONS = {name: value for name, value in vars(site_care).items()
                 if isinstance(value, site_care.Intervention)}


def test_there_is_knowledge_for_every_section() -> None:
    assert len(INTERVENTIONS) >= 25


@pytest.mark.parametrize("name", sorted(INTERVENTIONS))
def test_intervention_is_well_formed(name: str) -> None:
    item = INTERVENTIONS[name]
    assert item.modality in {m.value for m in Modality}
    assert item.basis.endswith(".")
    for ref_id in item.evidence:
        assert REFERENCES[ref_id].citable, f"{name} cites {ref_id}"
    if not item.evidence:  # a procedure without a study says what it rests on
        assert "clinical consensus" in item.basis


@pytest.mark.parametrize("key", sorted(key for key, regimen in REGIMENS.items() if regimen.brain_note))
def test_brain_notes_cite_citable_sources(key: str) -> None:
    note = REGIMENS[key].brain_note
    assert note is not None
    assert all(REFERENCES[ref_id].citable for ref_id in note.evidence)


def test_the_cns_active_regimens_are_the_tucatinib_triplet_and_tdxd_alone() -> None:
    """As NO_CNS_ACTIVE_REGIMEN names them; T-DXd + pertuzumab has no CNS data in the knowledge base."""
    expected = {frozenset({"tucatinib", "trastuzumab", "capecitabine"}), frozenset({"trastuzumab deruxtecan"})}
    assert expected == CNS_ACTIVE_REGIMENS
    assert not REGIMENS["tdxd-p"].cns_active


def test_zoledronic_acid_bands_cover_30_to_60_from_the_top_down() -> None:
    lows = [low for low, _ in site_care.ZOLEDRONIC_ACID_REDUCED_DOSES]
    assert lows == sorted(lows, reverse=True)
    assert lows[-1] == site_care.ZOLEDRONIC_ACID_NOT_BELOW
    assert lows[0] < site_care.ZOLEDRONIC_ACID_FULL_DOSE_ABOVE

"""The knowledge tables built when the package loads: the reference index, the drug names people
type, and the list of references the decisions can cite.

These tables are built once, at import. Each test here builds its table again inside the test,
so that the code that builds it is itself checked (and not only the table it built at start-up).
"""

from __future__ import annotations

import pytest

from her2nav.knowledge.citations import cited_reference_ids
from her2nav.knowledge.drugs import KNOWN_NAMES, _known_names, suggest_drug_names
from her2nav.knowledge.references import _REFERENCES, REFERENCES, _index


def test_the_reference_index_keys_every_reference_by_its_id() -> None:
    index = _index(_REFERENCES)
    assert index == REFERENCES
    assert index["cleopatra-2015"].trial == "CLEOPATRA"
    assert len(index) == len(_REFERENCES)


def test_the_reference_index_refuses_a_duplicate_id_and_names_it() -> None:
    cleopatra = REFERENCES["cleopatra-2015"]
    with pytest.raises(ValueError, match="duplicate reference id: cleopatra-2015"):
        _index([cleopatra, REFERENCES["emilia-2012"], cleopatra])


def test_drug_names_resolve_brands_aliases_and_regimen_shorthands() -> None:
    known = _known_names()
    assert known == KNOWN_NAMES
    assert known["herceptin"] == ("herceptin", ("trastuzumab",))
    assert known["adotrastuzumabemtansine"] == ("ado-trastuzumab emtansine", ("trastuzumab emtansine",))
    # a shorthand is shown as people write it, in capitals
    assert known["thp"] == ("THP", ("docetaxel", "trastuzumab", "pertuzumab"))


def test_did_you_mean_offers_the_closest_names_only() -> None:
    """A near miss of one aromatase inhibitor does not suggest another one."""
    assert suggest_drug_names("letrozol") == ["letrozole"]
    assert suggest_drug_names("anastrozol") == ["anastrozole"]


def test_did_you_mean_offers_at_most_three_names_closest_first() -> None:
    suggestions = suggest_drug_names("trastuzumabe")
    assert len(suggestions) == 3
    assert suggestions[0] == "trastuzumab"


def test_cited_references_gather_regimens_site_care_and_brain_notes() -> None:
    cited = cited_reference_ids()
    assert "cleopatra-2015" in cited  # a regimen's evidence
    assert "calgb-70604-2017" in cited  # a site-specific intervention's evidence (zoledronic acid)
    assert {"kamilla-brain-2020", "her2climb-brain-2023", "landscape-2013"} <= cited  # brain notes only
    assert all(reference_id in REFERENCES for reference_id in cited)

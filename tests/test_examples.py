"""The shipped examples give the output committed beside them (reviewed by a clinician's reading)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from her2nav.case import Case
from her2nav.contract import result_to_dict
from her2nav.navigate import navigate

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
CASES = sorted(EXAMPLES.glob("*.json"))


def test_there_are_examples_for_every_expected_file() -> None:
    expected = {p.name for p in (EXAMPLES / "expected").glob("*.json")}
    assert expected == {p.name for p in CASES}
    assert len(CASES) >= 6


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_example_matches_expected_output(path: Path) -> None:
    result = navigate(Case.from_mapping(json.loads(path.read_text())))
    expected = json.loads((EXAMPLES / "expected" / path.name).read_text())
    assert result_to_dict(result) == expected

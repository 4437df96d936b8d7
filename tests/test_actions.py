"""Actions and missing facts: clinical-rules.md sections 0 (re-biopsy, pregnancy, missing facts),
4 (clinical trial) and 5 (cardiac assessment)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import action_kinds, action_text, course, progressed_on, run
from tests.scenarios import SECOND_LINE, THIRD_LINE

RECURRENCE: dict[str, Any] = {"presentation": "recurrence",
                              "treatments": [course("trastuzumab+paclitaxel", "adjuvant", months=30)]}

ACTIONS = [
    # section 0: re-biopsy at recurrence
    ("recurrence, metastasis not biopsied -> rebiopsy", {**RECURRENCE, "metastasis_biopsied": False},
     "rebiopsy", True),
    ("recurrence, biopsy not stated -> rebiopsy", RECURRENCE, "rebiopsy", True),
    ("recurrence, metastasis biopsied -> no rebiopsy", {**RECURRENCE, "metastasis_biopsied": True},
     "rebiopsy", False),
    ("de novo stage IV -> no rebiopsy", {}, "rebiopsy", False),
    # section 0: pregnancy
    ("pregnancy -> specialist review", {"conditions": ["pregnancy"]}, "specialist_review", True),
    ("not pregnant -> no specialist review", {}, "specialist_review", False),
    # section 5: cardiac
    ("LVEF 45 -> cardiac assessment", {"lvef": 45}, "cardiac_assessment", True),
    ("LVEF 35 -> cardiac assessment", {"lvef": 35}, "cardiac_assessment", True),
    ("heart failure -> cardiac assessment", {"conditions": ["heart_failure"]}, "cardiac_assessment", True),
    ("LVEF 60 -> no cardiac assessment", {"lvef": 60}, "cardiac_assessment", False),
    # section 4: clinical trial from the third line on, or when nothing is left
    ("line 1 -> no clinical trial action", {}, "clinical_trial", False),
    ("line 2 -> no clinical trial action", SECOND_LINE, "clinical_trial", False),
    ("line 3 -> clinical trial", THIRD_LINE, "clinical_trial", True),
    ("line 4 -> clinical trial", {"treatments": progressed_on("THP", "T-DXd", "T-DM1")}, "clinical_trial", True),
    ("line 1, LVEF 30: every option avoided -> clinical trial", {"lvef": 30}, "clinical_trial", True),
]


@pytest.mark.parametrize(("changes", "kind", "present"), [pytest.param(*row[1:], id=row[0]) for row in ACTIONS])
def test_action(changes: dict[str, Any], kind: str, present: bool) -> None:
    assert (kind in action_kinds(run(**changes))) is present


def test_rebiopsy_cites_receptor_discordance_and_names_the_metric() -> None:
    """About a fifth positive-to-negative, a tenth negative-to-positive (evidence.md 9f, Schrijver 2018)."""
    text = action_text(run(**RECURRENCE), "rebiopsy")
    assert "21.3%" in text
    assert "9.5%" in text
    assert "pooled conversion" in text
    assert "positive to negative" in text and "negative to positive" in text


def test_pregnancy_specialist_review_says_trimester_and_after_delivery() -> None:
    text = action_text(run(conditions=["pregnancy"]), "specialist_review")
    assert "trimester" in text
    assert "after delivery" in text


def test_cardiac_assessment_names_the_finding() -> None:
    assert "LVEF 45" in action_text(run(lvef=45), "cardiac_assessment")
    assert "heart failure" in action_text(run(conditions=["heart_failure"]), "cardiac_assessment")


# ---------------------------------------------------------------- missing facts are named (section 0)

MISSING = [
    ("no LVEF -> cardiac cautions not evaluated", {"lvef": None}, "lvef", "cardiac cautions were not evaluated"),
    ("no ECOG -> fitness for chemotherapy not judged", {"ecog": None}, "ecog",
     "fitness for chemotherapy was not judged"),
]


@pytest.mark.parametrize(("changes", "field", "says"), [pytest.param(*row[1:], id=row[0]) for row in MISSING])
def test_missing_fact_is_named(changes: dict[str, Any], field: str, says: str) -> None:
    missing = " | ".join(map(str, run(**changes).missing))
    assert field in missing
    assert says in missing


def test_nothing_missing_when_lvef_and_ecog_are_given() -> None:
    missing = " | ".join(map(str, run().missing))
    assert "lvef" not in missing
    assert "ecog" not in missing

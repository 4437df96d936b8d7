"""The cardiac assessment and clinical-trial actions (clinical-rules.md sections 0, 4 and 5).

LVEF below 50% or heart failure: a cardiac assessment naming the finding. No LVEF: measure it
(the cardiac cautions were not evaluated). Pregnancy: no HER2-targeted therapy until after
delivery, so no cardiac work-up is asked for now. A clinical trial is offered from the third
line on, and whenever no systemic option is left.
"""

from __future__ import annotations

from typing import Any

import pytest

from her2nav.result import ActionKind, Tier
from tests.conftest import action_text, option, run
from tests.scenarios import THP
from tests.site_helpers import actions_of


@pytest.mark.parametrize(("changes", "finding"), [
    pytest.param({"conditions": ["heart_failure"]}, "heart failure", id="heart failure"),
    pytest.param({"lvef": 45}, "LVEF 45%", id="LVEF 45%"),
    pytest.param({"conditions": ["heart_failure"], "lvef": 45}, "heart failure and LVEF 45%", id="both"),
])
def test_cardiac_assessment_ends_with_the_findings(changes: dict[str, Any], finding: str) -> None:
    text = action_text(run(**changes), "cardiac_assessment")
    assert text.startswith("Cardiac assessment (echocardiogram or MUGA, cardio-oncology review)")
    assert text.endswith(f": {finding}.")


def test_lvef_of_exactly_50_is_not_below_50() -> None:
    result = run(lvef=50)
    assert actions_of(result, ActionKind.CARDIAC_ASSESSMENT) == []
    assert not any("LVEF" in c for c in option(result, THP).cautions)


def test_missing_lvef_asks_for_it_before_her2_targeted_therapy() -> None:
    text = action_text(run(lvef=None), "cardiac_assessment")
    assert text.startswith("Measure LVEF before starting HER2-targeted therapy")
    assert "cardiac cautions were not evaluated" in text


@pytest.mark.parametrize("lvef", [None, 45], ids=["LVEF not given", "LVEF 45%"])
def test_no_cardiac_work_up_during_pregnancy(lvef: float | None) -> None:
    result = run(lvef=lvef, conditions=["pregnancy"])
    assert actions_of(result, ActionKind.CARDIAC_ASSESSMENT) == []
    assert actions_of(result, ActionKind.SPECIALIST_REVIEW)


def test_clinical_trial_when_nothing_is_left_says_so() -> None:
    """LVEF 35% at first line: every option carries a HER2-targeted agent that is not given."""
    result = run(lvef=35)
    assert all(o.tier is Tier.AVOID for o in result.systemic)
    [trial] = actions_of(result, ActionKind.CLINICAL_TRIAL)
    assert trial.text.startswith("Offer a clinical trial")
    assert "no systemic option in the knowledge base suits this patient" in trial.text

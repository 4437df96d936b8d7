"""The early-relapse window at its edges (clinical-rules.md sections 1 and 9), and what the navigator
says about a relapse after (neo)adjuvant HER2 therapy in line_reason, the trace and the cautions.

ASCO 2022 counts a relapse 12 months or less after (neo)adjuvant HER2 therapy as a failed line
(rec 5.0) and one over 12 months as first line (rec 5.1); the trastuzumab deruxtecan label and
NCCN use 6 months (NCCN 12 after a pertuzumab regimen). The window is a setting: when it differs
from 12 months, the navigator says what ASCO would do.
"""

from __future__ import annotations

from typing import Any

import pytest

from her2nav.navigate import Settings
from her2nav.result import Result, TraceStep
from tests.conftest import cautions_text, course, run
from tests.scenarios import TDXD_P

RECURRENCE: dict[str, Any] = {"presentation": "recurrence", "metastasis_biopsied": True}
ASCO_SECOND_LINE = "ASCO 2022 (rec 5.0) uses 12 months and would treat this relapse as second line"
ASCO_FIRST_LINE = "ASCO 2022 (rec 5.1) uses 12 months and would treat this relapse as first line"


def relapse(window: float, months: float | None = None, drugs: str = "trastuzumab",
            setting: str = "adjuvant", outcome: str | None = None) -> Result:
    return run(Settings(early_relapse_months=window), **RECURRENCE,
               treatments=[course(drugs, setting, outcome=outcome, months=months)])


def steps(result: Result, name: str) -> list[TraceStep]:
    return [step for step in result.trace if step.step == name]


WINDOW_EDGES = [
    pytest.param(6, 6, 2, (), (ASCO_SECOND_LINE, ASCO_FIRST_LINE),
                 id="window 6, relapse at 6 months: early for the window and for ASCO, nothing to add"),
    pytest.param(6, 12, 1, (ASCO_SECOND_LINE,), (ASCO_FIRST_LINE,),
                 id="window 6, relapse at 12 months: first line here, ASCO (12 or less) would say second line"),
    pytest.param(24, 12, 2, (), (ASCO_SECOND_LINE, ASCO_FIRST_LINE),
                 id="window 24, relapse at 12 months: early for the window and for ASCO, no ASCO note"),
    pytest.param(24, 24, 2, (ASCO_FIRST_LINE,), (ASCO_SECOND_LINE,),
                 id="window 24, relapse at 24 months: early for the window, ASCO (over 12) would say first line"),
]


@pytest.mark.parametrize(("window", "months", "line", "said", "not_said"), WINDOW_EDGES)
def test_asco_note_at_the_edges_of_the_window(
    window: float, months: float, line: int, said: tuple[str, ...], not_said: tuple[str, ...]
) -> None:
    result = relapse(window, months)
    assert result.line == line
    for note in said:
        assert note in result.line_reason
    for note in not_said:
        assert note not in result.line_reason


def test_a_non_default_window_is_named_beside_the_asco_rule_it_replaces() -> None:
    assert "(window set to 6 months; ASCO 2022 rec 5.0 uses 12)" in relapse(6, 5).line_reason
    assert "(ASCO 2022 rec 5.0)" in relapse(12, 5).line_reason


def test_pertuzumab_regimen_relapse_between_6_and_12_months_names_each_source() -> None:
    reason = relapse(12, 9, drugs="THP").line_reason
    assert "the trastuzumab deruxtecan label and DESTINY-Breast03 use 6 months" in reason
    assert "NCCN uses 12 months after a (neo)adjuvant programme that contained pertuzumab" in reason


def test_the_nccn_window_looks_at_the_whole_neoadjuvant_and_adjuvant_programme() -> None:
    """Rules 10.8, issue item 11: neoadjuvant TCHP then adjuvant T-DM1, relapse at 9 months. The last
    course had no pertuzumab, but the programme did: NCCN would use 12 months and agree with ASCO."""
    result = run(presentation="recurrence", metastasis_biopsied=True, treatments=[
        course("TCHP", "neoadjuvant"), course("T-DM1", "adjuvant", months=9)])
    assert result.line == 2
    assert "NCCN uses 12 months after a (neo)adjuvant programme that contained pertuzumab" in result.line_reason
    assert "NCCN use 6 months" not in result.line_reason


def test_without_pertuzumab_anywhere_in_the_programme_nccn_uses_6_months() -> None:
    result = run(presentation="recurrence", metastasis_biopsied=True, treatments=[
        course("TCH", "neoadjuvant"), course("T-DM1", "adjuvant", months=9)])
    assert ("DESTINY-Breast03 and NCCN use 6 months after a (neo)adjuvant programme without pertuzumab"
            in result.line_reason)


def test_progression_during_neoadjuvant_therapy_is_a_failed_line_and_the_trace_says_why() -> None:
    result = relapse(12, drugs="THP", setting="neoadjuvant", outcome="progression")
    assert result.line == 2
    assert result.line_reason.startswith("Progression during neoadjuvant docetaxel + trastuzumab + pertuzumab")
    [step] = steps(result, "early relapse")
    assert step.decision == "counts as a failed line"
    assert "course 1" in step.because
    assert "progressed during (neo)adjuvant HER2 therapy" in step.because


def test_unknown_months_after_adjuvant_therapy_is_an_assumed_late_relapse_in_the_trace() -> None:
    result = relapse(12, drugs="THP")
    assert result.line == 1
    [step] = steps(result, "early relapse")
    assert step.decision == "assumed late relapse"
    assert "no months_to_recurrence" in step.because and "more than 12 months" in step.because


@pytest.mark.parametrize(("window", "months", "cautioned"), [
    pytest.param(3, 5, True, id="window 3, relapse at 5 months: first line, inside DESTINY-Breast09's exclusion"),
    pytest.param(3, 6, True, id="window 3, relapse at 6 months: still within 6 months"),
    pytest.param(3, 7, False, id="window 3, relapse at 7 months: outside the exclusion"),
])
def test_tdxd_pertuzumab_cautions_a_first_line_relapse_within_6_months(
    window: float, months: float, cautioned: bool
) -> None:
    """DESTINY-Breast09 excluded relapse within 6 months of (neo)adjuvant HER2 therapy (section 2)."""
    result = relapse(window, months, drugs="THP")
    assert result.line == 1
    cautions = cautions_text(result, TDXD_P)
    assert ("DESTINY-Breast09 excluded relapse within 6 months" in cautions) is cautioned
    if cautioned:
        assert f"relapse {months:g} months after (neo)adjuvant HER2 therapy" in cautions
    # The caution changes T-DXd + pertuzumab only: every first-line option is still listed once.
    assert [o.regimen for o in result.systemic] == [
        "THP", TDXD_P, "Maintenance: tucatinib + trastuzumab + pertuzumab"]

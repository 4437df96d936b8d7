"""clinical-rules.md section 9: where sources disagree, the navigator follows its default and says, in
line_reason, the rationale, a caution or the trace, what the other source would do."""

from __future__ import annotations

from typing import Any

import pytest

from her2nav.navigate import Settings
from tests.conftest import all_text, cautions_text, course, option, run
from tests.scenarios import TDXD_P, THIRD_LINE, THP

RELAPSE: dict[str, Any] = {"presentation": "recurrence", "metastasis_biopsied": True}


def _relapse(drugs: str, months: float) -> dict[str, Any]:
    return {**RELAPSE, "treatments": [course(drugs, "adjuvant", months=months)]}


WINDOW = [
    pytest.param(_relapse("trastuzumab", 9), 12, 2, ("NCCN", "6 months", "first line"),
                 id="ASCO 12 months (line 2); NCCN and the T-DXd label 6 months would say first line"),
    pytest.param(_relapse("trastuzumab", 9), 6, 1, ("ASCO", "12 months", "second line"),
                 id="window set to 6 (line 1); ASCO 12 months would say second line"),
    pytest.param(_relapse("THP", 9), 12, 2, ("label", "6 months", "NCCN", "12 months"),
                 id="after a pertuzumab regimen: the label uses 6 months, NCCN 12"),
    pytest.param(_relapse("trastuzumab", 18), 24, 2, ("ASCO", "12 months"),
                 id="window set to 24 (line 2); ASCO 12 months would say first line"),
]


@pytest.mark.parametrize(("changes", "window", "line", "said"), WINDOW)
def test_early_relapse_window(changes: dict[str, Any], window: float, line: int, said: tuple[str, ...]) -> None:
    result = run(Settings(early_relapse_months=window), **changes)
    assert result.line == line
    for fragment in said:
        assert fragment in result.line_reason, f"{fragment!r} not in: {result.line_reason}"


def test_third_line_order_says_asco_names_none_and_nccn_prefers_tucatinib() -> None:
    trace = " | ".join(f"{s.step}: {s.decision}: {s.because}" for s in run(**THIRD_LINE).trace)
    assert "ASCO" in trace
    assert "NCCN" in trace
    assert "tucatinib" in trace


def test_first_line_says_tdxd_pertuzumab_is_approved_but_not_in_asco_2022() -> None:
    result = run()
    rationale = option(result, TDXD_P).rationale
    assert "ASCO 2022" in rationale
    assert "approv" in rationale
    assert "not" in rationale
    assert "ASCO 2022" in all_text(result)


def test_lvef_hold_thresholds_quote_us_label_and_eu_smpc() -> None:
    cautions = cautions_text(run(lvef=45), THP)
    assert "US" in cautions and "label" in cautions
    assert "EU" in cautions
    assert "16" in cautions  # US: withhold for an absolute fall of 16 points or more
    assert "10 points" in cautions  # EU: a fall of 10 points to below 50%


def test_a_window_below_6_months_says_the_label_would_also_count_the_relapse() -> None:
    result = run(Settings(early_relapse_months=3), **_relapse("trastuzumab", 5))
    assert result.line == 1
    assert "ASCO 2022 (rec 5.0) uses 12 months" in result.line_reason
    assert "trastuzumab deruxtecan label" in result.line_reason
    assert "also treat it as second line" in result.line_reason


def test_relapse_at_exactly_the_window_counts_and_no_source_disagrees_below_6_months() -> None:
    result = run(Settings(early_relapse_months=5), **_relapse("trastuzumab", 5))
    assert result.line == 2
    assert "would also treat it as second line" not in result.line_reason
    assert "would treat this relapse as first line" not in result.line_reason


def test_relapse_at_exactly_6_months_outside_a_shorter_window_says_the_label_counts_it() -> None:
    result = run(Settings(early_relapse_months=3), **_relapse("trastuzumab", 6))
    assert result.line == 1
    assert "would also treat it as second line" in result.line_reason

"""The benchmark times real results: its generated cases are valid, in-scope cases."""

from __future__ import annotations

import json
from itertools import repeat

import pytest

from benchmarks import stages
from benchmarks.generate_cases import generate
from benchmarks.run import callgrind_total, instructions_line
from her2nav.batch import InputLine, navigate_line
from her2nav.case import Case
from her2nav.navigate import Settings, navigate
from her2nav.result import CaseFailure


def test_every_generated_case_is_a_valid_case_in_scope() -> None:
    # An invalid or out-of-scope case would make the batch benchmark time error lines instead.
    lines = [InputLine(number, json.dumps(data).encode(), 0) for number, data in enumerate(generate(300), 1)]
    outcomes = map(navigate_line, lines, repeat(Settings()))
    assert [outcome for outcome in outcomes if isinstance(outcome, CaseFailure)] == []


def test_generated_cases_cover_every_line_of_therapy() -> None:
    lines = {navigate(Case.from_mapping(data)).line for data in generate(300)}
    assert {1, 2, 3} <= lines


def test_the_same_seed_gives_the_same_cases() -> None:
    assert list(generate(50)) == list(generate(50))


def test_stages_report_names_every_stage_and_the_ceiling(capsys: pytest.CaptureFixture[str]) -> None:
    # Five cases may all fall within one step of the CPU clock: the report must still be written.
    assert stages.main(["--cases", "5"]) == 0
    out = capsys.readouterr().out
    for stage in ("read the JSON line", "validate", "decide", "write the result line", "all but deciding"):
        assert stage in out


def test_a_stage_quicker_than_the_clock_is_reported_not_divided_by_zero() -> None:
    text = stages.report(1, {"parse": 0.0, "validate": 0.0, "decide": 0.0, "write": 0.0}, 1)
    assert "too quick to measure" in text


def test_the_instruction_count_is_read_from_the_summary_line_of_callgrind_output() -> None:
    text = "version: 1\ncreator: callgrind-3.19.0\nevents: Ir\nsummary: 508892867\nfl=(1) x.c\n"
    assert callgrind_total(text) == 508_892_867
    assert callgrind_total("events: Ir\ntotals: 42\n") == 42
    line = instructions_line({"baseline": 400_000_000, "this json": 440_000_000, "this table": 500_000_000})
    assert "json 440 M (1.10)" in line and "table 500 M (1.25)" in line
    assert "valgrind is not installed" in instructions_line(None)

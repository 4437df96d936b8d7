"""The table of output formats is the one source of --format: every entry works, nothing else is offered."""

from __future__ import annotations

import pytest

from her2nav.render.formats import BATCH_FORMATS, FORMATS, ONE_RESULT_FORMATS
from tests.clirun import EXAMPLES, example_lines, run_cli

CASE = str(EXAMPLES / "second-line-after-thp.json")


@pytest.mark.parametrize("name", ONE_RESULT_FORMATS)
def test_every_one_result_format_shows_a_case(name: str) -> None:
    run = run_cli("recommend", CASE, "--format", name, "--date", "2026-11-01")
    assert run.code == 0, run.stderr
    assert "T-DXd" in run.stdout


@pytest.mark.parametrize("name", BATCH_FORMATS)
def test_every_batch_format_writes_a_board(name: str) -> None:
    run = run_cli("batch", "-", "--format", name, "--date", "2026-11-01",
                  stdin="\n".join(example_lines()).encode())
    assert run.code in (0, 2, 3), run.stderr
    assert run.stdout


def test_the_command_line_offers_exactly_the_formats_of_the_table() -> None:
    assert set(ONE_RESULT_FORMATS) | set(BATCH_FORMATS) == set(FORMATS)
    refused = run_cli("recommend", CASE, "--format", "csv")
    assert refused.code == 2
    assert all(name in refused.stderr for name in ONE_RESULT_FORMATS)


def test_only_handouts_carry_the_date_they_were_prepared() -> None:
    assert {name for name, entry in FORMATS.items() if entry.handout} == {"markdown", "html"}
    assert {name for name, entry in FORMATS.items() if entry.resumable} == {"json"}

"""`batch --output FILE` and `--resume`: a stopped run continued gives the file an uninterrupted run gives."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import her2nav.batch
from her2nav.navigate import Settings
from tests.clirun import Run, example_lines, run_cli
from tests.conftest import case_mapping

INVALID = json.dumps(case_mapping(id="invalid", ecog=7))
OUT_OF_SCOPE = json.dumps(case_mapping(id="her2-low", her2_ihc="1+"))
BOARD = [*example_lines(), INVALID, *example_lines()[:3], OUT_OF_SCOPE, *example_lines()[3:6]]


@pytest.fixture
def cases(tmp_path: Path) -> Path:
    path = tmp_path / "board.jsonl"
    path.write_text("\n".join(BOARD) + "\n", encoding="utf-8")
    return path


def uninterrupted(cases: Path) -> Run:
    return run_cli("batch", str(cases))


def test_output_file_holds_what_standard_output_would(cases: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("an older run, replaced\n", encoding="utf-8")
    run = run_cli("batch", str(cases), "--output", str(out))
    whole = uninterrupted(cases)
    assert run.stdout == ""
    assert out.read_text(encoding="utf-8") == whole.stdout
    assert (run.code, run.stderr) == (whole.code, whole.stderr) == (3, run.stderr)


@pytest.mark.parametrize("kept_bytes", [0, 1, 5000, -1], ids=["empty", "one-byte", "mid-line", "all-but-one-byte"])
def test_a_resumed_run_equals_an_uninterrupted_one(cases: Path, tmp_path: Path, kept_bytes: int) -> None:
    whole = uninterrupted(cases)
    out = tmp_path / "out.jsonl"
    out.write_bytes(whole.stdout.encode()[:kept_bytes])  # as a crash leaves it: the last line cut short
    run = run_cli("batch", str(cases), "--output", str(out), "--resume")
    assert out.read_text(encoding="utf-8") == whole.stdout
    # The error lines written before the stop still count: the same exit code and summary.
    assert (run.code, run.stderr) == (whole.code, whole.stderr)


def test_resuming_after_each_complete_line_equals_an_uninterrupted_run(cases: Path, tmp_path: Path) -> None:
    whole = uninterrupted(cases)
    lines = whole.stdout.splitlines(keepends=True)
    out = tmp_path / "out.jsonl"
    for done in range(len(lines) + 1):
        out.write_text("".join(lines[:done]), encoding="utf-8")
        run = run_cli("batch", str(cases), "--output", str(out), "--resume")
        assert out.read_text(encoding="utf-8") == whole.stdout, done
        assert run.code == whole.code, done


def test_resume_of_a_file_not_yet_written_starts_it(cases: Path, tmp_path: Path) -> None:
    out = tmp_path / "new.jsonl"
    run_cli("batch", str(cases), "--output", str(out), "--resume")
    assert out.read_text(encoding="utf-8") == uninterrupted(cases).stdout


@pytest.mark.slow
def test_a_resumed_run_with_workers_equals_an_uninterrupted_one(cases: Path, tmp_path: Path) -> None:
    whole = uninterrupted(cases)
    out = tmp_path / "out.jsonl"
    out.write_bytes(whole.stdout.encode()[:30_000])
    run = run_cli("batch", str(cases), "--output", str(out), "--resume", "--jobs", "2")
    assert out.read_text(encoding="utf-8") == whole.stdout
    assert run.code == whole.code


def test_ctrl_c_keeps_every_line_written_and_resume_finishes_the_file(
        cases: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_navigate = her2nav.batch.navigate
    stop_at = json.loads(BOARD[4])["id"]

    def interrupted(case: Any, settings: Settings) -> Any:
        if case.id == stop_at:
            raise KeyboardInterrupt
        return real_navigate(case, settings)

    out = tmp_path / "out.jsonl"
    monkeypatch.setattr(her2nav.batch, "navigate", interrupted)
    stopped = run_cli("batch", str(cases), "--output", str(out))
    assert stopped.code != 0
    assert [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()] == [
        json.loads(line)["id"] for line in BOARD[:4]]
    monkeypatch.setattr(her2nav.batch, "navigate", real_navigate)
    run_cli("batch", str(cases), "--output", str(out), "--resume")
    assert out.read_text(encoding="utf-8") == uninterrupted(cases).stdout


def test_resume_refuses_a_file_that_answers_other_cases(cases: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("".join(uninterrupted(cases).stdout.splitlines(keepends=True)[:3]), encoding="utf-8")
    shifted = tmp_path / "shifted.jsonl"
    shifted.write_text("\n".join(BOARD[1:]) + "\n", encoding="utf-8")
    run = run_cli("batch", str(shifted), "--output", str(out), "--resume")
    assert run.code == 2
    assert "does not continue this input: its line 3 answers id" in run.stderr
    few = tmp_path / "few.jsonl"
    few.write_text(BOARD[0] + "\n", encoding="utf-8")
    run = run_cli("batch", str(few), "--output", str(out), "--resume")
    assert run.code == 2
    assert "holds 3 lines but the input has fewer" in run.stderr


@pytest.mark.parametrize(("args", "message"), [
    (("--resume",), "--resume: continues an --output FILE; give --output too"),
    (("--resume", "--output", "handout.md", "--format", "markdown"), "--resume: continues JSON Lines only"),
], ids=["without-output", "markdown"])
def test_resume_needs_an_output_file_of_json_lines(cases: Path, args: tuple[str, ...], message: str) -> None:
    run = run_cli("batch", str(cases), *args)
    assert run.code == 2
    assert message in run.stderr


def test_an_output_file_that_cannot_be_written_exits_2(cases: Path, tmp_path: Path) -> None:
    run = run_cli("batch", str(cases), "--output", str(tmp_path / "no-such-folder" / "out.jsonl"))
    assert run.code == 2
    assert "cannot be written" in run.stderr


@pytest.mark.parametrize("held", ["garbage\n", '{"x": 1}\n', '{"schema_version":"2","id":"a"\n'])
def test_resume_refuses_a_file_of_lines_no_batch_wrote(cases: Path, tmp_path: Path, held: str) -> None:
    """They would have been counted as answers to the first input lines, and the cases never navigated."""
    out = tmp_path / "results.jsonl"
    out.write_text(held, encoding="utf-8")
    run = run_cli("batch", str(cases), "--output", str(out), "--resume")
    assert run.code == 2 and "line 1 is not a line 'her2nav batch' writes" in run.stderr
    assert out.read_text(encoding="utf-8") == held  # left as it was


def test_resume_refuses_what_is_not_a_regular_file(cases: Path) -> None:
    """/dev/full has no end: reading it for complete lines never finished."""
    run = run_cli("batch", str(cases), "--output", "/dev/full", "--resume")
    assert run.code == 2 and "not a regular file" in run.stderr


def test_resume_refuses_a_file_whose_line_never_ends(
        cases: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import her2nav.batch_output

    monkeypatch.setattr(her2nav.batch_output, "MAX_LINE_BYTES", 100)
    out = tmp_path / "results.jsonl"
    out.write_text('{"schema_version":"2",' + "x" * 5000, encoding="utf-8")
    run = run_cli("batch", str(cases), "--output", str(out), "--resume")
    assert run.code == 2 and "longer than any line" in run.stderr

"""`batch --jobs N`: worker processes, yet the same lines in the same order, errors and exit codes."""

from __future__ import annotations

import io
import json
import sys
from typing import Any

import pytest

import her2nav.batch
from her2nav.cli import main
from her2nav.navigate import Settings
from her2nav.parallel import LINES_PER_TASK, available_cores, worker_count
from her2nav.render.json_lines import _utf8_bytes_under
from her2nav.streams import Streams
from tests.clirun import example_lines, run_cli
from tests.conftest import case_mapping

VALID = json.dumps(case_mapping(id="valid"))
INVALID = json.dumps(case_mapping(id="invalid", ecog=7))
OUT_OF_SCOPE = json.dumps(case_mapping(id="her2-low", her2_ihc="1+"))
NOT_JSON = '{"id": "broken", '

pytestmark = pytest.mark.slow  # each run starts worker processes


def batch(lines: list[str], *args: str) -> Any:
    return run_cli("batch", "-", *args, stdin=("\n".join(lines) + "\n").encode())


def mixed_board(repeats: int) -> list[str]:
    """Results and every kind of error line, interleaved, over several groups of lines."""
    return [*example_lines(), INVALID, OUT_OF_SCOPE, NOT_JSON, "", VALID] * repeats


@pytest.mark.parametrize("jobs", ["2", "3", "0"])
def test_the_output_is_the_one_process_output_line_for_line(jobs: str) -> None:
    lines = mixed_board(repeats=2 * LINES_PER_TASK // len(mixed_board(1)) + 1)
    assert len(lines) > 2 * LINES_PER_TASK  # several groups of lines, handed to different workers
    one, many = batch(lines), batch(lines, "--jobs", jobs)
    assert many.stdout == one.stdout
    assert (many.code, many.stderr) == (one.code, one.stderr)


def test_error_lines_keep_their_place_and_input_line() -> None:
    run = batch([VALID, INVALID, OUT_OF_SCOPE, NOT_JSON, VALID], "--jobs", "2")
    outputs = run.json_lines()
    assert [out["id"] for out in outputs] == ["valid", "invalid", "her2-low", None, "valid"]
    assert [out["error"]["code"] for out in outputs[1:4]] == [2, 3, 2]
    assert [out["error"]["input_line"] for out in outputs[1:4]] == [2, 3, 4]
    assert "5 cases: 2 navigated, 3 errors on input lines 2, 3, 4" in run.stderr


@pytest.mark.parametrize(("lines", "code"), [
    ((VALID, VALID), 0),
    ((VALID, INVALID, VALID), 2),
    ((VALID, OUT_OF_SCOPE), 3),
    ((OUT_OF_SCOPE, INVALID), 3),
], ids=["all-valid", "one-invalid", "one-out-of-scope", "invalid-and-out-of-scope"])
def test_the_exit_code_is_the_highest_among_the_cases(lines: tuple[str, ...], code: int) -> None:
    run = batch(list(lines), "--jobs", "2")
    assert run.code == code
    assert len(run.json_lines()) == len(lines)


@pytest.mark.skipif(sys.platform != "linux", reason="the workers see the planted bug only when forked from here")
def test_a_bug_in_a_worker_is_that_case_s_error_line_with_its_traceback_under_debug(
        monkeypatch: pytest.MonkeyPatch) -> None:
    real_navigate = her2nav.batch.navigate

    def navigate_with_a_bug(case: Any, settings: Settings) -> Any:
        if case.id == "buggy":
            raise ZeroDivisionError("a bug")
        return real_navigate(case, settings)

    monkeypatch.setattr(her2nav.batch, "navigate", navigate_with_a_bug)  # the workers are forked from here
    lines = [VALID, json.dumps(case_mapping(id="buggy")), VALID]
    run = batch(lines, "--jobs", "2")
    outputs = run.json_lines()
    assert [out["id"] for out in outputs] == ["valid", None, "valid"]
    assert outputs[1]["error"]["code"] == 1
    assert run.code == 1
    assert "input line 2: internal error (a bug)" in run.stderr and "Traceback" not in run.stderr
    debug = run_cli("--debug", "batch", "-", "--jobs", "2", stdin=("\n".join(lines) + "\n").encode())
    assert "Traceback" in debug.stderr and "ZeroDivisionError: a bug" in debug.stderr


def test_markdown_is_the_same_handout_from_workers() -> None:
    lines = mixed_board(repeats=1)
    assert batch(lines, "--format", "markdown", "--jobs", "2").stdout == batch(lines, "--format", "markdown").stdout


def test_jobs_0_means_every_available_core_and_a_negative_count_is_refused() -> None:
    assert worker_count(0) == available_cores() >= 1
    assert worker_count(3) == 3
    run = batch([VALID], "--jobs", "-1")
    assert run.code == 2
    assert "--jobs" in run.stderr


def _bytes_written(lines: list[str], *args: str) -> tuple[int, bytes]:
    """What `batch` writes to standard output redirected to a file (UTF-8 text over a byte stream), and its code."""
    raw = io.BytesIO()
    out = io.TextIOWrapper(raw, encoding="utf-8")
    code = main(["batch", "-", *args], Streams(io.BytesIO(("\n".join(lines) + "\n").encode()), out, io.StringIO()))
    out.flush()
    return code, raw.getvalue()


def test_workers_lines_reach_a_byte_stream_as_the_one_process_lines_do() -> None:
    """Workers hand over UTF-8 bytes, written under the text stream: the file holds the same bytes."""
    lines = mixed_board(repeats=2 * LINES_PER_TASK // len(mixed_board(1)) + 1)
    (code_one, one), (code_many, many) = _bytes_written(lines), _bytes_written(lines, "--jobs", "2")
    assert (code_many, many) == (code_one, one)
    assert b'"error":{' in one and "±".encode() in one  # error lines as text, results beyond ASCII as bytes


def test_encoded_lines_go_under_the_text_stream_only_where_it_would_write_the_same_bytes() -> None:
    utf8 = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    assert _utf8_bytes_under(utf8) is utf8.buffer
    assert _utf8_bytes_under(io.StringIO()) is None  # no bytes under it
    assert _utf8_bytes_under(io.TextIOWrapper(io.BytesIO(), encoding="latin-1")) is None
    assert _utf8_bytes_under(io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="backslashreplace")) is None
    assert _utf8_bytes_under(io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="surrogateescape")) is not None


def test_a_lone_surrogate_never_reaches_a_result_line() -> None:
    """Why standard output's `surrogateescape` (a C.UTF-8 locale) writes the workers' bytes unchanged."""
    run = batch(['{"id": "x\\udc80", "her2": "positive", "er": "negative", "presentation": "de_novo", '
                 '"sites": [{"site": "bone"}]}'], "--jobs", "2")
    assert run.code == 2 and run.json_lines()[0]["error"] is not None

"""`her2nav batch`: one output line per input line, in order, whatever each line holds."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from typing import Any

import pytest

import her2nav.batch
from her2nav.batch import read_lines
from her2nav.navigate import Settings
from tests.clirun import ROOT, example_lines, run_cli
from tests.conftest import case_mapping

VALID = json.dumps(case_mapping(id="valid"))
INVALID = json.dumps(case_mapping(id="invalid", ecog=7))
OUT_OF_SCOPE = json.dumps(case_mapping(id="her2-low", her2_ihc="1+"))
NOT_JSON = '{"id": "broken", '


def batch(*lines: str, args: tuple[str, ...] = ()) -> Any:
    return run_cli("batch", "-", *args, stdin="\n".join(lines).encode() + b"\n")


def test_every_line_gives_one_result_in_input_order() -> None:
    lines = example_lines()[::-1]
    run = batch(*lines)
    assert run.code == 0
    assert [out["id"] for out in run.json_lines()] == [json.loads(line)["id"] for line in lines]
    assert all("systemic" in out and "line" in out for out in run.json_lines())
    assert run.stderr == ""


def test_a_failed_case_gives_an_error_line_and_the_batch_goes_on() -> None:
    run = batch(VALID, INVALID, OUT_OF_SCOPE, NOT_JSON, VALID)
    outputs = run.json_lines()
    assert [out["id"] for out in outputs] == ["valid", "invalid", "her2-low", None, "valid"]
    assert outputs[0]["error"] is None and outputs[4]["error"] is None
    assert [out["error"]["code"] for out in outputs[1:4]] == [2, 3, 2]
    assert [out["error"]["input_line"] for out in outputs[1:4]] == [2, 3, 4]
    assert outputs[1]["error"]["message"].startswith("ecog: 7 is out of range; allowed: 0 to 4")
    assert "HER2 is not positive" in outputs[2]["error"]["message"]
    assert "not valid JSON" in outputs[3]["error"]["message"]
    assert run.stderr == ("her2nav: batch: 5 cases: 2 navigated, 3 errors on input lines 2, 3, 4; "
                          "their error lines say why\n")


def test_many_failures_are_counted_and_the_first_ten_named() -> None:
    run = batch(*[NOT_JSON] * 12, VALID)
    assert len(run.json_lines()) == 13
    assert run.stderr == ("her2nav: batch: 13 cases: 1 navigated, 12 errors on input lines 1, 2, 3, 4, 5, 6, 7, "
                          "8, 9, 10, ...; their error lines say why\n")


@pytest.mark.parametrize(("lines", "code"), [
    ((VALID, VALID), 0),
    ((VALID, INVALID, VALID), 2),
    ((VALID, OUT_OF_SCOPE), 3),
    ((OUT_OF_SCOPE, INVALID), 3),
    ((INVALID, NOT_JSON), 2),
], ids=["all-valid", "one-invalid", "one-out-of-scope", "invalid-and-out-of-scope", "two-invalid"])
def test_the_exit_code_is_the_highest_among_the_cases(lines: tuple[str, ...], code: int) -> None:
    run = batch(*lines)
    assert run.code == code
    assert len(run.json_lines()) == len(lines)


def test_a_case_that_is_not_an_object_has_a_null_id() -> None:
    outputs = batch('["id", "x"]', '"just text"').json_lines()
    assert [out["id"] for out in outputs] == [None, None]
    assert all(out["error"]["code"] == 2 for out in outputs)


def test_an_id_that_is_not_text_is_not_echoed_but_named_in_the_message() -> None:
    [out] = batch(json.dumps(case_mapping(id=17))).json_lines()
    assert out["id"] is None
    assert out["error"]["message"].startswith("id: expected a string")


def test_a_line_that_is_not_utf8_gives_an_error_line() -> None:
    run = run_cli("batch", "-", stdin=b'{"id": "caf\xe9"}\n' + VALID.encode() + b"\n")  # \xe9 at offset 11
    outputs = run.json_lines()
    assert outputs[0]["error"]["message"] == "case: not valid UTF-8 text (byte 11)"
    assert outputs[1]["id"] == "valid"


def test_a_blank_line_is_reported_as_an_invalid_case_not_skipped() -> None:
    run = batch(VALID, "", "   \t", VALID)
    outputs = run.json_lines()
    assert len(outputs) == 4
    assert [out["id"] for out in outputs] == ["valid", None, None, "valid"]
    assert outputs[1]["error"] == {"code": 2, "input_line": 2,
                                   "message": "case: blank line; every line must be a case (a JSON object)"}
    assert run.code == 2


def test_windows_line_endings_and_a_last_line_without_newline_are_read() -> None:
    stdin = (VALID + "\r\n" + json.dumps(case_mapping(id="last"))).encode()
    run = run_cli("batch", "-", stdin=stdin)
    assert run.code == 0
    assert [out["id"] for out in run.json_lines()] == ["valid", "last"]


def test_a_very_long_line_is_read_whole() -> None:
    long_id = "tumor board " * 100_000  # 1.2 MB on one line
    run = batch(json.dumps(case_mapping(id=long_id)), VALID)
    assert run.code == 0
    assert [out["id"] for out in run.json_lines()] == [long_id, "valid"]


def test_a_line_over_the_size_limit_gives_an_error_line_and_the_next_line_is_read() -> None:
    too_long = json.dumps(case_mapping(id="x" * (her2nav.batch.MAX_LINE_BYTES + 10)))
    outputs = batch(too_long, VALID).json_lines()
    assert outputs[0]["id"] is None
    assert outputs[0]["error"]["code"] == 2
    assert "longer than 5 MB" in outputs[0]["error"]["message"]
    assert outputs[1]["id"] == "valid"


def test_a_byte_stream_split_into_lines_keeps_every_line(tmp_path: Any) -> None:
    data = b'{"a": 1}\r\n\n' + b"x" * 50 + b"\nlast"
    lines = list(read_lines(io.BytesIO(data), max_bytes=20))
    assert [(line.number, line.data, line.too_long) for line in lines] == [
        (1, b'{"a": 1}\r\n', False), (2, b"\n", False), (3, b"", True), (4, b"last", False)]
    assert sum(line.size for line in lines) == len(data)


def test_the_early_relapse_window_applies_to_every_case() -> None:
    relapse_8_months = next(line for line in example_lines()
                            if json.loads(line)["id"].startswith("board-03 relapse 8 months"))
    assert batch(relapse_8_months).json_lines()[0]["line"] == 2
    assert batch(relapse_8_months, args=("--early-relapse-months", "6")).json_lines()[0]["line"] == 1


def test_cases_are_read_from_a_file(tmp_path: Any) -> None:
    cases = tmp_path / "board.jsonl"
    cases.write_text("\n".join(example_lines()) + "\n", encoding="utf-8")
    run = run_cli("batch", str(cases))
    assert run.code == 0
    assert len(run.json_lines()) == len(example_lines())


def test_a_missing_file_exits_2_naming_it() -> None:
    run = run_cli("batch", "no-such-board.jsonl")
    assert run.code == 2
    assert run.stdout == ""
    assert run.stderr == "her2nav: CASES: no-such-board.jsonl: no such file\n"


def test_a_directory_exits_2(tmp_path: Any) -> None:
    run = run_cli("batch", str(tmp_path))
    assert run.code == 2
    assert "is a directory" in run.stderr


def test_an_empty_input_gives_no_lines_and_says_so() -> None:
    run = run_cli("batch", "-", stdin=b"")
    assert (run.code, run.stdout) == (0, "")
    assert run.stderr == "her2nav: batch: the input holds no cases\n"


def test_a_bug_in_one_case_is_reported_in_its_place(monkeypatch: pytest.MonkeyPatch) -> None:
    real_navigate = her2nav.batch.navigate

    def navigate_with_a_bug(case: Any, settings: Settings) -> Any:
        if case.id == "buggy":
            raise ZeroDivisionError("a bug")
        return real_navigate(case, settings)

    monkeypatch.setattr(her2nav.batch, "navigate", navigate_with_a_bug)
    run = batch(VALID, json.dumps(case_mapping(id="buggy")), VALID)
    outputs = run.json_lines()
    assert [out["id"] for out in outputs] == ["valid", None, "valid"]
    assert outputs[1]["error"]["code"] == 1
    assert "internal error (a bug)" in outputs[1]["error"]["message"]
    assert "input line 2: internal error (a bug)" in run.stderr
    assert "Traceback" not in run.stderr
    assert run.code == 1
    debug = run_cli("--debug", "batch", "-", stdin=json.dumps(case_mapping(id="buggy")).encode())
    assert "Traceback" in debug.stderr and "ZeroDivisionError: a bug" in debug.stderr
    assert debug.json_lines()[0]["error"]["code"] == 1


def test_a_usage_error_exits_2() -> None:
    run = run_cli("batch", "-", "--format", "table")
    assert run.code == 2
    assert "'table' is not one of" in run.stderr


# ------------------------------------------------------------------ progress


class TerminalText(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_goes_to_stderr_when_it_is_a_terminal_and_stdout_is_not() -> None:
    from her2nav.cli import Streams, main

    stdout, stderr = io.StringIO(), TerminalText()
    stdin = ("\n".join(example_lines()) + "\n").encode()
    assert main(["batch", "-"], Streams(io.BytesIO(stdin), stdout, stderr)) == 0
    assert "her2nav batch: 1 case" in stderr.getvalue()
    assert len([json.loads(line) for line in stdout.getvalue().splitlines()]) == len(example_lines())


def test_no_progress_when_stdout_is_the_same_terminal() -> None:
    from her2nav.cli import Streams, main

    stdout, stderr = TerminalText(), TerminalText()
    assert main(["batch", "-"], Streams(io.BytesIO(VALID.encode()), stdout, stderr)) == 0
    assert stderr.getvalue() == ""


def test_progress_bar_shows_the_share_of_a_file_read() -> None:
    from her2nav.render.progress import progress_text

    assert progress_text(3, 50, 200) == "her2nav batch: [########......................]  25%  3 cases"
    assert progress_text(1, 10, None) == "her2nav batch: 1 case"


# ------------------------------------------------------------------ markdown


def test_markdown_batch_is_one_handout_with_a_summary_then_a_section_per_case() -> None:
    run = batch(example_lines()[0], INVALID, args=("--format", "markdown"))
    assert run.code == 2
    text = run.stdout
    assert text.startswith("# Tumor-board handouts\n")
    summary = text[text.index("## Summary"):text.index("## Input line 1")]
    assert "| Input line | Id | Line | Preferred option | Urgent actions |" in summary
    assert "| 1 | board-01 de novo HR-negative | 1 | THP; T-DXd + pertuzumab | none |" in summary
    assert "| 2 | invalid | - | not navigated (invalid input, exit 2): ecog: 7 is out of range" in summary
    assert text.index("## Input line 1: board-01") < text.index("## Input line 2: invalid")
    assert "### Systemic options" in text
    assert "**Not navigated** (invalid input, exit 2): ecog: 7 is out of range" in text
    assert "How the navigator decided" not in text


def test_markdown_batch_explains_each_case_when_asked() -> None:
    text = batch(*example_lines()[:2], args=("--format", "markdown", "--explain")).stdout
    assert text.count("### How the navigator decided") == 2


# ------------------------------------------------------------------ memory


class GeneratedCases:
    """A byte stream of `count` cases made on demand, so the input itself takes no memory."""

    def __init__(self, count: int) -> None:
        self.templates = [json.loads(line) for line in example_lines()]
        self.count = count
        self.made = 0

    def readline(self, limit: int = -1) -> bytes:
        if self.made == self.count:
            return b""
        self.made += 1
        if self.made % 10 == 0:
            return b'{"id": "broken", \n'
        case = dict(self.templates[self.made % len(self.templates)], id=f"case {self.made}")
        return json.dumps(case).encode() + b"\n"


class Discard:
    def write(self, text: str) -> int:
        return len(text)

    def flush(self) -> None:
        pass


PEAK_RSS_OF_A_BATCH = """
import resource, sys
from her2nav.batch import read_lines, run_batch
from her2nav.render.json_lines import JsonLinesWriter
from her2nav.navigate import Settings
from tests.test_batch import Discard, GeneratedCases
count = int(sys.argv[1])
summary = run_batch(read_lines(GeneratedCases(count)), Settings(), JsonLinesWriter(Discard()))
assert summary.cases == count, summary
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def peak_rss_kib(count: int) -> int:
    """Max resident memory of a fresh process that streams `count` generated cases through the batch."""
    done = subprocess.run([sys.executable, "-c", PEAK_RSS_OF_A_BATCH, str(count)], cwd=ROOT,
                          capture_output=True, text=True, check=True)
    return int(done.stdout.strip())


@pytest.mark.slow
def test_memory_does_not_grow_with_the_number_of_cases() -> None:
    small, large = peak_rss_kib(2_000), peak_rss_kib(20_000)
    # Ten times the cases in a fresh process each: a per-case leak of 300 bytes would add over 5 MiB.
    assert large - small < 5 * 1024, (small, large)

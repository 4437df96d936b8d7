"""`her2nav batch` watched on a terminal: the progress bar is cleared, one summary line follows on
stderr, Ctrl-C says how many cases were written, and standard output holds only data."""

from __future__ import annotations

import io
import json

from her2nav.cli import INTERRUPTED, Streams, main
from tests.conftest import case_mapping

VALID = json.dumps(case_mapping(id="valid"))
INVALID = json.dumps(case_mapping(id="invalid", ecog=7))


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class InterruptedInput(io.BytesIO):
    """Standard input where the user presses Ctrl-C when line `at` would be read."""

    def __init__(self, data: bytes, at: int) -> None:
        super().__init__(data)
        self.at = at
        self.lines_read = 0

    def readline(self, size: int | None = -1) -> bytes:
        self.lines_read += 1
        if self.lines_read == self.at:
            raise KeyboardInterrupt
        return super().readline(size)


def _watched_batch(stdin: io.BytesIO, *args: str) -> tuple[int, str, str]:
    stdout, stderr = io.StringIO(), Terminal()
    code = main(["batch", "-", *args], Streams(stdin, stdout, stderr))
    return code, stdout.getvalue(), stderr.getvalue()


def _screen(stderr: str) -> list[str]:
    """What stays visible: each carriage return starts the line again (the bar is drawn over)."""
    return [line.rsplit("\r", 1)[-1].rstrip() for line in stderr.split("\n")]


def test_a_watched_batch_ends_with_one_summary_line_and_no_bar_left() -> None:
    lines = [VALID] * 7 + [INVALID, INVALID]
    code, stdout, stderr = _watched_batch(io.BytesIO("\n".join(lines).encode() + b"\n"))
    assert code == 2
    assert [line for line in _screen(stderr) if line] == [
        "her2nav: batch: 9 cases: 7 navigated, 2 errors on input lines 8, 9; their error lines say why"]
    assert "[#" not in _screen(stderr)[0]
    assert len(stdout.splitlines()) == 9
    assert all(json.loads(line) for line in stdout.splitlines())  # data only


def test_a_watched_batch_without_errors_still_says_how_many_were_navigated() -> None:
    code, _, stderr = _watched_batch(io.BytesIO(f"{VALID}\n{VALID}\n".encode()))
    assert code == 0
    assert [line for line in _screen(stderr) if line] == ["her2nav: batch: 2 cases: 2 navigated"]


def test_ctrl_c_says_how_many_cases_standard_output_holds() -> None:
    stdin = InterruptedInput(f"{VALID}\n{VALID}\n{VALID}\n".encode(), at=3)
    code, stdout, stderr = _watched_batch(stdin)
    assert code == INTERRUPTED
    assert len(stdout.splitlines()) == 2
    assert [line for line in _screen(stderr) if line] == [
        "her2nav: batch: interrupted; standard output holds the first 2 cases (input lines 1 to 2)"]


def test_ctrl_c_in_a_handout_still_writes_the_cases_read_so_far() -> None:
    stdin = InterruptedInput(f"{VALID}\n{VALID}\n".encode(), at=2)
    code, stdout, stderr = _watched_batch(stdin, "--format", "markdown")
    assert code == INTERRUPTED
    assert "## Input line 1" in stdout
    assert "first 1 case " in stderr

"""The fuzz target: any bytes given to the program as a case or a batch must end in a clean answer.

A clean answer is exit 0 with a whole JSON result, or exit 2 or 3 with one message on standard
error and nothing on standard output (for batch, one JSON line per input line). Exit 1 (a bug)
or an exception escaping `main` is a finding. Used by the bounded fuzz test in the test suite and
by `fuzz/fuzz_cli.py` for long runs.
"""

from __future__ import annotations

import errno
import io
import json
import time

from her2nav.cli import Streams, main
from her2nav.errors import MAX_PROBLEMS_SHOWN, ExitStatus

CLEAN = {ExitStatus.OK, ExitStatus.INVALID_INPUT, ExitStatus.OUT_OF_SCOPE}


class Finding(AssertionError):
    """The program answered badly: a bug to fix."""


def run(args: list[str], data: bytes, stdout: io.StringIO | None = None) -> tuple[int, str, str]:
    out, stderr = stdout if stdout is not None else io.StringIO(), io.StringIO()
    code = main(args, Streams(io.BytesIO(data), out, stderr))
    return code, out.getvalue(), stderr.getvalue()


def _valid_utf8(text: str, where: str) -> None:
    """Whatever the input, output is text that can be written as UTF-8 (no lone surrogate)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise Finding(f"{where} is not valid UTF-8: {error}") from None


def check_recommend(data: bytes) -> None:
    code, out, err = run(["recommend", "-", "--format", "json"], data)
    if code not in CLEAN:
        raise Finding(f"recommend exited {code}: {err!r}")
    _valid_utf8(out, "standard output")
    _valid_utf8(err, "standard error")
    if code == ExitStatus.OK:
        result = json.loads(out)
        if not result["systemic"]:
            raise Finding("a result without systemic options")
    elif out or not err.endswith("\n") or not all(line.startswith("her2nav: ") for line in err.splitlines()) \
            or not 1 <= err.count("\n") <= MAX_PROBLEMS_SHOWN + 1:
        raise Finding(f"exit {code} must print its problems on stderr, a line each (at most "
                      f"{MAX_PROBLEMS_SHOWN} and 'and N more'), and nothing on stdout: {out!r} {err!r}")


def check_batch(data: bytes) -> None:
    code, out, err = run(["batch", "-", "--format", "json"], data)
    if code not in CLEAN:
        raise Finding(f"batch exited {code}: {err!r}")
    _valid_utf8(out, "batch output")
    lines = out.split("\n")[:-1] if out else []
    expected = data.count(b"\n") + (1 if data and not data.endswith(b"\n") else 0)
    if len(lines) != expected:
        raise Finding(f"batch wrote {len(lines)} lines for {expected} input lines")
    for line in lines:
        json.loads(line)


def check(data: bytes, time_limit: float | None = None) -> None:
    """Both commands end cleanly on `data`; with `time_limit`, within that many seconds (long runs
    only: a case that takes seconds is a finding there, never a timed test in CI)."""
    started = time.perf_counter()
    check_recommend(data)
    check_batch(data)
    elapsed = time.perf_counter() - started
    if time_limit is not None and elapsed > time_limit:
        raise Finding(f"{len(data)} bytes took {elapsed:.1f} s (limit {time_limit} s)")


BASE_FLAGS = ["--her2-ihc", "3+", "--er", "negative", "--presentation", "recurrence", "--site", "liver",
              "--treatment", "trastuzumab:adjuvant:recurred=8"]


def check_flags(args: list[str]) -> None:
    """Any flag values: exit 0 with a whole result, or a usage or input error (exit 2) on one message."""
    code, out, err = run(["recommend", *BASE_FLAGS, *args, "--format", "json"], b"")
    if code not in CLEAN:
        raise Finding(f"recommend {args} exited {code}: {err!r}")
    _valid_utf8(out, "standard output")
    if code == ExitStatus.OK:
        json.loads(out)
    elif out or not err.startswith("her2nav: "):
        raise Finding(f"recommend {args}: exit {code} must print a message and nothing on stdout: {err!r}")


class FullDisk(io.StringIO):
    """Standard output on a full disk: every write fails as the operating system says."""

    def write(self, text: str) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")


def check_write_failure(args: list[str], data: bytes) -> None:
    """Output that cannot be written is exit 1 with a message saying so, never 0 and never 'a bug'."""
    code, _, err = run(args, data, stdout=FullDisk())
    if code == ExitStatus.OK and err == "":
        raise Finding(f"{args}: a failed write ended with exit 0 and no message")
    if "a bug" in err:
        raise Finding(f"{args}: a failed write was reported as a bug: {err!r}")

"""The fuzz target: any bytes given to the program as a case or a batch must end in a clean answer.

A clean answer is exit 0 with a whole JSON result, or exit 2 or 3 with one message on standard
error and nothing on standard output (for batch, one JSON line per input line). Exit 1 (a bug)
or an exception escaping `main` is a finding. Used by the bounded fuzz test in the test suite and
by `fuzz/fuzz_cli.py` for long runs.
"""

from __future__ import annotations

import io
import json

from her2nav.cli import Streams, main
from her2nav.errors import MAX_PROBLEMS_SHOWN, ExitStatus

CLEAN = {ExitStatus.OK, ExitStatus.INVALID_INPUT, ExitStatus.OUT_OF_SCOPE}


class Finding(AssertionError):
    """The program answered badly: a bug to fix."""


def run(args: list[str], data: bytes) -> tuple[int, str, str]:
    stdout, stderr = io.StringIO(), io.StringIO()
    code = main(args, Streams(io.BytesIO(data), stdout, stderr))
    return code, stdout.getvalue(), stderr.getvalue()


def check_recommend(data: bytes) -> None:
    code, out, err = run(["recommend", "-", "--format", "json"], data)
    if code not in CLEAN:
        raise Finding(f"recommend exited {code}: {err!r}")
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
    lines = out.split("\n")[:-1] if out else []
    expected = data.count(b"\n") + (1 if data and not data.endswith(b"\n") else 0)
    if len(lines) != expected:
        raise Finding(f"batch wrote {len(lines)} lines for {expected} input lines")
    for line in lines:
        json.loads(line)


def check(data: bytes) -> None:
    check_recommend(data)
    check_batch(data)

"""Run the program in-process with its standard streams replaced, as a user would see it."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

from attrs import frozen

from her2nav.cli import Streams, main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


@frozen
class Run:
    code: int
    stdout: str
    stderr: str

    def json(self) -> Any:
        return json.loads(self.stdout)

    def json_lines(self) -> list[Any]:
        return [json.loads(line) for line in self.stdout.splitlines()]


def run_cli(*args: str, stdin: bytes = b"") -> Run:
    stdout, stderr = io.StringIO(), io.StringIO()
    code = main(list(args), Streams(io.BytesIO(stdin), stdout, stderr))
    return Run(code, stdout.getvalue(), stderr.getvalue())


def example_lines() -> list[str]:
    """The shipped example cases, each as one line of JSON Lines, in the order of their board ids."""
    cases = [json.loads(path.read_text(encoding="utf-8")) for path in EXAMPLES.glob("*.json")]
    return [json.dumps(case) for case in sorted(cases, key=lambda case: case["id"])]

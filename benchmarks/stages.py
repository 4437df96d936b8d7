"""Where the time of one batch case goes: reading, validating, deciding and writing.

Runs the stages of `her2nav batch` in this process, one stage at a time over the same
generated cases, and reports the CPU time of each per case (best of three passes). The sum
bounds the throughput of one core; the sum without deciding is the ceiling that no faster
decision code could pass. It also counts the distinct cases apart from their id: reusing
whole results across cases can save only as much as there are repeats. Plain Python and the standard library:

    python benchmarks/stages.py             # 10,000 cases
    python benchmarks/stages.py --cases 2000
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from attrs import evolve  # noqa: E402

from benchmarks.generate_cases import generate  # noqa: E402
from her2nav.batch import json_line  # noqa: E402
from her2nav.case import Case  # noqa: E402
from her2nav.inputs import parse_json_text  # noqa: E402
from her2nav.navigate import Settings, navigate  # noqa: E402

T = TypeVar("T")
R = TypeVar("R")
PASSES = 3


def per_case_seconds(stage: Callable[[T], R], items: Sequence[T]) -> tuple[float, list[R]]:
    """The best CPU time per item over a few passes, and the outputs of the last pass."""
    best = float("inf")
    outputs: list[R] = []
    for _ in range(PASSES):
        start = time.process_time()
        outputs = [stage(item) for item in items]
        best = min(best, (time.process_time() - start) / len(items))
    return best, outputs


def measure(count: int) -> tuple[dict[str, float], int]:
    """The CPU time per case of each stage, and how many of the cases are distinct apart from their id."""
    lines = [json.dumps(case).encode() for case in generate(count)]
    settings = Settings()
    parse, data = per_case_seconds(lambda line: parse_json_text(line, "case"), lines)
    validate, cases = per_case_seconds(Case.from_mapping, data)
    decide, results = per_case_seconds(lambda case: navigate(case, settings), cases)
    write, _ = per_case_seconds(json_line, results)
    distinct = len({evolve(case, id=None) for case in cases})
    return {"parse": parse, "validate": validate, "decide": decide, "write": write}, distinct


def report(count: int, stages: dict[str, float], distinct: int) -> str:
    labels = {
        "parse": "read the JSON line (repeated keys refused)",
        "validate": "validate it into a Case",
        "decide": "decide (navigate)",
        "write": "write the result line (recurring entries reused)",
    }
    total = sum(stages.values())
    without_deciding = total - stages["decide"]
    rows = [f"{labels[name]:52s} {seconds * 1e6:7.1f} us" for name, seconds in stages.items()]
    return "\n".join([
        f"per case, CPU time, best of {PASSES} passes over {count:,} generated cases:",
        *rows,
        f"{'all stages':52s} {total * 1e6:7.1f} us = {_per_second(total)} on one core",
        f"{'all but deciding':52s} {without_deciding * 1e6:7.1f} us = {_per_second(without_deciding)} "
        "(the ceiling for any decision code)",
        f"distinct cases apart from their id: {distinct:,} of {count:,}",
    ])


def _per_second(seconds_per_case: float) -> str:
    # A few cases can take less than the CPU clock's step: no rate can be given then.
    if seconds_per_case <= 0:
        return "too quick to measure (give more --cases)"
    return f"{1 / seconds_per_case:,.0f} cases/s"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=10_000, help="how many generated cases (default 10,000)")
    args = parser.parse_args(argv)
    if args.cases < 1:
        parser.error("--cases must be 1 or more")
    stages, distinct = measure(args.cases)
    print(report(args.cases, stages, distinct))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Where the time of one batch case goes: reading, validating, deciding, encoding and writing.

Runs the stages of `her2nav batch` in this process, one stage at a time over the same
generated cases, and reports the CPU time of each per case (best of three passes). Each
stage's outputs are thrown away as they are made, as in the real loop, so that garbage
collection does not walk thousands of results kept alive for the next stage; the inputs
of the next stage are made in a pass that is not timed. Writing goes to a temporary file,
flushed after every line as `batch` does. The whole loop (`run_batch`, one core) is timed
too (the sum of the stages comes short of it: run together, the stages share the
processor's caches), and with two workers, the parent's share apart from the workers'. The sum without deciding is the
ceiling that no faster decision code could pass. It also counts the distinct cases apart
from their id: reusing whole results across cases can save only as much as there are
repeats. Plain Python and the standard library besides her2nav's own dependencies:

    python benchmarks/stages.py             # 10,000 cases
    python benchmarks/stages.py --cases 2000
"""

from __future__ import annotations

import argparse
import gc
import io
import json
import resource
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from attrs import evolve  # noqa: E402

from benchmarks.generate_cases import generate  # noqa: E402
from her2nav.batch import read_lines, run_batch  # noqa: E402
from her2nav.case import Case  # noqa: E402
from her2nav.navigate import Settings, navigate  # noqa: E402
from her2nav.read.json_text import parse_json_text  # noqa: E402
from her2nav.render.json_lines import JsonLinesWriter, json_line  # noqa: E402

T = TypeVar("T")
PASSES = 3


def per_case_seconds(stage: Callable[[T], object], items: Sequence[T]) -> float:
    """The best CPU time per item over a few passes; every output is dropped as soon as it is made."""
    best = float("inf")
    for _ in range(PASSES):
        gc.collect()
        start = time.process_time()
        for item in items:
            stage(item)
        best = min(best, (time.process_time() - start) / len(items))
    return best


def measure(count: int) -> tuple[dict[str, float], int]:
    """CPU time per case of each stage and of the whole loop, and how many cases are distinct apart from their id."""
    lines = [json.dumps(case).encode() for case in generate(count)]
    settings = Settings()
    stages = {"parse": per_case_seconds(lambda line: parse_json_text(line, "case"), lines)}
    data = [parse_json_text(line, "case") for line in lines]
    stages["validate"] = per_case_seconds(Case.from_mapping, data)
    cases = [Case.from_mapping(item) for item in data]
    del data
    stages["decide"] = per_case_seconds(lambda case: navigate(case, settings), cases)
    results = [navigate(case, settings) for case in cases]
    stages["encode"] = per_case_seconds(json_line, results)
    encoded = [json_line(result) for result in results]
    del results
    with tempfile.TemporaryFile() as raw, io.TextIOWrapper(raw, encoding="utf-8") as out:
        writer = JsonLinesWriter(out)
        stages["write"] = per_case_seconds(lambda line: _rewound(raw, writer.write_text, line, len(line)), encoded)
        stages["whole loop"] = _whole_loop(lines, settings, writer, raw)
        stages["parent, 2 jobs"], stages["workers, 2 jobs"] = _shares_with_workers(lines, settings, writer, raw)
    distinct = len({evolve(case, id=None) for case in cases})
    return stages, distinct


def _rewound(raw: io.BufferedRandom | object, write: Callable[[str], None], line: str, size: int) -> None:
    """Write one line; keep the file small by going back to its start now and then (not timed apart)."""
    write(line)
    if raw.tell() > 64 * 1024 * 1024:  # type: ignore[attr-defined]
        raw.seek(0)  # type: ignore[attr-defined]


def _whole_loop(lines: list[bytes], settings: Settings, writer: JsonLinesWriter, raw: object) -> float:
    """CPU time per case of `run_batch` on one core: read, navigate, encode and write each line."""
    text = b"\n".join(lines) + b"\n"
    best = float("inf")
    for _ in range(PASSES):
        raw.seek(0)  # type: ignore[attr-defined]
        gc.collect()
        start = time.process_time()
        run_batch(read_lines(io.BytesIO(text)), settings, writer)
        best = min(best, (time.process_time() - start) / len(lines))
    return best


def _shares_with_workers(lines: list[bytes], settings: Settings, writer: JsonLinesWriter,
                         raw: object) -> tuple[float, float]:
    """CPU time per case of `run_batch` with two workers: the parent's share and the workers' together.

    What the parent spends (reading, handing out lines, writing) bounds how far more workers can go.
    """
    text = b"\n".join(lines) + b"\n"
    raw.seek(0)  # type: ignore[attr-defined]
    gc.collect()
    parent, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    run_batch(read_lines(io.BytesIO(text)), settings, writer, jobs=2)
    parent_after, workers_after = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return _cpu(parent, parent_after) / len(lines), _cpu(workers, workers_after) / len(lines)


def _cpu(before: resource.struct_rusage, after: resource.struct_rusage) -> float:
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def report(count: int, stages: dict[str, float], distinct: int) -> str:
    labels = {
        "parse": "read the JSON line (repeated keys refused)",
        "validate": "validate it into a Case",
        "decide": "decide (navigate)",
        "encode": "encode the result line (recurring entries reused)",
        "write": "write the result line to a file (flushed)",
    }
    steps = {name: seconds for name, seconds in stages.items() if name in labels}
    total = sum(steps.values())
    without_deciding = total - steps["decide"]
    rows = [f"{labels[name]:52s} {seconds * 1e6:7.1f} us" for name, seconds in steps.items()]
    whole = stages.get("whole loop")
    return "\n".join([
        f"per case, CPU time, best of {PASSES} passes over {count:,} generated cases:",
        *rows,
        f"{'all stages':52s} {total * 1e6:7.1f} us = {_per_second(total)} on one core",
        *([f"{'the whole loop (run_batch, one core)':52s} {whole * 1e6:7.1f} us = {_per_second(whole)}"]
          if whole is not None else []),
        *([f"{'--jobs 2: the parent, the two workers together':52s} {stages['parent, 2 jobs'] * 1e6:7.1f} us, "
            f"{stages['workers, 2 jobs'] * 1e6:.1f} us"] if "parent, 2 jobs" in stages else []),
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

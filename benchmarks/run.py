"""The performance benchmark: start-up, batch throughput and peak memory.

Plain Python and the standard library; run it from the project root in the environment
where her2nav is installed:

    python benchmarks/run.py            # full run (about a minute)
    python benchmarks/run.py --quick    # fewer repetitions

It reports, on the machine it runs on:
- start-up: wall time of `her2nav recommend examples/<case>.json --format json` divided by
  the wall time of `python -c "import typer, rich.console, rich.table, attrs"`, the two
  alternated, median ratio over the runs (target: 1.25 or less);
- batch throughput: cases per second of `her2nav batch` between 1,000 and 20,000 generated
  cases (the difference of the two times, so start-up cancels out; target: 10,000 or more);
- peak memory (max RSS) for 1,000 and for 20,000 cases (target: within 20 MiB).
The benchmark is not a test: nothing fails on speed.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.generate_cases import generate  # noqa: E402

EXAMPLE = ROOT / "examples" / "second-line-after-thp.json"
BASELINE = [sys.executable, "-c", "import typer, rich.console, rich.table, attrs"]
PEAK_RSS = (
    "import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=False); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def her2nav_command(*args: str) -> list[str]:
    script = shutil.which("her2nav", path=str(Path(sys.executable).parent)) or shutil.which("her2nav")
    return [script, *args] if script else [sys.executable, "-m", "her2nav", *args]


def wall_time(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def peak_rss_kib(command: list[str]) -> int:
    """Max RSS of one run, measured in a fresh parent so earlier runs do not count."""
    out = subprocess.run([sys.executable, "-c", PEAK_RSS, *command], capture_output=True, text=True, check=True)
    return int(out.stdout.strip())


def startup_ratio(runs: int) -> tuple[float, float, float]:
    command = her2nav_command("recommend", str(EXAMPLE), "--format", "json")
    wall_time(command), wall_time(BASELINE)  # warm the file cache
    ratios, ours, theirs = [], [], []
    for _ in range(runs):
        base = wall_time(BASELINE)
        mine = wall_time(command)
        theirs.append(base)
        ours.append(mine)
        ratios.append(mine / base)
    return statistics.median(ratios), statistics.median(ours), statistics.median(theirs)


def write_cases(directory: Path, count: int) -> Path:
    path = directory / f"cases-{count}.jsonl"
    with path.open("w") as handle:
        for case in generate(count):
            handle.write(json.dumps(case) + "\n")
    return path


def batch_figures(runs: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as temp:
        small, large = write_cases(Path(temp), 1_000), write_cases(Path(temp), 20_000)
        small_cmd = her2nav_command("batch", str(small), "--format", "json")
        large_cmd = her2nav_command("batch", str(large), "--format", "json")
        small_time = min(wall_time(small_cmd) for _ in range(runs))
        large_time = min(wall_time(large_cmd) for _ in range(runs))
        return {
            "seconds_1000": small_time,
            "seconds_20000": large_time,
            "cases_per_second": 19_000 / (large_time - small_time),
            "peak_rss_mib_1000": peak_rss_kib(small_cmd) / 1024,
            "peak_rss_mib_20000": peak_rss_kib(large_cmd) / 1024,
        }


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    return (f"{platform.system()} {platform.machine()} ({cpu}), {os.cpu_count()} cores, "
            f"Python {platform.python_version()}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="9 start-up runs and 1 batch run instead of 21 and 3")
    args = parser.parse_args(argv)
    startup_runs, batch_runs = (9, 1) if args.quick else (21, 3)
    ratio, ours, theirs = startup_ratio(startup_runs)
    batch = batch_figures(batch_runs)
    growth = batch["peak_rss_mib_20000"] - batch["peak_rss_mib_1000"]
    print(f"machine: {machine()}")
    print(f"start-up: her2nav {ours * 1000:.0f} ms, baseline imports {theirs * 1000:.0f} ms, "
          f"median ratio {ratio:.2f} over {startup_runs} alternated runs (target <= 1.25)")
    print(f"batch: 1,000 cases {batch['seconds_1000']:.2f} s, 20,000 cases {batch['seconds_20000']:.2f} s, "
          f"{batch['cases_per_second']:,.0f} cases/s (target >= 10,000)")
    print(f"peak memory: {batch['peak_rss_mib_1000']:.1f} MiB for 1,000, {batch['peak_rss_mib_20000']:.1f} MiB "
          f"for 20,000, growth {growth:.1f} MiB (target <= 20)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The performance benchmark: start-up, batch throughput and peak memory.

Plain Python and the standard library; run it from the project root in the environment
where her2nav is installed (`pip install -e .` or `pip install .`):

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

Both sides of the start-up ratio are measured with their bytecode cached, as a program runs
after `pip install` or after its first run: the benchmark compiles her2nav's bytecode first
(`python -m compileall`), because an editable install gets none from pip and an environment
with PYTHONDONTWRITEBYTECODE set never writes it, so every start would compile the whole
package from source while typer, Rich and attrs load theirs. The batch figures are also given
in CPU time (user + system), which other work on a busy machine disturbs less than wall time;
the machine line shows the load average.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
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
# Where the installed program imports her2nav from, compiled to bytecode if it is not yet.
COMPILE_PACKAGE = (
    "import compileall, os, her2nav; folder = os.path.dirname(her2nav.__file__); "
    "compileall.compile_dir(folder, quiet=1); print(folder)"
)


def her2nav_command(*args: str) -> list[str]:
    script = shutil.which("her2nav", path=str(Path(sys.executable).parent)) or shutil.which("her2nav")
    return [script, *args] if script else [sys.executable, "-m", "her2nav", *args]


def compile_installed_package() -> str:
    """Compile the her2nav that the installed program imports; returns its folder."""
    with tempfile.TemporaryDirectory() as neutral:  # not the project root, so the install decides
        out = subprocess.run([sys.executable, "-c", COMPILE_PACKAGE], cwd=neutral, capture_output=True,
                             text=True, check=True)
    return out.stdout.strip()


def wall_time(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def cpu_time(command: list[str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = wall_time(command)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


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
        small_runs = [cpu_time(small_cmd) for _ in range(runs)]
        large_runs = [cpu_time(large_cmd) for _ in range(runs)]
        small_time, small_cpu = min(wall for wall, _ in small_runs), min(cpu for _, cpu in small_runs)
        large_time, large_cpu = min(wall for wall, _ in large_runs), min(cpu for _, cpu in large_runs)
        return {
            "seconds_1000": small_time,
            "seconds_20000": large_time,
            "cases_per_second": 19_000 / (large_time - small_time),
            "cases_per_cpu_second": 19_000 / (large_cpu - small_cpu),
            "peak_rss_mib_1000": peak_rss_kib(small_cmd) / 1024,
            "peak_rss_mib_20000": peak_rss_kib(large_cmd) / 1024,
        }


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    return (f"{platform.system()} {platform.machine()} ({cpu}), {os.cpu_count()} cores, "
            f"Python {platform.python_version()}")


def load() -> str:
    try:
        return "load average {:.2f} {:.2f} {:.2f}".format(*os.getloadavg())
    except OSError:  # not every system reports it
        return "load average unknown"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="9 start-up runs and 1 batch run instead of 21 and 3")
    args = parser.parse_args(argv)
    startup_runs, batch_runs = (9, 1) if args.quick else (21, 3)
    load_before = load()
    package = compile_installed_package()
    ratio, ours, theirs = startup_ratio(startup_runs)
    batch = batch_figures(batch_runs)
    growth = batch["peak_rss_mib_20000"] - batch["peak_rss_mib_1000"]
    print(f"machine: {machine()}; {load_before} before, {load()} after")
    print(f"her2nav: imported from {package} (bytecode compiled first; "
          f"PYTHONDONTWRITEBYTECODE {'set' if os.environ.get('PYTHONDONTWRITEBYTECODE') else 'not set'})")
    print(f"start-up: her2nav {ours * 1000:.0f} ms, baseline imports {theirs * 1000:.0f} ms, "
          f"median ratio {ratio:.2f} over {startup_runs} alternated runs (target <= 1.25)")
    print(f"batch: 1,000 cases {batch['seconds_1000']:.2f} s, 20,000 cases {batch['seconds_20000']:.2f} s, "
          f"{batch['cases_per_second']:,.0f} cases/s (target >= 10,000); "
          f"in CPU time {batch['cases_per_cpu_second']:,.0f} cases/s")
    print(f"peak memory: {batch['peak_rss_mib_1000']:.1f} MiB for 1,000, {batch['peak_rss_mib_20000']:.1f} MiB "
          f"for 20,000, growth {growth:.1f} MiB (target <= 20)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

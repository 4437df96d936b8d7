"""The performance benchmark: start-up, batch throughput on one core and on all, peak memory.

Plain Python and the standard library; run it from the project root in the environment
where her2nav is installed (`pip install -e .` or `pip install .`):

    python benchmarks/run.py                          # full run (a few minutes)
    python benchmarks/run.py --quick                  # one round, fewer start-up runs
    git worktree add ../her2nav-before <commit>       # an older version, to compare in the same run
    python benchmarks/run.py --before ../her2nav-before

It reports, on the machine it runs on:
- start-up: wall time of `her2nav recommend examples/<case>.json --format json`, and of the
  same command's default table view, each divided by the wall time of
  `python -c "import typer, rich.console, rich.table, attrs"`, the three alternated, median
  ratio over the runs (targets: 1.10 and 1.25 or less);
- batch throughput: cases per second of `her2nav batch` between 1,000 and 20,000 generated
  cases (the difference of the two times, so start-up cancels out), on one core
  (`--jobs 1`, the default) and on every core (`--jobs 0`), and with `--before DIR` the
  one-core figure of the version checked out in DIR (run as `python -m her2nav` from there);
  every configuration is run once per round, alternated, and the medians are reported;
- peak memory (max RSS of the largest process) for 1,000 and for 20,000 cases;
- with `--instructions` (valgrind installed), the instructions each start-up command executes
  and their ratio to the baseline's, for this version and the one in `--before DIR`: a
  count that stays the same however busy the machine is, for comparing versions where the
  wall-clock ratios move from run to run.
The benchmark is not a test: nothing fails on speed.

Both sides of the start-up ratio are measured with their bytecode cached, as a program runs
after `pip install` or after its first run: the benchmark compiles her2nav's bytecode first
(`python -m compileall`), because an editable install gets none from pip and an environment
with PYTHONDONTWRITEBYTECODE set never writes it, so every start would compile the whole
package from source while typer, Rich and attrs load theirs. The one-core batch figures are
also given in CPU time (user + system), which other work on a busy machine disturbs less
than wall time; the machine line shows the load average.
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

from attrs import frozen

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


@frozen
class Program:
    """How to run one version of her2nav: the command's start, and its environment and folder."""

    label: str
    argv: tuple[str, ...]
    env: dict[str, str] | None = None
    cwd: str | None = None

    def command(self, *args: str) -> list[str]:
        return [*self.argv, *args]


def this_version() -> Program:
    script = shutil.which("her2nav", path=str(Path(sys.executable).parent)) or shutil.which("her2nav")
    return Program("this version", (script,) if script else (sys.executable, "-m", "her2nav"))


def before_version(folder: Path) -> Program:
    """The version checked out in `folder`, imported from there, its bytecode compiled first."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(folder / "her2nav")], check=True,
                   stdout=subprocess.DEVNULL)
    commit = subprocess.run(["git", "-C", str(folder), "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True, check=False).stdout.strip()
    env = {**os.environ, "PYTHONPATH": str(folder)}
    return Program(f"before ({commit or folder})", (sys.executable, "-m", "her2nav"), env, str(folder))


def compile_installed_package() -> str:
    """Compile the her2nav that the installed program imports; returns its folder."""
    with tempfile.TemporaryDirectory() as neutral:  # not the project root, so the install decides
        out = subprocess.run([sys.executable, "-c", COMPILE_PACKAGE], cwd=neutral, capture_output=True,
                             text=True, check=False)
    if out.returncode != 0:
        sys.exit("benchmarks/run.py: her2nav is not installed in this environment; run it with the Python "
                 "of the environment where `pip install -e .` was run (e.g. .venv/bin/python benchmarks/run.py)")
    return out.stdout.strip()


def run(program: Program | None, command: list[str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system, the process and its workers) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False,
                   env=program.env if program else None, cwd=program.cwd if program else None)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def peak_rss_kib(program: Program, command: list[str]) -> int:
    """Max RSS of the largest process of one run, measured in a fresh parent so earlier runs do not count."""
    out = subprocess.run([sys.executable, "-c", PEAK_RSS, *command], capture_output=True, text=True, check=True,
                         env=program.env, cwd=program.cwd)
    return int(out.stdout.strip())


def startup_ratios(program: Program, runs: int) -> dict[str, float]:
    example = str(EXAMPLE)
    commands = {"json": program.command("recommend", example, "--format", "json"),
                "table": program.command("recommend", example)}
    for command in (BASELINE, *commands.values()):
        run(None, command)  # warm the file cache
    ratios: dict[str, list[float]] = {name: [] for name in commands}
    walls: dict[str, list[float]] = {name: [] for name in ("baseline", *commands)}
    for _ in range(runs):
        base, _ = run(None, BASELINE)
        walls["baseline"].append(base)
        for name, command in commands.items():
            wall, _ = run(None, command)
            walls[name].append(wall)
            ratios[name].append(wall / base)
    figures = {f"{name} ratio": statistics.median(values) for name, values in ratios.items()}
    figures.update({f"{name} ms": statistics.median(values) * 1000 for name, values in walls.items()})
    return figures


def startup_instructions(programs: dict[str, Program]) -> dict[str, int] | None:
    """Instructions executed by the baseline and by each program's two start-up commands, counted by
    valgrind's callgrind: unlike time, the count does not move with what else the machine runs.
    None when valgrind is not installed."""
    if shutil.which("valgrind") is None:
        return None
    example = str(EXAMPLE)
    counts = {"baseline": instructions(None, BASELINE)}
    for label, program in programs.items():
        counts[f"{label} json"] = instructions(program, program.command("recommend", example, "--format", "json"))
        counts[f"{label} table"] = instructions(program, program.command("recommend", example))
    return counts


def instructions(program: Program | None, command: list[str]) -> int:
    with tempfile.TemporaryDirectory() as temp:
        out = Path(temp) / "callgrind.out"
        done = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *command],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False,
                              env=program.env if program else None, cwd=program.cwd if program else None)
        if not out.exists():
            sys.exit(f"benchmarks/run.py: valgrind did not run {' '.join(command)}: {done.stderr.strip()[-300:]}")
        return callgrind_total(out.read_text())


def callgrind_total(text: str) -> int:
    """The instructions a callgrind output file counts (its `summary:` line, `totals:` in older files)."""
    for line in text.splitlines():
        if line.startswith(("summary:", "totals:")):
            return int(line.split()[1])
    raise ValueError("no summary line in the callgrind output")


def write_cases(directory: Path, count: int) -> Path:
    path = directory / f"cases-{count}.jsonl"
    with path.open("w") as handle:
        for case in generate(count):
            handle.write(json.dumps(case) + "\n")
    return path


Configurations = dict[str, tuple[Program, tuple[str, ...]]]  # name: the program and its batch options


def batch_figures(configurations: Configurations, rounds: int) -> dict[str, dict[str, float]]:
    """Per configuration: median cases per second (wall and CPU) between 1,000 and 20,000 cases, and peak memory."""
    with tempfile.TemporaryDirectory() as temp:
        small, large = write_cases(Path(temp), 1_000), write_cases(Path(temp), 20_000)
        rates: dict[str, list[tuple[float, float]]] = {name: [] for name in configurations}
        for _ in range(rounds):
            for name, (program, options) in configurations.items():
                small_wall, small_cpu = run(program, program.command("batch", str(small), *options))
                large_wall, large_cpu = run(program, program.command("batch", str(large), *options))
                rates[name].append((19_000 / (large_wall - small_wall), 19_000 / (large_cpu - small_cpu)))
        figures = {}
        for name, (program, options) in configurations.items():
            figures[name] = {
                "cases_per_second": statistics.median(wall for wall, _ in rates[name]),
                "cases_per_cpu_second": statistics.median(cpu for _, cpu in rates[name]),
                "peak_rss_mib_1000": peak_rss_kib(program, program.command("batch", str(small), *options)) / 1024,
                "peak_rss_mib_20000": peak_rss_kib(program, program.command("batch", str(large), *options)) / 1024,
            }
        return figures


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count() or 1
    return (f"{platform.system()} {platform.machine()} ({cpu}), {os.cpu_count()} cores ({usable} usable), "
            f"Python {platform.python_version()}")


def load() -> str:
    try:
        return "load average {:.2f} {:.2f} {:.2f}".format(*os.getloadavg())
    except OSError:  # not every system reports it
        return "load average unknown"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="9 start-up runs and 1 batch round instead of 21 and 3")
    parser.add_argument("--rounds", type=int, help="batch rounds (each configuration once per round)")
    parser.add_argument("--before", type=Path, metavar="DIR",
                        help="a checkout of an older version (e.g. a git worktree) to compare on one core")
    parser.add_argument("--instructions", action="store_true",
                        help="also count start-up in instructions with valgrind (a minute; steady on a busy machine)")
    args = parser.parse_args(argv)
    startup_runs, rounds = (9, 1) if args.quick else (21, 3)
    rounds = args.rounds or rounds
    load_before = load()
    package = compile_installed_package()
    this = this_version()
    configurations = {"one core": (this, ("--jobs", "1")), "all cores": (this, ("--jobs", "0"))}
    if args.before:
        configurations = {"before, one core": (before_version(args.before.resolve()), ()), **configurations}
    startup = startup_ratios(this, startup_runs)
    counted = None
    if args.instructions:
        versions = {"this": this, **({"before": configurations["before, one core"][0]} if args.before else {})}
        counted = startup_instructions(versions)
    batch = batch_figures(configurations, rounds)
    print(f"machine: {machine()}; {load_before} before, {load()} after")
    print(f"her2nav: imported from {package} (bytecode compiled first; "
          f"PYTHONDONTWRITEBYTECODE {'set' if os.environ.get('PYTHONDONTWRITEBYTECODE') else 'not set'})")
    print(f"start-up, median of {startup_runs} alternated runs: baseline imports {startup['baseline ms']:.0f} ms; "
          f"--format json {startup['json ms']:.0f} ms, ratio {startup['json ratio']:.2f} (target <= 1.10); "
          f"table {startup['table ms']:.0f} ms, ratio {startup['table ratio']:.2f} (target <= 1.25)")
    if args.instructions:
        print(instructions_line(counted))
    print(f"batch, median of {rounds} alternated rounds, cases/s between 1,000 and 20,000 generated cases:")
    for name, figures in batch.items():
        growth = figures["peak_rss_mib_20000"] - figures["peak_rss_mib_1000"]
        print(f"  {name:18s} {figures['cases_per_second']:7,.0f} wall, {figures['cases_per_cpu_second']:7,.0f} "
              f"per CPU second; peak memory {figures['peak_rss_mib_1000']:.1f} MiB for 1,000, "
              f"{figures['peak_rss_mib_20000']:.1f} MiB for 20,000 (growth {growth:.1f})")
    one = batch["one core"]["cases_per_second"]
    print(f"  all cores / one core: {batch['all cores']['cases_per_second'] / one:.2f} (target >= 1.7 on 2 cores)")
    if args.before:
        before = batch["before, one core"]
        print(f"  one core / before: {one / before['cases_per_second']:.2f} wall, "
              f"{batch['one core']['cases_per_cpu_second'] / before['cases_per_cpu_second']:.2f} CPU (target >= 1.3)")
    return 0


def instructions_line(counted: dict[str, int] | None) -> str:
    if counted is None:
        return "start-up in instructions: skipped, valgrind is not installed"
    base = counted["baseline"]

    def figure(label: str) -> str:
        return f"{counted[label] / 1e6:,.0f} M ({counted[label] / base:.2f})"

    line = (f"start-up in instructions (callgrind): baseline imports {base / 1e6:,.0f} M; "
            f"--format json {figure('this json')}; table {figure('this table')}")
    if "before json" in counted:
        line += f"; before: --format json {figure('before json')}, table {figure('before table')}"
    return line


if __name__ == "__main__":
    sys.exit(main())

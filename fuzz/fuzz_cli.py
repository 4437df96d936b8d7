"""Coverage-guided fuzzing of the input parser and the command line with atheris.

    pip install atheris
    python fuzz/fuzz_cli.py -max_total_time=600 fuzz/corpus

The corpus starts from the shipped examples (scripts/fuzz.sh copies them). A finding stops the
run with the input that caused it saved as crash-*; so does an input that takes longer than
TIME_LIMIT_SECONDS (growth faster than linear in the input shows up here, not in CI).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import atheris

with atheris.instrument_imports():
    from fuzz.target import check

TIME_LIMIT_SECONDS = 5.0


def check_in_time(data: bytes) -> None:
    check(data, TIME_LIMIT_SECONDS)


def main() -> None:
    atheris.Setup(sys.argv, check_in_time)
    atheris.Fuzz()


if __name__ == "__main__":
    main()

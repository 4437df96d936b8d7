"""Coverage-guided fuzzing of the input parser and the command line with atheris.

    pip install atheris
    python fuzz/fuzz_cli.py -max_total_time=600 fuzz/corpus

The corpus starts from the shipped examples (scripts/fuzz.sh copies them). A finding stops the
run with the input that caused it saved as crash-*.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import atheris

with atheris.instrument_imports():
    from fuzz.target import check


def main() -> None:
    atheris.Setup(sys.argv, check)
    atheris.Fuzz()


if __name__ == "__main__":
    main()

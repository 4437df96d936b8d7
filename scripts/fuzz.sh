#!/usr/bin/env bash
# Fuzz the input parser and the command line for a while (default 10 minutes) with atheris.
# Usage: scripts/fuzz.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
python -m pip install --quiet atheris
corpus=fuzz/corpus
mkdir -p "$corpus"
for case in examples/*.json; do python -c 'import json,sys; print(json.dumps(json.load(open(sys.argv[1]))))' "$case" > "$corpus/$(basename "$case")"; done
cp examples/board.jsonl "$corpus/board.jsonl"
python fuzz/fuzz_cli.py -max_total_time="$seconds" -rss_limit_mb=4096 "$corpus"

#!/usr/bin/env bash
# Mutation testing of the decision and knowledge modules with mutmut (docs/mutation-testing.md).
# Not part of CI: a full run takes 5-7 minutes on two cores.
#
#   scripts/mutation.sh              fresh virtual environment, full run, score
#   MUTATION_MINIMUM=85 scripts/...  also exit 1 when the score is below that percentage
#
# The score is killed / (total - skipped); timeouts are reported apart and not counted as killed.
# Afterwards `mutmut results` lists the survivors and `mutmut show NAME` shows one.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .mutation-venv
. .mutation-venv/bin/activate
python -m pip install --quiet --upgrade pip
# mutmut is pinned: its configuration keys and status codes change between releases.
pip install --quiet -e ".[test]" "mutmut==3.8.1"
rm -rf mutants  # results kept from an earlier run would hide changes in the tests
start=$(date +%s)
mutmut run
elapsed=$(( $(date +%s) - start ))
mutmut export-cicd-stats
python - "$elapsed" "${MUTATION_MINIMUM:-0}" <<'PY'
import json
import sys

elapsed, minimum = int(sys.argv[1]), float(sys.argv[2])
stats = json.load(open("mutants/mutmut-cicd-stats.json"))
tested = stats["total"] - stats["skipped"]
score = 100 * stats["killed"] / tested if tested else 0.0
print(f"mutants: {stats['total']} total, {stats['killed']} killed, {stats['survived']} survived, "
      f"{stats['timeout']} timeout, {stats['suspicious']} suspicious, {stats['no_tests']} no tests, "
      f"{stats['skipped']} skipped, {stats['segfault']} segfault")
print(f"score: {stats['killed']} / {tested} = {score:.1f}% killed, in {elapsed // 60} min {elapsed % 60} s")
sys.exit(1 if score < minimum else 0)
PY

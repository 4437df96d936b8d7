"""Realistic generated cases for the batch benchmark, as JSON Lines.

The mix follows a tumor-board list: every line of therapy, de novo and recurrent disease,
both hormone-receptor states, common sites and conditions. Seeded, so two runs with the
same count write the same file.

    python benchmarks/generate_cases.py 20000 > cases.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator
from typing import Any

HISTORIES: tuple[tuple[dict[str, Any], ...], ...] = (
    (),
    ({"drugs": ["TCHP"], "setting": "neoadjuvant"},
     {"drugs": ["trastuzumab", "pertuzumab"], "setting": "adjuvant", "months_to_recurrence": 30}),
    ({"drugs": ["paclitaxel", "trastuzumab"], "setting": "adjuvant", "months_to_recurrence": 8},),
    ({"drugs": ["THP"], "setting": "metastatic", "outcome": "progression"},),
    ({"drugs": ["THP"], "setting": "metastatic", "outcome": "progression"},
     {"drugs": ["T-DXd"], "setting": "metastatic", "outcome": "progression"}),
    ({"drugs": ["THP"], "setting": "metastatic", "outcome": "progression"},
     {"drugs": ["T-DXd"], "setting": "metastatic", "outcome": "progression"},
     {"drugs": ["tucatinib", "trastuzumab", "capecitabine"], "setting": "metastatic", "outcome": "progression"}),
    ({"drugs": ["THP"], "setting": "metastatic", "outcome": "ongoing"},),
    ({"drugs": ["THP"], "setting": "metastatic", "outcome": "progression"},
     {"drugs": ["T-DM1"], "setting": "metastatic", "outcome": "toxicity"}),
)
SITES: tuple[dict[str, Any], ...] = (
    {"site": "bone", "lesions": 4, "symptoms": ["pain"]},
    {"site": "liver", "lesions": 3},
    {"site": "lung", "lesions": 2},
    {"site": "brain", "lesions": 2, "status": "untreated"},
    {"site": "brain", "lesions": 1, "status": "treated_stable"},
    {"site": "lymph_node", "lesions": 2},
    {"site": "pleura", "symptoms": ["effusion"]},
    {"site": "skin", "lesions": 1},
)
CONDITION_SETS: tuple[tuple[str, ...], ...] = (
    (), (), (), ("peripheral_neuropathy",), ("interstitial_lung_disease",), ("hepatic_impairment",),
    ("dpd_deficiency",), ("dental_disease",),
)


def generate(count: int, seed: int = 2026) -> Iterator[dict[str, Any]]:
    rng = random.Random(seed)
    for index in range(count):
        history = rng.choice(HISTORIES)
        hr_positive = rng.random() < 0.5
        yield {
            "id": f"case-{index:06d}",
            "her2_ihc": rng.choice(["3+", "3+", "2+"]),
            "her2_ish": "amplified",
            "er": "positive" if hr_positive else "negative",
            "pr": rng.choice(["positive", "negative"]) if hr_positive else "negative",
            "presentation": "recurrence" if any(t["setting"] != "metastatic" for t in history) else "de_novo",
            "metastasis_biopsied": rng.random() < 0.7,
            "menopausal_status": rng.choice(["pre", "post", "post"]),
            "ecog": rng.choice([0, 1, 1, 2, 3]),
            "lvef": rng.choice([35, 45, 55, 60, 65]),
            "creatinine_clearance": rng.choice([25, 45, 70, 90]),
            "conditions": list(rng.choice(CONDITION_SETS)),
            "treatments": list(history),
            "sites": rng.sample(SITES, rng.randint(1, 3)),
        }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("count", nargs="?", type=int, default=1000, help="how many cases (default 1,000)")
    parser.add_argument("--seed", type=int, default=2026, help="the random seed (default 2026)")
    args = parser.parse_args(argv)
    if args.count < 0:
        parser.error("count must be 0 or more")
    out = sys.stdout
    for case in generate(args.count, args.seed):
        out.write(json.dumps(case) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Shared builders: a valid case as a mapping, changed only where a test says so."""

from __future__ import annotations

import os
from typing import Any

import pytest
from hypothesis import settings

from her2nav.case import Case
from her2nav.navigate import Settings, navigate
from her2nav.result import Result, SystemicOption, Tier

# Mutation testing (scripts/mutation.sh, docs/mutation-testing.md): mutmut sets MUTANT_UNDER_TEST,
# and every surviving mutant reruns each property test that reaches its function. There the
# property tests draw few examples, the same ones every run (derandomized, no example database),
# which keeps a run short and its score repeatable. An ordinary test run keeps each test's count.
UNDER_MUTATION = "MUTANT_UNDER_TEST" in os.environ
MUTATION_EXAMPLES = 20
settings.register_profile("mutation", max_examples=MUTATION_EXAMPLES, derandomize=True, database=None)
# A quick local loop: `pytest --hypothesis-profile=dev -m "not slow"`. CI keeps the full counts.
settings.register_profile("dev", max_examples=10)
if UNDER_MUTATION:
    settings.load_profile("mutation")


def property_examples(count: int) -> int:
    """How many examples a property test draws: `count`, or fewer under mutation testing."""
    return min(count, MUTATION_EXAMPLES) if UNDER_MUTATION else count


def case_mapping(**changes: Any) -> dict[str, Any]:
    """A de novo HR-negative HER2-positive case with every fact known; keyword args replace fields."""
    base: dict[str, Any] = {
        "her2_ihc": "3+",
        "er": "negative",
        "pr": "negative",
        "presentation": "de_novo",
        "menopausal_status": "post",
        "ecog": 1,
        "lvef": 60,
        "creatinine_clearance": 80,
        "sites": [{"site": "liver", "lesions": 3}],
    }
    if changes.get("sex") == "male":
        del base["menopausal_status"]  # a man has none: pre or post beside sex male is an invalid case (10.1)
    base.update(changes)
    return base


def run(settings: Settings | None = None, **changes: Any) -> Result:
    case = Case.from_mapping(case_mapping(**changes))
    return navigate(case, settings or Settings())


def option(result: Result, regimen: str) -> SystemicOption:
    matches = [o for o in result.systemic if o.regimen == regimen]
    assert matches, f"{regimen!r} not among {[o.regimen for o in result.systemic]}"
    return matches[0]


def tier_of(result: Result, regimen: str) -> Tier:
    return option(result, regimen).tier


def offered(result: Result) -> list[SystemicOption]:
    return [o for o in result.systemic if o.tier is not Tier.AVOID]


@pytest.fixture
def progressed_on_thp() -> list[dict[str, Any]]:
    return [{"drugs": ["THP"], "setting": "metastatic", "outcome": "progression"}]


# ---------------------------------------------------------------- builders for the rule tables

def course(drugs: str, setting: str = "metastatic", outcome: str | None = None,
           months: float | None = None) -> dict[str, Any]:
    """One treatment course as a clinician would note it: drugs joined by '+', e.g. 'THP' or 'T-DXd'."""
    out: dict[str, Any] = {"drugs": drugs.split("+"), "setting": setting}
    if outcome is not None:
        out["outcome"] = outcome
    if months is not None:
        out["months_to_recurrence"] = months
    return out


def progressed_on(*regimens: str) -> list[dict[str, Any]]:
    """Metastatic courses that each ended in progression, oldest first."""
    return [course(regimen, "metastatic", "progression") for regimen in regimens]


def cautions_text(result: Result, regimen: str) -> str:
    """Every caution of one option, joined, for fragment checks."""
    return " | ".join(option(result, regimen).cautions)


def action_kinds(result: Result) -> list[str]:
    return [action.kind.value for action in result.actions]


def action_text(result: Result, kind: str) -> str:
    return " | ".join(action.text for action in result.actions if action.kind.value == kind)


def all_text(result: Result) -> str:
    """line_reason, every rationale and caution, and the trace: where the navigator explains itself."""
    parts = [result.line_reason]
    for o in result.systemic:
        parts.append(o.rationale)
        parts.extend(o.cautions)
    for step in result.trace:
        parts.extend((step.step, step.decision, step.because))
    return " | ".join(parts)

"""Maintenance after an induction completed without progression (clinical-rules.md section 10.11)."""

from __future__ import annotations

from attrs import evolve

from her2nav.case import Case, Outcome
from her2nav.decide.candidate import Candidate
from her2nav.decide.coded import with_caution
from her2nav.decide.history import Course, History
from her2nav.knowledge.drugs import DRUGS
from her2nav.knowledge.regimens import (
    INDUCTION_COMPLETED,
    MAINTENANCE_BY_DRUGS,
    MAINTENANCE_REPLACES,
    NO_CHEMOTHERAPY_FREE_MAINTENANCE,
    REGIMENS,
)
from her2nav.result import Tier, TraceStep


def after_completed_induction(
    case: Case, history: History, candidates: list[Candidate], steps: list[TraceStep]
) -> tuple[list[Candidate], list[TraceStep]]:
    """Section 10.11: an induction completed without progression leads to maintenance of its
    HER2-directed antibodies (with endocrine therapy if HR-positive), preferred; the same induction is
    not started again, and the line's other preferred options become what to do if maintenance does
    not suit. T-DXd + pertuzumab has no chemotherapy-free maintenance."""
    course = _completed_course(history)
    if course is None:
        return candidates, steps
    drugs = course.treatment.drugs
    if "trastuzumab deruxtecan" in drugs:
        return candidates, [*steps, TraceStep("completed course", "no chemotherapy-free maintenance",
                                              f"{course.label()}: {NO_CHEMOTHERAPY_FREE_MAINTENANCE}")]
    antibodies = frozenset(d for d in drugs if DRUGS[d].her2_directed and not DRUGS[d].cytotoxic)
    keys = MAINTENANCE_BY_DRUGS.get(antibodies)
    if keys is None or not any(DRUGS[d].cytotoxic for d in drugs):
        return candidates, steps
    if not antibodies.isdisjoint(history.failed_drugs):  # maintenance of a drug that failed is no maintenance
        return candidates, steps
    key = keys[1] if case.hormone_receptor_positive else keys[0]
    why = f"{course.label()}: {INDUCTION_COMPLETED}."
    kept = [_after_induction(c, course) for c in candidates if c.key not in MAINTENANCE_REPLACES.get(key, ())]
    step = TraceStep("completed induction", f"{REGIMENS[key].name}: preferred",
                     f"{course.label()}: {INDUCTION_COMPLETED}")
    return [Candidate(key, Tier.PREFERRED, why), *kept], [*steps, step]


def _completed_course(history: History) -> Course | None:
    """The latest metastatic anticancer course, when it was completed and nothing is ongoing."""
    if history.current is not None:
        return None
    metastatic = [c for c in history.courses if not c.treatment.perioperative and c.treatment.anticancer]
    if not metastatic or metastatic[-1].treatment.outcome is not Outcome.COMPLETED:
        return None
    return metastatic[-1]


def _after_induction(candidate: Candidate, course: Course) -> Candidate:
    """The same induction is avoid while the disease is controlled; another preferred option, alternative."""
    regimen = REGIMENS[candidate.key]
    drugs = set(course.treatment.drugs)
    if set(regimen.required) <= drugs <= set(regimen.drugs):
        return with_caution(candidate, "induction-completed", f"{course.label()}: {INDUCTION_COMPLETED}",
                            tier=Tier.AVOID)
    if candidate.tier is Tier.PREFERRED:
        return evolve(candidate, tier=Tier.ALTERNATIVE, why=f"If maintenance does not suit: {candidate.why}")
    return candidate

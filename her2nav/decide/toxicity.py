"""What the history does not say about a toxicity, and how it would change the answer (section 10.3)."""

from __future__ import annotations

from her2nav.case import Case, Outcome, Treatment
from her2nav.knowledge.safety import TDXD_ILD_PERMANENT_GRADE
from her2nav.result import Missing
from her2nav.toxicity import Toxicity, ToxicityKind

TDXD = "trastuzumab deruxtecan"


def toxicity_missing(case: Case) -> list[Missing]:
    """A course stopped for toxicity without a `toxicity` record: which drug caused it is not known.

    Every drug of such a course is read as stopped for toxicity (today's reading); the entry says
    what naming the drug would change. A single-drug course names its drug already, so it needs an
    entry only for trastuzumab deruxtecan, where the kind and grade of the toxicity decide.
    """
    missing = []
    for index, treatment in enumerate(case.treatments):
        if treatment.toxicity is not None:
            missing.extend(_tdxd_ild_missing(index, treatment.toxicity))
        if treatment.outcome is not Outcome.TOXICITY or treatment.toxicity is not None:
            continue
        drugs = " + ".join(treatment.drugs)
        effects = []
        if len(treatment.drugs) > 1:
            effects.append("naming the drug that caused it would free the others of the "
                           "\"not preferred again\" caution")
        if TDXD in treatment.drugs:
            effects.append("for trastuzumab deruxtecan the kind and grade decide: after interstitial lung disease "
                           "of grade 2 or more it is not given again, after grade 1 that resolved it may resume")
        if effects:
            missing.append(Missing(f"treatments[{index}].toxicity",
                                   f"not given: every drug of course {index + 1} ({drugs}) is read as stopped "
                                   "for toxicity and not preferred again", "; ".join(effects)))
    return missing


def _tdxd_ild_missing(index: int, record: Toxicity) -> list[Missing]:
    """Interstitial lung disease on trastuzumab deruxtecan: the grade, and for grade 1 whether it resolved."""
    if record.kind is not ToxicityKind.ILD or TDXD not in record.drugs:
        return []
    where = f"treatments[{index}].toxicity"
    if record.grade is None:
        return [Missing(f"{where}.grade", "not given: the interstitial lung disease is read as grade 2 or more, "
                        "so trastuzumab deruxtecan is not offered again",
                        "after grade 1 that resolved it could resume")]
    if record.grade == 1 and record.resolved is None:
        return [Missing(f"{where}.resolved", "not given: the grade 1 interstitial lung disease is read as not "
                        "resolved, so trastuzumab deruxtecan waits", "once resolved to grade 0 it may resume")]
    return []


def resumable_after_toxicity(drug: str, course: Treatment) -> bool:
    """Section 10.3: stopped only for a toxicity of this drug that resolved and does not end it for good.

    A drug stopped for toxicity is "not preferred again" (section 1), not ruled out: so for a
    resolved toxicity, except interstitial lung disease on trastuzumab deruxtecan of grade 2 or
    more, which its label ends for good. The LVEF rules decide a cardiac re-challenge.
    """
    record = course.toxicity
    if course.outcome is not Outcome.TOXICITY or record is None or drug not in record.drugs or not record.resolved:
        return False
    if record.kind is ToxicityKind.ILD and drug == TDXD:
        return record.grade is not None and record.grade < TDXD_ILD_PERMANENT_GRADE
    return True

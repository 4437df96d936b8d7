"""The defaults a case was read with, each named with how knowing the fact could change the answer.

The contract lets many fields be left out (docs/case-format.md, "Defaults"); every one the
navigator fills in is reported here, so nothing assumed is silent.
"""

from __future__ import annotations

from her2nav.case import SYMPTOMS_BY_SITE, Case, Outcome, Presentation, Sex, SiteName, Treatment
from her2nav.decide.history import History
from her2nav.knowledge import defaults as words
from her2nav.knowledge.defaults import TAKEN_AS
from her2nav.result import Missing


def assumed_defaults(case: Case, history: History, window: float) -> list[Missing]:
    """One entry per default applied, in the order of the case's fields."""
    missing = _case_defaults(case)
    for index, course in enumerate(case.treatments):
        later = case.treatments[index + 1:]
        missing += _course_defaults(course, f"treatments[{index}]", later, history, window)
    for index, site in enumerate(case.sites):
        missing += _site_defaults(site.site, site.assumed, f"sites[{index}]")
    if case.presentation is Presentation.DE_NOVO and case.primary_tumor.intact is None:
        missing.append(Missing("primary_tumor", words.PRIMARY_UNKNOWN, words.PRIMARY_UNKNOWN_EFFECT))
    return missing


def _case_defaults(case: Case) -> list[Missing]:
    hr_positive = case.hormone_receptor_positive
    endocrine = words.ENDOCRINE_PARTNER if hr_positive else words.NO_ENDOCRINE_OPTIONS
    missing = []
    if "pr" in case.assumed:
        effect = words.PR_UNKNOWN_HR_POSITIVE if hr_positive else words.PR_UNKNOWN_HR_NEGATIVE
        missing.append(Missing("pr", f"{TAKEN_AS} unknown", effect, changes_answer=not hr_positive))
    if "er" in case.assumed:
        missing.append(Missing("er", f"{TAKEN_AS} unknown (PR is positive)",
                               words.ER_UNKNOWN))
    if "menopausal_status" in case.assumed:
        if case.sex is Sex.MALE:
            effect = words.MENOPAUSE_MALE
        elif hr_positive:
            effect = words.MENOPAUSE_UNKNOWN.format(endocrine=endocrine)
        else:
            effect = endocrine
        missing.append(Missing("menopausal_status", f"{TAKEN_AS} unknown", effect,
                               changes_answer=hr_positive and case.sex is not Sex.MALE))
    if "sex" in case.assumed:
        missing.append(Missing("sex", f"{TAKEN_AS} female",
                               words.SEX_MALE.format(endocrine=endocrine) if hr_positive else endocrine,
                               changes_answer=hr_positive))
    if "conditions" in case.assumed:
        missing.append(Missing("conditions", f"{TAKEN_AS} none", words.CONDITIONS_NONE))
    if "visceral_crisis" in case.assumed:
        missing.append(Missing("visceral_crisis", f"{TAKEN_AS} no",
                               words.VISCERAL_CRISIS if hr_positive else endocrine, changes_answer=hr_positive))
    if "treatments" in case.assumed:
        missing.append(Missing("treatments", f"{TAKEN_AS} {words.NO_TREATMENTS}", words.NO_TREATMENTS_EFFECT))
    return missing


def _course_defaults(course: Treatment, where: str, later: tuple[Treatment, ...], history: History,
                     window: float) -> list[Missing]:
    missing = []
    if "outcome" in course.assumed:
        if course.perioperative:
            missing.append(Missing(f"{where}.outcome", f"{TAKEN_AS} completed", words.OUTCOME_PERIOPERATIVE))
        else:
            missing.append(Missing(f"{where}.outcome", f"{TAKEN_AS} progression", words.OUTCOME_METASTATIC))
    late_by_default = (course.perioperative and course.her2_directed and course.months_to_recurrence is None
                       and course.outcome in (Outcome.COMPLETED, Outcome.TOXICITY)
                       and not history.perioperative_failures and not _ended_outside(later, window))
    if late_by_default:
        missing.append(Missing(f"{where}.months_to_recurrence",
                               f"{TAKEN_AS} {words.LATE_RELAPSE.format(window=window)}",
                               words.LATE_RELAPSE_EFFECT.format(window=window)))
    return missing


def _ended_outside(later: tuple[Treatment, ...], window: float) -> bool:
    """A later (neo)adjuvant course that ended outside the window puts an earlier one outside it too."""
    return any(c.perioperative and c.months_to_recurrence is not None and c.months_to_recurrence > window
               for c in later)


def _site_defaults(site: SiteName, assumed: frozenset[str], where: str) -> list[Missing]:
    missing = []
    if "symptoms" in assumed:
        symptoms = ", ".join(s.value.replace("_", " ") for s in SYMPTOMS_BY_SITE[site])
        missing.append(Missing(f"{where}.symptoms", f"{TAKEN_AS} none",
                               words.SITE_SYMPTOMS.format(site=site.value.replace("_", " "), symptoms=symptoms)))
    if "leptomeningeal" in assumed:
        missing.append(Missing(f"{where}.leptomeningeal", f"{TAKEN_AS} no", words.LEPTOMENINGEAL))
    return missing

"""The defaults a case was read with, each named with how knowing the fact could change the answer.

The contract lets many fields be left out (docs/case-format.md, "Defaults"); every one the
navigator fills in is reported here, so nothing assumed is silent.
"""

from __future__ import annotations

from her2nav.case import SYMPTOMS_BY_SITE, Case, Outcome, Presentation, Sex, SiteName, Treatment
from her2nav.decide.history import History
from her2nav.result import Missing

TAKEN_AS = "not given, taken as"


def assumed_defaults(case: Case, history: History, window: float) -> list[Missing]:
    """One entry per default applied, in the order of the case's fields."""
    missing = _case_defaults(case)
    for index, course in enumerate(case.treatments):
        later = case.treatments[index + 1:]
        missing += _course_defaults(course, f"treatments[{index}]", later, history, window)
    for index, site in enumerate(case.sites):
        missing += _site_defaults(site.site, site.assumed, f"sites[{index}]")
    if case.presentation is Presentation.DE_NOVO and case.primary_tumor.intact is None:
        missing.append(Missing(
            "primary_tumor", "not given, so whether the primary tumor is intact is unknown (no entry for it)",
            "an intact primary would add entries for it: palliative surgery or radiation when it causes "
            "symptoms, and surgery for survival weighed and advised against"))
    return missing


def _case_defaults(case: Case) -> list[Missing]:
    hr_positive = case.hormone_receptor_positive
    endocrine = ("an aromatase inhibitor" if hr_positive
                 else "would not change this answer: it bears on endocrine options only, which a "
                 "hormone-receptor-negative case does not have")
    missing = []
    if "pr" in case.assumed:
        effect = ("hormone-receptor status rests on ER; a positive PR would not change it" if hr_positive
                  else "a positive PR would make the case hormone-receptor positive and add endocrine options")
        missing.append(Missing("pr", f"{TAKEN_AS} unknown", effect))
    if "er" in case.assumed:
        missing.append(Missing("er", f"{TAKEN_AS} unknown (PR is positive)",
                               "ER low (1-10%) would add a caution to endocrine options"))
    if "menopausal_status" in case.assumed:
        if case.sex is Sex.MALE:
            effect = "does not apply to a male patient"
        elif hr_positive:
            effect = (f"ovarian function suppression is advised with {endocrine}; postmenopausal status would "
                      "remove that caution")
        else:
            effect = endocrine
        missing.append(Missing("menopausal_status", f"{TAKEN_AS} unknown", effect))
    if "sex" in case.assumed:
        missing.append(Missing("sex", f"{TAKEN_AS} female",
                               f"a male patient needs a GnRH analogue with {endocrine}" if hr_positive else endocrine))
    if "conditions" in case.assumed:
        missing.append(Missing("conditions", f"{TAKEN_AS} none",
                               "heart failure, interstitial lung disease, neuropathy, pregnancy, DPD deficiency, "
                               "hepatic impairment, dental disease or hypocalcemia would add cautions or rule "
                               "options out"))
    if "visceral_crisis" in case.assumed:
        missing.append(Missing("visceral_crisis", f"{TAKEN_AS} no",
                               "a visceral crisis rules out endocrine therapy without chemotherapy" if hr_positive
                               else endocrine))
    if "treatments" in case.assumed:
        missing.append(Missing("treatments", f"{TAKEN_AS} no earlier anticancer treatment",
                               "a HER2-directed course that failed would move the case to a later line"))
    return missing


def _course_defaults(course: Treatment, where: str, later: tuple[Treatment, ...], history: History,
                     window: float) -> list[Missing]:
    missing = []
    if "outcome" in course.assumed:
        if course.perioperative:
            missing.append(Missing(f"{where}.outcome", f"{TAKEN_AS} completed",
                                   "progression during it would count as a failed line and rule its drugs out"))
        else:
            missing.append(Missing(f"{where}.outcome", f"{TAKEN_AS} progression",
                                   "counted as a failed line; completed, stopped for toxicity or ongoing would not "
                                   "count, and its drugs could be offered again"))
    # A later (neo)adjuvant course that ended outside the window puts this earlier one outside it too.
    bounded = any(c.perioperative and c.months_to_recurrence is not None and c.months_to_recurrence > window
                  for c in later)
    late_by_default = (course.perioperative and course.her2_directed and course.months_to_recurrence is None
                       and course.outcome in (Outcome.COMPLETED, Outcome.TOXICITY)
                       and not history.perioperative_failures and not bounded)
    if late_by_default:
        missing.append(Missing(f"{where}.months_to_recurrence",
                               f"{TAKEN_AS} a relapse more than {window:g} months after the course",
                               f"a relapse within {window:g} months would count as a failed first line "
                               "(give the course's end and metastatic_diagnosis, or the months)"))
    return missing


def _site_defaults(site: SiteName, assumed: frozenset[str], where: str) -> list[Missing]:
    missing = []
    if "symptoms" in assumed:
        symptoms = ", ".join(s.value.replace("_", " ") for s in SYMPTOMS_BY_SITE[site])
        missing.append(Missing(f"{where}.symptoms", f"{TAKEN_AS} none",
                               f"{site.value.replace('_', ' ')} symptoms ({symptoms}) would add urgent actions "
                               "or site-specific entries"))
    if "leptomeningeal" in assumed:
        missing.append(Missing(f"{where}.leptomeningeal", f"{TAKEN_AS} no",
                               "leptomeningeal disease would add a specialist review and a caution to each "
                               "brain entry"))
    return missing

"""Facts that cannot be true together: an invalid case, never a guess (clinical-rules.md 10.1).

Each field of a case may be valid alone while the history they tell together is impossible:
an ongoing course with a later course after it, two different regimens both ongoing, a relapse
months after a course during which the disease already progressed. A navigator that picked one
reading would answer a question nobody asked, so each such pair is refused (exit 2) with one
line naming the courses or fields involved and what cannot be true together.

The checks read a whole case, so they run where every route meets: at the start of `navigate`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import pairwise

from her2nav.case import Case, Condition, Menopause, Outcome, Presentation, Setting, Sex, Treatment
from her2nav.errors import InvalidCase
from her2nav.knowledge.drugs import DRUGS, ENDOCRINE_CLASSES, DrugClass
from her2nav.knowledge.regimens import REGIMENS


def refuse_impossible_history(case: Case) -> None:
    """Raise InvalidCase for the first pair of facts that cannot be true together."""
    for check in (_ongoing_then_later, _two_regimens_ongoing, _perioperative_after_metastatic,
                  _relapse_after_progression, _ongoing_with_time_since_its_end, _recurrence_times_out_of_order,
                  _de_novo_relapse):
        check(case.treatments, case)
    _sex_and_reproduction(case)


def _label(index: int, course: Treatment) -> str:
    return f"course {index + 1} ({' + '.join(course.drugs)}, {course.setting.value}, {course.outcome.value})"


def _field(*indexes: int) -> str:
    return ", ".join(f"treatments[{index}]" for index in indexes)


def _supportive(course: Treatment) -> bool:
    """A course of bone-modifying agents alone runs beside the anticancer courses, not as one of them."""
    return not course.anticancer


def _ongoing_then_later(courses: Sequence[Treatment], _case: Case) -> None:
    """An ongoing course ended when a later one began, unless the later one is given with it.

    Courses given together (trastuzumab + pertuzumab maintenance, then letrozole added) are both
    ongoing and of the same setting; bone-modifying agents run beside any course.
    """
    for first, course in enumerate(courses):
        if course.outcome is not Outcome.ONGOING or _supportive(course):
            continue
        for later in range(first + 1, len(courses)):
            after = courses[later]
            if _supportive(after) or (after.outcome is Outcome.ONGOING and after.setting is course.setting):
                continue
            raise InvalidCase(_field(first, later), (
                f"{_label(first, course)} is recorded as ongoing, but {_label(later, after)} comes after it; "
                f"course {first + 1} ended when course {later + 1} began: give its outcome "
                "(progression, toxicity or completed)"))


def _two_regimens_ongoing(courses: Sequence[Treatment], _case: Case) -> None:
    """Ongoing courses together must be one regimen: one HER2 regimen, with an endocrine partner and a
    bone-modifying agent at most. Trastuzumab deruxtecan beside tucatinib + trastuzumab + capecitabine
    is two regimens: one of them is not what the patient is on now."""
    ongoing = [(index, course) for index, course in enumerate(courses)
               if course.outcome is Outcome.ONGOING and not _supportive(course)]
    core = [(index, course) for index, course in ongoing if _core_drugs(course)]
    if len(core) > 1 and not _one_known_regimen({drug for _, course in core for drug in _core_drugs(course)}):
        raise InvalidCase(_field(*(index for index, _ in core)), (
            f"{_listed(core)} are all recorded as ongoing, but together they are not one regimen the knowledge "
            "base knows (a HER2 regimen, with an endocrine partner and a bone-modifying agent at most); "
            "record as ongoing only what the patient receives now, and give the others' outcomes"))
    endocrine = [(index, course) for index, course in ongoing if _endocrine_agents(course)]
    if len({drug for _, course in endocrine for drug in _endocrine_agents(course)}) > 1 and len(endocrine) > 1:
        raise InvalidCase(_field(*(index for index, _ in endocrine)), (
            f"{_listed(endocrine)} are all recorded as ongoing, but they hold two endocrine therapies, which "
            "are not given together (ovarian function suppression aside); give the earlier one's outcome"))


def _core_drugs(course: Treatment) -> frozenset[str]:
    """The drugs that make a regimen what it is: all but endocrine partners and bone-modifying agents."""
    return frozenset(drug for drug in course.drugs
                     if DRUGS[drug].drug_class not in ENDOCRINE_CLASSES
                     and DRUGS[drug].drug_class is not DrugClass.BONE_AGENT)


def _endocrine_agents(course: Treatment) -> frozenset[str]:
    return frozenset(drug for drug in course.drugs if DRUGS[drug].drug_class in ENDOCRINE_CLASSES
                     and DRUGS[drug].drug_class is not DrugClass.OVARIAN_SUPPRESSION)


def _one_known_regimen(drugs: set[str]) -> bool:
    """The drugs are one regimen of the knowledge base: within its drugs, with all it requires."""
    for regimen in REGIMENS.values():
        required = {drug for drug in regimen.required if DRUGS[drug].drug_class not in ENDOCRINE_CLASSES}
        partners = drugs & set(regimen.one_of)
        if drugs <= set(regimen.drugs) and required <= drugs and len(partners) <= 1:
            return True
    return False


def _listed(courses: Sequence[tuple[int, Treatment]]) -> str:
    labels = [_label(index, course) for index, course in courses]
    return ", ".join(labels[:-1]) + f" and {labels[-1]}"


def _perioperative(courses: Sequence[Treatment]) -> Iterator[tuple[int, Treatment]]:
    return ((index, course) for index, course in enumerate(courses) if course.setting is not Setting.METASTATIC)


def _perioperative_after_metastatic(courses: Sequence[Treatment], _case: Case) -> None:
    """Courses are listed oldest first, so a (neo)adjuvant course cannot follow a metastatic one.

    Read as given, its relapse would count as a second failed line on top of the metastatic one.
    """
    metastatic = [(index, course) for index, course in enumerate(courses)
                  if course.setting is Setting.METASTATIC and not _supportive(course)]
    if not metastatic:
        return
    first, course = metastatic[0]
    for later, after in _perioperative(courses):
        if later > first and not _supportive(after):
            raise InvalidCase(_field(first, later), (
                f"{_label(later, after)} is (neo)adjuvant but comes after {_label(first, course)}: courses "
                "are listed oldest first, and (neo)adjuvant therapy belongs before metastatic disease; "
                "put the courses in the order they were given"))


def _relapse_after_progression(courses: Sequence[Treatment], _case: Case) -> None:
    """Progression on a (neo)adjuvant course means during it: the time to recurrence is 0."""
    for index, course in _perioperative(courses):
        months = course.months_to_recurrence
        if course.outcome is Outcome.PROGRESSION and months is not None and months > 0:
            raise InvalidCase(f"{_field(index)}.months_to_recurrence", (
                f"{_label(index, course)} progressed during the course, which is a recurrence at 0 months, but "
                f"months_to_recurrence is {months:g}; give outcome completed (or toxicity) for a recurrence after "
                "the course ended, or months_to_recurrence 0"))


def _ongoing_with_time_since_its_end(courses: Sequence[Treatment], _case: Case) -> None:
    """A course still going on at recurrence has no time from its end to the recurrence."""
    for index, course in _perioperative(courses):
        months = course.months_to_recurrence
        if course.outcome is Outcome.ONGOING and months is not None and months > 0:
            raise InvalidCase(f"{_field(index)}.months_to_recurrence", (
                f"{_label(index, course)} was still ongoing at recurrence, but months_to_recurrence (from the "
                f"end of the course) is {months:g}; give 0, or the course's outcome if it had ended"))


def _recurrence_times_out_of_order(courses: Sequence[Treatment], _case: Case) -> None:
    """Of two (neo)adjuvant courses, the earlier one ended first: its time to recurrence is not shorter."""
    timed = [(index, course) for index, course in _perioperative(courses) if course.months_to_recurrence is not None]
    for (first, earlier), (second, later) in pairwise(timed):
        if (earlier.months_to_recurrence or 0) < (later.months_to_recurrence or 0):
            raise InvalidCase(_field(first, second), (
                f"{_label(first, earlier)} ended before {_label(second, later)}, so the metastatic recurrence came "
                f"longer after it, but its months_to_recurrence ({earlier.months_to_recurrence:g}) is shorter "
                f"than course {second + 1}'s ({later.months_to_recurrence:g}); check the order of the courses "
                "and the times"))


def _de_novo_relapse(courses: Sequence[Treatment], case: Case) -> None:
    """De novo means stage IV at diagnosis: there was no relapse after curative treatment."""
    if case.presentation is not Presentation.DE_NOVO:
        return
    for index, course in _perioperative(courses):
        if course.months_to_recurrence is not None:
            raise InvalidCase(f"presentation, {_field(index)}.months_to_recurrence", (
                f"presentation is de_novo (stage IV at diagnosis), but {_label(index, course)} gives a time to "
                "metastatic recurrence; a recurrence after curative treatment is presentation recurrence"))


def _sex_and_reproduction(case: Case) -> None:
    if case.sex is not Sex.MALE:
        return
    if case.has(Condition.PREGNANCY):
        raise InvalidCase("sex, conditions", "sex is male, but the conditions include pregnancy; "
                          "check which of the two is wrong")
    if case.menopausal_status in (Menopause.PRE, Menopause.POST):
        raise InvalidCase("sex, menopausal_status", (
            f"sex is male, but menopausal_status is {case.menopausal_status.value}, which only a woman has; "
            "leave it out or give unknown"))

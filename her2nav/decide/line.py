"""Which line of therapy the patient is at, and early relapse (clinical-rules.md section 1).

The `History` it builds, and the questions the other decisions ask of it, are in history.py.
"""

from __future__ import annotations

from attrs import frozen

from her2nav.case import Case, Outcome, Setting, Treatment
from her2nav.decide.history import Course, CurrentRegimen, History
from her2nav.knowledge import early_relapse as windows
from her2nav.knowledge.early_relapse import (
    ASCO_EARLY_RELAPSE_MONTHS,
    DEFAULT_EARLY_RELAPSE_MONTHS,
    LABEL_EARLY_RELAPSE_MONTHS,
)
from her2nav.result import TraceStep
from her2nav.values import Value


@frozen(repr=False)
class EarlyRelapse(Value):
    course: Course
    months: float | None  # None when the course ended in progression or was ongoing at relapse


def read_history(case: Case, early_relapse_months: float = DEFAULT_EARLY_RELAPSE_MONTHS) -> History:
    courses = tuple(Course(n, t) for n, t in enumerate(case.treatments, start=1))
    metastatic = [c for c in courses if c.treatment.setting is Setting.METASTATIC]
    failed = tuple(c for c in metastatic if c.treatment.outcome is Outcome.PROGRESSION)
    failed_her2 = [c for c in failed if c.treatment.her2_directed]
    relapse, relapse_steps, notes = _early_relapse(courses, early_relapse_months)
    perioperative_failures = _perioperative_failures(courses, relapse)
    line = len(failed_her2) + (1 if relapse else 0) + 1
    current = _current_regimen(metastatic)
    reason = _line_reason(failed_her2, relapse, early_relapse_months, notes)
    steps = [*relapse_steps, TraceStep(
        "line", f"line {line}",
        f"{len(failed_her2)} metastatic HER2-directed course(s) ended in progression"
        + (", plus one early relapse after (neo)adjuvant HER2 therapy" if relapse else "")
        + "; courses stopped for toxicity, completed or ongoing are not failed lines",
    )]
    steps += [_perioperative_failure_step(c) for c in perioperative_failures if relapse is None or c != relapse.course]
    if current is not None:
        steps.append(_ongoing_step(current))
    return History(
        line=line,
        reason=reason,
        failed_courses=failed,
        toxicity_courses=tuple(c for c in courses if c.treatment.outcome is Outcome.TOXICITY),
        current=current,
        received=frozenset(drug for c in courses for drug in c.treatment.drugs),
        failed_drugs=frozenset(drug for c in (*failed, *perioperative_failures) for drug in c.treatment.drugs),
        trace=tuple(steps),
        courses=courses,
        perioperative_failures=perioperative_failures,
        months_since_perioperative_her2=min(
            (c.treatment.months_to_recurrence for c in courses if c.treatment.perioperative
             and c.treatment.her2_directed and c.treatment.months_to_recurrence is not None), default=None),
    )


def _perioperative_failures(courses: tuple[Course, ...], relapse: EarlyRelapse | None) -> tuple[Course, ...]:
    """(Neo)adjuvant courses whose drugs the disease progressed on: the early relapse, and any course
    during which the disease progressed or relapsed (an ongoing adjuvant course at relapse, e.g.
    endocrine therapy). They count as one failed line at most; their drugs are all failed."""
    return tuple(c for c in courses if c.treatment.perioperative and (
        c.treatment.outcome in (Outcome.PROGRESSION, Outcome.ONGOING)
        or (relapse is not None and c == relapse.course)))


def _perioperative_failure_step(course: Course) -> TraceStep:
    return TraceStep("(neo)adjuvant failure", "its drugs are not offered again",
                     f"{course.label()}: the disease progressed or relapsed during it")


def _current_regimen(metastatic: list[Course]) -> CurrentRegimen | None:
    """The ongoing metastatic courses; a course of bone agents alone is supportive, not a line."""
    ongoing = tuple(c for c in metastatic if c.treatment.outcome is Outcome.ONGOING and c.treatment.anticancer)
    return CurrentRegimen(ongoing) if ongoing else None


def _ongoing_step(current: CurrentRegimen) -> TraceStep:
    if current.several:
        return TraceStep("ongoing course", "continue them together while they control the disease, "
                         "unless a safety rule stops them (see safety)", f"{current.label()} have not failed")
    return TraceStep("ongoing course", "continue it while it controls the disease, unless a safety rule "
                     "stops it (see safety)", f"{current.label()} has not failed")


def _early_relapse(
    courses: tuple[Course, ...], window: float
) -> tuple[EarlyRelapse | None, list[TraceStep], list[str]]:
    """The (neo)adjuvant HER2 course closest to the relapse, if it counts as a failed line.

    Also the trace steps, and the notes the line's reason adds: what other sources would decide,
    and, when the relapse does not count, why not.
    """
    perioperative = [c for c in courses if c.treatment.perioperative and c.treatment.her2_directed]
    # Section 10.8: NCCN's window depends on the whole (neo)adjuvant programme (TCHP then T-DM1).
    pertuzumab = any("pertuzumab" in c.treatment.drugs for c in courses if c.treatment.perioperative)
    for course in reversed(perioperative):
        if course.treatment.outcome in (Outcome.PROGRESSION, Outcome.ONGOING):
            why = f"{course.label()}: the disease progressed during (neo)adjuvant HER2 therapy"
            return EarlyRelapse(course, None), [TraceStep("early relapse", "counts as a failed line", why)], []
        months = course.treatment.months_to_recurrence
        if months is not None and months <= window:
            step = TraceStep("early relapse", "counts as a failed line",
                             f"relapse {_months(course.treatment)} after {course.label()}; the window is "
                             f"{window:g} months")
            disagreement = _disagreement_steps(months, window, pertuzumab)
            return EarlyRelapse(course, months), [step, *disagreement], [s.because for s in disagreement]
    if not perioperative:
        return None, [], []
    steps = _late_relapse_steps(perioperative[-1], window, pertuzumab)
    return None, steps, [step.because for step in steps]


def _late_relapse_steps(course: Course, window: float, pertuzumab: bool) -> list[TraceStep]:
    months = course.treatment.months_to_recurrence
    if months is None:
        why = (f"{course.label()} gives no months_to_recurrence: taken as more than "
               f"{ASCO_EARLY_RELAPSE_MONTHS:g} months, so first-line rules apply (ASCO 2022 rec 5.1)")
        return [TraceStep("early relapse", "assumed late relapse", why)]
    why = f"relapse {_months(course.treatment)} after {course.label()}; the window is {window:g} months"
    return [TraceStep("early relapse", "does not count: first-line rules", why),
            *_disagreement_steps(months, window, pertuzumab)]


def _months(treatment: Treatment) -> str:
    """'8 months', and where the number came from when the navigator worked it out from dates."""
    words = f"{treatment.months_to_recurrence:g} months"
    if treatment.months_from_dates:
        words += f" (from the course's end, {treatment.end}, to metastatic_diagnosis)"
    return words


def _disagreement_steps(months: float, window: float, pertuzumab: bool) -> list[TraceStep]:
    note = _window_disagreement(months, window, pertuzumab)
    return [TraceStep("sources disagree", "early-relapse window", note)] if note else []


def _window_disagreement(months: float, window: float, pertuzumab: bool) -> str | None:
    """What the other sources would say, when they would decide differently.

    `pertuzumab`: whether any (neo)adjuvant course before the relapse gave pertuzumab (NCCN's 12 months).
    """
    notes = []
    if LABEL_EARLY_RELAPSE_MONTHS < months <= window:
        notes.append(windows.LABEL_FIRST_LINE_NCCN_12 if pertuzumab else windows.LABEL_AND_NCCN_FIRST_LINE)
    if window < months <= ASCO_EARLY_RELAPSE_MONTHS:
        notes.append(windows.ASCO_SECOND_LINE)
    if window < months <= LABEL_EARLY_RELAPSE_MONTHS:
        notes.append(windows.LABEL_AND_NCCN_SECOND_LINE)
    if ASCO_EARLY_RELAPSE_MONTHS < months <= window:
        notes.append(windows.ASCO_FIRST_LINE)
    return "; ".join(notes) or None


def _line_reason(failed_her2: list[Course], relapse: EarlyRelapse | None, window: float, notes: list[str]) -> str:
    parts: list[str] = []
    if relapse is not None:
        course = relapse.course
        drugs = " + ".join(d for d in course.treatment.drugs)
        setting = course.treatment.setting.value
        when = ("progression during" if relapse.months is None
                else f"relapse {relapse.months:g} months after")
        basis = ("ASCO 2022 rec 5.0" if window == ASCO_EARLY_RELAPSE_MONTHS
                 else f"window set to {window:g} months; ASCO 2022 rec 5.0 uses {ASCO_EARLY_RELAPSE_MONTHS}")
        parts.append(f"{when} {setting} {drugs} counts as progression on first-line therapy ({basis})")
    if failed_her2:
        listed = "; ".join(" + ".join(c.treatment.drugs) for c in failed_her2)
        parts.append(f"{len(failed_her2)} metastatic HER2-directed line(s) ended in progression ({listed})")
    if not parts:
        parts.append("no HER2-directed therapy has failed in the metastatic setting or within "
                     f"{window:g} months of (neo)adjuvant therapy")
    text = "; ".join([*parts, *notes])
    return f"{text[0].upper()}{text[1:]}."

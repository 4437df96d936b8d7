"""The treatment history as the decisions read it: courses, what is ongoing, what failed or was not tolerated.

`decide/line.py` builds a `History` from the case (the line of therapy and early relapse); the
other decision modules only ask it questions.
"""

from __future__ import annotations

import enum

from attrs import frozen

from her2nav.case import Outcome, Treatment
from her2nav.result import TraceStep
from her2nav.values import Value


class Continuation(enum.Enum):
    """Whether the current regimen goes on, once its safety is weighed."""

    NOTHING_ONGOING = "nothing ongoing"
    GOES_ON = "goes on"
    MUST_STOP = "must stop"  # its own cautions rule it out


@frozen(repr=False)
class Course(Value):
    """A treatment course with its position in the history (1 = oldest)."""

    number: int
    treatment: Treatment

    def label(self) -> str:
        t = self.treatment
        return f"course {self.number} ({' + '.join(t.drugs)}, {t.setting.value}, {t.outcome.value})"


@frozen(repr=False)
class CurrentRegimen(Value):
    """What the patient is on now: every ongoing anticancer metastatic course, taken together.

    Two courses can run at once (trastuzumab + pertuzumab maintenance with letrozole, ASCO 2022
    rec 7.0); continuing one without the other would drop a drug that has not failed.
    """

    courses: tuple[Course, ...]  # oldest first, at least one

    @property
    def drugs(self) -> tuple[str, ...]:
        """Every drug of every ongoing course, in the order given, each once."""
        return tuple(dict.fromkeys(drug for course in self.courses for drug in course.treatment.drugs))

    @property
    def several(self) -> bool:
        return len(self.courses) > 1

    def label(self) -> str:
        """The courses as the history names them: 'course 2 (...) and course 3 (...)'."""
        *earlier, last = [course.label() for course in self.courses]
        return f"{', '.join(earlier)} and {last}" if earlier else last


@frozen(repr=False)
class History(Value):
    """What the treatment history means for the next choice."""

    line: int
    reason: str
    failed_courses: tuple[Course, ...]
    toxicity_courses: tuple[Course, ...]
    current: CurrentRegimen | None  # None when no anticancer metastatic course is ongoing
    received: frozenset[str]
    failed_drugs: frozenset[str]  # progressed on: metastatic progression or a (neo)adjuvant failure
    trace: tuple[TraceStep, ...]
    courses: tuple[Course, ...]  # every course, oldest first
    perioperative_failures: tuple[Course, ...]  # (neo)adjuvant courses the disease progressed on, oldest first
    months_since_perioperative_her2: float | None = None  # the shortest, whether or not it counted

    def failed_course_with(self, drug: str) -> Course | None:
        """The first failed course that gave `drug`: a metastatic progression, else a (neo)adjuvant failure."""
        for course in (*self.failed_courses, *self.perioperative_failures):
            if drug in course.treatment.drugs:
                return course
        return None

    def received_without_progression(self, drug: str) -> Course | None:
        """The first finished course that gave `drug` (completed, stopped for toxicity, or (neo)adjuvant
        without early relapse), unless the disease progressed on `drug` in any course."""
        if drug in self.failed_drugs:
            return None
        return next((c for c in self.courses if drug in c.treatment.drugs
                     and c.treatment.outcome not in (Outcome.PROGRESSION, Outcome.ONGOING)), None)

    def toxicity_course_with(self, drug: str) -> Course | None:
        """The first course stopped for a toxicity of `drug` (section 10.3).

        With a `toxicity` record only its drugs are blamed; without one, every drug of the course.
        A drug the patient takes now, in an ongoing course, is tolerated: no earlier toxicity blames it.
        """
        if self.current is not None and drug in self.current.drugs:
            return None
        for course in self.toxicity_courses:
            if drug in blamed_drugs(course.treatment):
                return course
        return None


def blamed_drugs(treatment: Treatment) -> tuple[str, ...]:
    """The drugs a course stopped for toxicity holds responsible: those its record names, else all."""
    return treatment.toxicity.drugs if treatment.toxicity is not None else treatment.drugs

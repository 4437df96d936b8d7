"""The course history as a timeline: one row per course, placed on a shared time axis when dated.

Plain values only; the terminal (`timeline.py`, Rich) and the handout (`timeline_markdown.py`)
draw them. Months on treatment come from `her2nav.dates`, like every month the navigator counts.
"""

from __future__ import annotations

import datetime

from attrs import frozen

from her2nav.case import Case, Outcome, Treatment
from her2nav.dates import PartialDate, months_between
from her2nav.values import Value


@frozen(repr=False)
class CourseRow(Value):
    number: int  # 1 = oldest, as the history lists them
    setting: str
    drugs: str
    outcome: str
    start: PartialDate | None
    end: PartialDate | None  # None while ongoing, or when not given
    months: float | None  # months on treatment: both dates known (an ongoing course: up to the as-of day)

    @property
    def ongoing(self) -> bool:
        return self.outcome == Outcome.ONGOING.value

    @property
    def dated(self) -> bool:
        return self.start is not None


@frozen(repr=False)
class Timeline(Value):
    rows: tuple[CourseRow, ...]
    metastatic_diagnosis: PartialDate | None
    axis_start: datetime.date | None  # None when no course is dated
    axis_end: datetime.date | None
    as_of: datetime.date | None

    @property
    def dated(self) -> bool:
        return self.axis_start is not None

    def position(self, day: datetime.date) -> float:
        """Where `day` falls on the axis, from 0 (its start) to 1 (its end)."""
        if self.axis_start is None or self.axis_end is None:
            return 0.0
        span = max(1, (self.axis_end - self.axis_start).days)
        return min(1.0, max(0.0, (day - self.axis_start).days / span))

    def bar_end(self, row: CourseRow) -> datetime.date | None:
        """The last day a dated course's bar reaches: its end, the as-of day while ongoing, else its start month."""
        if row.start is None:
            return None
        if row.end is not None:
            return row.end.last_day
        if row.ongoing and self.axis_end is not None:
            return self.axis_end
        return row.start.last_day


def timeline_of(case: Case) -> Timeline:
    rows = tuple(_row(number, course, case.as_of) for number, course in enumerate(case.treatments, start=1))
    starts = [row.start.first_day for row in rows if row.start is not None]
    if not starts:
        return Timeline(rows, case.metastatic_diagnosis, None, None, case.as_of)
    ends = [*(row.end.last_day for row in rows if row.end is not None), *(row.start.last_day for row in rows
                                                                            if row.start is not None)]
    if case.metastatic_diagnosis is not None:
        starts.append(case.metastatic_diagnosis.first_day)
        ends.append(case.metastatic_diagnosis.last_day)
    if case.as_of is not None and any(row.ongoing for row in rows):
        ends.append(case.as_of)
    return Timeline(rows, case.metastatic_diagnosis, min(starts), max(ends), case.as_of)


def _row(number: int, course: Treatment, as_of: datetime.date | None) -> CourseRow:
    end = course.end
    if end is None and course.outcome is Outcome.ONGOING and as_of is not None:
        months = months_between(course.start, PartialDate.of(as_of)) if course.start else None
    else:
        months = months_between(course.start, end) if course.start and end else None
    return CourseRow(number, course.setting.value, " + ".join(course.drugs), course.outcome.value,
                     course.start, course.end, months)


def months_text(months: float | None) -> str:
    """'15', '2.5', or '' when not known; under a month, '<1'."""
    if months is None:
        return ""
    return "<1" if months < 1 else f"{months:g}"

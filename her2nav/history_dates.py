"""A history's dates checked against each other and against the day it is told on.

Here, and only here, months_to_recurrence is worked out from dates: from the end of a
(neo)adjuvant course to the metastatic diagnosis (`her2nav.dates.months_between`).
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import attrs

from her2nav.dates import EARLIEST_YEAR, PartialDate, age_at, compare, months_between
from her2nav.errors import InvalidCase
from her2nav.fields import Problems, read_int

if TYPE_CHECKING:
    from her2nav.case import Treatment

MONTHS_TOLERANCE = 1.0  # dates and a given months_to_recurrence may differ by this much, not more


def apply_dates(treatments: tuple[Treatment, ...], diagnosis: PartialDate | None, as_of: datetime.date | None,
                problems: Problems) -> tuple[Treatment, ...]:
    """The courses with months_to_recurrence worked out from dates where not given; problems noted."""
    if as_of is not None:
        _check_not_future(treatments, diagnosis, PartialDate.of(as_of), problems)
    _check_order(treatments, problems)
    if diagnosis is not None:
        _check_against_diagnosis(treatments, diagnosis, problems)
    return tuple(_with_months(course, index, diagnosis, problems) for index, course in enumerate(treatments))


def _dates(treatments: tuple[Treatment, ...], diagnosis: PartialDate | None) -> list[tuple[str, PartialDate]]:
    named = [("metastatic_diagnosis", diagnosis)] if diagnosis else []
    for index, course in enumerate(treatments):
        named += [(f"treatments[{index}].{key}", date) for key, date in (("start", course.start), ("end", course.end))
                  if date is not None]
    return [(field, date) for field, date in named if date is not None]


def _check_not_future(treatments: tuple[Treatment, ...], diagnosis: PartialDate | None, today: PartialDate,
                      problems: Problems) -> None:
    for field, date in _dates(treatments, diagnosis):
        if compare(date, today) > 0:
            problems.add(InvalidCase(field, f"{date} is in the future (after {today}, the --as-of date)"))


def _check_order(treatments: tuple[Treatment, ...], problems: Problems) -> None:
    """Courses are listed oldest first: each starts no earlier than the one before it."""
    previous: tuple[int, PartialDate] | None = None
    for index, course in enumerate(treatments):
        if course.start is None:
            continue
        if previous is not None and compare(course.start, previous[1]) < 0:
            problems.add(InvalidCase(
                f"treatments[{index}].start",
                f"{course.start} is before treatments[{previous[0]}].start, {previous[1]}: "
                "list the courses oldest first"))
        previous = (index, course.start)


def _check_against_diagnosis(treatments: tuple[Treatment, ...], diagnosis: PartialDate, problems: Problems) -> None:
    """(Neo)adjuvant courses begin before the metastatic diagnosis; metastatic courses do not."""
    for index, course in enumerate(treatments):
        if course.start is None:
            continue
        if course.perioperative and compare(course.start, diagnosis) > 0:
            problems.add(InvalidCase(
                f"treatments[{index}].start",
                f"a {course.setting.value} course starting {course.start} is after metastatic_diagnosis, "
                f"{diagnosis}: after that date a course is metastatic"))
        if not course.perioperative and compare(course.start, diagnosis) < 0:
            problems.add(InvalidCase(
                f"treatments[{index}].start",
                f"a metastatic course starting {course.start} is before metastatic_diagnosis, {diagnosis}"))


def _with_months(course: Treatment, index: int, diagnosis: PartialDate | None, problems: Problems) -> Treatment:
    if not course.perioperative or course.end is None or diagnosis is None:
        return course
    derived = months_between(course.end, diagnosis)
    given = course.months_to_recurrence
    if given is None:
        return attrs.evolve(course, months_to_recurrence=derived, months_from_dates=True)
    if abs(given - derived) > MONTHS_TOLERANCE:
        problems.add(InvalidCase(
            f"treatments[{index}].months_to_recurrence",
            f"{given:g} months disagrees with the dates: from treatments[{index}].end {course.end} to "
            f"metastatic_diagnosis {diagnosis} is {derived:g} months; correct one of them"))
    return course


def read_age(obj: Mapping[str, Any], as_of: datetime.date | None, problems: Problems) -> tuple[int | None, int | None]:
    """Age and birth year as given; both given, they must agree on the --as-of date."""
    age = problems.read(lambda: read_int(obj["age"], "age", 0, 120)) if obj.get("age") is not None else None
    latest = as_of.year if as_of is not None else 9999
    birth_year = (problems.read(lambda: read_int(obj["birth_year"], "birth_year", EARLIEST_YEAR, latest))
                  if obj.get("birth_year") is not None else None)
    if birth_year is None or as_of is None:
        return age, birth_year
    possible = age_at(birth_year, as_of)
    if age is not None and age not in possible:
        problems.add(InvalidCase("age", f"{age} disagrees with birth_year {birth_year}: on {as_of} the age is "
                                 f"{possible[0]} or {possible[1]}"))
    return age, birth_year

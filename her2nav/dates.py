"""Dates of a history as clinicians give them: a day, or a month when the day is not known.

Everything the navigator works out from dates is worked out here, once: the months from the
end of a (neo)adjuvant course to metastatic recurrence, and months on treatment. Nothing here
reads the clock: "today" is always passed in (the command line reads it).
"""

from __future__ import annotations

import calendar
import datetime
import re

from attrs import frozen

from her2nav.errors import InvalidCase
from her2nav.values import Value

DATE_FORMS = "YYYY-MM-DD or YYYY-MM"
_DATE = re.compile(r"(\d{4})-(\d{2})(?:-(\d{2}))?")
_DAYS_PER_MONTH = 365.25 / 12
EARLIEST_YEAR = 1900


@frozen(order=False, repr=False)
class PartialDate(Value):
    """A calendar date whose day may be unknown (`2023-02`)."""

    year: int
    month: int
    day: int | None = None

    def __str__(self) -> str:
        text = f"{self.year:04d}-{self.month:02d}"
        return text if self.day is None else f"{text}-{self.day:02d}"

    @property
    def first_day(self) -> datetime.date:
        return datetime.date(self.year, self.month, self.day or 1)

    @property
    def last_day(self) -> datetime.date:
        """The day itself, or the last day of the month when only the month is known."""
        day = self.day or calendar.monthrange(self.year, self.month)[1]
        return datetime.date(self.year, self.month, day)

    @classmethod
    def of(cls, day: datetime.date) -> PartialDate:
        return cls(day.year, day.month, day.day)


def parse_date(value: object, field: str) -> PartialDate:
    """A date of the contract; anything else (a number, 2023/02, 2023-13) names the field."""
    if not isinstance(value, str):
        from her2nav.fields import describe

        raise InvalidCase(field, f"expected a date string, got {describe(value)}", DATE_FORMS)
    match = _DATE.fullmatch(value.strip())
    if match is None:
        raise InvalidCase(field, f"{value[:40]!r} is not a date", DATE_FORMS)
    year, month = int(match[1]), int(match[2])
    day = int(match[3]) if match[3] else None
    if year < EARLIEST_YEAR or not 1 <= month <= 12:
        raise InvalidCase(field, f"{value!r} is not a date", f"{DATE_FORMS}, year {EARLIEST_YEAR} or later")
    if day is not None and not 1 <= day <= calendar.monthrange(year, month)[1]:
        raise InvalidCase(field, f"{value!r} is not a day of that month", DATE_FORMS)
    return PartialDate(year, month, day)


def compare(a: PartialDate, b: PartialDate) -> int:
    """-1, 0 or 1; dates compare at the precision both have (2023-02 equals 2023-02-14)."""
    left: tuple[int, ...] = (a.year, a.month)
    right: tuple[int, ...] = (b.year, b.month)
    if a.day is not None and b.day is not None:
        left, right = (*left, a.day), (*right, b.day)
    return (left > right) - (left < right)


def months_between(earlier: PartialDate, later: PartialDate) -> float:
    """Months from one date to the next, the one way the navigator counts them.

    Two days: the days between, in average months (365.25 / 12 days), to one decimal.
    A month without its day on either side: whole calendar months (2022-06 to 2023-01 is 7),
    which is within a month of the truth whatever the days were. Never negative.
    """
    if earlier.day is not None and later.day is not None:
        days = (later.first_day - earlier.first_day).days
        return max(0.0, round(days / _DAYS_PER_MONTH, 1))
    whole = (later.year - earlier.year) * 12 + later.month - earlier.month
    return float(max(0, whole))


def age_at(birth_year: int, on: datetime.date) -> tuple[int, int]:
    """The two ages a person born in `birth_year` can have on that day (before and after the birthday)."""
    return on.year - birth_year - 1, on.year - birth_year

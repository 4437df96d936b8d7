"""Small readers for FHIR elements: codings, dates, value[x], statuses.

Every reader tolerates a missing or malformed element and answers None (or nothing): a
defect in one resource is reported by the caller, never fatal to the rest of the export.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator, Mapping
from typing import Any

from attrs import frozen

from her2nav.fields import NonFinite
from her2nav.read.fhir.codes import CODE_FORMS, SYSTEM_NAMES
from her2nav.values import Value

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
DAYS_PER_MONTH = 365.25 / 12


@frozen(order=True, repr=False)
class FhirDate(Value):
    """A FHIR date or dateTime, kept to the precision it was given in (year, month or day)."""

    day: datetime.date
    text: str  # YYYY, YYYY-MM or YYYY-MM-DD

    @property
    def month_or_day(self) -> str | None:
        """The date as the contract's course dates take it (YYYY-MM or YYYY-MM-DD); None for a year."""
        return self.text if len(self.text) >= 7 else None


def read_date(value: object) -> FhirDate | None:
    if not isinstance(value, str) or isinstance(value, NonFinite):
        return None
    match = _DATE.match(value)
    if match is None:
        return None
    year, month, day = match.groups()
    try:
        when = datetime.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None
    text = year + (f"-{month}" if month else "") + (f"-{day}" if month and day else "")
    return FhirDate(when, text)


def months_between(earlier: FhirDate, later: FhirDate) -> float:
    return (later.day - earlier.day).days / DAYS_PER_MONTH


def period(resource: Mapping[str, Any], *names: str) -> tuple[FhirDate | None, FhirDate | None]:
    """The start and end of the first of `names` given: a dateTime (start = end) or a Period."""
    for name in names:
        value = resource.get(f"{name}DateTime")
        if value is not None:
            when = read_date(value)
            return when, when
        span = resource.get(f"{name}Period")
        if isinstance(span, dict):
            return read_date(span.get("start")), read_date(span.get("end"))
    return None, None


@frozen(repr=False)
class Coding(Value):
    system: str
    code: str
    display: str

    def label(self) -> str:
        """The code for the report; a code of a local system, or one not in its system's form, is not
        echoed (it could be anything, a name included)."""
        name = SYSTEM_NAMES.get(self.system)
        if name is None:
            return "a code of a local system"
        if CODE_FORMS[self.system].fullmatch(self.code):
            return f"{name} {self.code}"
        return f"a {name} code not in its form"


def codings(concept: object) -> Iterator[Coding]:
    """The codings of a CodeableConcept (or of a bare Coding)."""
    if not isinstance(concept, dict):
        return
    items = concept.get("coding") if "coding" in concept else [concept]
    if not isinstance(items, list):
        return
    for item in items:
        if isinstance(item, dict):
            system, code = item.get("system"), item.get("code")
            if isinstance(system, str) and isinstance(code, str):
                display = item.get("display")
                yield Coding(system, code, display if isinstance(display, str) else "")


def concept_words(concept: object) -> str:
    """The text and displays of a CodeableConcept, lowercased, for matching words (never echoed)."""
    if not isinstance(concept, dict):
        return ""
    parts = [concept.get("text")] + [c.display for c in codings(concept)]
    return " ".join(p for p in parts if isinstance(p, str)).casefold()


def find_code(concept: object, table: Mapping[str, Any]) -> Coding | None:
    """The first coding of `concept` whose system maps to a set or mapping holding its code."""
    for coding in codings(concept):
        codes = table.get(coding.system)
        if codes is not None and coding.code in codes:
            return coding
    return None


def concepts(value: object) -> list[Any]:
    """A CodeableConcept element that may be given once or as a list, as a list."""
    if isinstance(value, list):
        return value
    return [] if value is None else [value]


def as_list(value: object) -> list[Any]:
    """An element that should be a list, as one (anything else: empty)."""
    return value if isinstance(value, list) else []


def as_object(value: object) -> dict[str, Any]:
    """An element that should be an object, as one (anything else: empty)."""
    return value if isinstance(value, dict) else {}


def value_elements(resource: Mapping[str, Any]) -> list[str]:
    """The names of the value[x] elements present (valid FHIR has at most one)."""
    return [key for key in resource if key.startswith("value") and key[5:6].isupper()]


def number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value)


def quantity_value(resource: Mapping[str, Any]) -> float | None:
    if "valueInteger" in resource:
        return number(resource["valueInteger"])
    quantity = resource.get("valueQuantity")
    return number(quantity.get("value")) if isinstance(quantity, dict) else None


def status_code(resource: Mapping[str, Any], name: str = "status") -> str:
    status = resource.get(name)
    if isinstance(status, str):
        return status
    if isinstance(status, dict):  # Condition.clinicalStatus / verificationStatus are CodeableConcepts
        return next((c.code for c in codings(status)), "")
    return ""


def reference(value: object) -> str | None:
    if isinstance(value, dict):
        ref = value.get("reference")
        if isinstance(ref, str) and not isinstance(ref, NonFinite):
            return ref
    return None


def extension_values(resource: Mapping[str, Any], url: str) -> list[Any]:
    """The valueCodeableConcept of each extension with this URL."""
    found = []
    extensions = resource.get("extension")
    if isinstance(extensions, list):
        for extension in extensions:
            if isinstance(extension, dict) and extension.get("url") == url:
                found.append(extension.get("valueCodeableConcept"))
    return found

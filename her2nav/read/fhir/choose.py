"""Choosing one value per fact among the findings, and saying what was set aside.

The latest result counts. For a recurrence, a result from a metastatic lesion (by its body
site, or dated from the metastatic diagnosis on) counts over the primary tumor's, and marks
the metastasis as biopsied. Results of the same date that disagree are a conflict: never
settled here, only by a flag.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from attrs import frozen

from her2nav.read.fhir.courses import Conflict
from her2nav.read.fhir.elements import FhirDate
from her2nav.read.fhir.facts import Finding
from her2nav.values import Value


@frozen(repr=False)
class Choice(Value):
    field: str
    chosen: Finding | None
    set_aside: tuple[tuple[Finding, str], ...] = ()
    conflict: Conflict | None = None


def _day(finding: Finding) -> datetime.date:
    return finding.date.day if finding.date else datetime.date.min


def is_retest(finding: Finding, metastatic: FhirDate | None) -> bool:
    return finding.on_metastasis or (metastatic is not None and finding.date is not None
                                     and finding.date.day >= metastatic.day)


def choose(field: str, findings: Sequence[Finding], metastatic: FhirDate | None = None,
           prefer_retest: bool = False) -> Choice:
    pool = [f for f in findings if f.field == field]
    if not pool:
        return Choice(field, None)
    retests = [f for f in pool if is_retest(f, metastatic)] if prefer_retest else []
    used = retests or pool
    latest = max(_day(f) for f in used)
    at_latest = [f for f in used if _day(f) == latest]
    values = _distinct(at_latest)
    if len(values) > 1:
        shown = "; ".join(f"{f.value!s} ({f.source.resource} {f.source.place}"
                          f"{', ' + f.date.text if f.date else ''})" for f in at_latest)
        return Choice(field, None, conflict=Conflict(field, f"results of the same date disagree: {shown}",
                                                     tuple(f.source for f in at_latest), tuple(values)))
    chosen = _preferred(at_latest)
    set_aside = []
    for finding in pool:
        if finding is chosen or (finding in at_latest and _agrees(field, finding.value, chosen.value)):
            continue
        if retests and finding not in retests:
            why = "a result from before the metastasis was re-tested"
            if not _agrees(field, finding.value, chosen.value):
                why += f" ({finding.value}): discordant with the metastasis ({chosen.value})"
        else:
            why = "an earlier result" + ("" if _agrees(field, finding.value, chosen.value)
                                         else f" ({finding.value}), superseded")
        set_aside.append((finding, why))
    return Choice(field, chosen, tuple(set_aside))


def _agrees(field: str, one: object, other: object) -> bool:
    return one == other or (field == "er" and {one, other} == {"low", "positive"})


def _distinct(findings: Sequence[Finding]) -> list[object]:
    values: list[object] = []
    for finding in findings:
        if not any(_agrees(finding.field, finding.value, v) for v in values):
            values.append(finding.value)
    return values


def _preferred(findings: Sequence[Finding]) -> Finding:
    """Among agreeing results, one measured as a percentage says more (ER-low rather than positive)."""
    return next((f for f in findings if f.from_percent), findings[0])

"""One patient's resources into the contract case mapping, with the working for each fact.

`read_patient` returns a `FhirReading`: the mapping that `Case.from_mapping` validates (the
one validator and one error path of every reader), the findings behind it, and the
conflicts it refused to settle. report.py turns the reading into the provenance list.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping, Sequence
from typing import Any

from attrs import field, frozen

from her2nav.errors import InvalidCase
from her2nav.read.fhir.choose import Choice, choose, is_retest
from her2nav.read.fhir.codes import DE_NOVO_WINDOW_DAYS
from her2nav.read.fhir.courses import (
    MEDICATION_KINDS,
    Conflict,
    Course,
    MedRecord,
    Timeline,
    build_courses,
    medication_record,
)
from her2nav.read.fhir.elements import FhirDate, as_list, reference
from her2nav.read.fhir.facts import (
    Finding,
    Skipped,
    condition_findings,
    observation_findings,
    patient_findings,
    source_of,
    surgery_finding,
)
from her2nav.read.fhir.source import Entry
from her2nav.values import Value

RECEPTOR_FIELDS = ("her2", "her2_ihc", "her2_ish", "er", "pr")
LATEST_FIELDS = ("ecog", "lvef", "creatinine_clearance")

# Fields the reader works out beside the facts it reads (they also feed the inferences above):
# the case takes "age" and "metastatic_diagnosis", and a course its "start" and "end".
ACCEPTED_EXTRA_FIELDS: frozenset[str] = frozenset({"age", "metastatic_diagnosis", "start", "end"})


def accepted_extras(values: Mapping[str, Any]) -> dict[str, Any]:
    """The extra fields the case format accepts today, of those the reader has values for."""
    return {key: value for key, value in values.items() if key in ACCEPTED_EXTRA_FIELDS and value is not None}


@frozen(repr=False)
class FhirOptions(Value):
    id_from_patient: bool = False


DEFAULT_OPTIONS = FhirOptions()


@frozen(repr=False)
class FhirReading(Value):
    mapping: dict[str, Any]
    choices: tuple[Choice, ...]
    findings: tuple[Finding, ...]
    courses: tuple[Course, ...]
    skipped: tuple[Skipped, ...]
    conflicts: tuple[Conflict, ...]
    presentation_because: str = ""
    extras: Mapping[str, Any] = field(factory=dict)  # worked out, not (yet) case fields: see ACCEPTED_EXTRA_FIELDS
    unread_kinds: Mapping[str, tuple[Entry, ...]] = field(factory=dict)


# ------------------------------------------------------------------ patients


_PATIENT_REF = re.compile(r"(?:^|/)Patient/([^/]+)")


def group_patients(entries: Sequence[Entry]) -> list[list[Entry]]:
    """The resources of each patient, in order of first appearance.

    Resources that name no patient (Medication, Practitioner, ...) go with every patient, so a
    medicationReference still finds its Medication.
    """
    by_url = {e.full_url: e for e in entries if e.full_url and e.kind == "Patient"}
    groups: dict[str, list[Entry]] = {}
    shared: list[Entry] = []
    for entry in entries:
        key = _patient_key(entry, by_url)
        if key is None:
            shared.append(entry)
        else:
            groups.setdefault(key, []).append(entry)
    if not groups:
        return [shared] if shared else []
    return [members + shared for members in groups.values()]


def _patient_key(entry: Entry, by_url: Mapping[str, Entry]) -> str | None:
    if entry.kind == "Patient":
        own = entry.resource.get("id")
        return f"Patient/{own}" if isinstance(own, str) else (entry.full_url or entry.place)
    ref = reference(entry.resource.get("subject")) or reference(entry.resource.get("patient"))
    if ref is None:
        return None
    if ref in by_url:
        own = by_url[ref].resource.get("id")
        return f"Patient/{own}" if isinstance(own, str) else ref
    match = _PATIENT_REF.search(ref)
    return f"Patient/{match.group(1)}" if match else ref


def patient_identifier(entries: Sequence[Entry]) -> str:
    for entry in entries:
        if entry.kind == "Patient":
            for identifier in as_list(entry.resource.get("identifier")):
                if isinstance(identifier, dict) and isinstance(identifier.get("value"), str):
                    return str(identifier["value"])
    raise InvalidCase("--id-from-patient", "the Patient resource gives no identifier; give --id instead")


# ------------------------------------------------------------------ reading one patient


def read_patient(entries: Sequence[Entry], options: FhirOptions = DEFAULT_OPTIONS) -> FhirReading:
    findings: list[Finding] = []
    skipped: list[Skipped] = []
    records: list[MedRecord] = []
    unread: dict[str, list[Entry]] = {}
    medications = _medications(entries)
    for entry in _without_duplicates(entries, skipped):
        for item in _read_entry(entry, medications, unread):
            if isinstance(item, Finding):
                findings.append(item)
            elif isinstance(item, Skipped):
                skipped.append(item)
            else:
                records.append(item)
    timeline = _timeline(findings)
    courses, course_conflicts, course_skips = build_courses(records, timeline)
    skipped += course_skips
    presentation, because = _presentation(findings, timeline, courses)
    choices = _choices(findings, timeline.metastatic, presentation)
    conflicts = [*course_conflicts, *(c.conflict for c in choices if c.conflict)]
    mapping = _mapping(choices, findings, courses, presentation, timeline)
    conflicts += _her2_consistency(mapping, choices)
    if options.id_from_patient:
        mapping["id"] = patient_identifier(entries)
    extras: dict[str, Any] = {"metastatic_diagnosis": timeline.metastatic.month_or_day if timeline.metastatic else None,
                              "age": _age(findings, records)}
    mapping.update(accepted_extras(extras))
    extras["surgery"] = timeline.surgery  # the reader's own, never a case field
    return FhirReading(mapping, tuple(choices), tuple(findings), tuple(courses), tuple(skipped),
                       tuple(conflicts), because, extras, {k: tuple(v) for k, v in unread.items()})


def _read_entry(entry: Entry, medications: Mapping[str, Mapping[str, Any]],
                unread: dict[str, list[Entry]]) -> list[Finding | Skipped | MedRecord]:
    kind = entry.kind
    if kind == "Observation":
        items: list[Finding | Skipped | MedRecord] = list(observation_findings(entry))
        if len(items) == 1 and isinstance(items[0], Skipped) and items[0].why == "no code the navigator reads":
            site_items = list(condition_findings(entry))  # some exports record metastases as Observations
            if any(isinstance(i, Finding) and i.field == "sites" for i in site_items):
                return list(site_items)
        return items
    if kind == "Condition":
        return list(condition_findings(entry))
    if kind in MEDICATION_KINDS:
        return [medication_record(entry, medications)]
    if kind == "Procedure":
        return [surgery_finding(entry)]
    if kind == "Patient":
        return list(patient_findings(entry))
    if kind != "Medication":
        unread.setdefault(kind, []).append(entry)
    return []


def _medications(entries: Sequence[Entry]) -> dict[str, Mapping[str, Any]]:
    """Medication resources by every reference that may point at them (fullUrl, Type/id, #id)."""
    found: dict[str, Mapping[str, Any]] = {}
    for entry in entries:
        res = entry.resource
        if entry.kind == "Medication":
            if entry.full_url:
                found[entry.full_url] = res
            if isinstance(res.get("id"), str):
                found[f"Medication/{res['id']}"] = res
        for contained in as_list(res.get("contained")):
            if isinstance(contained, dict) and contained.get("resourceType") == "Medication" \
                    and isinstance(contained.get("id"), str):
                found[f"#{contained['id']}"] = contained
    return found


def _without_duplicates(entries: Sequence[Entry], skipped: list[Skipped]) -> list[Entry]:
    """Each resource once: a second entry with the same fullUrl (or type and id) and the same content is dropped."""
    seen: dict[str, Entry] = {}
    kept = []
    for entry in entries:
        own = entry.resource.get("id")
        key = entry.full_url or (f"{entry.kind}/{own}" if isinstance(own, str) else None)
        if key is not None and key in seen and seen[key].resource == entry.resource:
            skipped.append(Skipped(source_of(entry), f"the same resource again (as {seen[key].place})"))
            continue
        if key is not None:
            seen.setdefault(key, entry)
        kept.append(entry)
    return kept


def _timeline(findings: Sequence[Finding]) -> Timeline:
    site_dates = [f.date for f in findings if f.field == "sites" and f.date]
    surgeries = [f.date for f in findings if f.field == "surgery" and f.date]
    metastatic = min(site_dates) if site_dates else None
    before = [d for d in surgeries if metastatic is None or d.day < metastatic.day]
    progressions = tuple((f.date, f.source) for f in findings if f.field == "progression" and f.date
                         and (metastatic is None or f.date.day > metastatic.day))
    return Timeline(metastatic, max(before) if before else None, progressions)


def _presentation(findings: Sequence[Finding], timeline: Timeline, courses: Sequence[Course]) -> tuple[str | None, str]:
    primary = [f.date for f in findings if f.field == "primary_diagnosis" and f.date]
    meta = timeline.metastatic
    if primary and meta:
        first = min(primary)
        days = (meta.day - first.day).days
        if days <= DE_NOVO_WINDOW_DAYS:
            return "de_novo", (f"metastases ({meta.text}) within {DE_NOVO_WINDOW_DAYS} days of the primary "
                               f"diagnosis ({first.text})")
        return "recurrence", (f"metastases ({meta.text}) more than {DE_NOVO_WINDOW_DAYS} days after the "
                              f"primary diagnosis ({first.text})")
    if any(c.setting != "metastatic" for c in courses):
        return "recurrence", "treated before the metastatic diagnosis (neoadjuvant or adjuvant course)"
    return None, "no primary diagnosis date with a metastatic diagnosis date"


def _choices(findings: Sequence[Finding], metastatic: FhirDate | None, presentation: str | None) -> list[Choice]:
    recurrence = presentation == "recurrence"
    choices = [choose(name, findings, metastatic, prefer_retest=recurrence) for name in RECEPTOR_FIELDS]
    choices += [choose(name, findings) for name in (*LATEST_FIELDS, "sex")]
    return choices


def _mapping(choices: Sequence[Choice], findings: Sequence[Finding], courses: Sequence[Course],
             presentation: str | None, timeline: Timeline) -> dict[str, Any]:
    mapping: dict[str, Any] = {}
    for choice in choices:
        if choice.chosen is not None:
            mapping[choice.field] = choice.chosen.value
    if presentation is not None:
        mapping["presentation"] = presentation
    if presentation == "recurrence" and any(c.chosen and is_retest(c.chosen, timeline.metastatic)
                                            for c in choices if c.field in RECEPTOR_FIELDS):
        mapping["metastasis_biopsied"] = True
    if any(f.field == "pregnancy" for f in findings):
        mapping["conditions"] = ["pregnancy"]
    mapping["sites"] = [_site(f) for f in _site_findings(findings)]
    mapping["treatments"] = [_course(c) for c in courses]
    return mapping


def _site_findings(findings: Sequence[Finding]) -> list[Finding]:
    """One finding per site, the earliest, with leptomeningeal said by any of them."""
    by_site: dict[str, Finding] = {}
    for finding in sorted((f for f in findings if f.field == "sites"),
                          key=lambda f: f.date.day if f.date else datetime.date.max):
        first = by_site.setdefault(finding.value, finding)
        if finding.note == "leptomeningeal" and first.note != "leptomeningeal":
            by_site[finding.value] = finding
    return list(by_site.values())


def _site(finding: Finding) -> dict[str, Any]:
    site: dict[str, Any] = {"site": finding.value}
    if finding.value == "brain" and finding.note == "leptomeningeal":
        site["leptomeningeal"] = True
    return site


def _course(course: Course) -> dict[str, Any]:
    out: dict[str, Any] = {"drugs": list(course.drugs), "setting": course.setting, "outcome": course.outcome}
    if course.months_to_recurrence is not None:
        out["months_to_recurrence"] = course.months_to_recurrence
    out.update(accepted_extras({"start": course.start.month_or_day if course.start else None,
                                "end": course.end.month_or_day if course.end else None}))
    return out


def _her2_consistency(mapping: Mapping[str, Any], choices: Sequence[Choice]) -> list[Conflict]:
    """A HER2 category that contradicts the IHC and ISH results read beside it."""
    from her2nav.her2 import derive_her2
    from her2nav.terms import Her2, Ihc, Ish

    try:
        derive_her2(Her2(mapping["her2"]) if "her2" in mapping else None,
                    Ihc(mapping["her2_ihc"]) if "her2_ihc" in mapping else None,
                    Ish(mapping["her2_ish"]) if "her2_ish" in mapping else None)
    except (InvalidCase, ValueError) as error:
        used = [c.chosen for c in choices if c.field in ("her2", "her2_ihc", "her2_ish") and c.chosen]
        if not used:
            return []
        shown = "; ".join(f"{f.field} {f.value} ({f.source.resource} {f.source.place})" for f in used)
        why = error.message.split(": ", 1)[-1] if isinstance(error, InvalidCase) else "a value out of range"
        return [Conflict("her2", f"the HER2 results disagree: {shown} ({why})", tuple(f.source for f in used))]
    return []


def _age(findings: Sequence[Finding], records: Sequence[MedRecord]) -> int | None:
    """Age in whole years at the latest date in the record (never the clock, never the birth date itself)."""
    born = next((f.value for f in findings if f.field == "birth"), None)
    dates = [f.date for f in findings if f.date] + [d for r in records for d in (r.start, r.end) if d]
    if not isinstance(born, FhirDate) or not dates:
        return None
    latest = max(dates).day
    years = latest.year - born.day.year - ((latest.month, latest.day) < (born.day.month, born.day.day))
    return years if years >= 0 else None

"""Treatment courses from MedicationRequest, MedicationAdministration and MedicationStatement.

mCODE has no line of therapy, regimen or setting: they are worked out here, and every
working is said. A drug is found by its RxNorm ingredient code or by its name. Records are
placed by their start date: before the metastatic diagnosis they are (neo)adjuvant (split by
the breast operation), from it on they are metastatic, and the metastatic ones are cut into
courses where the disease progressed (a disease-status observation, or a stop for no
response) or a drug was stopped for toxicity. Treatment intent (curative or palliative)
places a record without dates and is checked against the dates of one with them.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping, Sequence
from typing import Any

from attrs import frozen

from her2nav.knowledge.drugs import DRUGS, REGIMEN_SHORTHANDS, DrugClass, normalise_name, resolve_drug_name
from her2nav.read.fhir import codes as C
from her2nav.read.fhir.elements import (
    FhirDate,
    as_list,
    as_object,
    codings,
    concepts,
    extension_values,
    find_code,
    months_between,
    period,
    read_date,
    reference,
    status_code,
)
from her2nav.read.fhir.facts import Skipped, source_of
from her2nav.read.fhir.source import Entry
from her2nav.result import SourceRef
from her2nav.values import Value

MEDICATION_KINDS = ("MedicationRequest", "MedicationAdministration", "MedicationStatement")


@frozen(repr=False)
class MedRecord(Value):
    """One medication resource: its drugs, dates, status, stop reason and intent."""

    drugs: tuple[str, ...]
    start: FhirDate | None
    end: FhirDate | None
    current: bool
    stop: str | None  # progression, toxicity, completed, other
    intent: str | None  # curative, palliative
    source: SourceRef


@frozen(repr=False)
class Course(Value):
    """A course as the case takes it, with the working behind each part."""

    drugs: tuple[str, ...]
    setting: str
    outcome: str
    start: FhirDate | None
    end: FhirDate | None
    months_to_recurrence: float | None
    sources: tuple[SourceRef, ...]
    setting_because: str
    outcome_because: str
    outcome_inferred: bool
    outcome_source: SourceRef | None = None  # the observation or stop that ended the course


@frozen(repr=False)
class Conflict(Value):
    field: str
    text: str
    sources: tuple[SourceRef, ...]
    values: tuple[Any, ...] = ()  # the values that disagree, when the conflict is between values of one field


@frozen(repr=False)
class Timeline(Value):
    """The dates courses are placed by."""

    metastatic: FhirDate | None
    surgery: FhirDate | None
    progressions: tuple[tuple[FhirDate, SourceRef], ...]


def medication_record(entry: Entry, medications: Mapping[str, Mapping[str, Any]]) -> MedRecord | Skipped:
    res = entry.resource
    status = status_code(res)
    concept = res.get("medicationCodeableConcept")
    if concept is None:
        target = reference(res.get("medicationReference"))
        concept = medications.get(target or "", {}).get("code")
    drugs, coding = drugs_of(concept)
    start, end = _dates(entry)
    source = source_of(entry, "medication", coding or next(codings(concept), None), start)
    if status in C.MEDICATION_NOT_GIVEN:
        return Skipped(source, f"status {status}: not given")
    if not drugs:
        return Skipped(source, "not a drug the navigator knows (supportive care, or a name it cannot read)")
    return MedRecord(drugs, start, end, status in C.MEDICATION_CURRENT and end is None, _stop_reason(res),
                     _intent(res), source)


def drugs_of(concept: object) -> tuple[tuple[str, ...], Any]:
    """Generic names from an RxNorm ingredient code, else from the words of the display and text."""
    for coding in codings(concept):
        if coding.system == C.RXNORM and coding.code in C.RXNORM_INGREDIENTS:
            return (C.RXNORM_INGREDIENTS[coding.code],), coding
    texts = [c.display for c in codings(concept)]
    if isinstance(concept, dict) and isinstance(concept.get("text"), str):
        texts.append(concept["text"])
    found: dict[str, None] = {}
    for text in texts:
        found.update(dict.fromkeys(names_in_text(text)))
    return tuple(found), next(codings(concept), None)


_SUFFIX = re.compile(r"-[a-z]{4}$")  # a biosimilar's four-letter suffix: trastuzumab-dkst
_NOT_ALONE = frozenset(normalise_name(s) for s in REGIMEN_SHORTHANDS) - {"phesgo"}


def names_in_text(text: str) -> list[str]:
    """Drug names in free text such as 'Trastuzumab-dkst 150 MG Injection' (longest match first)."""
    words = [_SUFFIX.sub("", w) for w in re.split(r"[\s,/;()]+", text.casefold()) if w]
    found: list[str] = []
    index = 0
    while index < len(words):
        for size in (3, 2, 1):
            phrase = " ".join(words[index:index + size])
            key = normalise_name(phrase)
            names = resolve_drug_name(phrase) if len(key) >= 4 and key not in _NOT_ALONE else None
            if names:
                found.extend(names)
                index += size
                break
        else:
            index += 1
    return found


def _dates(entry: Entry) -> tuple[FhirDate | None, FhirDate | None]:
    res = entry.resource
    if entry.kind == "MedicationRequest":
        for dosage in as_list(res.get("dosageInstruction")):
            timing = dosage.get("timing") if isinstance(dosage, dict) else None
            repeat = timing.get("repeat") if isinstance(timing, dict) else None
            bounds = repeat.get("boundsPeriod") if isinstance(repeat, dict) else None
            if isinstance(bounds, dict) and read_date(bounds.get("start")):
                return read_date(bounds.get("start")), read_date(bounds.get("end"))
        validity = as_object(res.get("dispenseRequest")).get("validityPeriod")
        if isinstance(validity, dict) and read_date(validity.get("start")):
            return read_date(validity.get("start")), read_date(validity.get("end"))
        authored = read_date(res.get("authoredOn"))
        return authored, None
    return period(res, "effective")


def _stop_reason(res: Mapping[str, Any]) -> str | None:
    reasons = concepts(res.get("statusReason")) + extension_values(res, C.TERMINATION_EXTENSION)
    for concept in reasons:
        coding = find_code(concept, {C.SNOMED: C.STOP_REASONS})
        if coding is not None:
            return C.STOP_REASONS[coding.code]
    # a status of completed alone says a dose was given or an order ran out, not why the course ended
    return "other" if reasons else None


def _intent(res: Mapping[str, Any]) -> str | None:
    for concept in extension_values(res, C.INTENT_EXTENSION):
        if find_code(concept, {C.SNOMED: {C.CURATIVE_INTENT}}):
            return "curative"
        if find_code(concept, {C.SNOMED: {C.PALLIATIVE_INTENT}}):
            return "palliative"
    return None


def is_supportive(record: MedRecord) -> bool:
    return all(DRUGS[d].drug_class is DrugClass.BONE_AGENT for d in record.drugs)


# ------------------------------------------------------------------ placing records into courses


def build_courses(records: Sequence[MedRecord], timeline: Timeline) -> tuple[list[Course], list[Conflict],
                                                                              list[Skipped]]:
    placed: dict[str, list[MedRecord]] = {"neoadjuvant": [], "adjuvant": [], "metastatic": []}
    conflicts: list[Conflict] = []
    skipped: list[Skipped] = []
    for record in records:
        setting, problem = _setting(record, timeline)
        if setting is not None:
            placed[setting].append(record)
        elif is_supportive(record):
            skipped.append(Skipped(record.source, f"bone-modifying agent: {problem}; supportive, not a line"))
        else:
            conflicts.append(Conflict("treatments", f"{' + '.join(record.drugs)}: {problem}", (record.source,)))
    courses = [_perioperative(group, s, timeline) for s in ("neoadjuvant", "adjuvant")
               for group in _endocrine_apart(placed[s]) if group]
    courses += _metastatic_courses(placed["metastatic"], timeline)
    return sorted(courses, key=_course_order), conflicts, skipped


def _endocrine_apart(records: list[MedRecord]) -> tuple[list[MedRecord], list[MedRecord]]:
    """Perioperative records as two courses: HER2-directed therapy and chemotherapy, then endocrine therapy.

    Adjuvant endocrine therapy runs for years after trastuzumab has ended; in one course its
    end would stand for the end of the HER2 therapy, which is what an early relapse is measured from.
    """
    endocrine = [r for r in records if all(_endocrine(d) for d in r.drugs)]
    return [r for r in records if r not in endocrine], endocrine


def _endocrine(drug: str) -> bool:
    return DRUGS[drug].endocrine or DRUGS[drug].drug_class is DrugClass.CDK46_INHIBITOR


def _course_order(course: Course) -> tuple[int, datetime.date]:
    """Oldest first within each setting; a course without dates (placed by its intent) first of all."""
    rank = {"neoadjuvant": 0, "adjuvant": 1, "metastatic": 2}[course.setting]
    return rank, course.start.day if course.start else datetime.date.min


def _setting(record: MedRecord, timeline: Timeline) -> tuple[str | None, str]:
    """The record's setting, or None and why it cannot be placed."""
    meta = timeline.metastatic
    if record.start is None:
        if record.intent == "palliative":
            return "metastatic", ""
        if record.intent == "curative":
            return "adjuvant", ""
        return None, "no dates and no treatment intent: its setting cannot be worked out"
    if meta is None:
        if record.intent == "palliative":
            return "metastatic", ""
        return None, "no date of metastatic diagnosis to place it by"
    after = record.start.day >= meta.day
    if after and record.intent == "curative":
        return None, f"curative intent but started {record.start.text}, after the metastatic diagnosis ({meta.text})"
    if not after and record.intent == "palliative":
        return None, f"palliative intent but started {record.start.text}, before the metastatic diagnosis ({meta.text})"
    if after:
        return "metastatic", ""
    surgery = timeline.surgery
    return ("neoadjuvant" if surgery is not None and record.start.day < surgery.day else "adjuvant"), ""


def _span(records: Sequence[MedRecord]) -> tuple[FhirDate | None, FhirDate | None]:
    starts = [r.start for r in records if r.start]
    ends = [r.end or r.start for r in records if (r.end or r.start)]
    current = any(r.current for r in records)
    return (min(starts) if starts else None), (None if current or not ends else max(e for e in ends if e))


def _drugs(records: Sequence[MedRecord]) -> tuple[str, ...]:
    ordered = sorted(records, key=lambda r: r.start.day if r.start else datetime.date.min)
    return tuple(dict.fromkeys(d for r in ordered for d in r.drugs))


def _perioperative(records: list[MedRecord], setting: str, timeline: Timeline) -> Course:
    start, end = _span(records)
    meta = timeline.metastatic
    months = None
    outcome, because, inferred = "completed", "no other end recorded (the default for a (neo)adjuvant course)", True
    if any(r.stop == "toxicity" for r in records):
        outcome, because, inferred = "toxicity", "a drug was stopped as not tolerated", False
    elif any(r.stop == "completed" for r in records):
        because, inferred = "treatment completed, as its stop reason says", False
    if meta is not None:
        if end is None or end.day >= meta.day:
            months = 0.0
            outcome, because = "progression", f"the metastases ({meta.text}) were found during the course"
        else:
            months = round(months_between(end, meta), 1)
    if setting == "neoadjuvant":
        why = f"started before the breast operation ({timeline.surgery.text if timeline.surgery else ''})"
    elif timeline.surgery is not None:
        why = f"started after the breast operation ({timeline.surgery.text}) and before the metastatic diagnosis"
    else:
        why = ("started before the metastatic diagnosis" if meta else "curative intent") + \
              "; no breast operation date, so neoadjuvant and adjuvant are not told apart: adjuvant assumed"
    return Course(_drugs(records), setting, outcome, start, end, months, tuple(r.source for r in records), why,
                  because, inferred)


def _metastatic_courses(records: list[MedRecord], timeline: Timeline) -> list[Course]:
    if not records:
        return []
    boundaries = sorted(
        [(when, "progression", src, "disease status worsened") for when, src in timeline.progressions]
        + [(r.end, r.stop or "", r.source, "stopped for no response" if r.stop == "progression" else
            "stopped as not tolerated") for r in records if r.end and r.stop in ("progression", "toxicity")],
        key=lambda b: (b[0].day, b[1] != "progression"))
    dated = sorted((r for r in records if r.start), key=lambda r: r.start.day if r.start else datetime.date.min)
    segments: list[list[MedRecord]] = [[] for _ in range(len(boundaries) + 1)]
    for record in dated:
        assert record.start is not None
        segments[sum(1 for b in boundaries if b[0].day <= record.start.day)].append(record)
    ends = [*boundaries, None]
    while segments and not segments[-1]:
        segments.pop()
    undated = [r for r in records if r.start is None]
    courses = []
    for index, segment in enumerate(segments):
        runs = _runs(segment)
        for number, run in enumerate(runs):
            last_run = number == len(runs) - 1
            courses.append(_metastatic_course(run, ends[index] if last_run else None,
                                              is_last=last_run and index == len(segments) - 1))
    if undated:
        courses.append(_metastatic_course(undated, None, is_last=not courses))
    return courses


def _runs(records: list[MedRecord]) -> list[list[MedRecord]]:
    """Records cut where new drugs start after every earlier record had ended (a change of regimen).

    The same drugs started again after a pause continue their course.
    """
    runs: list[list[MedRecord]] = []
    run_end: datetime.date | None = None
    for record in records:
        assert record.start is not None
        drugs = {d for r in runs[-1] for d in r.drugs} if runs else set()
        ended_before = run_end is not None and record.start.day > run_end
        if not runs or (ended_before and not set(record.drugs) <= drugs):
            runs.append([record])
            run_end = None
        else:
            runs[-1].append(record)
        end = datetime.date.max if record.current else (record.end or record.start).day
        run_end = end if run_end is None else max(run_end, end)
    return runs


def _metastatic_course(records: list[MedRecord], end_event: tuple[Any, ...] | None, is_last: bool) -> Course:
    start, end = _span(records)
    why = "palliative intent, no dates" if start is None else "started on or after the metastatic diagnosis"
    sources = tuple(r.source for r in records)
    if end_event is not None:
        kind = "progression" if end_event[1] == "progression" else "toxicity"
        src: SourceRef = end_event[2]
        because = f"{end_event[3]} ({src.resource} {src.place}, {end_event[0].text})"
        return Course(_drugs(records), "metastatic", kind, start, end, None, (*sources, src), why, because, False,
                      src)
    if is_last and any(r.current for r in records):
        return Course(_drugs(records), "metastatic", "ongoing", start, end, None, sources, why,
                      "still active in the record", False)
    if is_last and any(r.stop == "toxicity" for r in records):
        return Course(_drugs(records), "metastatic", "toxicity", start, end, None, sources, why,
                      "stopped as not tolerated", False)
    if is_last and all(r.stop in ("completed", "other") for r in records):
        return Course(_drugs(records), "metastatic", "completed", start, end, None, sources, why,
                      "stopped without progression or toxicity recorded", False)
    return Course(_drugs(records), "metastatic", "progression", start, end, None, sources, why,
                  "no stop reason or disease status recorded: progression assumed (the contract's default "
                  "for a metastatic course); give --treatment if it ended otherwise", True)

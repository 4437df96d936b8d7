"""The mapping report: where each fact came from, what was set aside, what is missing, what conflicts.

`settle` applies the command-line flags over what the record gave: a conflict a flag
settles is reported as settled; one left unsettled stops the case (exit 3) with the facts
listed, since the answer would depend on which of them is true.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from attrs import evolve

from her2nav.errors import OutOfScope
from her2nav.read.fhir.choose import Choice
from her2nav.read.fhir.courses import Conflict, Course
from her2nav.read.fhir.reader import RECEPTOR_FIELDS, FhirReading
from her2nav.read.flags import CaseFlags, merge_flags
from her2nav.result import Provenance, ProvenanceHow, SourceRef

HER2_FIELDS = ("her2", "her2_ihc", "her2_ish")
SETTLED_BY: Mapping[str, tuple[str, ...]] = {name: HER2_FIELDS for name in HER2_FIELDS}
FLAG_NAMES: Mapping[str, str] = {
    "her2": "--her2", "her2_ihc": "--her2-ihc", "her2_ish": "--her2-ish", "er": "--er", "pr": "--pr",
    "ecog": "--ecog", "lvef": "--lvef", "creatinine_clearance": "--creatinine-clearance",
    "presentation": "--presentation", "treatments": "--treatment",
    "sites": "--site", "sex": "--sex", "conditions": "--condition",
}
# Facts the reader looks for; a missing one is reported (its default, if any, is the navigator's).
LOOKED_FOR = ("her2", "er", "pr", "presentation", "ecog", "lvef", "creatinine_clearance", "sex", "sites",
              "treatments")
NOT_READ_FROM_FHIR: Mapping[str, str] = {
    "menopausal_status": "not read from FHIR; give --menopausal-status",
    "visceral_crisis": "a clinical judgement FHIR does not carry; give --visceral-crisis",
    "primary_tumor": "not read from FHIR; give --primary",
}

READ, INFERRED = ProvenanceHow.READ, ProvenanceHow.INFERRED


def given_fields(flags: CaseFlags) -> set[str]:
    given = {name for name, value in flags.scalars.items() if value is not None}
    given |= {name for name, values in (("treatments", flags.treatments), ("sites", flags.sites),
                                        ("conditions", flags.conditions)) if values}
    if flags.primary is not None:
        given.add("primary_tumor")
    return given


def unsettled_conflicts(reading: FhirReading, flags: CaseFlags) -> list[Conflict]:
    given = given_fields(flags)
    return [c for c in reading.conflicts if not set(SETTLED_BY.get(c.field, (c.field,))) & given]


def alternative_mappings(reading: FhirReading, flags: CaseFlags, conflicts: Sequence[Conflict]) -> list[object]:
    """The case mapping for every combination of the disagreeing values (a few at most)."""
    combinations: list[dict[str, Any]] = [{}]
    for conflict in conflicts:
        combinations = [{**chosen, conflict.field: value} for chosen in combinations for value in conflict.values]
    return [merge_flags({**reading.mapping, **chosen}, flags) for chosen in combinations]


def settle(reading: FhirReading, flags: CaseFlags,
           harmless: Sequence[Conflict] = ()) -> tuple[object, tuple[Provenance, ...]]:
    """The case mapping with the flags applied, and its provenance.

    A conflict no flag settles stops the case (exit 3), unless it is among `harmless`: the
    disagreeing values were all tried and give the same answer (navigate_fhir.py). The case
    then shows the first value, and the report says so.
    """
    given = given_fields(flags)
    unsettled = [c for c in unsettled_conflicts(reading, flags) if c not in harmless]
    if unsettled:
        raise OutOfScope("the FHIR record holds facts that disagree, and the answer depends on them: "
                         + " | ".join(_conflict_text(c) for c in unsettled)
                         + " (or correct the record)")
    base = dict(reading.mapping)
    if any(c.field in HER2_FIELDS and c not in harmless for c in reading.conflicts):
        for name in HER2_FIELDS:
            base.pop(name, None)  # the flags alone say HER2 once the record's results disagree
    base.update({c.field: c.values[0] for c in harmless})
    merged = merge_flags(base, flags)
    entries = [_harmless(e, harmless) for e in provenance(reading)]
    return merged, tuple(_with_flags(entries, given, merged))


def _harmless(entry: Provenance, harmless: Sequence[Conflict]) -> Provenance:
    for conflict in harmless:
        if entry.how is ProvenanceHow.CONFLICT and entry.field == conflict.field and entry.note == conflict.text:
            shown = " or ".join(_shown(v) for v in conflict.values)
            return evolve(entry, value=_shown(conflict.values[0]),
                          note=_joined(entry.note, f"the options are the same with {shown}: shown with the first"))
    return entry


def _conflict_text(conflict: Conflict) -> str:
    flags = " or ".join(FLAG_NAMES.get(name, name) for name in SETTLED_BY.get(conflict.field, (conflict.field,)))
    return f"{conflict.field}: {conflict.text}; settle with {flags}"


def _with_flags(entries: list[Provenance], given: set[str], merged: object) -> list[Provenance]:
    out = []
    values = merged if isinstance(merged, dict) else {}
    for name in sorted(given):
        shown = values.get(name)
        out.append(Provenance(name, _shown(shown), ProvenanceHow.FLAG, (SourceRef("command line", "flag"),),
                              "given on the command line, over anything the record said"))
    for entry in entries:
        root = entry.field.split("[")[0].split(".")[0]
        if root in given and entry.how is ProvenanceHow.NOT_FOUND:
            continue
        if root in given and entry.how in (READ, INFERRED):
            entry = evolve(entry, how=ProvenanceHow.IGNORED,
                           note=_joined(entry.note, f"replaced by {FLAG_NAMES.get(root, root)}"))
        elif entry.how is ProvenanceHow.CONFLICT:
            entry = evolve(entry, note=_joined(entry.note, "settled by the command-line flag"))
        out.append(entry)
    return out


def _shown(value: Any) -> str:
    if isinstance(value, list):
        return f"{len(value)} given"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:g}"
    return "" if value is None else str(value)


def _joined(*parts: str) -> str:
    return "; ".join(p for p in parts if p)


# ------------------------------------------------------------------ the entries


def provenance(reading: FhirReading) -> list[Provenance]:
    entries: list[Provenance] = []
    for choice in reading.choices:
        entries += _choice_entries(choice)
    mapping = reading.mapping
    if "presentation" in mapping:
        entries.append(Provenance("presentation", mapping["presentation"], INFERRED, _presentation_sources(reading),
                                  reading.presentation_because))
    if mapping.get("metastasis_biopsied"):
        entries.append(Provenance("metastasis_biopsied", "yes", INFERRED, (),
                                  "a receptor result comes from a metastatic lesion (by its body site or its date)"))
    entries += [Provenance("conditions", "pregnancy", READ, (f.source,)) for f in reading.findings
                if f.field == "pregnancy"]
    entries += _site_entries(reading)
    metastatic = _metastatic_source(reading)
    anchors = (*metastatic, *_surgery_source(reading))
    for index, course in enumerate(reading.courses):
        entries += _course_entries(index, course, metastatic, anchors)
    entries += _extra_entries(reading)
    entries += [Provenance(c.field, "", ProvenanceHow.CONFLICT, c.sources, c.text) for c in reading.conflicts]
    entries += _not_found(reading)
    entries += [Provenance("", "", ProvenanceHow.IGNORED, (s.source,), s.why) for s in reading.skipped]
    entries += _unread(reading.unread_kinds)
    return entries


def _choice_entries(choice: Choice) -> list[Provenance]:
    entries = []
    if choice.chosen is not None:
        finding = choice.chosen
        entries.append(Provenance(choice.field, _shown(finding.value), READ, (finding.source,), finding.note))
    entries += [Provenance(choice.field, _shown(f.value), ProvenanceHow.IGNORED, (f.source,), why)
                for f, why in choice.set_aside]
    return entries


def _presentation_sources(reading: FhirReading) -> tuple[SourceRef, ...]:
    wanted = ("primary_diagnosis", "sites")
    firsts: dict[str, SourceRef] = {}
    for finding in sorted((f for f in reading.findings if f.field in wanted and f.date),
                          key=lambda f: f.date.day if f.date else datetime.date.min):
        firsts.setdefault(finding.field, finding.source)
    return tuple(firsts.values())


def _site_entries(reading: FhirReading) -> list[Provenance]:
    entries = []
    for index, site in enumerate(reading.mapping.get("sites", [])):
        found = [f for f in reading.findings if f.field == "sites" and f.value == site["site"]]
        notes = sorted({f.note for f in found if f.note and f.note != "leptomeningeal"})
        if site.get("leptomeningeal"):
            notes.insert(0, "leptomeningeal: said by the condition's text")
        entries.append(Provenance(f"sites[{index}]", site["site"], READ, tuple(f.source for f in found),
                                  "; ".join(notes)))
        if site["site"] == "brain":
            entries.append(Provenance(f"sites[{index}].status", "", ProvenanceHow.NOT_FOUND, (),
                                      "treated or untreated is not read from FHIR; give --site brain:STATUS"))
    return entries


def _metastatic_source(reading: FhirReading) -> tuple[SourceRef, ...]:
    """The condition that dates the metastatic diagnosis (the earliest metastatic site)."""
    dated = [f for f in reading.findings if f.field == "sites" and f.date]
    return (min(dated, key=lambda f: f.date.day if f.date else datetime.date.max).source,) if dated else ()


def _surgery_source(reading: FhirReading) -> tuple[SourceRef, ...]:
    """The breast operation that separates neoadjuvant from adjuvant courses, if one was used."""
    when = reading.extras.get("surgery")
    return tuple(f.source for f in reading.findings if f.field == "surgery" and f.date == when)[:1]


def _course_entries(index: int, course: Course, metastatic: tuple[SourceRef, ...],
                    anchors: tuple[SourceRef, ...]) -> list[Provenance]:
    where = f"treatments[{index}]"
    span = " to ".join(d.text for d in (course.start, course.end) if d) or "no dates"
    entries = [
        Provenance(where, " + ".join(course.drugs), READ, course.sources, f"{span}; records grouped into one course"),
        Provenance(f"{where}.setting", course.setting, INFERRED,
                   anchors if course.start is not None and anchors else course.sources, course.setting_because),
        Provenance(f"{where}.outcome", course.outcome, INFERRED if course.outcome_inferred else READ,
                   (course.outcome_source,) if course.outcome_source else course.sources, course.outcome_because),
    ]
    if course.months_to_recurrence is not None:
        entries.append(Provenance(f"{where}.months_to_recurrence", f"{course.months_to_recurrence:g}", INFERRED,
                                  (*course.sources, *metastatic),
                                  "from the end of the course to the metastatic diagnosis"))
    return entries


def _extra_entries(reading: FhirReading) -> list[Provenance]:
    extras = reading.extras
    entries = []
    if extras.get("metastatic_diagnosis"):
        entries.append(Provenance("metastatic_diagnosis", str(extras["metastatic_diagnosis"]), INFERRED,
                                  _metastatic_source(reading),
                                  "the earliest metastatic site recorded; courses are placed by it"))
    if extras.get("age") is not None:
        patient = tuple(f.source for f in reading.findings if f.field == "birth")[:1]
        entries.append(Provenance("age", f"{extras['age']} years", INFERRED, patient,
                                  "from the birth date, at the latest date in the record; the birth date "
                                  "itself is not shown"))
    return entries


def _not_found(reading: FhirReading) -> list[Provenance]:
    mapping = reading.mapping
    entries = []
    for name in LOOKED_FOR:
        present = mapping.get(name) if name in ("sites", "treatments") else name in mapping
        if name == "her2":
            present = any(n in mapping for n in HER2_FIELDS)
        if not present and not any(c.field == name or c.field in SETTLED_BY.get(name, ()) for c in reading.conflicts):
            entries.append(Provenance(name, "", ProvenanceHow.NOT_FOUND, (), _missing_hint(name)))
    entries += [Provenance(name, "", ProvenanceHow.NOT_FOUND, (), why) for name, why in NOT_READ_FROM_FHIR.items()]
    return entries


def _missing_hint(name: str) -> str:
    if name in RECEPTOR_FIELDS or name == "her2":
        return f"no tumor-marker result for it; give {FLAG_NAMES.get(name, name)}"
    return f"nothing in the record gave it; give {FLAG_NAMES.get(name, name)}"


def _unread(kinds: Mapping[str, Sequence[Any]]) -> Iterable[Provenance]:
    for kind, entries in kinds.items():
        yield Provenance("", f"{len(entries)} {kind}", ProvenanceHow.IGNORED,
                         tuple(SourceRef(kind, e.place) for e in entries),
                         "a resource type the navigator does not read")

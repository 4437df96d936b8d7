"""Facts found in the resources of one patient, each with its date and its source.

A `Finding` is one candidate value for one case field; reader.py chooses among them and
reports the choice. Free text is matched for words but never echoed: only codes, positions
and the navigator's own values reach the report.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from attrs import frozen

from her2nav.read.fhir import codes as C
from her2nav.read.fhir.elements import (
    Coding,
    FhirDate,
    codings,
    concept_words,
    concepts,
    find_code,
    period,
    quantity_value,
    read_date,
    status_code,
    value_elements,
)
from her2nav.read.fhir.source import Entry
from her2nav.result import SourceRef
from her2nav.values import Value


@frozen(repr=False)
class Finding(Value):
    """One candidate value for a case field."""

    field: str
    value: Any
    date: FhirDate | None
    source: SourceRef
    from_percent: bool = False
    on_metastasis: bool = False  # a test of a metastatic lesion (by its body site)
    note: str = ""


@frozen(repr=False)
class Skipped(Value):
    """A resource (or part of one) that was not used, and why."""

    source: SourceRef
    why: str


def source_of(entry: Entry, element: str = "", coding: Coding | None = None,
              date: FhirDate | None = None) -> SourceRef:
    return SourceRef(entry.kind, entry.place, element, coding.label() if coding else "", date.text if date else "")


# ------------------------------------------------------------------ observations


def observation_findings(entry: Entry) -> Iterator[Finding | Skipped]:
    """Tumor markers, ECOG, LVEF and disease status from one Observation."""
    obs = entry.resource
    if status_code(obs) in C.RESOURCE_NOT_VALID:
        yield Skipped(source_of(entry), f"status {status_code(obs)}")
        return
    code = obs.get("code")
    date, _ = period(obs, "effective")
    date = date or read_date(obs.get("issued"))
    values = value_elements(obs)
    marker = find_code(code, {C.LOINC: C.MARKER_CODES})
    ecog = find_code(code, C.ECOG_CODES)
    lvef = find_code(code, C.LVEF_CODES)
    clearance = find_code(code, C.CREATININE_CLEARANCE_CODES)
    status = find_code(code, {C.LOINC: {C.DISEASE_STATUS_CODE}})
    known = marker or ecog or lvef or clearance or status
    if known is None:
        serum = find_code(code, {C.LOINC: C.SERUM_HER2_CODES})
        why = "serum HER2 says nothing of the tumor's status" if serum else "no code the navigator reads"
        yield Skipped(source_of(entry, coding=next(codings(code), None)), why)
        return
    if len(values) > 1:
        yield Skipped(source_of(entry, coding=known), f"gives {len(values)} values ({', '.join(values)}); "
                      "FHIR allows one, so neither is used")
        return
    element = values[0] if values else "interpretation"
    source = source_of(entry, element, known, date)
    if marker is not None:
        field, kind = C.MARKER_CODES[marker.code]
        yield from _marker(obs, field, kind, source, date, _on_metastasis(obs))
    elif ecog is not None:
        score = quantity_value(obs)
        if score is None or not score.is_integer():
            yield Skipped(source, "ECOG given without an integer score")
        else:
            yield Finding("ecog", int(score), date, source)
    elif lvef is not None:
        percent = quantity_value(obs)
        yield (Finding("lvef", percent, date, source) if percent is not None
               else Skipped(source, "LVEF given without a number"))
    elif clearance is not None:
        yield _clearance(obs, source, date)
    else:
        yield from _disease_status(obs, source, date)


def _clearance(obs: Mapping[str, Any], source: SourceRef, date: FhirDate | None) -> Finding | Skipped:
    """Creatinine clearance in mL/min, as the case takes it; another unit is set aside, never converted."""
    quantity = obs.get("valueQuantity")
    unit = quantity.get("code") or quantity.get("unit") if isinstance(quantity, dict) else None
    value = quantity_value(obs)
    if value is None:
        return Skipped(source, "creatinine clearance given without a number")
    if unit not in C.CLEARANCE_UNITS:
        return Skipped(source, "creatinine clearance not in mL/min; give --creatinine-clearance")
    return Finding("creatinine_clearance", value, date, source)


def _marker(obs: Mapping[str, Any], field: str, kind: str, source: SourceRef, date: FhirDate | None,
            on_metastasis: bool) -> Iterator[Finding | Skipped]:
    if kind == "numbers":
        shown = quantity_value(obs)
        yield Skipped(source, "ISH numbers are echoed, not turned into a status: the pathologist's category "
                      f"is read instead{f' (value {shown:g})' if shown is not None else ''}")
        return
    if kind == "percent":
        percent = quantity_value(obs)
        if percent is None:
            yield Skipped(source, "percentage of cells given without a number")
            return
        yield Finding(field, _receptor_from_percent(field, percent), date, source, from_percent=True,
                      on_metastasis=on_metastasis, note=f"{percent:g}% of cells stained")
        return
    value = _category(obs, field)
    if value is None:
        yield Skipped(source, "a result the navigator cannot read as a category")
        return
    target = field
    if field == "her2_ihc" and value in ("positive", "negative", "equivocal"):
        target = "her2"  # an IHC result given as a category, not a score
    yield Finding(target, value, date, source, on_metastasis=on_metastasis)


def _receptor_from_percent(field: str, percent: float) -> str:
    if percent < C.RECEPTOR_POSITIVE_FROM_PERCENT:
        return "negative"
    if field == "er" and percent <= C.ER_LOW_BELOW_PERCENT:
        return "low"
    return "positive"


_SCORE = re.compile(r"(?<![\d.])([0-3])\s*\+|\bscore\s*([0-3])\b|^\s*([0-3])\s*$")


def _category(obs: Mapping[str, Any], field: str) -> str | None:
    """The result as the contract's value for `field`, from a code, a string, a number or an interpretation."""
    concept = obs.get("valueCodeableConcept")
    words = concept_words(concept)
    if isinstance(obs.get("valueString"), str):
        words = obs["valueString"].casefold()
    coded = _coded_answer(concept) or _coded_answer_list(obs.get("interpretation"))
    if field == "her2_ihc":
        score = quantity_value(obs)
        if score is not None:
            return f"{int(score)}+" if score in (1, 2, 3) else "0" if score == 0 else None
        match = _SCORE.search(words)
        if match:
            digit = next(g for g in match.groups() if g is not None)
            return "0" if digit == "0" else f"{digit}+"
    if field == "her2_ish":
        if "not amplified" in words or "non-amplified" in words or "nonamplified" in words:
            return "not_amplified"
        if "amplified" in words:
            return "amplified"
        return {"positive": "amplified", "negative": "not_amplified"}.get(coded or _word_answer(words) or "")
    if field == "her2":
        for pattern, value in ((r"\bultra-?low\b", "ultralow"), (r"\blow\b", "low"), (r"\bequivocal\b", "equivocal")):
            if re.search(pattern, words):
                return value
    if field == "er" and re.search(r"\blow\b", words):
        return "low"  # "ER low positive" (1-10% of cells)
    return coded or _word_answer(words)


def _word_answer(words: str) -> str | None:
    if "equivocal" in words:
        return "equivocal"
    if re.search(r"\bneg(ative)?\b", words):
        return "negative"
    if re.search(r"\bpos(itive)?\b", words):
        return "positive"
    return None


def _coded_answer(concept: object) -> str | None:
    if find_code(concept, C.POSITIVE_ANSWERS):
        return "positive"
    if find_code(concept, C.NEGATIVE_ANSWERS):
        return "negative"
    return None


def _coded_answer_list(value: object) -> str | None:
    return next((answer for concept in concepts(value) if (answer := _coded_answer(concept))), None)


def _on_metastasis(obs: Mapping[str, Any]) -> bool:
    site = obs.get("bodySite")
    return find_code(site, {C.SNOMED: C.BODY_SITE_CODES}) is not None


def _disease_status(obs: Mapping[str, Any], source: SourceRef, date: FhirDate | None) -> Iterator[Finding | Skipped]:
    concept = obs.get("valueCodeableConcept")
    if find_code(concept, {C.SNOMED: {C.DISEASE_WORSENED}}):
        yield (Finding("progression", True, date, source) if date is not None
               else Skipped(source, "progression recorded without a date: it cannot end a course"))
    elif find_code(concept, {C.SNOMED: C.DISEASE_NOT_WORSE}):
        yield Skipped(source, "disease status not worse: no course ends here")
    else:
        yield Skipped(source, "a disease status the navigator cannot read")


# ------------------------------------------------------------------ conditions


def condition_findings(entry: Entry) -> Iterator[Finding | Skipped]:
    """Metastatic sites, the primary diagnosis date and pregnancy from one Condition (or site Observation)."""
    res = entry.resource
    verification = status_code(res, "verificationStatus")
    clinical = status_code(res, "clinicalStatus")
    code = res.get("code")
    onset, _ = period(res, "onset")
    onset = onset or read_date(res.get("recordedDate"))
    if entry.kind == "Observation":
        onset, _ = period(res, "effective")
    site = _secondary_site(res)
    primary = find_code(code, {C.SNOMED: C.PRIMARY_BREAST_SNOMED}) or _icd_breast(code)
    pregnancy = find_code(code, {C.SNOMED: C.PREGNANCY_SNOMED})
    found = site[1] if site else primary or pregnancy
    if found is None:
        yield Skipped(source_of(entry, coding=next(codings(code), None)), "no code the navigator reads")
        return
    source = source_of(entry, "code" if not (site and site[2]) else "bodySite", found, onset)
    if verification in C.RESOURCE_NOT_VALID or verification == "refuted":
        yield Skipped(source, f"verification status {verification}")
    elif clinical in ("resolved", "inactive", "remission") and not primary:
        yield Skipped(source, f"clinical status {clinical}: not a current fact")
    elif site is not None:
        note = ""
        if "leptomening" in concept_words(code):
            note = "leptomeningeal"
        elif site[1].code in C.MENINGES_CODES:
            note = ("cerebral meninges: leptomeningeal or dural is not said; give "
                    "--site brain:...:leptomeningeal if leptomeningeal")
        yield Finding("sites", site[0], onset, source, note=note)
    elif primary is not None:
        yield Finding("primary_diagnosis", True, onset, source)
    else:
        yield Finding("pregnancy", True, onset, source)


def _secondary_site(res: Mapping[str, Any]) -> tuple[str, Coding, bool] | None:
    """(site, the coding that says so, whether it came from bodySite)."""
    code = res.get("code")
    coding = find_code(code, C.SECONDARY_DISORDER_CODES)
    if coding is not None:
        return C.SECONDARY_DISORDER_CODES[coding.system][coding.code], coding, False
    if find_code(code, {C.SNOMED: {C.SECONDARY_GENERIC_SNOMED}}) or "secondary" in concept_words(code) \
            or "metasta" in concept_words(code):
        for body in concepts(res.get("bodySite")):
            body_coding = find_code(body, {C.SNOMED: C.BODY_SITE_CODES})
            if body_coding is not None:
                return C.BODY_SITE_CODES[body_coding.code], body_coding, True
    return None


def _icd_breast(code: object) -> Coding | None:
    return next((c for c in codings(code) if c.system == C.ICD10CM
                 and c.code.upper().startswith(C.PRIMARY_BREAST_ICD10_PREFIX)), None)


# ------------------------------------------------------------------ procedures and the patient


def surgery_finding(entry: Entry) -> Finding | Skipped:
    res = entry.resource
    code = res.get("code")
    performed, _ = period(res, "performed")
    coding = find_code(code, {C.SNOMED: C.BREAST_SURGERY_SNOMED})
    breast_site = any(find_code(b, {C.SNOMED: C.BREAST_BODY_SITES}) for b in concepts(res.get("bodySite")))
    words = concept_words(code)
    named = any(word in words for word in C.BREAST_SURGERY_WORDS)
    source = source_of(entry, "code", coding or next(codings(code), None), performed)
    if not (coding or named or (breast_site and "excision" in words)):
        return Skipped(source, "not a breast cancer operation the navigator reads")
    if status_code(res) in C.MEDICATION_NOT_GIVEN or status_code(res) == "not-done":
        return Skipped(source, f"status {status_code(res)}")
    if performed is None:
        return Skipped(source, "breast operation without a date: neoadjuvant and adjuvant cannot be told apart")
    return Finding("surgery", True, performed, source)


def patient_findings(entry: Entry) -> Iterator[Finding | Skipped]:
    res = entry.resource
    gender = res.get("gender")
    if gender in ("female", "male"):
        yield Finding("sex", gender, None, source_of(entry, "gender"))
    elif gender is not None:
        yield Skipped(source_of(entry, "gender"), "administrative gender other than female or male: "
                      "sex left to its default; give --sex")
    born = read_date(res.get("birthDate"))
    if born is not None:
        # the birth date itself is never reported: only the age worked out from it
        yield Finding("birth", born, None, source_of(entry, "birthDate"))


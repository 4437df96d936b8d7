"""Command-line flags into the case mapping: the compact syntaxes of --treatment, --site and --primary."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import partial
from typing import Any

from attrs import frozen

from her2nav.case import BrainStatus, Outcome, Setting, SiteName, Symptom
from her2nav.errors import InvalidCase
from her2nav.fields import Problems, did_you_mean, enum_key, excerpt, refuse_lone_surrogates
from her2nav.knowledge.reference_model import Reference
from her2nav.values import Value


@frozen(repr=False)
class CaseFlags(Value):
    """Values given on the command line; None means not given."""

    scalars: Mapping[str, Any]
    treatments: Sequence[str] = ()
    sites: Sequence[str] = ()
    conditions: Sequence[str] = ()
    primary: str | None = None


def merge_flags(base: object, flags: CaseFlags) -> object:
    """The case with flags applied: a flag replaces the file's value (a list flag, the whole list)."""
    if not isinstance(base, dict):
        return base  # Case.from_mapping names the problem
    merged: dict[str, Any] = dict(base)
    merged.update({key: value for key, value in flags.scalars.items() if value is not None})
    problems = Problems()  # every flag that does not follow its syntax, reported together
    if flags.treatments:
        merged["treatments"] = [problems.read(partial(parse_treatment_flag, text)) for text in flags.treatments]
    if flags.sites:
        merged["sites"] = [problems.read(partial(parse_site_flag, text)) for text in flags.sites]
    if flags.conditions:
        merged["conditions"] = list(flags.conditions)
    if flags.primary is not None:
        merged["primary_tumor"] = problems.read(partial(parse_primary_flag, flags.primary))
    problems.raise_any()
    refuse_lone_surrogates(merged)  # an argument in bytes that are not UTF-8 arrives with surrogates
    return merged


TREATMENT_SYNTAX = ("DRUGS:SETTING[:OUTCOME][:START..END][:recurred=MONTHS], drugs joined by '+', "
                    "dates YYYY-MM or YYYY-MM-DD (END left out while ongoing)")
SITE_SYNTAX = "SITE[:LESIONS][:STATUS][:SYMPTOM,SYMPTOM][:leptomeningeal]"
PRIMARY_SYNTAX = "intact[:SYMPTOM,SYMPTOM] or removed"


def parse_treatment_flag(text: str) -> dict[str, Any]:
    """'THP:metastatic:progression:2023-02..2024-05' or 'trastuzumab+pertuzumab:adjuvant:recurred=8'."""
    parts = [part.strip() for part in text.split(":")]
    if len(parts) < 2 or not parts[0]:
        raise InvalidCase("--treatment", f"{excerpt(text)!r} does not follow {TREATMENT_SYNTAX}")
    settings = [s.value for s in Setting]
    if enum_key(parts[1]) not in settings:
        raise InvalidCase("--treatment", f"{excerpt(parts[1])!r} is not a setting", settings,
                          did_you_mean(enum_key(parts[1]), settings))
    course: dict[str, Any] = {"drugs": [d.strip() for d in parts[0].split("+") if d.strip()],
                              "setting": enum_key(parts[1])}
    outcomes = [o.value for o in Outcome]
    for part in parts[2:]:
        if part.startswith("recurred="):
            course["months_to_recurrence"] = _flag_number(part.removeprefix("recurred="), "--treatment recurred")
        elif ".." in part:
            start, end = (date.strip() for date in part.split("..", 1))
            course.update({key: date for key, date in (("start", start), ("end", end)) if date})
        elif enum_key(part) in outcomes:
            course["outcome"] = enum_key(part)
        else:
            raise InvalidCase("--treatment", f"{excerpt(part)!r} in {excerpt(text)!r} is not an outcome, "
                              "START..END or recurred=MONTHS", [*outcomes, "START..END", "recurred=MONTHS"],
                              did_you_mean(enum_key(part), outcomes))
    return course


_LESION_DIGITS = 6
_TOO_MANY = 10**_LESION_DIGITS  # stands for a longer count: out of range, reported by the site reader


def parse_site_flag(text: str) -> dict[str, Any]:
    """'brain:3:untreated', 'bone:pain,fracture' or 'brain:1:treated_stable:leptomeningeal'."""
    parts = [part.strip() for part in text.split(":")]
    site: dict[str, Any] = {"site": parts[0]}
    statuses = [s.value for s in BrainStatus]
    symptoms = [s.value for s in Symptom]
    for part in parts[1:]:
        items = [enum_key(item) for item in part.split(",")]
        if part.isascii() and part.isdigit():  # not "²" or "٣", which isdigit() also accepts
            site["lesions"] = int(part) if len(part) <= _LESION_DIGITS else _TOO_MANY
        elif part.isdigit():
            raise InvalidCase("--site", f"{excerpt(part)!r} in {excerpt(text)!r} is not a lesion count",
                              "digits 0-9")
        elif enum_key(part) in statuses:
            site["status"] = enum_key(part)
        elif enum_key(part) == "leptomeningeal":
            site["leptomeningeal"] = True
        elif part and all(item in symptoms for item in items):
            site["symptoms"] = items
        else:
            wrong = next((item for item in items if item not in symptoms), part)
            raise InvalidCase("--site", f"{excerpt(part)!r} in {excerpt(text)!r} is not a lesion count, "
                              "brain status, "
                              "symptom list or 'leptomeningeal'",
                              f"{SITE_SYNTAX}; sites: {', '.join(s.value for s in SiteName)}",
                              did_you_mean(wrong, [*statuses, *symptoms, "leptomeningeal"]))
    return site


def parse_primary_flag(text: str) -> dict[str, Any]:
    parts = [part.strip() for part in text.split(":")]
    parts[0] = enum_key(parts[0])
    if parts[0] == "removed" and len(parts) == 1:
        return {"intact": False}
    if parts[0] != "intact" or len(parts) > 2:
        raise InvalidCase("--primary", f"{excerpt(text)!r} does not follow {PRIMARY_SYNTAX}")
    primary: dict[str, Any] = {"intact": True}
    if len(parts) == 2:
        primary["symptoms"] = [item.strip() for item in parts[1].split(",") if item.strip()]
    return primary


def _flag_number(text: str, field: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise InvalidCase(field, f"{excerpt(text)!r} is not a number") from None


def select_references(wanted: Sequence[str]) -> tuple[Reference, ...]:
    """`her2nav references --id ID...`: the references asked for, in order, each once; all without --id."""
    from her2nav.knowledge.references import REFERENCES

    if not wanted:
        return tuple(REFERENCES.values())
    by_folded = {ref_id.casefold(): reference for ref_id, reference in REFERENCES.items()}
    chosen = []
    for ref_id in wanted:
        reference = by_folded.get(ref_id.strip().casefold())
        if reference is None:
            raise InvalidCase("--id", f"{ref_id!r} is not a reference id",
                              f"one of the {len(REFERENCES)} ids that 'her2nav references' lists",
                              _suggest_reference_ids(ref_id, list(REFERENCES)))
        chosen.append(reference)
    return tuple(dict.fromkeys(chosen))


def _suggest_reference_ids(wanted: str, ids: list[str]) -> str | None:
    import difflib

    folded = wanted.strip().casefold()
    starting = [ref_id for ref_id in ids if folded and ref_id.startswith(folded)]
    close = difflib.get_close_matches(folded, ids, n=3, cutoff=0.6)
    suggestions = list(dict.fromkeys([*starting, *close]))[:3]
    if not suggestions:
        return None
    return f"did you mean {' or '.join(repr(s) for s in suggestions)}?"

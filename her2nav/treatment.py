"""A course of treatment in the case: its drugs, setting, outcome, dates and toxicity, read and checked."""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial
from typing import Any

from attrs import frozen

from her2nav.dates import PartialDate, compare, parse_date
from her2nav.errors import InvalidCase
from her2nav.fields import Problems, describe, given_fields, read_each, read_enum, read_list, read_number, read_str
from her2nav.knowledge.drugs import DRUGS, DrugClass, resolve_drug_name, suggest_drug_names
from her2nav.terms import Outcome, Setting
from her2nav.toxicity import Toxicity
from her2nav.values import Value

MAX_MONTHS = 1200  # a hundred years: anything larger is a typing error
TREATMENT_FIELDS = ("drugs", "setting", "outcome", "months_to_recurrence", "start", "end", "toxicity")
MAX_DRUGS_PER_COURSE = 20  # far above any real course (docs/case-format.md)


@frozen(repr=False)
class Treatment(Value):
    drugs: tuple[str, ...]
    setting: Setting
    outcome: Outcome
    months_to_recurrence: float | None = None
    start: PartialDate | None = None
    end: PartialDate | None = None
    assumed: frozenset[str] = frozenset()  # keys of this course not given, read by their default
    months_from_dates: bool = False  # months_to_recurrence worked out from `end` and metastatic_diagnosis
    toxicity: Toxicity | None = None  # which drugs stopped the course (outcome toxicity only)

    @property
    def her2_directed(self) -> bool:
        return any(DRUGS[drug].her2_directed for drug in self.drugs)

    @property
    def anticancer(self) -> bool:
        """False for a course of bone-modifying agents only, which is supportive, not a line."""
        return any(DRUGS[drug].drug_class is not DrugClass.BONE_AGENT for drug in self.drugs)

    @property
    def perioperative(self) -> bool:
        return self.setting is not Setting.METASTATIC

    @classmethod
    def from_mapping(cls, data: object, where: str) -> Treatment:
        problems = Problems()
        obj = given_fields(data, TREATMENT_FIELDS, where, problems)
        if "drugs" not in obj:
            problems.add(InvalidCase(f"{where}.drugs", "required: one or more drug names"))
        if "setting" not in obj:
            problems.add(InvalidCase(f"{where}.setting", "required", [s.value for s in Setting]))
        drugs = problems.read(lambda: read_drugs(obj["drugs"], f"{where}.drugs")) if "drugs" in obj else None
        setting = problems.read(lambda: read_enum(obj["setting"], Setting, f"{where}.setting")) \
            if "setting" in obj else None
        default_outcome = Outcome.PROGRESSION if setting is Setting.METASTATIC else Outcome.COMPLETED
        outcome = problems.read(lambda: read_enum(obj.get("outcome", default_outcome.value), Outcome,
                                                  f"{where}.outcome"))
        months = None
        if "months_to_recurrence" in obj:
            if setting is Setting.METASTATIC:
                problems.add(InvalidCase(f"{where}.months_to_recurrence", "only for neoadjuvant or adjuvant courses"))
            months = problems.read(lambda: read_number(obj["months_to_recurrence"], f"{where}.months_to_recurrence",
                                                       0, MAX_MONTHS, " months"))
        start, end = (problems.read(partial(parse_date, obj[key], f"{where}.{key}")) if obj.get(key) is not None
                      else None for key in ("start", "end"))
        _check_course_dates(start, end, outcome, where, problems)
        toxicity = problems.read(lambda: _read_toxicity(obj, where, outcome, drugs)) \
            if outcome is not None and drugs is not None else None
        problems.raise_any(list(obj), where)
        assert drugs is not None and setting is not None and outcome is not None
        assumed = frozenset(key for key in ("outcome",) if key not in obj)
        return cls(drugs, setting, outcome, months, start, end, assumed, toxicity=toxicity)

    def to_dict(self) -> dict[str, Any]:
        return {"drugs": list(self.drugs), "setting": self.setting.value, "outcome": self.outcome.value,
                "months_to_recurrence": plain_number(self.months_to_recurrence),
                "start": str(self.start) if self.start is not None else None,
                "end": str(self.end) if self.end is not None else None,
                "toxicity": self.toxicity.to_dict() if self.toxicity is not None else None}


def _read_toxicity(obj: Mapping[str, Any], where: str, outcome: Outcome, drugs: tuple[str, ...]) -> Toxicity | None:
    if obj.get("toxicity") is None:
        return None
    if outcome is not Outcome.TOXICITY:
        raise InvalidCase(f"{where}.toxicity", f"only for a course stopped for toxicity (outcome "
                          f"'toxicity'), and this one is {outcome.value!r}")
    return Toxicity.from_mapping(obj["toxicity"], f"{where}.toxicity", drugs)


def _check_course_dates(start: PartialDate | None, end: PartialDate | None, outcome: Outcome | None,
                        where: str, problems: Problems) -> None:
    if start is not None and end is not None and compare(end, start) < 0:
        problems.add(InvalidCase(f"{where}.end", f"{end} is before the course's start, {start}"))
    if end is not None and outcome is Outcome.ONGOING:
        problems.add(InvalidCase(f"{where}.end", f"an ongoing course has no end ({end}): give the outcome "
                                 "with which it ended, or leave the end out", [o.value for o in Outcome]))


_LONGEST_NAME_SEARCHED = 80  # no drug name or alias is near this long: a longer text gets no "did you mean"


def read_drugs(value: object, where: str) -> tuple[str, ...]:
    names = read_list(value, where, MAX_DRUGS_PER_COURSE)
    if not names:
        raise InvalidCase(where, "empty: give one or more drug names")
    return tuple(dict.fromkeys(drug for drugs in read_each(names, _read_drug, where) for drug in drugs))


def _read_drug(item: object, where: str) -> tuple[str, ...]:
    name = read_str(item, where)
    resolved = resolve_drug_name(name)
    if resolved is None:
        suggestions = suggest_drug_names(name) if len(name) <= _LONGEST_NAME_SEARCHED else []
        hint = f"did you mean {' or '.join(repr(s) for s in suggestions)}?" if suggestions else None
        raise InvalidCase(where, f"unknown drug {describe(name)}",
                          "a generic name, brand name or regimen such as THP, T-DM1, T-DXd", hint)
    return tuple(resolved)


def plain_number(value: float | None) -> float | int | None:
    """60.0 prints as 60: the case echoes numbers as a clinician wrote them."""
    if value is None:
        return None
    return int(value) if value.is_integer() else value

"""The toxicity that stopped a course: which of its drugs caused it, what kind, how bad, and whether
it resolved (clinical-rules.md section 10.3; the optional `toxicity` field of a treatment)."""

from __future__ import annotations

import enum
from typing import Any

from attrs import frozen

from her2nav.errors import InvalidCase
from her2nav.fields import read_bool, read_enum, read_int, read_list, read_object, read_str, reject_unknown_keys
from her2nav.knowledge.drugs import resolve_drug_name
from her2nav.values import Value

TOXICITY_FIELDS = ("drugs", "kind", "grade", "resolved")


class ToxicityKind(enum.StrEnum):
    ILD = "ild"
    CARDIAC = "cardiac"
    NEUROPATHY = "neuropathy"
    DIARRHEA = "diarrhea"
    HEPATIC = "hepatic"
    HEMATOLOGIC = "hematologic"
    INFUSION = "infusion"
    OTHER = "other"


@frozen(repr=False)
class Toxicity(Value):
    drugs: tuple[str, ...]  # generic names, each a drug of the course
    kind: ToxicityKind
    grade: int | None = None  # CTCAE grade 1-4; None when not given
    resolved: bool | None = None  # None when not given

    @classmethod
    def from_mapping(cls, data: object, where: str, course_drugs: tuple[str, ...]) -> Toxicity:
        obj = read_object(data, where)
        reject_unknown_keys(obj, TOXICITY_FIELDS, where)
        if "drugs" not in obj:
            raise InvalidCase(f"{where}.drugs", "required: the drug or drugs of this course that caused it",
                              course_drugs)
        if "kind" not in obj:
            raise InvalidCase(f"{where}.kind", "required", [k.value for k in ToxicityKind])
        grade = read_int(obj["grade"], f"{where}.grade", 1, 4) if obj.get("grade") is not None else None
        resolved = read_bool(obj["resolved"], f"{where}.resolved") if obj.get("resolved") is not None else None
        return cls(_course_drugs(obj["drugs"], f"{where}.drugs", course_drugs),
                   read_enum(obj["kind"], ToxicityKind, f"{where}.kind"), grade, resolved)

    def to_dict(self) -> dict[str, Any]:
        return {"drugs": list(self.drugs), "kind": self.kind.value, "grade": self.grade, "resolved": self.resolved}


def _course_drugs(value: object, where: str, course_drugs: tuple[str, ...]) -> tuple[str, ...]:
    """The named drugs as generic names; each must be a drug of the course."""
    names = read_list(value, where)
    if not names:
        raise InvalidCase(where, "empty: name the drug or drugs of this course that caused it", course_drugs)
    found: list[str] = []
    for index, item in enumerate(names):
        name = read_str(item, f"{where}[{index}]")
        resolved = resolve_drug_name(name) or ()
        outside = [drug for drug in resolved if drug not in course_drugs]
        if not resolved or outside:
            raise InvalidCase(f"{where}[{index}]", f"{name!r} is not a drug of this course", course_drugs)
        found.extend(resolved)
    return tuple(dict.fromkeys(found))

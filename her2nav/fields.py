"""Readers for one field of a JSON object: each returns a typed value or raises InvalidCase.

JSON is loose about types (true is 1, "2" looks like 2); a clinical input is not, so each
reader accepts exactly the JSON type the contract names.
"""

from __future__ import annotations

import enum
import functools
import json
import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, TypeVar

from her2nav.errors import InvalidCase, InvalidCases

E = TypeVar("E", bound=enum.Enum)
T = TypeVar("T")


class NonFinite(str):
    """NaN, Infinity or -Infinity as written in the JSON: kept as text so the field reader can name it.

    Python's json module accepts these words although JSON does not; no field of a case may hold them.
    """


class HugeNumber(NonFinite):
    """A number too long for any field (an integer of more digits, or a float beyond the float range).

    Kept as its text, like NaN, so that reading it never overflows and the field reader names it.
    """


HUGE_NUMBER_DIGITS = 30  # far more than any clinical number; int() of 4,300+ digits raises, 309+ overflow float


def parse_json_int(text: str) -> int | HugeNumber:
    """The `parse_int` of the JSON reader: a number too long for any field stays text."""
    return int(text) if len(text) <= HUGE_NUMBER_DIGITS else HugeNumber(text)


def parse_json_float(text: str) -> float | HugeNumber:
    """The `parse_float` of the JSON reader: 1e400 is not infinity but a number out of every range."""
    value = float(text)
    return value if math.isfinite(value) else HugeNumber(text)


EXCERPT_CHARACTERS = 40
_SURROGATE = re.compile("[\ud800-\udfff]")


def _escape_surrogates(text: str) -> str:
    """A lone surrogate cannot be written as UTF-8 at all: shown as its JSON escape."""
    return _SURROGATE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def _shortened(text: str) -> tuple[str, str]:
    """The start of a long text and a note of its length; a short text whole, with no note."""
    if len(text) <= EXCERPT_CHARACTERS + 20:
        return text, ""
    return text[:EXCERPT_CHARACTERS] + "...", f" ({len(text)} characters)"


def excerpt(text: str) -> str:
    """Text from the input as an error message quotes it: at most a short start, lone surrogates escaped.

    Control characters are escaped where a message is shown (render/plain.py).
    """
    shown, note = _shortened(text)
    return _escape_surrogates(shown) + note


def refuse_lone_surrogates(value: object, path: str = "") -> None:
    """Refuse text holding half of a UTF-16 surrogate pair ("\ud800" in JSON, or bytes that are not
    UTF-8 in a command-line argument): it is not a character and cannot be written out as UTF-8."""
    if isinstance(value, str):
        found = _SURROGATE.search(value)
        if found:
            raise InvalidCase(path or "case", f"{describe(value)} holds a lone surrogate "
                              f"(\\u{ord(found.group()):04x}), which is not a character; give the text as UTF-8")
    elif isinstance(value, dict):
        for key, item in value.items():
            child = f"{path}.{excerpt(key)}" if path else excerpt(key)
            if _SURROGATE.search(key):
                raise InvalidCase(child, f"the field name holds a lone surrogate "
                                  f"(\\u{ord(_SURROGATE.findall(key)[0]):04x}), which is not a character")
            refuse_lone_surrogates(item, child)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            refuse_lone_surrogates(item, f"{path}[{index}]")


def describe(value: object) -> str:
    """A short, safe rendering of a bad value for an error message, in JSON's terms."""
    if isinstance(value, NonFinite):  # NaN, Infinity, or a huge number as written
        return excerpt(str(value))
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        return "an object" if isinstance(value, dict) else "a list"
    if isinstance(value, str):
        shown, note = _shortened(value)
        return _escape_surrogates(json.dumps(shown, ensure_ascii=False)) + note
    return excerpt(repr(value))


def did_you_mean(value: str, choices: Iterable[str]) -> str | None:
    choices = list(choices)
    if len(value) > 2 * max((len(choice) for choice in choices), default=0):
        return None  # far longer than every known name: nothing is close, and the search would be costly
    import difflib  # only when a value is wrong: reading a valid case does not need it

    close = difflib.get_close_matches(value.casefold(), choices, n=1, cutoff=0.6)
    return f"did you mean {close[0]!r}?" if close else None


class Problems:
    """The problems of one case, collected so that a single reading reports them all."""

    def __init__(self) -> None:
        self.found: list[InvalidCase] = []

    def read(self, reader: Callable[[], T]) -> T | None:
        """The value `reader` gives, or None with its problem noted."""
        try:
            return reader()
        except InvalidCase as problem:
            self.found.append(problem)
            return None

    def add(self, problem: InvalidCase) -> None:
        self.found.append(problem)

    def raise_any(self, key_order: Sequence[str] = (), where: str = "") -> None:
        """Raise what was found: in the order of `key_order` (the keys of the object at `where`, as the JSON
        gave them), then the rest."""
        if not self.found:
            return
        rank = {key: index for index, key in enumerate(key_order)}
        found = sorted(self.found, key=lambda p: rank.get(_key_under(p.field, where), len(rank)))
        raise found[0] if len(found) == 1 else InvalidCases(found)


def _key_under(field: str, where: str) -> str:
    """The key of the object at `where` that a field path such as treatments[0].setting lies under."""
    inner = field.removeprefix(f"{where}.") if where else field
    return inner.split(".", 1)[0].split("[", 1)[0]


def reject_unknown_keys(data: Mapping[str, Any], known: Sequence[str], where: str) -> None:
    if _as_set(tuple(known)).issuperset(data):
        return
    problems = Problems()
    for key in data:
        if key not in known:
            shown = excerpt(str(key))
            field = f"{where}.{shown}" if where else shown
            problems.add(InvalidCase(field, "unknown field", known, did_you_mean(str(key), known)))
    problems.raise_any()


@functools.cache
def _as_set(names: tuple[str, ...]) -> frozenset[str]:
    """The field names of an object, as a set: every object read asks whether its keys are all among them."""
    return frozenset(names)


def read_fields(value: object, known: Sequence[str], where: str) -> dict[str, Any]:
    """An object's fields, unknown names refused; a field given as null is a field not given.

    One rule for null everywhere (docs/case-format.md): exporters write null for "not recorded",
    and a required field given as null is reported as required.
    """
    obj = read_object(value, where or "case")
    reject_unknown_keys(obj, known, where)
    return {key: item for key, item in obj.items() if item is not None}


def given_fields(value: object, known: Sequence[str], where: str, problems: Problems) -> dict[str, Any]:
    """`read_fields`, with unknown names added to `problems` rather than raised, so the rest is read too."""
    obj = read_object(value, where or "case")
    problems.read(lambda: reject_unknown_keys(obj, known, where))
    return {key: item for key, item in obj.items() if item is not None}


def read_object(value: object, field: str) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        raise InvalidCase(field, f"expected an object, got {describe(value)}")
    return value


def read_list(value: object, field: str, max_items: int | None = None) -> list[Any]:
    if not isinstance(value, list):
        raise InvalidCase(field, f"expected a list, got {describe(value)}")
    if max_items is not None and len(value) > max_items:
        raise InvalidCase(field, f"{len(value)} entries is more than a case holds", f"at most {max_items}")
    return value


def read_str(value: object, field: str) -> str:
    if not isinstance(value, str) or isinstance(value, NonFinite):
        raise InvalidCase(field, f"expected a string, got {describe(value)}")
    return value


def read_bool(value: object, field: str) -> bool:
    if not isinstance(value, bool):
        raise InvalidCase(field, f"expected true or false, got {describe(value)}")
    return value


def enum_key(text: str) -> str:
    """How an enum value is looked up: case-blind, '-' and '_' and spaces alike (De-Novo is de_novo)."""
    return "_".join(text.strip().casefold().replace("-", " ").replace("_", " ").split())


def read_enum(value: object, kind: type[E], field: str, allowed: Sequence[E] | None = None) -> E:
    members: dict[object, E] = _members_by_value(kind)
    member = (members.get(value) or members.get(enum_key(value))) if isinstance(value, str) else None
    if member is None or (allowed is not None and member not in allowed):
        choices = [m.value for m in (allowed if allowed is not None else _members(kind))]
        hint = did_you_mean(enum_key(value), choices) if isinstance(value, str) else None
        raise InvalidCase(field, f"{describe(value)} is not a known value", choices, hint)
    return member


@functools.cache
def _members_by_value(kind: type[E]) -> dict[object, E]:
    return {**{member.value: member for member in kind}, **{enum_key(str(member.value)): member for member in kind}}


def _members(kind: type[E]) -> list[E]:
    return list(kind)


def read_number(value: object, field: str, low: float, high: float, unit: str = "") -> float:
    if isinstance(value, HugeNumber):
        raise InvalidCase(field, f"{describe(value)} is out of range", f"{low:g} to {high:g}{unit}")
    if isinstance(value, NonFinite):
        raise InvalidCase(field, f"{value} is not a finite number", f"{low:g} to {high:g}{unit}")
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InvalidCase(field, f"expected a number, got {describe(value)}")
    if isinstance(value, int) and not low <= value <= high:  # before isfinite, which overflows on a huge int
        raise InvalidCase(field, f"{describe(value)} is out of range", f"{low:g} to {high:g}{unit}")
    if not math.isfinite(value):
        raise InvalidCase(field, f"{value} is not a finite number", f"{low:g} to {high:g}{unit}")
    if not low <= value <= high:
        raise InvalidCase(field, f"{describe(value)} is out of range", f"{low:g} to {high:g}{unit}")
    return float(value)


def read_int(value: object, field: str, low: int, high: int) -> int:
    if isinstance(value, HugeNumber) and value.lstrip("-").isdigit():
        raise InvalidCase(field, f"{describe(value)} is out of range", f"{low} to {high}")
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidCase(field, f"expected a whole number, got {describe(value)}")
    if not low <= value <= high:
        raise InvalidCase(field, f"{describe(value)} is out of range", f"{low} to {high}")
    return value


def read_enum_list(value: object, kind: type[E], field: str, allowed: Sequence[E] | None = None) -> tuple[E, ...]:
    items = read_list(value, field)
    members = read_each(items, lambda item, where: read_enum(item, kind, where, allowed), field)
    return tuple(dict.fromkeys(members))


def read_each(items: Sequence[Any], reader: Callable[[Any, str], T], field: str) -> list[T]:
    """Every item read (`reader(item, "field[i]")`), or the problems of every item raised together."""
    try:
        return [reader(item, f"{field}[{index}]") for index, item in enumerate(items)]
    except InvalidCase:
        pass  # read them again, collecting each item's problem (only ever on bad input)
    problems = Problems()
    for index, item in enumerate(items):
        problems.read(functools.partial(reader, item, f"{field}[{index}]"))
    problems.raise_any()
    raise AssertionError("unreachable: an item failed above")

"""Reading a case: JSON from a file or standard input, command-line flags, or both."""

from __future__ import annotations

import json
import os
import re
import stat
import sys
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any, BinaryIO

from attrs import frozen

from her2nav.case import BrainStatus, Outcome, Setting, SiteName, Symptom
from her2nav.errors import InvalidCase
from her2nav.fields import (
    NonFinite,
    Problems,
    did_you_mean,
    enum_key,
    excerpt,
    parse_json_float,
    parse_json_int,
    refuse_lone_surrogates,
)

MAX_INPUT_BYTES = 5 * 1024 * 1024  # a case is a few kilobytes; anything this large is a mistake


class _RepeatedKey(Exception):
    """A JSON object gave a key twice; raised while parsing, before its place is known."""


def _object_without_repeats(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object; a key given twice is refused, since one of its two values would be lost silently."""
    obj = dict(pairs)
    if len(obj) != len(pairs):
        raise _RepeatedKey
    return obj


class _ObjectWithRepeatedKey(dict[str, Any]):
    """An object in which `key` was given twice: built only to find where in the case it is."""

    def __init__(self, pairs: list[tuple[str, Any]], key: str) -> None:
        super().__init__(pairs)
        self.key = key


def _mark_repeats(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: set[str] = set()
    for key, _ in pairs:
        if key in seen:
            return _ObjectWithRepeatedKey(pairs, key)
        seen.add(key)
    return dict(pairs)


def _repeated_key_path(value: object, path: str = "") -> str | None:
    """Where the first key given twice is, as a field path such as sites[0].site."""
    if isinstance(value, _ObjectWithRepeatedKey):
        return f"{path}.{value.key}" if path else value.key
    children: Iterator[tuple[str, object]] = iter(())
    if isinstance(value, dict):
        children = ((f"{path}.{key}" if path else key, item) for key, item in value.items())
    elif isinstance(value, list):
        children = ((f"{path}[{index}]", item) for index, item in enumerate(value))
    return next((found for child_path, item in children if (found := _repeated_key_path(item, child_path))), None)


def parse_json_text(text: str | bytes, source: str) -> object:
    """Parse one JSON value, turning every failure into an InvalidCase naming the source."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise InvalidCase(source, f"not valid UTF-8 text (byte {error.start})") from None
    if not text.strip():
        raise InvalidCase(source, "empty input: expected a JSON object")
    try:
        value = json.loads(text, parse_constant=NonFinite, parse_int=parse_json_int, parse_float=parse_json_float,
                           object_pairs_hook=_object_without_repeats)
    except json.JSONDecodeError as error:
        raise InvalidCase(source, f"not valid JSON: {error.msg} at line {error.lineno} column {error.colno}") from None
    except RecursionError:
        raise InvalidCase(source, "JSON nested too deeply") from None
    except _RepeatedKey:
        raise InvalidCase(_where_repeated(text, source), "given twice in the same object; give it once") from None
    if _MAY_HOLD_SURROGATE.search(text):
        refuse_lone_surrogates(value)
    return value


# A lone surrogate comes from a \uD800-\uDFFF escape (or text handed over already decoded): only
# text that may hold one is searched further.
_MAY_HOLD_SURROGATE = re.compile(r"\\u[dD][89abcdefABCDEF]|[\ud800-\udfff]")


def _where_repeated(text: str, source: str) -> str:
    """The field path of the key given twice, found by parsing again with marks instead of refusal.

    Only ever on that error path; the source is named instead if the text is too deeply nested.
    The first reading stopped at the repeated key: text after it may still make the whole
    input bad JSON, which is then the error to report.
    """
    try:
        marked = json.loads(text, parse_constant=NonFinite, parse_int=parse_json_int,
                            parse_float=parse_json_float, object_pairs_hook=_mark_repeats)
        return _repeated_key_path(marked) or source
    except RecursionError:
        return source
    except json.JSONDecodeError as error:
        raise InvalidCase(source, f"not valid JSON: {error.msg} at line {error.lineno} column {error.colno}") from None


def read_case_source(path: str, stdin: BinaryIO | None = None) -> object:
    """The parsed JSON of a case file, or of standard input for '-'."""
    if path == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = stream.read(MAX_INPUT_BYTES + 1)
        source = "standard input"
    else:
        data = _read_file(Path(path))
        source = path
    if len(data) > MAX_INPUT_BYTES:
        raise InvalidCase(source, f"larger than {MAX_INPUT_BYTES // (1024 * 1024)} MB: not a case file")
    return parse_json_text(data, source)


def _read_file(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(MAX_INPUT_BYTES + 1)
    except FileNotFoundError:
        raise InvalidCase(str(path), "no such file") from None
    except IsADirectoryError:
        raise InvalidCase(str(path), "is a directory, not a case file") from None
    except OSError as error:
        raise InvalidCase(str(path), f"cannot be read: {error.strerror}") from None


@contextmanager
def open_cases(path: str, stdin: BinaryIO, field: str = "CASES") -> Iterator[tuple[BinaryIO, int | None]]:
    """A byte stream of a JSON Lines file, or of standard input for '-', with its size when known."""
    if path == "-":
        yield stdin, _regular_file_size(stdin)
        return
    try:
        handle = Path(path).open("rb")  # noqa: SIM115 (closed by the with below, outside the error mapping)
    except FileNotFoundError:
        raise InvalidCase(field, f"{path}: no such file") from None
    except IsADirectoryError:
        raise InvalidCase(field, f"{path}: is a directory, not a file of cases") from None
    except OSError as error:
        raise InvalidCase(field, f"{path}: cannot be read: {error.strerror}") from None
    with handle:
        yield handle, _regular_file_size(handle)


def _regular_file_size(stream: BinaryIO) -> int | None:
    """The size of a regular file (for a progress bar); None for a pipe, a terminal or memory."""
    try:
        status = os.fstat(stream.fileno())
    except (OSError, ValueError, AttributeError):
        return None
    return status.st_size if stat.S_ISREG(status.st_mode) else None


@frozen
class CaseFlags:
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

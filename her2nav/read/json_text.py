"""JSON text into values: every failure an InvalidCase naming the source, a key given twice refused."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from her2nav.errors import InvalidCase
from her2nav.fields import NonFinite, parse_json_float, parse_json_int, refuse_lone_surrogates


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

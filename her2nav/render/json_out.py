"""The result object of the contract, as JSON text (never through Rich).

The object is `contract.result_to_dict` (contract.py holds the shape); `render_json` prints
it for a person (indented) and `compact_json` writes it as one batch line. Many entries of a result recur from case to
case (the same option for the same facts, the same studies), so `compact_json` encodes
each distinct entry once and reuses its text: the line is byte for byte what
`compact(result_to_dict(result))` gives. Non-ASCII text is kept, except characters that
would be invisible or misleading where the JSON is read, which are escaped.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import cache, lru_cache
from typing import Any, TypeVar

from her2nav.contract import ReferenceMode, entry_lists, head, result_to_dict, tail
from her2nav.result import Result

T = TypeVar("T")

# Distinct entries remembered per kind: enough for the options of a whole clinic list, and a
# bound on memory however many cases a batch holds.
_ENCODED_ENTRIES_KEPT = 1024


# Characters that are valid raw in JSON strings but invisible or misleading where JSON is read:
# C1 controls (U+009B starts a terminal escape sequence), DEL, and direction marks and overrides
# (U+202E makes text read backwards). Escaped as \u and four hex digits, as ensure_ascii would
# write them, while other non-ASCII text (±, é, ≥) stays readable. The same set as render/plain.py.
_INVISIBLE = re.compile("[\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escape_invisible(text: str) -> str:
    """JSON text with the invisible characters escaped; they can only stand inside strings."""
    if not _INVISIBLE.search(text):
        return text
    return _INVISIBLE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def dumps(data: object) -> str:
    """Compact-safe, stable JSON: keys in our order, non-ASCII kept (invisible ones escaped), one line."""
    return _escape_invisible(json.dumps(data, ensure_ascii=False))


def render_json(result: Result, indent: int | None = 2) -> str:
    return _escape_invisible(json.dumps(result_to_dict(result), ensure_ascii=False, indent=indent))


# json.dumps(data, ensure_ascii=False, separators=(",", ":")), without building an encoder per call
_compact_encoder = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def compact(data: object) -> str:
    """One line of JSON without spaces, non-ASCII kept (invisible ones escaped): the form of a batch line."""
    return _escape_invisible(_compact_encoder.encode(data))


def compact_json(result: Result, references: ReferenceMode = ReferenceMode.FULL) -> str:
    """`compact(result_to_dict(result, references))`, with each recurring entry encoded once per process.

    Compact JSON has no indentation, so an entry's text does not depend on where it stands
    and the encoded entries can be joined into the lists as they are.
    """
    parts = [compact(head(result)).removesuffix("}")]
    for key, entries, to_json in entry_lists(result, references):
        parts += [",", compact(key), ":[", ",".join(map(_encoder(to_json), entries)), "]"]
    parts += [",", compact(tail(result)).removeprefix("{")]
    return "".join(parts)


@cache
def _encoder(to_json: Callable[[T], Any]) -> Callable[[T], str]:
    """The compact text of one kind of entry, remembered for the most recent distinct entries."""

    @lru_cache(maxsize=_ENCODED_ENTRIES_KEPT)
    def encode(entry: T) -> str:
        return compact(to_json(entry))

    return encode

"""A batch result line as UTF-8 bytes, written with orjson: the quick form of `compact_json`.

The bytes are exactly `compact_json(result)` encoded as UTF-8, with the line separators
escaped as `batch.one_line` escapes them. orjson writes strings, integers, booleans and
null as the standard library does (non-ASCII kept, the same escapes); it writes some floats
differently (1e-05 as 0.00001), so a case holding such a number is written by the standard
library instead. Each recurring entry (option, action, trace step, study) is encoded once
and spliced in as it is, as `compact_json` does.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache, lru_cache
from typing import Any, TypeVar

import orjson

from her2nav.case import Case
from her2nav.render.json_out import _ENCODED_ENTRIES_KEPT, _entry_lists, _head, compact
from her2nav.result import Result

T = TypeVar("T")

# Floats that orjson and Python's repr write alike: repr turns to exponents outside this range.
_SAME_FLOATS_FROM = 1e-4
_SAME_FLOATS_BELOW = 1e16
# JSON allows these raw inside strings, but many line readers break a line at them (see batch.one_line).
_LINE_SEPARATORS = ((b"\xc2\x85", b"\\u0085"), (b"\xe2\x80\xa8", b"\\u2028"), (b"\xe2\x80\xa9", b"\\u2029"))


def result_line(result: Result) -> bytes:
    """`one_line(compact_json(result)).encode()`, without a newline."""
    head = _head(result)
    parts = [_one_line(_encode(head) if numbers_written_alike(result.case) else compact(head).encode())[:-1]]
    for key, entries, to_json in _entry_lists(result):  # the head's closing brace dropped: the lists follow
        parts += [b',"', key.encode(), b'":[', b",".join(map(_encoder(to_json), entries)), b"]"]
    parts.append(b"}")
    return b"".join(parts)


def numbers_written_alike(case: Case) -> bool:
    """No number of the case that orjson would write differently from the standard library.

    These are the case's only float fields (a test checks): the rest of the result is text,
    integers, booleans and null.
    """
    numbers = (case.lvef, case.creatinine_clearance, *(t.months_to_recurrence for t in case.treatments))
    return all(n is None or n == 0 or _SAME_FLOATS_FROM <= abs(n) < _SAME_FLOATS_BELOW for n in numbers)


def _encode(data: object) -> bytes:
    try:
        return orjson.dumps(data)
    except orjson.JSONEncodeError:  # what orjson refuses (an integer beyond 64 bits): as the standard library writes it
        return compact(data).encode()


def _one_line(data: bytes) -> bytes:
    for raw, escaped in _LINE_SEPARATORS:
        if raw in data:
            data = data.replace(raw, escaped)
    return data


@cache
def _encoder(to_json: Callable[[T], Any]) -> Callable[[T], bytes]:
    """The bytes of one kind of entry, remembered for the most recent distinct entries."""

    @lru_cache(maxsize=_ENCODED_ENTRIES_KEPT)
    def encode(entry: T) -> bytes:
        return _one_line(_encode(to_json(entry)))

    return encode

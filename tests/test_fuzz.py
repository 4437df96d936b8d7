"""Bounded fuzzing of the parser and the command line (fuzz/target.py); scripts/fuzz.sh runs it longer.

Sources of input: arbitrary bytes, arbitrary JSON values, and shipped example cases broken in one
place (a field dropped, replaced by a random value, renamed, or the text cut short); and what the
second hostile-input round found (issue 15): lone surrogate escapes, huge numbers, long lists, float
flags with nan and inf, and output to a full disk. Every one must end in exit 0 with a whole result,
or exit 2 or 3 with one message and no output (exit 1 with a message for a failed write).
"""

from __future__ import annotations

import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fuzz.target import check, check_flags, check_write_failure
from tests.clirun import example_lines

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
EXAMPLES = [json.loads(line) for line in example_lines()]

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=12,
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a JSON value, as a path of keys and indexes."""
    places = [prefix]
    if isinstance(value, dict):
        for key, child in value.items():
            places += _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            places += _paths(child, (*prefix, index))
    return places


def _replace(value: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    copy = dict(value) if isinstance(value, dict) else list(value)
    copy[path[0]] = _replace(value[path[0]], path[1:], new)
    return copy


def _drop(value: Any, path: tuple[Any, ...]) -> Any:
    if len(path) == 1:
        copy = dict(value) if isinstance(value, dict) else list(value)
        del copy[path[0]]
        return copy
    return _replace(value, path[:1], _drop(value[path[0]], path[1:]))


def _rename(value: Any, path: tuple[Any, ...], new_key: str) -> Any:
    parent = value
    for step in path[:-1]:
        parent = parent[step]
    renamed = {new_key if key == path[-1] else key: child for key, child in parent.items()}
    return _replace(value, path[:-1], renamed)


@st.composite
def broken_example(draw: st.DrawFn) -> bytes:
    case = draw(st.sampled_from(EXAMPLES))
    path = draw(st.sampled_from(_paths(case)[1:]))
    how = draw(st.sampled_from(["replace", "drop", "rename", "truncate"]))
    if how == "replace":
        case = _replace(case, path, draw(json_values))
    elif how == "drop":
        case = _drop(case, path)
    elif how == "rename" and isinstance(path[-1], str):
        case = _rename(case, path, draw(st.text(min_size=1, max_size=12)))
    text = json.dumps(case)
    if how == "truncate":
        return text[: draw(st.integers(0, len(text)))].encode()
    return text.encode()


@FUZZ
@given(st.binary(max_size=300))
def test_any_bytes_end_cleanly(data: bytes) -> None:
    check(data)


@FUZZ
@given(json_values)
def test_any_json_value_ends_cleanly(value: Any) -> None:
    check(json.dumps(value).encode())


@FUZZ
@given(broken_example())
def test_an_example_broken_in_one_place_ends_cleanly(data: bytes) -> None:
    check(data)


@FUZZ
@given(st.lists(broken_example(), min_size=1, max_size=4))
def test_a_batch_of_broken_examples_ends_cleanly_line_for_line(lines: list[bytes]) -> None:
    check(b"\n".join(line.replace(b"\n", b" ") for line in lines))


# ---------------------------------------------------------------- what the second round found (issue 15)

lone_surrogate = st.integers(0xD800, 0xDFFF).map(lambda code: f"\\u{code:04x}")
huge_number = st.one_of(st.integers(31, 5000).map(lambda digits: "9" * digits),
                        st.integers(309, 400).map(lambda exponent: f"1e{exponent}"),
                        st.sampled_from(["-" + "9" * 400, "9" * 4301, "0." + "0" * 400 + "1"]))


@st.composite
def example_with_raw_value(draw: st.DrawFn) -> bytes:
    """An example case with one value replaced by raw JSON text: a string holding a lone surrogate
    escape, or a number too long for any field."""
    case = draw(st.sampled_from(EXAMPLES))
    path = draw(st.sampled_from(_paths(case)[1:]))
    marker = "__RAW__"
    text = json.dumps(_replace(case, path, marker))
    if draw(st.booleans()):
        raw = '"' + draw(st.text(max_size=3)).replace('"', "").replace("\\", "") + draw(lone_surrogate) + '"'
    else:
        raw = draw(huge_number)
    return text.replace(f'"{marker}"', raw).encode()


@FUZZ
@given(example_with_raw_value())
def test_lone_surrogates_and_huge_numbers_end_cleanly(data: bytes) -> None:
    check(data)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(EXAMPLES), st.sampled_from(["sites", "treatments"]), st.integers(90, 130))
def test_long_lists_end_cleanly(case: dict[str, Any], key: str, length: int) -> None:
    entry = {"site": "bone", "lesions": 2} if key == "sites" else {"drugs": ["zoledronic acid"],
                                                                   "setting": "metastatic"}
    check(json.dumps({**case, key: [entry] * length}).encode())


float_words = st.one_of(st.sampled_from(["nan", "NaN", "-nan", "inf", "-inf", "Infinity", "1e999", "-0", "0x1p3",
                                         "1_2", "", " 7", "٣", "²"]),
                        st.floats().map(repr), st.text(max_size=6))


@FUZZ
@given(st.sampled_from(["--early-relapse-months", "--lvef", "--creatinine-clearance", "--ecog"]), float_words)
def test_number_flags_with_any_text_end_cleanly(flag: str, value: str) -> None:
    check_flags([flag, value])


@FUZZ
@given(st.sampled_from(["lvef", "months", "lesions"]), float_words)
def test_numbers_inside_list_flags_end_cleanly(where: str, value: str) -> None:
    flags = {"lvef": ["--lvef", value], "months": ["--treatment", f"trastuzumab:adjuvant:recurred={value}"],
             "lesions": ["--site", f"liver:{value}"]}
    check_flags(flags[where])


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from([["recommend", "-", "--format", "json"], ["recommend", "-", "--format", "markdown"],
                        ["recommend", "-"], ["batch", "-"], ["batch", "-", "--format", "markdown"],
                        ["references"], ["--version"]]),
       st.sampled_from(EXAMPLES))
def test_a_full_disk_is_a_failed_write_for_every_command(args: list[str], case: dict[str, Any]) -> None:
    check_write_failure(args, json.dumps(case).encode())

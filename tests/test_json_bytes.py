"""Batch lines written as bytes with orjson are the plain encoding of the result, byte for byte."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from her2nav.batch import json_line, json_line_bytes
from her2nav.case import Case
from her2nav.navigate import Settings, navigate
from her2nav.render.json_bytes import result_line
from her2nav.render.json_out import result_to_dict
from her2nav.result import Result
from tests.conftest import case_mapping as fixed_case
from tests.test_properties import PROPERTY_SETTINGS, case_mapping, navigator_settings

EXAMPLES = sorted((Path(__file__).parent.parent / "examples").glob("*.json"))


def _plain(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()


def _result(**changes: Any) -> Result:
    return navigate(Case.from_mapping(fixed_case(**changes)))


def test_every_example_line_is_the_plain_encoding_of_its_result_object() -> None:
    for path in EXAMPLES:
        result = navigate(Case.from_mapping(json.loads(path.read_text(encoding="utf-8"))))
        first, again = result_line(result), result_line(result)  # the second from remembered entries
        assert first == again == _plain(result_to_dict(result)), path.name


@pytest.mark.parametrize("clearance", [0.00001, 2.5e-05, 0.0001, 12.25, 249.99999999999997])
def test_numbers_orjson_writes_differently_are_written_as_the_standard_library_does(clearance: float) -> None:
    result = _result(creatinine_clearance=clearance)
    assert result_line(result) == _plain(result_to_dict(result))


def test_line_separators_in_a_case_are_escaped_as_in_a_text_line() -> None:
    result = _result(id="board\u2028one\x85two\u2029")
    line = result_line(result)
    assert b"\\u2028" in line and b"\\u0085" in line and b"\\u2029" in line
    assert line + b"\n" == (json_line(result) + "\n").encode() == json_line_bytes(result)


@PROPERTY_SETTINGS
@given(case_mapping(), navigator_settings, st.floats(0, 250, allow_nan=False))
def test_any_case_line_is_the_text_line_as_utf8(mapping: dict[str, Any], config: Settings, clearance: float) -> None:
    result = navigate(Case.from_mapping({**mapping, "creatinine_clearance": clearance}), config)
    assert json_line_bytes(result) == (json_line(result) + "\n").encode()


def test_the_float_fields_checked_are_every_float_field_of_a_case() -> None:
    # numbers_written_alike names the fields a case echoes as floats; a new one must be added there.
    import attrs

    from her2nav import case as case_module

    float_fields = {(cls.__name__, attribute.name)
                    for cls in vars(case_module).values() if attrs.has(cls) and cls.__module__ == case_module.__name__
                    for attribute in attrs.fields(cls) if "float" in str(attribute.type)}
    assert float_fields == {("Case", "lvef"), ("Case", "creatinine_clearance"), ("Treatment", "months_to_recurrence")}


@pytest.mark.parametrize("encoding", ["utf-8", "latin-1"])
def test_the_writer_gives_the_text_lines_whatever_the_stream(encoding: str) -> None:
    # A UTF-8 stream takes the bytes directly; any other goes through its text layer, as before.
    import io

    from her2nav.batch import JsonLinesWriter

    result = _result(id="board-12 café, ≥ 2 lines")
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding=encoding, errors="backslashreplace", newline="")
    stream.write("before\n")
    writer = JsonLinesWriter(stream)
    writer.write(result, 1)
    writer.close()
    expected = io.BytesIO()
    plain = io.TextIOWrapper(expected, encoding=encoding, errors="backslashreplace", newline="")
    plain.write("before\n" + json_line(result) + "\n")
    plain.flush()
    assert raw.getvalue() == expected.getvalue()

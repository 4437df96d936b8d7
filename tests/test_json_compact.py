"""A batch line reuses the encoded text of recurring entries: it must stay the plain encoding, byte for byte."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hypothesis import given

from her2nav.case import Case
from her2nav.contract import result_to_dict
from her2nav.navigate import Settings, navigate
from her2nav.render.json_out import compact_json
from tests.test_properties import PROPERTY_SETTINGS, case_mapping, navigator_settings

EXAMPLES = sorted((Path(__file__).parent.parent / "examples").glob("*.json"))


# Escaped as ensure_ascii would: C1 controls, DEL, direction marks and overrides (issue 15).
INVISIBLE = {*map(chr, range(0x7F, 0xA0)), "\u200e", "\u200f", *map(chr, range(0x202A, 0x202F)),
             *map(chr, range(0x2066, 0x206A))}


def _plain(data: Any) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return "".join(json.dumps(char)[1:-1] if char in INVISIBLE else char for char in text)


def test_every_example_line_is_the_plain_encoding_of_its_result_object() -> None:
    for path in EXAMPLES:
        result = navigate(Case.from_mapping(json.loads(path.read_text(encoding="utf-8"))))
        first, again = compact_json(result), compact_json(result)  # the second from remembered entries
        assert first == again == _plain(result_to_dict(result)), path.name


@PROPERTY_SETTINGS
@given(case_mapping(), navigator_settings)
def test_any_case_line_is_the_plain_encoding_of_its_result_object(mapping: dict[str, Any], config: Settings) -> None:
    result = navigate(Case.from_mapping(mapping), config)
    line = compact_json(result)
    assert line == _plain(result_to_dict(result))
    assert json.loads(line) == result_to_dict(result)

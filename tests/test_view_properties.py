"""Invariants of the terminal view and the HTML handout over every valid case (the strategy of
tests/test_properties.py): nothing wider than the terminal, no trailing spaces, nothing cut short, anything urgent
before the options, every evidence label printed whole, and a page that always parses."""

from __future__ import annotations

import io
import re
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.console import Console

from her2nav.case import Case
from her2nav.navigate import navigate
from her2nav.render.html import render_html
from her2nav.render.table import render_table
from her2nav.result import ActionKind
from tests.conftest import property_examples
from tests.test_html import Page
from tests.test_properties import case_mapping

VIEW_SETTINGS = settings(max_examples=property_examples(80), deadline=None,
                         suppress_health_check=[HealthCheck.too_slow])


def _flat(text: str) -> str:
    return " ".join(text.replace("│", " ").split())


@VIEW_SETTINGS
@given(case_mapping(), st.sampled_from([60, 80, 100, 200]), st.booleans())
def test_the_view_fits_the_width_and_keeps_what_matters(mapping: dict[str, Any], width: int, details: bool) -> None:
    result = navigate(Case.from_mapping(mapping))
    buffer = io.StringIO()
    render_table(result, Console(file=buffer, width=width, color_system=None), details=details)
    text = buffer.getvalue()
    assert max(len(line) for line in text.splitlines()) <= width
    assert [line for line in text.splitlines() if line.endswith(" ")] == []  # no padding carried into files
    assert "…" not in text
    flat = _flat(text)
    options_start = flat.index("Systemic options")
    for action in result.actions:
        where = flat.find(_flat(action.text))
        assert where != -1
        if action.kind is ActionKind.URGENT:
            assert where < options_start
    for ref_id in {ref for option in [*result.systemic, *result.site_specific] for ref in option.evidence}:
        assert re.search(rf"(?<![\w-]){re.escape(ref_id)}(?![\w-])", text), ref_id


@VIEW_SETTINGS
@given(case_mapping(), st.text(max_size=40))
def test_the_html_page_always_parses_with_one_section(mapping: dict[str, Any], case_id: str) -> None:
    result = navigate(Case.from_mapping({**mapping, "id": case_id}))
    page = Page(render_html(result, prepared="2026-11-29"))
    assert page.sections == ["case"] and page.open_sections == 0
    assert "script" not in page.tags

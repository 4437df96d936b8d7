"""The site-specific section of the outputs: the table groups by site, urgent actions come first; JSON
carries every entry and action as the contract names them."""

from __future__ import annotations

import io

from rich.console import Console

from her2nav.contract import result_to_dict
from her2nav.render.table import render_table
from tests.conftest import run

CASE = {
    "presentation": "recurrence",
    "sites": [
        {"site": "brain", "lesions": 1, "status": "untreated", "symptoms": ["neurologic"]},
        {"site": "bone", "lesions": 3, "symptoms": ["pain"]},
        {"site": "liver", "lesions": 9, "symptoms": ["ascites"]},
    ],
    "primary_tumor": {"intact": True, "symptoms": ["bleeding"]},
}


def _table_text() -> str:
    buffer = io.StringIO()
    render_table(run(**CASE), Console(file=buffer, width=220, color_system=None))
    return buffer.getvalue()


def test_table_groups_entries_by_site_in_the_case_order() -> None:
    text = _table_text()
    section = text[text.index("Site-specific options"):text.index("Other actions")]
    site_cells = [line.split("│")[1].strip() for line in section.splitlines()
                  if line.startswith("│") and line.split("│")[1].strip()]
    assert site_cells == ["brain", "bone", "liver", "primary tumor"]


def test_urgent_actions_come_before_the_options_and_the_other_actions_after() -> None:
    text = _table_text()
    assert text.index("URGENT") < text.index("Systemic options")
    assert text.index("Site-specific options") < text.index("Other actions") < text.index("rebiopsy:")


def test_json_fills_site_specific_and_actions_with_the_contract_fields() -> None:
    out = result_to_dict(run(**CASE))
    assert {o["site"] for o in out["site_specific"]} == {"brain", "bone", "liver", "primary"}
    for option in out["site_specific"]:
        assert set(option) == {"key", "site", "intervention", "modality", "tier", "rationale", "evidence", "cautions",
                               "caution_codes"}
    assert out["actions"][0]["kind"] == "urgent"
    cited = {ref for o in out["site_specific"] for ref in o["evidence"]}
    assert cited <= {ref["id"] for ref in out["references"]}

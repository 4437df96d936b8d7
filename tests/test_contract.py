"""The contract's shape lives in one module, and input and output each carry their own schema version."""

from __future__ import annotations

import her2nav
from her2nav.case import CASE_SCHEMA_VERSION, READABLE_SCHEMA_VERSIONS
from her2nav.contract import RESULT_SCHEMA_VERSION, to_dict
from her2nav.navigate import navigate
from her2nav.schemas import load_schema
from tests.clirun import EXAMPLES, run_cli

EXAMPLE = EXAMPLES / "second-line-after-thp.json"


def test_the_result_schema_names_the_version_results_are_written_in() -> None:
    assert load_schema("result")["$defs"]["schema_version"]["const"] == RESULT_SCHEMA_VERSION


def test_the_case_schema_accepts_exactly_the_versions_a_case_may_give() -> None:
    assert load_schema("case")["properties"]["schema_version"]["enum"] == list(READABLE_SCHEMA_VERSIONS)
    assert CASE_SCHEMA_VERSION in READABLE_SCHEMA_VERSIONS


def test_a_result_says_its_own_version_and_echoes_the_case_in_the_case_version() -> None:
    result = to_dict(navigate(her2nav.load_case(EXAMPLE)))
    assert result["schema_version"] == RESULT_SCHEMA_VERSION
    assert result["case"]["schema_version"] == CASE_SCHEMA_VERSION


def test_the_references_document_is_written_in_the_result_version() -> None:
    assert run_cli("references", "--format", "json").json()["schema_version"] == RESULT_SCHEMA_VERSION


def test_the_package_exports_to_dict_as_the_command_uses_it() -> None:
    assert "to_dict" in her2nav.__all__
    assert her2nav.to_dict(navigate(her2nav.load_case(EXAMPLE))) == run_cli(
        "recommend", str(EXAMPLE), "--format", "json").json()

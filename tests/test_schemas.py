"""The JSON Schemas shipped in the package describe what the program reads and writes.

Every example case and every expected result validates; so do the results the navigator
gives for generated cases (hypothesis) and every batch line, good or bad. A broken object
is rejected, and the schemas' enums are the program's own.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from her2nav.api import navigate_record
from her2nav.case import SYMPTOMS_BY_SITE, Condition, Er, Her2, Outcome, Setting, SiteName, Symptom
from her2nav.knowledge.reference_model import SourceKind
from her2nav.navigate import Settings
from her2nav.result import CONCORDANCE_CATEGORIES, ActionKind, Modality, Tier
from her2nav.schemas import SCHEMA_NAMES, load_schema, schema_text
from tests.clirun import EXAMPLES, run_cli
from tests.conftest import case_mapping as base_case
from tests.conftest import property_examples
from tests.test_properties import case_mapping, drug_name, navigator_settings

CASE = Draft202012Validator(load_schema("case"))
RESULT = Draft202012Validator(load_schema("result"))
CASES = sorted(EXAMPLES.glob("*.json"))
EXPECTED = sorted((EXAMPLES / "expected").glob("*.json"))


def _errors(validator: Draft202012Validator, data: Any) -> list[str]:
    return [f"{'/'.join(map(str, error.absolute_path))}: {error.message}" for error in validator.iter_errors(data)]


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_each_schema_is_a_valid_draft_2020_12_schema(name: str) -> None:
    schema = load_schema(name)
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_the_schema_command_prints_the_shipped_file(name: str) -> None:
    run = run_cli("schema", name)
    assert (run.code, run.stderr) == (0, "")
    assert run.stdout == schema_text(name) and json.loads(run.stdout) == load_schema(name)


def test_an_unknown_schema_name_exits_2() -> None:
    run = run_cli("schema", "results")
    assert run.code == 2 and "case" in run.stderr and "result" in run.stderr


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_every_example_case_is_valid(path: Path) -> None:
    assert _errors(CASE, json.loads(path.read_text(encoding="utf-8"))) == []


@pytest.mark.parametrize("path", EXPECTED, ids=[p.stem for p in EXPECTED])
def test_every_expected_result_is_valid(path: Path) -> None:
    assert _errors(RESULT, json.loads(path.read_text(encoding="utf-8"))) == []


def test_every_line_of_the_example_batch_is_valid_results_and_errors_alike() -> None:
    lines = run_cli("batch", str(EXAMPLES / "board.jsonl")).json_lines()
    assert {line["error"] is None for line in lines} == {True, False}
    assert [_errors(RESULT, line) for line in lines] == [[]] * len(lines)


def test_lines_with_reference_ids_are_valid() -> None:
    lines = run_cli("batch", str(EXAMPLES / "board.jsonl"), "--references", "ids").json_lines()
    assert [_errors(RESULT, line) for line in lines] == [[]] * len(lines)


@settings(max_examples=property_examples(100), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case_mapping(), navigator_settings, st.none() | st.lists(drug_name, min_size=1, max_size=4))
def test_every_generated_case_and_its_result_are_valid(mapping: dict[str, Any], config: Settings,
                                                       chosen: list[str] | None) -> None:
    if chosen is not None:
        mapping = {**mapping, "chosen": chosen}
    assert _errors(CASE, mapping) == []
    record = navigate_record(mapping, config)
    assert record["error"] is None
    assert _errors(RESULT, record) == []
    assert _errors(RESULT, navigate_record(mapping, config, references="ids")) == []


# ---------------------------------------------------------------- a broken object is rejected


def _result() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((EXAMPLES / "expected" / "second-line-after-thp.json").read_text())
    return data


def _broken(change: Any) -> dict[str, Any]:
    data = copy.deepcopy(_result())
    change(data)
    return data


BROKEN_RESULTS = {
    "a key left out": lambda d: d.pop("missing"),
    "a key nobody knows": lambda d: d.update(extra=1),
    "the line as a string": lambda d: d.update(line="2"),
    "a tier that is not a tier": lambda d: d["systemic"][0].update(tier="best"),
    "an option without its cautions": lambda d: d["systemic"][0].pop("cautions"),
    "a site without its status": lambda d: d["case"]["sites"][0].pop("status"),
    "a reference without its doi key": lambda d: d["references"][0].pop("doi"),
    "an error line that still has options": lambda d: d.update(error={"code": 2, "message": "m", "input_line": 1}),
    "a result with no case": lambda d: d.update(case=None),
}


@pytest.mark.parametrize("change", BROKEN_RESULTS.values(), ids=BROKEN_RESULTS.keys())
def test_a_broken_result_is_rejected(change: Any) -> None:
    assert _errors(RESULT, _result()) == []
    assert _errors(RESULT, _broken(change)) != []


BROKEN_CASES = {
    "no presentation": base_case(presentation=None) | {"presentation": None},
    "no HER2 at all": {k: v for k, v in base_case().items() if k != "her2_ihc"},
    "er left out with pr negative": {k: v for k, v in base_case().items() if k != "er"},
    "an unknown field": base_case(stage="IV"),
    "ecog out of range": base_case(ecog=7),
    "no site": base_case(sites=[]),
    "a liver symptom on bone": base_case(sites=[{"site": "bone", "symptoms": ["ascites"]}]),
    "a brain status on the liver": base_case(sites=[{"site": "liver", "status": "untreated"}]),
    "months to recurrence on a metastatic course": base_case(treatments=[
        {"drugs": ["THP"], "setting": "metastatic", "months_to_recurrence": 3}]),
    "an empty chosen treatment": base_case(chosen=[]),
}


@pytest.mark.parametrize("case", BROKEN_CASES.values(), ids=BROKEN_CASES.keys())
def test_a_broken_case_is_rejected_by_the_schema_and_by_the_program(case: dict[str, Any]) -> None:
    assert _errors(CASE, case) != []
    assert run_cli("recommend", "-", "--format", "json", stdin=json.dumps(case).encode()).code == 2


# ---------------------------------------------------------------- the schemas speak the program's words


def _enum(schema: dict[str, Any], *path: str) -> list[Any]:
    node: Any = schema
    for key in path:
        node = node[key]
    values: list[Any] = node["enum"] if "enum" in node else next(v["enum"] for v in node["anyOf"] if "enum" in v)
    return values


def test_the_enums_are_the_programs_own() -> None:
    case, result = load_schema("case"), load_schema("result")
    defs = result["$defs"]
    assert _enum(case, "properties", "her2") == [h.value for h in Her2]
    assert _enum(case, "properties", "er") == [e.value for e in Er]
    assert _enum(case, "properties", "conditions", "items") == [c.value for c in Condition]
    assert _enum(case, "$defs", "treatment", "properties", "setting") == [s.value for s in Setting]
    assert _enum(case, "$defs", "treatment", "properties", "outcome") == [o.value for o in Outcome]
    assert _enum(case, "$defs", "site", "properties", "site") == [s.value for s in SiteName]
    assert _enum(case, "$defs", "site", "properties", "symptoms", "items") == [s.value for s in Symptom]
    assert _enum(defs, "tier") == [t.value for t in Tier]
    assert _enum(defs, "action", "properties", "kind") == [k.value for k in ActionKind]
    assert _enum(defs, "site_option", "properties", "modality") == [m.value for m in Modality]
    assert _enum(defs, "reference", "properties", "kind") == [k.value for k in SourceKind]
    assert _enum(defs, "concordance", "properties", "tier") == list(CONCORDANCE_CATEGORIES)


def test_the_symptoms_allowed_per_site_are_the_programs_own() -> None:
    rules = load_schema("case")["$defs"]["site"]["allOf"]
    by_site = {rule["if"]["properties"]["site"]["const"]: rule["then"]["properties"]["symptoms"] for rule in rules}
    for site in SiteName:
        allowed = [s.value for s in SYMPTOMS_BY_SITE.get(site, ())]
        assert by_site[site.value] == ({"items": {"enum": allowed}} if allowed else {"maxItems": 0})

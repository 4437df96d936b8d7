"""Every batch line has one shape, so a script or a data frame reads good and bad lines alike.

A result line carries `"error": null`; an error line carries the same keys, its result
fields null or empty, and the `error` object. Nested objects carry all their keys.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from her2nav.case import Case
from her2nav.contract import ReferenceMode, failure_to_dict, result_to_dict
from her2nav.errors import ExitStatus
from her2nav.navigate import navigate
from her2nav.render.json_lines import json_line
from her2nav.render.json_out import compact_json
from her2nav.result import CaseFailure
from tests.clirun import EXAMPLES, run_cli
from tests.conftest import case_mapping, property_examples
from tests.test_json_compact import _plain as plain_encoding
from tests.test_properties import case_mapping as any_case
from tests.test_properties import drug_name

RESULT_KEYS = ["schema_version", "id", "program_version", "knowledge_base", "intended_use", "case", "line",
               "line_reason", "systemic", "site_specific", "actions", "missing", "trace", "references", "provenance",
               "concordance", "error"]

BAD_LINES = st.one_of(
    st.just(""),                                                          # blank: not a case
    st.just('{"id": "cut", '),                                            # not JSON
    st.just("[1, 2]"),                                                    # not an object
    st.builds(lambda ecog: json.dumps(case_mapping(id="ecog", ecog=ecog)), st.integers(5, 99)),
    st.just(json.dumps(case_mapping(id="her2-low", her2_ihc="1+"))),      # out of scope
    st.text(max_size=20).filter(lambda text: "\n" not in text and "\r" not in text),
)
GOOD_LINES = any_case().map(json.dumps)


def _batch(lines: list[str], *args: str) -> list[dict[str, Any]]:
    run = run_cli("batch", "-", *args, stdin="\n".join(lines).encode() + b"\n")
    out: list[dict[str, Any]] = run.json_lines()
    return out


@settings(max_examples=property_examples(50), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(GOOD_LINES, BAD_LINES), min_size=1, max_size=6))
def test_every_line_has_the_same_keys_in_the_same_order(lines: list[str]) -> None:
    outputs = _batch(lines)
    assert len(outputs) == len(lines)
    assert all(list(out) == RESULT_KEYS for out in outputs)
    for out in outputs:
        assert (out["error"] is None) == isinstance(out["line"], int)


def test_an_error_line_carries_null_and_empty_result_fields() -> None:
    [error] = _batch(['{"id": "cut", '])
    assert error["id"] is None and error["line"] is None and error["case"] is None
    assert [error[key] for key in ("systemic", "site_specific", "actions", "missing", "trace", "references")] == \
        [[]] * 6
    assert error["concordance"] is None
    assert set(error["error"]) == {"code", "message", "input_line"} and error["error"]["input_line"] == 1


def test_nested_objects_carry_all_their_keys() -> None:
    [result] = _batch([json.dumps(case_mapping(sites=[
        {"site": "liver"}, {"site": "brain", "lesions": 2, "status": "untreated"}]))])
    assert result["id"] is None
    liver, brain = result["case"]["sites"]
    assert liver == {"site": "liver", "lesions": None, "symptoms": [], "status": None, "leptomeningeal": None}
    assert brain == {"site": "brain", "lesions": 2, "symptoms": [], "status": "untreated", "leptomeningeal": False}
    assert {frozenset(reference) for reference in result["references"]} == {frozenset(
        {"id", "trial", "citation", "kind", "doi", "pmid", "identifier_note", "finding"})}


def test_a_course_carries_months_to_recurrence_null_when_not_given() -> None:
    [result] = _batch([json.dumps(case_mapping(treatments=[{"drugs": ["THP"], "setting": "metastatic"}]))])
    assert result["case"]["treatments"] == [{"drugs": ["docetaxel", "trastuzumab", "pertuzumab"],
                                            "setting": "metastatic", "outcome": "progression",
                                            "months_to_recurrence": None, "start": None, "end": None, "toxicity": None}]


# ---------------------------------------------------------------- --references ids


def test_reference_ids_list_every_cited_id_and_join_the_references_command() -> None:
    full = run_cli("batch", str(EXAMPLES / "board.jsonl")).json_lines()
    ids = run_cli("batch", str(EXAMPLES / "board.jsonl"), "--references", "ids").json_lines()
    catalogue = {entry["id"]: entry for entry in run_cli("references", "--format", "json").json()["references"]}
    for whole, compact in zip(full, ids, strict=True):
        assert [entry["id"] for entry in whole["references"]] == compact["references"]
        assert [catalogue[ref_id] for ref_id in compact["references"]] == whole["references"]
        assert {**whole, "references": None} == {**compact, "references": None}


def test_reference_ids_make_the_lines_shorter() -> None:
    full = run_cli("batch", str(EXAMPLES / "board.jsonl")).stdout
    ids = run_cli("batch", str(EXAMPLES / "board.jsonl"), "--references", "ids").stdout
    assert len(ids) < 0.8 * len(full)


# ---------------------------------------------------------------- pandas, when installed


def test_pandas_reads_a_batch_with_error_lines_by_record_path() -> None:
    pandas = pytest.importorskip("pandas")
    lines = _batch([json.dumps(case_mapping(id="good")), '{"id": "cut", ', json.dumps(case_mapping(id="two"))])
    options = pandas.json_normalize(lines, record_path="systemic", meta=["id", "line"])
    assert set(options["id"]) == {"good", "two"}
    assert set(options["tier"]) <= {"preferred", "alternative", "consider", "avoid"}
    frame = pandas.json_normalize(lines)
    assert frame["line"].astype("Int64").tolist()[0] == 1 and frame["error.code"].tolist()[1] == 2


@settings(max_examples=property_examples(100), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_case(), st.sampled_from(list(ReferenceMode)), st.none() | st.lists(drug_name, min_size=1, max_size=3))
def test_a_line_with_ids_or_an_audit_is_the_plain_encoding_of_its_result(
        mapping: dict[str, Any], references: ReferenceMode, chosen: list[str] | None) -> None:
    result = navigate(Case.from_mapping(mapping if chosen is None else {**mapping, "chosen": chosen}))
    plain = plain_encoding(result_to_dict(result, references))
    assert compact_json(result, references) == compact_json(result, references) == plain


def test_an_error_line_is_the_plain_encoding_of_its_failure() -> None:
    failure = CaseFailure(3, "x\u2028y", ExitStatus.INVALID_INPUT, "ecog: 7 is out of range")
    line = json_line(failure)
    assert json.loads(line) == failure_to_dict(failure) and "\u2028" not in line

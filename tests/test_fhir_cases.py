"""Each FHIR fixture gives the case its author wrote it for: line, receptors, sites and courses.

The fixtures (examples/fhir, written by scripts/make_fhir_fixtures.py from the mCODE STU4
profiles) are patients a clinician can check: a de novo HER2-positive presentation, an
early relapse after neoadjuvant TCHP and adjuvant T-DM1, a second line after progression
on THP recorded as a disease-status observation, a HER2-negative patient, conflicting HER2
results and a messy export.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.clirun import run_cli
from tests.fhirfix import (
    CONFLICTING,
    DE_NOVO,
    EARLY_RELAPSE,
    HER2_NEGATIVE,
    MESSY,
    SECOND_LINE,
    SECOND_LINE_FORMS,
)


def result_of(path: str, *flags: str) -> dict[str, Any]:
    run = run_cli("recommend", "--fhir", path, "--format", "json", *flags)
    assert run.code == 0, run.stderr
    data: dict[str, Any] = run.json()
    return data


def provenance_of(result: dict[str, Any], field: str) -> list[dict[str, Any]]:
    return [entry for entry in result["provenance"] if entry["field"] == field]


def test_de_novo_her2_positive_is_first_line_with_thp_preferred() -> None:
    result = result_of(DE_NOVO)
    case = result["case"]
    assert (case["her2"], case["her2_ihc"], case["er"], case["pr"]) == ("positive", "3+", "positive", "negative")
    assert case["presentation"] == "de_novo"
    assert [s["site"] for s in case["sites"]] == ["liver", "bone"]
    assert (case["ecog"], case["lvef"], case["treatments"]) == (1, 62, [])
    assert result["line"] == 1
    assert ("THP", "preferred") in [(o["regimen"], o["tier"]) for o in result["systemic"]]


def test_de_novo_presentation_is_said_as_an_inference_from_the_two_diagnosis_dates() -> None:
    [entry] = provenance_of(result_of(DE_NOVO), "presentation")
    assert entry["how"] == "inferred"
    assert "2026-03-09" in entry["note"] and "2026-03-02" in entry["note"]


def test_relapse_six_months_after_adjuvant_tdm1_is_second_line() -> None:
    result = result_of(EARLY_RELAPSE)
    case = result["case"]
    assert case["presentation"] == "recurrence"
    assert case["treatments"] == [
        {"drugs": ["docetaxel", "carboplatin", "trastuzumab", "pertuzumab"], "setting": "neoadjuvant",
         "outcome": "completed", "months_to_recurrence": 16.9, "start": "2023-01-20", "end": "2023-04-20",
         "toxicity": None},
        {"drugs": ["trastuzumab emtansine"], "setting": "adjuvant", "outcome": "completed",
         "months_to_recurrence": 5.6, "start": "2023-05-25", "end": "2024-03-28", "toxicity": None},
    ]
    assert result["line"] == 2
    assert "5.6 months after adjuvant trastuzumab emtansine" in result["line_reason"]
    tiers = {o["regimen"]: o["tier"] for o in result["systemic"]}
    assert tiers["T-DXd"] == "preferred"
    assert tiers["T-DM1"] == "avoid"  # the disease relapsed within months of it


def test_the_setting_of_each_course_is_inferred_from_the_operation_and_metastasis_dates() -> None:
    result = result_of(EARLY_RELAPSE)
    [neoadjuvant] = provenance_of(result, "treatments[0].setting")
    [adjuvant] = provenance_of(result, "treatments[1].setting")
    assert neoadjuvant["how"] == adjuvant["how"] == "inferred"
    assert "before the breast operation (2023-05-02)" in neoadjuvant["note"]
    assert "after the breast operation (2023-05-02)" in adjuvant["note"]


def test_progression_recorded_as_disease_status_ends_first_line_thp() -> None:
    result = result_of(SECOND_LINE)
    case = result["case"]
    assert case["treatments"] == [{"drugs": ["docetaxel", "trastuzumab", "pertuzumab"], "setting": "metastatic",
                                   "outcome": "progression", "months_to_recurrence": None,
                                   "start": "2024-02-20", "end": "2025-07-15", "toxicity": None}]
    assert result["line"] == 2
    [outcome] = provenance_of(result, "treatments[0].outcome")
    assert outcome["how"] == "read"
    assert "disease status worsened" in outcome["note"] and "2025-08-01" in outcome["note"]
    assert result["systemic"][0]["regimen"] == "T-DXd"


def test_er_from_a_percentage_and_a_brain_site_from_a_body_site() -> None:
    case = result_of(SECOND_LINE)["case"]
    assert case["er"] == "positive"  # 80% of cells
    assert [s["site"] for s in case["sites"]] == ["liver", "brain"]


@pytest.mark.parametrize("path", SECOND_LINE_FORMS, ids=lambda p: p.rsplit("/", 1)[-1])
def test_the_same_patient_as_collection_searchset_transaction_and_ndjson_gives_the_same_result(path: str) -> None:
    expected = result_of(SECOND_LINE_FORMS[0])
    result = result_of(path)
    # positions differ between the forms (entry[4] or line 5), and so do the ignored search outcomes
    for data in (expected, result):
        data.pop("provenance")
    assert result == expected


def test_a_her2_negative_patient_is_out_of_scope() -> None:
    run = run_cli("recommend", "--fhir", HER2_NEGATIVE)
    assert (run.code, run.stdout) == (3, "")
    assert "HER2 is negative" in run.stderr


def test_two_her2_results_of_one_day_that_disagree_stop_the_case_naming_both() -> None:
    run = run_cli("recommend", "--fhir", CONFLICTING)
    assert (run.code, run.stdout) == (3, "")
    assert "her2_ihc" in run.stderr
    assert "3+ (Observation entry[4], 2026-03-04)" in run.stderr
    assert "1+ (Observation entry[9], 2026-03-04)" in run.stderr
    assert "--her2-ihc" in run.stderr


def test_a_flag_settles_the_conflict_and_the_report_says_so() -> None:
    result = result_of(CONFLICTING, "--her2-ihc", "3+")
    assert result["case"]["her2"] == "positive"
    [conflict] = [e for e in result["provenance"] if e["how"] == "conflict"]
    assert "settled by the command-line flag" in conflict["note"]
    assert any(e["field"] == "her2_ihc" and e["how"] == "flag" for e in result["provenance"])


def test_flags_override_what_the_record_gave() -> None:
    result = result_of(DE_NOVO, "--ecog", "2", "--lvef", "45")
    assert (result["case"]["ecog"], result["case"]["lvef"]) == (2, 45)
    [read_ecog] = [e for e in provenance_of(result, "ecog") if e["how"] == "ignored"]
    assert read_ecog["value"] == "1" and "replaced by --ecog" in read_ecog["note"]


def test_a_messy_export_is_read_without_crashing_and_reports_what_it_set_aside() -> None:
    result = result_of(MESSY)
    assert result["case"]["pr"] == "negative"  # the PR result with two values is not used
    ignored = [e["note"] for e in result["provenance"] if e["how"] == "ignored"]
    assert any("gives 2 values" in note for note in ignored)
    assert any("serum HER2" in note for note in ignored)
    assert any("the same resource again" in note for note in ignored)
    assert any(e["value"] == "1 Encounter" for e in result["provenance"])
    assert result["line"] == 1


def test_the_mapping_report_names_a_source_for_every_fact_read() -> None:
    for path in (DE_NOVO, EARLY_RELAPSE, SECOND_LINE):
        result = result_of(path)
        for entry in result["provenance"]:
            if entry["how"] == "read":
                assert entry["sources"], entry
                assert all(s["resource"] and s["place"] for s in entry["sources"])


def test_json_without_fhir_has_an_empty_provenance_list() -> None:
    run = run_cli("recommend", "--her2", "positive", "--er", "negative", "--presentation", "de_novo",
                  "--site", "liver", "--format", "json")
    assert run.json()["provenance"] == []


def test_the_handout_and_explain_show_the_mapping_report() -> None:
    handout = run_cli("recommend", "--fhir", SECOND_LINE, "--format", "markdown")
    assert "## Where the facts came from (FHIR)" in handout.stdout
    assert "Observation entry\\[12\\]" in handout.stdout
    table = run_cli("recommend", "--fhir", SECOND_LINE, "--explain", "--width", "120")
    assert "Where the facts came from (FHIR)" in table.stdout


@pytest.mark.parametrize("width", ["80", "120"])
def test_the_mapping_report_on_a_terminal_folds_no_word(width: str) -> None:
    import re

    view = run_cli("recommend", "--fhir", MESSY, "--explain", "--width", width).stdout
    report = view[view.index("Where the facts came from (FHIR)"):]
    words = set(re.findall(r"[A-Za-z][A-Za-z0-9_]*", json.dumps(result_of(MESSY)["provenance"])))
    words |= {"Where", "the", "facts", "came", "from", "FHIR", "resource", "not", "found"}
    assert all(len(line.rstrip()) <= int(width) for line in report.splitlines())
    assert set(re.findall(r"[A-Za-z][A-Za-z0-9_]*", report)) <= words

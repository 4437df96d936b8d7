"""Reading FHIR input: the forms it comes in, hostile input, batches, and what importing costs.

Hostile input meets the limits of a JSON case: 5 MB, nesting too deep, not JSON, not FHIR;
each is exit 2 with a message, never a traceback.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.clirun import ROOT, run_cli
from tests.fhirfix import (
    CLINIC_LIST,
    DE_NOVO,
    FHIR,
    base_resources,
    bundle,
    condition,
    medication,
    observation,
    stop_reason,
)

FLAGS_FOR_A_CASE = ("--her2", "positive", "--er", "negative", "--presentation", "de_novo", "--site", "liver")


def recommend_stdin(data: bytes, *flags: str) -> tuple[int, str, str]:
    run = run_cli("recommend", "--fhir", "-", "--format", "json", *flags, stdin=data)
    return run.code, run.stdout, run.stderr


# ------------------------------------------------------------------ forms


def test_a_single_resource_is_read_and_flags_complete_the_case() -> None:
    ecog = json.dumps(observation("89247-1", "2026-01-05", valueInteger=2)).encode()
    code, out, err = recommend_stdin(ecog, *FLAGS_FOR_A_CASE)
    assert code == 0, err
    assert json.loads(out)["case"]["ecog"] == 2


def test_a_missing_required_fact_is_an_invalid_case_naming_the_field() -> None:
    ecog = json.dumps(observation("89247-1", "2026-01-05", valueInteger=2)).encode()
    code, out, err = recommend_stdin(ecog)
    assert (code, out) == (2, "")
    assert any(line.startswith("her2nav: er: required") for line in err.splitlines())


def test_two_patients_in_one_file_are_refused_pointing_to_batch() -> None:
    run = run_cli("recommend", "--fhir", CLINIC_LIST)
    assert run.code == 2
    assert "holds 4 patients" in run.stderr and "batch --fhir" in run.stderr


def test_a_case_file_and_fhir_together_are_refused() -> None:
    run = run_cli("recommend", DE_NOVO, "--fhir", DE_NOVO)
    assert run.code == 2 and "not both" in run.stderr


def test_id_from_patient_needs_fhir() -> None:
    assert run_cli("recommend", *FLAGS_FOR_A_CASE, "--id-from-patient").code == 2


# ------------------------------------------------------------------ hostile input


def test_a_bundle_over_5_mb_is_refused() -> None:
    padding = [observation("0000-0", "2026-01-01", valueString="x" * 1000)] * 6000
    code, _, err = recommend_stdin(bundle(*padding))
    assert code == 2 and "larger than 5 MB" in err


def test_deep_nesting_is_refused_without_a_traceback() -> None:
    code, _, err = recommend_stdin(b'{"resourceType": "Bundle", "entry": ' + b"[" * 100_000 + b"]" * 100_000 + b"}")
    assert code == 2 and "nested too deeply" in err


@pytest.mark.parametrize("data, message", [
    (b"", "empty input"),
    (b"not json", "not valid JSON"),
    (b"[1, 2]", "not a FHIR resource"),
    (b'{"resourceType": "Bundle", "entry": {"resource": 1}}', "must be a list"),
    (b'{"resourceType": "Bundle", "entry": [1, {"resource": "x"}, {"resource": {"resourceType": 3}}]}',
     "holds no resources"),
    (b'{"resourceType": "Observation", "effectiveDateTime": NaN, "code": {"coding": [{"code": 3}]}}', "er: required"),
], ids=["empty", "not json", "not a resource", "entry not a list", "junk entries", "NaN date"])
def test_malformed_input_is_exit_2_with_a_message(data: bytes, message: str) -> None:
    code, out, err = recommend_stdin(data)
    assert (code, out) == (2, "")
    assert message in err
    assert "Traceback" not in err


def test_malformed_elements_inside_resources_are_skipped_not_fatal() -> None:
    junk = [
        {"resourceType": "Observation", "code": "85319-2", "valueString": 3},
        {"resourceType": "Observation", "code": {"coding": "x"}, "effectiveDateTime": "yesterday"},
        {"resourceType": "Condition", "code": {"coding": [{"system": 1, "code": None}]}, "onsetDateTime": 5},
        {"resourceType": "MedicationRequest", "medicationCodeableConcept": [], "dosageInstruction": [1, {"timing": 2}]},
        {"resourceType": "MedicationStatement", "status": {"x": 1}, "effectivePeriod": "2020"},
        {"resourceType": "Patient", "birthDate": "1970-13-45", "gender": 7},
    ]
    code, _, err = recommend_stdin(bundle(*base_resources(), *junk))
    assert code == 0, err


# ------------------------------------------------------------------ courses worked out from records


def case_of(*resources: dict[str, object]) -> dict[str, object]:
    code, out, err = recommend_stdin(bundle(*base_resources(), *resources))
    assert code == 0, err
    data: dict[str, object] = json.loads(out)
    return data


def test_a_metastatic_course_stopped_for_no_response_then_a_new_one_makes_two_lines() -> None:
    result = case_of(
        medication("trastuzumab", "2024-06-10", "2025-01-10", "stopped", **stop_reason("266721009")),
        medication("pertuzumab", "2024-06-10", "2025-01-10", "stopped", **stop_reason("266721009")),
        medication("paclitaxel", "2024-06-10", "2024-09-10"),
        medication("Enhertu", "2025-02-01", None, "in-progress"),
    )
    treatments = result["case"]["treatments"]  # type: ignore[index]
    assert [(t["drugs"], t["outcome"]) for t in treatments] == [
        (["trastuzumab", "pertuzumab", "paclitaxel"], "progression"),
        (["trastuzumab deruxtecan"], "ongoing"),
    ]


def test_a_drug_stopped_as_not_tolerated_is_a_toxicity_outcome() -> None:
    result = case_of(medication("lapatinib", "2024-06-10", "2024-07-01", "stopped", **stop_reason("407563006")))
    assert result["case"]["treatments"][0]["outcome"] == "toxicity"  # type: ignore[index]


def test_a_course_without_a_stop_reason_before_a_later_one_is_assumed_progression_and_said_so() -> None:
    result = case_of(medication("Herceptin", "2024-06-10", "2024-12-01"), medication("Kadcyla", "2025-01-10", None,
                                                                                     "in-progress"))
    outcomes = [t["outcome"] for t in result["case"]["treatments"]]  # type: ignore[index]
    assert outcomes == ["progression", "ongoing"]
    [entry] = [e for e in result["provenance"] if e["field"] == "treatments[0].outcome"]  # type: ignore[union-attr]
    assert entry["how"] == "inferred" and "assumed" in entry["note"]


def test_a_drug_without_dates_or_intent_is_a_conflict_the_treatment_flag_settles() -> None:
    undated = {"resourceType": "MedicationStatement", "status": "completed",
               "medicationCodeableConcept": {"text": "tucatinib 150 MG Oral Tablet"}}
    code, _, err = recommend_stdin(bundle(*base_resources(), undated))
    assert code == 3
    assert "tucatinib: no dates and no treatment intent" in err and "--treatment" in err
    code, _, err = recommend_stdin(bundle(*base_resources(), undated), "--treatment", "tucatinib:metastatic")
    assert code == 0, err


def test_palliative_intent_before_the_metastatic_diagnosis_is_a_conflict() -> None:
    palliative = {"extension": [{"url": "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-procedure-intent",
                                 "valueCodeableConcept": {"coding": [{"system": "http://snomed.info/sct",
                                                                      "code": "363676003"}]}}]}
    code, _, err = recommend_stdin(bundle(*base_resources(), medication("trastuzumab", "2023-02-01", "2024-01-01",
                                                                        **palliative)))
    assert code == 3 and "palliative intent but started 2023-02-01" in err


def test_a_metastasis_retested_after_the_diagnosis_counts_and_marks_the_biopsy() -> None:
    retest = observation("16112-5", "2024-06-05", valueString="positive")
    result = case_of(retest, medication("trastuzumab", "2023-02-01", "2023-12-01"))
    case = result["case"]
    assert (case["er"], case["metastasis_biopsied"]) == ("positive", True)  # type: ignore[index]
    [earlier] = [e for e in result["provenance"] if e["field"] == "er" and e["how"] == "ignored"]  # type: ignore[union-attr]
    assert "discordant with the metastasis" in earlier["note"]


def test_metastases_long_after_the_primary_diagnosis_are_a_recurrence() -> None:
    result = case_of(medication("trastuzumab", "2023-02-01", "2023-12-01"))
    assert result["case"]["presentation"] == "recurrence"  # type: ignore[index]
    assert result["case"]["treatments"][0]["months_to_recurrence"] == 6  # type: ignore[index]


def test_a_leptomeningeal_condition_named_in_text_marks_the_brain_site() -> None:
    lepto = condition("http://hl7.org/fhir/sid/icd-10-cm", "C79.32", "2024-06-01")
    lepto["code"]["text"] = "Leptomeningeal metastases"  # type: ignore[index]
    result = case_of(lepto)
    sites = result["case"]["sites"]  # type: ignore[index]
    assert {"site": "brain", "lesions": None, "symptoms": [], "status": None, "leptomeningeal": True} in sites


# ------------------------------------------------------------------ batch


def test_batch_gives_one_line_per_patient_in_order() -> None:
    run = run_cli("batch", "--fhir", CLINIC_LIST)
    lines = run.json_lines()
    assert [line.get("line") for line in lines] == [1, 2, None, 2]
    assert lines[2]["error"]["code"] == 3 and lines[2]["error"]["input_line"] == 3
    assert run.code == 3
    assert all("provenance" in line for line in lines if "error" not in line)


def test_batch_reads_a_folder_of_bundles(tmp_path: Path) -> None:
    for name in ("de-novo-her2-positive.json", "early-relapse-after-tchp-tdm1.json"):
        (tmp_path / name).write_bytes((FHIR / name).read_bytes())
    run = run_cli("batch", "--fhir", str(tmp_path))
    assert run.code == 0
    assert [line["line"] for line in run.json_lines()] == [1, 2]


def test_batch_needs_cases_or_fhir_and_not_both() -> None:
    assert run_cli("batch").code == 2
    assert run_cli("batch", "-", "--fhir", CLINIC_LIST).code == 2


# ------------------------------------------------------------------ import cost


@pytest.mark.slow
def test_the_fhir_reader_is_not_imported_without_fhir() -> None:
    code = ("import sys; from her2nav.cli import main; code = main(sys.argv[1:]); "
            "sys.stderr.write('fhir loaded' if any(m.startswith('her2nav.read.fhir') or m == 'her2nav.batch_fhir' "
            "for m in sys.modules) else 'no fhir'); sys.exit(code)")
    done = subprocess.run([sys.executable, "-c", code, "recommend", *FLAGS_FOR_A_CASE, "--format", "json"],
                          capture_output=True, cwd=ROOT, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stderr.decode().endswith("no fhir")


def test_results_that_disagree_without_changing_the_answer_are_reported_not_stopped() -> None:
    ecogs = [observation("89247-1", "2024-06-03", valueInteger=score) for score in (0, 1)]
    result = case_of(*ecogs)
    [conflict] = [e for e in result["provenance"] if e["how"] == "conflict"]  # type: ignore[union-attr]
    assert conflict["field"] == "ecog"
    assert "the options are the same with 0 or 1" in conflict["note"]
    assert result["case"]["ecog"] == 0  # type: ignore[index]


def test_results_that_disagree_and_change_the_answer_stop_the_case() -> None:
    lvefs = [observation("10230-1", "2024-06-03", valueQuantity={"value": value}) for value in (60, 35)]
    code, out, err = recommend_stdin(bundle(*base_resources(), *lvefs))
    assert (code, out) == (3, "")
    assert "lvef: results of the same date disagree: 60" in err and "35" in err and "--lvef" in err



@pytest.mark.parametrize("text, her2", [
    ("Positive (3+), follow-up in 3 months", "positive"),
    ("HER2-low", "low"),
    ("HER2 ultra-low", "ultralow"),
    ("Equivocal", "equivocal"),
])
def test_her2_interpretation_words_are_read_whole(text: str, her2: str) -> None:
    from her2nav.read.fhir.reader import read_patient
    from her2nav.read.fhir.source import Entry

    interpretation = observation("48676-1", "2023-01-12", valueString=text)
    assert read_patient([Entry(interpretation, "resource")]).mapping["her2"] == her2


@pytest.mark.slow
def test_json_output_of_a_fhir_case_does_not_import_rich() -> None:
    code = ("import sys; from her2nav.cli import main; code = main(sys.argv[1:]); "
            "sys.stderr.write('rich loaded' if any(m.startswith('rich') for m in sys.modules) else 'no rich'); "
            "sys.exit(code)")
    done = subprocess.run([sys.executable, "-c", code, "recommend", "--fhir", DE_NOVO, "--format", "json"],
                          capture_output=True, cwd=ROOT, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stderr.decode().endswith("no rich")


def test_a_course_placed_by_palliative_intent_alone_comes_before_the_dated_ones() -> None:
    palliative = {"extension": [{"url": "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-procedure-intent",
                                 "valueCodeableConcept": {"coding": [{"system": "http://snomed.info/sct",
                                                                      "code": "363676003"}]}}]}
    undated = {"resourceType": "MedicationStatement", "status": "completed",
               "medicationCodeableConcept": {"text": "lapatinib"}, **palliative}
    result = case_of(undated, medication("Enhertu", "2025-02-01", None, "in-progress"))
    courses = result["case"]["treatments"]  # type: ignore[index]
    assert [(c["drugs"], c["outcome"]) for c in courses] == [(["lapatinib"], "progression"),
                                                             (["trastuzumab deruxtecan"], "ongoing")]


def test_adjuvant_endocrine_therapy_is_its_own_course_so_the_relapse_is_measured_from_trastuzumab() -> None:
    result = case_of(medication("trastuzumab", "2023-02-01", "2023-08-01"),
                     medication("tamoxifen", "2023-08-15", None, "active"))
    treatments = result["case"]["treatments"]  # type: ignore[index]
    assert [(t["drugs"], t["outcome"], t["months_to_recurrence"]) for t in treatments] == [
        (["trastuzumab"], "completed", 10),
        (["tamoxifen"], "progression", 0),  # the metastases were found during it
    ]
    assert result["line"] == 2  # relapse 10 months after adjuvant trastuzumab: within the 12-month window


def test_creatinine_clearance_in_ml_per_minute_is_read_and_another_unit_is_set_aside() -> None:
    """LOINC 2164-2 (docs/fhir.md): the value in mL/min enters the case; an eGFR-like unit is never converted."""
    clearance = observation("2164-2", "2026-01-05", valueQuantity={"value": 25, "unit": "mL/min",
                                                                   "system": "http://unitsofmeasure.org",
                                                                   "code": "mL/min"})
    code, out, err = recommend_stdin(json.dumps(clearance).encode(), *FLAGS_FOR_A_CASE)
    assert code == 0, err
    result = json.loads(out)
    assert result["case"]["creatinine_clearance"] == 25
    assert any(p["field"] == "creatinine_clearance" and p["how"] == "read" for p in result["provenance"])
    per_area = observation("2164-2", "2026-01-05", valueQuantity={"value": 25, "unit": "mL/min/{1.73_m2}"})
    code, out, err = recommend_stdin(json.dumps(per_area).encode(), *FLAGS_FOR_A_CASE)
    assert code == 0, err
    assert json.loads(out)["case"]["creatinine_clearance"] is None

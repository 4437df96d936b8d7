"""No name, record number, address, phone, birth date or resource id of a FHIR record reaches any output.

Every fixture is run through every output (JSON, the handout, the table with --explain,
batch JSON and handout) and every message, and each is searched for every private string
the fixtures hold. The case id comes from --id, or from the Patient identifier only when
--id-from-patient asks for it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.clirun import run_cli
from tests.fhirfix import ALL_FIXTURES, CLINIC_LIST, DE_NOVO, FHIR, private_strings

PRIVATE = private_strings()
OUTPUTS = [("--format", "json"), ("--format", "markdown", "--explain"), ("--explain", "--width", "100")]


def test_the_fixtures_hold_private_strings_to_look_for() -> None:
    assert {"Quillfeather", "MRN-4417-2298", "42 Juniper Hollow", "1971-06-14", "pt-denovo-4417"} <= PRIVATE


@pytest.mark.parametrize("path", ALL_FIXTURES, ids=lambda p: p.name)
@pytest.mark.parametrize("output", OUTPUTS, ids=lambda o: " ".join(o))
def test_no_output_or_message_of_recommend_carries_a_private_string(path: Path, output: tuple[str, ...]) -> None:
    run = run_cli("recommend", "--fhir", str(path), *output)
    _assert_private_free(run.stdout + run.stderr)


@pytest.mark.parametrize("output", [("--format", "json"), ("--format", "markdown", "--explain")])
def test_no_output_or_message_of_a_fhir_batch_carries_a_private_string(output: tuple[str, ...]) -> None:
    for path in (CLINIC_LIST, str(FHIR)):
        run = run_cli("batch", "--fhir", path, *output)
        assert run.stdout
        _assert_private_free(run.stdout + run.stderr)


def test_the_patient_identifier_becomes_the_id_only_when_asked() -> None:
    assert run_cli("recommend", "--fhir", DE_NOVO, "--format", "json").json().get("id") is None
    asked = run_cli("recommend", "--fhir", DE_NOVO, "--format", "json", "--id-from-patient")
    assert asked.json()["id"] == "MRN-4417-2298"
    given = run_cli("recommend", "--fhir", DE_NOVO, "--format", "json", "--id", "board-3")
    assert given.json()["id"] == "board-3"


def test_the_birth_date_becomes_an_age_in_years() -> None:
    result = run_cli("recommend", "--fhir", DE_NOVO, "--format", "json").json()
    [age] = [entry for entry in result["provenance"] if entry["field"] == "age"]
    assert age["value"] == "54 years"  # born 1971-06-14, latest date in the record 2026-03-12


def _assert_private_free(text: str) -> None:
    leaked = sorted(secret for secret in PRIVATE if secret in text)
    assert not leaked, f"private strings in the output: {leaked}"


def test_local_codes_and_free_text_are_never_echoed() -> None:
    import json

    from tests.fhirfix import base_resources, bundle

    odd = [
        {"resourceType": "MedicationRequest", "status": "active", "authoredOn": "2024-06-02",
         "medicationCodeableConcept": {"coding": [{"system": "http://local.example.org", "code": "Zebulon-77"}],
                                       "text": "for Zebulon Quartermaine, bed 7"}},
        {"resourceType": "Observation", "status": "final", "effectiveDateTime": "2024-06-02",
         "code": {"coding": [{"system": "http://local.example.org", "code": "Zebulon-78"}], "text": "Zebulon note"},
         "valueString": "Zebulon Quartermaine"},
    ]
    for output in OUTPUTS:
        run = run_cli("recommend", "--fhir", "-", *output, stdin=bundle(*base_resources(), *odd))
        assert run.code == 0, run.stderr
        assert "Zebulon" not in run.stdout + run.stderr
    report = run_cli("recommend", "--fhir", "-", "--format", "json", stdin=bundle(*base_resources(), *odd)).json()
    assert "a code of a local system" in json.dumps(report["provenance"])


def test_a_standard_system_code_not_in_its_form_is_not_echoed() -> None:
    """An RxNorm 'code' holding letters is free text an export put there, and free text may hold a name."""
    from tests.fhirfix import base_resources, bundle

    odd = {"resourceType": "MedicationRequest", "status": "active", "authoredOn": "2024-06-02",
           "medicationCodeableConcept": {"coding": [{"system": "http://www.nlm.nih.gov/research/umls/rxnorm",
                                                     "code": "12345ZEBULONQ"}]}}
    for output in OUTPUTS:
        run = run_cli("recommend", "--fhir", "-", *output, stdin=bundle(*base_resources(), odd))
        assert run.code == 0, run.stderr
        assert "ZEBULON" not in run.stdout + run.stderr

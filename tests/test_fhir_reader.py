"""The reader as a library: any mix of resources reads without crashing, extra fields wait behind one switch,
and the compact JSON of a result with provenance matches plain json.dumps."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from attrs import evolve
from hypothesis import given
from hypothesis import strategies as st

from her2nav.case import Case
from her2nav.contract import result_to_dict
from her2nav.errors import Her2navError
from her2nav.navigate import navigate
from her2nav.read.fhir import reader
from her2nav.read.fhir.load import case_from_fhir
from her2nav.read.fhir.reader import group_patients, read_patient
from her2nav.read.fhir.source import Entry
from her2nav.read.flags import CaseFlags
from her2nav.render.json_out import compact, compact_json
from tests.fhirfix import ALL_FIXTURES, EARLY_RELAPSE, SECOND_LINE, resources_of

EVERY_RESOURCE = [r for path in ALL_FIXTURES for r in resources_of(path)]
NO_FLAGS = CaseFlags(scalars={})


def entries_of(resources: list[dict[str, Any]]) -> list[Entry]:
    return [Entry(resource, f"entry[{index}]") for index, resource in enumerate(resources)]


@given(st.lists(st.sampled_from(EVERY_RESOURCE), max_size=25))
def test_any_mix_of_resources_reads_into_a_case_or_a_clear_error(resources: list[dict[str, Any]]) -> None:
    for group in group_patients(entries_of(resources)):
        try:
            reading = read_patient(group)
            navigate(Case.from_mapping(reading.mapping))
        except Her2navError as error:
            assert error.exit_status in (2, 3) and error.message


def test_the_age_and_the_dates_of_the_record_enter_the_case(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader, "ACCEPTED_EXTRA_FIELDS", frozenset())
    mapping, _ = case_from_fhir(EARLY_RELAPSE, None, NO_FLAGS)
    assert isinstance(mapping, dict)
    assert "age" not in mapping and "start" not in mapping["treatments"][0]
    monkeypatch.undo()
    switched, _ = case_from_fhir(EARLY_RELAPSE, None, NO_FLAGS)
    assert isinstance(switched, dict)
    assert (switched["age"], switched["metastatic_diagnosis"]) == (44, "2024-09-15")
    assert [(t["start"], t["end"]) for t in switched["treatments"]] == [("2023-01-20", "2023-04-20"),
                                                                        ("2023-05-25", "2024-03-28")]


def test_compact_json_of_a_result_with_provenance_is_plain_json() -> None:
    mapping, provenance = case_from_fhir(SECOND_LINE, None, NO_FLAGS)
    result = evolve(navigate(Case.from_mapping(mapping)), provenance=provenance)
    assert compact_json(result) == compact(result_to_dict(result))
    assert json.loads(compact_json(result))["provenance"][0]["field"] == "her2"


def test_standard_input_is_read_like_a_file() -> None:
    data = Path(SECOND_LINE).read_bytes()
    from_stdin, _ = case_from_fhir("-", io.BytesIO(data), NO_FLAGS)
    from_file, _ = case_from_fhir(SECOND_LINE, None, NO_FLAGS)
    assert from_stdin == from_file


ELEMENTS = ["code", "valueString", "valueInteger", "valueQuantity", "valueCodeableConcept", "interpretation",
            "effectiveDateTime", "effectivePeriod", "onsetDateTime", "recordedDate", "bodySite", "status",
            "clinicalStatus", "verificationStatus", "subject", "medicationCodeableConcept", "medicationReference",
            "statusReason", "extension", "dosageInstruction", "dispenseRequest", "authoredOn", "performedDateTime",
            "gender", "birthDate", "identifier", "contained", "coding", "system", "text", "display", "start", "end",
            "value", "url", "reference", "timing", "repeat", "boundsPeriod", "id"]
VALUES = st.one_of(st.none(), st.booleans(), st.integers(-5, 5), st.floats(allow_nan=False),
                   st.sampled_from(["2024-05-01", "2024", "x", "3+", "positive", "http://loinc.org", "85319-2",
                                    "http://snomed.info/sct", "94225005", "active", "Patient/1", "#m"]))
JSON_VALUES = st.recursive(VALUES, lambda inner: st.lists(inner, max_size=3)
                           | st.dictionaries(st.sampled_from(ELEMENTS), inner, max_size=4), max_leaves=12)
RESOURCES = st.builds(lambda kind, body: {**body, "resourceType": kind},
                      st.sampled_from(["Observation", "Condition", "MedicationRequest", "MedicationAdministration",
                                       "MedicationStatement", "Procedure", "Patient", "Medication", "Encounter"]),
                      st.dictionaries(st.sampled_from(ELEMENTS), JSON_VALUES, max_size=8))


@given(st.lists(RESOURCES, max_size=8))
def test_resources_of_any_shape_never_crash_the_reader(resources: list[dict[str, Any]]) -> None:
    for group in group_patients(entries_of(resources)) or [[]]:
        try:
            reading = read_patient(group)
            navigate(Case.from_mapping(reading.mapping))
        except Her2navError as error:
            assert error.exit_status in (2, 3) and error.message


def test_the_committed_fixtures_are_what_the_script_writes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    from tests.fhirfix import FHIR

    spec = importlib.util.spec_from_file_location("make_fhir_fixtures", FHIR.parent.parent / "scripts" /
                                                  "make_fhir_fixtures.py")
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    monkeypatch.setattr(script, "OUT", tmp_path)
    script.main()
    written = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    assert written == {p.name: p.read_bytes() for p in FHIR.iterdir()}

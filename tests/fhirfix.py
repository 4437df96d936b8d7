"""The FHIR fixtures of examples/fhir and small builders of resources for tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.clirun import EXAMPLES

FHIR = EXAMPLES / "fhir"
DE_NOVO = str(FHIR / "de-novo-her2-positive.json")
EARLY_RELAPSE = str(FHIR / "early-relapse-after-tchp-tdm1.json")
SECOND_LINE = str(FHIR / "second-line-progression.json")
SECOND_LINE_FORMS = [str(FHIR / name) for name in (
    "second-line-progression.json", "second-line-progression.searchset.json",
    "second-line-progression.transaction.json", "second-line-progression.ndjson")]
HER2_NEGATIVE = str(FHIR / "her2-negative.json")
CONFLICTING = str(FHIR / "conflicting-her2.json")
MESSY = str(FHIR / "messy-export.json")
CLINIC_LIST = str(FHIR / "clinic-list.ndjson")
ALL_FIXTURES = sorted(p for p in FHIR.iterdir() if p.suffix in (".json", ".ndjson"))

LNC, SCT, RXN = "http://loinc.org", "http://snomed.info/sct", "http://www.nlm.nih.gov/research/umls/rxnorm"


def resources_of(path: str | Path) -> list[dict[str, Any]]:
    text = Path(path).read_text(encoding="utf-8")
    if str(path).endswith(".ndjson"):
        return [json.loads(line) for line in text.splitlines() if line.strip()]
    data = json.loads(text)
    if data["resourceType"] != "Bundle":
        return [data]
    return [entry["resource"] for entry in data["entry"]]


def private_strings() -> set[str]:
    """Every name, identifier, address, phone, birth date and resource id the fixtures hold."""
    found: set[str] = set()
    for path in ALL_FIXTURES:
        for resource in resources_of(path):
            if isinstance(resource.get("id"), str):
                found.add(resource["id"])
            if resource["resourceType"] != "Patient":
                continue
            for name in resource.get("name", []):
                found.update([name["family"], *name["given"]])
            found.update(i["value"] for i in resource.get("identifier", []))
            found.update(line for a in resource.get("address", []) for line in a["line"])
            found.update(t["value"] for t in resource.get("telecom", []))
            found.add(resource["birthDate"])
            found.add(resource["birthDate"][:4])
    return found


def bundle(*resources: dict[str, Any]) -> bytes:
    return json.dumps({"resourceType": "Bundle", "type": "collection",
                       "entry": [{"resource": r} for r in resources]}).encode()


def observation(code: str, when: str, system: str = LNC, **value: Any) -> dict[str, Any]:
    return {"resourceType": "Observation", "status": "final", "code": {"coding": [{"system": system, "code": code}]},
            "effectiveDateTime": when, **value}


def condition(system: str, code: str, onset: str) -> dict[str, Any]:
    return {"resourceType": "Condition", "code": {"coding": [{"system": system, "code": code}]}, "onsetDateTime": onset}


def medication(drug: str, start: str, end: str | None, status: str = "completed",
               **extra: Any) -> dict[str, Any]:
    effective = {"start": start} | ({"end": end} if end else {})
    return {"resourceType": "MedicationAdministration", "status": status,
            "medicationCodeableConcept": {"text": drug}, "effectivePeriod": effective, **extra}


def stop_reason(code: str) -> dict[str, Any]:
    return {"statusReason": [{"coding": [{"system": SCT, "code": code}]}]}


def base_resources() -> list[dict[str, Any]]:
    """HER2 IHC 3+, ER negative, PR negative; primary diagnosis 2023-01; liver metastases 2024-06-01."""
    return [
        condition(SCT, "254837009", "2023-01-10"),
        condition(SCT, "94381002", "2024-06-01"),
        observation("85319-2", "2023-01-12", valueString="3+"),
        observation("16112-5", "2023-01-12", valueString="negative"),
        observation("16113-3", "2023-01-12", valueString="negative"),
    ]

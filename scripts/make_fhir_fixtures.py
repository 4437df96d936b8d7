"""Write the FHIR fixtures in examples/fhir/: mCODE STU4 resources for cases a clinician can check.

Each patient is written once as a list of resources; the bundles, the NDJSON export and the
folder forms are made from those lists, so the same patient gives the same case in every
form. Names, record numbers, addresses and birth dates are invented, and distinctive, so a
test can search every output for them. Run from the repository root.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parent.parent / "examples" / "fhir"
LNC, SCT, RXN, ICD = ("http://loinc.org", "http://snomed.info/sct", "http://www.nlm.nih.gov/research/umls/rxnorm",
                      "http://hl7.org/fhir/sid/icd-10-cm")
MCODE = "http://hl7.org/fhir/us/mcode/StructureDefinition/"
V2_0203 = "http://terminology.hl7.org/CodeSystem/v2-0203"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
Resource = dict[str, Any]


def concept(system: str, code: str, display: str, text: str | None = None) -> Resource:
    out: Resource = {"coding": [{"system": system, "code": code, "display": display}]}
    if text:
        out["text"] = text
    return out


def patient(pid: str, family: str, given: str, mrn: str, born: str, street: str) -> Resource:
    return {"resourceType": "Patient", "id": pid,
            "meta": {"profile": [MCODE + "mcode-cancer-patient"]},
            "identifier": [{"type": concept(V2_0203, "MR", "Medical record number"),
                            "system": "http://hospital.example.org/mrn", "value": mrn}],
            "name": [{"family": family, "given": [given]}], "gender": "female", "birthDate": born,
            "telecom": [{"system": "phone", "value": "555-0142"}],
            "address": [{"line": [street], "city": "Springfield", "postalCode": "99999"}]}


def subject(pid: str) -> Resource:
    return {"reference": f"Patient/{pid}"}


def primary(rid: str, pid: str, onset: str) -> Resource:
    return {"resourceType": "Condition", "id": rid, "subject": subject(pid),
            "clinicalStatus": concept("http://terminology.hl7.org/CodeSystem/condition-clinical", "active", "Active"),
            "verificationStatus": concept("http://terminology.hl7.org/CodeSystem/condition-ver-status", "confirmed",
                                          "Confirmed"),
            "category": [concept("http://terminology.hl7.org/CodeSystem/condition-category", "problem-list-item",
                                 "Problem List Item")],
            "code": {"coding": [{"system": SCT, "code": "254837009",
                                 "display": "Malignant neoplasm of breast (disorder)"},
                                {"system": ICD, "code": "C50.411",
                                 "display": "Malignant neoplasm of upper-outer quadrant of right female breast"}]},
            "onsetDateTime": onset}


def secondary(rid: str, pid: str, system: str, code: str, display: str, onset: str,
              body: Resource | None = None) -> Resource:
    out = {"resourceType": "Condition", "id": rid, "subject": subject(pid),
           "meta": {"profile": [MCODE + "mcode-secondary-cancer-condition"]},
           "clinicalStatus": concept("http://terminology.hl7.org/CodeSystem/condition-clinical", "active", "Active"),
           "code": concept(system, code, display), "onsetDateTime": onset}
    if body:
        out["bodySite"] = [body]
    return out


def marker(rid: str, pid: str, code: str, display: str, when: str, **value: Any) -> Resource:
    out = {"resourceType": "Observation", "id": rid, "status": "final", "subject": subject(pid),
           "category": [concept(OBSERVATION_CATEGORY, "laboratory", "Laboratory")],
           "code": concept(LNC, code, display), "effectiveDateTime": when}
    out.update(value)
    return out


POS = {"valueCodeableConcept": concept(LNC, "LA6576-8", "Positive")}
NEG = {"valueCodeableConcept": concept(LNC, "LA6577-6", "Negative")}


def ecog(rid: str, pid: str, when: str, score: int) -> Resource:
    return marker(rid, pid, "89247-1", "ECOG Performance Status score", when, valueInteger=score)


def lvef(rid: str, pid: str, when: str, percent: float) -> Resource:
    return marker(rid, pid, "10230-1", "Left ventricular Ejection fraction", when,
                  valueQuantity={"value": percent, "unit": "%", "system": "http://unitsofmeasure.org", "code": "%"})


def disease_status(rid: str, pid: str, when: str, code: str, display: str) -> Resource:
    return marker(rid, pid, "88040-1", "Response to cancer treatment", when,
                  valueCodeableConcept=concept(SCT, code, display))


def intent(code: str, display: str) -> list[Resource]:
    return [{"url": MCODE + "mcode-procedure-intent", "valueCodeableConcept": concept(SCT, code, display)}]


CURATIVE = intent("373808002", "Curative - procedure intent")
PALLIATIVE = intent("363676003", "Palliative - procedure intent")


def administration(rid: str, pid: str, drug: Resource, start: str, end: str, status: str = "completed",
                   extension: list[Resource] | None = None, reason: Resource | None = None) -> Resource:
    out: Resource = {"resourceType": "MedicationAdministration", "id": rid, "status": status,
                     "medicationCodeableConcept": drug, "subject": subject(pid),
                     "effectivePeriod": {"start": start, "end": end}}
    if extension:
        out["extension"] = extension
    if reason:
        out["statusReason"] = [reason]
    return out


def request(rid: str, pid: str, drug: Resource, start: str, end: str | None, status: str,
            extension: list[Resource] | None = None) -> Resource:
    bounds = {"start": start} | ({"end": end} if end else {})
    out: Resource = {"resourceType": "MedicationRequest", "id": rid, "status": status, "intent": "order",
                     "medicationCodeableConcept": drug, "subject": subject(pid), "authoredOn": start,
                     "dosageInstruction": [{"timing": {"repeat": {"boundsPeriod": bounds}}}]}
    if extension:
        out["extension"] = extension
    return out


TRASTUZUMAB = concept(RXN, "224905", "trastuzumab")
PERTUZUMAB = concept(RXN, "1298944", "pertuzumab")
DOCETAXEL = concept(RXN, "72962", "docetaxel")
CARBOPLATIN = {"coding": [{"system": RXN, "code": "597195", "display": "carboplatin 10 MG/ML Injectable Solution"}]}
TDM1 = {"text": "ado-trastuzumab emtansine 100 MG Injection"}
TDXD = {"coding": [{"system": RXN, "code": "0000000", "display": "fam-trastuzumab deruxtecan-nxki"}],
        "text": "Enhertu 100 MG Injection"}


# ------------------------------------------------------------------ the patients


def de_novo() -> list[Resource]:
    """HER2 IHC 3+, ER positive, PR negative; liver and bone metastases a week after the diagnosis."""
    p = "pt-denovo-4417"
    return [
        patient(p, "Quillfeather", "Marisol", "MRN-4417-2298", "1971-06-14", "42 Juniper Hollow"),
        primary("cond-1", p, "2026-03-02"),
        secondary("cond-2", p, SCT, "94381002", "Secondary malignant neoplasm of liver", "2026-03-09"),
        secondary("cond-3", p, ICD, "C79.51", "Secondary malignant neoplasm of bone", "2026-03-09"),
        marker("obs-1", p, "85319-2", "HER2 [Presence] in Breast cancer specimen by Immune stain", "2026-03-04",
               valueString="3+"),
        marker("obs-2", p, "85337-4", "Estrogen receptor Ag [Presence] in Breast cancer specimen by Immune stain",
               "2026-03-04", **POS),
        marker("obs-3", p, "85339-0", "Progesterone receptor Ag [Presence] in Breast cancer specimen by Immune stain",
               "2026-03-04", **NEG),
        ecog("obs-4", p, "2026-03-12", 1),
        lvef("obs-5", p, "2026-03-11", 62),
    ]


def early_relapse() -> list[Resource]:
    """Neoadjuvant TCHP, surgery, adjuvant T-DM1; lung metastases six months after T-DM1 ended."""
    p = "pt-relapse-7730"
    return [
        patient(p, "Brightwater", "Ottilie", "MRN-7730-5521", "1979-11-02", "8 Cobblestone Rise"),
        primary("cond-1", p, "2023-01-10"),
        marker("obs-1", p, "85319-2", "HER2 [Presence] in Breast cancer specimen by Immune stain", "2023-01-12",
               valueCodeableConcept={"text": "Score 3+ (positive)"}),
        marker("obs-2", p, "16112-5", "Estrogen receptor [Interpretation] in Tissue", "2023-01-12",
               valueCodeableConcept=concept(SCT, "260385009", "Negative (qualifier value)")),
        marker("obs-3", p, "16113-3", "Progesterone receptor [Interpretation] in Tissue", "2023-01-12",
               valueCodeableConcept=concept(SCT, "260385009", "Negative (qualifier value)")),
        *[administration(f"med-{i}", p, drug, "2023-01-20", "2023-04-20", extension=CURATIVE)
          for i, drug in enumerate((DOCETAXEL, CARBOPLATIN, TRASTUZUMAB, PERTUZUMAB), start=1)],
        {"resourceType": "Procedure", "id": "proc-1", "status": "completed", "subject": subject(p),
         "code": concept(SCT, "64368001", "Excision of part of breast (procedure)"),
         "bodySite": [concept(SCT, "80248007", "Left breast structure (body structure)")],
         "performedDateTime": "2023-05-02"},
        administration("med-5", p, TDM1, "2023-05-25", "2024-03-28", extension=CURATIVE,
                       reason=concept(SCT, "182992009", "Treatment completed")),
        secondary("cond-2", p, SCT, "94391008", "Secondary malignant neoplasm of lung", "2024-09-15"),
        ecog("obs-4", p, "2024-09-20", 0),
        lvef("obs-5", p, "2024-09-18", 58),
    ]


def second_line() -> list[Resource]:
    """De novo; first-line THP; progression recorded as a disease-status observation; nothing started since."""
    p = "pt-second-2051"
    return [
        patient(p, "Nightingale", "Perpetua", "MRN-2051-9034", "1964-02-29", "3 Wisteria Close"),
        primary("cond-1", p, "2024-02-01"),
        secondary("cond-2", p, SCT, "94381002", "Secondary malignant neoplasm of liver", "2024-02-10"),
        secondary("cond-3", p, SCT, "128462008", "Secondary malignant neoplastic disease", "2025-07-28",
                  body=concept(SCT, "12738006", "Brain structure")),
        marker("obs-1", p, "48676-1", "HER2 [Interpretation] in Tissue", "2024-02-03", **POS),
        marker("obs-2", p, "85319-2", "HER2 [Presence] in Breast cancer specimen by Immune stain", "2024-02-03",
               valueQuantity={"value": 3}),
        marker("obs-3", p, "85329-1", "Cells.estrogen receptor/100 cells in Breast cancer specimen by Immune stain",
               "2024-02-03", valueQuantity={"value": 80, "unit": "%"}),
        marker("obs-4", p, "85339-0", "Progesterone receptor Ag [Presence] in Breast cancer specimen", "2024-02-03",
               **POS),
        request("med-1", p, DOCETAXEL, "2024-02-20", "2024-06-20", "completed", PALLIATIVE),
        request("med-2", p, TRASTUZUMAB, "2024-02-20", "2025-07-15", "completed", PALLIATIVE),
        request("med-3", p, PERTUZUMAB, "2024-02-20", "2025-07-15", "completed", PALLIATIVE),
        disease_status("obs-5", p, "2024-11-02", "268910001", "Patient's condition improved"),
        disease_status("obs-6", p, "2025-08-01", "271299001", "Patient's condition worsened"),
        ecog("obs-7", p, "2025-08-01", 1),
        lvef("obs-8", p, "2025-07-30", 55),
    ]


def her2_negative() -> list[Resource]:
    p = "pt-negative-6602"
    return [
        patient(p, "Ravensworth", "Clementine", "MRN-6602-1187", "1958-08-08", "91 Heron Quay"),
        primary("cond-1", p, "2025-10-01"),
        secondary("cond-2", p, SCT, "94222008", "Secondary malignant neoplasm of bone", "2025-10-05"),
        marker("obs-1", p, "85319-2", "HER2 [Presence] in Breast cancer specimen by Immune stain", "2025-10-03",
               valueString="0"),
        marker("obs-2", p, "85337-4", "Estrogen receptor Ag [Presence] in Breast cancer specimen", "2025-10-03", **POS),
    ]


def conflicting() -> list[Resource]:
    """The same specimen reported twice on one day: HER2 IHC 3+ and IHC 1+."""
    resources = de_novo()
    resources[0] = patient("pt-conflict-3318", "Ashgrove", "Wilhelmina", "MRN-3318-7765", "1969-01-19",
                           "5 Thistledown Row")
    for resource in resources[1:]:
        resource["subject"] = subject("pt-conflict-3318")
    resources.append(marker("obs-9", "pt-conflict-3318", "85319-2",
                            "HER2 [Presence] in Breast cancer specimen by Immune stain", "2026-03-04",
                            valueString="1+"))
    return resources


def messy() -> list[Resource]:
    """The de novo patient as a messy export: extra codings, unknown codes, two value[x], unrelated resources."""
    resources = de_novo()
    resources[0] = patient("pt-messy-9921", "Fairweather", "Hyacinth", "MRN-9921-0456", "1975-05-05",
                           "77 Bramble End")
    for resource in resources[1:]:
        resource["subject"] = subject("pt-messy-9921")
    resources[4]["code"]["coding"].insert(0, {"system": "http://local.example.org/lab", "code": "HER2IHC"})
    resources[5]["code"]["coding"].append({"system": SCT, "code": "000000", "display": "a local ER code"})
    resources += [
        marker("obs-9", "pt-messy-9921", "85339-0", "Progesterone receptor Ag [Presence] in Breast cancer specimen",
               "2026-03-05", valueString="positive", valueCodeableConcept=concept(LNC, "LA6577-6", "Negative")),
        marker("obs-10", "pt-messy-9921", "2160-0", "Creatinine [Mass/volume] in Serum or Plasma", "2026-03-05",
               valueQuantity={"value": 0.8, "unit": "mg/dL"}),
        marker("obs-11", "pt-messy-9921", "42914-2", "HER2 Ag [Units/volume] in Serum", "2026-03-05",
               valueQuantity={"value": 12}),
        {"resourceType": "Encounter", "id": "enc-1", "status": "finished", "subject": subject("pt-messy-9921")},
        {"resourceType": "Practitioner", "id": "prac-1", "name": [{"family": "Oncologist", "given": ["Owen"]}]},
        {"resourceType": "Organization", "id": "org-1", "name": "Springfield Cancer Centre"},
        {"resourceType": "MedicationRequest", "id": "med-9", "status": "active", "intent": "order",
         "subject": subject("pt-messy-9921"), "authoredOn": "2026-03-12",
         "medicationCodeableConcept": concept(RXN, "312086", "ondansetron 8 MG Oral Tablet")},
    ]
    return resources


# ------------------------------------------------------------------ the forms


def bundle(resources: list[Resource], kind: str, duplicate_first_condition: bool = False) -> Resource:
    entries = []
    for resource in resources:
        entry: Resource = {"fullUrl": f"http://fhir.example.org/{resource['resourceType']}/{resource['id']}",
                           "resource": resource}
        if kind == "transaction":
            entry["request"] = {"method": "PUT", "url": f"{resource['resourceType']}/{resource['id']}"}
        if kind == "searchset":
            entry["search"] = {"mode": "match" if resource["resourceType"] == "Patient" else "include"}
        entries.append(entry)
    if duplicate_first_condition:
        entries.insert(3, json.loads(json.dumps(entries[1])))
    out: Resource = {"resourceType": "Bundle", "type": kind, "timestamp": "2026-11-20T09:00:00Z", "entry": entries}
    if kind == "searchset":
        out["total"] = 1
        entries.append({"resource": {"resourceType": "OperationOutcome", "issue": [
            {"severity": "information", "code": "informational"}]}, "search": {"mode": "outcome"}})
    return out


def write(name: str, data: Resource) -> None:
    (OUT / name).write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def ndjson(resources: list[Resource]) -> str:
    """A Bulk FHIR export: resources of each type together, as the export writes one file per type."""
    kinds = list(dict.fromkeys(r["resourceType"] for r in resources))
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for kind in kinds for r in resources
                   if r["resourceType"] == kind)


def main() -> None:
    OUT.mkdir(exist_ok=True)
    write("de-novo-her2-positive.json", bundle(de_novo(), "collection"))
    write("early-relapse-after-tchp-tdm1.json", bundle(early_relapse(), "collection"))
    write("second-line-progression.json", bundle(second_line(), "collection"))
    write("second-line-progression.searchset.json", bundle(second_line(), "searchset"))
    write("second-line-progression.transaction.json", bundle(second_line(), "transaction"))
    (OUT / "second-line-progression.ndjson").write_text(ndjson(second_line()), encoding="utf-8")
    write("her2-negative.json", bundle(her2_negative(), "collection"))
    write("conflicting-her2.json", bundle(conflicting(), "collection"))
    write("messy-export.json", bundle(messy(), "collection", duplicate_first_condition=True))
    write("single-resource-ecog.json", ecog("obs-1", "pt-denovo-4417", "2026-03-12", 1))
    (OUT / "clinic-list.ndjson").write_text(
        ndjson(de_novo() + early_relapse() + her2_negative() + second_line()), encoding="utf-8")


if __name__ == "__main__":
    main()

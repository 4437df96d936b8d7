"""The code tables the FHIR reader matches on: data only, each code checked (docs/fhir.md).

Facts are found by code, never by `meta.profile`, which few exports fill. A code that could
not be verified against the mCODE STU4 sources or another public source is left out; a
medication it would have named is still found by its name (knowledge/drugs.py).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

LOINC = "http://loinc.org"
SNOMED = "http://snomed.info/sct"
RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm"
ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm"
V3_INTERPRETATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"

SYSTEM_NAMES: Mapping[str, str] = {LOINC: "LOINC", SNOMED: "SNOMED CT", RXNORM: "RxNorm", ICD10CM: "ICD-10-CM",
                                   V3_INTERPRETATION: "v3 interpretation"}
# The form of each system's codes. A code is echoed in the mapping report only in that form: a
# "code" of another shape is free text an export put there, and free text may carry a name.
CODE_FORMS: Mapping[str, re.Pattern[str]] = {
    LOINC: re.compile(r"(LA|LP)?\d{1,7}-\d"),          # 89247-1; answer codes LA6576-8
    SNOMED: re.compile(r"\d{6,18}"),                    # SCTIDs are 6 to 18 digits
    RXNORM: re.compile(r"\d{1,9}"),                     # RxCUIs are numbers
    ICD10CM: re.compile(r"[A-Z]\d[0-9A-Z](\.[0-9A-Z]{1,4})?"),  # C79.31
    V3_INTERPRETATION: re.compile(r"[A-Z]{1,4}"),       # POS, NEG, H, L
}

# ------------------------------------------------------------------ tumor markers (TumorMarkerTestVS)

# LOINC code -> (the case field it informs, how its value reads)
# "category": a positive/negative (or IHC score, or amplified) answer; "percent": % of cells stained;
# "numbers": ISH ratio or copy numbers, echoed in the report, never turned into a status.
MARKER_CODES: Mapping[str, tuple[str, str]] = {
    "16112-5": ("er", "category"),      # Estrogen receptor [Interpretation] in Tissue
    "40556-3": ("er", "category"),      # Estrogen receptor Ag [Presence] in Tissue by Immune stain
    "85337-4": ("er", "category"),      # Estrogen receptor Ag [Presence] in Breast cancer specimen by Immune stain
    "14228-1": ("er", "percent"),       # Cells.estrogen receptor/100 cells in Tissue by Immune stain
    "85329-1": ("er", "percent"),       # Cells.estrogen receptor/100 cells in Breast cancer specimen
    "16113-3": ("pr", "category"),      # Progesterone receptor [Interpretation] in Tissue
    "40557-1": ("pr", "category"),      # Progesterone receptor Ag [Presence] in Tissue by Immune stain
    "85339-0": ("pr", "category"),      # Progesterone receptor Ag [Presence] in Breast cancer specimen
    "14230-7": ("pr", "percent"),       # Cells.progesterone receptor/100 cells in Tissue by Immune stain
    "85325-9": ("pr", "percent"),       # Cells.progesterone receptor/100 cells in Breast cancer specimen
    "48676-1": ("her2", "category"),    # HER2 [Interpretation] in Tissue
    "85319-2": ("her2_ihc", "category"),  # HER2 [Presence] in Breast cancer specimen by Immune stain
    "18474-7": ("her2_ihc", "category"),  # HER2 Ag [Presence] in Tissue by Immune stain (MII MTB IG)
    "72383-3": ("her2_ihc", "category"),  # HER2 [Presence] in Tissue by Immunoassay
    "85318-4": ("her2_ish", "category"),  # ERBB2 gene duplication [Presence] in Breast cancer specimen by FISH
    "31150-6": ("her2_ish", "category"),  # ERBB2 gene duplication [Presence] in Tissue by FISH
    "96893-3": ("her2_ish", "category"),  # ERBB2 gene duplication in Tumor by FISH
    "49683-6": ("her2_ish", "numbers"),   # ERBB2 copy number/Chromosome 17 copy number in Tissue by FISH
    "74860-8": ("her2_ish", "numbers"),   # ERBB2 gene copy number/nucleus in Tissue by FISH
}

# Serum HER2 (shed extracellular domain) says nothing about the tumor's HER2 status.
SERUM_HER2_CODES = frozenset({"32996-1", "42914-2", "51981-9"})

POSITIVE_ANSWERS: Mapping[str, frozenset[str]] = {
    LOINC: frozenset({"LA6576-8"}),
    SNOMED: frozenset({"10828004"}),
    V3_INTERPRETATION: frozenset({"POS"}),
}
NEGATIVE_ANSWERS: Mapping[str, frozenset[str]] = {
    LOINC: frozenset({"LA6577-6"}),
    SNOMED: frozenset({"260385009"}),
    V3_INTERPRETATION: frozenset({"NEG"}),
}

# ER 1-10% of cells is "ER-low" (ASCO/CAP 2020); below 1% negative.
ER_LOW_BELOW_PERCENT = 10.0
RECEPTOR_POSITIVE_FROM_PERCENT = 1.0

# ------------------------------------------------------------------ conditions

# Secondary cancer: SNOMED disorder code or ICD-10-CM code -> site of the contract.
SECONDARY_DISORDER_CODES: Mapping[str, Mapping[str, str]] = {
    SNOMED: {
        "94225005": "brain",    # Secondary malignant neoplasm of brain (mCODE example)
        "94222008": "bone",     # Secondary malignant neoplasm of bone
        "94381002": "liver",    # Secondary malignant neoplasm of liver
        "94391008": "lung",     # Secondary malignant neoplasm of lung
        "94493005": "pleura",   # Secondary malignant neoplasm of pleura
    },
    ICD10CM: {
        "C77": "lymph_node", "C77.0": "lymph_node", "C77.1": "lymph_node", "C77.2": "lymph_node",
        "C77.3": "lymph_node", "C77.4": "lymph_node", "C77.5": "lymph_node", "C77.8": "lymph_node",
        "C77.9": "lymph_node",
        "C78.0": "lung", "C78.00": "lung", "C78.01": "lung", "C78.02": "lung",
        "C78.2": "pleura",
        "C78.7": "liver",
        "C79.2": "skin",
        "C79.3": "brain", "C79.31": "brain", "C79.32": "brain",
        "C79.5": "bone", "C79.51": "bone", "C79.52": "bone_marrow",
    },
}

# ICD-10-CM C79.32 names the cerebral meninges: leptomeningeal or dural is not said.
MENINGES_CODES = frozenset({"C79.32"})

# The generic SNOMED secondary-neoplasm concept, with the site in bodySite.
SECONDARY_GENERIC_SNOMED = "128462008"

# Body structure (Condition.bodySite) -> site of the contract.
BODY_SITE_CODES: Mapping[str, str] = {
    "12738006": "brain",   # Brain structure
    "119186007": "bone",   # Bone part (TG263 map)
    "10200004": "liver",   # Liver structure
    "39607008": "lung",    # Lung structure
    "39937001": "skin",    # Skin structure
}

# Primary breast cancer (PrimaryCancerCondition): the diagnosis date anchors de novo vs recurrence.
PRIMARY_BREAST_SNOMED = frozenset({"254837009", "353431000119107"})
PRIMARY_BREAST_ICD10_PREFIX = "C50"

PREGNANCY_SNOMED = frozenset({"77386006"})  # Pregnancy (finding)

# Metastases within this many days of the primary diagnosis make the presentation de novo.
# The navigator's own stated window; --presentation settles a case it reads otherwise.
DE_NOVO_WINDOW_DAYS = 92

# ------------------------------------------------------------------ observations

ECOG_CODES: Mapping[str, frozenset[str]] = {
    LOINC: frozenset({"89247-1", "89262-0"}),  # mCODE's ECOG score; Physical performance [ECOG]
    SNOMED: frozenset({"423740007"}),          # ECOG performance status
}
LVEF_CODES: Mapping[str, frozenset[str]] = {
    LOINC: frozenset({"10230-1", "18043-0", "8808-8", "8810-4", "8811-2"}),
    SNOMED: frozenset({"250908004"}),  # Left ventricular ejection fraction (observable entity)
}
# Measured creatinine clearance, mL/min (HL7 Order Catalog IG: "Creatinine renal clearance in 24 hour
# Urine and Serum or Plasma"). An eGFR is not a clearance (mL/min/1.73 m2), so none is read as one.
CREATININE_CLEARANCE_CODES: Mapping[str, frozenset[str]] = {LOINC: frozenset({"2164-2"})}
CLEARANCE_UNITS = frozenset({"mL/min", "ml/min"})
DISEASE_STATUS_CODE = "88040-1"   # CancerDiseaseStatus (LOINC)
DISEASE_WORSENED = "271299001"    # Patient's condition worsened (SNOMED)
DISEASE_NOT_WORSE = frozenset({"268910001", "359746009", "709137006"})  # improved, stable, undetermined

# ------------------------------------------------------------------ procedures

BREAST_SURGERY_SNOMED = frozenset({"64368001"})  # Excision of part of breast (mCODE example)
BREAST_BODY_SITES = frozenset({"76752008", "80248007"})  # Breast structure; Left breast structure
BREAST_SURGERY_WORDS = ("mastectomy", "lumpectomy", "excision of part of breast", "breast-conserving")

# ------------------------------------------------------------------ medications

# RxNorm ingredient codes -> generic name (knowledge/drugs.py). Codes at product level (SCD/SBD)
# vary by export: those drugs are found by name in Medication.code display and text.
RXNORM_INGREDIENTS: Mapping[str, str] = {
    "224905": "trastuzumab",
    "1298944": "pertuzumab",
    "480167": "lapatinib",
    "1940643": "neratinib",
    "194000": "capecitabine",
    "56946": "paclitaxel",
    "72962": "docetaxel",
}

INTENT_EXTENSION = "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-procedure-intent"
TERMINATION_EXTENSION = "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-treatment-termination-reason"
CURATIVE_INTENT = "373808002"
PALLIATIVE_INTENT = "363676003"

# TreatmentTerminationReasonVS (SNOMED) -> the course outcome it means.
STOP_REASONS: Mapping[str, str] = {
    "266721009": "progression",   # No response to treatment
    "407563006": "toxicity",      # Treatment not tolerated
    "182992009": "completed",     # Treatment completed
}
# Any other termination reason (refusal, cost, moved away, pregnancy, ...) is a stop for a reason
# other than progression or toxicity: the disease did not progress on the course.

MEDICATION_NOT_GIVEN = frozenset({"cancelled", "entered-in-error", "not-done", "not-taken", "draft"})
MEDICATION_CURRENT = frozenset({"active", "in-progress", "on-hold", "intended"})

RESOURCE_NOT_VALID = frozenset({"entered-in-error", "cancelled", "refuted"})

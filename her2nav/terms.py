"""The shared vocabulary: the enums of the case and the result, at the bottom layer.

Knowledge, decisions, readers and renderers all speak of sites, symptoms, settings, tiers and
modalities; defined here, below `knowledge/`, the knowledge tables can be keyed by them and
mypy checks every key. `case.py` and `result.py` re-export them where they have always been.
"""

from __future__ import annotations

import enum


class Her2(enum.StrEnum):
    POSITIVE = "positive"
    LOW = "low"
    ULTRALOW = "ultralow"
    NEGATIVE = "negative"
    EQUIVOCAL = "equivocal"


class Ihc(enum.StrEnum):
    ZERO = "0"
    ONE = "1+"
    TWO = "2+"
    THREE = "3+"


class Ish(enum.StrEnum):
    AMPLIFIED = "amplified"
    NOT_AMPLIFIED = "not_amplified"


class Er(enum.StrEnum):
    POSITIVE = "positive"
    LOW = "low"
    NEGATIVE = "negative"
    UNKNOWN = "unknown"


class Pr(enum.StrEnum):
    POSITIVE = "positive"
    NEGATIVE = "negative"
    UNKNOWN = "unknown"


class Presentation(enum.StrEnum):
    DE_NOVO = "de_novo"
    RECURRENCE = "recurrence"


class Menopause(enum.StrEnum):
    PRE = "pre"
    POST = "post"
    UNKNOWN = "unknown"


class Sex(enum.StrEnum):
    FEMALE = "female"
    MALE = "male"


class Condition(enum.StrEnum):
    HEART_FAILURE = "heart_failure"
    INTERSTITIAL_LUNG_DISEASE = "interstitial_lung_disease"
    PERIPHERAL_NEUROPATHY = "peripheral_neuropathy"
    PREGNANCY = "pregnancy"
    DPD_DEFICIENCY = "dpd_deficiency"
    HEPATIC_IMPAIRMENT = "hepatic_impairment"
    DENTAL_DISEASE = "dental_disease"
    HYPOCALCEMIA = "hypocalcemia"


class Setting(enum.StrEnum):
    NEOADJUVANT = "neoadjuvant"
    ADJUVANT = "adjuvant"
    METASTATIC = "metastatic"


class Outcome(enum.StrEnum):
    PROGRESSION = "progression"
    TOXICITY = "toxicity"
    COMPLETED = "completed"
    ONGOING = "ongoing"


class SiteName(enum.StrEnum):
    BONE = "bone"
    LIVER = "liver"
    BRAIN = "brain"
    LUNG = "lung"
    PLEURA = "pleura"
    LYMPH_NODE = "lymph_node"
    SKIN = "skin"
    SOFT_TISSUE = "soft_tissue"
    BONE_MARROW = "bone_marrow"
    OTHER = "other"


class Symptom(enum.StrEnum):
    PAIN = "pain"
    FRACTURE = "fracture"
    IMPENDING_FRACTURE = "impending_fracture"
    CORD_COMPRESSION = "cord_compression"
    HYPERCALCEMIA = "hypercalcemia"
    ASCITES = "ascites"
    PRURITUS = "pruritus"
    JAUNDICE = "jaundice"
    NEUROLOGIC = "neurologic"
    EFFUSION = "effusion"
    DYSPNEA = "dyspnea"
    ULCERATION = "ulceration"
    BLEEDING = "bleeding"


class BrainStatus(enum.StrEnum):
    UNTREATED = "untreated"
    TREATED_STABLE = "treated_stable"
    PROGRESSING_AFTER_LOCAL_THERAPY = "progressing_after_local_therapy"


class PrimarySymptom(enum.StrEnum):
    BLEEDING = "bleeding"
    PAIN = "pain"
    ULCERATION = "ulceration"
    INFECTION = "infection"


class Tier(enum.StrEnum):
    PREFERRED = "preferred"
    ALTERNATIVE = "alternative"
    CONSIDER = "consider"
    AVOID = "avoid"


TIER_ORDER = {tier: rank for rank, tier in enumerate(Tier)}


class ActionKind(enum.StrEnum):
    URGENT = "urgent"
    REBIOPSY = "rebiopsy"
    REFLEX_ISH = "reflex_ish"
    CARDIAC_ASSESSMENT = "cardiac_assessment"
    DENTAL_REVIEW = "dental_review"
    SPECIALIST_REVIEW = "specialist_review"
    CLINICAL_TRIAL = "clinical_trial"


class Modality(enum.StrEnum):
    BONE_MODIFYING_AGENT = "bone_modifying_agent"
    RADIATION = "radiation"
    STEREOTACTIC_RADIATION = "stereotactic_radiation"
    RADIOPHARMACEUTICAL = "radiopharmaceutical"
    SURGERY = "surgery"
    EMBOLIZATION = "embolization"
    PROCEDURE = "procedure"
    SYSTEMIC = "systemic"
    SUPPORTIVE = "supportive"
    INTRATHECAL = "intrathecal"

"""How far the brain disease reaches (clinical-rules.md section 10.5): lesion count and leptomeningeal spread.

`decide/brain.py` chooses the entries; the bands, sentences and evidence live here. The
Congress of Neurological Surgeons guideline (2019: local therapy without whole-brain
radiotherapy for 4 or fewer lesions) is named in words only: its first author and identifiers
could not be verified (docs/evidence-verification.md).
"""

from __future__ import annotations

from her2nav.knowledge.site_care import CONSENSUS, Intervention
from her2nav.terms import Modality

RADIOSURGERY_PREFERRED_UP_TO = 4  # lesions: radiosurgery alone preferred, no whole-brain radiotherapy
RADIOSURGERY_OFFERED_UP_TO = 10  # lesions: radiosurgery and whole-brain radiotherapy both offered

_ASCO_BRAIN_LOCAL = ("asco-her2-brain-2014",)
_LEPTOMENINGEAL_EVIDENCE = ("eano-esmo-lm-2017", "le-rhun-lm-2019")

FEW_LESIONS = (
    "1-4 lesions: radiosurgery without whole-brain radiotherapy (Congress of Neurological Surgeons "
    "guideline 2019: local therapy without whole-brain radiotherapy for 4 or fewer lesions, to "
    "spare cognition)"
)
SEVERAL_LESIONS = (
    "5-10 lesions: radiosurgery (JLGK0901: survival with 5-10 lesions non-inferior to 2-4) or "
    "whole-brain radiotherapy with hippocampal avoidance and memantine, chosen by lesion volume "
    "with the radiation oncologist"
)
MANY_LESIONS = (
    "more than 10 lesions: whole-brain radiotherapy with hippocampal avoidance and memantine; "
    "radiosurgery only for selected patients (JLGK0901 enrolled up to 10)"
)
# Section 10.5 keeps resection for "a large or symptomatic lesion"; among more than 10 the case cannot
# say which lesion causes the symptoms, so resection waits for imaging to name one.
MANY_LESIONS_RESECTION = (
    "more than 10 lesions: resection only if imaging shows one lesion causing symptoms or mass "
    "effect (lesion size is not in the case); otherwise whole-brain radiotherapy first"
)
COUNT_UNKNOWN_ASSUMED = "not given for the brain: radiosurgery is listed first, as for 1-4 lesions"
COUNT_UNKNOWN_EFFECT = (
    "with 5-10 lesions whole-brain radiotherapy with hippocampal avoidance and memantine would be "
    "offered equally; with more than 10 it would be preferred and radiosurgery only considered"
)
# Added to the radiation entries' own evidence for 5 lesions or more (1-4 rests on the guidelines already cited).
MANY_LESION_EVIDENCE = ("jlgk0901-2014", "nrg-cc001-2020")
LESION_COUNT_EVIDENCE = (*MANY_LESION_EVIDENCE, *_ASCO_BRAIN_LOCAL)

# ------------------------------------------------------------------------- leptomeningeal disease

LEPTOMENINGEAL_RADIOTHERAPY = Intervention(
    "Radiotherapy to symptomatic or bulky leptomeningeal sites (focal or whole-brain)", Modality.RADIATION,
    "Focal radiotherapy treats meningeal nodules and clinically symptomatic sites (for example the "
    "skull base with cranial nerve palsies, or the cauda equina); the role of whole-brain "
    "radiotherapy is decreasing (Le Rhun 2019, from the authors of the EANO-ESMO guideline). The "
    "guideline rests more on expert opinion than on trials.",
    _LEPTOMENINGEAL_EVIDENCE,
)
LEPTOMENINGEAL_SYSTEMIC = Intervention(
    "CNS-active HER2 regimen for leptomeningeal disease", Modality.SYSTEMIC,
    "Systemic therapy is one of the treatments of leptomeningeal disease (EANO-ESMO guideline; Le "
    "Rhun 2019). The CNS activity of the tucatinib triplet and trastuzumab deruxtecan was shown in "
    "brain metastases (HER2CLIMB, DESTINY-Breast12); the knowledge base holds no trial in "
    "leptomeningeal disease.",
    (*_LEPTOMENINGEAL_EVIDENCE, "her2climb-brain-2020", "destiny-breast12-2024"),
)
LEPTOMENINGEAL_RESECTION = Intervention(
    "Resection of brain lesions", Modality.SURGERY,
    "Leptomeningeal disease is not treated by resection: surgery is only to place a ventricular "
    f"device (a shunt for hydrocephalus, or a reservoir), decided at the neuro-oncology review. {CONSENSUS}",
)
LEPTOMENINGEAL_RADIOSURGERY = Intervention(
    "Stereotactic radiosurgery", Modality.STEREOTACTIC_RADIATION,
    "Leptomeningeal disease spreads along the meninges and the cerebrospinal fluid, so radiosurgery "
    "of brain lesions is not its treatment here; radiotherapy goes to nodules and symptomatic sites "
    "(Le Rhun 2019, from the authors of the EANO-ESMO guideline).",
    _LEPTOMENINGEAL_EVIDENCE,
)
LEPTOMENINGEAL_NO_LOCAL_THERAPY = (
    "leptomeningeal disease: not treated by resection or radiosurgery of brain lesions; the "
    "neuro-oncology review decides any local treatment"
)
LEPTOMENINGEAL_NOT_OLIGOMETASTATIC = "leptomeningeal disease is never oligometastatic"

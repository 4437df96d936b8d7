"""Site-specific care (clinical-rules.md sections 6-8) as data: each intervention, why, and its evidence.

`decide/sites.py` and its helpers choose which entries apply to a case and put that case's
facts in front of the `basis` written here. Numbers come from the evidence sheet, with the
study that produced them. A basis that is clinical consensus or a guideline rather than a
trial says so; an entry with no study behind it cites none.
"""

from __future__ import annotations

from collections.abc import Mapping

from attrs import frozen

from her2nav.knowledge.regimens import SOURCE_ARTICLE_ID
from her2nav.terms import Modality, SiteName
from her2nav.values import Value


@frozen(repr=False)
class Intervention(Value):
    name: str
    modality: Modality
    basis: str
    evidence: tuple[str, ...] = ()


CONSENSUS = "Basis: clinical consensus; the knowledge base holds no trial of it."

# ----------------------------------------------------------------------------- bone (section 7)

ZOLEDRONIC_ACID = Intervention(
    "Zoledronic acid", Modality.BONE_MODIFYING_AGENT,
    "A bone-modifying agent reduces skeletal events: 4 mg, reduced for creatinine clearance "
    "30-60 mL/min (label table); every 12 weeks was non-inferior to every 4 weeks (CALGB 70604: "
    "at least one skeletal event in 2 years 29.5% vs 28.6%). Calcium and vitamin D beside it, "
    "creatinine before each dose and a dental examination before starting (ASCO 2011).",
    ("calgb-70604-2017", "label-zoledronic-acid-eu", "asco-bma-2011", "swog-s0702"),
)
DENOSUMAB = Intervention(
    "Denosumab", Modality.BONE_MODIFYING_AGENT,
    "A bone-modifying agent reduces skeletal events: 120 mg every 4 weeks (ASCO 2011). Against "
    "zoledronic acid, fewer patients had a skeletal event (31% vs 36%, P=0.006; Martin 2012). "
    "Severe hypocalcemia, including fatal cases, is a label warning: correct hypocalcemia first, "
    "give calcium and vitamin D unless hypercalcemic, and monitor calcium. Dental examination "
    "before starting (ASCO 2011).",
    ("martin-2012", "label-denosumab-us", "asco-bma-2011"),
)
ZOLEDRONIC_ACID_NOT_BELOW = 30.0  # mL/min: "not recommended" below this clearance (SmPC wording)
DENOSUMAB_HIGHEST_RISK_BELOW = 30.0  # mL/min: severe hypocalcemia most likely below this (Xgeva label)
ZOLEDRONIC_ACID_FULL_DOSE_ABOVE = 60.0  # mL/min: over this, no dose change
ZOLEDRONIC_ACID_REDUCED_DOSES: tuple[tuple[float, str], ...] = (  # (lowest clearance of the band, dose)
    (50.0, "3.5 mg"),
    (40.0, "3.3 mg"),
    (30.0, "3.0 mg"),
)
ZOLEDRONIC_ACID_RENAL_AVOID = (
    "creatinine clearance {clearance} mL/min: zoledronic acid is not recommended below 30 mL/min "
    "(summary of product characteristics)"
)
ZOLEDRONIC_ACID_REDUCED = (
    "creatinine clearance {clearance} mL/min: reduced dose {dose} instead of 4.0 mg (label table: "
    "50-60 mL/min 3.5 mg, 40-49 3.3 mg, 30-39 3.0 mg)"
)
ZOLEDRONIC_ACID_CLEARANCE_UNKNOWN = (
    "creatinine clearance not given: measure it before the first dose; the dose depends on it "
    "and zoledronic acid is not recommended below 30 mL/min"
)
ZOLEDRONIC_ACID_DENTAL = (
    "dental disease: treat it before the first dose; osteonecrosis of the jaw occurred in 0.8% "
    "at 1 year, 2.0% at 2 years and 2.8% at 3 years on zoledronic acid, more with poor oral "
    "health (SWOG S0702)"
)
DENOSUMAB_DENTAL = "dental disease: treat it before the first dose (osteonecrosis-of-the-jaw risk)"
DENOSUMAB_HYPOCALCEMIA = (
    "hypocalcemia: correct it before the first dose (label warning: severe, even fatal, hypocalcemia)"
)
DENOSUMAB_RENAL = (
    "creatinine clearance {clearance} mL/min: the risk of severe hypocalcemia is highest below "
    "30 mL/min or on dialysis; check calcium often"
)
DENOSUMAB_CLEARANCE_UNKNOWN = (
    "creatinine clearance not given: the risk of severe hypocalcemia is highest below 30 mL/min"
)
BONE_AGENT_HYPERCALCEMIA = "hypercalcemia now: no calcium or vitamin D supplements until it resolves"
BONE_AGENT_PREGNANCY = "pregnancy: bone-modifying agents are not given during pregnancy (specialist review)"

BONE_PAIN_RADIATION = Intervention(
    "Palliative radiation, a single 8 Gy fraction", Modality.RADIATION,
    "A single 8 Gy fraction relieves bone pain as well as multiple fractions, with more "
    "retreatment later (RTOG 9714 compared 8 Gy once with 30 Gy in 10 fractions).",
    ("rtog-9714-2005",),
)
BONE_PAIN_COMPLICATED = (
    "the single fraction is the standard for uncomplicated bone pain; a lesion that compresses the "
    "cord or has fractured is planned with the entries above"
)
FRACTURE_SURGERY = Intervention(
    "Orthopedic stabilization, then radiation", Modality.SURGERY,
    f"Surgery stabilizes the bone first and radiation follows. {CONSENSUS}",
)
CORD_COMPRESSION_RADIATION = Intervention(
    "Radiation for spinal cord compression, the same day", Modality.RADIATION,
    "With dexamethasone and an MRI of the whole spine; radiation and/or decompressive surgery "
    f"the same day, chosen with the spinal surgeon and the radiation oncologist. {CONSENSUS}",
)
CORD_COMPRESSION_SURGERY = Intervention(
    "Decompressive surgery for spinal cord compression, the same day", Modality.SURGERY,
    "With dexamethasone and an MRI of the whole spine; decompressive surgery and/or radiation "
    f"the same day, chosen with the spinal surgeon and the radiation oncologist. {CONSENSUS}",
)
RADIOPHARMACEUTICAL = Intervention(
    "Bone-seeking radiopharmaceutical (strontium-89 or samarium-153)", Modality.RADIOPHARMACEUTICAL,
    "Only for widespread, painful osteoblastic metastases (the case does not record whether they "
    "are osteoblastic): pain improves in 60-80%, from 1-2 weeks, for 2-6 months (Paes 2011 review).",
    ("paes-2011",),
)
RADIOPHARMACEUTICAL_MYELOSUPPRESSION = "myelosuppression: lowers blood counts and limits later chemotherapy"
RADIOPHARMACEUTICAL_MARROW = (
    "bone marrow involvement: not given with existing myelosuppression; check blood counts first"
)
RADIOPHARMACEUTICAL_PREGNANCY = "pregnancy: a radionuclide is not given during pregnancy (specialist review)"

# ---------------------------------------------------------------------------- brain (section 6)

_ASCO_BRAIN_LOCAL = ("asco-her2-brain-2014",)  # local therapy by number, size and symptoms; unchanged in 2018

BRAIN_SURGERY = Intervention(
    "Neurosurgical resection", Modality.SURGERY,
    "Surgery for a large (over 3-4 cm) or symptomatic lesion (ASCO HER2-positive brain "
    "metastases guideline, 2022 rec 2.1), followed for most patients by radiotherapy to the "
    "cavity (rec 2.4). Lesion size is not in the case. The 2014 guideline is cited: it already "
    "set local therapy by size and symptoms, and the 2022 update's citation could not be verified.",
    _ASCO_BRAIN_LOCAL,
)
BRAIN_RADIOSURGERY = Intervention(
    "Stereotactic radiosurgery", Modality.STEREOTACTIC_RADIATION,
    "Radiosurgery for a limited number of lesions; for a single lesion under 3-4 cm without "
    "symptomatic mass effect, radiosurgery or surgery (ASCO brain guideline, 2022 rec 2.2). Its "
    "tier follows the number of lesions. The 2014 guideline "
    "is cited; the 2022 update's citation could not be verified.",
    _ASCO_BRAIN_LOCAL,
)
BRAIN_WHOLE_BRAIN = Intervention(
    "Whole-brain radiotherapy with hippocampal avoidance and memantine", Modality.RADIATION,
    "When lesions are too many for radiosurgery. NRG CC001: hippocampal avoidance with memantine "
    "reduced cognitive failure (adjusted HR 0.74) and executive-function decline at 4 months "
    "(23.3% vs 40.4%), with no difference in overall survival, intracranial progression-free "
    "survival or toxicity.",
    ("nrg-cc001-2020", *_ASCO_BRAIN_LOCAL),
)
BRAIN_DEFER = Intervention(
    "Defer local therapy: CNS-active HER2 regimen with close brain MRI follow-up", Modality.SYSTEMIC,
    "Local therapy may wait until intracranial progression when a CNS-active HER2 regimen is "
    "given, decided by the multidisciplinary team (ASCO brain guideline 2022, weak: rec 2.3 for a "
    "single lesion under 2 cm without symptomatic mass effect, rec 7.1 for the tucatinib regimen). "
    "HER2CLIMB, active brain metastases: intracranial response 47% vs 20%. Trastuzumab "
    "deruxtecan in single-arm studies: DESTINY-Breast12 CNS response 71.7%, TUXEDO-1 "
    "intracranial response 73.3% (n=15).",
    ("her2climb-brain-2020", "destiny-breast12-2024", "tuxedo-1-2022"),
)
_HER2_THERAPY_WITH_BRAIN_METASTASES = (
    "HER2-targeted therapy is associated with longer survival with brain metastases "
    "(meta-analysis of 97 studies, 40% at high risk of bias: HR 0.47)"
)
_TREAT_THE_BRAIN_AGAIN = "treat the brain again (radiosurgery, or surgery for a large or symptomatic lesion)"
_ONGOING_CANNOT_CONTINUE = (
    "The ongoing regimen cannot continue (see its cautions among the systemic options)"
)
BRAIN_CONTINUE = Intervention(
    "Continue systemic therapy; brain MRI follow-up", Modality.SYSTEMIC,
    f"Keep the systemic therapy. {_HER2_THERAPY_WITH_BRAIN_METASTASES}, which bears out the 2019 "
    "source article's claim for trastuzumab. ASCO (2022, rec 8.2 qualifying statement) adds the "
    "tucatinib regimen for stable brain metastases after local therapy.",
    ("erickson-2020", SOURCE_ARTICLE_ID),
)
BRAIN_STABLE_NEXT_REGIMEN = Intervention(
    "Brain MRI follow-up; the next systemic regimen from the options above", Modality.SYSTEMIC,
    f"Treated, stable brain metastases: follow them with brain MRI. {_ONGOING_CANNOT_CONTINUE}, so "
    f"the systemic therapy changes. {_HER2_THERAPY_WITH_BRAIN_METASTASES}.",
    ("erickson-2020",),
)
BRAIN_FURTHER_LOCAL = Intervention(
    "Further local therapy to the brain, keeping the current systemic therapy", Modality.STEREOTACTIC_RADIATION,
    f"Brain progression after local therapy while the body is controlled: {_TREAT_THE_BRAIN_AGAIN} "
    "and keep the systemic therapy that controls the body (ASCO HER2-positive brain metastases "
    "guideline).",
    _ASCO_BRAIN_LOCAL,
)
BRAIN_FURTHER_LOCAL_NEXT_REGIMEN = Intervention(
    "Further local therapy to the brain (the ongoing regimen cannot continue)", Modality.STEREOTACTIC_RADIATION,
    f"Brain progression after local therapy: {_TREAT_THE_BRAIN_AGAIN}. {_ONGOING_CANNOT_CONTINUE}; "
    "any next regimen comes from those options, a CNS-active one where offered (ASCO "
    "HER2-positive brain metastases guideline).",
    _ASCO_BRAIN_LOCAL,
)
BRAIN_SWITCH = Intervention(
    "Switch to a CNS-active HER2 regimen", Modality.SYSTEMIC,
    "Brain progression after local therapy with no ongoing systemic course that controls the body "
    "and can continue: change to a regimen with CNS activity. HER2CLIMB, active brain metastases: overall survival "
    "20.7 vs 11.6 months; trastuzumab deruxtecan, DESTINY-Breast12 (single-arm): CNS response "
    "71.7%.",
    ("her2climb-brain-2020", "destiny-breast12-2024"),
)
BRAIN_STATUS_UNKNOWN = Intervention(
    "Local therapy chosen by number, size and symptoms", Modality.STEREOTACTIC_RADIATION,
    "The brain status (untreated, treated and stable, or progressing after local therapy) is not "
    "given, so the navigator did not choose: radiosurgery for a limited number of lesions, "
    "surgery for a large or symptomatic one, whole-brain radiotherapy with hippocampal avoidance "
    "and memantine when they are many.",
    _ASCO_BRAIN_LOCAL,
)
BRAIN_DEFER_SYMPTOMATIC = (
    "neurologic symptoms: local therapy comes first; deferral is only for lesions without symptoms"
)
NO_CNS_ACTIVE_REGIMEN = (
    "no CNS-active regimen (tucatinib + trastuzumab + capecitabine, or trastuzumab deruxtecan "
    "alone) is offered at this line"
)
BRAIN_DEFER_NO_REGIMEN = f"{NO_CNS_ACTIVE_REGIMEN}, so local therapy should not wait"
LEPTOMENINGEAL_CAUTION = "leptomeningeal disease: plan every brain treatment with the neuro-oncology specialist review"
INTRATHECAL_NOT_OFFERED = (
    "intrathecal trastuzumab is not offered: the evidence sheet holds no study of it"
)
BRAIN_ONLY_PROGRESSION = (
    "The brain is progressing after local therapy while this regimen controls the body: keep it "
    "and treat the brain locally (see the site-specific options); change to a CNS-active option "
    "below if the body progresses too."
)
SOURCE_ARTICLE_BRAIN = (
    "the 2019 source article said trastuzumab improves survival with brain metastases: observational "
    "data bear it out (meta-analysis of 97 studies: HR 0.47); it called T-DM1 and pertuzumab "
    "promising: T-DM1 showed modest CNS activity (KAMILLA, response 21.4%) and the knowledge base "
    "holds no CNS data for pertuzumab; it found lapatinib alone weak and better with chemotherapy: "
    "lapatinib + capecitabine did produce CNS responses (LANDSCAPE, 65.9%) but did not prevent CNS "
    "relapse better than trastuzumab + capecitabine (CEREBEL); tucatinib and trastuzumab deruxtecan "
    "are now the CNS-active standards"
)
SOURCE_ARTICLE_EVIDENCE = (SOURCE_ARTICLE_ID,)  # cited by a result whose trace compares it (brain)

# ------------------------------------------------ liver, lung, pleura, other sites (section 8)

SITE_WORDS: Mapping[SiteName, str] = {
    SiteName.LIVER: "Liver metastases",
    SiteName.LUNG: "Lung metastases",
    SiteName.PLEURA: "Pleural metastases",
    SiteName.LYMPH_NODE: "Lymph node metastases",
    SiteName.SKIN: "Skin metastases",
    SiteName.SOFT_TISSUE: "Soft-tissue metastases",
    SiteName.BONE_MARROW: "Bone marrow involvement",
    SiteName.OTHER: "Metastases at another site",
    SiteName.BONE: "Bone metastases",
    SiteName.BRAIN: "Brain metastases",
}
SYSTEMIC_FOR_SITE = Intervention(
    "Systemic therapy (the systemic options above)", Modality.SYSTEMIC,
    "Systemic therapy is the treatment; local treatment is for symptoms or selected cases. The "
    "systemic options follow ASCO 2022.",
    ("asco-her2-2022",),
)
_OLIGOMETASTATIC_BASIS = (
    "Local treatment of every lesion may be considered for selected patients, for local control. "
    "NRG-BR002 (newly oligometastatic breast cancer, 4 or fewer extracranial metastases; abstract "
    "only) found no benefit: progression-free survival 19.5 months with ablation vs 23 months "
    "without (HR 0.92), 36-month overall survival 68.9% vs 71.8%. SABR-COMET's survival signal "
    "(5-year overall survival 42.3% vs 17.7%) came from a randomized phase 2 of mixed tumors with "
    "18 breast cancers, with 3 treatment-related deaths (4.5%) after SABR."
)
_OLIGOMETASTATIC_EVIDENCE = ("nrg-br002-2022", "sabr-comet-2020", "sabr-comet-2019")
OLIGOMETASTATIC_SURGERY = Intervention(
    "Surgical resection of the metastases", Modality.SURGERY, _OLIGOMETASTATIC_BASIS, _OLIGOMETASTATIC_EVIDENCE,
)
OLIGOMETASTATIC_SBRT = Intervention(
    "Stereotactic body radiotherapy (SBRT) of the metastases", Modality.STEREOTACTIC_RADIATION,
    _OLIGOMETASTATIC_BASIS, _OLIGOMETASTATIC_EVIDENCE,
)
EMBOLIZATION = Intervention(
    "Liver-directed intra-arterial therapy (chemoembolization or radioembolization)", Modality.EMBOLIZATION,
    "For liver-dominant disease resistant to systemic therapy. The evidence is non-randomized "
    "studies gathered in systematic reviews; there is no randomized trial.",
    ("feretis-2020",),
)
PARACENTESIS = Intervention("Paracentesis", Modality.PROCEDURE, f"Drains ascites to relieve symptoms. {CONSENSUS}")
PRURITUS_RELIEF = Intervention(
    "Symptom relief for pruritus", Modality.SUPPORTIVE, f"Supportive care for itch. {CONSENSUS}")
THORACENTESIS = Intervention(
    "Thoracentesis", Modality.PROCEDURE, f"Drains the pleural effusion to relieve breathlessness. {CONSENSUS}",
)
PLEURODESIS = Intervention(
    "Pleurodesis or an indwelling pleural catheter", Modality.PROCEDURE,
    f"If the effusion comes back after drainage. {CONSENSUS}",
)
SKIN_RADIATION = Intervention(
    "Palliative radiation to the skin lesion", Modality.RADIATION,
    f"Radiation for an ulcerated or bleeding skin metastasis, with wound care. {CONSENSUS}",
)
WOUND_CARE = Intervention(
    "Wound care", Modality.SUPPORTIVE,
    f"Dressings and wound care for an ulcerated or bleeding skin metastasis. {CONSENSUS}",
)
_ISOLATED_BASIS = (
    "An isolated lesion may be removed or irradiated for local control; adding local treatment "
    "to systemic therapy did not improve progression-free or overall survival in oligometastatic "
    "breast cancer (NRG-BR002, abstract)."
)
ISOLATED_SURGERY = Intervention(
    "Excision of the isolated lesion", Modality.SURGERY, _ISOLATED_BASIS, ("nrg-br002-2022",))
ISOLATED_RADIATION = Intervention(
    "Radiation to the isolated lesion", Modality.RADIATION, _ISOLATED_BASIS, ("nrg-br002-2022",),
)
JAUNDICE_VISCERAL_NOTE = "jaundice: consider whether this is visceral crisis, which needs a rapid response"
DYSPNEA_NOTE = "dyspnea is recorded: an effusion, if present, is drained (thoracentesis)"

# --------------------------------------------------------------- the intact primary (section 8)

_PRIMARY_LOCAL_BASIS = (
    "For local control: local treatment of the primary lowers locoregional progression (E2108: "
    "16.3% vs 39.8% at 3 years; meta-analysis of 4 randomized trials: HR 0.36) but does not "
    "lengthen survival (E2108 HR 1.11; meta-analysis HR 0.97, HER2-positive subgroup 0.93)."
)
PRIMARY_PALLIATIVE_SURGERY = Intervention(
    "Palliative surgery of the primary tumor", Modality.SURGERY, _PRIMARY_LOCAL_BASIS, ("e2108-2022", "lrt-meta-2021"),
)
PRIMARY_PALLIATIVE_RADIATION = Intervention(
    "Palliative radiation to the primary tumor", Modality.RADIATION, _PRIMARY_LOCAL_BASIS,
    ("e2108-2022", "lrt-meta-2021"),
)
PRIMARY_SURVIVAL_SURGERY = Intervention(
    "Surgery of the primary tumor to prolong survival", Modality.SURGERY,
    "The 2019 source article said surgery of the primary improves survival in stage IV "
    "HER2-positive disease; randomized trials since do not support it: Tata Memorial HR 1.04, "
    "E2108 HR 1.11, meta-analysis of 4 trials HR 0.97 "
    "(HER2-positive subgroup 0.93). MF07-01, the only positive trial (HR 0.66 at a median "
    "follow-up of 40 months, no difference at 36 months), found its benefit in unplanned "
    "subgroups such as HER2-negative disease. Local treatment improves local control without a "
    "quality-of-life gain: it is for symptoms or local control.",
    ("tata-memorial-2015", "e2108-2022", "lrt-meta-2021", "mf07-01-2018", SOURCE_ARTICLE_ID),
)
PRIMARY_NO_SURVIVAL_GAIN = (
    "no survival benefit in randomized trials: surgery of the primary is for symptoms or local control only"
)

# ------------------------------------------------------------------------- pregnancy (section 0)

RADIATION_PREGNANCY = "pregnancy: radiation only after review by the cancer-in-pregnancy specialist team"
SYSTEMIC_PREGNANCY = (
    "pregnancy: no systemic regimen is offered (see the systemic options); the cancer-in-pregnancy "
    "specialist team decides, as chemotherapy depends on the trimester and HER2-targeted therapy "
    "waits until after delivery"
)
PROCEDURE_PREGNANCY = "pregnancy: only after review by the cancer-in-pregnancy specialist team"

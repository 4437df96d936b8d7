"""Safety knowledge (clinical-rules.md section 5): which drugs each caution concerns, and its words.

The decision module `decide/cautions.py` chooses which of these apply to a case; the
sentences and drug lists live here so that a reviewer can check them in one place.
"""

from __future__ import annotations

from collections.abc import Mapping

from her2nav.terms import Menopause

CARDIAC_HER2_DRUGS = frozenset({
    "trastuzumab", "pertuzumab", "trastuzumab emtansine", "trastuzumab deruxtecan", "margetuximab",
})
LVEF_CAUTION_BELOW = 50.0
LVEF_AVOID_BELOW = 40.0
LVEF_HOLD_RULES = (
    "US trastuzumab label: withhold for at least 4 weeks and repeat LVEF every 4 weeks for an "
    "absolute fall of 16 points or more from baseline; EU summary of product characteristics: "
    "suspend for a fall of 10 points to below 50% and repeat in about 3 weeks"
)

NEUROPATHY_DRUGS = frozenset({
    "docetaxel", "paclitaxel", "nab-paclitaxel", "eribulin", "vinorelbine", "trastuzumab emtansine",
})
NEUROPATHY_TEXT = (
    "worsens neuropathy: consider dose delay, reduction or another partner; no agent prevents it "
    "(ASCO 2020), duloxetine has limited benefit for painful neuropathy"
)

HEPATIC_DOSE_DRUGS = frozenset({"trastuzumab emtansine", "tucatinib", "neratinib", "lapatinib"})
HEPATIC_TEXT = "dose changes in hepatic impairment: check the label before dosing"

DIARRHEA_TEXT: Mapping[str, str] = {
    "neratinib": "diarrhea: loperamide prophylaxis from the first dose (NALA: grade 3 in 24.4%)",
    "lapatinib": "diarrhea is common with HER2 tyrosine-kinase inhibitors: antidiarrheal plan before starting",
    "tucatinib": "diarrhea is common with tucatinib: antidiarrheal plan before starting",
    "pyrotinib": "diarrhea: grade 3 or worse in 46% in PHILA",
}
HER2_TKIS = frozenset(DIARRHEA_TEXT)

# Drugs that continue beyond progression, as the partner of drugs the disease has not failed (GBG-26).
CONTINUED_BEYOND_PROGRESSION = frozenset({"trastuzumab"})
BEYOND_PROGRESSION_TEXT = ("it continues beyond progression only as the partner of drugs the disease has not "
                           "failed (GBG-26)")

# Interstitial lung disease rules these drugs out; trastuzumab deruxtecan also has its own re-challenge rules below.
TRASTUZUMAB_DERUXTECAN = "trastuzumab deruxtecan"
ILD_RULES_OUT = frozenset({TRASTUZUMAB_DERUXTECAN})
ILD_TEXT = (
    "interstitial lung disease: trastuzumab deruxtecan is not offered (pooled drug-related ILD "
    "15.4%, fatal 2.2%; trials excluded ILD needing steroids; no data after prior ILD)"
)
DPD_TEXT = (
    "DPD deficiency: complete deficiency has no safe capecitabine dose (boxed warning); DPYD "
    "testing before starting"
)
CAPECITABINE_RENAL_LIMIT = 30.0  # mL/min: capecitabine is not given below this clearance
PREGNANCY_TEXT = (
    "pregnancy: no regimen is offered here; HER2-targeted therapy causes embryo-fetal toxicity "
    "(oligohydramnios), endocrine therapy and bone agents are likewise not given, chemotherapy "
    "depends on the trimester (specialist team), and HER2-targeted therapy waits until after delivery"
)
VISCERAL_CRISIS_TEXT = (
    "visceral crisis: needs a rapid response, so endocrine-based therapy without chemotherapy "
    "is not offered"
)
ER_LOW_TEXT = "ER-low (1-10%): benefit of endocrine therapy is uncertain"
OVARIAN_SUPPRESSION_TEXT: Mapping[Menopause, str] = {
    Menopause.PRE: "premenopausal: an aromatase inhibitor needs ovarian function suppression (a GnRH agonist)",
    Menopause.UNKNOWN: ("menopausal status unknown: an aromatase inhibitor alone works only after the "
                        "menopause; confirm status or add ovarian function suppression"),
}
MALE_AROMATASE_INHIBITOR_TEXT = "male patient: an aromatase inhibitor needs a GnRH agonist"
POOR_PERFORMANCE_ECOG = 3
BONE_MARROW_TEXT = "bone marrow involvement: myelosuppressive chemotherapy needs close blood-count monitoring"
JAUNDICE_TEXT = "jaundice: review doses of hepatically cleared drugs and consider whether this is visceral crisis"

# Lapatinib and the heart (clinical-rules.md section 10.6), quoting the US Tykerb label
# (Warnings and Precautions; Dose Modification Guidelines, cardiac events).
LAPATINIB = "lapatinib"
LAPATINIB_LVEF_LABEL = (
    "lapatinib US label: evaluate LVEF before starting to confirm it is within the institution's "
    "normal limits, and during treatment; stop for a decrease of grade 2 or more or below the "
    "institution's lower limit of normal; it may restart at 1,000 mg a day after at least 2 weeks "
    "if LVEF recovers to normal and the patient has no symptoms"
)
LAPATINIB_AVOID = "not given below 40%, as for the HER2 antibodies, pending cardio-oncology review"

# Fitness (clinical-rules.md section 10.7). ECOG 3: chemotherapy-containing options one tier
# lower; ECOG 4: `consider` at most, and a palliative-care review.
ECOG_ONE_TIER_LOWER = 3
ECOG_CONSIDER_AT_MOST = 4
POOR_FITNESS_TIER_TEXT: Mapping[int, str] = {
    3: "one tier lower than for a fit patient, as it contains chemotherapy",
    4: "consider at most, as it contains chemotherapy",
}
BEST_SUPPORTIVE_CARE = (
    "best supportive care alone is a valid choice; HER2-targeted therapy without chemotherapy "
    "keeps its tier"
)
# Pivotal trials whose eligibility (ECOG 0-1) was verified (docs/evidence-verification.md), by regimen key.
ENROLLED_ECOG_0_1: Mapping[str, str] = {
    "thp": "CLEOPATRA enrolled only patients with ECOG 0 or 1",
}

# Liver function and the taxane (clinical-rules.md section 10.12), quoting the docetaxel US label's
# boxed warning and the paclitaxel label's hepatic precaution.
DOCETAXEL = "docetaxel"
PACLITAXEL = "paclitaxel"
DOCETAXEL_HEPATIC_TEXT = (
    "liver impairment: docetaxel is not given (US label, boxed warning: avoid with bilirubin above "
    "the upper limit of normal, or AST and/or ALT above 1.5 times it with alkaline phosphatase above "
    "2.5 times it; treatment-related deaths are more frequent with abnormal liver function); "
    "paclitaxel is the taxane to use instead"
)
PACLITAXEL_HEPATIC_TEXT = (
    "liver impairment: higher risk of toxicity, particularly grade 3-4 myelosuppression, and not "
    "recommended with severe impairment (bilirubin over 5 times the upper limit of normal, or "
    "transaminases 10 times or more) (paclitaxel label); check liver tests before each dose"
)

# Section 10.3: the toxicity that stopped a course, by kind (the contract's `toxicity.kind` values).
TOXICITY_KIND_WORDS: Mapping[str, str] = {
    "ild": "interstitial lung disease",
    "cardiac": "cardiac toxicity",
    "neuropathy": "neuropathy",
    "diarrhea": "diarrhea",
    "hepatic": "hepatic toxicity",
    "hematologic": "hematologic toxicity",
    "infusion": "infusion reaction",
    "other": "toxicity",
}
TDXD_ILD_PERMANENT_GRADE = 2
TDXD_ILD_PERMANENT_TEXT = (
    "the US trastuzumab deruxtecan label permanently discontinues it after symptomatic (grade 2 or "
    "higher) interstitial lung disease; a grade not given is read as grade 2 or higher"
)
TDXD_ILD_UNRESOLVED_TEXT = (
    "not recorded as resolved: the US label resumes trastuzumab deruxtecan after asymptomatic "
    "(grade 1) interstitial lung disease only once it has resolved to grade 0"
)
TDXD_ILD_RESUME_TEXT = (
    "after asymptomatic (grade 1) interstitial lung disease resolved to grade 0, the US label allows "
    "resuming it, at the same dose if it resolved within 28 days of onset (otherwise see the label's "
    "dose modifications); stop it for good if symptomatic ILD follows"
)
CARDIAC_RECHALLENGE_TEXT = (
    f"re-challenge follows the LVEF rules: LVEF before and during treatment; {LVEF_HOLD_RULES}"
)

# Section 10.14: a caution quotes the trial of the regimen it is attached to (keyed by regimen key);
# it takes the place of the drug's general diarrhea caution, whose advice it repeats.
REGIMEN_DIARRHEA_TEXT: Mapping[str, str] = {
    "tucatinib-h-x": ("tucatinib: diarrhea in HER2CLIMB, this regimen's trial (US label): 81% any grade, 12% "
                      "grade 3 and 0.5% grade 4; antidiarrheal plan before starting"),
    "maintenance-tucatinib": ("tucatinib: diarrhea in HER2CLIMB-05, this regimen's trial: 72.7%; antidiarrheal "
                              "plan before starting"),
}
REGIMEN_DIARRHEA_DRUG: Mapping[str, str] = {"tucatinib-h-x": "tucatinib", "maintenance-tucatinib": "tucatinib"}

"""The words of the actions the navigator asks for, with the evidence they rest on."""

REBIOPSY = (
    "Biopsy a metastasis and re-test ER, PR and HER2 before choosing treatment: receptor status "
    "changes between primary and metastasis (Schrijver 2018 meta-analysis, direction-specific "
    "pooled conversion: HER2 positive to negative 21.3%, negative to positive 9.5%); ESMO 2021 "
    "recommends a biopsy at first metastatic diagnosis."
)
REFLEX_ISH = "Order ISH on the same specimen: IHC 2+ is equivocal until ISH is known."
CARDIAC_REDUCED = (
    "Cardiac assessment (echocardiogram or MUGA, cardio-oncology review) before HER2-targeted "
    "therapy: {finding}."
)
CARDIAC_MISSING = (
    "Measure LVEF before starting HER2-targeted therapy (the trastuzumab label requires it before "
    "and during treatment); cardiac cautions were not evaluated without it."
)
PREGNANCY = (
    "Refer to a specialist team for cancer in pregnancy: no HER2-targeted, endocrine or "
    "bone-modifying therapy during pregnancy; chemotherapy depends on the trimester; "
    "HER2-targeted therapy after delivery."
)
CLINICAL_TRIAL_LATER_LINE = (
    "Offer a clinical trial: from the third line on no randomized order of regimens exists."
)
CLINICAL_TRIAL_NOTHING_LEFT = (
    "Offer a clinical trial: no systemic option in the knowledge base suits this patient."
)

# Site-specific actions (clinical-rules.md sections 6-7): one sentence each.
URGENT_CORD_COMPRESSION = (
    "Spinal cord compression: give dexamethasone now, get an MRI of the whole spine and arrange "
    "radiation and/or decompressive surgery the same day."
)
URGENT_HYPERCALCEMIA = (
    "Hypercalcemia: treat it now with intravenous hydration and a bone-modifying agent."
)
URGENT_HYPERCALCEMIA_PREGNANCY = (
    "Hypercalcemia in pregnancy: treat it now with intravenous hydration and involve the "
    "cancer-in-pregnancy specialist team today, because bone-modifying agents are not given in pregnancy."
)
URGENT_NEUROLOGIC = (
    "Symptomatic brain metastases: start corticosteroids for edema and arrange neurosurgical and "
    "radiation oncology review now."
)
# Leptomeningeal disease is not resected (clinical-rules.md 10.5): the urgent review is neuro-oncology's.
URGENT_NEUROLOGIC_LEPTOMENINGEAL = (
    "Neurologic symptoms with leptomeningeal disease: start corticosteroids for edema and arrange "
    "neuro-oncology and radiation oncology review now (surgery only to place a ventricular device, "
    "for hydrocephalus)."
)
DENTAL_REVIEW = (
    "Dental review, and treatment of dental disease, before the first dose of a bone-modifying "
    "agent: dental disease raises the risk of osteonecrosis of the jaw."
)
LEPTOMENINGEAL = (
    "Leptomeningeal disease: refer for neuro-oncology specialist review before treatment is chosen."
)
PALLIATIVE_CARE = (
    "ECOG 4: refer for palliative care review; chemotherapy-containing options are at most "
    "'consider', and best supportive care alone is a valid choice."
)

# HER2 tests that disagree outright (clinical-rules.md 10.9): the same action in both directions.
HER2_DISCORDANT = (
    "HER2 tests discordant ({tests}): {reading} Ask pathology to review both tests (the same specimen, "
    "the tumour area scored, the controls) and confirm HER2 status before HER2-directed therapy."
)
HER2_DISCORDANT_IHC_3 = "navigated as HER2-positive, since ASCO/CAP 2018 reads IHC 3+ as positive."
HER2_DISCORDANT_ISH_AMPLIFIED = (
    "navigated as HER2-positive, reading ISH amplified as positive; ASCO/CAP 2018 reads IHC 0 and 1+ "
    "as negative and asks for the IHC to be reviewed beside ISH results that are not clear-cut."
)
HER2_DISCORDANT_GIVEN = "her2 given as {her2}: navigated on that reading."

# The code of each action a result can give (JSON `code`): stable where the wording above may change.
ACTION_CODES = frozenset({
    "her2-discordant", "rebiopsy", "pregnancy", "palliative-care", "clinical-trial-nothing-left",
    "clinical-trial-later-line", "cardiac-reduced", "cardiac-missing", "urgent-neurologic",
    "urgent-neurologic-leptomeningeal", "leptomeningeal",
    "urgent-cord-compression", "urgent-hypercalcemia", "urgent-hypercalcemia-pregnancy", "dental-review",
})

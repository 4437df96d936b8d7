"""The code of each caution a result can give (JSON `caution_codes`, beside `cautions`).

A caution's words may change (numbers of the case, wording); its code does not. The decisions
choose the code where they decide the caution; a test checks that every code a result gives is
here and that every code here is given for some case.
"""

CAUTION_CODES = frozenset({
    # Pregnancy (clinical-rules.md section 0): a systemic option, or a site entry that means one.
    "pregnancy",
    # The history (sections 3, 10.3, 10.4, 10.11).
    "failed-before", "failed-relative", "continued-beyond-progression", "received-before",
    "tdxd-received-at-second-line",
    "toxicity-stopped", "cardiac-toxicity-stopped", "cardiac-toxicity-other-drug",
    "tdxd-ild-permanent", "tdxd-ild-unresolved", "tdxd-ild-resolved", "tki-cross-resistance",
    "induction-completed", "relapse-within-6-months", "add-endocrine-to-maintenance",
    # One drug and the patient (section 5, 10.6, 10.12, 10.13).
    "cardiac-ruled-out", "cardiac-lvef-reduced", "lapatinib-cardiac-ruled-out", "lapatinib-cardiac",
    "interstitial-lung-disease", "peripheral-neuropathy", "dpd-deficiency", "capecitabine-renal",
    "hepatic-dose", "docetaxel-hepatic", "paclitaxel-hepatic", "diarrhea", "diarrhea-regimen-trial",
    "male-aromatase-inhibitor", "ovarian-suppression", "male-endocrine-partner", "no-suitable-partner",
    # The regimen as a whole, and fitness (sections 5, 10.7).
    "endocrine-visceral-crisis", "er-low", "ecog-chemotherapy", "bone-marrow", "jaundice",
    "poor-fitness", "trial-enrolled-ecog-0-1",
    # Site entries (sections 6-7, 10.5).
    "radiation-pregnancy", "procedure-pregnancy", "bone-pain-complicated",
    "bone-agent-pregnancy", "bone-agent-hypercalcemia",
    "zoledronic-acid-clearance-unknown", "zoledronic-acid-renal", "zoledronic-acid-reduced-dose",
    "zoledronic-acid-dental", "denosumab-hypocalcemia", "denosumab-clearance-unknown", "denosumab-renal",
    "denosumab-dental", "radiopharmaceutical-myelosuppression", "radiopharmaceutical-bone-marrow",
    "radiopharmaceutical-pregnancy", "leptomeningeal", "leptomeningeal-no-local-therapy",
    "no-cns-active-regimen", "many-lesions-resection", "brain-defer-symptomatic", "brain-defer-no-regimen",
    "primary-surgery-no-survival-gain",
})

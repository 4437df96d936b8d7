"""The words of `missing` for each default a case is read with (docs/case-format.md, "Defaults").

Each entry says what was taken and how knowing the fact could change the answer; the
decision code (decide/defaults.py) chooses which apply to a case.
"""

from __future__ import annotations

TAKEN_AS = "not given, taken as"

PRIMARY_UNKNOWN = "not given, so whether the primary tumor is intact is unknown (no entry for it)"
PRIMARY_UNKNOWN_EFFECT = (
    "an intact primary would add entries for it: palliative surgery or radiation when it causes "
    "symptoms, and surgery for survival weighed and advised against"
)

ENDOCRINE_PARTNER = "an aromatase inhibitor"
NO_ENDOCRINE_OPTIONS = (
    "would not change this answer: it bears on endocrine options only, which a "
    "hormone-receptor-negative case does not have"
)
PR_UNKNOWN_HR_POSITIVE = "hormone-receptor status rests on ER; a positive PR would not change it"
PR_UNKNOWN_HR_NEGATIVE = "a positive PR would make the case hormone-receptor positive and add endocrine options"
ER_UNKNOWN = "ER low (1-10%) would add a caution to endocrine options"
MENOPAUSE_MALE = "does not apply to a male patient"
MENOPAUSE_UNKNOWN = (
    "ovarian function suppression is advised with {endocrine}; postmenopausal status would remove that caution"
)
SEX_MALE = "a male patient needs a GnRH analogue with {endocrine}"
CONDITIONS_NONE = (
    "heart failure, interstitial lung disease, peripheral neuropathy, pregnancy, DPD deficiency, "
    "hepatic impairment, dental disease or hypocalcemia would add cautions or rule options out"
)
VISCERAL_CRISIS = "a visceral crisis rules out endocrine therapy without chemotherapy"
NO_TREATMENTS = "no earlier anticancer treatment"
NO_TREATMENTS_EFFECT = "a HER2-directed course that failed would move the case to a later line"

OUTCOME_PERIOPERATIVE = "progression during it would count as a failed line and rule its drugs out"
OUTCOME_METASTATIC = (
    "counted as a failed line; completed, stopped for toxicity or ongoing would not count, and its "
    "drugs could be offered again"
)
LATE_RELAPSE = "a relapse more than {window:g} months after the course"
LATE_RELAPSE_EFFECT = (
    "a relapse within {window:g} months would count as a failed first line (give the course's end "
    "and metastatic_diagnosis, or the months)"
)

SITE_SYMPTOMS = "{site} symptoms ({symptoms}) would add urgent actions or site-specific entries"
LEPTOMENINGEAL = (
    "leptomeningeal disease would rule out resection and radiosurgery of brain lesions, make the case "
    "never oligometastatic, and add a neuro-oncology review (clinical-rules.md 10.5)"
)

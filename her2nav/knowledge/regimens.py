"""Systemic regimens the navigator can offer, each with its evidence and what it showed.

A regimen has drugs every patient gets (`required`), a choice of partner of which one is
given (`one_of`), and drugs that may be added (`optional`). A partner or optional drug that
is unsuitable for a case is dropped with a caution; an unsuitable required drug makes the
whole regimen `avoid`. Numbers in `summary` come from the evidence sheet, with the
trial that produced them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from attrs import frozen

from her2nav.values import Value

AROMATASE_INHIBITORS = ("anastrozole", "letrozole")
SOURCE_ARTICLE_ID = "source-article-2019"  # cited by every entry that mentions the 2019 source article
LATER_LINE_CHEMOTHERAPY = ("capecitabine", "vinorelbine", "eribulin", "gemcitabine")
TAXANES = ("docetaxel", "paclitaxel")


@frozen(repr=False)
class Note(Value):
    """A sentence added to a systemic option's rationale, with the studies behind it."""

    text: str
    evidence: tuple[str, ...]


@frozen(repr=False)
class Regimen(Value):
    key: str
    name: str
    required: tuple[str, ...]
    evidence: tuple[str, ...]
    summary: str
    one_of: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()
    brain_note: Note | None = None  # added to the rationale when the case has brain metastases
    cns_active: bool = False  # CNS evidence in the knowledge base: the brain rules look for such an option

    @property
    def drugs(self) -> tuple[str, ...]:
        return (*self.required, *self.one_of, *self.optional)


# Sentences added to systemic options when the case has brain metastases; they also report what
# became of the 2019 source article's claims (evidence.md section 12).
_TDXD_BRAIN_NOTE = Note(
    "With brain metastases, CNS-active in single-arm studies: DESTINY-Breast12 (stable and "
    "active brain metastases) CNS response 71.7%, 12-month CNS progression-free survival "
    "58.9%; TUXEDO-1 (active brain metastases, n=15) intracranial response 73.3%.",
    ("destiny-breast12-2024", "tuxedo-1-2022"),
)
_TDM1_BRAIN_NOTE = Note(
    "With brain metastases, modest CNS activity (KAMILLA, measurable brain metastases: "
    "response 21.4%); the 2019 source article called T-DM1 promising here, and the CNS-active "
    "standards are now tucatinib and trastuzumab deruxtecan.",
    ("kamilla-brain-2020", SOURCE_ARTICLE_ID),
)
_TUCATINIB_BRAIN_NOTE = Note(
    "HER2CLIMB update with brain metastases: overall survival gain 9.1 months; risk of new "
    "brain lesions or death 45.1% lower.",
    ("her2climb-brain-2023",),
)
_LAPATINIB_BRAIN_NOTE = Note(
    "The 2019 source article said lapatinib has little effect on brain metastases. With "
    "capecitabine it did produce CNS responses (LANDSCAPE, untreated brain metastases: 29/44, "
    "65.9%) but did not prevent CNS relapse better than trastuzumab + capecitabine (CEREBEL: "
    "3% vs 5%, not significant; progression-free and overall survival favoured trastuzumab, "
    "HR 1.30 and 1.34); the CNS-active standards are now tucatinib and trastuzumab deruxtecan.",
    ("landscape-2013", "cerebel-2015", SOURCE_ARTICLE_ID),
)

# CNS-active: evidence of CNS activity in the knowledge base (HER2CLIMB; DESTINY-Breast12,
# TUXEDO-1). Trastuzumab deruxtecan with pertuzumab has no CNS data here, so it is not.
_REGIMEN_LIST = (
    Regimen(
        "thp", "THP", ("trastuzumab", "pertuzumab"),
        ("cleopatra-2015", "cleopatra-2012", "peruse-2021", "asco-her2-2022"),
        "CLEOPATRA (docetaxel + trastuzumab with or without pertuzumab): final overall survival "
        "56.5 vs 40.8 months. PERUSE: paclitaxel is an equal choice of taxane. Give the taxane "
        "for about 4-6 months or to best response, then trastuzumab + pertuzumab maintenance "
        "until progression (ASCO 2022 rec 4.0). Subcutaneous pertuzumab/trastuzumab (Phesgo) "
        "is an equivalent formulation.",
        one_of=TAXANES,
    ),
    Regimen(
        "tdxd-p", "T-DXd + pertuzumab", ("trastuzumab deruxtecan", "pertuzumab"),
        ("destiny-breast09-2025", "label-trastuzumab-deruxtecan-us"),
        "DESTINY-Breast09 against THP: progression-free survival 40.7 vs 26.9 months, HR 0.56; "
        "FDA approval December 2025. Overall survival is immature and the regimen is not yet "
        "in the ASCO 2022 guideline. Trastuzumab deruxtecan is given continuously, with no "
        "chemotherapy-free maintenance. Interstitial lung disease 12.1% (grade 5 0.5%). The "
        "trial excluded relapse within 6 months of (neo)adjuvant HER2 therapy.",
    ),
    Regimen(
        "ai-h-p", "AI + trastuzumab ± pertuzumab", ("trastuzumab",),
        ("pertain-2018", "pertain-final", "asco-her2-2022"),
        "PERTAIN: aromatase inhibitor + trastuzumab with vs without pertuzumab, progression-free "
        "survival 18.89 vs 15.80 months (HR 0.65); final overall survival 60.2 vs 57.2 months, "
        "not different. ASCO 2022 rec 6.0.2 allows endocrine + HER2-targeted therapy in "
        "selected patients; most should still get chemotherapy + HER2-targeted therapy.",
        one_of=AROMATASE_INHIBITORS, optional=("pertuzumab",),
    ),
    Regimen(
        "ai-h-lapatinib", "AI + trastuzumab + lapatinib", ("trastuzumab", "lapatinib"),
        ("alternative-2018",),
        "ALTERNATIVE (after prior trastuzumab and endocrine therapy): lapatinib + trastuzumab + "
        "aromatase inhibitor vs trastuzumab + aromatase inhibitor, progression-free survival "
        "11.0 vs 5.7 months, HR 0.62.",
        one_of=AROMATASE_INHIBITORS,
    ),
    Regimen(
        "maintenance-palbociclib", "Maintenance: palbociclib + HER2 + endocrine therapy",
        ("palbociclib", "trastuzumab"), ("patina-2026",),
        "PATINA: after 4-8 cycles of chemotherapy + HER2 therapy, palbociclib added to HER2 + "
        "endocrine maintenance: progression-free survival 44.3 vs 29.1 months, HR 0.75; overall "
        "survival immature; grade 3 adverse events 79.7% vs 30.6%, mostly neutropenia. "
        "Emerging: no approval or guideline adoption seen.",
        one_of=(*AROMATASE_INHIBITORS, "fulvestrant"), optional=("pertuzumab",),
    ),
    Regimen(
        "maintenance-tucatinib", "Maintenance: tucatinib + trastuzumab + pertuzumab",
        ("tucatinib", "trastuzumab", "pertuzumab"), ("her2climb-05-2025",),
        "HER2CLIMB-05: after 4-8 cycles of THP without progression, tucatinib vs placebo added "
        "to trastuzumab + pertuzumab maintenance: progression-free survival 24.9 vs 16.3 months, "
        "HR 0.641; overall survival immature; diarrhea 72.7%. Emerging: no approval or "
        "guideline adoption seen.",
    ),
    Regimen(
        "hp-without-chemotherapy", "Trastuzumab + pertuzumab without chemotherapy",
        ("trastuzumab", "pertuzumab"), ("asco-her2-2022",),
        "HER2 blockade without chemotherapy for a patient too unwell for chemotherapy is this "
        "knowledge base's reading, not a trial result or a guideline statement: it is the "
        "HER2-targeted therapy that ASCO 2022 (rec 4.0) continues after chemotherapy, given "
        "without it. Best supportive care alone is also a valid choice.",
    ),
    Regimen(
        "tdxd", "T-DXd", ("trastuzumab deruxtecan",),
        ("destiny-breast03-2022", "destiny-breast03-2024", "asco-her2-2022"),
        "DESTINY-Breast03 against T-DM1: progression-free survival HR 0.28; long-term overall "
        "survival 52.6 vs 42.7 months, HR 0.73. ASCO 2022 rec 2.1 recommends it second line "
        "when not received before.",
        brain_note=_TDXD_BRAIN_NOTE, cns_active=True,
    ),
    Regimen(
        "tdxd-later", "T-DXd", ("trastuzumab deruxtecan",),
        ("destiny-breast02-2023", "destiny-breast01-2020"),
        "DESTINY-Breast02 (after T-DM1) against physician's choice: progression-free survival "
        "17.8 vs 6.9 months, overall survival 39.2 vs 26.5 months. DESTINY-Breast01 "
        "(single-arm, after T-DM1): response rate 60.9%.",
        brain_note=_TDXD_BRAIN_NOTE, cns_active=True,
    ),
    Regimen(
        "tdm1", "T-DM1", ("trastuzumab emtansine",), ("emilia-2012", "emilia-2017", SOURCE_ARTICLE_ID),
        "EMILIA against lapatinib + capecitabine: progression-free survival 9.6 vs 6.4 months, "
        "HR 0.65; final overall survival 29.9 vs 25.9 months. The 2019 source article called "
        "T-DM1 the preferred second-line treatment; DESTINY-Breast03 has since shown "
        "trastuzumab deruxtecan better, so T-DM1 is the choice when T-DXd does not suit.",
        brain_note=_TDM1_BRAIN_NOTE,
    ),
    Regimen(
        "tdm1-later", "T-DM1", ("trastuzumab emtansine",), ("th3resa-2017",),
        "TH3RESA against physician's choice in later lines: final overall survival 22.7 vs "
        "15.8 months despite about half of the control group crossing over.",
        brain_note=_TDM1_BRAIN_NOTE,
    ),
    Regimen(
        "tucatinib-h-x", "Tucatinib + trastuzumab + capecitabine",
        ("tucatinib", "trastuzumab", "capecitabine"),
        ("her2climb-2020", "her2climb-final-os-2022", "her2climb-brain-2020"),
        "HER2CLIMB (randomized phase 2; prior trastuzumab, pertuzumab and T-DM1 required): "
        "progression-free survival HR 0.54, overall survival HR 0.66; with active brain "
        "metastases, overall survival 20.7 vs 11.6 months and intracranial response 47% vs 20%.",
        brain_note=_TUCATINIB_BRAIN_NOTE, cns_active=True,
    ),
    Regimen(
        "neratinib-x", "Neratinib + capecitabine", ("neratinib", "capecitabine"), ("nala-2020",),
        "NALA against lapatinib + capecitabine after two or more HER2 regimens: progression-free "
        "survival HR 0.76; overall survival HR 0.88, not significant; fewer CNS interventions "
        "(22.8% vs 29.2%); grade 3 diarrhea 24.4% vs 12.5% with loperamide prophylaxis.",
    ),
    Regimen(
        "lapatinib-x", "Lapatinib + capecitabine", ("lapatinib", "capecitabine"),
        ("geyer-2006", "cameron-2008"),
        "Lapatinib + capecitabine against capecitabine: time to progression HR 0.49; in the "
        "update, HR 0.57 with overall survival HR 0.78, not significant.",
        brain_note=_LAPATINIB_BRAIN_NOTE,
    ),
    Regimen(
        "h-chemotherapy", "Trastuzumab + chemotherapy", ("trastuzumab",), ("gbg-26-2009",),
        "GBG-26: continuing trastuzumab beyond progression with capecitabine, time to "
        "progression 8.2 vs 5.6 months with capecitabine alone (HR 0.69). Trastuzumab may "
        "continue as the partner of a chemotherapy the disease has not failed.",
        one_of=LATER_LINE_CHEMOTHERAPY,
    ),
    Regimen(
        "margetuximab-chemotherapy", "Margetuximab + chemotherapy", ("margetuximab",),
        ("sophia-2023", "sophia-2021", SOURCE_ARTICLE_ID),
        "SOPHIA against trastuzumab + chemotherapy: progression-free survival HR 0.76 (5.8 vs "
        "4.9 months); final overall survival 21.6 vs 21.9 months, no benefit. The 2019 source "
        "article called margetuximab investigational: the FDA approved it in December 2020, "
        "for later lines.",
        one_of=LATER_LINE_CHEMOTHERAPY,
    ),
    Regimen(
        "lapatinib-h", "Lapatinib + trastuzumab", ("lapatinib", "trastuzumab"),
        ("egf104900-2010", "egf104900-2012", "asco-her2-2022"),
        "EGF104900: lapatinib with trastuzumab, without chemotherapy, in trastuzumab-refractory "
        "disease. ASCO 2022 lists lapatinib regimens among later-line options.",
    ),
    Regimen(
        "p-h-chemotherapy", "Pertuzumab + trastuzumab + taxane", ("pertuzumab", "trastuzumab"),
        ("asco-her2-2022",),
        "ASCO 2022 rec 3.1.9 (weak): pertuzumab may be offered if never received.",
        one_of=TAXANES,
    ),
    Regimen(
        "endocrine-h", "Endocrine therapy + trastuzumab", ("trastuzumab",), ("asco-her2-2022",),
        "ASCO 2022 rec 3.2.0 (weak): endocrine therapy with HER2-targeted therapy for ER- or "
        "PR-positive disease in later lines.",
        one_of=(*AROMATASE_INHIBITORS, "exemestane", "fulvestrant", "tamoxifen"),
    ),
    Regimen(
        "abemaciclib-h-fulvestrant", "Abemaciclib + trastuzumab + fulvestrant",
        ("abemaciclib", "trastuzumab", "fulvestrant"), ("monarcher-final-os", "monarcher-2020"),
        "monarcHER against trastuzumab + chemotherapy: final overall survival 31.1 vs 20.7 "
        "months, HR 0.71 (0.48-1.05), nominal P=0.086. ASCO 2022 rec 3.2.1 (weak).",
    ),
)

_MAINTENANCE_BASIS = (
    "ASCO 2022 rec 4.0: after about 4-6 months of chemotherapy, or to best response, HER2-targeted "
    "therapy continues until progression. CLEOPATRA, the trial of the THP induction, is the evidence "
    "for the regimen as a whole."
)

# Section 10.11: maintenance of the HER2-directed drugs of an induction completed without progression.
_MAINTENANCE_LIST = (
    Regimen(
        "hp-maintenance", "Maintenance: trastuzumab + pertuzumab", ("trastuzumab", "pertuzumab"),
        ("asco-her2-2022", "cleopatra-2015"), _MAINTENANCE_BASIS,
    ),
    Regimen(
        "hp-endocrine-maintenance", "Maintenance: trastuzumab + pertuzumab + endocrine therapy",
        ("trastuzumab", "pertuzumab"), ("asco-her2-2022", "cleopatra-2015", "pertain-2018"),
        f"{_MAINTENANCE_BASIS} ASCO 2022 rec 7.0 (weak): endocrine therapy may be added when "
        "chemotherapy ends in hormone-receptor-positive disease; PERTAIN gave an aromatase inhibitor with "
        "trastuzumab and pertuzumab.",
        one_of=AROMATASE_INHIBITORS,
    ),
    Regimen(
        "h-maintenance", "Maintenance: trastuzumab", ("trastuzumab",), ("asco-her2-2022",), _MAINTENANCE_BASIS,
    ),
    Regimen(
        "h-endocrine-maintenance", "Maintenance: trastuzumab + endocrine therapy", ("trastuzumab",),
        ("asco-her2-2022",),
        f"{_MAINTENANCE_BASIS} ASCO 2022 rec 7.0 (weak): endocrine therapy may be added when "
        "chemotherapy ends in hormone-receptor-positive disease.",
        one_of=AROMATASE_INHIBITORS,
    ),
)

REGIMENS: Mapping[str, Regimen] = {regimen.key: regimen for regimen in (*_REGIMEN_LIST, *_MAINTENANCE_LIST)}
# The drugs of the CNS-active regimens: an option with exactly these drugs is CNS-active, whether
# offered as new or as the current regimen continued.
CNS_ACTIVE_REGIMENS = frozenset(frozenset(r.drugs) for r in REGIMENS.values() if r.cns_active)

# An ongoing antibody maintenance without endocrine therapy in hormone-receptor-positive disease:
# the same recommendation as the endocrine maintenance entries above, said beside the continued regimen.
ADD_ENDOCRINE_TO_MAINTENANCE = (
    "hormone-receptor positive: ASCO 2022 rec 7.0 (weak): endocrine therapy may be added to this "
    "maintenance now that chemotherapy has ended (PERTAIN gave an aromatase inhibitor with "
    "trastuzumab and pertuzumab; see the aromatase-inhibitor options for the menopause and sex cautions)"
)

# The maintenance regimen for the HER2-directed antibodies of a completed induction, without and with
# endocrine therapy (hormone-receptor-positive disease).
MAINTENANCE_BY_DRUGS: Mapping[frozenset[str], tuple[str, str]] = {
    frozenset({"trastuzumab", "pertuzumab"}): ("hp-maintenance", "hp-endocrine-maintenance"),
    frozenset({"trastuzumab"}): ("h-maintenance", "h-endocrine-maintenance"),
}
MAINTENANCE_KEYS = frozenset(key for keys in MAINTENANCE_BY_DRUGS.values() for key in keys)
# Options the maintenance makes redundant: the endocrine first-line option is the same drugs.
MAINTENANCE_REPLACES: Mapping[str, tuple[str, ...]] = {
    "hp-endocrine-maintenance": ("ai-h-p",),
    "h-endocrine-maintenance": ("ai-h-p",),
}
INDUCTION_COMPLETED = (
    "induction completed without progression: its HER2-directed drugs continue as maintenance "
    "(ASCO 2022 rec 4.0), not the same induction again"
)
NO_CHEMOTHERAPY_FREE_MAINTENANCE = (
    "DESTINY-Breast09 gave trastuzumab deruxtecan + pertuzumab continuously until progression: "
    "it has no chemotherapy-free maintenance"
)

# The option that continues an ongoing course: its name, and its key in the result.
CONTINUE_CURRENT = "Continue current regimen"
CONTINUE_KEY = "continue"

# Section 10.2: an ongoing course without a HER2-directed drug does not displace the HER2-directed
# standard; continuing it is offered lower, with these reasons.
ONGOING_WITHOUT_HER2_DRUG = (
    "it holds no HER2-directed drug (ASCO 2022 recs 1.0-2.1: HER2-targeted therapy at every line), "
    "so continuing it is an alternative at most and the HER2-directed options keep their tiers"
)
ONGOING_ENDOCRINE_ALONE = (
    "it is endocrine therapy alone, which ASCO 2022 (rec 6.0.3, weak) allows only in selected "
    "patients, so continuing it is for consideration and the HER2-directed options keep their tiers"
)

# An ongoing course that matches no regimen above is continued on the guideline's word
# (ASCO 2022 rec 4.0: HER2-targeted therapy until progression).
CONTINUED_OUTSIDE_KNOWN_REGIMENS = ("asco-her2-2022",)

# A drug received before without progression (completed, stopped for toxicity, or (neo)adjuvant
# without early relapse): the rules offer these options "if not received" (sections 3 and 4).
RETREATMENT_WITHOUT_PROGRESSION = "the knowledge base holds no trial of giving it again"
TDXD_RECEIVED_AT_SECOND_LINE = (
    f"ASCO 2022 rec 2.1 recommends it second line only if not received; {RETREATMENT_WITHOUT_PROGRESSION}"
)
# Section 10.3 over section 3: stopped only for grade 1 interstitial lung disease that resolved, the
# label resumes it, so "received already" does not rule it out; one tier lower, as a drug given before.
TDXD_RESUMABLE_AT_SECOND_LINE = (
    "stopped for a toxicity that resolved and does not end it for good (see its toxicity caution): not "
    "ruled out as received already (ASCO 2022 rec 2.1), one tier lower as a drug given before"
)


def regimen_of(drugs: Sequence[str], first: Sequence[str] = ()) -> Regimen | None:
    """The known regimen these drugs make up: its required drugs all given, nothing outside it.

    The keys in `first` are tried before the others (a line's own list, whose evidence fits it).
    """
    keys = [*first, *(key for key in REGIMENS if key not in first)]
    return next((REGIMENS[key] for key in keys
                 if set(REGIMENS[key].required) <= set(drugs) <= set(REGIMENS[key].drugs)), None)

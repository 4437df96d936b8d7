"""clinical-rules.md section 5 (safety cautions), the ER-low caution of section 0, and the cautions of
sections 1-2 (a course stopped for toxicity; premenopausal or male with an aromatase inhibitor; visceral
crisis; cross-resistance between HER2 tyrosine-kinase inhibitors).

Three tables: a caution that must be on an option; a caution that must not be there; an option that
must be `avoid`, with its reason in the cautions.
"""

from __future__ import annotations

from typing import Any

import pytest

from her2nav.result import Tier
from tests.conftest import course, option, progressed_on, run
from tests.scenarios import (
    AI_H_L,
    AI_H_P,
    H_CHEMO,
    HR_POSITIVE,
    LAPA_H,
    LAPA_X,
    MARGE,
    NERA_X,
    PALBO_MAINT,
    SECOND_LINE,
    TDM1,
    TDXD,
    TDXD_P,
    THIRD_LINE,
    THP,
    TUCA_HX,
    TUCA_MAINT,
)

LINE_3_AFTER_LAPATINIB: dict[str, Any] = {"treatments": progressed_on("THP", "lapatinib+trastuzumab")}
LINE_3_NO_TDM1: dict[str, Any] = THIRD_LINE  # THP then T-DXd: T-DM1, margetuximab, TKIs all on the list


def _conditions(*names: str) -> dict[str, Any]:
    return {"conditions": list(names)}


PRESENT = [
    # LVEF below 50%: trastuzumab, pertuzumab, T-DM1, T-DXd, margetuximab
    ("LVEF 45: THP", {"lvef": 45}, THP, ("LVEF 45",)),
    ("LVEF 45: T-DXd + pertuzumab", {"lvef": 45}, TDXD_P, ("LVEF 45",)),
    ("LVEF 45: tucatinib maintenance (trastuzumab + pertuzumab)", {"lvef": 45}, TUCA_MAINT, ("LVEF 45",)),
    ("LVEF 45: second-line T-DXd", {"lvef": 45, **SECOND_LINE}, TDXD, ("LVEF 45",)),
    ("LVEF 45: second-line T-DM1", {"lvef": 45, **SECOND_LINE}, TDM1, ("LVEF 45",)),
    ("LVEF 45: tucatinib + trastuzumab + capecitabine", {"lvef": 45, **SECOND_LINE}, TUCA_HX, ("LVEF 45",)),
    ("LVEF 45: margetuximab", {"lvef": 45, **THIRD_LINE}, MARGE, ("LVEF 45",)),
    ("LVEF 49: THP", {"lvef": 49}, THP, ("LVEF 49",)),
    ("LVEF 40 (not below 40): THP cautioned", {"lvef": 40}, THP, ("LVEF 40",)),
    ("LVEF 45: the US label and EU SmPC hold rules are quoted", {"lvef": 45}, THP, ("US", "EU")),
    ("heart failure: THP", _conditions("heart_failure"), THP, ("heart failure",)),
    # interstitial lung disease
    ("ILD: T-DXd + pertuzumab, pooled ILD 15.4%, fatal 2.2%", _conditions("interstitial_lung_disease"), TDXD_P,
     ("interstitial lung disease", "15.4%", "2.2%")),
    ("ILD: second-line T-DXd", {**_conditions("interstitial_lung_disease"), **SECOND_LINE}, TDXD,
     ("interstitial lung disease",)),
    # neuropathy: taxanes, eribulin, vinorelbine, T-DM1
    ("neuropathy: THP (taxane)", _conditions("peripheral_neuropathy"), THP, ("neuropathy",)),
    ("neuropathy: second-line T-DM1", {**_conditions("peripheral_neuropathy"), **SECOND_LINE}, TDM1,
     ("neuropathy",)),
    ("neuropathy: trastuzumab + chemotherapy (vinorelbine, eribulin)",
     {**_conditions("peripheral_neuropathy"), **THIRD_LINE}, H_CHEMO, ("vinorelbine", "eribulin", "neuropathy")),
    # DPD deficiency, renal function
    ("DPD deficiency: tucatinib + trastuzumab + capecitabine, DPYD testing",
     {**_conditions("dpd_deficiency"), **SECOND_LINE}, TUCA_HX, ("DPD", "DPYD")),
    ("creatinine clearance 25: tucatinib + trastuzumab + capecitabine",
     {"creatinine_clearance": 25, **SECOND_LINE}, TUCA_HX, ("creatinine clearance",)),
    # hepatic impairment: T-DM1, tucatinib, neratinib, lapatinib
    ("hepatic impairment: T-DM1", {**_conditions("hepatic_impairment"), **THIRD_LINE}, TDM1, ("hepatic",)),
    ("hepatic impairment: tucatinib triplet", {**_conditions("hepatic_impairment"), **THIRD_LINE}, TUCA_HX,
     ("hepatic",)),
    ("hepatic impairment: neratinib + capecitabine", {**_conditions("hepatic_impairment"), **THIRD_LINE}, NERA_X,
     ("hepatic",)),
    ("hepatic impairment: lapatinib + capecitabine", {**_conditions("hepatic_impairment"), **THIRD_LINE}, LAPA_X,
     ("hepatic",)),
    # ECOG 3-4: every chemotherapy-containing option
    ("ECOG 3: THP", {"ecog": 3}, THP, ("ECOG 3",)),
    ("ECOG 4: THP", {"ecog": 4}, THP, ("ECOG 4",)),
    ("ECOG 3: tucatinib + trastuzumab + capecitabine", {"ecog": 3, **THIRD_LINE}, TUCA_HX, ("ECOG 3",)),
    ("ECOG 3: neratinib + capecitabine", {"ecog": 3, **THIRD_LINE}, NERA_X, ("ECOG 3",)),
    ("ECOG 3: trastuzumab + chemotherapy", {"ecog": 3, **THIRD_LINE}, H_CHEMO, ("ECOG 3",)),
    ("ECOG 3: margetuximab + chemotherapy", {"ecog": 3, **THIRD_LINE}, MARGE, ("ECOG 3",)),
    # tyrosine-kinase inhibitors: diarrhea
    ("TKI: neratinib needs loperamide prophylaxis", THIRD_LINE, NERA_X, ("diarrhea", "loperamide")),
    ("TKI: tucatinib triplet diarrhea", THIRD_LINE, TUCA_HX, ("diarrhea",)),
    ("TKI: lapatinib + capecitabine diarrhea", THIRD_LINE, LAPA_X, ("diarrhea",)),
    ("TKI: lapatinib + trastuzumab diarrhea", THIRD_LINE, LAPA_H, ("diarrhea",)),
    ("TKI: AI + trastuzumab + lapatinib diarrhea", HR_POSITIVE, AI_H_L, ("diarrhea",)),
    ("TKI: tucatinib maintenance diarrhea", {}, TUCA_MAINT, ("diarrhea",)),
    # cross-resistance after another HER2 TKI
    ("after lapatinib: neratinib + capecitabine, cross-resistance", LINE_3_AFTER_LAPATINIB, NERA_X,
     ("cross-resistance", "lapatinib")),
    # a drug stopped for toxicity: caution naming that course
    ("T-DM1 stopped for toxicity: caution names course 2",
     {"treatments": [*progressed_on("THP"), course("T-DM1", outcome="toxicity")]}, TDM1,
     ("stopped for toxicity", "course 2")),
    ("THP stopped for toxicity: caution on THP", {"treatments": [course("THP", outcome="toxicity")]}, THP,
     ("stopped for toxicity",)),
    # hormone receptors and endocrine therapy
    ("ER-low: endocrine benefit uncertain", {"er": "low"}, AI_H_P, ("ER-low", "uncertain")),
    ("premenopausal: aromatase inhibitor needs ovarian function suppression",
     {**HR_POSITIVE, "menopausal_status": "pre"}, AI_H_P, ("ovarian function suppression",)),
    ("premenopausal: AI + trastuzumab + lapatinib needs ovarian function suppression",
     {**HR_POSITIVE, "menopausal_status": "pre"}, AI_H_L, ("ovarian function suppression",)),
    ("male: aromatase inhibitor needs a GnRH agonist", {**HR_POSITIVE, "sex": "male"}, AI_H_P, ("GnRH",)),
]


def _param(row: Any) -> Any:
    return row if hasattr(row, "marks") else pytest.param(*row[1:], id=row[0])


@pytest.mark.parametrize(("changes", "regimen", "fragments"), [_param(row) for row in PRESENT])
def test_caution_present(changes: dict[str, Any], regimen: str, fragments: tuple[str, ...]) -> None:
    cautions = " | ".join(option(run(**changes), regimen).cautions)
    for fragment in fragments:
        assert fragment in cautions, f"{fragment!r} not in: {cautions}"


ABSENT = [
    ("LVEF 50 is not below 50: no LVEF caution on THP", {"lvef": 50}, THP, "LVEF"),
    ("LVEF 60: no LVEF caution on T-DXd + pertuzumab", {"lvef": 60}, TDXD_P, "LVEF"),
    ("LVEF 45: no LVEF caution on neratinib + capecitabine (no antibody)", {"lvef": 45, **THIRD_LINE}, NERA_X,
     "LVEF"),
    # Lapatinib + capecitabine has its own LVEF caution since rule 10.6 (tests/test_hard_safety.py).
    ("neuropathy: no neuropathy caution on second-line T-DXd", {**_conditions("peripheral_neuropathy"),
                                                                 **SECOND_LINE}, TDXD, "neuropathy"),
    ("neuropathy: no neuropathy caution on neratinib + capecitabine", {**_conditions("peripheral_neuropathy"),
                                                                        **THIRD_LINE}, NERA_X, "neuropathy"),
    ("hepatic impairment: no hepatic caution on T-DXd", {**_conditions("hepatic_impairment"), **SECOND_LINE},
     TDXD, "hepatic"),
    ("ECOG 2: no ECOG caution on THP", {"ecog": 2}, THP, "ECOG"),
    ("ECOG 3: no chemotherapy caution on AI + trastuzumab ± pertuzumab", {"ecog": 3, **HR_POSITIVE}, AI_H_P, "ECOG"),
    ("ECOG 3: no chemotherapy caution on lapatinib + trastuzumab", {"ecog": 3, **THIRD_LINE}, LAPA_H, "ECOG"),
    ("DPD deficiency: no DPD caution on T-DXd", {**_conditions("dpd_deficiency"), **SECOND_LINE}, TDXD, "DPD"),
    ("creatinine clearance 30 is not under 30: no renal caution on the tucatinib triplet",
     {"creatinine_clearance": 30, **SECOND_LINE}, TUCA_HX, "creatinine clearance"),
    ("postmenopausal: no ovarian suppression caution", {**HR_POSITIVE, "menopausal_status": "post"}, AI_H_P,
     "ovarian"),
    ("ER positive: no ER-low caution", HR_POSITIVE, AI_H_P, "ER-low"),
    ("no prior TKI: no cross-resistance caution on neratinib", THIRD_LINE, NERA_X, "cross-resistance"),
]


@pytest.mark.parametrize(("changes", "regimen", "fragment"), [_param(row) for row in ABSENT])
def test_caution_absent(changes: dict[str, Any], regimen: str, fragment: str) -> None:
    cautions = " | ".join(option(run(**changes), regimen).cautions)
    assert fragment not in cautions, cautions


AVOID = [
    ("LVEF 35: THP avoid pending cardio-oncology review", {"lvef": 35}, THP, ("LVEF 35", "cardio-oncology")),
    ("LVEF 39: T-DXd + pertuzumab avoid", {"lvef": 39}, TDXD_P, ("LVEF 39", "cardio-oncology")),
    ("LVEF 35: second-line T-DXd avoid", {"lvef": 35, **SECOND_LINE}, TDXD, ("cardio-oncology",)),
    ("LVEF 35: second-line T-DM1 avoid", {"lvef": 35, **SECOND_LINE}, TDM1, ("cardio-oncology",)),
    ("LVEF 35: tucatinib + trastuzumab + capecitabine avoid", {"lvef": 35, **SECOND_LINE}, TUCA_HX,
     ("cardio-oncology",)),
    ("LVEF 35: margetuximab avoid", {"lvef": 35, **THIRD_LINE}, MARGE, ("cardio-oncology",)),
    ("ILD: T-DXd + pertuzumab avoid", _conditions("interstitial_lung_disease"), TDXD_P,
     ("interstitial lung disease",)),
    ("ILD: second-line T-DXd avoid", {**_conditions("interstitial_lung_disease"), **SECOND_LINE}, TDXD,
     ("interstitial lung disease",)),
    ("ILD: third-line T-DXd (not received) avoid",
     {**_conditions("interstitial_lung_disease"), "treatments": progressed_on("THP", "T-DM1")}, TDXD,
     ("interstitial lung disease",)),
    ("DPD deficiency: tucatinib + trastuzumab + capecitabine avoid",
     {**_conditions("dpd_deficiency"), **SECOND_LINE}, TUCA_HX, ("DPD",)),
    ("DPD deficiency: neratinib + capecitabine avoid", {**_conditions("dpd_deficiency"), **THIRD_LINE}, NERA_X,
     ("DPD",)),
    ("DPD deficiency: lapatinib + capecitabine avoid", {**_conditions("dpd_deficiency"), **THIRD_LINE}, LAPA_X,
     ("DPD",)),
    ("creatinine clearance 25: tucatinib triplet avoid", {"creatinine_clearance": 25, **SECOND_LINE}, TUCA_HX,
     ("creatinine clearance 25",)),
    ("creatinine clearance 25: neratinib + capecitabine avoid", {"creatinine_clearance": 25, **THIRD_LINE}, NERA_X,
     ("creatinine clearance 25",)),
    ("visceral crisis: AI + trastuzumab ± pertuzumab avoid", {**HR_POSITIVE, "visceral_crisis": True}, AI_H_P,
     ("visceral crisis",)),
    ("visceral crisis: palbociclib maintenance is endocrine-based, avoid",
     {**HR_POSITIVE, "visceral_crisis": True}, PALBO_MAINT, ("visceral crisis",)),
    ("progressed on T-DXd: T-DXd avoid, says so", THIRD_LINE, TDXD, ("progressed",)),
    ("pregnancy: THP avoid, embryo-fetal toxicity and oligohydramnios", _conditions("pregnancy"), THP,
     ("pregnancy", "oligohydramnios")),
    ("pregnancy: AI + trastuzumab ± pertuzumab avoid", {**_conditions("pregnancy"), **HR_POSITIVE}, AI_H_P,
     ("pregnancy",)),
]


@pytest.mark.parametrize(("changes", "regimen", "fragments"), [_param(row) for row in AVOID])
def test_avoid_with_reason(changes: dict[str, Any], regimen: str, fragments: tuple[str, ...]) -> None:
    found = option(run(**changes), regimen)
    assert found.tier is Tier.AVOID
    cautions = " | ".join(found.cautions)
    for fragment in fragments:
        assert fragment in cautions, f"{fragment!r} not in: {cautions}"


NOT_AVOID = [
    ("LVEF 40 is not below 40: THP not avoided", {"lvef": 40}, THP),
    ("LVEF 45: T-DXd + pertuzumab not avoided", {"lvef": 45}, TDXD_P),
    ("LVEF 35: neratinib + capecitabine (no antibody) not avoided", {"lvef": 35, **THIRD_LINE}, NERA_X),
    ("creatinine clearance 30: tucatinib triplet not avoided", {"creatinine_clearance": 30, **SECOND_LINE}, TUCA_HX),
    ("neuropathy: THP not avoided (caution only)", _conditions("peripheral_neuropathy"), THP),
    ("hepatic impairment: T-DM1 not avoided (caution only)", {**_conditions("hepatic_impairment"), **SECOND_LINE},
     TDM1),
    ("DPD deficiency: trastuzumab + chemotherapy keeps its other partners",
     {**_conditions("dpd_deficiency"), **THIRD_LINE}, H_CHEMO),
]


@pytest.mark.parametrize(("changes", "regimen"), [_param(row) for row in NOT_AVOID])
def test_caution_only_does_not_rule_out(changes: dict[str, Any], regimen: str) -> None:
    assert option(run(**changes), regimen).tier is not Tier.AVOID


@pytest.mark.parametrize("changes", [
    pytest.param(_conditions("dpd_deficiency"), id="DPD deficiency"),
    pytest.param({"creatinine_clearance": 25}, id="creatinine clearance 25"),
])
def test_capecitabine_never_offered_when_ruled_out(changes: dict[str, Any]) -> None:
    result = run(**changes, **THIRD_LINE)
    for o in result.systemic:
        if o.tier is not Tier.AVOID:
            assert "capecitabine" not in o.drugs, o


def test_a_drug_stopped_for_toxicity_is_not_preferred_again() -> None:
    result = run(treatments=[*progressed_on("THP"), course("T-DXd", outcome="toxicity")])
    tdxd = [o for o in result.systemic if "trastuzumab deruxtecan" in o.drugs]
    assert tdxd
    for o in tdxd:
        assert o.tier is not Tier.PREFERRED
        assert any("stopped for toxicity" in c for c in o.cautions)

"""clinical-rules.md sections 2-4 (first, second, third and later lines) and the pregnancy rule of section 0.

Each row: a case -> an option at a tier, or an option's rationale or evidence, as the rules say.
The base case (tests/conftest.py) is de novo, HR-negative, postmenopausal, ECOG 1, LVEF 60%,
creatinine clearance 80 mL/min, liver metastases: every fact known, nothing contraindicated.
"""

from __future__ import annotations

from typing import Any

import pytest

from her2nav.knowledge.drugs import DRUGS
from her2nav.result import Tier
from tests.conftest import all_text, course, offered, option, progressed_on, run, tier_of
from tests.scenarios import (
    ABEMA,
    ADJUVANT_TDXD_LATE_RELAPSE,
    AFTER_TDXD_P,
    AI_H_L,
    AI_H_P,
    ENDO_H,
    FOURTH_LINE_AFTER_LAPATINIB,
    FOURTH_LINE_AFTER_TUCATINIB,
    H_CHEMO,
    HP_NO_CHEMO,
    HR_POSITIVE,
    ILD,
    LAPA_H,
    LAPA_X,
    MARGE,
    NERA_X,
    P_H_CHEMO,
    PALBO_MAINT,
    SECOND_LINE,
    TDM1,
    TDM1_COMPLETED,
    TDM1_TOXICITY,
    TDXD,
    TDXD_COMPLETED,
    TDXD_P,
    THIRD_LINE,
    THP,
    TUCA_HX,
    TUCA_MAINT,
    TUCATINIB_COMPLETED,
    brain,
)

PREFERRED, ALTERNATIVE, CONSIDER, AVOID = Tier.PREFERRED, Tier.ALTERNATIVE, Tier.CONSIDER, Tier.AVOID

TIERS = [
    # section 2: first line
    ("first line: THP preferred", {}, THP, PREFERRED),
    ("first line: T-DXd + pertuzumab preferred", {}, TDXD_P, PREFERRED),
    ("first line, interstitial lung disease: T-DXd + pertuzumab avoid", ILD, TDXD_P, AVOID),
    ("first line, interstitial lung disease: THP still preferred", ILD, THP, PREFERRED),
    ("first line HR+: AI + trastuzumab ± pertuzumab alternative", HR_POSITIVE, AI_H_P, ALTERNATIVE),
    ("first line HR+: AI + trastuzumab + lapatinib alternative", HR_POSITIVE, AI_H_L, ALTERNATIVE),
    ("first line ER-low: AI + trastuzumab ± pertuzumab alternative", {"er": "low"}, AI_H_P, ALTERNATIVE),
    ("first line PR+ only: AI + trastuzumab ± pertuzumab alternative", {"pr": "positive"}, AI_H_P, ALTERNATIVE),
    ("first line HR+ with visceral crisis: AI + trastuzumab ± pertuzumab avoid",
     {**HR_POSITIVE, "visceral_crisis": True}, AI_H_P, AVOID),
    ("first line HR+ with visceral crisis: AI + trastuzumab + lapatinib avoid",
     {**HR_POSITIVE, "visceral_crisis": True}, AI_H_L, AVOID),
    ("first line HR+: palbociclib maintenance consider", HR_POSITIVE, PALBO_MAINT, CONSIDER),
    ("first line HR-: tucatinib maintenance consider", {}, TUCA_MAINT, CONSIDER),
    ("first line HR+: tucatinib maintenance consider", HR_POSITIVE, TUCA_MAINT, CONSIDER),
    ("first line HR-, ECOG 3: trastuzumab + pertuzumab without chemotherapy consider", {"ecog": 3},
     HP_NO_CHEMO, CONSIDER),
    ("first line HR-, ECOG 4: trastuzumab + pertuzumab without chemotherapy consider", {"ecog": 4},
     HP_NO_CHEMO, CONSIDER),
    ("first line, taxane-limiting neuropathy: THP still offered with a caution",
     {"conditions": ["peripheral_neuropathy"]}, THP, PREFERRED),
    ("first line after THP stopped for toxicity: THP no longer preferred",
     {"treatments": [course("THP", outcome="toxicity")]}, THP, ALTERNATIVE),
    pytest.param(
        {**HR_POSITIVE, "visceral_crisis": True, "treatments": [course("letrozole+trastuzumab", outcome="ongoing")]},
        THP, PREFERRED,
        id="first line, on letrozole + trastuzumab now in visceral crisis: THP preferred"),
    # section 3: second line
    ("second line: T-DXd preferred", SECOND_LINE, TDXD, PREFERRED),
    ("second line: T-DM1 alternative", SECOND_LINE, TDM1, ALTERNATIVE),
    ("second line: tucatinib + trastuzumab + capecitabine alternative", SECOND_LINE, TUCA_HX, ALTERNATIVE),
    ("second line, interstitial lung disease: T-DXd avoid", {**SECOND_LINE, **ILD}, TDXD, AVOID),
    ("second line, interstitial lung disease: T-DM1 becomes preferred", {**SECOND_LINE, **ILD}, TDM1, PREFERRED),
    ("second line, untreated brain metastases: tucatinib triplet preferred",
     {**SECOND_LINE, **brain("untreated")}, TUCA_HX, PREFERRED),
    ("second line, brain progressing after local therapy: tucatinib triplet preferred",
     {**SECOND_LINE, **brain("progressing_after_local_therapy")}, TUCA_HX, PREFERRED),
    ("second line, untreated brain metastases: T-DXd still preferred alongside",
     {**SECOND_LINE, **brain("untreated")}, TDXD, PREFERRED),
    ("second line, brain treated and stable: tucatinib triplet stays alternative",
     {**SECOND_LINE, **brain("treated_stable")}, TUCA_HX, ALTERNATIVE),
    pytest.param(
        {**ILD, "treatments": [*progressed_on("THP"), course("T-DXd", outcome="ongoing")]}, TDM1, PREFERRED,
        id="second line, on T-DXd, interstitial lung disease: T-DM1 becomes preferred"),
    ("second line after early relapse on adjuvant T-DM1: T-DXd preferred",
     {"presentation": "recurrence", "metastasis_biopsied": True,
      "treatments": [course("T-DM1", "adjuvant", months=4)]}, TDXD, PREFERRED),
    ("second line after early relapse on adjuvant T-DM1: T-DM1 avoid",
     {"presentation": "recurrence", "metastasis_biopsied": True,
      "treatments": [course("T-DM1", "adjuvant", months=4)]}, TDM1, AVOID),
    ("second line after adjuvant T-DXd, relapse at 24 months: T-DXd avoid (received already)",
     ADJUVANT_TDXD_LATE_RELAPSE, TDXD, AVOID),
    ("second line after adjuvant T-DXd, relapse at 24 months: T-DM1 becomes preferred",
     ADJUVANT_TDXD_LATE_RELAPSE, TDM1, PREFERRED),
    ("second line after metastatic T-DXd completed: T-DXd avoid (received already)",
     {"treatments": [*progressed_on("THP"), course("T-DXd", outcome="completed")]}, TDXD, AVOID),
    ("second line after T-DXd stopped for toxicity: T-DXd avoid (received already)",
     {"treatments": [*progressed_on("THP"), course("T-DXd", outcome="toxicity")]}, TDXD, AVOID),
    pytest.param(
        {"treatments": [*progressed_on("THP"), course("T-DM1", outcome="toxicity"),
                        course("T-DXd", outcome="completed")]}, TDM1, CONSIDER,
        id="second line, T-DXd received and T-DM1 stopped for toxicity: T-DM1 not promoted, one tier lower"),
    pytest.param(
        {**ILD, "presentation": "recurrence", "metastasis_biopsied": True,
         "treatments": [course("T-DM1", "adjuvant", months=30), *progressed_on("THP")]}, TDM1, CONSIDER,
        id="second line, adjuvant T-DM1 long ago, T-DXd ruled out: T-DM1 re-treatment not promoted, consider"),
    pytest.param(
        {"treatments": [*progressed_on("THP"), course("tucatinib+trastuzumab+capecitabine", outcome="completed")]},
        TUCA_HX, CONSIDER, id="second line, tucatinib triplet received before without progression: consider"),
    ("second line after T-DXd + pertuzumab: T-DXd avoid", AFTER_TDXD_P, TDXD, AVOID),
    ("second line after T-DXd + pertuzumab: tucatinib triplet preferred (third-line list)",
     AFTER_TDXD_P, TUCA_HX, PREFERRED),
    pytest.param(
        AFTER_TDXD_P, TDM1, ALTERNATIVE,
        id="second line after T-DXd + pertuzumab: T-DM1 alternative (third-line list)"),
    ("second line after T-DXd + pertuzumab: neratinib + capecitabine alternative", AFTER_TDXD_P, NERA_X,
     ALTERNATIVE),
    ("second line after T-DXd + pertuzumab: margetuximab consider", AFTER_TDXD_P, MARGE, CONSIDER),
    # section 4: third line and later
    ("third line after T-DXd: T-DXd avoid (progressed on it)", THIRD_LINE, TDXD, AVOID),
    ("third line: tucatinib + trastuzumab + capecitabine preferred", THIRD_LINE, TUCA_HX, PREFERRED),
    ("third line, untreated brain metastases: tucatinib triplet preferred",
     {**THIRD_LINE, **brain("untreated")}, TUCA_HX, PREFERRED),
    ("third line: T-DM1 alternative", THIRD_LINE, TDM1, ALTERNATIVE),
    ("third line: neratinib + capecitabine alternative", THIRD_LINE, NERA_X, ALTERNATIVE),
    ("third line: lapatinib + capecitabine alternative", THIRD_LINE, LAPA_X, ALTERNATIVE),
    ("third line: trastuzumab + another chemotherapy alternative", THIRD_LINE, H_CHEMO, ALTERNATIVE),
    ("third line: margetuximab + chemotherapy consider", THIRD_LINE, MARGE, CONSIDER),
    ("third line: lapatinib + trastuzumab consider", THIRD_LINE, LAPA_H, CONSIDER),
    ("third line after THP and T-DM1: T-DXd preferred (not received)",
     {"treatments": progressed_on("THP", "T-DM1")}, TDXD, PREFERRED),
    ("third line after THP and T-DM1: T-DM1 avoid (progressed on it)",
     {"treatments": progressed_on("THP", "T-DM1")}, TDM1, AVOID),
    ("third line, pertuzumab never received: pertuzumab + trastuzumab + chemotherapy consider",
     {"treatments": progressed_on("trastuzumab+vinorelbine", "T-DXd")}, P_H_CHEMO, CONSIDER),
    ("third line, pertuzumab never received but a taxane failed: no taxane partner left (rules 10.4)",
     {"treatments": progressed_on("trastuzumab+docetaxel", "T-DXd")}, P_H_CHEMO, AVOID),
    ("third line HR+: endocrine therapy + trastuzumab consider", {**THIRD_LINE, **HR_POSITIVE}, ENDO_H, CONSIDER),
    ("third line HR+: abemaciclib + trastuzumab + fulvestrant consider", {**THIRD_LINE, **HR_POSITIVE}, ABEMA,
     CONSIDER),
    ("fourth line after tucatinib: tucatinib triplet avoid", FOURTH_LINE_AFTER_TUCATINIB, TUCA_HX, AVOID),
    ("fourth line after lapatinib + trastuzumab: neratinib + capecitabine stays alternative",
     FOURTH_LINE_AFTER_LAPATINIB, NERA_X, ALTERNATIVE),
    ("fourth line after lapatinib + trastuzumab: lapatinib + capecitabine avoid", FOURTH_LINE_AFTER_LAPATINIB,
     LAPA_X, AVOID),
    ("fourth line after the tucatinib triplet: neratinib + capecitabine avoid (capecitabine failed)",
     FOURTH_LINE_AFTER_TUCATINIB, NERA_X, AVOID),
    ("fourth line: T-DM1 alternative", FOURTH_LINE_AFTER_TUCATINIB, TDM1, ALTERNATIVE),
    ("third line after the tucatinib triplet completed: tucatinib triplet alternative", TUCATINIB_COMPLETED,
     TUCA_HX, ALTERNATIVE),
    ("third line after the tucatinib triplet completed: T-DXd (not received) preferred", TUCATINIB_COMPLETED,
     TDXD, PREFERRED),
    ("third line after T-DXd completed: T-DXd alternative", TDXD_COMPLETED, TDXD, ALTERNATIVE),
    ("third line after T-DXd completed: tucatinib triplet (not received) preferred", TDXD_COMPLETED, TUCA_HX,
     PREFERRED),
    ("third line after T-DM1 completed: T-DM1 consider", TDM1_COMPLETED, TDM1, CONSIDER),
    ("third line after T-DM1 stopped for toxicity: T-DM1 consider", TDM1_TOXICITY, TDM1, CONSIDER),
    pytest.param(
        {"treatments": [*progressed_on("THP", "T-DM1"), course("T-DXd", "metastatic", "completed"),
                        *progressed_on("T-DXd")]}, TDXD, AVOID,
        id="fourth line, T-DXd completed and later progressed on: T-DXd avoid"),
]


def _param(row: Any) -> Any:
    """A table row (id, *values) as a pytest.param; a row that is already a param (an xfail) is kept."""
    return row if hasattr(row, "marks") else pytest.param(*row[1:], id=row[0])


@pytest.mark.parametrize(("changes", "regimen", "tier"), [_param(row) for row in TIERS])
def test_option_tier(changes: dict[str, Any], regimen: str, tier: Tier) -> None:
    assert tier_of(run(**changes), regimen) is tier


# ---------------------------------------------------------------- options that must not be offered


def _is_endocrine(drug: str) -> bool:
    return DRUGS[drug].endocrine


NOT_OFFERED = [
    ("first line HR-negative: no endocrine-based option", {}, _is_endocrine),
    ("third line HR-negative: no endocrine-based option", THIRD_LINE, _is_endocrine),
    ("first line HR-negative: no palbociclib maintenance", {}, lambda d: d == "palbociclib"),
    ("third line after T-DXd: T-DXd not offered again", THIRD_LINE, lambda d: d == "trastuzumab deruxtecan"),
    ("second line after T-DXd + pertuzumab: T-DXd not offered again", AFTER_TDXD_P,
     lambda d: d == "trastuzumab deruxtecan"),
    ("third line after THP: pertuzumab not offered again", THIRD_LINE, lambda d: d == "pertuzumab"),
    ("fourth line after tucatinib: tucatinib not offered again", FOURTH_LINE_AFTER_TUCATINIB,
     lambda d: d == "tucatinib"),
    ("third line after THP and T-DM1: T-DM1 not offered again", {"treatments": progressed_on("THP", "T-DM1")},
     lambda d: d == "trastuzumab emtansine"),
]


@pytest.mark.parametrize(("changes", "unwanted"), [_param(row) for row in NOT_OFFERED])
def test_not_offered(changes: dict[str, Any], unwanted: Any) -> None:
    result = run(**changes)
    for o in offered(result):
        assert not any(unwanted(drug) for drug in o.drugs), f"{o.regimen} ({o.tier}) offers {o.drugs}"


def test_trastuzumab_continues_beyond_progression_as_a_partner() -> None:
    """Section 4: the one exception to 'never offer a drug the disease progressed on' (GBG-26)."""
    result = run(**THIRD_LINE)
    assert any("trastuzumab" in o.drugs for o in offered(result))
    h_chemo = option(result, H_CHEMO)
    assert h_chemo.tier is not AVOID
    assert "trastuzumab" in h_chemo.drugs


# ---------------------------------------------------------------- received before without progression

RECEIVED_BEFORE = [
    ("second line after adjuvant T-DXd, relapse at 24 months", ADJUVANT_TDXD_LATE_RELAPSE, TDXD,
     "Second line; trastuzumab deruxtecan received before.",
     "trastuzumab deruxtecan: received before in course 1 (trastuzumab deruxtecan, adjuvant, completed): "
     "ASCO 2022 rec 2.1 recommends it second line only if not received; the knowledge base holds no trial of "
     "giving it again"),
    ("third line after the tucatinib triplet completed", TUCATINIB_COMPLETED, TUCA_HX,
     "Tucatinib received before; CNS-active.",
     "tucatinib: received before in course 3 (tucatinib + trastuzumab + capecitabine, metastatic, completed) "
     "without progression: the knowledge base holds no trial of giving it again"),
    ("third line after metastatic T-DXd completed", TDXD_COMPLETED, TDXD,
     "Trastuzumab deruxtecan received before.",
     "trastuzumab deruxtecan: received before in course 3 (trastuzumab deruxtecan, metastatic, completed) "
     "without progression: the knowledge base holds no trial of giving it again"),
    ("third line after T-DM1 completed", TDM1_COMPLETED, TDM1, "Later line. After trastuzumab deruxtecan",
     "trastuzumab emtansine: received before in course 3 (trastuzumab emtansine, metastatic, completed) "
     "without progression: the knowledge base holds no trial of giving it again"),
]


@pytest.mark.parametrize(("changes", "regimen", "rationale", "caution"), [_param(row) for row in RECEIVED_BEFORE])
def test_received_before_names_the_course(changes: dict[str, Any], regimen: str, rationale: str,
                                          caution: str) -> None:
    """Sections 3-4 offer these "if not received": received before, the option says where, never that the
    drug was not received (the T-DXd summary's "ASCO recommends it when not received before" is the rule)."""
    found = option(run(**changes), regimen)
    assert found.rationale.startswith(rationale), found.rationale
    for drug in ("deruxtecan", "tucatinib", "emtansine"):
        assert f"{drug} not received" not in found.rationale.lower()
    assert caution in found.cautions, found.cautions


def test_second_line_tdm1_takes_the_place_of_tdxd_received_before() -> None:
    result = run(**ADJUVANT_TDXD_LATE_RELAPSE)
    assert [o.regimen for o in result.systemic if o.tier is PREFERRED] == [TDM1]
    assert option(result, TDM1).rationale.startswith(
        "Preferred here because trastuzumab deruxtecan does not suit this patient.")


def test_stopped_for_toxicity_and_received_before_read_as_two_facts_naming_the_course_once() -> None:
    """The toxicity caution gives the course's label; the re-treatment caution names it by number only."""
    assert option(run(**TDM1_TOXICITY), TDM1).cautions == (
        "trastuzumab emtansine: received before in course 3 without progression: the knowledge base holds "
        "no trial of giving it again",
        "trastuzumab emtansine: stopped for toxicity in course 3 (trastuzumab emtansine, metastatic, toxicity): "
        "not preferred again",
    )


def test_tdxd_never_received_at_third_line_stays_preferred_and_says_so() -> None:
    tdxd = option(run(treatments=progressed_on("THP", "T-DM1")), TDXD)
    assert tdxd.tier is PREFERRED
    assert tdxd.rationale.startswith("Trastuzumab deruxtecan not received before.")
    assert not any("received before" in caution for caution in tdxd.cautions)


def test_an_ongoing_course_is_continued_not_treated_as_received_before() -> None:
    result = run(treatments=[*progressed_on("THP", "T-DM1"), course("T-DXd", outcome="ongoing")])
    assert option(result, "Continue current regimen").tier is PREFERRED
    assert not any("received before" in caution for o in result.systemic for caution in o.cautions)


# ---------------------------------------------------------------- first line: THP with either taxane


def test_thp_is_listed_with_docetaxel_or_paclitaxel() -> None:
    result = run()
    thp = [o for o in result.systemic if o.tier is PREFERRED
           and {"trastuzumab", "pertuzumab"} <= set(o.drugs) and set(o.drugs) & {"docetaxel", "paclitaxel"}]
    taxanes = {drug for o in thp for drug in o.drugs} & {"docetaxel", "paclitaxel"}
    assert taxanes == {"docetaxel", "paclitaxel"}


# ---------------------------------------------------------------- rationale: what each option must say

RATIONALE = [
    ("first line THP: taxane 4-6 months then HP maintenance, Phesgo equivalent", {}, THP,
     ("4-6 months", "maintenance", "Phesgo", "paclitaxel", "56.5", "40.8")),
    ("first line THP, HR+: add endocrine therapy at maintenance (ASCO rec 7.0)", HR_POSITIVE, THP,
     ("endocrine therapy at maintenance",)),
    ("first line T-DXd + pertuzumab: PFS, OS immature, not in ASCO, continuous, ILD 12.1%", {}, TDXD_P,
     ("40.7", "26.9", "0.56", "immature", "ASCO", "continuously", "12.1%", "6 months")),
    ("second line T-DXd: DESTINY-Breast03 PFS HR and long-term OS", SECOND_LINE, TDXD,
     ("0.28", "52.6", "42.7", "0.73")),
    ("second line T-DM1 when T-DXd does not suit: EMILIA", {**SECOND_LINE, **ILD}, TDM1, ("EMILIA",)),
    ("third line tucatinib triplet: HER2CLIMB OS HR and brain OS", THIRD_LINE, TUCA_HX, ("0.66", "20.7", "11.6")),
    ("third line T-DM1 after T-DXd: data are limited", THIRD_LINE, TDM1, ("data are limited", "22.7", "15.8")),
    ("third line margetuximab: PFS HR 0.76, no overall survival benefit", THIRD_LINE, MARGE,
     ("0.76", "no overall survival benefit")),
    ("third line T-DXd not received: DESTINY-Breast02", {"treatments": progressed_on("THP", "T-DM1")}, TDXD,
     ("DESTINY-Breast02",)),
    ("first line palbociclib maintenance: emerging", HR_POSITIVE, PALBO_MAINT, ("PATINA", "emerging")),
    ("first line tucatinib maintenance: emerging", {}, TUCA_MAINT, ("HER2CLIMB-05", "emerging")),
]


@pytest.mark.parametrize(("changes", "regimen", "fragments"), [_param(row) for row in RATIONALE])
def test_rationale_says(changes: dict[str, Any], regimen: str, fragments: tuple[str, ...]) -> None:
    rationale = option(run(**changes), regimen).rationale
    for fragment in fragments:
        assert fragment.lower() in rationale.lower(), f"{fragment!r} not in: {rationale}"


def test_thp_rationale_hr_negative_does_not_add_endocrine_therapy() -> None:
    assert "endocrine" not in option(run(), THP).rationale


# ---------------------------------------------------------------- evidence each option must cite

EVIDENCE = [
    ("THP: CLEOPATRA final OS and PERUSE", {}, THP, ("cleopatra-2015", "peruse-2021")),
    ("T-DXd + pertuzumab: DESTINY-Breast09", {}, TDXD_P, ("destiny-breast09-2025",)),
    ("AI + trastuzumab ± pertuzumab: PERTAIN", HR_POSITIVE, AI_H_P, ("pertain-2018",)),
    # SYSUCC-002 is named by the rules but not cited: its first author could not be verified.
    ("AI + trastuzumab + lapatinib: ALTERNATIVE", HR_POSITIVE, AI_H_L, ("alternative-2018",)),
    ("palbociclib maintenance: PATINA", HR_POSITIVE, PALBO_MAINT, ("patina-2026",)),
    ("tucatinib maintenance: HER2CLIMB-05", {}, TUCA_MAINT, ("her2climb-05-2025",)),
    ("second line T-DXd: DESTINY-Breast03", SECOND_LINE, TDXD, ("destiny-breast03-2022", "destiny-breast03-2024")),
    ("second line T-DM1: EMILIA", SECOND_LINE, TDM1, ("emilia-2012",)),
    ("tucatinib triplet: HER2CLIMB", THIRD_LINE, TUCA_HX, ("her2climb-2020",)),
    ("third line T-DXd: DESTINY-Breast02 and -01", {"treatments": progressed_on("THP", "T-DM1")}, TDXD,
     ("destiny-breast02-2023", "destiny-breast01-2020")),
    ("third line T-DM1: TH3RESA", THIRD_LINE, TDM1, ("th3resa-2017",)),
    ("neratinib + capecitabine: NALA", THIRD_LINE, NERA_X, ("nala-2020",)),
    ("lapatinib + capecitabine: Geyer 2006", THIRD_LINE, LAPA_X, ("geyer-2006",)),
    ("trastuzumab + chemotherapy: GBG-26", THIRD_LINE, H_CHEMO, ("gbg-26-2009",)),
    ("margetuximab: SOPHIA", THIRD_LINE, MARGE, ("sophia-2023",)),
    ("lapatinib + trastuzumab: EGF104900", THIRD_LINE, LAPA_H, ("egf104900-2010",)),
    ("pertuzumab if never received: ASCO 2022", {"treatments": progressed_on("trastuzumab+docetaxel", "T-DXd")},
     P_H_CHEMO, ("asco-her2-2022",)),
    ("endocrine + trastuzumab later line: ASCO 2022", {**THIRD_LINE, **HR_POSITIVE}, ENDO_H, ("asco-her2-2022",)),
    ("abemaciclib + trastuzumab + fulvestrant: monarcHER", {**THIRD_LINE, **HR_POSITIVE}, ABEMA,
     ("monarcher-final-os",)),
]


@pytest.mark.parametrize(("changes", "regimen", "ids"), [_param(row) for row in EVIDENCE])
def test_option_cites(changes: dict[str, Any], regimen: str, ids: tuple[str, ...]) -> None:
    evidence = option(run(**changes), regimen).evidence
    for reference_id in ids:
        assert reference_id in evidence, f"{reference_id} not in {evidence}"


# ---------------------------------------------------------------- unfit patients (section 2)


def test_ecog_3_hr_positive_offers_her2_plus_endocrine_therapy_without_chemotherapy() -> None:
    result = run(ecog=3, **HR_POSITIVE)
    chemo_free = [o for o in offered(result)
                  if not any(DRUGS[d].cytotoxic for d in o.drugs)
                  and any(DRUGS[d].her2_directed for d in o.drugs)
                  and any(DRUGS[d].endocrine for d in o.drugs)]
    assert chemo_free, [o.regimen for o in offered(result)]


@pytest.mark.parametrize("changes", [pytest.param({"ecog": 3}, id="ECOG 3 HR-negative"),
                                     pytest.param({"ecog": 4, **HR_POSITIVE}, id="ECOG 4 HR-positive")])
def test_poor_performance_says_best_supportive_care_is_valid(changes: dict[str, Any]) -> None:
    assert "best supportive care" in all_text(run(**changes))


# ---------------------------------------------------------------- pregnancy (section 0)

PREGNANCY = [
    pytest.param({}, id="pregnant, first line"),
    pytest.param({"treatments": [course("THP", outcome="toxicity"), course("capecitabine", outcome="ongoing")]},
                 id="pregnant, on capecitabine"),
    pytest.param({"treatments": [course("zoledronic acid", outcome="ongoing")]},
                 id="pregnant, on zoledronic acid"),
    pytest.param({**HR_POSITIVE}, id="pregnant, HR-positive first line"),
    pytest.param({**SECOND_LINE}, id="pregnant, second line"),
    pytest.param({**THIRD_LINE, **HR_POSITIVE}, id="pregnant, HR-positive third line"),
]


@pytest.mark.parametrize("changes", PREGNANCY)
def test_pregnancy_offers_no_regimen(changes: dict[str, Any]) -> None:
    result = run(conditions=["pregnancy"], **changes)
    assert result.systemic, "the options weighed are still listed, as avoid"
    assert offered(result) == []
    for o in result.systemic:
        assert o.tier is AVOID
        assert any("pregnan" in caution for caution in o.cautions), o.cautions


def test_continuing_tdxd_in_a_later_line_cites_the_trials_after_tdm1() -> None:
    """Third line, T-DXd ongoing: the continued regimen rests on DESTINY-Breast02/01, not the second-line trial."""
    result = run(treatments=[*progressed_on("THP", "T-DM1"), course("T-DXd", outcome="ongoing")])
    current = option(result, "Continue current regimen")
    assert "destiny-breast02-2023" in current.evidence
    assert "destiny-breast03-2022" not in current.evidence

"""Which drug of a regimen a caution concerns, and what it says (clinical-rules.md sections 4 and 5).

A caution starts with the drug it concerns ("neratinib: ..."), so that the reader knows which
part of the regimen raised it; these tests check that each caution lands on the right drug.
"""

from __future__ import annotations

import pytest

from her2nav.result import Tier
from tests.conftest import course, option, progressed_on, run
from tests.scenarios import H_CHEMO, LAPA_H, LAPA_X, NERA_X, TDM1, THP, TUCA_HX

AFTER_LAPATINIB = progressed_on("THP", "lapatinib+capecitabine")
CROSS_RESISTANCE = ("after progression on lapatinib: cross-resistance between HER2 tyrosine-kinase "
                    "inhibitors is likely and data are scarce")


@pytest.mark.parametrize(("regimen", "tki"), [(NERA_X, "neratinib"), (TUCA_HX, "tucatinib")])
def test_cross_resistance_is_a_caution_on_the_other_tyrosine_kinase_inhibitor(regimen: str, tki: str) -> None:
    cautions = option(run(treatments=AFTER_LAPATINIB), regimen).cautions
    assert f"{tki}: {CROSS_RESISTANCE}" in cautions
    assert not any(c.startswith("capecitabine: after progression") for c in cautions)


def test_no_cross_resistance_caution_without_a_tyrosine_kinase_inhibitor_in_the_regimen() -> None:
    cautions = option(run(treatments=AFTER_LAPATINIB), H_CHEMO).cautions
    assert not any("cross-resistance" in c for c in cautions)


def test_the_failed_inhibitor_itself_is_not_offered_again_rather_than_cross_resistant() -> None:
    lapatinib = option(run(treatments=AFTER_LAPATINIB), LAPA_X)
    assert lapatinib.tier is Tier.AVOID
    assert any(c.startswith("lapatinib: the disease progressed on it in course 2") and c.endswith("not offered again")
               for c in lapatinib.cautions)
    assert not any("cross-resistance" in c for c in lapatinib.cautions)


def test_a_failed_partner_is_left_out_with_the_course_it_failed_in() -> None:
    chemotherapy = option(run(treatments=AFTER_LAPATINIB), H_CHEMO)
    assert chemotherapy.tier is Tier.ALTERNATIVE
    assert "capecitabine" not in chemotherapy.drugs
    assert ("capecitabine left out: the disease progressed on it in course 2 "
            "(lapatinib + capecitabine, metastatic, progression)") in chemotherapy.cautions


def test_trastuzumab_is_not_offered_again_when_no_new_partner_is_left() -> None:
    """GBG-26 continues trastuzumab beyond progression only with a drug the disease has not failed."""
    result = run(treatments=progressed_on("THP", "trastuzumab+capecitabine", "trastuzumab+vinorelbine",
                                          "trastuzumab+eribulin", "trastuzumab+gemcitabine"))
    chemotherapy = option(result, H_CHEMO)
    assert chemotherapy.tier is Tier.AVOID
    trastuzumab = [c for c in chemotherapy.cautions if c.startswith("trastuzumab: ")]
    assert len(trastuzumab) == 1
    assert trastuzumab[0].endswith("not offered again")
    assert "continues beyond progression" not in trastuzumab[0]


def test_trastuzumab_is_not_offered_again_beside_a_drug_that_also_failed() -> None:
    lapatinib_trastuzumab = option(run(treatments=progressed_on("THP", "T-DXd", "lapatinib+trastuzumab")), LAPA_H)
    assert lapatinib_trastuzumab.tier is Tier.AVOID
    assert any(c.startswith("trastuzumab: the disease progressed on it") and c.endswith("not offered again")
               for c in lapatinib_trastuzumab.cautions)
    assert not any("continues beyond progression" in c for c in lapatinib_trastuzumab.cautions)


def test_heart_failure_rules_out_and_is_named_on_each_her2_antibody() -> None:
    thp = option(run(conditions=["heart_failure"]), THP)
    assert thp.tier is Tier.AVOID
    for drug in ("trastuzumab", "pertuzumab"):
        assert any(c.startswith(f"{drug}: heart failure: not given pending cardio-oncology review")
                   for c in thp.cautions)


def test_jaundice_from_liver_metastases_cautions_hepatically_dosed_drugs() -> None:
    """Section 8: jaundice means a caution on hepatically cleared drugs (section 5 lists T-DM1)."""
    result = run(treatments=progressed_on("THP", "T-DXd"),
                 sites=[{"site": "liver", "lesions": 3, "symptoms": ["jaundice"]}])
    assert "trastuzumab emtansine: dose changes in hepatic impairment: check the label before dosing" in option(
        result, TDM1).cautions


def test_no_hepatic_caution_without_jaundice_or_hepatic_impairment() -> None:
    result = run(treatments=progressed_on("THP", "T-DXd"), sites=[{"site": "liver", "lesions": 3}])
    assert not any("hepatic impairment" in c for c in option(result, TDM1).cautions)


def test_cross_resistance_names_every_other_inhibitor_the_disease_progressed_on() -> None:
    result = run(treatments=progressed_on("THP", "lapatinib+capecitabine", "neratinib+capecitabine"))
    assert any(c.startswith("tucatinib: after progression on lapatinib and neratinib: cross-resistance")
               for c in option(result, TUCA_HX).cautions)


def test_no_partner_left_names_the_partners_that_were_weighed() -> None:
    result = run(treatments=progressed_on("THP", "trastuzumab+capecitabine", "trastuzumab+vinorelbine",
                                          "trastuzumab+eribulin", "trastuzumab+gemcitabine"))
    assert ("no suitable partner left among capecitabine, vinorelbine, eribulin, gemcitabine"
            in option(result, H_CHEMO).cautions)


@pytest.mark.parametrize("regimen", [THP, "T-DXd + pertuzumab"],
                         ids=["THP: taxane", "T-DXd + pertuzumab: the cytotoxic payload of an ADC"])
def test_ecog_3_says_her2_therapy_without_chemotherapy_or_best_supportive_care_are_valid(regimen: str) -> None:
    """Section 2: ECOG 3-4, chemotherapy-containing options carry a caution, and best supportive care is valid."""
    cautions = option(run(ecog=3), regimen).cautions
    assert any(c.startswith("ECOG 3: fitness for chemotherapy") and c.endswith(
        "is doubtful; HER2-targeted therapy without chemotherapy, or best supportive care, are valid choices")
        for c in cautions)


def test_a_regimen_whose_every_partner_has_failed_is_avoid_not_offered_alone() -> None:
    """Margetuximab is given with a chemotherapy; when the disease progressed on every partner on the
    list, margetuximab alone is not the regimen SOPHIA tested, so the option is avoid with the reason."""
    chemotherapy = "capecitabine+vinorelbine+eribulin+gemcitabine"
    result = run(treatments=[*progressed_on("THP", "T-DXd"), course(chemotherapy, outcome="progression")])
    margetuximab = option(result, "Margetuximab + chemotherapy")
    assert margetuximab.tier is Tier.AVOID
    assert any("no suitable partner left" in caution for caution in margetuximab.cautions)

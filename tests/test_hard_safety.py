"""Safety in hard cases (clinical-rules.md 10.6, 10.7, 10.12; issue 10, observed items 10 and 15).

Base case (tests/conftest.py): de novo, HR-negative, HER2 IHC 3+, ECOG 1, LVEF 60%, clearance
80 mL/min, three liver lesions. Each test changes only what its rule is about.
"""

from __future__ import annotations

from typing import Any

import pytest

from her2nav.result import ActionKind, Tier
from tests.conftest import action_text, cautions_text, option, progressed_on, run, tier_of
from tests.scenarios import (
    HP_NO_CHEMO,
    LAPA_H,
    LAPA_X,
    P_H_CHEMO,
    TDM1,
    TDXD,
    TDXD_P,
    THIRD_LINE,
    THP,
    TUCA_HX,
)

# Third line after THP and T-DXd, pertuzumab received: the lapatinib options are on the list.
THIRD: dict[str, Any] = THIRD_LINE

# ---------------------------------------------------------------- 10.6 lapatinib and the heart


def test_lvef_38_at_third_line_rules_out_lapatinib_with_the_label_quoted() -> None:
    """Item 10: LVEF 38% at third line offered lapatinib + capecitabine without a cardiac caution."""
    result = run(lvef=38, **THIRD)
    assert tier_of(result, LAPA_X) is Tier.AVOID
    text = cautions_text(result, LAPA_X)
    assert "lapatinib: LVEF 38%: not given below 40%" in text
    assert "lapatinib US label" in text and "institution's lower limit of normal" in text


@pytest.mark.parametrize(
    "changes",
    [pytest.param({"lvef": 45}, id="LVEF 45%"), pytest.param({"conditions": ["heart_failure"]}, id="heart failure")],
)
def test_reduced_lvef_or_heart_failure_cautions_lapatinib_without_ruling_it_out(changes: dict[str, Any]) -> None:
    result = run(**THIRD, **changes)
    assert tier_of(result, LAPA_X) is Tier.ALTERNATIVE
    assert "within the institution's normal limits" in cautions_text(result, LAPA_X)
    assert action_text(result, "cardiac_assessment")


def test_normal_lvef_adds_no_lapatinib_cardiac_caution() -> None:
    result = run(lvef=60, **THIRD)
    assert "lapatinib US label" not in cautions_text(result, LAPA_X)


def test_lapatinib_with_trastuzumab_carries_both_cardiac_cautions() -> None:
    result = run(lvef=45, **THIRD)
    text = cautions_text(result, LAPA_H)
    assert "lapatinib US label" in text and "US trastuzumab label" in text


# ---------------------------------------------------------------------------- 10.7 fitness


def test_ecog_3_first_line_drops_chemotherapy_options_one_tier_and_names_supportive_care() -> None:
    result = run(ecog=3)
    assert tier_of(result, THP) is Tier.ALTERNATIVE
    assert tier_of(result, TDXD_P) is Tier.ALTERNATIVE  # the payload of the conjugate counts
    assert tier_of(result, HP_NO_CHEMO) is Tier.CONSIDER
    assert "ECOG 3: one tier lower" in cautions_text(result, THP)
    assert "CLEOPATRA enrolled only patients with ECOG 0 or 1" in cautions_text(result, THP)
    [step] = [s for s in result.trace if s.decision == "chemotherapy-containing options one tier lower"]
    assert "best supportive care" in step.because


def test_ecog_3_second_line_moves_an_alternative_down_to_consider() -> None:
    result = run(ecog=3, treatments=progressed_on("THP"))
    assert tier_of(result, TDXD) is Tier.ALTERNATIVE
    assert tier_of(result, TDM1) is Tier.CONSIDER
    assert tier_of(result, TUCA_HX) is Tier.CONSIDER


def test_ecog_3_keeps_chemotherapy_free_her2_therapy_at_its_tier() -> None:
    fit, unfit = run(ecog=1, **THIRD), run(ecog=3, **THIRD)
    assert tier_of(unfit, LAPA_H) is tier_of(fit, LAPA_H) is Tier.CONSIDER
    assert "one tier lower" not in cautions_text(unfit, LAPA_H)


def test_ecog_4_makes_chemotherapy_options_consider_at_most_and_asks_for_palliative_care() -> None:
    result = run(ecog=4)
    assert tier_of(result, THP) is Tier.CONSIDER and tier_of(result, TDXD_P) is Tier.CONSIDER
    assert "ECOG 4: consider at most" in cautions_text(result, THP)
    review = [a.text for a in result.actions if a.kind is ActionKind.SPECIALIST_REVIEW]
    assert any("palliative care" in text for text in review)


def test_ecog_2_changes_no_tier() -> None:
    assert tier_of(run(ecog=2), THP) is Tier.PREFERRED
    assert not [a for a in run(ecog=2).actions if "palliative" in a.text]


def test_an_ongoing_regimen_with_chemotherapy_is_also_one_tier_lower_at_ecog_3() -> None:
    result = run(ecog=3, treatments=[*progressed_on("THP"), {"drugs": ["T-DXd"], "setting": "metastatic",
                                                             "outcome": "ongoing"}])
    assert tier_of(result, "Continue current regimen") is Tier.ALTERNATIVE


# ------------------------------------------------------------------ 10.12 liver and the taxane


@pytest.mark.parametrize(
    "changes",
    [
        pytest.param({"conditions": ["hepatic_impairment"]}, id="hepatic impairment"),
        pytest.param({"sites": [{"site": "liver", "lesions": 3, "symptoms": ["jaundice"]}]}, id="liver jaundice"),
    ],
)
def test_liver_impairment_leaves_docetaxel_out_and_thp_names_paclitaxel(changes: dict[str, Any]) -> None:
    """Item 15: jaundice with hepatic impairment kept THP naming docetaxel preferred."""
    result = run(**changes)
    thp = option(result, THP)
    assert thp.tier is Tier.PREFERRED
    assert "docetaxel" not in thp.drugs and "paclitaxel" in thp.drugs
    text = cautions_text(result, THP)
    assert "docetaxel left out" in text and "bilirubin above the upper limit of normal" in text
    assert "paclitaxel: liver impairment" in text and "myelosuppression" in text


def test_liver_impairment_stops_an_ongoing_docetaxel_course() -> None:
    result = run(conditions=["hepatic_impairment"],
                 treatments=[{"drugs": ["THP"], "setting": "metastatic", "outcome": "ongoing"}])
    continued = option(result, "Continue current regimen")
    assert continued.tier is Tier.AVOID
    assert any("docetaxel is not given" in c for c in continued.cautions)


def test_normal_liver_function_keeps_both_taxanes() -> None:
    assert {"docetaxel", "paclitaxel"} <= set(option(run(), THP).drugs)


def test_liver_impairment_applies_to_the_later_line_taxane_option_too() -> None:
    history = progressed_on("trastuzumab+vinorelbine", "T-DXd")  # no taxane and no pertuzumab yet
    assert set(option(run(treatments=history), P_H_CHEMO).drugs) >= {"docetaxel", "paclitaxel"}
    result = run(conditions=["hepatic_impairment"], treatments=history)
    assert option(result, P_H_CHEMO).drugs == ("pertuzumab", "trastuzumab", "paclitaxel")
    assert "docetaxel left out: liver impairment" in cautions_text(result, P_H_CHEMO)

"""Induction completed is not a reason to start induction again (clinical-rules.md 10.11).

A metastatic course that ended `completed` (chemotherapy stopped after induction without
progression), with nothing ongoing, leads to maintenance of its HER2-directed antibodies, preferred:
trastuzumab + pertuzumab after THP, with endocrine therapy if HR-positive (ASCO 2022 recs 4.0, 7.0).
The same induction is not offered again; the line does not change. T-DXd + pertuzumab is given
continuously and has no chemotherapy-free maintenance.
"""

from __future__ import annotations

from typing import Any

from her2nav.result import Tier
from tests.conftest import cautions_text, course, option, progressed_on, run, tier_of
from tests.scenarios import AI_H_P, HR_POSITIVE, PALBO_MAINT, TDXD, TDXD_P, THP, TUCA_MAINT

HP_MAINT = "Maintenance: trastuzumab + pertuzumab"
HP_ET_MAINT = "Maintenance: trastuzumab + pertuzumab + endocrine therapy"
THP_COMPLETED: dict[str, Any] = {"treatments": [course("THP", outcome="completed")]}


def test_thp_completed_leads_to_hp_maintenance_preferred_at_the_same_line() -> None:
    """Issue item 14."""
    result = run(**THP_COMPLETED)
    assert result.line == 1
    assert result.systemic[0].regimen == HP_MAINT
    assert tier_of(result, HP_MAINT) is Tier.PREFERRED
    assert option(result, HP_MAINT).drugs == ("trastuzumab", "pertuzumab")
    assert "asco-her2-2022" in option(result, HP_MAINT).evidence


def test_the_same_induction_is_not_offered_again() -> None:
    result = run(**THP_COMPLETED)
    assert tier_of(result, THP) is Tier.AVOID
    assert "induction completed without progression" in cautions_text(result, THP)


def test_tdxd_pertuzumab_is_what_follows_if_maintenance_does_not_suit() -> None:
    result = run(**THP_COMPLETED)
    assert tier_of(result, TDXD_P) is Tier.ALTERNATIVE
    assert option(result, TDXD_P).rationale.startswith("If maintenance does not suit: ")


def test_hr_positive_maintenance_adds_endocrine_therapy() -> None:
    result = run(**HR_POSITIVE, menopausal_status="post", **THP_COMPLETED)
    maintenance = option(result, HP_ET_MAINT)
    assert maintenance.tier is Tier.PREFERRED
    assert {"anastrozole", "letrozole"} <= set(maintenance.drugs)
    assert "rec 7.0" in maintenance.rationale
    assert AI_H_P not in [o.regimen for o in result.systemic]  # the same drugs, listed once


def test_the_emerging_maintenance_intensifications_stay_for_consideration() -> None:
    result = run(**HR_POSITIVE, menopausal_status="post", **THP_COMPLETED)
    assert tier_of(result, TUCA_MAINT) is Tier.CONSIDER
    assert tier_of(result, PALBO_MAINT) is Tier.CONSIDER


def test_tdxd_pertuzumab_completed_gets_no_chemotherapy_free_maintenance() -> None:
    result = run(treatments=[course("T-DXd+pertuzumab", outcome="completed")])
    assert HP_MAINT not in [o.regimen for o in result.systemic]
    [step] = [s for s in result.trace if s.step == "completed course"]
    assert "no chemotherapy-free maintenance" in step.because


def test_maintenance_is_not_offered_while_a_course_is_ongoing() -> None:
    result = run(treatments=[course("THP", outcome="completed"), course("trastuzumab+pertuzumab", outcome="ongoing")])
    assert HP_MAINT not in [o.regimen for o in result.systemic]


def test_a_later_failed_course_means_the_completed_induction_is_history() -> None:
    result = run(treatments=[course("THP", outcome="completed"), *progressed_on("T-DXd+pertuzumab")])
    assert HP_MAINT not in [o.regimen for o in result.systemic]


def test_no_maintenance_of_a_drug_the_disease_progressed_on() -> None:
    """After THP failed, trastuzumab + vinorelbine completed: trastuzumab alone would be no maintenance."""
    result = run(treatments=[*progressed_on("THP"), course("trastuzumab+vinorelbine", outcome="completed")])
    assert result.line == 2
    assert "Maintenance: trastuzumab" not in [o.regimen for o in result.systemic]
    assert tier_of(result, TDXD) is Tier.PREFERRED


def test_th_completed_at_first_line_leads_to_trastuzumab_maintenance() -> None:
    result = run(treatments=[course("docetaxel+trastuzumab", outcome="completed")])
    assert tier_of(result, "Maintenance: trastuzumab") is Tier.PREFERRED


def test_tdxd_pertuzumab_stopped_without_progression_is_offered_again_one_tier_lower_with_its_course_named() -> None:
    """It is given continuously, so 'completed' means stopped without progression: a drug received before,
    one tier lower with the course named (it came back preferred with no note at all)."""
    result = run(treatments=[course("T-DXd+pertuzumab", outcome="completed")])
    assert tier_of(result, TDXD_P) is Tier.ALTERNATIVE
    assert "received before in course 1" in cautions_text(result, TDXD_P)
    assert tier_of(result, THP) is Tier.PREFERRED


def test_ongoing_hp_maintenance_in_hr_positive_disease_says_endocrine_therapy_may_be_added() -> None:
    """Sections 2 and 10.11 (ASCO recs 4.0 and 7.0): continuing HP alone is right, and the endocrine
    therapy the HR-positive maintenance adds must not be lost because HP was recorded as ongoing."""
    result = run(**HR_POSITIVE, treatments=[course("THP", outcome="completed"),
                                            course("trastuzumab+pertuzumab", outcome="ongoing")])
    continued = option(result, "Continue current regimen")
    assert continued.tier is Tier.PREFERRED
    assert any("endocrine therapy may be added to this maintenance" in c for c in continued.cautions)


def test_ongoing_hp_with_letrozole_is_not_told_to_add_endocrine_therapy() -> None:
    result = run(**HR_POSITIVE, treatments=[course("THP", outcome="completed"),
                                            course("trastuzumab+pertuzumab+letrozole", outcome="ongoing")])
    assert "endocrine therapy may be added" not in cautions_text(result, "Continue current regimen")

"""An ongoing course has not failed: continue it first (clinical-rules.md section 1).

The "Continue current regimen" option keeps the evidence and trial summary of the regimen the
patient is on, and its brain-metastasis note; the other options read as what to do if it has to
stop. When the current regimen itself is ruled out (a safety concern), every other option says
that it has to stop.

Two courses can be ongoing at once (trastuzumab + pertuzumab maintenance with letrozole): the current
regimen is every drug of every ongoing course, continued together, and every course is named.
"""

from __future__ import annotations

from typing import Any

import pytest

from her2nav.result import Result, SystemicOption, Tier
from tests.conftest import course, progressed_on, run
from tests.scenarios import HP_MAINTENANCE_WITH_LETROZOLE, brain

CONTINUE = "Continue current regimen"


def ongoing(drugs: str, **changes: Any) -> Result:
    """Second line: THP progressed, `drugs` ongoing."""
    return run(treatments=[*progressed_on("THP"), course(drugs, outcome="ongoing")], **changes)


def current(result: Result) -> SystemicOption:
    [option] = [o for o in result.systemic if o.regimen == CONTINUE]
    return option


def others(result: Result) -> list[SystemicOption]:
    return [o for o in result.systemic if o.regimen != CONTINUE]


@pytest.mark.parametrize(("drugs", "evidence", "trial"), [
    pytest.param("T-DM1", "emilia-2012", "EMILIA", id="T-DM1 ongoing: EMILIA"),
    pytest.param("T-DXd", "destiny-breast03-2022", "DESTINY-Breast03", id="T-DXd ongoing at line 2: DESTINY-Breast03"),
    pytest.param("trastuzumab+capecitabine", "gbg-26-2009", "GBG-26",
                 id="trastuzumab + capecitabine ongoing: GBG-26, not the aromatase-inhibitor trial"),
])
def test_a_known_regimen_keeps_its_evidence_when_continued(drugs: str, evidence: str, trial: str) -> None:
    option = current(ongoing(drugs))
    assert option.tier is Tier.PREFERRED
    assert evidence in option.evidence
    assert trial in option.rationale
    assert "pertain-2018" not in option.evidence


def test_a_regimen_outside_the_knowledge_base_cites_the_guideline_and_no_trial() -> None:
    option = current(ongoing("pyrotinib+capecitabine"))
    assert option.tier is Tier.PREFERRED
    assert option.evidence == ("asco-her2-2022",)
    assert option.rationale.startswith("course 2 (pyrotinib + capecitabine, metastatic, ongoing) has not failed")
    assert option.rationale.endswith("the options below apply if it has to stop for toxicity.")


def test_the_continued_regimen_keeps_its_brain_metastasis_note() -> None:
    result = ongoing("T-DXd", sites=[{"site": "liver", "lesions": 3},
                                     {"site": "brain", "lesions": 2, "status": "treated_stable"}])
    option = current(result)
    assert "destiny-breast12-2024" in option.evidence
    assert "DESTINY-Breast12" in option.rationale


def test_brain_only_progression_keeps_the_regimen_that_controls_the_body() -> None:
    result = ongoing("T-DXd", sites=[{"site": "liver", "lesions": 3},
                                     {"site": "brain", "lesions": 2, "status": "progressing_after_local_therapy"}])
    rationale = current(result).rationale
    assert "has not failed: continue it while it controls the disease" in rationale
    assert "treat the brain locally" in rationale


def test_no_brain_sentence_without_brain_progression() -> None:
    assert "brain" not in current(ongoing("T-DXd")).rationale


def test_other_options_apply_if_the_current_regimen_has_to_stop() -> None:
    result = ongoing("T-DM1")
    assert result.systemic[0].regimen == CONTINUE
    assert others(result)
    for option in others(result):
        assert option.rationale.startswith("If the current regimen has to stop: ")
        assert option.tier is not Tier.PREFERRED


def test_a_current_regimen_that_must_stop_says_so_on_every_other_option() -> None:
    """LVEF 35% while on THP: HER2-targeted therapy is not given pending cardio-oncology review."""
    result = run(lvef=35, ecog=1, treatments=[course("THP", outcome="ongoing")])
    assert current(result).tier is Tier.AVOID
    assert others(result)
    for option in others(result):
        assert option.rationale.startswith("The current regimen has to stop (see its cautions): ")


def test_the_trace_says_the_ongoing_course_is_continued_because_it_has_not_failed() -> None:
    result = run(treatments=[course("THP", outcome="ongoing")])
    [step] = [s for s in result.trace if s.step == "ongoing course"]
    assert step.decision.startswith("continue it while it controls the disease, unless a safety rule stops it")
    assert step.because == "course 1 (docetaxel + trastuzumab + pertuzumab, metastatic, ongoing) has not failed"


# ---------------------------------------------------------------- two ongoing courses at once

HP_COURSE = "course 2 (trastuzumab + pertuzumab, metastatic, ongoing)"
LETROZOLE_COURSE = "course 3 (letrozole, metastatic, ongoing)"


def test_hp_maintenance_with_letrozole_is_continued_whole_not_letrozole_alone() -> None:
    """ASCO 2022 rec 7.0: HER2 blockade goes on beside the endocrine therapy; it must not disappear."""
    result = run(**HP_MAINTENANCE_WITH_LETROZOLE)
    option = current(result)
    assert result.systemic[0] == option
    assert option.tier is Tier.PREFERRED
    assert option.drugs == ("trastuzumab", "pertuzumab", "letrozole")


def test_the_combined_regimen_cites_the_aromatase_inhibitor_trastuzumab_pertuzumab_evidence() -> None:
    option = current(run(**HP_MAINTENANCE_WITH_LETROZOLE))
    assert "pertain-2018" in option.evidence
    assert "PERTAIN" in option.rationale


def test_the_rationale_names_every_ongoing_course() -> None:
    rationale = current(run(**HP_MAINTENANCE_WITH_LETROZOLE)).rationale
    assert rationale.startswith(
        f"{HP_COURSE} and {LETROZOLE_COURSE} have not failed: continue them together while they control the "
        "disease and are tolerated; the options below apply if the current regimen has to stop for toxicity. ")


def test_three_ongoing_courses_are_named_in_a_list() -> None:
    result = run(**{**HP_MAINTENANCE_WITH_LETROZOLE, "treatments": [
        *HP_MAINTENANCE_WITH_LETROZOLE["treatments"], course("zoledronic acid+goserelin", outcome="ongoing")]})
    assert current(result).rationale.startswith(
        f"{HP_COURSE}, {LETROZOLE_COURSE} and course 4 (zoledronic acid + goserelin, metastatic, ongoing) "
        "have not failed")


def test_the_trace_names_both_ongoing_courses() -> None:
    result = run(**HP_MAINTENANCE_WITH_LETROZOLE)
    [step] = [s for s in result.trace if s.step == "ongoing course"]
    assert step.decision == ("continue them together while they control the disease, unless a safety rule "
                             "stops them (see safety)")
    assert step.because == f"{HP_COURSE} and {LETROZOLE_COURSE} have not failed"


def test_a_drug_given_in_both_ongoing_courses_is_listed_once() -> None:
    result = run(er="positive", treatments=[course("trastuzumab+pertuzumab", outcome="ongoing"),
                                            course("letrozole+trastuzumab", outcome="ongoing")])
    assert current(result).drugs == ("trastuzumab", "pertuzumab", "letrozole")


def test_a_safety_rule_on_one_course_reaches_the_combined_regimen() -> None:
    """LVEF 35%: trastuzumab and pertuzumab wait for cardio-oncology review, so the combination has to stop."""
    result = run(lvef=35, **HP_MAINTENANCE_WITH_LETROZOLE)
    option = current(result)
    assert option.tier is Tier.AVOID
    assert "trastuzumab" in option.drugs
    assert any(caution.startswith("trastuzumab:") for caution in option.cautions)


def test_brain_only_progression_names_every_course_that_controls_the_body() -> None:
    result = run(**{**HP_MAINTENANCE_WITH_LETROZOLE, **brain("progressing_after_local_therapy")})
    [local] = [o for o in result.site_specific if o.intervention.startswith("Further local therapy")]
    assert f"{HP_COURSE} and {LETROZOLE_COURSE} are ongoing and control the body" in local.rationale
    [step] = [s for s in result.trace if s.step == "site: brain"]
    assert f"{HP_COURSE} and {LETROZOLE_COURSE} are ongoing" in step.because


def test_the_continued_combination_is_not_offered_again_as_its_own_fallback() -> None:
    # HP + letrozole is the "AI + trastuzumab ± pertuzumab" regimen: listing that regimen under
    # "if the current regimen has to stop" would offer the same treatment as its own replacement.
    result = run(**HP_MAINTENANCE_WITH_LETROZOLE)
    assert "AI + trastuzumab ± pertuzumab" not in [o.regimen for o in result.systemic]
    assert any(o.regimen == "THP" for o in result.systemic)


def test_treated_stable_brain_metastases_do_not_keep_a_regimen_that_must_stop() -> None:
    # Ongoing T-DXd with interstitial lung disease: continuing it is avoid, so the stable brain
    # entry asks for MRI follow-up and the next regimen instead of "keep the systemic therapy".
    result = run(conditions=["interstitial_lung_disease"],
                 treatments=[*progressed_on("THP"), course("T-DXd", outcome="ongoing")], **brain("treated_stable"))
    assert current(result).tier is Tier.AVOID
    [stable] = [o for o in result.site_specific if o.site == "brain"]
    assert stable.intervention == "Brain MRI follow-up; the next systemic regimen from the options above"
    assert stable.tier is Tier.PREFERRED
    assert stable.rationale.startswith("Brain metastases (2 lesions; treated stable); course 2 (trastuzumab "
                                       "deruxtecan, metastatic, ongoing) is ongoing but cannot continue")


def test_trastuzumab_deruxtecan_in_the_ongoing_combination_is_not_called_never_received() -> None:
    # T-DXd with letrozole ongoing at line 2: T-DXd alone is what follows if the combination stops.
    result = run(er="positive", pr="positive", menopausal_status="post",
                 treatments=[*progressed_on("THP"), course("T-DXd", outcome="ongoing"),
                             course("letrozole", outcome="ongoing")])
    [tdxd] = [o for o in others(result) if o.regimen == "T-DXd"]
    assert tdxd.rationale.startswith("If the current regimen has to stop: Second line; trastuzumab deruxtecan "
                                     "received before.")
    [second] = [step for step in result.trace if step.step == "second line"]
    assert second.because == "line 2; trastuzumab deruxtecan is part of the ongoing regimen"

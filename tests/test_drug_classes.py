"""A failed drug fails its close relatives as a partner (clinical-rules.md 10.4), and men get
tamoxifen as an endocrine partner (10.13).

- Progression or relapse on letrozole or anastrozole fails both non-steroidal aromatase
  inhibitors; exemestane, fulvestrant or tamoxifen is offered instead, with the sex and
  menopausal rules of section 2. Progression on fulvestrant fails fulvestrant.
- Progression on a taxane in the metastatic setting fails the taxane class as the chemotherapy
  partner. No class guideline statement was verified: the reason says it is the knowledge base's
  reading, not a trial result.
- For a man, tamoxifen is offered as the endocrine partner (ASCO male breast cancer guideline,
  Hassett 2020, cited); an aromatase inhibitor keeps its GnRH-agonist caution.
"""

from __future__ import annotations

from typing import Any

from her2nav.result import Result, Tier
from tests.conftest import cautions_text, course, option, progressed_on, run, tier_of
from tests.scenarios import AI_H_L, AI_H_P, ENDO_H, HR_POSITIVE, P_H_CHEMO, PALBO_MAINT, TDXD_P, THP

ON_ADJUVANT_LETROZOLE: dict[str, Any] = {
    **HR_POSITIVE, "menopausal_status": "post", "presentation": "recurrence", "metastasis_biopsied": True,
    "treatments": [course("letrozole", "adjuvant", "ongoing")]}


def partners(result: Result, regimen: str) -> tuple[str, ...]:
    return option(result, regimen).drugs


# ---------------------------------------------------------------- non-steroidal aromatase inhibitors

def test_relapse_on_adjuvant_letrozole_does_not_offer_anastrozole() -> None:
    """Issue item 8."""
    result = run(**ON_ADJUVANT_LETROZOLE)
    for regimen in (AI_H_P, AI_H_L):
        drugs = partners(result, regimen)
        assert "anastrozole" not in drugs
        assert "letrozole" not in drugs
        assert {"exemestane", "fulvestrant", "tamoxifen"} <= set(drugs)


def test_the_reason_names_the_failed_course_and_says_it_is_the_knowledge_bases_reading() -> None:
    text = cautions_text(run(**ON_ADJUVANT_LETROZOLE), AI_H_P)
    assert "anastrozole left out: letrozole failed in course 1 (letrozole, adjuvant, ongoing)" in text
    assert "this knowledge base's reading of the drug class, not a trial result" in text


def test_progression_on_metastatic_anastrozole_fails_letrozole_too() -> None:
    result = run(**HR_POSITIVE, menopausal_status="post", treatments=[
        *progressed_on("THP"), course("anastrozole+trastuzumab+pertuzumab", outcome="progression"),
        *progressed_on("T-DXd")])
    drugs = partners(result, ENDO_H)
    assert "letrozole" not in drugs
    assert "anastrozole" not in drugs
    assert "exemestane" in drugs


def test_without_a_failed_aromatase_inhibitor_the_partners_are_unchanged() -> None:
    result = run(**HR_POSITIVE, menopausal_status="post")
    assert set(partners(result, AI_H_P)) == {"trastuzumab", "anastrozole", "letrozole", "pertuzumab"}


def test_a_premenopausal_woman_offered_exemestane_instead_needs_ovarian_suppression() -> None:
    result = run(**{**ON_ADJUVANT_LETROZOLE, "menopausal_status": "pre"})
    assert "exemestane: premenopausal: an aromatase inhibitor needs ovarian function suppression" in (
        cautions_text(result, AI_H_P))


def test_progression_on_fulvestrant_fails_fulvestrant() -> None:
    result = run(**HR_POSITIVE, menopausal_status="post", treatments=[
        *progressed_on("THP", "T-DXd"), course("fulvestrant+trastuzumab", outcome="progression")])
    assert "fulvestrant" not in partners(result, ENDO_H)
    assert tier_of(result, "Abemaciclib + trastuzumab + fulvestrant") is Tier.AVOID


# ---------------------------------------------------------------- taxanes

def test_metastatic_progression_on_paclitaxel_fails_docetaxel_as_the_thp_partner() -> None:
    result = run(treatments=[course("paclitaxel", outcome="progression")])
    assert tier_of(result, THP) is Tier.AVOID
    text = cautions_text(result, THP)
    assert "docetaxel left out: paclitaxel failed in course 1" in text
    assert tier_of(result, TDXD_P) is Tier.PREFERRED


def test_pertuzumab_never_received_gets_no_taxane_after_metastatic_docetaxel_failed() -> None:
    result = run(treatments=progressed_on("docetaxel+trastuzumab", "T-DXd"))
    assert tier_of(result, P_H_CHEMO) is Tier.AVOID  # no taxane left to partner pertuzumab
    assert "paclitaxel left out: docetaxel failed in course 1" in cautions_text(result, P_H_CHEMO)


def test_a_neoadjuvant_taxane_does_not_fail_the_class() -> None:
    """The class rule is for metastatic progression; a (neo)adjuvant failure fails its own drugs only."""
    result = run(presentation="recurrence", metastasis_biopsied=True,
                 treatments=[course("docetaxel+trastuzumab", "neoadjuvant", months=3), *progressed_on("T-DXd")])
    assert "paclitaxel" in partners(result, P_H_CHEMO)
    assert "docetaxel" not in partners(result, P_H_CHEMO)
    assert "paclitaxel left out" not in cautions_text(result, P_H_CHEMO)


# ---------------------------------------------------------------- men

MAN: dict[str, Any] = {**HR_POSITIVE, "sex": "male"}


def test_a_man_with_hr_positive_disease_is_offered_tamoxifen() -> None:
    """Issue item 16."""
    result = run(**MAN)
    for regimen in (AI_H_P, AI_H_L):
        assert "tamoxifen" in partners(result, regimen)
    assert "asco-male-2020" in option(result, AI_H_P).evidence
    assert "ASCO male breast cancer guideline" in cautions_text(result, AI_H_P)


def test_palbociclib_maintenance_never_gains_tamoxifen() -> None:
    """The knowledge base holds no trial of palbociclib maintenance with tamoxifen: neither a man nor a woman
    whose non-steroidal aromatase inhibitor failed is offered it there."""
    assert "tamoxifen" not in partners(run(**MAN), PALBO_MAINT)
    after_ai = run(**ON_ADJUVANT_LETROZOLE)
    assert "exemestane" in partners(after_ai, PALBO_MAINT)  # the class rule still adds what it may
    assert "tamoxifen" not in partners(after_ai, PALBO_MAINT)


def test_a_man_is_offered_fulvestrant_too_as_the_guideline_lists_it() -> None:
    """ASCO male breast cancer guideline rec 4.1: tamoxifen, an AI with a GnRH agent, or fulvestrant."""
    result = run(**MAN)
    assert {"tamoxifen", "fulvestrant"} <= set(partners(result, AI_H_P))


def test_a_man_who_relapsed_on_tamoxifen_is_not_told_tamoxifen_is_offered() -> None:
    """The note names only the male partners kept: tamoxifen failed, fulvestrant remains."""
    result = run(**{**MAN, "presentation": "recurrence", "metastasis_biopsied": True,
                    "treatments": [course("tamoxifen", "adjuvant", "progression", months=0)]})
    assert "tamoxifen" not in partners(result, AI_H_P) and "fulvestrant" in partners(result, AI_H_P)
    text = cautions_text(result, AI_H_P)
    assert "tamoxifen offered" not in text and "fulvestrant offered as the endocrine partner for a man" in text


def test_a_man_keeps_the_gnrh_caution_on_the_aromatase_inhibitors() -> None:
    text = cautions_text(run(**MAN), AI_H_P)
    assert "letrozole: male patient: an aromatase inhibitor needs a GnRH agonist" in text


def test_a_woman_is_not_given_the_male_guideline() -> None:
    result = run(**HR_POSITIVE, menopausal_status="post")
    assert "tamoxifen" not in partners(result, AI_H_P)
    assert "asco-male-2020" not in result.reference_ids


def test_with_no_endocrine_partner_left_the_reason_lists_every_partner_weighed() -> None:
    """Every endocrine drug was taken during the adjuvant course the disease relapsed on."""
    result = run(**{**ON_ADJUVANT_LETROZOLE, "treatments": [
        course("letrozole+exemestane+fulvestrant+tamoxifen", "adjuvant", "ongoing")]})
    assert tier_of(result, AI_H_P) is Tier.AVOID
    assert ("no suitable partner left among anastrozole, letrozole, exemestane, fulvestrant, tamoxifen"
            in cautions_text(result, AI_H_P))

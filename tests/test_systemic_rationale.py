"""What each systemic option's rationale and the trace say about this case, and the order of
equally preferred options (clinical-rules.md sections 2-4).

The rationale starts with why the option is listed for this case, then the evidence summary.
"""

from __future__ import annotations

from typing import Any

from her2nav.result import Result, Tier, TraceStep
from tests.conftest import course, option, progressed_on, run
from tests.scenarios import (
    ADJUVANT_TDXD_LATE_RELAPSE,
    HP_NO_CHEMO,
    P_H_CHEMO,
    TDM1,
    TDXD,
    TDXD_COMPLETED,
    THIRD_LINE,
    TUCA_HX,
    TUCATINIB_COMPLETED,
)

AFTER_TDM1 = progressed_on("THP", "T-DM1")  # line 3, trastuzumab deruxtecan not received
ACTIVE_BRAIN: list[dict[str, Any]] = [{"site": "liver", "lesions": 3},
                                      {"site": "brain", "lesions": 2, "status": "untreated"}]


def step(result: Result, name: str) -> TraceStep:
    [found] = [s for s in result.trace if s.step == name]
    return found


def regimens(result: Result) -> list[str]:
    return [o.regimen for o in result.systemic]


def test_later_line_tdxd_not_received_says_so() -> None:
    result = run(treatments=AFTER_TDM1)
    assert option(result, TDXD).rationale.startswith("Trastuzumab deruxtecan not received before. DESTINY-Breast02")


def test_later_line_tdm1_mentions_limited_data_only_after_tdxd() -> None:
    """Section 4: T-DM1 after T-DXd, say that data are limited."""
    assert "After trastuzumab deruxtecan, data are limited." in option(run(**THIRD_LINE), TDM1).rationale
    fourth = run(treatments=progressed_on("THP", "tucatinib+trastuzumab+capecitabine"))
    assert option(fourth, TDM1).rationale.startswith("Later line. TH3RESA")


def test_later_line_trace_names_the_line_and_what_shaped_it() -> None:
    assert step(run(treatments=AFTER_TDM1), "later line").because == "line 3"
    after_tdxd = step(run(**THIRD_LINE), "later line").because
    assert after_tdxd == "line 3; trastuzumab deruxtecan already received"
    with_brain = step(run(treatments=AFTER_TDM1, sites=ACTIVE_BRAIN), "later line").because
    assert with_brain == "line 3; active brain metastases favour the tucatinib triplet"


def test_trace_says_which_drugs_were_received_before_without_progression() -> None:
    second = step(run(**ADJUVANT_TDXD_LATE_RELAPSE), "second line")
    assert second.decision == "T-DXd avoid, received before; T-DM1 in its place unless it does not suit either"
    assert second.because == ("line 2; trastuzumab deruxtecan received in course 1 "
                              "(trastuzumab deruxtecan, adjuvant, completed)")
    assert step(run(**TDXD_COMPLETED), "later line").because == (
        "line 3; received before without progression, so one tier lower: trastuzumab deruxtecan")
    assert step(run(**TUCATINIB_COMPLETED), "later line").because == (
        "line 3; received before without progression, so one tier lower: tucatinib")


def test_with_active_brain_metastases_the_tucatinib_triplet_comes_first() -> None:
    """Section 4: the tucatinib triplet is preferred 'especially with brain metastases'; T-DXd
    leads otherwise (both are preferred at the third line when neither was received)."""
    without = regimens(run(treatments=AFTER_TDM1))
    assert without.index(TDXD) < without.index(TUCA_HX)
    with_brain = regimens(run(treatments=AFTER_TDM1, sites=ACTIVE_BRAIN))
    assert with_brain[0] == TUCA_HX
    assert with_brain.index(TUCA_HX) < with_brain.index(TDXD)


def test_pertuzumab_never_received_is_the_reason_to_consider_it() -> None:
    result = run(treatments=progressed_on("trastuzumab+docetaxel", "T-DM1"))
    assert option(result, P_H_CHEMO).rationale.startswith("Pertuzumab never received.")


def test_ecog_3_explains_her2_blockade_without_chemotherapy() -> None:
    result = run(ecog=3)
    assert option(result, HP_NO_CHEMO).rationale.startswith(
        "ECOG 3: HER2-targeted therapy without chemotherapy for a patient too unwell for it.")
    fitness = step(result, "fitness")
    assert fitness.decision == "HER2 blockade without chemotherapy considered"
    assert fitness.because.startswith("ECOG 3")


def test_neuropathy_at_first_line_says_no_non_taxane_partner_is_offered() -> None:
    """Section 2: another partner for trastuzumab + pertuzumab only where the evidence supports it;
    the knowledge base holds none, and the trace says so."""
    neuropathy = step(run(conditions=["peripheral_neuropathy"]), "neuropathy")
    assert neuropathy.decision == "taxane options carry a caution"
    assert "no trial of another partner with trastuzumab + pertuzumab" in neuropathy.because
    assert "discuss a non-taxane partner" in neuropathy.because
    assert [s for s in run().trace if s.step == "neuropathy"] == []


def test_second_line_trace_names_a_t_dm1_given_before() -> None:
    # Adjuvant T-DM1 (relapse after 30 months), then THP failed: T-DM1 is one tier lower at second line.
    result = run(presentation="recurrence", metastasis_biopsied=True,
                 treatments=[course("T-DM1", "adjuvant", months=30), *progressed_on("THP")])
    assert step(result, "second line").because == (
        "line 2 and trastuzumab deruxtecan not received; "
        "received before without progression, so one tier lower: trastuzumab emtansine")
    assert option(result, TDM1).tier is Tier.CONSIDER


def test_the_trace_lists_every_drug_received_before_without_progression() -> None:
    result = run(treatments=[*progressed_on("THP", "T-DM1"), course("T-DXd", outcome="completed"),
                             course("tucatinib+trastuzumab+capecitabine", outcome="completed")])
    assert step(result, "later line").because == (
        "line 3; received before without progression, so one tier lower: trastuzumab deruxtecan, tucatinib")

"""clinical-rules.md section 1 (which line), and the months_to_recurrence assumption of section 0.

Each row: a treatment history -> the line of therapy now being chosen, derived from the rule
`line = failed lines + 1`, where a failed line is a metastatic course with a HER2-directed agent
that ended in progression, or an early relapse after (neo)adjuvant HER2 therapy.
"""

from __future__ import annotations

from typing import Any

import pytest

from her2nav.navigate import Settings
from her2nav.result import Tier
from tests.conftest import course, option, progressed_on, run

# ---------------------------------------------------------------- metastatic courses

METASTATIC_HISTORIES = [
    pytest.param([], 1, id="no prior treatment -> line 1"),
    pytest.param(progressed_on("THP"), 2, id="progressed on THP -> line 2"),
    pytest.param(progressed_on("THP", "T-DXd"), 3, id="THP then T-DXd, both progressed -> line 3"),
    pytest.param(progressed_on("THP", "T-DXd", "tucatinib+trastuzumab+capecitabine"), 4,
                 id="THP, T-DXd, tucatinib triplet progressed -> line 4"),
    pytest.param(progressed_on("THP", "T-DXd", "tucatinib+trastuzumab+capecitabine", "T-DM1"), 5,
                 id="four failed HER2 lines -> line 5"),
    pytest.param([course("THP")], 2, id="metastatic course with no outcome defaults to progression -> line 2"),
    pytest.param(progressed_on("capecitabine"), 1, id="capecitabine alone progressed: not HER2-directed -> line 1"),
    pytest.param(progressed_on("letrozole"), 1, id="letrozole alone progressed: not HER2-directed -> line 1"),
    pytest.param(progressed_on("capecitabine", "THP"), 2, id="chemotherapy then THP progressed -> line 2"),
    pytest.param([course("THP", outcome="toxicity")], 1, id="THP stopped for toxicity is not a failed line -> line 1"),
    pytest.param([course("THP", outcome="completed")], 1, id="THP completed is not a failed line -> line 1"),
    pytest.param([course("THP", outcome="ongoing")], 1, id="THP ongoing has not failed -> line 1"),
    pytest.param([*progressed_on("THP"), course("T-DXd", outcome="ongoing")], 2,
                 id="THP progressed, T-DXd ongoing -> line 2"),
    pytest.param([*progressed_on("THP"), course("T-DXd", outcome="toxicity")], 2,
                 id="THP progressed, T-DXd stopped for toxicity -> line 2"),
]


@pytest.mark.parametrize(("treatments", "line"), METASTATIC_HISTORIES)
def test_line_counts_failed_metastatic_her2_lines(treatments: list[dict[str, Any]], line: int) -> None:
    assert run(treatments=treatments).line == line


HER2_DIRECTED_AGENTS = [
    "trastuzumab", "Ogivri",  # a trastuzumab biosimilar
    "pertuzumab", "trastuzumab emtansine", "trastuzumab deruxtecan", "margetuximab",
    "lapatinib", "neratinib", "tucatinib", "pyrotinib",
]


@pytest.mark.parametrize("agent", HER2_DIRECTED_AGENTS, ids=[f"{a} + capecitabine progressed -> line 2"
                                                             for a in HER2_DIRECTED_AGENTS])
def test_every_her2_directed_agent_makes_a_failed_line(agent: str) -> None:
    result = run(treatments=[course(f"{agent}+capecitabine", "metastatic", "progression")])
    assert result.line == 2


# ---------------------------------------------------------------- early relapse after (neo)adjuvant therapy

NO_PERTUZUMAB_DIVERGENCE = ("NCCN", "label", "6 months", "first line")

EARLY_RELAPSE = [
    pytest.param([course("trastuzumab+paclitaxel", "adjuvant", months=8)], 12, 2,
                 ("8 months", "adjuvant", *NO_PERTUZUMAB_DIVERGENCE), (),
                 id="relapse 8 months after adjuvant TH -> line 2, says NCCN and label use 6 months"),
    pytest.param([course("trastuzumab", "adjuvant", months=12)], 12, 2, NO_PERTUZUMAB_DIVERGENCE, (),
                 id="relapse 12 months after adjuvant trastuzumab -> line 2 (12 or less)"),
    pytest.param([course("trastuzumab", "adjuvant", months=13)], 12, 1, (), ("NCCN",),
                 id="relapse 13 months after adjuvant trastuzumab -> line 1 (ASCO rec 5.1)"),
    pytest.param([course("trastuzumab", "adjuvant", months=36)], 12, 1, (), ("NCCN",),
                 id="relapse 36 months after adjuvant trastuzumab -> line 1"),
    pytest.param([course("trastuzumab", "adjuvant", months=0)], 12, 2, (), ("NCCN",),
                 id="relapse during adjuvant trastuzumab (0 months) -> line 2, sources agree"),
    pytest.param([course("trastuzumab", "adjuvant", months=5)], 12, 2, (), ("NCCN",),
                 id="relapse 5 months after adjuvant trastuzumab -> line 2, sources agree"),
    pytest.param([course("trastuzumab", "adjuvant", months=6)], 12, 2, (), ("NCCN",),
                 id="relapse 6 months after adjuvant trastuzumab -> line 2, within 6 months for every source"),
    pytest.param([course("TCHP", "neoadjuvant", outcome="progression")], 12, 2, (), (),
                 id="progression during neoadjuvant TCHP -> line 2"),
    pytest.param([course("doxorubicin+cyclophosphamide", "adjuvant", months=3)], 12, 1, (), (),
                 id="relapse 3 months after adjuvant AC, no HER2 agent -> line 1"),
    pytest.param([course("trastuzumab", "adjuvant", months=8)], 6, 1, ("ASCO", "12"), (),
                 id="window set to 6: relapse 8 months after adjuvant trastuzumab -> line 1, says ASCO uses 12"),
    pytest.param([course("trastuzumab", "adjuvant", months=5)], 6, 2, (), (),
                 id="window set to 6: relapse 5 months after adjuvant trastuzumab -> line 2"),
    pytest.param([course("trastuzumab", "adjuvant", months=8), *progressed_on("THP")], 12, 3, (), (),
                 id="early relapse after adjuvant trastuzumab, then THP progressed -> line 3"),
    pytest.param([course("TCHP", "neoadjuvant", outcome="completed"), course("T-DM1", "adjuvant", months=4)],
                 12, 2, (), (),
                 id="neoadjuvant TCHP then adjuvant T-DM1, relapse at 4 months -> one failed line, line 2"),
    pytest.param([course("TCHP", "neoadjuvant", outcome="completed"), course("T-DM1", "adjuvant", months=30)],
                 12, 1, (), (),
                 id="neoadjuvant TCHP then adjuvant T-DM1, relapse at 30 months -> line 1"),
    pytest.param([course("THP", "adjuvant", months=8)], 12, 2, ("label", "6 months"), (),
                 id="relapse 8 months after adjuvant THP -> line 2, says the T-DXd label uses 6 months"),
    pytest.param([course("THP", "neoadjuvant", months=10), course("trastuzumab", "adjuvant")], 12, 2, (), (),
                 id="neoadjuvant THP with relapse 10 months after it, adjuvant trastuzumab months unknown -> line 2"),
]


@pytest.mark.parametrize(("treatments", "window", "line", "said", "not_said"), EARLY_RELAPSE)
def test_early_relapse_counts_as_a_failed_line(
    treatments: list[dict[str, Any]], window: float, line: int, said: tuple[str, ...], not_said: tuple[str, ...]
) -> None:
    result = run(Settings(early_relapse_months=window), presentation="recurrence", metastasis_biopsied=True,
                 treatments=treatments)
    assert result.line == line
    for fragment in said:
        assert fragment in result.line_reason, f"{fragment!r} not in line_reason: {result.line_reason}"
    for fragment in not_said:
        assert fragment not in result.line_reason, f"{fragment!r} in line_reason: {result.line_reason}"


def test_default_early_relapse_window_is_12_months() -> None:
    assert Settings().early_relapse_months == 12


def test_unknown_months_to_recurrence_is_taken_as_more_than_12_months_and_said() -> None:
    result = run(presentation="recurrence", metastasis_biopsied=True,
                 treatments=[course("trastuzumab+paclitaxel", "adjuvant")])
    assert result.line == 1
    assert "more than 12 months" in result.line_reason


def test_line_reason_of_a_relapse_names_the_months_and_the_course() -> None:
    """The contract's own example: relapse 8 months after adjuvant trastuzumab counts as first-line progression."""
    result = run(presentation="recurrence", metastasis_biopsied=True,
                 treatments=[course("trastuzumab", "adjuvant", months=8)])
    assert "relapse 8 months after adjuvant trastuzumab" in result.line_reason.lower()
    assert "first-line" in result.line_reason or "first line" in result.line_reason


def test_line_reason_lists_the_failed_metastatic_lines() -> None:
    result = run(treatments=progressed_on("THP", "T-DXd"))
    assert "pertuzumab" in result.line_reason
    assert "trastuzumab deruxtecan" in result.line_reason


# ---------------------------------------------------------------- an ongoing course

ONGOING = [
    pytest.param([course("THP", outcome="ongoing")], {"docetaxel", "trastuzumab", "pertuzumab"},
                 id="THP ongoing at line 1 -> continue THP first"),
    pytest.param([*progressed_on("THP"), course("T-DXd", outcome="ongoing")], {"trastuzumab deruxtecan"},
                 id="T-DXd ongoing at line 2 -> continue T-DXd first"),
    pytest.param([course("zoledronic acid", outcome="ongoing"), course("THP", outcome="ongoing")],
                 {"docetaxel", "trastuzumab", "pertuzumab"},
                 id="zoledronic acid then THP ongoing -> continue THP first"),
    pytest.param([course("THP", outcome="ongoing"), course("zoledronic acid", outcome="ongoing")],
                 {"docetaxel", "trastuzumab", "pertuzumab"},
                 id="THP then zoledronic acid ongoing -> continue THP first"),
]


@pytest.mark.parametrize(("treatments", "current_drugs"), ONGOING)
def test_an_ongoing_course_is_continued_first(treatments: list[dict[str, Any]], current_drugs: set[str]) -> None:
    result = run(treatments=treatments)
    first = result.systemic[0]
    assert set(first.drugs) == current_drugs
    assert first.tier.value == "preferred"
    assert "continue" in first.rationale.lower()
    assert "controls the disease" in first.rationale


# ---------------------------------------------------------------- every (neo)adjuvant failure counts


def test_progression_on_neoadjuvant_tdxd_is_failed_even_when_a_later_course_is_the_early_relapse() -> None:
    # Neoadjuvant T-DXd, progression; then adjuvant T-DM1 with relapse 3 months after. The relapse
    # counts as one failed line, and T-DXd, which the disease progressed on, must not come back.
    result = run(presentation="recurrence", metastasis_biopsied=True, treatments=[
        course("T-DXd", "neoadjuvant", "progression"), course("T-DM1", "adjuvant", "completed", months=3)])
    assert result.line == 2
    for o in result.systemic:
        if "trastuzumab deruxtecan" in o.drugs:
            assert o.tier is Tier.AVOID
            assert any("progressed or relapsed during course 1" in c for c in o.cautions), o.cautions
    [failure] = [step for step in result.trace if step.step == "(neo)adjuvant failure"]
    assert failure.decision == "its drugs are not offered again"
    assert failure.because.startswith("course 1 (trastuzumab deruxtecan, neoadjuvant, progression)")


def test_relapse_on_ongoing_adjuvant_letrozole_leaves_letrozole_out() -> None:
    # Relapse while still on adjuvant letrozole: endocrine resistance to it; another aromatase
    # inhibitor may partner trastuzumab, letrozole may not.
    result = run(er="positive", pr="positive", menopausal_status="post", presentation="recurrence",
                 metastasis_biopsied=True, treatments=[
                     course("TCHP", "neoadjuvant", "completed", months=40),
                     course("letrozole", "adjuvant", "ongoing")])
    assert result.line == 1
    ai_option = option(result, "AI + trastuzumab ± pertuzumab")
    assert "letrozole" not in ai_option.drugs and ai_option.tier is Tier.ALTERNATIVE
    assert any(c.startswith("letrozole left out") and "during course 2" in c for c in ai_option.cautions)

"""Missing facts that matter are named, never assumed silently (clinical-rules.md section 0).

Each entry of `missing` names the field, what was taken in its place, and what could not be
judged without it. A fact is named only when it matters for this case, and once.
"""

from __future__ import annotations

from typing import Any

import pytest

from her2nav.result import Missing
from tests.conftest import progressed_on, run

THIRD_LINE = progressed_on("THP", "T-DXd")  # capecitabine regimens are among the options
BONE = [{"site": "bone", "lesions": 3}]


def missing_about(changes: dict[str, Any], fact: str) -> list[Missing]:
    return [m for m in run(**changes).missing if m.field == fact]


NAMED = [
    pytest.param({"creatinine_clearance": None, "treatments": THIRD_LINE}, "creatinine_clearance",
                 "capecitabine (and bone-agent) renal limits were not checked",
                 id="no clearance with capecitabine among the options: renal limits not checked"),
    pytest.param({"creatinine_clearance": None, "sites": BONE}, "creatinine_clearance",
                 "the zoledronic acid dose and the denosumab hypocalcemia risk were not checked",
                 id="no clearance with bone metastases at first line: bone-agent dose not checked"),
    pytest.param({"er": "unknown", "pr": "negative"}, "er", "endocrine options were not weighed",
                 id="ER unknown, PR negative: endocrine options not weighed"),
    pytest.param({"presentation": "recurrence"}, "metastasis_biopsied", "a re-biopsy is asked for",
                 id="recurrence, biopsy of the metastasis not stated: re-biopsy asked for"),
    pytest.param({"lvef": None}, "lvef", "cardiac cautions were not evaluated", id="no LVEF"),
    pytest.param({"ecog": None}, "ecog", "fitness for chemotherapy was not judged", id="no ECOG"),
]


@pytest.mark.parametrize(("changes", "fact", "says"), NAMED)
def test_a_missing_fact_is_named_once_with_what_it_prevented(changes: dict[str, Any], fact: str, says: str) -> None:
    entries = missing_about(changes, fact)
    assert len(entries) == 1, entries
    assert entries[0].assumed in ("not given", "unknown")
    assert entries[0].effect == says


NOT_NAMED = [
    pytest.param({"creatinine_clearance": None}, "creatinine_clearance",
                 id="no clearance at first line without bone metastases: no capecitabine or bone agent to check"),
    pytest.param({"er": "unknown", "pr": "positive"}, "er",
                 id="ER unknown but PR positive: hormone-receptor positive anyway"),
    pytest.param({"presentation": "recurrence", "metastasis_biopsied": True}, "metastasis_biopsied",
                 id="recurrence with the metastasis biopsied"),
    pytest.param({"presentation": "de_novo", "metastasis_biopsied": None}, "metastasis_biopsied",
                 id="de novo metastatic disease"),
]


@pytest.mark.parametrize(("changes", "fact"), NOT_NAMED)
def test_a_fact_that_does_not_matter_here_is_not_named(changes: dict[str, Any], fact: str) -> None:
    assert missing_about(changes, fact) == []


def test_unknown_clearance_with_bone_metastases_and_capecitabine_is_named_once() -> None:
    entries = missing_about({"creatinine_clearance": None, "treatments": THIRD_LINE, "sites": BONE},
                            "creatinine_clearance")
    assert len(entries) == 1
    assert "bone-agent" in entries[0].effect


@pytest.mark.parametrize(("sites", "named"), [
    pytest.param([{"site": "liver", "lesions": 5}, {"site": "lung"}], "lung",
                 id="5 liver lesions and lung uncounted: could still be oligometastatic"),
    pytest.param([{"site": "liver"}, {"site": "lung"}], "liver, lung", id="no site counted: both named"),
])
def test_uncounted_lesions_that_could_change_the_oligometastatic_call_are_named(
    sites: list[dict[str, Any]], named: str
) -> None:
    result = run(sites=sites)
    assert Missing("lesions", f"not given for {named}", "oligometastatic status was not judged") in result.missing
    [step] = [s for s in result.trace if s.step == "oligometastatic"]
    assert step.decision == "no"
    assert step.because == f"lesions not given for {named}"


def test_uncounted_lesions_do_not_matter_beyond_five_counted() -> None:
    result = run(sites=[{"site": "liver", "lesions": 6}, {"site": "lung"}])
    assert not [m for m in result.missing if m.field == "lesions"]
    [step] = [s for s in result.trace if s.step == "oligometastatic"]
    assert (step.decision, step.because) == ("no", "more than 5 lesions in all")


def test_brain_without_status_or_count_names_both() -> None:
    missing = run(sites=[{"site": "brain"}]).missing
    assert any(m.field == "sites[0].status" and m.effect == "local therapy was not chosen" for m in missing)
    # Section 10.5: the unknown count is named with what a count of 5-10 or more than 10 would change.
    assert any(m.field == "sites[0].lesions" and "5-10 lesions" in m.effect and "more than 10" in m.effect
               for m in missing)

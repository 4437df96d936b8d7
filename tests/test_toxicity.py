"""Toxicity belongs to the drug that caused it (clinical-rules.md section 10.3).

A course stopped for toxicity may say which of its drugs caused it (`toxicity`: drugs, kind, grade,
resolved). Only those drugs are "stopped for toxicity" and not preferred again; without the record
every drug of the course is, and `missing` says which fact would change that. A drug taken now
without problem is never demoted by an earlier toxicity of the same course. Trastuzumab deruxtecan
after interstitial lung disease follows its label: grade 1 that resolved may resume, grade 2 or more
never. Cardiac toxicity: re-challenge follows the LVEF rules.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from her2nav.case import Case
from her2nav.errors import InvalidCase
from her2nav.knowledge.regimens import CONTINUE_CURRENT
from her2nav.navigate import navigate
from her2nav.result import Tier
from tests.conftest import case_mapping, cautions_text, course, option, progressed_on, property_examples, run, tier_of
from tests.scenarios import TDM1, TDXD, THP


def stopped(regimen: str, setting: str = "metastatic", **toxicity: Any) -> dict[str, Any]:
    """A course stopped for toxicity; keyword args are its `toxicity` record (drugs, kind, grade, resolved)."""
    out = course(regimen, setting, "toxicity")
    if toxicity:
        out["toxicity"] = toxicity
    return out


# ---------------------------------------------------------------- the field and its validation

def test_the_toxicity_record_names_drugs_by_their_generic_names() -> None:
    case = Case.from_mapping(case_mapping(treatments=[
        stopped("THP", drugs=["Taxotere"], kind="neuropathy", grade=3, resolved=False)]))
    record = case.treatments[0].toxicity
    assert record is not None
    assert record.drugs == ("docetaxel",)
    assert case.to_dict()["treatments"][0]["toxicity"] == {
        "drugs": ["docetaxel"], "kind": "neuropathy", "grade": 3, "resolved": False}


def test_a_drug_outside_the_course_is_an_invalid_case_naming_it() -> None:
    with pytest.raises(InvalidCase) as error:
        Case.from_mapping(case_mapping(treatments=[stopped("THP", drugs=["T-DXd"], kind="ild")]))
    message = str(error.value)
    assert message.startswith("treatments[0].toxicity.drugs[0]: 'T-DXd' is not a drug of this course")
    assert "docetaxel, trastuzumab, pertuzumab" in message


def test_a_toxicity_record_on_a_course_that_progressed_is_invalid() -> None:
    bad = {**course("THP", outcome="progression"), "toxicity": {"drugs": ["docetaxel"], "kind": "neuropathy"}}
    with pytest.raises(InvalidCase, match=r"^treatments\[0\]\.toxicity: only for a course stopped for toxicity"):
        Case.from_mapping(case_mapping(treatments=[bad]))


@pytest.mark.parametrize(("record", "field"), [
    ({"kind": "ild"}, "drugs"),
    ({"drugs": ["docetaxel"]}, "kind"),
    ({"drugs": ["docetaxel"], "kind": "nausea"}, "kind"),
    ({"drugs": ["docetaxel"], "kind": "neuropathy", "grade": 5}, "grade"),
    ({"drugs": ["docetaxel"], "kind": "neuropathy", "resolved": "yes"}, "resolved"),
    ({"drugs": [], "kind": "neuropathy"}, "drugs"),
    ({"drugs": ["docetaxel"], "kind": "neuropathy", "cause": "x"}, ""),
])
def test_a_bad_toxicity_record_names_the_field(record: dict[str, Any], field: str) -> None:
    with pytest.raises(InvalidCase) as error:
        Case.from_mapping(case_mapping(treatments=[{**course("THP", outcome="toxicity"), "toxicity": record}]))
    assert str(error.value).startswith(f"treatments[0].toxicity{'.' + field if field else ''}")


# ---------------------------------------------------------------- the drug that caused it, and only it

def test_without_a_record_every_drug_of_the_course_is_blamed_and_missing_says_so() -> None:
    result = run(treatments=[stopped("THP")])
    assert tier_of(result, THP) is Tier.ALTERNATIVE
    assert "stopped for toxicity in course 1" in cautions_text(result, THP)
    [entry] = [m for m in result.missing if m.field == "treatments[0].toxicity"]
    assert "docetaxel + trastuzumab + pertuzumab" in entry.assumed
    assert "naming the drug that caused it would free the others" in entry.effect


def test_with_a_record_the_other_drugs_are_not_blamed() -> None:
    """Docetaxel neuropathy stopped THP: T-DXd + pertuzumab is not marked down for pertuzumab."""
    result = run(treatments=[stopped("THP", drugs=["docetaxel"], kind="neuropathy", grade=3)])
    assert tier_of(result, "T-DXd + pertuzumab") is Tier.PREFERRED
    assert "stopped for" not in cautions_text(result, "T-DXd + pertuzumab")
    assert "docetaxel: stopped for grade 3 neuropathy in course 1" in cautions_text(result, THP)
    assert not [m for m in result.missing if "toxicity" in m.field]


def test_hp_taken_now_after_thp_stopped_for_toxicity_is_continued_as_preferred() -> None:
    """Issue item 9: HP maintenance after THP stopped for toxicity is tolerated now, so it goes on."""
    result = run(treatments=[stopped("THP"), course("trastuzumab+pertuzumab", outcome="ongoing")])
    continued = option(result, CONTINUE_CURRENT)
    assert continued.tier is Tier.PREFERRED
    assert not any("stopped for toxicity" in c for c in continued.cautions)


def test_a_drug_blamed_in_the_record_stays_not_preferred_at_later_lines() -> None:
    result = run(treatments=[*progressed_on("THP", "T-DXd"), stopped("T-DM1", drugs=["T-DM1"], kind="hepatic")])
    assert tier_of(result, TDM1) is Tier.CONSIDER
    assert "stopped for hepatic toxicity in course 3" in cautions_text(result, TDM1)


# ---------------------------------------------------------------- trastuzumab deruxtecan after ILD

AFTER_TDXD_ILD_LATER_LINE = [*progressed_on("THP", "T-DM1")]


def tdxd_after_ild(**record: Any) -> Any:
    return run(treatments=[*AFTER_TDXD_ILD_LATER_LINE, stopped("T-DXd", drugs=["T-DXd"], kind="ild", **record)])


@pytest.mark.parametrize("grade", [2, 3, 4])
def test_tdxd_after_ild_of_grade_2_or_more_is_avoid_for_good(grade: int) -> None:
    result = tdxd_after_ild(grade=grade, resolved=True)
    assert tier_of(result, TDXD) is Tier.AVOID
    assert "permanently discontinues" in cautions_text(result, TDXD)


def test_tdxd_after_ild_of_unknown_grade_is_read_as_grade_2() -> None:
    result = tdxd_after_ild()
    assert tier_of(result, TDXD) is Tier.AVOID
    assert "a grade not given is read as grade 2 or higher" in cautions_text(result, TDXD)
    assert any(m.field == "treatments[2].toxicity.grade" and m.assumed.startswith("not given") for m in result.missing)


def test_grade_1_ild_without_resolved_asks_whether_it_resolved() -> None:
    result = tdxd_after_ild(grade=1)
    assert tier_of(result, TDXD) is Tier.AVOID
    assert any(m.field == "treatments[2].toxicity.resolved" and m.assumed.startswith("not given")
               for m in result.missing)


def test_tdxd_after_resolved_grade_1_ild_may_resume_per_the_label() -> None:
    result = tdxd_after_ild(grade=1, resolved=True)
    assert tier_of(result, TDXD) is not Tier.AVOID
    text = cautions_text(result, TDXD)
    assert "resolved to grade 0" in text
    assert "28 days" in text


def test_tdxd_after_grade_1_ild_not_resolved_waits() -> None:
    result = tdxd_after_ild(grade=1, resolved=False)
    assert tier_of(result, TDXD) is Tier.AVOID
    assert "only once it has resolved to grade 0" in cautions_text(result, TDXD)


def test_current_ild_keeps_tdxd_avoid_even_after_resolved_grade_1() -> None:
    result = run(conditions=["interstitial_lung_disease"], treatments=[
        *AFTER_TDXD_ILD_LATER_LINE, stopped("T-DXd", drugs=["T-DXd"], kind="ild", grade=1, resolved=True)])
    assert tier_of(result, TDXD) is Tier.AVOID


def test_tdxd_stopped_without_a_record_asks_for_kind_and_grade() -> None:
    result = run(treatments=[*AFTER_TDXD_ILD_LATER_LINE, stopped("T-DXd")])
    [entry] = [m for m in result.missing if m.field == "treatments[2].toxicity"]
    assert "interstitial lung disease of grade 2 or more" in entry.effect


def test_ild_blamed_on_pertuzumab_does_not_touch_tdxd() -> None:
    result = run(treatments=[*progressed_on("THP"),
                             stopped("T-DXd+pertuzumab", drugs=["pertuzumab"], kind="infusion", grade=2)])
    assert "trastuzumab deruxtecan: stopped" not in " | ".join(c for o in result.systemic for c in o.cautions)


# ---------------------------------------------------------------- cardiac toxicity

def test_cardiac_toxicity_on_trastuzumab_points_to_the_lvef_rules() -> None:
    result = run(treatments=[*progressed_on("THP"),
                             stopped("trastuzumab+capecitabine", drugs=["trastuzumab"], kind="cardiac", grade=2)])
    text = cautions_text(result, TDXD)
    assert "stopped for grade 2 cardiac toxicity" not in text  # T-DXd does not hold trastuzumab itself
    tucatinib = cautions_text(result, "Tucatinib + trastuzumab + capecitabine")
    assert "trastuzumab: stopped for grade 2 cardiac toxicity in course 2" in tucatinib
    assert "re-challenge follows the LVEF rules" in tucatinib


def test_cardiac_toxicity_with_lvef_under_40_is_avoid_by_the_lvef_rule() -> None:
    result = run(lvef=35, treatments=[*progressed_on("THP"),
                                      stopped("trastuzumab+capecitabine", drugs=["trastuzumab"], kind="cardiac")])
    assert tier_of(result, "Tucatinib + trastuzumab + capecitabine") is Tier.AVOID


# ---------------------------------------------------------------- properties over toxicity records

REGIMENS_GIVEN = ["THP", "T-DXd+pertuzumab", "T-DM1", "tucatinib+trastuzumab+capecitabine", "trastuzumab+vinorelbine",
                  "lapatinib+capecitabine", "letrozole+trastuzumab+pertuzumab"]


@st.composite
def history_with_a_toxicity_record(draw: st.DrawFn) -> dict[str, Any]:
    """Progressed courses, then one course stopped for toxicity naming some of its drugs."""
    failed = draw(st.lists(st.sampled_from(REGIMENS_GIVEN), max_size=2))
    regimen = draw(st.sampled_from(REGIMENS_GIVEN))
    drugs = Case.from_mapping(case_mapping(treatments=[course(regimen, outcome="toxicity")])).treatments[0].drugs
    named = draw(st.lists(st.sampled_from(drugs), min_size=1, unique=True))
    record = {"drugs": named, "kind": draw(st.sampled_from(["ild", "cardiac", "neuropathy", "other"])),
              "grade": draw(st.integers(1, 4)), "resolved": draw(st.booleans())}
    ongoing = draw(st.sampled_from([[], [course("trastuzumab+pertuzumab", outcome="ongoing")]]))
    return case_mapping(**HR_POSITIVE_POST, treatments=[
        *progressed_on(*failed), {**course(regimen, outcome="toxicity"), "toxicity": record}, *ongoing])


HR_POSITIVE_POST: dict[str, Any] = {"er": "positive", "pr": "positive", "menopausal_status": "post"}


@settings(max_examples=property_examples(100), deadline=None)
@given(history_with_a_toxicity_record())
def test_only_the_named_drugs_are_stopped_for_toxicity_and_none_taken_now(mapping: dict[str, Any]) -> None:
    case = Case.from_mapping(mapping)
    result = navigate(case)
    record = next(t.toxicity for t in case.treatments if t.toxicity is not None)
    course_number = next(n for n, t in enumerate(case.treatments, start=1) if t.toxicity is not None)
    taken_now = {d for t in case.treatments if t.outcome.value == "ongoing" for d in t.drugs}
    for choice in result.systemic:
        for caution in choice.cautions:
            if f"in course {course_number} (" in caution and caution.split(":")[1].strip().startswith("stopped for"):
                drug = caution.split(":")[0]
                assert drug in record.drugs, caution
                assert drug not in taken_now, caution
        if choice.tier is Tier.PREFERRED:
            assert not (set(choice.drugs) & set(record.drugs)) - taken_now, choice.regimen


def test_tdxd_resumable_after_resolved_grade_1_ild_is_not_ruled_out_at_second_line() -> None:
    """Section 10.3 over section 3: the label resumes T-DXd after grade 1 ILD that resolved, so at line 2 it
    is one tier lower (given before), not avoid as "received already"; its caution quotes the label."""
    result = run(treatments=[*progressed_on("THP"),
                             stopped("T-DXd", drugs=["T-DXd"], kind="ild", grade=1, resolved=True)])
    assert result.line == 2
    assert tier_of(result, TDXD) is Tier.ALTERNATIVE
    text = cautions_text(result, TDXD)
    assert "not ruled out as received already" in text and "resolved to grade 0" in text
    [step] = [s for s in result.trace if s.step == "second line"]
    assert step.decision.startswith("T-DXd alternative")


def test_tdxd_stopped_for_grade_2_ild_stays_avoid_at_second_line() -> None:
    result = run(treatments=[*progressed_on("THP"), stopped("T-DXd", drugs=["T-DXd"], kind="ild", grade=2)])
    assert tier_of(result, TDXD) is Tier.AVOID


def test_the_trace_names_every_option_the_safety_review_lowered() -> None:
    """THP stopped for toxicity without a record: both first-line options are alternatives, and the trace
    says so instead of leaving 'THP and T-DXd + pertuzumab preferred' as its last word."""
    result = run(treatments=[stopped("THP")])
    lowered = {s.decision for s in result.trace if s.step == "safety"}
    assert f"{THP}: preferred lowered to alternative" in lowered
    assert "T-DXd + pertuzumab: preferred lowered to alternative" in lowered


def test_cardiac_toxicity_on_trastuzumab_puts_the_lvef_rules_on_every_her2_antibody_and_asks_for_assessment() -> None:
    """Sections 10.3 and 5: the conjugates carry trastuzumab; with LVEF normal, T-DXd and T-DM1 still get the
    re-challenge caution, and the actions ask for a cardiac assessment naming the toxicity."""
    result = run(presentation="recurrence", metastasis_biopsied=True, treatments=[
        {**course("docetaxel+trastuzumab", "adjuvant", "toxicity", months=5),
         "toxicity": {"drugs": ["trastuzumab"], "kind": "cardiac", "grade": 3, "resolved": True}}])
    for regimen in (TDXD, TDM1):
        assert "cardiac toxicity on trastuzumab in course 1" in cautions_text(result, regimen)
        assert "LVEF" in cautions_text(result, regimen)
    [cardiac] = [a.text for a in result.actions if a.kind.value == "cardiac_assessment"]
    assert "cardiac toxicity on trastuzumab in course 1" in cardiac


def test_a_toxicity_of_another_kind_adds_no_cardiac_caution_to_the_other_antibodies() -> None:
    result = run(presentation="recurrence", metastasis_biopsied=True, treatments=[
        {**course("docetaxel+trastuzumab", "adjuvant", "toxicity", months=5),
         "toxicity": {"drugs": ["docetaxel"], "kind": "neuropathy"}}])
    assert "cardiac toxicity" not in cautions_text(result, TDXD)


def test_tdxd_stopped_for_a_resolved_cardiac_toxicity_is_one_tier_lower_at_second_line_not_avoid() -> None:
    """Section 1: a drug stopped for toxicity is not preferred again, not ruled out; the LVEF rules decide."""
    result = run(treatments=[*progressed_on("THP"),
                             stopped("T-DXd", drugs=["T-DXd"], kind="cardiac", grade=2, resolved=True)])
    assert tier_of(result, TDXD) is Tier.ALTERNATIVE
    assert "LVEF" in cautions_text(result, TDXD)


def test_tdxd_stopped_for_a_toxicity_not_recorded_as_resolved_stays_avoid_at_second_line() -> None:
    result = run(treatments=[*progressed_on("THP"), stopped("T-DXd", drugs=["T-DXd"], kind="cardiac", grade=2)])
    assert tier_of(result, TDXD) is Tier.AVOID


def test_the_trace_names_no_lowered_option_that_the_result_does_not_list() -> None:
    """THP stopped for docetaxel neuropathy, then HP ongoing: THP is continued as HP, not listed apart, so
    no trace step speaks of THP being lowered."""
    result = run(treatments=[stopped("THP", drugs=["docetaxel"], kind="neuropathy", grade=3, resolved=False),
                             course("trastuzumab+pertuzumab", outcome="ongoing")])
    listed = {o.regimen for o in result.systemic}
    assert THP not in listed  # continued as HP, not offered apart
    lowered = [s.decision.split(":")[0] for s in result.trace if s.step == "safety" and " lowered to " in s.decision]
    assert THP not in lowered and set(lowered) <= listed


def test_cardiac_toxicity_on_trastuzumab_puts_the_lapatinib_label_rules_on_lapatinib() -> None:
    """Rules 10.3 and 10.6: lapatinib, not an antibody, still carries its label's LVEF rules after it."""
    result = run(treatments=[*progressed_on("THP", "T-DXd"), {
        **course("tucatinib+trastuzumab+capecitabine", outcome="toxicity"),
        "toxicity": {"drugs": ["trastuzumab"], "kind": "cardiac", "grade": 2, "resolved": True}}])
    lapatinib = [o for o in result.systemic if "lapatinib" in o.drugs and o.tier is not Tier.AVOID]
    assert lapatinib
    for found in lapatinib:
        assert any(c.startswith("lapatinib: cardiac toxicity on trastuzumab in course 3") and "lapatinib US label" in c
                   for c in found.cautions)

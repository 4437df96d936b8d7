"""A history that cannot be true is an invalid case (exit 2), never a guess (clinical-rules.md 10.1).

Issue 10, items 1, 2, 4 and 5: each reproduced as a clinician would write it, each refused in one
line naming the courses or fields that cannot be true together; the batch gives the same message
as that case's error line and goes on. Histories that are true (two courses given together,
bone-modifying agents beside any course) stay valid.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from her2nav.result import Tier
from tests.clirun import run_cli
from tests.conftest import case_mapping, course, progressed_on, run
from tests.test_hostile_input import assert_clean_error, recommend_json
from tests.test_properties import PROPERTY_SETTINGS, treatment
from tests.test_properties import case_mapping as valid_cases

RECURRENCE = {"presentation": "recurrence", "metastasis_biopsied": True}

IMPOSSIBLE: list[tuple[str, dict[str, Any], tuple[str, ...]]] = [
    ("ongoing THP followed by T-DXd (item 1)",
     {"treatments": [course("THP", outcome="ongoing"), course("T-DXd", outcome="progression")]},
     ("treatments[0], treatments[1]:", "course 1 (docetaxel + trastuzumab + pertuzumab, metastatic, ongoing)",
      "course 2 (trastuzumab deruxtecan, metastatic, progression)", "give its outcome")),
    ("ongoing adjuvant course followed by a metastatic course",
     {**RECURRENCE, "treatments": [course("trastuzumab", "adjuvant", "ongoing"), course("THP", outcome="ongoing")]},
     ("treatments[0], treatments[1]:", "recorded as ongoing")),
    ("T-DXd and the tucatinib triplet both ongoing (item 2)",
     {"treatments": [*progressed_on("THP"), course("T-DXd", outcome="ongoing"),
                     course("tucatinib+trastuzumab+capecitabine", outcome="ongoing")]},
     ("treatments[1], treatments[2]:", "course 2 (trastuzumab deruxtecan, metastatic, ongoing)",
      "course 3 (tucatinib + trastuzumab + capecitabine, metastatic, ongoing)", "not one regimen")),
    ("T-DM1 and capecitabine both ongoing",
     {"treatments": [*progressed_on("THP"), course("T-DM1", outcome="ongoing"),
                     course("capecitabine", outcome="ongoing")]},
     ("treatments[1], treatments[2]:", "not one regimen")),
    ("two endocrine therapies both ongoing",
     {"er": "positive", "treatments": [course("HP", outcome="ongoing"), course("letrozole", outcome="ongoing"),
                                       course("tamoxifen", outcome="ongoing")]},
     ("treatments[1], treatments[2]:", "two endocrine therapies")),
    ("adjuvant progression with a recurrence 20 months later (item 4)",
     {**RECURRENCE, "treatments": [course("trastuzumab", "adjuvant", "progression", months=20)]},
     ("treatments[0].months_to_recurrence:", "progressed during the course", "is 20")),
    ("de novo with an adjuvant course that recurred after 5 months (item 4)",
     {"presentation": "de_novo", "treatments": [course("trastuzumab", "adjuvant", months=5)]},
     ("presentation, treatments[0].months_to_recurrence:", "de_novo", "presentation recurrence")),
    ("an adjuvant course still ongoing, with months since its end",
     {**RECURRENCE, "treatments": [course("trastuzumab", "adjuvant", "ongoing", months=4)]},
     ("treatments[0].months_to_recurrence:", "still ongoing at recurrence")),
    ("neoadjuvant course with a shorter time to recurrence than the adjuvant course after it",
     {**RECURRENCE, "treatments": [course("TCHP", "neoadjuvant", months=2), course("T-DM1", "adjuvant", months=9)]},
     ("treatments[0], treatments[1]:", "ended before", "(2)", "(9)")),
    ("an adjuvant course listed after a metastatic course (its relapse would count as a second failed line)",
     {**RECURRENCE, "treatments": [course("THP", outcome="progression"), course("trastuzumab", "adjuvant", months=4)]},
     ("treatments[0], treatments[1]:", "course 2 (trastuzumab, adjuvant, completed) is (neo)adjuvant",
      "comes after course 1", "oldest first")),
    ("a man with pregnancy (item 5)",
     {"sex": "male", "conditions": ["pregnancy"]}, ("sex, conditions:", "pregnancy")),
    ("a man with a menopausal status",
     {"sex": "male", "menopausal_status": "pre"}, ("sex, menopausal_status:", "pre")),
]


@pytest.mark.parametrize(("changes", "said"), [(c, s) for _, c, s in IMPOSSIBLE], ids=[i for i, _, _ in IMPOSSIBLE])
def test_a_history_that_cannot_be_true_is_exit_2_naming_what_conflicts(
        changes: dict[str, Any], said: tuple[str, ...]) -> None:
    run_ = recommend_json(json.dumps(case_mapping(**changes)))
    assert_clean_error(run_, 2, *said)
    assert run_.stderr.count("\n") == 1


@pytest.mark.parametrize(("changes", "said"), [(c, s) for _, c, s in IMPOSSIBLE], ids=[i for i, _, _ in IMPOSSIBLE])
def test_batch_gives_the_same_message_as_an_error_line_and_goes_on(
        changes: dict[str, Any], said: tuple[str, ...]) -> None:
    lines = [json.dumps(case_mapping(id="bad", **changes)), json.dumps(case_mapping(id="good"))]
    result = run_cli("batch", "-", stdin="\n".join(lines).encode())
    assert result.code == 2
    bad, good = result.json_lines()
    assert bad["id"] == "bad" and bad["error"]["code"] == 2
    for fragment in said:
        assert fragment in bad["error"]["message"]
    assert good["id"] == "good" and good["error"] is None


# ---------------------------------------------------------------- histories that are true stay valid

@pytest.mark.parametrize("treatments", [
    pytest.param([course("THP", outcome="ongoing")], id="one ongoing course"),
    pytest.param([course("THP", outcome="toxicity"), course("HP", outcome="ongoing")], id="HP after THP toxicity"),
    pytest.param([course("HP", outcome="ongoing"), course("letrozole", outcome="ongoing")],
                 id="HP maintenance with letrozole added"),
    pytest.param([course("trastuzumab", outcome="ongoing"), course("pertuzumab+docetaxel", outcome="ongoing")],
                 id="THP recorded as two courses"),
    pytest.param([course("zoledronic acid", outcome="ongoing"), *progressed_on("THP"),
                  course("T-DXd", outcome="ongoing")],
                 id="a bone agent running beside the lines"),
    pytest.param([course("HP", outcome="ongoing"), course("letrozole+goserelin", outcome="ongoing")],
                 id="aromatase inhibitor with ovarian suppression"),
    pytest.param([course("TCHP", "neoadjuvant", months=14), course("T-DM1", "adjuvant", months=9)],
                 id="neoadjuvant then adjuvant, times in order"),
    pytest.param([course("trastuzumab", "adjuvant", "ongoing", months=0)], id="relapse during adjuvant trastuzumab"),
    pytest.param([course("trastuzumab", "adjuvant", "progression", months=0)], id="adjuvant progression at 0"),
])
def test_histories_that_are_true_stay_valid(treatments: list[dict[str, Any]]) -> None:
    result = run(er="positive", presentation="recurrence", metastasis_biopsied=True, treatments=treatments)
    assert result.systemic


def test_a_man_with_unknown_menopausal_status_is_valid() -> None:
    assert run(sex="male", menopausal_status="unknown").systemic


def test_de_novo_with_a_neoadjuvant_course_and_no_recurrence_time_is_valid() -> None:
    result = run(presentation="de_novo", treatments=[course("TCHP", "neoadjuvant")])
    assert any(option.tier is Tier.PREFERRED for option in result.systemic)


# ---------------------------------------------------------------- properties

@st.composite
def with_a_course_after_an_ongoing_one(draw: st.DrawFn) -> dict[str, Any]:
    """A valid case whose history has an ongoing anticancer course followed by a course that is not
    given with it (a finished course, or one of another setting)."""
    mapping = draw(valid_cases())
    ongoing = course(draw(st.sampled_from(["THP", "T-DXd", "T-DM1", "capecitabine", "letrozole", "trastuzumab"])),
                     draw(st.sampled_from(["neoadjuvant", "adjuvant", "metastatic"])), "ongoing")
    later = draw(treatment())
    later["drugs"] = [draw(st.sampled_from(["THP", "T-DXd", "tucatinib", "capecitabine", "anastrozole"]))]
    if later.get("outcome") == "ongoing" and later["setting"] == ongoing["setting"]:
        later["outcome"] = draw(st.sampled_from(["progression", "toxicity", "completed"]))  # not given with it
    before = mapping.get("treatments", [])
    mapping["treatments"] = [*before, ongoing, later]
    return mapping


@PROPERTY_SETTINGS
@given(with_a_course_after_an_ongoing_one())
def test_an_ongoing_course_followed_by_another_course_is_always_exit_2(mapping: dict[str, Any]) -> None:
    result = recommend_json(json.dumps(mapping))
    assert result.code == 2, result
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert "treatments[" in result.stderr


# ---------------------------------------------------------------- HER2 discordance, both ways (10.9, item 12)

def _pathology_review(result: Any) -> str:
    texts = [a.text for a in result.actions
             if a.kind.value == "specialist_review" and "HER2 tests discordant" in a.text]
    assert len(texts) == 1, [a.text for a in result.actions]
    return texts[0]


@pytest.mark.parametrize(("ihc", "ish", "reading"), [
    ("3+", "not_amplified", "ASCO/CAP 2018 reads IHC 3+ as positive"),
    ("1+", "amplified", "reading ISH amplified as positive"),
    ("0", "amplified", "reading ISH amplified as positive"),
])
def test_discordant_her2_tests_are_navigated_with_a_pathology_review_in_both_directions(
        ihc: str, ish: str, reading: str) -> None:
    result = run(her2_ihc=ihc, her2_ish=ish)
    assert result.case.her2.value == "positive"
    text = _pathology_review(result)
    assert f"IHC {ihc}, ISH {ish.replace('_', ' ')}" in text
    assert reading in text
    assert "review both tests" in text


@pytest.mark.parametrize(("ihc", "ish"), [("3+", "not_amplified"), ("1+", "amplified")])
def test_her2_given_beside_discordant_tests_is_the_reading_after_review(ihc: str, ish: str) -> None:
    result = run(her2="positive", her2_ihc=ihc, her2_ish=ish)
    assert "her2 given as positive: navigated on that reading" in _pathology_review(result)


@pytest.mark.parametrize("her2", ["negative", "low"])
def test_her2_not_positive_after_review_of_discordant_tests_is_out_of_scope_naming_the_tests(her2: str) -> None:
    """Rule 10.9: the message names the discordant tests as given and asks for pathology review if none was
    made (it described IHC 1+ for an IHC 3+ case given as low)."""
    run_ = recommend_json(json.dumps(case_mapping(her2=her2, her2_ihc="3+", her2_ish="not_amplified")))
    assert run_.code == 3
    assert f"HER2 given as {her2} beside discordant tests (IHC 3+, ISH not amplified)" in run_.stderr
    assert "pathology review" in run_.stderr and "IHC 1+" not in run_.stderr


@pytest.mark.parametrize("tests", [{"her2_ihc": "3+"}, {"her2_ihc": "3+", "her2_ish": "amplified"},
                                   {"her2_ihc": "2+", "her2_ish": "amplified"}, {"her2_ish": "amplified"}])
def test_concordant_tests_get_no_pathology_review(tests: dict[str, str]) -> None:
    result = run(**tests)
    assert not any("HER2 tests discordant" in action.text for action in result.actions)

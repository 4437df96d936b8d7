"""Dates in a case: months worked out from them, and histories whose dates cannot be true refused."""

from __future__ import annotations

import datetime
import json
from typing import Any

import pytest

from her2nav.case import Case
from her2nav.dates import PartialDate, months_between, parse_date
from her2nav.errors import InvalidCase
from her2nav.navigate import navigate
from tests.clirun import run_cli
from tests.conftest import case_mapping

AS_OF = datetime.date(2024, 3, 15)


def d(text: str) -> PartialDate:
    return parse_date(text, "date")


@pytest.mark.parametrize(("earlier", "later", "months"), [
    ("2022-06", "2023-01", 7),           # whole calendar months when the days are not known
    ("2022-12", "2023-01", 1),           # across a year boundary
    ("2022-06-30", "2023-01", 7),        # a day on one side only: the month count
    ("2022-01-31", "2022-03-01", 1.0),   # 29 days: a month, not two, though the month changed twice
    ("2022-06-15", "2023-06-15", 12.0),  # a year to the day is 12 months
    ("2022-06-15", "2022-06-15", 0.0),
    ("2023-02", "2023-01", 0),           # relapse during the course: never negative
])
def test_months_between_dates(earlier: str, later: str, months: float) -> None:
    assert months_between(d(earlier), d(later)) == months


@pytest.mark.parametrize("text", ["2023/02", "2023-13", "2023-02-30", "23-02", "February 2023", "1899-12"])
def test_a_date_that_is_not_one_is_refused(text: str) -> None:
    with pytest.raises(InvalidCase) as caught:
        parse_date(text, "metastatic_diagnosis")
    assert caught.value.field == "metastatic_diagnosis"
    assert "YYYY-MM-DD or YYYY-MM" in caught.value.message


def adjuvant_then_metastatic(**adjuvant: Any) -> dict[str, Any]:
    """Adjuvant trastuzumab + pertuzumab ending June 2022, liver metastases January 2023, then THP."""
    return case_mapping(presentation="recurrence", metastasis_biopsied=True, metastatic_diagnosis="2023-01",
                        treatments=[{"drugs": ["trastuzumab", "pertuzumab"], "setting": "adjuvant",
                                     "start": "2021-07", "end": "2022-06", **adjuvant},
                                    {"drugs": ["THP"], "setting": "metastatic", "outcome": "progression",
                                     "start": "2023-02", "end": "2024-01"}])


def months_version(mapping: dict[str, Any]) -> dict[str, Any]:
    """The same case as a clinician would have written it before dates: months worked out by hand."""
    months = {"adjuvant": 7}
    plain = {key: value for key, value in mapping.items() if key != "metastatic_diagnosis"}
    plain["treatments"] = [{key: value for key, value in course.items() if key not in ("start", "end")}
                           | ({"months_to_recurrence": months[course["setting"]]} if course["setting"] in months
                              else {}) for course in mapping["treatments"]]
    return plain


def test_a_case_written_with_dates_gets_the_line_and_options_of_the_case_written_with_months() -> None:
    dated = navigate(Case.from_mapping(adjuvant_then_metastatic(), AS_OF))
    plain = navigate(Case.from_mapping(months_version(adjuvant_then_metastatic())))
    assert dated.line == plain.line == 3  # early relapse (7 months) plus THP failed
    assert dated.line_reason == plain.line_reason
    assert dated.systemic == plain.systemic
    assert dated.site_specific == plain.site_specific
    assert dated.actions == plain.actions


def test_months_worked_out_from_dates_are_echoed_and_the_trace_says_where_they_came_from() -> None:
    result = navigate(Case.from_mapping(adjuvant_then_metastatic(), AS_OF))
    assert result.case.to_dict()["treatments"][0]["months_to_recurrence"] == 7
    [step] = [s for s in result.trace if s.step == "early relapse"]
    assert "7 months (from the course's end, 2022-06, to metastatic_diagnosis)" in step.because


def test_a_relapse_13_months_after_the_end_is_first_line() -> None:
    mapping = adjuvant_then_metastatic()
    mapping["metastatic_diagnosis"] = "2023-07"
    mapping["treatments"] = mapping["treatments"][:1]
    assert navigate(Case.from_mapping(mapping, AS_OF)).line == 1


def test_given_months_within_a_month_of_the_dates_are_accepted() -> None:
    case = Case.from_mapping(adjuvant_then_metastatic(months_to_recurrence=8), AS_OF)
    assert case.treatments[0].months_to_recurrence == 8


def test_given_months_that_disagree_with_the_dates_by_more_than_a_month_name_both() -> None:
    with pytest.raises(InvalidCase) as caught:
        Case.from_mapping(adjuvant_then_metastatic(months_to_recurrence=3), AS_OF)
    assert caught.value.field == "treatments[0].months_to_recurrence"
    message = caught.value.message
    assert "3 months disagrees with the dates" in message
    assert "2022-06" in message and "2023-01" in message and "is 7 months" in message


@pytest.mark.parametrize(("field", "change"), [
    ("metastatic_diagnosis", lambda m: m.update(metastatic_diagnosis="2024-04")),
    ("treatments[1].end", lambda m: m["treatments"][1].update(end="2024-04-01")),
    ("treatments[1].start", lambda m: m["treatments"][1].update(start="2025-01", end=None)),
])
def test_a_date_after_the_as_of_day_is_refused(field: str, change: Any) -> None:
    mapping = adjuvant_then_metastatic()
    change(mapping)
    with pytest.raises(InvalidCase) as caught:
        Case.from_mapping(mapping, AS_OF)
    assert field in caught.value.message
    assert "in the future (after 2024-03-15, the --as-of date)" in caught.value.message


def test_a_date_in_the_month_of_the_as_of_day_is_not_the_future() -> None:
    mapping = adjuvant_then_metastatic()
    mapping["treatments"][1].update(end="2024-03")
    assert str(Case.from_mapping(mapping, AS_OF).treatments[1].end) == "2024-03"


def test_an_end_before_its_start_is_refused() -> None:
    with pytest.raises(InvalidCase) as caught:
        Case.from_mapping(adjuvant_then_metastatic(end="2021-05"), AS_OF)
    assert caught.value.field == "treatments[0].end"
    assert "2021-05 is before the course's start, 2021-07" in caught.value.message


def test_courses_out_of_order_are_refused_naming_both() -> None:
    mapping = adjuvant_then_metastatic()
    mapping["treatments"].append({"drugs": ["T-DXd"], "setting": "metastatic", "outcome": "ongoing",
                                  "start": "2023-01"})
    with pytest.raises(InvalidCase) as caught:
        Case.from_mapping(mapping, AS_OF)
    assert caught.value.field == "treatments[2].start"
    assert "2023-01 is before treatments[1].start, 2023-02: list the courses oldest first" in caught.value.message


def test_an_adjuvant_course_after_the_metastatic_diagnosis_is_refused() -> None:
    mapping = adjuvant_then_metastatic(start="2023-03", end="2023-05")
    with pytest.raises(InvalidCase) as caught:
        Case.from_mapping(mapping, AS_OF)
    assert "adjuvant course starting 2023-03 is after metastatic_diagnosis, 2023-01" in caught.value.message


def test_a_metastatic_course_before_the_metastatic_diagnosis_is_refused() -> None:
    mapping = adjuvant_then_metastatic()
    mapping["metastatic_diagnosis"] = "2023-05"
    with pytest.raises(InvalidCase) as caught:
        Case.from_mapping(mapping, AS_OF)
    assert "metastatic course starting 2023-02 is before metastatic_diagnosis, 2023-05" in caught.value.message


def test_an_ongoing_course_has_no_end() -> None:
    mapping = adjuvant_then_metastatic()
    mapping["treatments"][1]["outcome"] = "ongoing"
    with pytest.raises(InvalidCase) as caught:
        Case.from_mapping(mapping, AS_OF)
    assert caught.value.field == "treatments[1].end"


def test_age_and_birth_year_must_agree_on_the_as_of_day() -> None:
    Case.from_mapping(case_mapping(age=53, birth_year=1970), AS_OF)  # before or after the birthday
    Case.from_mapping(case_mapping(age=54, birth_year=1970), AS_OF)
    with pytest.raises(InvalidCase) as caught:
        Case.from_mapping(case_mapping(age=60, birth_year=1970), AS_OF)
    assert caught.value.field == "age"
    assert "60 disagrees with birth_year 1970" in caught.value.message


def test_age_birth_year_and_diagnosis_are_echoed() -> None:
    echoed = Case.from_mapping(case_mapping(age=54, metastatic_diagnosis="2023-01-09"), AS_OF).to_dict()
    assert (echoed["age"], echoed["birth_year"], echoed["metastatic_diagnosis"]) == (54, None, "2023-01-09")


# ---------------------------------------------------------------- the command line


def test_treatment_flag_takes_dates_and_the_flags_give_the_same_line_as_months() -> None:
    base = ["recommend", "--her2", "positive", "--er", "negative", "--pr", "negative", "--presentation",
            "recurrence", "--metastasis-biopsied", "--site", "liver:7", "--format", "json", "--as-of", "2024-03-15"]
    dated = run_cli(*base, "--metastatic-diagnosis", "2023-01",
                    "--treatment", "trastuzumab+pertuzumab:adjuvant:completed:2021-07..2022-06",
                    "--treatment", "THP:metastatic:progression:2023-02..2024-01")
    plain = run_cli(*base, "--treatment", "trastuzumab+pertuzumab:adjuvant:completed:recurred=7",
                    "--treatment", "THP:metastatic:progression")
    assert dated.code == plain.code == 0, dated.stderr
    assert dated.json()["line"] == plain.json()["line"] == 3
    assert dated.json()["systemic"] == plain.json()["systemic"]
    assert dated.json()["case"]["treatments"][1]["start"] == "2023-02"


def test_an_ongoing_course_on_the_command_line_has_an_open_end() -> None:
    run = run_cli("recommend", "--her2", "positive", "--er", "negative", "--presentation", "de_novo",
                  "--site", "liver:2", "--treatment", "THP:metastatic:ongoing:2024-01..", "--format", "json",
                  "--as-of", "2024-03-15")
    assert run.code == 0, run.stderr
    assert run.json()["case"]["treatments"][0] == {"drugs": ["docetaxel", "trastuzumab", "pertuzumab"],
                                                   "setting": "metastatic", "outcome": "ongoing",
                                                   "months_to_recurrence": None, "start": "2024-01",
                                                   "end": None, "toxicity": None}


def test_without_as_of_the_command_line_refuses_a_date_after_today() -> None:
    mapping = case_mapping(metastatic_diagnosis="2999-01")
    run = run_cli("recommend", "-", stdin=json.dumps(mapping).encode())
    assert run.code == 2
    assert "metastatic_diagnosis: 2999-01 is in the future" in run.stderr


def test_a_bad_as_of_day_is_named() -> None:
    run = run_cli("recommend", "-", "--as-of", "yesterday", stdin=json.dumps(case_mapping()).encode())
    assert (run.code, run.stderr) == (2, "her2nav: --as-of: 'yesterday' is not a day; allowed: YYYY-MM-DD\n")


def test_batch_checks_dates_against_as_of() -> None:
    line = json.dumps(case_mapping(metastatic_diagnosis="2024-06"))
    run = run_cli("batch", "-", "--as-of", "2024-03-15", stdin=line.encode() + b"\n")
    assert run.code == 2
    assert "2024-06 is in the future" in run.json_lines()[0]["error"]["message"]


def test_the_dated_example_matches_its_twin_written_with_months() -> None:
    from tests.clirun import EXAMPLES

    dated_mapping = json.loads((EXAMPLES / "dated-history.json").read_text(encoding="utf-8"))
    twin = {key: value for key, value in dated_mapping.items() if key != "metastatic_diagnosis"}
    # counted by hand as a clinician would: June 2021 and June 2022 to January 2023
    twin["treatments"] = [{key: value for key, value in course.items() if key not in ("start", "end")}
                          for course in dated_mapping["treatments"]]
    twin["treatments"][0]["months_to_recurrence"] = 19
    twin["treatments"][1]["months_to_recurrence"] = 7
    dated, plain = (navigate(Case.from_mapping(m, datetime.date(2024, 11, 20))) for m in (dated_mapping, twin))
    assert (dated.line, dated.line_reason) == (plain.line, plain.line_reason)
    assert dated.line == 3
    assert dated.systemic == plain.systemic
    assert dated.site_specific == plain.site_specific
    assert dated.actions == plain.actions

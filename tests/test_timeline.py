"""The treatment timeline: bars on a shared time axis in the terminal, a Mermaid gantt block and a
table in the handout; without dates, the order only, said so."""

from __future__ import annotations

import datetime
import io
import re
from typing import Any

import pytest

from her2nav.case import Case
from her2nav.navigate import navigate
from her2nav.render.console import make_console
from her2nav.render.markdown import render_markdown
from her2nav.render.timeline import render_timeline
from her2nav.render.timeline_facts import timeline_of
from her2nav.result import Result
from tests.clirun import run_cli
from tests.conftest import case_mapping

AS_OF = datetime.date(2024, 11, 20)
DATED: dict[str, Any] = case_mapping(
    presentation="recurrence", metastasis_biopsied=True, er="positive", metastatic_diagnosis="2023-01-10",
    treatments=[
        {"drugs": ["trastuzumab", "pertuzumab", "docetaxel"], "setting": "neoadjuvant",
         "start": "2021-03", "end": "2021-07"},
        {"drugs": ["T-DM1"], "setting": "adjuvant", "start": "2021-09", "end": "2022-06"},
        {"drugs": ["THP"], "setting": "metastatic", "outcome": "progression", "start": "2023-02", "end": "2024-05"},
        {"drugs": ["capecitabine", "lapatinib"], "setting": "metastatic", "outcome": "toxicity",
         "start": "2024-06-03", "end": "2024-07-15"},
        {"drugs": ["T-DXd"], "setting": "metastatic", "outcome": "ongoing", "start": "2024-08"}])
UNDATED: dict[str, Any] = case_mapping(treatments=[{"drugs": ["THP"], "setting": "metastatic"}])


def result_of(mapping: dict[str, Any]) -> Result:
    return navigate(Case.from_mapping(mapping, AS_OF))


def terminal(result: Result, width: int) -> str:
    out = io.StringIO()
    render_timeline(result, make_console(out, width))
    return out.getvalue()


def test_months_on_treatment_come_from_the_dates() -> None:
    rows = timeline_of(result_of(DATED).case).rows
    assert [row.months for row in rows] == [4, 9, 15, 1.4, 3]  # the ongoing course up to the as-of day


def allowed_words(result: Result) -> set[str]:
    words = {"Treatment", "timeline", "#", "Course", "Time", "Ended", "Months", "metastatic", "diagnosis", "+",
             "to", "scale.", "Metastatic", "axis", "(▼).", "▶", "ongoing,", "counted", "No", "dates",
             "given:", "the", "courses", "in", "order", "given,", "oldest", "first", "(bars", "need", "start",
             "and", "end", "dates).", "Courses", "without", "have", "no", "bar.", "<1", "▼", "ongoing."}
    for course in result.case.treatments:
        words |= {*course.drugs[0].split(), *" ".join(course.drugs).split(), course.setting.value,
                  course.outcome.value, f"{course.outcome.value},", "months"}
    for row in timeline_of(result.case).rows:
        words |= {str(row.number), row.drugs, *row.drugs.split()}
    return words


@pytest.mark.parametrize("width", [*range(40, 60, 4), *range(60, 201, 7)])
@pytest.mark.parametrize("mapping", [DATED, UNDATED], ids=["dated", "undated"])
def test_no_word_is_folded_at_any_width_from_40_to_200(mapping: dict[str, Any], width: int) -> None:
    result = result_of(mapping)
    text = terminal(result, width)
    allowed = allowed_words(result) | {f"{m:g}" for m in range(0, 100)} | {"1.4"}
    dates = re.compile(r"\d{4}-\d{2}(-\d{2})?[.,]?$")
    for line in text.splitlines():
        assert len(line) <= width
        for token in line.split():
            assert token in allowed or set(token) <= {"█", "▶", "─"} or dates.match(token), (token, line)


def bar_columns(text: str) -> list[tuple[int, int]]:
    """Where each bar starts and ends on its line, in order."""
    spans = []
    for line in text.splitlines():
        found = re.search(r"█[█▶]*|▶", line) if re.match(r"\s+\d+\s", line) else None
        if found:
            spans.append(found.span())
    return spans


def test_bars_share_one_axis_in_the_order_of_the_courses() -> None:
    spans = bar_columns(terminal(result_of(DATED), 120))
    assert len(spans) == 5
    starts = [start for start, _ in spans]
    assert starts == sorted(starts)
    assert spans[2][1] - spans[2][0] > spans[0][1] - spans[0][0]  # 15 months is drawn longer than 4
    assert "▼" in terminal(result_of(DATED), 120)


def test_an_ongoing_course_ends_in_an_arrow_at_the_as_of_day() -> None:
    text = terminal(result_of(DATED), 100)
    [line] = [line for line in text.splitlines() if "▶" in line and re.match(r"\s+5\s", line)]
    assert re.search(r"▶\s+ongoing\s+3\s*$", line)
    assert "counted to 2024-11-20" in " ".join(text.split())


def test_without_dates_the_timeline_gives_the_order_and_says_so() -> None:
    text = terminal(result_of(UNDATED), 80)
    assert "No dates given: the courses in the order given, oldest first" in " ".join(text.split())
    assert "█" not in text


def test_the_timeline_is_shown_with_explain_only() -> None:
    args = ["recommend", "--her2", "positive", "--er", "negative", "--presentation", "de_novo", "--site", "liver:2",
            "--treatment", "THP:metastatic:progression:2023-02..2024-05", "--as-of", "2024-11-20"]
    assert "Treatment timeline" in run_cli(*args, "--explain").stdout
    assert "Treatment timeline" not in run_cli(*args).stdout


# ---------------------------------------------------------------- the handout


def mermaid_blocks(markdown: str) -> list[list[str]]:
    return [block.split("\n") for block in re.findall(r"```mermaid\n(.*?)\n```", markdown, re.S)]


TASK = re.compile(r"^ {4}(?P<name>[^:]+?) :(?:(?:crit|active|done|milestone), )*(?P<id>[a-z]\d+), "
                  r"(?P<start>\d{4}-\d{2}-\d{2}), (?P<end>\d{4}-\d{2}-\d{2}|0d)$")


def test_the_gantt_block_has_a_section_a_name_and_dates_for_every_task() -> None:
    [block] = mermaid_blocks(render_markdown(result_of(DATED)))
    assert block[:2] == ["gantt", "    title Treatment courses"]
    assert "    dateFormat YYYY-MM-DD" in block
    section = None
    tasks = []
    for line in block[2:]:
        if line.startswith("    section "):
            section = line.removeprefix("    section ")
        elif not line.startswith(("    title", "    dateFormat", "    axisFormat")):
            task = TASK.match(line)
            assert task is not None, line
            assert section is not None, line
            assert task["name"].strip()
            if task["end"] != "0d":
                assert task["start"] < task["end"]
            tasks.append((section, task["name"]))
    assert [section for section, _ in tasks] == ["Neoadjuvant", "Adjuvant", "Metastatic", "Metastatic",
                                                 "Metastatic", "Diagnosis"]
    assert tasks[3][1] == "4 capecitabine + lapatinib (toxicity)"


def test_the_handout_table_gives_the_same_facts() -> None:
    markdown = render_markdown(result_of(DATED))
    assert "| 3 | metastatic | docetaxel + trastuzumab + pertuzumab | 2023-02 | 2024-05 | progression | 15 |" \
        in markdown
    assert "| 5 | metastatic | trastuzumab deruxtecan | 2024-08 | ongoing | ongoing | 3 |" in markdown
    assert "Metastatic diagnosis: 2023-01-10." in markdown


def test_the_handout_without_dates_has_no_chart_and_says_so() -> None:
    markdown = render_markdown(result_of(UNDATED))
    assert not mermaid_blocks(markdown)
    assert "No dates given: the courses in the order given, oldest first." in markdown
    assert "| 1 | metastatic | docetaxel + trastuzumab + pertuzumab | not given | not given | progression | " \
           "not known |" in markdown


def test_a_case_without_courses_has_no_timeline() -> None:
    assert "Treatment timeline" not in render_markdown(result_of(case_mapping()))

"""The course history in the handout: a Mermaid `gantt` block, and the same facts as a table.

Mermaid renders on GitHub, GitLab and most Markdown viewers; the table carries every fact for a
viewer that shows the block as text. Without dates there is no chart: the table gives the order
and says so.
"""

from __future__ import annotations

import datetime
import re

from her2nav.case import Case
from her2nav.render.timeline_facts import CourseRow, Timeline, months_text, timeline_of

_MERMAID_UNSAFE = re.compile(r"[:;#\n\r`]")  # would end a task name or the block
_OUTCOME_TAGS = {"progression": "crit, ", "ongoing": "active, ", "completed": "done, ", "toxicity": "done, "}


def timeline_section(case: Case, heading: str) -> list[str]:
    """The section, its heading at `heading` ('##'); nothing for a case without courses."""
    if not case.treatments:
        return []
    timeline = timeline_of(case)
    lines = [f"{heading} Treatment timeline", ""]
    if timeline.dated:
        lines += [*gantt_block(timeline), ""]
    else:
        lines += ["No dates given: the courses in the order given, oldest first.", ""]
    lines += [*_facts_table(timeline), ""]
    return lines


def gantt_block(timeline: Timeline) -> list[str]:
    """A fenced Mermaid gantt chart: a section per run of courses in one setting, a task per dated course."""
    lines = ["```mermaid", "gantt", "    title Treatment courses", "    dateFormat YYYY-MM-DD",
             "    axisFormat %Y-%m"]
    section = None
    for row in timeline.rows:
        end = timeline.bar_end(row)
        if row.start is None or end is None:
            continue
        if row.setting != section:
            section = row.setting
            lines.append(f"    section {section.capitalize()}")
        lines.append(f"    {_task_name(row)} :{_OUTCOME_TAGS.get(row.outcome, '')}c{row.number}, "
                     f"{row.start.first_day.isoformat()}, {_day_after(end).isoformat()}")
    if timeline.metastatic_diagnosis is not None:
        lines += ["    section Diagnosis",
                  f"    Metastatic diagnosis :milestone, m1, {timeline.metastatic_diagnosis.first_day.isoformat()}, 0d"]
    lines.append("```")
    return lines


def _task_name(row: CourseRow) -> str:
    name = f"{row.number} {row.drugs} ({row.outcome})"
    return _MERMAID_UNSAFE.sub(" ", name)


def _day_after(day: datetime.date) -> datetime.date:
    """Mermaid's end date is exclusive: a course ending on a day is drawn up to the next."""
    return day + datetime.timedelta(days=1)


def _facts_table(timeline: Timeline) -> list[str]:
    from her2nav.render.markdown import cell, table

    rows = [[str(row.number), cell(row.setting), cell(row.drugs), _date_cell(row.start),
             "ongoing" if row.ongoing and row.end is None else _date_cell(row.end), cell(row.outcome),
             months_text(row.months) or "not known"] for row in timeline.rows]
    lines = table(["#", "setting", "drugs", "start", "end", "outcome", "months on treatment"], rows)
    if timeline.metastatic_diagnosis is not None:
        lines += ["", f"Metastatic diagnosis: {timeline.metastatic_diagnosis}."]
    if timeline.as_of is not None and any(row.ongoing for row in timeline.rows):
        lines += ["", f"Ongoing courses are counted to {timeline.as_of}."]
    return lines


def _date_cell(date: object) -> str:
    return "not given" if date is None else str(date)

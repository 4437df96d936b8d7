"""`recommend --explain` in the terminal: the course history as bars on a shared time axis (Rich).

One row per course (setting and drugs, a bar from its start to its end, how it ended, months on
treatment) and a row marking the metastatic diagnosis. Without dates the rows show the order only
and the caption says so. Cells are `Text` built from data, never markup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from her2nav.render.timeline_facts import CourseRow, Timeline, months_text, timeline_of
from her2nav.result import Result

if TYPE_CHECKING:
    from rich.console import Console, RenderableType
    from rich.text import Text

# Columns besides the course and the bar (number, how it ended, months), and what the table itself
# takes: for five columns, two edges, four dividers and a space of padding each side of every cell.
_NUMBER_WIDTH = 2
_OUTCOME_WIDTH = len("progression")
_MONTHS_WIDTH = len("months")
_FIXED_WIDTH = _NUMBER_WIDTH + _OUTCOME_WIDTH + _MONTHS_WIDTH + 2 + 4 + 2 * 5
_COURSE_MIN = 14  # the longest single word of a course cell ('capecitabine', 'neoadjuvant') fits
_COURSE_MAX = 40
_BAR_MIN = 8
_BAR_MAX = 90
_SETTING_STYLES = {"neoadjuvant": "cyan", "adjuvant": "cyan", "metastatic": "magenta"}


def render_timeline(result: Result, console: Console) -> None:
    if not result.case.treatments:
        return
    from her2nav.render.console import print_trimmed

    console.print()
    print_trimmed(console, timeline_table(timeline_of(result.case), console.width))


def timeline_table(timeline: Timeline, width: int) -> RenderableType:
    """Columns for #, course, bar, outcome and months; on a narrow console the outcome and months join the
    course cell, so that no column is cut short."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    compact = width < _FIXED_WIDTH + _COURSE_MIN + _BAR_MIN
    fixed = _NUMBER_WIDTH + 2 + 2 * 2 + 1 if compact else _FIXED_WIDTH  # two columns besides course and bar
    available = max(width - fixed - (0 if timeline.dated else 3), _COURSE_MIN + (_BAR_MIN if timeline.dated else 0))
    if not timeline.dated:
        course_width, bar_width = min(_COURSE_MAX, available), 0
    else:
        course_width = min(_COURSE_MAX, max(_COURSE_MIN, available * 2 // 5))
        bar_width = min(_BAR_MAX, max(_BAR_MIN, available - course_width))
    table = Table(title=Text("Treatment timeline", style="bold"), box=box.SIMPLE_HEAD, title_justify="left",
                  caption=Text(_caption(timeline)), caption_justify="left", padding=(0, 1), expand=False)
    table.add_column("#", justify="right", width=_NUMBER_WIDTH, no_wrap=True)
    table.add_column("Course", width=course_width)
    if timeline.dated:
        table.add_column("Time", width=bar_width, no_wrap=True, overflow="crop")
    if not compact:
        table.add_column("Ended", width=_OUTCOME_WIDTH)
        table.add_column("Months", justify="right", width=_MONTHS_WIDTH, no_wrap=True)
    for row in timeline.rows:
        cells = [Text(str(row.number)), _course_text(row, compact)]
        if timeline.dated:
            cells.append(_bar(timeline, row, bar_width))
        if not compact:
            cells += [Text(row.outcome), Text(months_text(row.months))]
        table.add_row(*cells)
    if timeline.dated and timeline.metastatic_diagnosis is not None:
        blanks = [] if compact else [Text(""), Text("")]
        table.add_row(Text(""), Text("metastatic diagnosis", style="bold"), _marker(timeline, bar_width), *blanks)
    return table


def _course_text(row: CourseRow, with_outcome: bool) -> Text:
    from rich.text import Text

    text = Text(row.setting, style=f"bold {_SETTING_STYLES.get(row.setting, '')}".strip())
    text.append("\n" + row.drugs)
    if with_outcome:
        months = months_text(row.months)
        text.append(f"\n{row.outcome}" + (f", {months} months" if months else ""), style="dim")
    return text


def _bar(timeline: Timeline, row: CourseRow, width: int) -> Text:
    from rich.text import Text

    end = timeline.bar_end(row)
    if row.start is None or end is None:
        return Text("dates not given", style="dim")
    first = min(width - 1, round(timeline.position(row.start.first_day) * (width - 1)))
    last = max(first, min(width - 1, round(timeline.position(end) * (width - 1))))
    bar = Text(" " * first)
    body = "█" * (last - first + 1)
    if row.ongoing:
        body = body[:-1] + "▶"
    bar.append(body, style=_SETTING_STYLES.get(row.setting, ""))
    return bar


def _marker(timeline: Timeline, width: int) -> Text:
    from rich.text import Text

    assert timeline.metastatic_diagnosis is not None
    at = min(width - 1, round(timeline.position(timeline.metastatic_diagnosis.first_day) * (width - 1)))
    return Text(" " * at + "▼", style="bold red")


def _caption(timeline: Timeline) -> str:
    if not timeline.dated:
        return "No dates given: the courses in the order given, oldest first (bars need start and end dates)."
    assert timeline.axis_start is not None and timeline.axis_end is not None
    parts = [f"Time axis {timeline.axis_start:%Y-%m} to {timeline.axis_end:%Y-%m}, to scale."]
    if timeline.metastatic_diagnosis is not None:
        parts.append(f"Metastatic diagnosis {timeline.metastatic_diagnosis} (▼).")
    if any(row.ongoing for row in timeline.rows):
        parts.append("▶ ongoing" + (f", counted to {timeline.as_of}." if timeline.as_of else "."))
    if any(not row.dated for row in timeline.rows):
        parts.append("Courses without dates have no bar.")
    return " ".join(parts)

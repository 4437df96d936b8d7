"""The result for a clinician at a terminal, designed for 80 columns first.

In reading order: the case as the navigator understood it, urgent actions, the line and
why, the systemic and site-specific options, the other actions, the missing facts. Options
are a table when its narrowest layout fits the width without splitting a word (Rich
measures it), and otherwise stacked one under another. Trial findings are left to
`--details`; evidence is shown by the ids `her2nav references --id` accepts.

Every piece built from data is a `Text`, so a `[` in a rationale or an id is shown as
typed and never read as markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from her2nav.knowledge import INTENDED_USE
from her2nav.render.plain import printable
from her2nav.render.words import (
    action_words,
    conditions_words,
    courses_words,
    knowledge_words,
    missing_words,
    modality_words,
    patient_words,
    primary_words,
    sentence,
    site_words,
    sites_words,
)
from her2nav.result import ActionKind, Result, SiteOption, SystemicOption, Tier

if TYPE_CHECKING:
    from rich.console import Console, RenderableType
    from rich.table import Column, Table
    from rich.text import Text

TIER_STYLE = {
    Tier.PREFERRED: "bold green",
    Tier.ALTERNATIVE: "cyan",
    Tier.CONSIDER: "yellow",
    Tier.AVOID: "bold red",
}
TIER_WIDTH = max(len(tier.value) for tier in Tier)
# A table is used only when its sentences get at least this many columns; narrower, they read
# as a few words a line, and the stacked view is easier to read.
PROSE_WIDTH = 30
PROSE_COLUMNS = ("Reason", "Cautions")
EVIDENCE_HINT = "Evidence: her2nav references --id LABEL shows a study."


def render_table(result: Result, console: Console, details: bool = False) -> None:
    from her2nav.render.console import print_trimmed

    for renderable in table_parts(result, console, details):
        print_trimmed(console, renderable)


def table_parts(result: Result, console: Console, details: bool = False) -> list[RenderableType]:
    """The view, top to bottom; `details` adds the studies' findings to every option."""
    width = console.options.max_width
    parts: list[RenderableType] = [_title(result), _case_grid(result, width)]
    urgent = [action.text for action in result.actions if action.kind is ActionKind.URGENT]
    if urgent:
        parts.append(_urgent_panel(urgent))
    parts.append(_line_grid(result))
    parts.append(_heading("Systemic options"))
    parts.append(_fitting(console, _systemic_table(result, details), _systemic_stack(result, details, width)))
    if result.site_specific:
        parts.append(_heading("Site-specific options"))
        parts.append(_fitting(console, _site_table(result, details), _site_stack(result, details, width)))
    others = [action for action in result.actions if action.kind is not ActionKind.URGENT]
    if others:
        parts.append(_heading("Other actions"))
        parts.append(_bullets([_action_text(action.kind, action.text) for action in others], width=width))
    shown = [m for m in result.missing if m.changes_answer or details]
    if shown:
        parts.append(_heading("Missing facts", "yellow"))
        parts.append(_bullets([missing_words(m, result.case) for m in shown], width=width))
    if folded := len(result.missing) - len(shown):
        parts.append(_text(f"{folded} more not given that would not change this answer (--details).", "dim"))
    if details:
        parts.extend(_findings(result))
    parts.append(_footer())
    return parts


# ------------------------------------------------------------------ pieces


def _text(text: str, style: str = "") -> Text:
    from rich.text import Text

    return Text(printable(text), style=style)


def _heading(title: str, style: str = "") -> Text:
    from rich.text import Text

    heading = Text()
    heading.append("\n")
    heading.append(title, style=f"bold underline {style}".strip())
    return heading


def _title(result: Result) -> Text:
    title = _text("her2nav", "bold")
    if result.case.id is not None:
        title.append("  case ")
        title.append(printable(result.case.id), style="bold")
    return title


def _labelled(rows: Sequence[tuple[str, Text]], width: int) -> Table:
    """Rows of a label and its text, the text wrapping under itself (never under the label)."""
    grid = _two_columns(max(len(label) for label, _ in rows), width, first_style="bold")
    for label, text in rows:
        grid.add_row(label, text)
    return grid


def _two_columns(first: int, width: int, first_style: str = "") -> Table:
    """A grid of a narrow column (`first` wide, never wrapped) and a text column taking the rest of `width`.

    Both widths are given, so Rich lays the grid out without measuring its cells: measuring
    every nested cell was about a quarter of the view's rendering.
    """
    from rich.table import Table

    grid = Table.grid(padding=(0, 1))
    grid.add_column(style=first_style, no_wrap=True, width=first)
    grid.add_column(overflow="fold", width=max(1, width - first - 1))
    return grid


def _case_grid(result: Result, width: int) -> Table:
    case = result.case
    sites = sites_words(case)
    if case.primary_tumor.intact:
        sites += f"; primary tumor {primary_words(case)}"
    return _labelled([
        ("Case", _text(patient_words(case))),
        ("Courses", _text(courses_words(case))),
        ("Sites", _text(f"{sites}. Conditions: {conditions_words(case)}")),
    ], width)


def _urgent_panel(texts: Sequence[str]) -> RenderableType:
    from rich.console import Group
    from rich.panel import Panel

    body = Group(*(_text(text, "bold") for text in texts))
    return Panel(body, title="URGENT", title_align="left", border_style="bold red", style="", expand=True)


def _line_grid(result: Result) -> RenderableType:
    """The line on a line of its own, so that its number never runs into the reason's first number."""
    from rich.console import Group
    from rich.padding import Padding

    return Group(_heading(f"Line {result.line}"), Padding(_text(result.line_reason), (0, 0, 0, 2)))


def _bullets(items: Sequence[str], style: str = "", width: int | None = None) -> Table:
    """A bulleted list; `width` where it is known (outside the options table), else Rich measures it."""
    from rich.table import Table

    if width is None:
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True)
        grid.add_column(overflow="fold")
    else:
        grid = _two_columns(1, width)
    for item in items:
        grid.add_row("•", _text(item, style))
    return grid


def _action_text(kind: ActionKind, text: str) -> str:
    """The action, headed by its kind unless the text already starts with it ("Dental review, ...")."""
    label = action_words(kind)
    return text if text.casefold().startswith(label.casefold()) else f"{label}: {text}"


def _modality_note(option: SiteOption) -> str:
    """" (radiation)" after the intervention, unless its name already says so."""
    words = modality_words(option.modality)
    return "" if words.casefold() in option.intervention.casefold() else f" ({words})"


def _evidence_text(evidence: tuple[str, ...]) -> Text:
    return _text(", ".join(evidence), "dim")


def _tier_text(tier: Tier) -> Text:
    return _text(tier.value, TIER_STYLE[tier])


def _reason(option: SystemicOption, details: bool) -> str:
    return option.rationale if details or not option.reason else option.reason


def _site_basis(option: SiteOption) -> str:
    """The entry's own reason, without the site's facts (shown once for the site)."""
    lead = f"{option.facts}. "
    return option.rationale[len(lead):] if option.facts and option.rationale.startswith(lead) else option.rationale


# ------------------------------------------------------------------ a table when it fits, else stacked


def _fitting(console: Console, table: Table, stacked: RenderableType) -> RenderableType:
    """The table if every column can be as wide as its longest word (and sentences readable), else stacked."""
    widths = _column_widths(console, table)
    if widths is None:
        return stacked
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    return table


def _column_widths(console: Console, table: Table) -> list[int] | None:
    """Content widths giving each column at least its longest word, the spare width shared by need.

    Rich measures each cell (its longest word and its whole length); Rich's own width sharing
    may cut a column below its longest word, which would fold that word, so it is done here.
    """
    from rich.measure import Measurement

    padding = 2  # one space each side of a cell
    available = console.options.max_width - (len(table.columns) + 1) - padding * len(table.columns)
    if sum(_least_possible(column) for column in table.columns) > available:
        return None  # too narrow whatever the cells hold: no need to measure them
    unlimited = console.options.update_width(_UNLIMITED)
    ranges = [Measurement.get(console, unlimited, _cells_of(column)) for column in table.columns]
    least = [max(measured.minimum, PROSE_WIDTH if column.header in PROSE_COLUMNS else 0)
             for measured, column in zip(ranges, table.columns, strict=True)]
    most = [measured.maximum for measured in ranges]
    if sum(least) > available:
        return None
    return _share(least, most, available)


def _least_possible(column: Column) -> int:
    """A floor under a column's least width known before measuring: its header's longest word, or
    PROSE_WIDTH for a column of sentences."""
    return PROSE_WIDTH if column.header in PROSE_COLUMNS else max(len(word) for word in str(column.header).split())


def _share(least: list[int], most: list[int], available: int) -> list[int]:
    """Widths between each column's least and most, raised evenly (narrow columns fill first)."""
    level = 0
    while level < max(most):
        widths = [min(max(level + 1, low), high) for low, high in zip(least, most, strict=True)]
        if sum(widths) > available:
            break
        level += 1
    return [min(max(level, low), high) for low, high in zip(least, most, strict=True)]


def _cells_of(column: Column) -> RenderableType:
    from rich.console import Group

    return Group(column.header, *column.cells)


_UNLIMITED = 10_000


def _option_table(*headers: str) -> Table:
    from rich.table import Table

    table = Table(show_lines=True, header_style="bold", expand=True)
    for header in headers:
        table.add_column(header)
    return table


def _systemic_table(result: Result, details: bool) -> Table:
    table = _option_table("Tier", "Regimen", "Reason", "Cautions", "Evidence")
    for option in result.systemic:
        regimen = _text(option.regimen, "bold")
        regimen.append("\n" + printable(", ".join(option.drugs)), style="dim")
        table.add_row(_tier_text(option.tier), regimen, _text(_reason(option, details)),
                      _bullets(option.cautions), _evidence_text(option.evidence))
    return table


def _site_table(result: Result, details: bool) -> Table:
    table = _option_table("Site", "Tier", "Intervention", "Reason", "Cautions", "Evidence")
    previous = None
    for option in result.site_specific:
        site = _text(site_words(option.site) if option.site != previous else "", "bold")
        previous = option.site
        intervention = _text(option.intervention)
        intervention.append(f"\n{modality_words(option.modality)}", style="dim")  # a column of its own, always
        table.add_row(site, _tier_text(option.tier), intervention, _text(_site_reason(option, details)),
                      _bullets(option.cautions), _evidence_text(option.evidence))
    return table


def _stacked_entry(tier: Tier, title: Text, body: Sequence[RenderableType], width: int) -> Table:
    """One option: its tier, then the title, and everything else wrapped under the title."""
    from rich.console import Group

    grid = _two_columns(TIER_WIDTH, width)
    grid.add_row(_tier_text(tier), Group(title, *body))
    return grid


def _body_width(width: int) -> int:
    """The width of an entry's text, beside its tier."""
    return max(1, width - TIER_WIDTH - 1)


def _entry_body(reason: str, cautions: tuple[str, ...], evidence: tuple[str, ...],
                width: int) -> list[RenderableType]:
    body: list[RenderableType] = [_text(reason)] if reason else []
    if cautions:
        body.append(_bullets(cautions, "yellow", width))
    if evidence:
        label = _text("Evidence: ", "dim")
        label.append_text(_evidence_text(evidence))
        body.append(label)
    return body


def _systemic_stack(result: Result, details: bool, width: int) -> RenderableType:
    from rich.console import Group

    if not result.systemic:
        return _text("No systemic option in the knowledge base suits this case.")
    entries = []
    for option in result.systemic:
        title = _text(option.regimen, "bold")
        if not all(drug.casefold() in option.regimen.casefold() for drug in option.drugs):  # a name to spell out
            title.append(": ")
            title.append(printable(", ".join(option.drugs)), style="dim")
        entries.append(_stacked_entry(option.tier, title, _entry_body(
            _reason(option, details), option.cautions, option.evidence, _body_width(width)), width))
    return Group(*entries)


def _site_stack(result: Result, details: bool, width: int) -> RenderableType:
    from rich.console import Group

    entries: list[RenderableType] = []
    previous_site, previous_facts = None, None
    for option in result.site_specific:
        if option.site != previous_site:  # the site as the case gives it, once, as the heading of its entries
            entries.append(_text(option.facts or site_words(option.site).capitalize(), "bold"))
            previous_site, previous_facts = option.site, option.facts
        elif option.facts and option.facts != previous_facts:
            entries.append(_text(option.facts, "bold"))
            previous_facts = option.facts
        title = _text(option.intervention, "bold")
        title.append(_modality_note(option), style="dim")
        entries.append(_stacked_entry(option.tier, title, _entry_body(
            _site_reason(option, details), option.cautions, option.evidence, _body_width(width)), width))
    return Group(*entries)


def _site_reason(option: SiteOption, details: bool) -> str:
    """An entry to avoid says why in its cautions; the studies behind it wait for --details. Every other
    entry shows its basis, which may carry a dose (zoledronic acid by creatinine clearance)."""
    if option.tier is Tier.AVOID and option.cautions and not details:
        return ""
    return _site_basis(option)


# ------------------------------------------------------------------ details and footer


def _findings(result: Result) -> list[RenderableType]:
    """`--details`: each cited study with its finding, under the label the options print."""
    from rich.padding import Padding

    from her2nav.knowledge.references import REFERENCES

    parts: list[RenderableType] = []
    for ref_id in result.reference_ids:
        reference = REFERENCES[ref_id]
        text = _text(f"{reference.citation}. ", "dim")
        text.append(printable(reference.finding))
        parts += [_text(ref_id, "bold"), Padding(text, (0, 0, 0, 2))]
    return [_heading("Evidence"), *parts] if parts else []


def _footer() -> Text:
    text = _text(f"\n{EVIDENCE_HINT} {sentence(knowledge_words())}.\n", "dim")
    text.append(INTENDED_USE)
    return text

"""The result as Rich tables for a clinician at a terminal.

Every cell built from data is a `Text`, so a `[` in a rationale or an id is shown as
typed and never read as markup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from her2nav.knowledge import EVIDENCE_AS_OF, INTENDED_USE, KNOWLEDGE_BASE_VERSION
from her2nav.knowledge.references import REFERENCES
from her2nav.render.plain import printable
from her2nav.result import ActionKind, Result, Tier

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

TIER_STYLE = {
    Tier.PREFERRED: "bold green",
    Tier.ALTERNATIVE: "cyan",
    Tier.CONSIDER: "yellow",
    Tier.AVOID: "bold red",
}


def short_citations(evidence: tuple[str, ...]) -> str:
    return "; ".join(REFERENCES[ref_id].short for ref_id in evidence)


def render_table(result: Result, console: Console) -> None:
    for renderable in table_parts(result):
        console.print(renderable)


def table_parts(result: Result) -> list[RenderableType]:
    from rich.text import Text

    title = Text("her2nav", style="bold")
    if result.case.id is not None:
        title.append("  case ")
        title.append(printable(result.case.id))
    parts: list[RenderableType] = [title, _line_text(result), _systemic_table(result)]
    if result.site_specific:
        parts.append(_site_table(result))
    if result.actions:
        parts.append(_actions_panel(result))
    if result.missing:
        parts.append(_bullets("Missing facts", tuple(map(str, result.missing)), "yellow"))
    parts.append(_footer())
    return parts


def _line_text(result: Result) -> RenderableType:
    from rich.text import Text

    text = Text()
    text.append(f"Line {result.line}", style="bold")
    text.append("  ")
    text.append(result.line_reason)
    return text


def _tier_text(tier: Tier) -> RenderableType:
    from rich.text import Text

    return Text(tier.value, style=TIER_STYLE[tier])


def _list_text(items: tuple[str, ...]) -> RenderableType:
    from rich.text import Text

    return Text("\n".join(f"• {item}" for item in items))


def _systemic_table(result: Result) -> RenderableType:
    from rich.table import Table
    from rich.text import Text

    table = Table(title="Systemic options", title_justify="left", show_lines=True, expand=True)
    table.add_column("Tier", no_wrap=True)
    table.add_column("Regimen", ratio=2, overflow="fold")
    table.add_column("Rationale", ratio=5, overflow="fold")
    table.add_column("Cautions", ratio=4, overflow="fold")
    table.add_column("Evidence", ratio=2, overflow="fold")
    for option in result.systemic:
        regimen = Text(option.regimen, style="bold")
        regimen.append("\n" + ", ".join(option.drugs), style="dim")
        table.add_row(_tier_text(option.tier), regimen, Text(option.rationale),
                      _list_text(option.cautions), Text(short_citations(option.evidence)))
    return table


def _site_table(result: Result) -> RenderableType:
    from rich.table import Table
    from rich.text import Text

    table = Table(title="Site-specific options", title_justify="left", show_lines=True, expand=True)
    table.add_column("Site", no_wrap=True)
    table.add_column("Tier", no_wrap=True)
    table.add_column("Intervention", ratio=2, overflow="fold")
    table.add_column("Rationale", ratio=5, overflow="fold")
    table.add_column("Cautions", ratio=3, overflow="fold")
    table.add_column("Evidence", ratio=2, overflow="fold")
    first_seen = {name: rank for rank, name in enumerate(dict.fromkeys(o.site for o in result.site_specific))}
    ordered = sorted(result.site_specific, key=lambda o: first_seen[o.site])  # stable: keeps the order within a site
    previous = None
    for option in ordered:
        site = Text(option.site if option.site != previous else "", style="bold")
        previous = option.site
        intervention = Text(option.intervention)
        intervention.append(f"\n{option.modality.value}", style="dim")
        table.add_row(site, _tier_text(option.tier), intervention, Text(option.rationale),
                      _list_text(option.cautions), Text(short_citations(option.evidence)))
    return table


def _actions_panel(result: Result) -> RenderableType:
    from rich.panel import Panel
    from rich.text import Text

    text = Text()
    for index, action in enumerate(result.actions):
        if index:
            text.append("\n")
        style = "bold red" if action.kind is ActionKind.URGENT else "bold"
        text.append(f"{action.kind.value}: ", style=style)
        text.append(action.text)
    return Panel(text, title="Actions", title_align="left")


def _bullets(title: str, items: tuple[str, ...], style: str) -> RenderableType:
    from rich.text import Text

    text = Text(f"{title}\n", style=f"bold {style}")
    text.append("\n".join(f"• {item}" for item in items))
    return text


def _footer() -> RenderableType:
    from rich.text import Text

    return Text(f"Knowledge base {KNOWLEDGE_BASE_VERSION}, evidence as of {EVIDENCE_AS_OF}. {INTENDED_USE}",
                style="dim")

"""The mapping report of a case read from FHIR: each fact, how it was arrived at, and its source.

Rows are plain text for the handout (markdown.py escapes them) and for the terminal, where
`render_provenance` shows them under the decision tree of --explain. Sources are named by
resource type and position only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from her2nav.result import Provenance, Result, SourceRef

if TYPE_CHECKING:
    from rich.console import Console

PROVENANCE_TITLE = "Where the facts came from (FHIR)"
PROVENANCE_HEADER = ("Fact", "Value", "How", "Source and note")


def source_text(source: SourceRef) -> str:
    parts = [f"{source.resource} {source.place}", source.element, source.code, source.date]
    return ", ".join(part for part in parts if part)


def provenance_rows(result: Result) -> list[tuple[str, str, str, str]]:
    return [_row(entry) for entry in result.provenance]


def _row(entry: Provenance) -> tuple[str, str, str, str]:
    sources = "; ".join(source_text(s) for s in entry.sources)
    detail = "\n".join(part for part in (sources, entry.note) if part)
    return (entry.field or "(resource)", entry.value, entry.how.value.replace("_", " "), detail)


def render_provenance(result: Result, console: Console) -> None:
    """Each fact on its own line, its sources and note indented beneath: words wrap whole at any width."""
    from rich.padding import Padding
    from rich.text import Text

    from her2nav.render.console import print_trimmed

    console.print(Text(PROVENANCE_TITLE, style="bold"))
    for fact, value, how, detail in provenance_rows(result):
        head = Text("• ")
        head.append(fact, style="bold")
        if value:
            head.append(f": {value}")
        head.append(f" ({how})", style="dim")
        print_trimmed(console, head)
        if detail:
            print_trimmed(console, Padding(Text(detail), (0, 0, 0, 4)))

"""The knowledge base's studies, for `her2nav references`: JSON text or a Rich table."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

from her2nav.contract import references_document
from her2nav.knowledge import INTENDED_USE
from her2nav.knowledge.reference_model import Reference, SourceKind
from her2nav.render.words import knowledge_words, sentence

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

NOT_VERIFIED = "DOI/PMID not verified"
LABEL_HAS_NO_IDENTIFIERS = "No DOI or PMID: a drug label"
SOURCE_HAS_NO_IDENTIFIERS = "No DOI or PMID: a patient-education article"


def identifiers_text(reference: Reference) -> str:
    """'DOI 10.x/y; PMID 123', or why there is neither."""
    parts = []
    if reference.doi:
        parts.append(f"DOI {reference.doi}")
    if reference.pmid:
        parts.append(f"PMID {reference.pmid}")
    if parts:
        return "; ".join(parts)
    if reference.kind is SourceKind.SOURCE:
        return SOURCE_HAS_NO_IDENTIFIERS
    return LABEL_HAS_NO_IDENTIFIERS if reference.kind is SourceKind.LABEL else NOT_VERIFIED


def citation_text(reference: Reference) -> str:
    return reference.citation or "citation not verified"


def render_references_json(references: Sequence[Reference]) -> str:
    return json.dumps(references_document(references), ensure_ascii=False, indent=2)


def render_references_table(references: Sequence[Reference], console: Console) -> None:
    from her2nav.render.console import print_trimmed

    print_trimmed(console, _references_table(references))
    print_trimmed(console, _footer(len(references)))


def _references_table(references: Sequence[Reference]) -> RenderableType:
    from rich.table import Table
    from rich.text import Text

    table = Table(title="References the knowledge base can cite", title_justify="left", show_lines=True,
                  expand=True)
    # A DOI folded across lines is easy to copy wrong: this column is kept wide enough for one.
    table.add_column("Id, trial, citation, DOI/PMID", min_width=26, max_width=40, overflow="fold")
    table.add_column("Finding", ratio=1, overflow="fold")
    for reference in references:
        source = Text(reference.id, style="bold")
        source.append(f"\n{reference.trial}\n{citation_text(reference)}")
        source.append(f"\n{identifiers_text(reference)}", style="dim")
        table.add_row(source, Text(reference.finding))
    return table


def _footer(count: int) -> RenderableType:
    from rich.text import Text

    listed = "1 reference" if count == 1 else f"{count} references"
    return Text(f"{listed}. {sentence(knowledge_words())}. {INTENDED_USE}", style="dim")

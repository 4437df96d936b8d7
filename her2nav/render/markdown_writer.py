"""A batch as one Markdown handout: the summary table, the concordance audit, then a section per case."""

from __future__ import annotations

import tempfile
from collections import Counter
from typing import Any, TextIO

from attrs import define, field

from her2nav.render.concordance import ConcordanceRow, concordance_row, concordance_section
from her2nav.render.markdown import SummaryRow, batch_head, batch_section, summary_row
from her2nav.result import BatchOutcome

_CHUNK = 64 * 1024


@define
class MarkdownWriter:
    """One handout for the whole batch: the summary table first, then a section per case.

    The summary needs every case, so the sections wait in a temporary file (on disk once
    large) and only the short summary rows stay in memory.
    """

    stream: TextIO
    explain: bool = False
    prepared: str | None = None  # the date the handout was made, ISO
    rows: list[SummaryRow] = field(factory=list)
    audited: list[ConcordanceRow] = field(factory=list)  # the cases that give `chosen`
    concordance: Counter[str] = field(factory=Counter)
    sections: Any = field(factory=lambda: tempfile.SpooledTemporaryFile(  # noqa: SIM115 (closed in close())
        max_size=4 * 1024 * 1024, mode="w+", encoding="utf-8"))

    def write(self, outcome: BatchOutcome, input_line: int) -> None:
        self.rows.append(summary_row(outcome, input_line))
        if (audited := concordance_row(outcome, input_line)) is not None:
            self.audited.append(audited)
            self.concordance[audited.category] += 1
        self.sections.write(batch_section(outcome, input_line, self.explain))

    def close(self) -> None:
        self.stream.write(batch_head(self.rows, self.prepared))
        self.stream.write(concordance_section(self.audited, self.concordance))
        self.sections.seek(0)
        while chunk := self.sections.read(_CHUNK):
            self.stream.write(chunk)
        self.sections.close()
        self.stream.flush()

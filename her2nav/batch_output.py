"""Which writer each output format of `her2nav batch` gets, and the options only one format takes."""

from __future__ import annotations

from typing import TextIO

from her2nav.batch import JsonLinesWriter, MarkdownWriter, OutcomeWriter
from her2nav.errors import InvalidCase
from her2nav.render.json_out import ReferenceMode
from her2nav.result import CaseFailure, Result


def batch_writer(stream: TextIO, output_format: str, explain: bool = False,
                 references: ReferenceMode = ReferenceMode.FULL, excel: bool = False,
                 prepared: str | None = None) -> OutcomeWriter:
    """The writer for `output_format`; an option given to a format that ignores it is refused, not dropped."""
    if excel and output_format != "csv":
        raise InvalidCase("--excel", "only with --format csv")
    if references is not ReferenceMode.FULL and output_format != "json":
        raise InvalidCase("--references", "only with --format json (CSV and Markdown name the studies "
                          "their own way)")
    if output_format == "csv":
        from her2nav.render.csv_out import CsvWriter

        return CsvWriter(stream, excel=excel)
    if output_format == "html":
        from her2nav.render.html import HtmlWriter

        return HtmlWriter(stream, explain, prepared)
    if output_format == "markdown":
        return MarkdownWriter(stream, explain, prepared)
    return JsonLinesWriter(stream, references)


class CountingWriter:
    """Passes outcomes on and counts them, so that an interrupted batch can say how far it got."""

    def __init__(self, writer: OutcomeWriter) -> None:
        self.writer = writer
        self.written = 0

    def write(self, outcome: Result | CaseFailure, input_line: int) -> None:
        self.writer.write(outcome, input_line)
        self.written += 1

    def close(self) -> None:
        self.writer.close()

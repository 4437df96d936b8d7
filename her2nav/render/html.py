"""The handout as one self-contained, print-friendly HTML page, rendered from its Markdown.

The Markdown is the one `--format markdown` prints, where every piece of data is already
escaped (render/markdown.py:escape), so a case can only ever add text: its `<`, `&` and `[`
reach the page as `&lt;`, `&amp;` and `[`. Raw HTML is enabled only for the handout's own
`<br>` in table cells. A batch gives one page per case, each starting on a new sheet.
"""

from __future__ import annotations

import html
import tempfile
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING, Any, TextIO

from attrs import define, field

from her2nav.render.markdown import SummaryRow, batch_head, batch_section, render_markdown, summary_row
from her2nav.result import CaseFailure, Result

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

_CHUNK = 64 * 1024

STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; font-size: 11pt;
       line-height: 1.4; color: #111; max-width: 62em; margin: 1.5em auto; padding: 0 1em; }
h1 { font-size: 1.5em; } h2 { font-size: 1.25em; border-bottom: 1px solid #bbb; } h3 { font-size: 1.1em; }
table { border-collapse: collapse; width: 100%; font-size: 0.9em; margin: 0.5em 0 1em; }
th, td { border: 1px solid #999; padding: 0.25em 0.4em; vertical-align: top; text-align: left; }
thead { display: table-header-group; background: #eee; }
tr { break-inside: avoid; page-break-inside: avoid; }
blockquote { margin: 0.5em 0; padding: 0.2em 0.8em; border-left: 4px solid #888; background: #f5f5f5; }
code { font-size: 0.95em; }
a { color: #0645ad; }
section + section.case { break-before: page; page-break-before: always; }
@page { margin: 1.5cm; }
@media print { body { max-width: none; margin: 0; padding: 0; font-size: 10pt; } a { color: inherit; } }
"""


@cache
def _markdown() -> MarkdownIt:
    from markdown_it import MarkdownIt

    # CommonMark with tables; raw HTML only because every piece of data was escaped in the Markdown.
    return MarkdownIt("commonmark", {"html": True}).enable("table")


def markdown_to_html(text: str) -> str:
    rendered: str = _markdown().render(text)
    return rendered


def page(title: str, sections: Sequence[str]) -> str:
    """A whole document around sections already rendered to HTML."""
    return "".join([page_head(title), *sections, page_tail()])


def page_head(title: str) -> str:
    return (f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{html.escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n")


def page_tail() -> str:
    return "</body>\n</html>\n"


def section(markdown_text: str, css_class: str = "case") -> str:
    return f'<section class="{css_class}">\n{markdown_to_html(markdown_text)}</section>\n'


def render_html(result: Result, explain: bool = False, prepared: str | None = None) -> str:
    """The handout of one case as a page."""
    title = "Tumor-board handout" + (f": {result.case.id}" if result.case.id is not None else "")
    return page(title, [section(render_markdown(result, explain=explain, prepared=prepared))])


@define
class HtmlWriter:
    """A batch as one page: the summary first, then a section per case, each on a new sheet.

    As in the Markdown handout, the summary needs every case, so the rendered sections wait in
    a temporary file (on disk once large) and only the summary rows stay in memory.
    """

    stream: TextIO
    explain: bool = False
    prepared: str | None = None
    rows: list[SummaryRow] = field(factory=list)
    sections: Any = field(factory=lambda: tempfile.SpooledTemporaryFile(  # noqa: SIM115 (closed in close())
        max_size=4 * 1024 * 1024, mode="w+", encoding="utf-8"))

    def write(self, outcome: Result | CaseFailure, input_line: int) -> None:
        self.rows.append(summary_row(outcome, input_line))
        self.sections.write(section(batch_section(outcome, input_line, self.explain)))

    def close(self) -> None:
        self.stream.write(page_head("Tumor-board handouts"))
        self.stream.write(section(batch_head(self.rows, self.prepared), "summary"))
        self.sections.seek(0)
        while chunk := self.sections.read(_CHUNK):
            self.stream.write(chunk)
        self.sections.close()
        self.stream.write(page_tail())
        self.stream.flush()

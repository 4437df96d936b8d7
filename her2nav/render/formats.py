"""The output formats, one table: each name says how one result is shown and how a batch is written.

The command line builds its --format choices from `FORMATS`. Each entry imports its renderer
only when used, so JSON output never loads Rich or the Markdown parser, and naming the
formats (the command line's help) loads nothing but this table.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol, TextIO

from attrs import frozen

from her2nav.errors import InvalidCase
from her2nav.values import Value

if TYPE_CHECKING:
    from rich.console import Console

    from her2nav.result import CaseFailure, Result


class OutcomeWriter(Protocol):
    """Where the outcomes of a batch go, in input order."""

    def write(self, outcome: Result | CaseFailure, input_line: int) -> None: ...

    def close(self) -> None: ...


@frozen(repr=False)
class Choices(Value):
    """What the command line asked of the output; a format uses the choices that concern it."""

    explain: bool = False
    details: bool = False
    width: int | None = None
    prepared: str | None = None  # the date a handout was made, ISO
    reference_ids_only: bool = False  # JSON Lines: references as ids, not resolved
    excel: bool = False


ShowOne = Callable[["Result", TextIO, Choices], None]
WriteBatch = Callable[[TextIO, Choices], OutcomeWriter]


@frozen(repr=False)
class Format(Value):
    """One output format: its name, and what it can do (one result, a batch, or both)."""

    name: str
    show_one: ShowOne | None = None
    write_batch: WriteBatch | None = None
    handout: bool = False  # a handout says the date it was prepared
    resumable: bool = False  # a batch in it can be continued (--resume)


def _json_one(result: Result, stream: TextIO, choices: Choices) -> None:
    from her2nav.render.json_out import render_json

    stream.write(render_json(result) + "\n")


def _markdown_one(result: Result, stream: TextIO, choices: Choices) -> None:
    from her2nav.render.markdown import render_markdown

    stream.write(render_markdown(result, explain=choices.explain, prepared=choices.prepared))


def _html_one(result: Result, stream: TextIO, choices: Choices) -> None:
    from her2nav.render.html import render_html

    stream.write(render_html(result, explain=choices.explain, prepared=choices.prepared))


def _table_one(result: Result, stream: TextIO, choices: Choices) -> None:
    from her2nav.render.console import make_console
    from her2nav.render.table import render_table

    console = make_console(stream, choices.width)
    render_table(result, console, details=choices.details or choices.explain)
    if choices.explain:
        _explanation(result, console)


def _explanation(result: Result, console: Console) -> None:
    from her2nav.render.timeline import render_timeline
    from her2nav.render.trace import render_trace

    render_timeline(result, console)
    render_trace(result, console)
    if result.provenance:
        from her2nav.render.provenance import render_provenance

        render_provenance(result, console)


def _json_lines(stream: TextIO, choices: Choices) -> OutcomeWriter:
    from her2nav.contract import ReferenceMode
    from her2nav.render.json_lines import JsonLinesWriter

    return JsonLinesWriter(stream, ReferenceMode.IDS if choices.reference_ids_only else ReferenceMode.FULL)


def _markdown_batch(stream: TextIO, choices: Choices) -> OutcomeWriter:
    from her2nav.render.markdown_writer import MarkdownWriter

    return MarkdownWriter(stream, choices.explain, choices.prepared)


def _html_batch(stream: TextIO, choices: Choices) -> OutcomeWriter:
    from her2nav.render.html import HtmlWriter

    return HtmlWriter(stream, choices.explain, choices.prepared)


def _csv_batch(stream: TextIO, choices: Choices) -> OutcomeWriter:
    from her2nav.render.csv_out import CsvWriter

    return CsvWriter(stream, excel=choices.excel)


FORMATS: dict[str, Format] = {entry.name: entry for entry in (
    Format("table", show_one=_table_one),
    Format("json", show_one=_json_one, write_batch=_json_lines, resumable=True),
    Format("markdown", show_one=_markdown_one, write_batch=_markdown_batch, handout=True),
    Format("html", show_one=_html_one, write_batch=_html_batch, handout=True),
    Format("csv", write_batch=_csv_batch),
)}

ONE_RESULT_FORMATS = tuple(name for name, entry in FORMATS.items() if entry.show_one is not None)
BATCH_FORMATS = tuple(name for name, entry in FORMATS.items() if entry.write_batch is not None)


def show_one(result: Result, stream: TextIO, name: str, choices: Choices) -> None:
    """Show one result in the format called `name`."""
    shown = FORMATS[name].show_one
    assert shown is not None, f"{name} shows batches only"  # the command line offers only ONE_RESULT_FORMATS
    shown(result, stream, choices)


def batch_writer(stream: TextIO, name: str, choices: Choices) -> OutcomeWriter:
    """The writer for the format called `name`; a choice given to a format that ignores it is refused, not dropped."""
    if choices.excel and name != "csv":
        raise InvalidCase("--excel", "only with --format csv")
    if choices.reference_ids_only and name != "json":
        raise InvalidCase("--references", "only with --format json (CSV and Markdown name the studies "
                          "their own way)")
    write_batch = FORMATS[name].write_batch
    assert write_batch is not None, f"{name} shows one result only"  # the command line offers only BATCH_FORMATS
    return write_batch(stream, choices)

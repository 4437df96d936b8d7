"""The command line: parse flags, pick the renderer, map errors to exit codes.

`main(argv, streams) -> int` is the whole program; nothing here decides anything clinical.
The standard streams are passed in (`Streams`), so tests and other programs can run it
without touching the real ones.
"""

import contextlib
import enum
import errno
import io
import math
import os
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, Annotated, BinaryIO, Optional, TextIO

import typer
from attrs import frozen

from her2nav import __version__
from her2nav.errors import ExitStatus, Her2navError, InvalidCase, OutputFailed
from her2nav.inputs import PRIMARY_SYNTAX, SITE_SYNTAX, TREATMENT_SYNTAX, CaseFlags
from her2nav.knowledge import EVIDENCE_AS_OF, KNOWLEDGE_BASE_VERSION
from her2nav.render.plain import printable

if TYPE_CHECKING:
    from her2nav.batch import BatchSummary
    from her2nav.knowledge.reference_model import Reference
    from her2nav.result import Result

app = typer.Typer(
    help="Treatment navigator for metastatic HER2-positive breast cancer. "
    "Decision support for specialists; verify against current guidelines and the patient.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    pretty_exceptions_show_locals=False,
    rich_markup_mode=None,
    add_completion=True,
)


@frozen
class Streams:
    """Where the program reads cases and writes data (stdout) and messages (stderr)."""

    stdin: BinaryIO
    stdout: TextIO
    stderr: TextIO

    @classmethod
    def system(cls) -> "Streams":
        # A standard stream closed before start (`>&-`) is None in Python: writing to it then fails
        # like any failed write, rather than as an AttributeError reported as a bug.
        stdout = _able_to_write_any_text(sys.stdout) if sys.stdout is not None else _ClosedStream()
        return cls(sys.stdin.buffer, stdout, sys.stderr if sys.stderr is not None else _ClosedStream())


class _ClosedStream(io.StringIO):
    """A standard stream that was closed when the program started."""

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "the stream is closed")


def _able_to_write_any_text(stream: TextIO) -> TextIO:
    """Standard output that can take every character of a result (±, é, •, ≥).

    Data in a file or a pipe is written as UTF-8, as JSON requires, whatever the locale says
    (a Windows redirect would otherwise be cp1252); a terminal that cannot show a character
    gets a visible escape rather than a crash or a silent substitute.
    """
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "").replace("_", "")
    if encoding == "utf8" or not isinstance(stream, io.TextIOWrapper):
        return stream
    if stream.isatty():
        stream.reconfigure(errors="backslashreplace")
    else:
        stream.reconfigure(encoding="utf-8")
    return stream


@frozen
class Invocation:
    """What every command is given through Typer's context object."""

    streams: Streams
    debug: bool = False


class OutputFormat(enum.StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"


class BatchFormat(enum.StrEnum):
    json = "json"
    markdown = "markdown"


class ReferenceFormat(enum.StrEnum):
    table = "table"
    json = "json"


class _OutputClosed(Exception):
    """The reader of standard output went away (e.g. `| head`): a normal end, not an error."""


def _finite(value: float) -> float:
    """Click's float range lets NaN through (every comparison with it is false): refused here."""
    if not math.isfinite(value):
        raise typer.BadParameter(f"{value} is not a finite number; allowed: 0 to 60")
    return value


EarlyRelapseMonths = Annotated[float, typer.Option(
    "--early-relapse-months", min=0, max=60, callback=_finite,
    help="Relapse within this many months of (neo)adjuvant HER2 therapy counts as a failed line "
    "(ASCO 2022: 12; the T-DXd label and NCCN: 6).")]
Width = Annotated[Optional[int], typer.Option("--width", min=40, max=1000, help="Table width in columns.")]


def version_text() -> str:
    return (f"her2nav {__version__}; knowledge base {KNOWLEDGE_BASE_VERSION}, "
            f"evidence as of {EVIDENCE_AS_OF}")


def _invocation(ctx: typer.Context) -> Invocation:
    obj = ctx.find_root().obj
    return obj if isinstance(obj, Invocation) else Invocation(Streams.system())


def _show_version(ctx: typer.Context, value: bool) -> None:
    if value:
        stdout = _invocation(ctx).streams.stdout
        with _writing():
            stdout.write(version_text() + "\n")
            stdout.flush()
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_show_version, is_eager=True,
                                          help="Show the program and knowledge-base versions.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show the traceback of an internal error.")] = False,
) -> None:
    """Treatment navigator for metastatic HER2-positive breast cancer."""


@contextlib.contextmanager
def _writing() -> Iterator[None]:
    """Turn a closed pipe into _OutputClosed (a normal end) and any other failed write into OutputFailed."""
    try:
        yield
    except BrokenPipeError:
        raise _OutputClosed from None
    except OSError as error:
        raise OutputFailed(error) from None
    except ValueError as error:
        if not _is_closed_file(error):
            raise
        raise OutputFailed(error) from None


def _is_closed_file(error: ValueError) -> bool:
    """The ValueError Python raises on writing to a closed file object (not a bug of ours)."""
    return "closed file" in str(error)


@app.command()
def recommend(
    ctx: typer.Context,
    case_file: Annotated[Optional[str], typer.Argument(
        metavar="[CASE]", help="Case JSON file, or - for standard input. Flags override its values.")] = None,
    case_option: Annotated[Optional[str], typer.Option("--case", help="Same as CASE.")] = None,
    output_format: Annotated[OutputFormat, typer.Option(
        "--format", "-f", help="table (for a terminal), json (the result object), or markdown (a "
        "tumor-board handout).")] = OutputFormat.table,
    width: Width = None,
    explain: Annotated[bool, typer.Option(
        "--explain", help="Show how the navigator decided: each decision and the facts it used "
        "(a tree under the table; a section of the handout; JSON always carries it as 'trace').")] = False,
    early_relapse_months: EarlyRelapseMonths = 12,
    case_id: Annotated[Optional[str], typer.Option("--id", help="Free label, echoed back.")] = None,
    her2: Annotated[Optional[str], typer.Option(help="positive, low, ultralow, negative, equivocal.")] = None,
    her2_ihc: Annotated[Optional[str], typer.Option("--her2-ihc", help="0, 1+, 2+, 3+.")] = None,
    her2_ish: Annotated[Optional[str], typer.Option("--her2-ish", help="amplified, not_amplified.")] = None,
    er: Annotated[Optional[str], typer.Option(help="positive, low, negative, unknown.")] = None,
    pr: Annotated[Optional[str], typer.Option(help="positive, negative, unknown.")] = None,
    presentation: Annotated[Optional[str], typer.Option(help="de_novo, recurrence.")] = None,
    metastasis_biopsied: Annotated[Optional[bool], typer.Option(
        "--metastasis-biopsied/--metastasis-not-biopsied", help="A metastasis was biopsied and re-tested.")] = None,
    menopausal_status: Annotated[Optional[str], typer.Option(help="pre, post, unknown.")] = None,
    sex: Annotated[Optional[str], typer.Option(help="female, male.")] = None,
    ecog: Annotated[Optional[int], typer.Option(help="ECOG performance status 0-4.")] = None,
    lvef: Annotated[Optional[float], typer.Option(help="LVEF, percent.")] = None,
    creatinine_clearance: Annotated[Optional[float], typer.Option(help="Creatinine clearance, mL/min.")] = None,
    visceral_crisis: Annotated[Optional[bool], typer.Option(
        "--visceral-crisis/--no-visceral-crisis", help="Severe organ dysfunction needing rapid response.")] = None,
    condition: Annotated[Optional[list[str]], typer.Option(
        help="Repeatable: heart_failure, interstitial_lung_disease, peripheral_neuropathy, pregnancy, "
        "dpd_deficiency, hepatic_impairment, dental_disease, hypocalcemia.")] = None,
    treatment: Annotated[Optional[list[str]], typer.Option(
        help=f"Repeatable, oldest first: {TREATMENT_SYNTAX}. "
        "Example: --treatment THP:metastatic:progression --treatment trastuzumab:adjuvant:recurred=8")] = None,
    site: Annotated[Optional[list[str]], typer.Option(
        help=f"Repeatable: {SITE_SYNTAX}. Example: --site brain:3:untreated --site bone:pain")] = None,
    primary: Annotated[Optional[str], typer.Option(help=f"The primary tumor: {PRIMARY_SYNTAX}.")] = None,
) -> None:
    """Navigate one case: its line of therapy, options, cautions and evidence."""
    from her2nav.case import Case
    from her2nav.inputs import merge_flags, read_case_source
    from her2nav.navigate import Settings, navigate

    streams = _invocation(ctx).streams
    if case_file is not None and case_option is not None:
        raise InvalidCase("--case", "give the case file once, as CASE or as --case")
    source = case_file if case_file is not None else case_option
    flags = CaseFlags(
        scalars={"id": case_id, "her2": her2, "her2_ihc": her2_ihc, "her2_ish": her2_ish, "er": er,
                 "pr": pr, "presentation": presentation, "metastasis_biopsied": metastasis_biopsied,
                 "menopausal_status": menopausal_status, "sex": sex, "ecog": ecog, "lvef": lvef,
                 "creatinine_clearance": creatinine_clearance, "visceral_crisis": visceral_crisis},
        treatments=treatment or (), sites=site or (), conditions=condition or (), primary=primary,
    )
    base = read_case_source(source, streams.stdin) if source is not None else {}
    case = Case.from_mapping(merge_flags(base, flags))
    result = navigate(case, Settings(early_relapse_months=early_relapse_months))
    with _writing():
        _write_result(result, streams.stdout, output_format, width, explain)


def _write_result(result: "Result", stdout: TextIO, output_format: OutputFormat, width: Optional[int],
                  explain: bool) -> None:
    if output_format is OutputFormat.json:
        from her2nav.render.json_out import render_json

        stdout.write(render_json(result) + "\n")
    elif output_format is OutputFormat.markdown:
        from her2nav.render.markdown import render_markdown

        stdout.write(render_markdown(result, explain=explain))
    else:
        from her2nav.render.console import make_console
        from her2nav.render.table import render_table
        from her2nav.render.trace import render_trace

        console = make_console(stdout, width)
        render_table(result, console)
        if explain:
            render_trace(result, console)
    stdout.flush()


@app.command()
def batch(
    ctx: typer.Context,
    cases: Annotated[str, typer.Argument(
        metavar="CASES", help="A JSON Lines file (one case per line), or - for standard input.")],
    output_format: Annotated[BatchFormat, typer.Option(
        "--format", "-f", help="json (one result or error object per input line, in order) or markdown "
        "(one handout: a summary table, then a section per case).")] = BatchFormat.json,
    explain: Annotated[bool, typer.Option(
        "--explain", help="Markdown: add how the navigator decided to each case (JSON always has 'trace').")] = False,
    early_relapse_months: EarlyRelapseMonths = 12,
) -> None:
    """Navigate many cases, one per line; every line gives one output, in order.

    A case that fails gives an error line, {"id": ..., "error": {"code": 2 or 3, "message": ...}},
    and the batch goes on; the exit code is the highest among the cases. A blank line is
    reported as an invalid case. A progress bar is shown on standard error when it is a
    terminal and standard output is not.
    """
    from her2nav.batch import JsonLinesWriter, MarkdownWriter, OutcomeWriter, read_lines, run_batch
    from her2nav.inputs import open_cases
    from her2nav.navigate import Settings
    from her2nav.render.progress import ProgressBar

    invocation = _invocation(ctx)
    streams = invocation.streams
    with open_cases(cases, streams.stdin) as (stream, size):
        writer: OutcomeWriter = (JsonLinesWriter(streams.stdout) if output_format is BatchFormat.json
                                 else MarkdownWriter(streams.stdout, explain))
        progress = ProgressBar(streams.stderr, size) if _wants_progress(streams) else None
        try:
            with _writing():
                summary = run_batch(read_lines(stream), Settings(early_relapse_months=early_relapse_months),
                                    writer, progress.update if progress else None,
                                    lambda line, error: _report_bug(invocation, line, error))
        finally:
            if progress is not None:
                progress.finish()
    _report_summary(summary, streams.stderr)
    raise typer.Exit(int(summary.exit_status))


def _report_summary(summary: "BatchSummary", stderr: TextIO) -> None:
    """Say on stderr what the data lines alone would leave a person watching to find."""
    if summary.cases == 0:
        stderr.write("her2nav: batch: the input holds no cases\n")
    elif summary.failures:
        shown = ", ".join(str(n) for n in summary.failed_lines)
        more = ", ..." if summary.failures > len(summary.failed_lines) else ""
        stderr.write(f"her2nav: batch: {summary.failures} of {summary.cases} cases gave no result "
                     f"(input lines {shown}{more}); their error lines say why\n")


def _wants_progress(streams: Streams) -> bool:
    """A bar only for a person watching: stderr a terminal, and stdout not drawing on the same one."""
    return _is_terminal(streams.stderr) and not _is_terminal(streams.stdout)


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _report_bug(invocation: Invocation, input_line: int, error: Exception) -> None:
    stderr = invocation.streams.stderr
    if invocation.debug:
        import traceback

        stderr.write(f"her2nav: input line {input_line}: internal error:\n")
        traceback.print_exception(error, file=stderr)
    else:
        stderr.write(f"her2nav: input line {input_line}: internal error (a bug); run again with --debug "
                     "for details\n")


@app.command()
def references(
    ctx: typer.Context,
    reference_ids: Annotated[Optional[list[str]], typer.Option(
        "--id", help="Show only this reference; repeatable.")] = None,
    output_format: Annotated[ReferenceFormat, typer.Option("--format", "-f", help="Output format.")]
    = ReferenceFormat.table,
    width: Width = None,
) -> None:
    """List every study, guideline and label the knowledge base can cite, with its finding."""
    from her2nav.render.references import render_references_json

    streams = _invocation(ctx).streams
    chosen = _select_references(reference_ids or [])
    with _writing():
        if output_format is ReferenceFormat.json:
            streams.stdout.write(render_references_json(chosen) + "\n")
        else:
            from her2nav.render.console import make_console
            from her2nav.render.references import render_references_table

            render_references_table(chosen, make_console(streams.stdout, width))
        streams.stdout.flush()


def _select_references(wanted: list[str]) -> "tuple[Reference, ...]":
    from her2nav.knowledge.references import REFERENCES

    if not wanted:
        return tuple(REFERENCES.values())
    by_folded = {ref_id.casefold(): reference for ref_id, reference in REFERENCES.items()}
    chosen = []
    for ref_id in wanted:
        reference = by_folded.get(ref_id.strip().casefold())
        if reference is None:
            raise InvalidCase("--id", f"{ref_id!r} is not a reference id",
                              f"one of the {len(REFERENCES)} ids that 'her2nav references' lists",
                              _suggest_reference_ids(ref_id, list(REFERENCES)))
        chosen.append(reference)
    return tuple(dict.fromkeys(chosen))


def _suggest_reference_ids(wanted: str, ids: list[str]) -> Optional[str]:
    import difflib

    folded = wanted.strip().casefold()
    starting = [ref_id for ref_id in ids if folded and ref_id.startswith(folded)]
    close = difflib.get_close_matches(folded, ids, n=3, cutoff=0.6)
    suggestions = list(dict.fromkeys([*starting, *close]))[:3]
    if not suggestions:
        return None
    return f"did you mean {' or '.join(repr(s) for s in suggestions)}?"


def main(argv: Optional[list[str]] = None, streams: Optional[Streams] = None) -> int:
    """Run the program; returns the exit status of the contract."""
    from typer.exceptions import Abort, Exit, TyperException

    streams = streams if streams is not None else Streams.system()
    args = sys.argv[1:] if argv is None else argv
    invocation = Invocation(streams, debug="--debug" in args)
    try:
        # Outside standalone mode Typer returns the code of typer.Exit instead of raising it.
        code = app(args=args, prog_name="her2nav", standalone_mode=False, obj=invocation)
    except OutputFailed as error:
        _discard_further_output(streams)
        _tell(streams, f"her2nav: {error.message}\n")
        return int(error.exit_status)
    except Her2navError as error:
        _tell(streams, f"her2nav: {printable(error.message, keep_line_breaks=False)}\n")
        return int(error.exit_status)
    except Exit as done:
        return int(done.exit_code)
    except Abort:
        _tell(streams, "her2nav: aborted\n")
        return int(ExitStatus.INTERNAL_ERROR)
    except TyperException as error:  # a usage error: bad flag, bad flag value, missing argument
        ctx = getattr(error, "ctx", None)
        _tell(streams, f"her2nav: {printable(error.format_message(), keep_line_breaks=False)}\n"
              + (f"Try '{ctx.command_path} --help'.\n" if ctx is not None else ""))
        return int(ExitStatus.INVALID_INPUT)
    except (_OutputClosed, BrokenPipeError):
        _discard_further_output(streams)
        return int(ExitStatus.OK)
    except OSError as error:  # reading is mapped to InvalidCase: this is a write outside _writing (--help)
        _discard_further_output(streams)
        _tell(streams, f"her2nav: {OutputFailed(error).message}\n")
        return int(ExitStatus.INTERNAL_ERROR)
    except Exception:
        if invocation.debug:
            import traceback

            with contextlib.suppress(OSError, ValueError):
                traceback.print_exc(file=streams.stderr)
        else:
            _tell(streams, "her2nav: internal error (a bug); run again with --debug for details\n")
        return int(ExitStatus.INTERNAL_ERROR)
    return code if isinstance(code, int) else int(ExitStatus.OK)


def _tell(streams: Streams, message: str) -> None:
    """A message on standard error; if that fails too, the exit code alone must tell (never 0)."""
    with contextlib.suppress(OSError, ValueError):
        streams.stderr.write(message)
        streams.stderr.flush()


def _discard_further_output(streams: Streams) -> None:
    """After the reader closed the pipe, send what Python still flushes at exit nowhere."""
    if streams.stdout is sys.stdout:
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())

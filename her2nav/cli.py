"""The command line: parse flags, pick the renderer, map errors to exit codes.

`main(argv, streams) -> int` is the whole program; nothing here decides anything clinical.
The standard streams are passed in (`Streams`), so tests and other programs can run it
without touching the real ones.
"""

import contextlib
import os
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, Annotated, Optional, TextIO

import typer
from attrs import frozen

from her2nav.batch_report import INTERRUPTED, report_bug, report_interrupt, report_summary, wants_progress
from her2nav.case import Condition, Er, Her2, Ihc, Ish, Menopause, Pr, Presentation, Sex
from her2nav.cli_options import (
    BATCH_EXAMPLES,
    JSON_LINES,
    RECOMMEND_EXAMPLES,
    REFERENCES_EXAMPLES,
    ROOT_EXAMPLES,
    TABLE,
    AsOf,
    BatchFormat,
    BatchReferences,
    EarlyRelapseMonths,
    FhirOption,
    HandoutDate,
    IdFromPatient,
    OutputFormat,
    ReferenceFormat,
    SchemaName,
    Width,
    as_of_day,
    choices,
    prepared_date,
)
from her2nav.errors import ExitStatus, Her2navError, InvalidCase, OutputFailed
from her2nav.read.flags import PRIMARY_SYNTAX, SITE_SYNTAX, TREATMENT_SYNTAX, CaseFlags
from her2nav.render.plain import printable
from her2nav.streams import Streams
from her2nav.values import Value

if TYPE_CHECKING:

    from her2nav.navigate import Settings
    from her2nav.render.formats import OutcomeWriter
    from her2nav.result import Result


app = typer.Typer(
    epilog=ROOT_EXAMPLES,
    help="Treatment navigator for metastatic HER2-positive breast cancer. "
    "Decision support for specialists; verify against current guidelines and the patient.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    pretty_exceptions_show_locals=False,
    rich_markup_mode=None,
    add_completion=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@frozen(repr=False)
class Invocation(Value):
    """What every command is given through Typer's context object."""

    streams: Streams
    debug: bool = False


class _OutputClosed(Exception):
    """The reader of standard output went away (e.g. `| head`): a normal end, not an error."""


def version_text() -> str:
    from her2nav.render.words import knowledge_words, program_words

    return f"{program_words()}; {knowledge_words()}"


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
    version: Annotated[bool, typer.Option("--version", "-V", callback=_show_version, is_eager=True,
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


@app.command(epilog=RECOMMEND_EXAMPLES)
def recommend(
    ctx: typer.Context,
    case_file: Annotated[Optional[str], typer.Argument(
        metavar="[CASE]", help="Case JSON file, or - for standard input. Flags override its values.")] = None,
    case_option: Annotated[Optional[str], typer.Option("--case", help="Same as CASE.")] = None,
    output_format: Annotated[OutputFormat, typer.Option(
        "--format", "-f", help="table (for a terminal), json (the result object), markdown (a "
        "tumor-board handout) or html (the handout as a page to print).")] = TABLE,
    width: Width = None,
    handout_date: HandoutDate = None,
    explain: Annotated[bool, typer.Option(
        "--explain", help="Show how the navigator decided: the treatment timeline, then each decision and the "
        "facts it used (under the table; a section of the handout; JSON always carries it as 'trace').")] = False,
    details: Annotated[bool, typer.Option(
        "--details", help="Table: show each option's full rationale with the trials' findings, and each "
        "cited study (--explain does too).")] = False,
    early_relapse_months: EarlyRelapseMonths = 12,
    as_of: AsOf = None,
    case_id: Annotated[Optional[str], typer.Option("--id", help="Free label, echoed back.")] = None,
    her2: Annotated[Optional[str], typer.Option(metavar=choices(Her2), help="HER2 status.")] = None,
    her2_ihc: Annotated[Optional[str], typer.Option("--her2-ihc", metavar=choices(Ihc), help="HER2 IHC score.")] = None,
    her2_ish: Annotated[Optional[str], typer.Option(
        "--her2-ish", metavar=choices(Ish), help="HER2 in situ hybridisation.")] = None,
    er: Annotated[Optional[str], typer.Option(metavar=choices(Er), help="Estrogen receptor.")] = None,
    pr: Annotated[Optional[str], typer.Option(metavar=choices(Pr), help="Progesterone receptor.")] = None,
    presentation: Annotated[Optional[str], typer.Option(
        metavar=choices(Presentation), help="Metastatic at diagnosis (de_novo) or a recurrence.")] = None,
    metastasis_biopsied: Annotated[Optional[bool], typer.Option(
        "--metastasis-biopsied/--metastasis-not-biopsied", help="A metastasis was biopsied and re-tested.")] = None,
    menopausal_status: Annotated[Optional[str], typer.Option(
        metavar=choices(Menopause), help="Menopausal status.")] = None,
    sex: Annotated[Optional[str], typer.Option(metavar=choices(Sex), help="Sex.")] = None,
    ecog: Annotated[Optional[int], typer.Option(help="ECOG performance status 0-4.")] = None,
    age: Annotated[Optional[int], typer.Option(help="Age in years. Example: --age 54")] = None,
    birth_year: Annotated[Optional[int], typer.Option("--birth-year", help="Instead of --age. Example: 1971")] = None,
    metastatic_diagnosis: Annotated[Optional[str], typer.Option(
        "--metastatic-diagnosis", metavar="DATE", help="When metastatic disease was diagnosed, YYYY-MM or "
        "YYYY-MM-DD; with course end dates it gives months_to_recurrence. Example: 2023-01")] = None,
    lvef: Annotated[Optional[float], typer.Option(help="LVEF, percent.")] = None,
    creatinine_clearance: Annotated[Optional[float], typer.Option(help="Creatinine clearance, mL/min.")] = None,
    visceral_crisis: Annotated[Optional[bool], typer.Option(
        "--visceral-crisis/--no-visceral-crisis", help="Severe organ dysfunction needing rapid response.")] = None,
    condition: Annotated[Optional[list[str]], typer.Option(
        metavar="CONDITION", help=f"Repeatable: {', '.join(c.value for c in Condition)}.")] = None,
    treatment: Annotated[Optional[list[str]], typer.Option(
        help=f"Repeatable, oldest first: {TREATMENT_SYNTAX}. "
        "Example: --treatment trastuzumab+pertuzumab:adjuvant:completed:2021-03..2022-06 "
        "--treatment THP:metastatic:progression:2023-02..2024-05 --treatment T-DXd:metastatic:ongoing:2024-06.. "
        "(or, without dates, --treatment trastuzumab:adjuvant:recurred=8). Settings and outcomes ignore case; "
        "- and _ are alike.")] = None,
    site: Annotated[Optional[list[str]], typer.Option(
        help=f"Repeatable: {SITE_SYNTAX}. Example: --site brain:3:untreated --site bone:pain")] = None,
    primary: Annotated[Optional[str], typer.Option(help=f"The primary tumor: {PRIMARY_SYNTAX}.")] = None,
    fhir: FhirOption = None,
    id_from_patient: IdFromPatient = False,
    chosen: Annotated[Optional[str], typer.Option(
        help="The treatment actually chosen, drugs joined by '+' (e.g. T-DXd, or Phesgo+paclitaxel): "
        "the result says which option it matches and its tier (the concordance audit).")] = None,
) -> None:
    """Navigate one case: its line of therapy, options, cautions and evidence."""
    from her2nav.case import Case
    from her2nav.navigate import Settings, navigate
    from her2nav.read.flags import merge_flags
    from her2nav.read.sources import read_case_source

    streams = _invocation(ctx).streams
    if case_file is not None and case_option is not None:
        raise InvalidCase("--case", "give the case file once, as CASE or as --case")
    source = case_file if case_file is not None else case_option
    flags = CaseFlags(
        scalars={"id": case_id, "her2": her2, "her2_ihc": her2_ihc, "her2_ish": her2_ish, "er": er,
                 "pr": pr, "presentation": presentation, "metastasis_biopsied": metastasis_biopsied,
                 "menopausal_status": menopausal_status, "sex": sex, "ecog": ecog, "lvef": lvef,
                 "creatinine_clearance": creatinine_clearance, "visceral_crisis": visceral_crisis,
                 "chosen": [drug.strip() for drug in chosen.split("+")] if chosen is not None else None,
                 "age": age, "birth_year": birth_year, "metastatic_diagnosis": metastatic_diagnosis},
        treatments=treatment or (), sites=site or (), conditions=condition or (), primary=primary,
    )
    settings = Settings(early_relapse_months, as_of_day(as_of))
    if fhir is not None:
        result = _navigate_fhir(fhir, source, streams, flags, id_from_patient, settings)
    elif id_from_patient:
        raise InvalidCase("--id-from-patient", "only with --fhir")
    else:
        base = read_case_source(source, streams.stdin) if source is not None else {}
        result = navigate(Case.from_mapping(merge_flags(base, flags), settings.as_of), settings)
    with _writing():
        _write_result(result, streams.stdout, output_format, width, explain, details, handout_date)


def _navigate_fhir(path: str, case_source: Optional[str], streams: Streams, flags: CaseFlags,
                   id_from_patient: bool, settings: "Settings") -> "Result":
    from her2nav.navigate_fhir import navigate_fhir
    from her2nav.read.fhir.load import reading_from_fhir
    from her2nav.read.fhir.reader import FhirOptions

    if case_source is not None:
        raise InvalidCase("--fhir", "give a case file or --fhir, not both")
    reading = reading_from_fhir(path, streams.stdin, FhirOptions(id_from_patient=id_from_patient))
    return navigate_fhir(reading, flags, settings)


def _write_result(result: "Result", stdout: TextIO, output_format: OutputFormat, width: Optional[int],
                  explain: bool, details: bool = False, handout_date: Optional[str] = None) -> None:
    from her2nav.render.formats import FORMATS, Choices, show_one

    prepared = prepared_date(handout_date) if FORMATS[output_format.value].handout else None
    show_one(result, stdout, output_format.value, Choices(explain, details, width, prepared))
    stdout.flush()


@app.command(epilog=BATCH_EXAMPLES)
def batch(
    ctx: typer.Context,
    cases: Annotated[Optional[str], typer.Argument(
        metavar="CASES", help="A JSON Lines file (one case per line), or - for standard input.")] = None,
    output_format: Annotated[BatchFormat, typer.Option(
        "--format", "-f", help="json (one result or error object per input line, in order), markdown "
        "(one handout: a summary table, then a section per case), html (that handout as a page to print, "
        "each case on a new sheet) or csv (one row per case, for a spreadsheet).")] = JSON_LINES,
    references: Annotated[BatchReferences, typer.Option(
        "--references", help="JSON: full (each line resolves its references, the contract) or ids (the "
        "ids only; join them with 'her2nav references --format json').")] = BatchReferences.full,
    excel: Annotated[bool, typer.Option(
        "--excel", help="CSV: start with a UTF-8 byte-order mark, so Excel reads the accents right.")] = False,
    explain: Annotated[bool, typer.Option(
        "--explain", help="Markdown and HTML: add how the navigator decided to each case (JSON always has "
        "'trace').")] = False,
    handout_date: HandoutDate = None,
    early_relapse_months: EarlyRelapseMonths = 12,
    fhir: Annotated[Optional[str], typer.Option(
        "--fhir", metavar="PATH|-", help="Read the cases from Bulk FHIR NDJSON, a bundle, or a folder of them: "
        "one result per patient, in order of first appearance.")] = None,
    id_from_patient: IdFromPatient = False,
    as_of: AsOf = None,
    jobs: Annotated[int, typer.Option(
        "--jobs", "-j", min=0, help="Worker processes navigating the cases (0: one per core); the output "
        "stays in input order.")] = 1,
    output: Annotated[Optional[str], typer.Option(
        "--output", "-o", metavar="FILE", help="Write the lines to FILE (replaced), each flushed as it is written.")]
    = None,
    resume: Annotated[bool, typer.Option(
        "--resume", help="Continue --output FILE after its last complete line (json only).")] = False,
) -> None:
    """Navigate many cases, one per line; every line gives one output, in order.

    A case that fails gives an error line, {"id": ..., "error": {"code": 2 or 3, "message": ...}},
    and the batch goes on; the exit code is the highest among the cases. A blank line is
    reported as an invalid case. A progress bar is shown on standard error when it is a
    terminal and standard output is not.
    """
    from her2nav.batch import read_lines, run_batch
    from her2nav.batch_output import CountingWriter, open_output
    from her2nav.navigate import Settings
    from her2nav.read.sources import open_cases
    from her2nav.render.formats import FORMATS, Choices, batch_writer
    from her2nav.render.progress import ProgressBar

    invocation = _invocation(ctx)
    streams = invocation.streams
    if resume and (not FORMATS[output_format.value].resumable or fhir is not None):
        raise InvalidCase("--resume", "continues JSON Lines only, read from CASES; give --format json and CASES")
    settings = Settings(early_relapse_months, as_of_day(as_of))
    prepared = prepared_date(handout_date) if FORMATS[output_format.value].handout else None
    choices = Choices(explain=explain, prepared=prepared, excel=excel,
                      reference_ids_only=references is BatchReferences.ids)

    def writer_to(out: TextIO) -> CountingWriter:
        return CountingWriter(batch_writer(out, output_format.value, choices))

    if fhir is not None:
        with open_output(output, resume, streams.stdout) as (out, _):
            _fhir_batch(fhir, cases, invocation, writer_to(out), settings, id_from_patient)
    if cases is None:
        raise InvalidCase("CASES", "required: a JSON Lines file, or - for standard input (or --fhir PATH)")
    watched = wants_progress(streams)
    with open_cases(cases, streams.stdin) as (stream, size), \
            open_output(output, resume, streams.stdout) as (out, resumed):
        writer = writer_to(out)
        progress = ProgressBar(streams.stderr, size) if watched else None
        try:
            with _writing():
                summary = run_batch(resumed.remaining(read_lines(stream)), settings, writer,
                                    progress.update if progress else None,
                                    lambda line, trace: report_bug(streams, invocation.debug, line, trace),
                                    jobs=jobs, summary=resumed.summary())
        except KeyboardInterrupt:
            if progress is not None:
                progress.finish()
            report_interrupt(writer, streams)
            raise typer.Exit(INTERRUPTED) from None
        finally:
            if progress is not None:
                progress.finish()
    report_summary(summary, streams.stderr, watched)
    raise typer.Exit(int(summary.exit_status))


def _fhir_batch(path: str, cases: Optional[str], invocation: Invocation, writer: "OutcomeWriter",
               settings: "Settings", id_from_patient: bool) -> None:
    from her2nav.batch_fhir import run_fhir_batch
    from her2nav.read.fhir.reader import FhirOptions

    if cases is not None:
        raise InvalidCase("--fhir", "give CASES or --fhir, not both")
    streams = invocation.streams
    with _writing():
        summary = run_fhir_batch(path, streams.stdin, settings, writer,
                                 lambda line, error: report_bug(streams, invocation.debug, line, error),
                                 FhirOptions(id_from_patient=id_from_patient))
    report_summary(summary, streams.stderr)
    raise typer.Exit(int(summary.exit_status))


@app.command(epilog=REFERENCES_EXAMPLES)
def references(
    ctx: typer.Context,
    reference_ids: Annotated[Optional[list[str]], typer.Option(
        "--id", help="Show only this reference; repeatable.")] = None,
    output_format: Annotated[ReferenceFormat, typer.Option("--format", "-f", help="Output format.")]
    = ReferenceFormat.table,
    width: Width = None,
) -> None:
    """List every study, guideline and label the knowledge base can cite, with its finding."""
    from her2nav.read.flags import select_references
    from her2nav.render.references import render_references_json

    streams = _invocation(ctx).streams
    chosen = select_references(reference_ids or [])
    with _writing():
        if output_format is ReferenceFormat.json:
            streams.stdout.write(render_references_json(chosen) + "\n")
        else:
            from her2nav.render.console import make_console
            from her2nav.render.references import render_references_table

            render_references_table(chosen, make_console(streams.stdout, width))
        streams.stdout.flush()


@app.command()
def schema(
    ctx: typer.Context,
    name: Annotated[SchemaName, typer.Argument(help="case (what goes in) or result (what comes out).")],
) -> None:
    """Print the JSON Schema (draft 2020-12) of the case or of the result, to validate against."""
    from her2nav.schemas import schema_text

    streams = _invocation(ctx).streams
    with _writing():
        streams.stdout.write(schema_text(name.value))
        streams.stdout.flush()


def main(argv: Optional[list[str]] = None, streams: Optional[Streams] = None) -> int:
    """Run the program; returns the exit status of the contract."""
    from typer.exceptions import Abort, Exit, TyperException

    streams = streams if streams is not None else Streams.system()
    args = sys.argv[1:] if argv is None else argv
    if not args:  # bare `her2nav`: the help, as `her2nav --help` prints it (Click would report it as an error)
        args = ["--help"]
    invocation = Invocation(streams, debug="--debug" in args)
    try:
        # Outside standalone mode Typer returns the code of typer.Exit instead of raising it.
        code = app(args=args, prog_name="her2nav", standalone_mode=False, obj=invocation)
    except OutputFailed as error:
        _discard_further_output(streams)
        _tell(streams, f"her2nav: {error.message}\n")
        return int(error.exit_status)
    except Her2navError as error:  # several problems of one case: a line each
        _tell(streams, "".join(f"her2nav: {printable(line, keep_line_breaks=False)}\n"
                               for line in error.message.split("\n")))
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

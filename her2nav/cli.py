"""The command line: parse flags, pick the renderer, map errors to exit codes.

`main(argv) -> int` is the whole program; nothing here decides anything clinical.
"""

import enum
import sys
from typing import Annotated, Optional

import typer

from her2nav import __version__
from her2nav.errors import ExitStatus, Her2navError, InvalidCase
from her2nav.inputs import PRIMARY_SYNTAX, SITE_SYNTAX, TREATMENT_SYNTAX, CaseFlags
from her2nav.knowledge import EVIDENCE_AS_OF, KNOWLEDGE_BASE_VERSION

app = typer.Typer(
    help="Treatment navigator for metastatic HER2-positive breast cancer. "
    "Decision support for specialists; verify against current guidelines and the patient.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    pretty_exceptions_show_locals=False,
    rich_markup_mode=None,
    add_completion=True,
)


class OutputFormat(enum.StrEnum):
    table = "table"
    json = "json"


def version_text() -> str:
    return (f"her2nav {__version__}; knowledge base {KNOWLEDGE_BASE_VERSION}, "
            f"evidence as of {EVIDENCE_AS_OF}")


def _show_version(value: bool) -> None:
    if value:
        sys.stdout.write(version_text() + "\n")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_show_version, is_eager=True,
                                          help="Show the program and knowledge-base versions.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show the traceback of an internal error.")] = False,
) -> None:
    """Treatment navigator for metastatic HER2-positive breast cancer."""
    _STATE["debug"] = debug


_STATE = {"debug": False}


@app.command()
def recommend(
    case_file: Annotated[Optional[str], typer.Argument(
        metavar="[CASE]", help="Case JSON file, or - for standard input. Flags override its values.")] = None,
    case_option: Annotated[Optional[str], typer.Option("--case", help="Same as CASE.")] = None,
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.table,
    width: Annotated[Optional[int], typer.Option("--width", min=40, max=1000, help="Table width in columns.")] = None,
    early_relapse_months: Annotated[float, typer.Option(
        "--early-relapse-months", min=0, max=60,
        help="Relapse within this many months of (neo)adjuvant HER2 therapy counts as a failed line "
        "(ASCO 2022: 12; the T-DXd label and NCCN: 6).")] = 12,
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
    base = read_case_source(source) if source is not None else {}
    case = Case.from_mapping(merge_flags(base, flags))
    result = navigate(case, Settings(early_relapse_months=early_relapse_months))
    _write_result(result, output_format, width)


def _write_result(result: object, output_format: OutputFormat, width: Optional[int]) -> None:
    from her2nav.result import Result

    assert isinstance(result, Result)
    if output_format is OutputFormat.json:
        from her2nav.render.json_out import render_json

        sys.stdout.write(render_json(result) + "\n")
    else:
        from her2nav.render.table import render_table

        console = make_console(width)
        render_table(result, console)


def make_console(width: Optional[int]):  # type: ignore[no-untyped-def]
    from rich.console import Console

    return Console(file=sys.stdout, width=width, highlight=False, soft_wrap=False)


def main(argv: Optional[list[str]] = None) -> int:
    """Run the program; returns the exit status of the contract."""
    from typer.exceptions import Abort, Exit, TyperException

    args = sys.argv[1:] if argv is None else argv
    _STATE["debug"] = "--debug" in args
    try:
        app(args=args, prog_name="her2nav", standalone_mode=False)
    except Her2navError as error:
        sys.stderr.write(f"her2nav: {error.message}\n")
        return int(error.exit_status)
    except Exit as done:
        return int(done.exit_code)
    except Abort:
        sys.stderr.write("her2nav: aborted\n")
        return int(ExitStatus.INTERNAL_ERROR)
    except TyperException as error:  # a usage error: bad flag, bad flag value, missing argument
        sys.stderr.write(f"her2nav: {error.format_message()}\n")
        ctx = getattr(error, "ctx", None)
        if ctx is not None:
            sys.stderr.write(f"Try '{ctx.command_path} --help'.\n")
        return int(ExitStatus.INVALID_INPUT)
    except BrokenPipeError:
        return int(ExitStatus.OK)
    except Exception:
        if _STATE["debug"]:
            import traceback

            traceback.print_exc()
        else:
            sys.stderr.write("her2nav: internal error (a bug); run again with --debug for details\n")
        return int(ExitStatus.INTERNAL_ERROR)
    return int(ExitStatus.OK)

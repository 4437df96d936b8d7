"""The command line's shared pieces: help examples, --format and other choices, options used by several commands.

No `from __future__ import annotations` here or in cli.py: Typer reads the annotations at run time.
"""

import enum
import math
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from her2nav.errors import InvalidCase
from her2nav.render.formats import BATCH_FORMATS, ONE_RESULT_FORMATS

if TYPE_CHECKING:
    import datetime


def choices(values: type[enum.Enum]) -> str:
    """The allowed values of a case field, shown in the help in place of <str>."""
    return "<" + "|".join(str(member.value) for member in values) + ">"


def examples(*lines: str) -> str:
    """A command's help epilog: real examples, kept one a line (\b stops Click from re-wrapping them)."""
    return "Examples:\n\n\b\n" + "\n".join(f"  {line}" for line in lines)


RECOMMEND_EXAMPLES = examples(
    "her2nav recommend examples/second-line-after-thp.json",
    "her2nav recommend examples/bone-cord-compression.json --format html > handout.html",
    "her2nav recommend --her2-ihc 3+ --er negative --pr negative --presentation de_novo \\\n"
    "      --site liver:3 --ecog 1 --lvef 60",
)
BATCH_EXAMPLES = examples(
    "her2nav batch examples/board.jsonl > results.jsonl",
    "her2nav batch examples/board.jsonl --format html > board.html",
    "cat cases.jsonl | her2nav batch - --format markdown > handouts.md",
)
REFERENCES_EXAMPLES = examples(
    "her2nav references",
    "her2nav references --id destiny-breast03-2022",
    "her2nav references --format json",
)


ROOT_EXAMPLES = examples(
    "her2nav recommend examples/second-line-after-thp.json",
    "her2nav batch examples/board.jsonl --format markdown > board.md",
    "her2nav references --id destiny-breast03-2022",
)


# The --format choices, from the table of formats; mypy cannot follow an enum built from a table.
OutputFormat = enum.StrEnum("OutputFormat", [(name, name) for name in ONE_RESULT_FORMATS])  # type: ignore[misc]
BatchFormat = enum.StrEnum("BatchFormat", [(name, name) for name in BATCH_FORMATS])  # type: ignore[misc]
TABLE, JSON_LINES = OutputFormat("table"), BatchFormat("json")  # the defaults


class BatchReferences(enum.StrEnum):
    full = "full"
    ids = "ids"


class SchemaName(enum.StrEnum):
    case = "case"
    result = "result"


class ReferenceFormat(enum.StrEnum):
    table = "table"
    json = "json"


def _finite(value: float) -> float:
    """Click's float range lets NaN through (every comparison with it is false): refused here."""
    if not math.isfinite(value):
        raise typer.BadParameter(f"{value} is not a finite number; allowed: 0 to 60")
    return value


EarlyRelapseMonths = Annotated[float, typer.Option(
    "--early-relapse-months", min=0, max=60, callback=_finite,
    help="Relapse within this many months of (neo)adjuvant HER2 therapy counts as a failed line "
    "(ASCO 2022: 12; the T-DXd label: 6; NCCN: 6, or 12 after a pertuzumab-containing programme).")]
Width = Annotated[Optional[int], typer.Option("--width", min=40, max=1000, help="Table width in columns.")]
FhirOption = Annotated[Optional[str], typer.Option(
    "--fhir", metavar="FILE|-", help="Read the case from HL7 FHIR R4 (mCODE): a Bundle, a resource or Bulk FHIR "
    "NDJSON. Flags override what it gives; --explain shows where each fact came from.")]
IdFromPatient = Annotated[bool, typer.Option(
    "--id-from-patient", help="With --fhir: use the Patient's identifier as the case id (it is then shown in "
    "every output; without this flag no identifier is).")]


HandoutDate = Annotated[Optional[str], typer.Option(
    "--date", metavar="YYYY-MM-DD", help="Markdown and HTML: the date the handout says it was prepared "
    "(default: today).")]


def prepared_date(given: Optional[str]) -> str:
    """The handout's date: as given (checked), or today's, read here and never in a renderer."""
    import datetime

    if given is None:
        return datetime.date.today().isoformat()
    try:
        return datetime.date.fromisoformat(given.strip()).isoformat()
    except ValueError:
        raise InvalidCase("--date", f"{given!r} is not a date", "a date written YYYY-MM-DD, e.g. 2026-11-29") from None


AsOf = Annotated[Optional[str], typer.Option(
    "--as-of", metavar="YYYY-MM-DD", help="The day the history is told on (default: today); a date in the case "
    "after it is refused.")]


def as_of_day(text: Optional[str]) -> "datetime.date":
    """The --as-of day, or today: the one place the program reads the clock."""
    import datetime

    if text is None:
        return datetime.date.today()
    try:
        return datetime.date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidCase("--as-of", f"{text!r} is not a day", "YYYY-MM-DD") from None

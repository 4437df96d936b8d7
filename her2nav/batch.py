"""`her2nav batch`: many cases, one JSON object per line, each navigated as it is read.

The input is read a line at a time and each result is written (and flushed) before the
next line is read, so memory does not grow with the number of cases. Every input line
gives exactly one outcome, in order: a result, or a failure that becomes an error line.
A blank line is not a case, but it is reported as an invalid line rather than skipped,
so output line N always answers input line N and nothing disappears silently.
"""

from __future__ import annotations

import traceback
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from typing import BinaryIO

from attrs import define, field, frozen

from her2nav.case import Case
from her2nav.errors import ExitStatus, Her2navError
from her2nav.fields import NonFinite
from her2nav.navigate import Settings, navigate
from her2nav.read.json_text import parse_json_text
from her2nav.read.sources import MAX_INPUT_BYTES
from her2nav.render.formats import OutcomeWriter
from her2nav.result import BatchOutcome, CaseFailure, Result
from her2nav.values import Value

MAX_LINE_BYTES = MAX_INPUT_BYTES
_SKIP_CHUNK = 64 * 1024
_FAILED_LINES_SHOWN = 10
BUG_MESSAGE = ("internal error (a bug); run this line alone with 'her2nav --debug recommend -' "
               "to see the traceback")



@frozen(repr=False)
class InputLine(Value):
    """One line of the input: its number (from 1), its bytes and how many bytes it took."""

    number: int
    data: bytes
    size: int
    too_long: bool = False


def read_lines(stream: BinaryIO, max_bytes: int = MAX_LINE_BYTES) -> Iterator[InputLine]:
    """The lines of a byte stream, one at a time, never holding more than `max_bytes` of one.

    A line longer than that is yielded empty and marked too long; the rest of it is skipped.
    The last line may lack its newline; a Windows line ending is fine (JSON allows the \\r).
    """
    number = 0
    while chunk := stream.readline(max_bytes + 1):
        number += 1
        if len(chunk) > max_bytes and not chunk.endswith(b"\n"):
            skipped = _skip_to_end_of_line(stream)
            yield InputLine(number, b"", len(chunk) + skipped, too_long=True)
        else:
            yield InputLine(number, chunk, len(chunk))


def _skip_to_end_of_line(stream: BinaryIO) -> int:
    skipped = 0
    while chunk := stream.readline(_SKIP_CHUNK):
        skipped += len(chunk)
        if chunk.endswith(b"\n"):
            break
    return skipped


def navigate_line(line: InputLine, settings: Settings) -> BatchOutcome:
    """The result for one input line, or the failure to report in its place."""
    if line.too_long:
        return _failure(line, None, f"case: longer than {MAX_LINE_BYTES // (1024 * 1024)} MB: not a case")
    if not line.data.strip():
        return _failure(line, None, "case: blank line; every line must be a case (a JSON object)")
    data: object = None
    try:
        data = parse_json_text(line.data, "case")
        return navigate(Case.from_mapping(data, settings.as_of), settings)
    except Her2navError as error:
        return CaseFailure(line.number, _id_of(data), error.exit_status, error.message)


def _failure(line: InputLine, case_id: str | None, message: str) -> CaseFailure:
    return CaseFailure(line.number, case_id, ExitStatus.INVALID_INPUT, message)


def _id_of(data: object) -> str | None:
    """The case's id when it can be read, to echo on its error line."""
    if isinstance(data, dict):
        case_id = data.get("id")
        if isinstance(case_id, str) and not isinstance(case_id, NonFinite):
            return case_id
    return None


@define
class BatchSummary:
    """What a batch did: counts and the exit status of the contract (the highest of its cases)."""

    cases: int = 0
    failures: int = 0
    exit_status: ExitStatus = ExitStatus.OK
    failed_lines: list[int] = field(factory=list)  # the first few only, to name them on stderr
    concordance: Counter[str] = field(factory=Counter)  # cases with `chosen`, by tier or not_listed

    def add(self, outcome: BatchOutcome | EncodedResult) -> None:
        self.cases += 1
        if isinstance(outcome, Result) and outcome.concordance is not None:
            self.concordance[outcome.concordance.category] += 1
        if isinstance(outcome, EncodedResult) and outcome.concordance is not None:
            self.concordance[outcome.concordance] += 1
        if isinstance(outcome, CaseFailure):
            self.failures += 1
            self.exit_status = max(self.exit_status, outcome.exit_status)
            if len(self.failed_lines) < _FAILED_LINES_SHOWN:
                self.failed_lines.append(outcome.input_line)


def run_batch(
    lines: Iterable[InputLine],
    settings: Settings,
    writer: OutcomeWriter,
    on_progress: Callable[[int, int], None] | None = None,
    on_bug: Callable[[int, str], None] | None = None,
    navigate_one: Callable[[InputLine, Settings], BatchOutcome] = navigate_line,
    jobs: int = 1,
    summary: BatchSummary | None = None,
) -> BatchSummary:
    """Navigate every line and hand each outcome to `writer` as soon as it is known, in input order.

    `navigate_one` turns an input line into its outcome (batch_fhir.py passes one per patient).
    A bug in one case becomes that case's failure (exit status 1) and the batch goes on:
    a tumor board's other cases are not lost to it. `on_bug` may show the formatted traceback.
    With `jobs` above 1 the cases are navigated in that many worker processes; the writer
    stays here. `summary` may hold what an earlier, resumed run already counted.
    """
    summary = summary if summary is not None else BatchSummary()
    bytes_read = 0
    for number, size, outcome, trace in _navigated(lines, settings, jobs, writer, navigate_one):
        if trace is not None and on_bug is not None:
            on_bug(number, trace)
        if isinstance(outcome, EncodedResult):
            writer.write_encoded(outcome.line)  # type: ignore[attr-defined]  # a writer with an encoder
        else:
            writer.write(outcome, number)
        summary.add(outcome)
        bytes_read += size
        if on_progress is not None:
            on_progress(summary.cases, bytes_read)
    writer.close()
    return summary


@frozen(repr=False)
class EncodedResult(Value):
    """A result as a worker process encoded it for the writer, and what the summary counts of it.

    The encoded line crosses the process boundary far quicker than the Result would.
    """

    line: bytes  # UTF-8, with its newline
    concordance: str | None = None  # the concordance category, when the case gives `chosen`


# Input line number, its size, its outcome (or its encoded result) and a bug's formatted traceback.
NavigatedLine = tuple[int, int, BatchOutcome | EncodedResult, str | None]


def navigate_line_reporting_bugs(
    line: InputLine, settings: Settings, navigate_one: Callable[[InputLine, Settings], BatchOutcome] = navigate_line
) -> tuple[BatchOutcome, str | None]:
    """`navigate_one`, with a bug turned into this line's failure and its formatted traceback.

    Plain values only, so that it can run in a worker process (`her2nav.parallel`).
    """
    try:
        return navigate_one(line, settings), None
    except Exception:  # a bug: reported in this case's place, never fatal to the rest
        return (CaseFailure(line.number, None, ExitStatus.INTERNAL_ERROR, BUG_MESSAGE),
                traceback.format_exc())


def _navigated(lines: Iterable[InputLine], settings: Settings, jobs: int, writer: OutcomeWriter,
               navigate_one: Callable[[InputLine, Settings], BatchOutcome]) -> Iterator[NavigatedLine]:
    if jobs != 1:
        from her2nav.parallel import navigate_in_parallel

        yield from navigate_in_parallel(lines, settings, jobs, getattr(writer, "encoder", None))
        return
    for line in lines:
        outcome, trace = navigate_line_reporting_bugs(line, settings, navigate_one)
        yield line.number, line.size, outcome, trace

"""Where `her2nav batch` writes: `--output FILE` with `--resume` (render/formats.py picks the writer).

`--output FILE` flushes each line to FILE as soon as it is written, so a crash or Ctrl-C loses
at most the line being written. `--resume` keeps FILE's complete lines, drops a last line cut
short, and continues with the input line after them: output line N answers input line N,
so the finished FILE is the one an uninterrupted run writes. The error lines already in
FILE count towards the summary and the exit code, as they would have in one run.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from attrs import define, field

from her2nav.batch import MAX_LINE_BYTES, BatchSummary, InputLine, _id_of
from her2nav.errors import ExitStatus, InvalidCase
from her2nav.read.json_text import parse_json_text
from her2nav.render.formats import OutcomeWriter
from her2nav.result import CaseFailure, Result


class CountingWriter:
    """Passes outcomes on and counts them, so that an interrupted batch can say how far it got."""

    def __init__(self, writer: OutcomeWriter) -> None:
        self.writer = writer
        self.written = 0

    @property
    def encoder(self) -> Callable[[Result], bytes] | None:
        """The writer's encoder, for worker processes (`batch --jobs`), when it has one."""
        encoder: Callable[[Result], bytes] | None = getattr(self.writer, "encoder", None)
        return encoder

    def write(self, outcome: Result | CaseFailure, input_line: int) -> None:
        self.writer.write(outcome, input_line)
        self.written += 1

    def write_encoded(self, line: bytes) -> None:
        self.writer.write_encoded(line)  # type: ignore[attr-defined]  # only called when it has an encoder
        self.written += 1

    def close(self) -> None:
        self.writer.close()


_READ_CHUNK = 1024 * 1024
# Only an error line holds this (a result line has "error":null); in a JSON string the quotes are escaped.
_ERROR_KEY = b'"error":{'


@define
class Resumed:
    """What FILE already holds: how many lines, the failures among them and the last line's id."""

    lines_done: int = 0
    failures: list[CaseFailure] = field(factory=list)
    last_id: str | None = None
    output: str = "--output"
    _checked: bool = False

    def summary(self) -> BatchSummary:
        """The summary of the lines already written, to be continued by this run."""
        summary = BatchSummary(cases=self.lines_done - len(self.failures))
        for failure in self.failures:
            summary.add(failure)
        return summary

    def remaining(self, lines: Iterable[InputLine]) -> Iterator[InputLine]:
        """The input lines after those FILE answers, once the last answered one is checked to match."""
        for line in lines:
            if line.number < self.lines_done:
                continue
            if line.number == self.lines_done:
                self._check_same_case(line)
                continue
            yield line
        if self.lines_done and not self._checked:
            raise InvalidCase(self.output, f"holds {self.lines_done} lines but the input has fewer: "
                              "it is not the output of these cases")

    def _check_same_case(self, line: InputLine) -> None:
        self._checked = True
        try:
            input_id = _id_of(parse_json_text(line.data, "case"))
        except InvalidCase:
            input_id = None
        if input_id is not None and self.last_id is not None and input_id != self.last_id:
            raise InvalidCase(self.output, f"does not continue this input: its line {self.lines_done} answers "
                              f"id {self.last_id!r}, input line {self.lines_done} is id {input_id!r}")


@contextlib.contextmanager
def open_output(path: str | None, resume: bool, stdout: TextIO) -> Iterator[tuple[TextIO, Resumed]]:
    """Where the batch writes (FILE, or standard output without --output) and what FILE already holds."""
    if path is None:
        if resume:
            raise InvalidCase("--resume", "continues an --output FILE; give --output too")
        yield stdout, Resumed()
        return
    target = Path(path)
    resumed = Resumed(output=f"--output: {path}")
    if resume and target.exists():
        if not target.is_file():
            raise InvalidCase("--output", f"{path}: not a regular file; --resume continues a file that "
                              "'her2nav batch --output' wrote")
        resumed = _read_done(target, resumed)
    try:
        handle = target.open("a" if resume else "w", encoding="utf-8", newline="")
    except OSError as error:
        raise InvalidCase("--output", f"{path}: cannot be written: {error.strerror}") from None
    with handle:
        yield handle, resumed


def _read_done(target: Path, resumed: Resumed) -> Resumed:
    """Count FILE's complete lines and their failures; cut off a last line left incomplete."""
    try:
        handle = target.open("r+b")
    except OSError as error:
        raise InvalidCase("--output", f"{target}: cannot be resumed: {error.strerror}") from None
    with handle:
        complete_bytes, last_line = _scan(handle, resumed)
        handle.truncate(complete_bytes)
    if last_line:
        resumed.last_id = _id_of(_json_or_none(last_line))
    return resumed


def _scan(handle: BinaryIO, resumed: Resumed) -> tuple[int, bytes]:
    """Bytes up to the end of the last complete line, and that line; counts lines and failures on the way."""
    complete_bytes = 0
    carried = b""
    last_line = b""
    while chunk := handle.read(_READ_CHUNK):
        data = carried + chunk
        end = data.rfind(b"\n") + 1
        if end == 0:
            carried = data
            if len(carried) > MAX_LINE_BYTES:
                raise InvalidCase(resumed.output, f"line {resumed.lines_done + 1} is longer than any line "
                                  "'her2nav batch' writes: it is not the output of a batch; not resumed")
            continue
        complete, carried = data[:end], data[end:]
        _check_lines_are_ours(complete, resumed)
        if _ERROR_KEY in complete:
            _count_failures(complete, resumed)
        resumed.lines_done += complete.count(b"\n")
        complete_bytes += end
        last_line = complete[complete.rfind(b"\n", 0, end - 1) + 1:]
    return complete_bytes, last_line


# Every line `batch` writes is a compact object whose first key is the schema version.
_LINE_START = b'{"schema_version":'


def _check_lines_are_ours(complete: bytes, resumed: Resumed) -> None:
    """Refuse a FILE holding lines this command does not write: resuming would count them as answers."""
    for index, line in enumerate(complete.split(b"\n")[:-1], resumed.lines_done + 1):
        if not (line.startswith(_LINE_START) and line.rstrip(b"\r").endswith(b"}")):
            raise InvalidCase(resumed.output, f"line {index} is not a line 'her2nav batch' writes (a result or "
                              "error object): it is not the output of a batch; not resumed")


def _count_failures(complete: bytes, resumed: Resumed) -> None:
    for index, line in enumerate(complete.split(b"\n")[:-1], resumed.lines_done + 1):
        if _ERROR_KEY in line:
            error = (_json_or_none(line) or {}).get("error")
            error = error if isinstance(error, dict) else {}
            code = error.get("code")
            status = ExitStatus(code) if code in set(ExitStatus) else ExitStatus.INTERNAL_ERROR
            number = error.get("input_line")
            resumed.failures.append(CaseFailure(number if isinstance(number, int) else index, None, status,
                                                str(error.get("message", ""))))


def _json_or_none(line: bytes) -> dict[str, Any] | None:
    try:
        data = json.loads(line)
    except ValueError:
        return None
    return data if isinstance(data, dict) else None

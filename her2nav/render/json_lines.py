"""JSON Lines: one compact result or error object per line, the batch's contract output."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from typing import BinaryIO, TextIO

from attrs import frozen

from her2nav.contract import ReferenceMode, failure_to_dict
from her2nav.render.json_out import compact, compact_json
from her2nav.result import BatchOutcome, CaseFailure, Result
from her2nav.values import Value


def json_line(outcome: BatchOutcome, references: ReferenceMode = ReferenceMode.FULL) -> str:
    """One line of batch output: the result object, or the error line (the same keys), as compact JSON."""
    line = compact(failure_to_dict(outcome)) if isinstance(outcome, CaseFailure) else compact_json(outcome, references)
    return one_line(line)


# JSON allows these raw inside strings, but many line readers (Python's str.splitlines among them)
# break a line at them: escaped, every output line stays one line for every reader.
_LINE_SEPARATORS = {0x85: "\\u0085", 0x2028: "\\u2028", 0x2029: "\\u2029"}


def json_line_bytes(outcome: BatchOutcome, references: ReferenceMode = ReferenceMode.FULL) -> bytes:
    """`json_line` with its newline, as the UTF-8 bytes a file of JSON Lines holds."""
    return (json_line(outcome, references) + "\n").encode("utf-8")


def one_line(text: str) -> str:
    if "\x85" in text or "\u2028" in text or "\u2029" in text:
        return text.translate(_LINE_SEPARATORS)
    return text


@frozen(repr=False)
class JsonLinesWriter(Value):
    """Writes each outcome as one JSON line and flushes, so a reader sees it at once.

    `encoder` is a plain function, so worker processes (`batch --jobs`) can encode there, down
    to the UTF-8 bytes: the parent then only copies each line out (encoding a line of ~17 KB
    to UTF-8 was half of what the parent spent on it). Those bytes go under a UTF-8 text
    stream, so the stream must write "\n" as it is, as standard output does on POSIX and
    as the `--output` file does (opened with newline=""); a program that hands `main` a
    stream translating newlines itself (newline="\r\n") gets them translated only in lines
    written as text.
    """

    stream: TextIO
    references: ReferenceMode = ReferenceMode.FULL

    @property
    def encoder(self) -> Callable[[Result], bytes]:
        """How a worker process encodes a result for this writer: a plain function, so it can be sent there."""
        return functools.partial(json_line_bytes, references=self.references)

    def write(self, outcome: BatchOutcome, input_line: int) -> None:
        self.write_text(json_line(outcome, self.references))

    def write_text(self, line: str) -> None:
        self.stream.write(line + "\n")
        self.stream.flush()

    def write_encoded(self, line: bytes) -> None:
        """A line the encoder gave (UTF-8, with its newline): straight to the bytes under the stream
        when the stream would write the same bytes, else through the stream as text."""
        sink = _utf8_bytes_under(self.stream)
        if sink is None:
            self.stream.write(line.decode("utf-8"))
            self.stream.flush()
            return
        self.stream.flush()  # anything written as text goes first
        sink.write(line)
        sink.flush()

    def close(self) -> None:
        self.stream.flush()


_SAME_BYTES_AS_UTF8 = ("strict", "surrogateescape")


def _utf8_bytes_under(stream: TextIO) -> BinaryIO | None:
    """The byte stream under a text stream that writes UTF-8 and keeps "\n" as it is, else None.

    Python gives standard output `surrogateescape` under a C.UTF-8 locale: it differs from strict
    UTF-8 only for lone surrogates, which no result holds (reading refuses them).
    """
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "").replace("_", "")
    buffer: BinaryIO | None = getattr(stream, "buffer", None)
    if buffer is None or encoding != "utf8" or getattr(stream, "errors", "strict") not in _SAME_BYTES_AS_UTF8:
        return None
    return buffer if os.linesep == "\n" else None

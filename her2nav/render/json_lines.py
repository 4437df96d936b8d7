"""JSON Lines: one compact result or error object per line, the batch's contract output."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TextIO

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


def one_line(text: str) -> str:
    if "\x85" in text or "\u2028" in text or "\u2029" in text:
        return text.translate(_LINE_SEPARATORS)
    return text


@frozen(repr=False)
class JsonLinesWriter(Value):
    """Writes each outcome as one JSON line and flushes, so a reader sees it at once.

    `encoder` is a plain function, so worker processes (`batch --jobs`) can encode there.
    """

    stream: TextIO
    references: ReferenceMode = ReferenceMode.FULL

    @property
    def encoder(self) -> Callable[[Result], str]:
        """How a worker process encodes a result for this writer: a plain function, so it can be sent there."""
        return functools.partial(json_line, references=self.references)

    def write(self, outcome: BatchOutcome, input_line: int) -> None:
        self.write_encoded(json_line(outcome, self.references))

    def write_encoded(self, line: str) -> None:
        self.stream.write(line + "\n")
        self.stream.flush()

    def close(self) -> None:
        self.stream.flush()

"""The standard streams the program is given: passed in, so tests and other programs can run it whole."""

import errno
import io
import sys
from typing import BinaryIO, TextIO

from attrs import frozen

from her2nav.values import Value


@frozen(repr=False)
class Streams(Value):
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

"""Where a case comes from: a file, standard input, or a stream of cases, within a size limit."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from her2nav.errors import InvalidCase
from her2nav.read.json_text import parse_json_text

MAX_INPUT_BYTES = 5 * 1024 * 1024  # a case is a few kilobytes; anything this large is a mistake


def read_case_source(path: str, stdin: BinaryIO | None = None) -> object:
    """The parsed JSON of a case file, or of standard input for '-'."""
    if path == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = stream.read(MAX_INPUT_BYTES + 1)
        source = "standard input"
    else:
        data = _read_file(Path(path))
        source = path
    if len(data) > MAX_INPUT_BYTES:
        raise InvalidCase(source, f"larger than {MAX_INPUT_BYTES // (1024 * 1024)} MB: not a case file")
    return parse_json_text(data, source)


def _read_file(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(MAX_INPUT_BYTES + 1)
    except FileNotFoundError:
        raise InvalidCase(str(path), "no such file") from None
    except IsADirectoryError:
        raise InvalidCase(str(path), "is a directory, not a case file") from None
    except OSError as error:
        raise InvalidCase(str(path), f"cannot be read: {error.strerror}") from None


@contextmanager
def open_cases(path: str, stdin: BinaryIO, field: str = "CASES") -> Iterator[tuple[BinaryIO, int | None]]:
    """A byte stream of a JSON Lines file, or of standard input for '-', with its size when known."""
    if path == "-":
        yield stdin, _regular_file_size(stdin)
        return
    try:
        handle = Path(path).open("rb")  # noqa: SIM115 (closed by the with below, outside the error mapping)
    except FileNotFoundError:
        raise InvalidCase(field, f"{path}: no such file") from None
    except IsADirectoryError:
        raise InvalidCase(field, f"{path}: is a directory, not a file of cases") from None
    except OSError as error:
        raise InvalidCase(field, f"{path}: cannot be read: {error.strerror}") from None
    with handle:
        yield handle, _regular_file_size(handle)


def _regular_file_size(stream: BinaryIO) -> int | None:
    """The size of a regular file (for a progress bar); None for a pipe, a terminal or memory."""
    try:
        status = os.fstat(stream.fileno())
    except (OSError, ValueError, AttributeError):
        return None
    return status.st_size if stat.S_ISREG(status.st_mode) else None

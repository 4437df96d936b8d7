"""The Rich console for tables and trees, built per command on the stream it is given."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.console import Console


def make_console(stream: TextIO, width: int | None = None) -> Console:
    """A console that writes plain text when `stream` is not a terminal or NO_COLOR is set.

    Rich decides colour from the stream itself and the environment (NO_COLOR, FORCE_COLOR);
    markup and emoji codes are off because every cell is data, never markup.
    """
    from rich.console import Console

    class _PipeFriendlyConsole(Console):
        def on_broken_pipe(self) -> None:
            # Rich would exit 1, the code of a bug; the caller treats a closed pipe as a normal end.
            self.quiet = True
            raise BrokenPipeError

    return _PipeFriendlyConsole(file=stream, width=width, highlight=False, soft_wrap=False,
                                markup=False, emoji=False)

"""The Rich console for tables and trees, built per command on the stream it is given."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.console import Console, RenderableType
    from rich.segment import Segment


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


def print_trimmed(console: Console, renderable: RenderableType) -> None:
    """Print `renderable` without the spaces Rich pads table cells and lines with on their right.

    Copied or redirected, the view then holds only what it shows.
    """
    from rich.segment import Segment, Segments

    lines = console.render_lines(renderable, pad=False)
    console.print(Segments(segment for line in lines for segment in (*_trimmed(line), Segment.line())))


def _trimmed(line: list[Segment]) -> list[Segment]:
    from rich.segment import Segment

    end = len(line)
    while end and not line[end - 1].control and not line[end - 1].text.rstrip(" "):
        end -= 1
    if not end or line[end - 1].control:
        return line[:end]
    last = line[end - 1]
    return [*line[:end - 1], Segment(last.text.rstrip(" "), last.style)]

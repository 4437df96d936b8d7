"""What `her2nav batch` tells a person on standard error: the summary, an interruption, a bug in one case."""

import contextlib
from typing import TYPE_CHECKING, TextIO

from her2nav.streams import Streams

if TYPE_CHECKING:
    from her2nav.batch import BatchSummary
    from her2nav.batch_output import CountingWriter


# The shell's code for a program stopped by Ctrl-C (128 + SIGINT); not a result, so outside 0-3.
INTERRUPTED = 130


def report_interrupt(writer: "CountingWriter", streams: Streams) -> None:
    """Ctrl-C: keep what was done (a handout is written with the cases read so far) and say how much."""
    with contextlib.suppress(BrokenPipeError, OSError, ValueError):
        writer.close()
    done = "1 case" if writer.written == 1 else f"{writer.written} cases"
    streams.stderr.write(f"her2nav: batch: interrupted; standard output holds the first {done} "
                         f"(input lines 1 to {writer.written})\n" if writer.written else
                         "her2nav: batch: interrupted before the first case was written\n")


def report_summary(summary: "BatchSummary", stderr: TextIO, watched: bool = False) -> None:
    """One line on stderr: always for a person watching, otherwise only when some cases failed;
    then, when cases give `chosen`, a line with the concordance counts."""
    line = _summary_line(summary, watched)
    if line:
        stderr.write(line + "\n")
    if summary.concordance:
        from her2nav.render.concordance import concordance_summary

        stderr.write(f"her2nav: batch: {concordance_summary(summary.concordance)}\n")


def _summary_line(summary: "BatchSummary", watched: bool) -> str:
    if summary.cases == 0:
        return "her2nav: batch: the input holds no cases"
    if not (watched or summary.failures):
        return ""
    cases = "1 case" if summary.cases == 1 else f"{summary.cases} cases"
    line = f"her2nav: batch: {cases}: {summary.cases - summary.failures} navigated"
    if summary.failures:
        errors = "1 error" if summary.failures == 1 else f"{summary.failures} errors"
        shown = ", ".join(str(n) for n in summary.failed_lines)
        more = ", ..." if summary.failures > len(summary.failed_lines) else ""
        where = "input line" if summary.failures == 1 else "input lines"
        line += f", {errors} on {where} {shown}{more}; their error lines say why"
    return line


def wants_progress(streams: Streams) -> bool:
    """A bar only for a person watching: stderr a terminal, and stdout not drawing on the same one."""
    return _is_terminal(streams.stderr) and not _is_terminal(streams.stdout)


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def report_bug(streams: Streams, debug: bool, input_line: int, trace: str) -> None:
    stderr = streams.stderr
    if debug:
        stderr.write(f"her2nav: input line {input_line}: internal error:\n{trace}")
    else:
        stderr.write(f"her2nav: input line {input_line}: internal error (a bug); run again with --debug "
                     "for details\n")

"""A one-line progress bar for `batch`, on standard error, only when that is a terminal.

Written without Rich so that `batch --format json` stays as quick to start as `recommend`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO

from attrs import define

BAR_WIDTH = 30


def progress_text(cases: int, bytes_read: int, total_bytes: int | None) -> str:
    """'[#######.......]  25%  1,234 cases', or just the count when the size is unknown."""
    counted = "1 case" if cases == 1 else f"{cases:,} cases"
    if not total_bytes:
        return f"her2nav batch: {counted}"
    fraction = min(bytes_read / total_bytes, 1.0)
    filled = round(fraction * BAR_WIDTH)
    return f"her2nav batch: [{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {fraction:4.0%}  {counted}"


@define
class ProgressBar:
    """Redraws one line of `stream` at most every `interval` seconds, and clears it at the end."""

    stream: TextIO
    total_bytes: int | None
    interval: float = 0.1
    clock: Callable[[], float] = time.monotonic
    _last_draw: float | None = None
    _width: int = 0

    def update(self, cases: int, bytes_read: int) -> None:
        now = self.clock()
        if self._last_draw is not None and now - self._last_draw < self.interval:
            return
        self._last_draw = now
        self._draw(progress_text(cases, bytes_read, self.total_bytes))

    def finish(self) -> None:
        if self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()

    def _draw(self, text: str) -> None:
        self.stream.write("\r" + text.ljust(self._width))
        self.stream.flush()
        self._width = max(self._width, len(text))

"""`batch --jobs N`: the cases navigated in worker processes, their outcomes back in input order.

The parent reads the input, hands it to the workers in small groups of lines and writes
each outcome as its turn comes, so the output is the one a single process gives, line for
line. Only a few groups are in flight at a time: memory stays bounded however long the
input is, and the parent reads no further ahead than the workers can use.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from multiprocessing.context import BaseContext

from her2nav.batch import EncodedResult, InputLine, NavigatedLine, navigate_line_reporting_bugs
from her2nav.navigate import Settings
from her2nav.result import CaseFailure, Result

Encoder = Callable[[Result], bytes]

LINES_PER_TASK = 64  # enough that handing a group to a worker costs little beside navigating it
BYTES_PER_TASK = 1024 * 1024  # a group of very long lines is cut sooner
TASKS_PER_WORKER = 4  # groups in flight per worker: keeps every worker busy, bounds memory


def available_cores() -> int:
    """The cores this process may run on (its affinity, where the system tells it)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not every system has affinity
        return max(1, os.cpu_count() or 1)


def worker_count(jobs: int) -> int:
    """`--jobs`: 0 means one worker per available core."""
    return available_cores() if jobs == 0 else jobs


def navigate_in_parallel(lines: Iterable[InputLine], settings: Settings, jobs: int,
                         encode: Encoder | None = None) -> Iterator[NavigatedLine]:
    """Each line navigated, in input order, by `jobs` workers.

    With `encode` (the writer's, a plain function), a worker also encodes each result and
    sends the encoded line alone; failures always come as outcomes, and the writer stays here.
    """
    workers = worker_count(jobs)
    pool = ProcessPoolExecutor(workers, mp_context=_start_method(), initializer=_leave_interrupts_to_the_parent)
    pending: deque[Future[list[NavigatedLine]]] = deque()
    try:
        for group in _groups(lines):
            pending.append(pool.submit(navigate_group, group, settings, encode))
            if len(pending) >= workers * TASKS_PER_WORKER:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def navigate_group(group: list[InputLine], settings: Settings, encode: Encoder | None) -> list[NavigatedLine]:
    """The work of one task, in a worker: plain values back, to cross the process boundary."""
    done: list[NavigatedLine] = []
    for line in group:
        outcome, trace = navigate_line_reporting_bugs(line, settings)
        if encode is None or isinstance(outcome, CaseFailure):
            done.append((line.number, line.size, outcome, trace))
        else:
            concordance = outcome.concordance.category if outcome.concordance is not None else None
            done.append((line.number, line.size, EncodedResult(encode(outcome), concordance), trace))
    return done


def _groups(lines: Iterable[InputLine]) -> Iterator[list[InputLine]]:
    group: list[InputLine] = []
    size = 0
    for line in lines:
        group.append(line)
        size += line.size
        if len(group) >= LINES_PER_TASK or size >= BYTES_PER_TASK:
            yield group
            group, size = [], 0
    if group:
        yield group


def _start_method() -> BaseContext | None:
    """Fork on Linux: quick, and every worker is started before the pool's own thread is.

    Elsewhere the system's default (spawn on macOS and Windows), where each worker imports her2nav anew.
    """
    return multiprocessing.get_context("fork") if sys.platform == "linux" else None


def _leave_interrupts_to_the_parent() -> None:
    """Ctrl-C stops the parent, which stops the workers; a worker does not print its own traceback."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)

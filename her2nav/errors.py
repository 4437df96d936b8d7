"""Error types and the exit codes of the public contract."""

from __future__ import annotations

import enum
from collections.abc import Iterable


class ExitStatus(enum.IntEnum):
    OK = 0
    INTERNAL_ERROR = 1
    INVALID_INPUT = 2
    OUT_OF_SCOPE = 3


class Her2navError(Exception):
    """An error the user can act on; carries its exit status."""

    exit_status: ExitStatus = ExitStatus.INTERNAL_ERROR

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InvalidCase(Her2navError):
    """The input is not a valid case: names the field, the bad value and what is allowed."""

    exit_status = ExitStatus.INVALID_INPUT

    def __init__(
        self,
        field: str,
        problem: str,
        allowed: Iterable[str] | str | None = None,
        hint: str | None = None,
    ) -> None:
        self.field = field
        text = f"{field}: {problem}"
        if allowed is not None:
            allowed_text = allowed if isinstance(allowed, str) else ", ".join(allowed)
            text += f"; allowed: {allowed_text}"
        if hint:
            text += f" ({hint})"
        super().__init__(text)


class OutOfScope(Her2navError):
    """A valid case the navigator does not cover; says why and what to do."""

    exit_status = ExitStatus.OUT_OF_SCOPE


MAX_PROBLEMS_SHOWN = 10


class InvalidCases(InvalidCase):
    """Several problems of one case, found in one reading: each on its own line, in the case's order."""

    def __init__(self, problems: list[InvalidCase]) -> None:
        self.problems = [p for problem in problems for p in _each(problem)]
        shown = [p.message for p in self.problems[:MAX_PROBLEMS_SHOWN]]
        more = len(self.problems) - len(shown)
        if more:
            shown.append(f"and {more} more")
        Her2navError.__init__(self, "\n".join(shown))
        self.field = self.problems[0].field


def _each(problem: InvalidCase) -> list[InvalidCase]:
    return problem.problems if isinstance(problem, InvalidCases) else [problem]


class OutputFailed(Her2navError):
    """Standard output could not be written (a full disk, a closed stream): exit 1, not a bug."""

    exit_status = ExitStatus.INTERNAL_ERROR

    def __init__(self, error: OSError | ValueError) -> None:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else "the stream is closed"
        super().__init__(f"cannot write output: {reason}")

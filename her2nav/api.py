"""The functions scripts call (`from her2nav import load_case, navigate`); the command line uses them too.

`navigate` itself lives in her2nav/navigate.py; this module adds reading a case and the
record form of one case's outcome, for running the navigator over data frames and partitions.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Mapping
from typing import Any

from her2nav.case import Case
from her2nav.contract import ReferenceMode, failure_to_dict, result_to_dict
from her2nav.errors import Her2navError
from her2nav.navigate import Settings, navigate
from her2nav.read.json_text import parse_json_text
from her2nav.read.sources import read_case_source
from her2nav.result import CaseFailure


def load_case(source: object, as_of: datetime.date | None = None) -> Case:
    """A validated case from a mapping (parsed JSON, as the contract defines it) or a JSON file's path.

    `as_of` is the day the history is told on, as the command line's `--as-of`: a date in the
    case after it is refused. Left out, it is today (read here, as the command line reads it;
    the navigator itself never reads the clock). Raises InvalidCase naming the field, the value
    and what is allowed (also when `source` is neither a mapping nor a path).
    """
    day = as_of if as_of is not None else datetime.date.today()
    if isinstance(source, str | os.PathLike):
        return Case.from_mapping(read_case_source(os.fspath(source)), day)
    return Case.from_mapping(dict(source) if isinstance(source, Mapping) else source, day)


def navigate_record(
    case: Mapping[str, Any] | str | bytes, settings: Settings | None = None, references: str = "full"
) -> dict[str, Any]:
    """One case's line of `her2nav batch`, as a dict: the result, or the error object when it failed.

    `case` is a mapping (parsed JSON) or the JSON text of one case (a line of a JSON Lines
    file), read as strictly as `batch` reads it. Both kinds of record have the same keys, so
    a list of records makes one table. `error.input_line` is null: a record has no input
    line. `settings.as_of` is the day the history is told on (today when not set). A bug is not
    caught: it propagates as from any library call.
    """
    mode = ReferenceMode(references)
    data: object = case
    try:
        if isinstance(case, str | bytes):
            data = parse_json_text(case, "case")
        settings = settings or Settings()
        return result_to_dict(navigate(load_case(data, settings.as_of), settings), mode)
    except Her2navError as error:
        case_id = data.get("id") if isinstance(data, Mapping) else None
        failure = CaseFailure(0, case_id if isinstance(case_id, str) else None, error.exit_status, error.message)
        record = failure_to_dict(failure)
        record["error"]["input_line"] = None
        return record

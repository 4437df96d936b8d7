"""`her2nav batch --format csv`: one row per case, for a spreadsheet (RFC 4180, by the csv module).

Cells that hold several values join them with "; ". A cell of text from the input that a
spreadsheet would run as a formula (it starts with =, +, -, @, a tab or a carriage return) is
prefixed with an apostrophe, which spreadsheets show as text.
"""

from __future__ import annotations

import csv
from typing import Any, TextIO

from attrs import define, field

from her2nav.result import ActionKind, CaseFailure, Result, Tier

HEADER = ("input_line", "id", "line", "preferred", "other_offered", "urgent_actions", "missing_fields",
          "error_code", "error_message", "chosen", "concordance", "concordance_option")
BOM = "\ufeff"
JOINER = "; "
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def inert(text: str) -> str:
    """Text a spreadsheet shows as it is, never runs as a formula."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def csv_row(outcome: Result | CaseFailure, input_line: int) -> list[str]:
    if isinstance(outcome, CaseFailure):
        return [str(input_line), inert(outcome.id or ""), "", "", "", "", "", str(int(outcome.exit_status)),
                inert(outcome.message), "", "", ""]
    preferred = [o.regimen for o in outcome.systemic if o.tier is Tier.PREFERRED]
    others = [o.regimen for o in outcome.systemic if o.tier not in (Tier.PREFERRED, Tier.AVOID)]
    urgent = [action.text for action in outcome.actions if action.kind is ActionKind.URGENT]
    found = outcome.concordance
    return [str(input_line), inert(outcome.case.id or ""), str(outcome.line), JOINER.join(preferred),
            JOINER.join(others), JOINER.join(urgent), JOINER.join(missing_fields(outcome)), "", "",
            " + ".join(found.chosen) if found else "", found.category if found else "",
            (found.regimen or "") if found else ""]


def missing_fields(result: Result) -> list[str]:
    """The case fields whose absence limited the answer, each once, in the result's order."""
    return list(dict.fromkeys(entry.field for entry in result.missing))


@define
class CsvWriter:
    """Writes the header, then one row per outcome as it comes; `excel` starts with a byte-order mark."""

    stream: TextIO
    excel: bool = False
    _rows: Any = field(init=False)  # a csv writer; its type is private to the csv module

    def __attrs_post_init__(self) -> None:
        self._rows = csv.writer(self.stream, lineterminator="\r\n")  # RFC 4180 ends records with CRLF
        if self.excel:
            self.stream.write(BOM)
        self._rows.writerow(HEADER)

    def write(self, outcome: Result | CaseFailure, input_line: int) -> None:
        self._rows.writerow(csv_row(outcome, input_line))
        self.stream.flush()

    def close(self) -> None:
        self.stream.flush()

"""The concordance audit of a batch in words: counts per tier, and the Markdown section of a handout."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from attrs import frozen

from her2nav.render.markdown import cell, table
from her2nav.result import CONCORDANCE_CATEGORIES, NOT_LISTED, CaseFailure, Result
from her2nav.values import Value

NOT_LISTED_WORDS = "not listed"


def category_words(category: str) -> str:
    return NOT_LISTED_WORDS if category == NOT_LISTED else category


def concordance_summary(counts: Mapping[str, int]) -> str:
    """'concordance of the chosen treatment in 7 cases: preferred 4, alternative 1, ...' (every tier named)."""
    total = sum(counts.values())
    cases = "1 case" if total == 1 else f"{total} cases"
    parts = ", ".join(f"{category_words(category)} {counts.get(category, 0)}" for category in CONCORDANCE_CATEGORIES)
    return f"concordance of the chosen treatment in {cases} that give one: {parts}"


@frozen(repr=False)
class ConcordanceRow(Value):
    """One case that gives `chosen`, for the handout's concordance section."""

    input_line: int
    id: str | None
    chosen: str
    category: str
    regimen: str | None
    reason: str


def concordance_row(outcome: Result | CaseFailure, input_line: int) -> ConcordanceRow | None:
    if isinstance(outcome, CaseFailure) or outcome.concordance is None:
        return None
    found = outcome.concordance
    return ConcordanceRow(input_line, outcome.case.id, " + ".join(found.chosen), found.category, found.regimen,
                          found.reason)


def concordance_section(rows: Sequence[ConcordanceRow], counts: Mapping[str, int]) -> str:
    """The handout's section after the summary: counts per tier, then each case with its chosen treatment."""
    if not rows:
        return ""
    lines = ["", "## Concordance of the chosen treatment", "",
             cell(_sentence(concordance_summary(counts))), "",
             *table(("Input line", "Id", "Chosen", "Concordance", "Matching option", "Why"),
                    ((str(row.input_line), cell(row.id) if row.id is not None else "(no id)", cell(row.chosen),
                      category_words(row.category), cell(row.regimen) if row.regimen else "-", cell(row.reason))
                     for row in rows))]
    return "\n".join(lines) + "\n"


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + "."

"""The tumor-board handout: a result as Markdown, to paste into the meeting notes.

Every piece of data is escaped, so an id or a rationale can never become a link, an
image, emphasis or an extra table column; numbers in brackets ([1]) point to the
numbered references at the end of each case.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from urllib.parse import quote

from attrs import frozen

from her2nav.case import Case, Treatment
from her2nav.errors import ExitStatus
from her2nav.knowledge import INTENDED_USE
from her2nav.knowledge.reference_model import Reference
from her2nav.knowledge.references import REFERENCES
from her2nav.render.plain import printable
from her2nav.render.references import citation_text, identifiers_text
from her2nav.render.timeline_markdown import timeline_section
from her2nav.render.words import (
    knowledge_words,
    missing_words,
    modality_words,
    primary_words,
    program_words,
    site_details,
    site_words,
    words,
)
from her2nav.result import ActionKind, CaseFailure, Result, Tier
from her2nav.values import Value

_SPECIAL = frozenset("\\`*_[]<&|~#")
NONE = "none"


def escape(text: str) -> str:
    """Plain text for running Markdown: special characters escaped, line breaks made spaces."""
    escaped = "".join(f"\\{char}" if char in _SPECIAL else char for char in printable(text))
    return " ".join(escaped.splitlines())


def cell(text: str) -> str:
    """Plain text for a table cell: escaped, with line breaks kept as <br>."""
    return "<br>".join(escape(line) for line in text.splitlines()) or " "


def table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    """A Markdown table from cells already escaped."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines.extend("| " + " | ".join(row) + " |" for row in rows)
    return lines


def render_markdown(result: Result, explain: bool = False, prepared: str | None = None) -> str:
    """The handout for one case, as a whole document; `prepared` is the date it was made (ISO)."""
    title = "# Tumor-board handout"
    if result.case.id is not None:
        title += f": {escape(result.case.id)}"
    lines = [title, "", *_intended_use(), "", *_made(prepared), *case_sections(result, level=2, explain=explain)]
    return "\n".join(lines) + "\n"


def _made(prepared: str | None, cases: str = "") -> list[str]:
    """When and with what the handout was made, and the source article when the knowledge base holds it."""
    parts = [f"Prepared {escape(prepared)}"] if prepared else []
    if cases:
        parts.append(cases)
    parts.append(f"{program_words()}, {knowledge_words()}")
    lines = ["; ".join(parts) + ".", ""]
    article = source_article(REFERENCES)
    if article is not None:
        lines += [f"Source article: {_sourcewords(article)}.", ""]
    return lines


def source_article(references: Mapping[str, Reference]) -> Reference | None:
    """The article the navigator started from, once the knowledge base holds it (kind `source`)."""
    return next((ref for ref in references.values() if ref.kind.value == "source"), None)


def _sourcewords(article: Reference) -> str:
    text = f"*{escape(article.trial)}*"
    if article.citation:
        text += f", {escape(article.citation)}"
    return text + f" (`{article.id}`)"


def case_sections(result: Result, level: int, explain: bool = False) -> list[str]:
    """The body of one handout, its headings at `level`: anything urgent first."""
    numbers = {ref_id: number for number, ref_id in enumerate(result.reference_ids, start=1)}
    heading = "#" * level
    lines = [*_urgent(result, heading)]
    lines += [f"{heading} Case", "", *_case_summary(result.case), ""]
    lines += timeline_section(result.case, heading)
    lines += [f"{heading} Line of therapy: {result.line}", "", escape(result.line_reason), ""]
    lines += [f"{heading} Systemic options", "", *_systemic_table(result, numbers), ""]
    lines += [f"{heading} Site-specific options", "", *_site_table(result, numbers), ""]
    lines += [f"{heading} Actions", "", *_actions(result), ""]
    lines += [f"{heading} Missing facts", "", *_missing(result), ""]
    if result.provenance:
        from her2nav.render.provenance import PROVENANCE_HEADER, PROVENANCE_TITLE, provenance_rows

        rows = ([cell(text) for text in row] for row in provenance_rows(result))
        lines += [f"{heading} {PROVENANCE_TITLE}", "", *table(PROVENANCE_HEADER, rows), ""]
    if explain:
        lines += [f"{heading} How the navigator decided", "", *_trace(result), ""]
    lines += [f"{heading} References", "", *_references(result.reference_ids), ""]
    lines.append(_footer())
    return lines


def _urgent(result: Result, heading: str) -> list[str]:
    urgent = [action.text for action in result.actions if action.kind is ActionKind.URGENT]
    if not urgent:
        return []
    return [f"{heading} Urgent", "", *(f"- **URGENT:** {escape(text)}" for text in urgent), ""]


def _intended_use() -> list[str]:
    return [f"> **Intended use:** {escape(INTENDED_USE)}"]


def _footer() -> str:
    return f"*{program_words()}; {knowledge_words()}. {escape(INTENDED_USE)}*"


# ------------------------------------------------------------------ the case


def _given(value: object, unit: str = "") -> str:
    return "not given" if value is None else f"{value}{unit}"


def _yes_no(value: bool | None) -> str:
    return "not given" if value is None else ("yes" if value else "no")


def _number(value: float | None, unit: str) -> str:
    if value is None:
        return "not given"
    return f"{value:g}{unit}"


def _case_summary(case: Case) -> list[str]:
    tests = ", ".join(f"{name} {value.value}" for name, value in
                      (("IHC", case.her2_ihc), ("ISH", case.her2_ish)) if value) or "given directly"
    hormone = "hormone-receptor positive" if case.hormone_receptor_positive else "hormone-receptor negative"
    conditions = ", ".join(words(c.value) for c in case.conditions) or NONE
    lines = [
        f"- **HER2:** {case.her2.value} ({tests})",
        f"- **Hormone receptors:** ER {case.er.value}, PR {case.pr.value}: {hormone}",
        f"- **Presentation:** {words(case.presentation.value)}; metastasis biopsied and re-tested: "
        f"{_yes_no(case.metastasis_biopsied)}",
        f"- **Patient:** {case.sex.value}{_age_text(case)}; menopausal status {case.menopausal_status.value}; "
        f"ECOG {_given(case.ecog)}",
        f"- **LVEF:** {_number(case.lvef, '%')}; **creatinine clearance:** "
        f"{_number(case.creatinine_clearance, ' mL/min')}",
        f"- **Conditions:** {conditions}; **visceral crisis:** {_yes_no(case.visceral_crisis)}",
        *_treatments(case.treatments),
        f"- **Metastatic sites:** {'; '.join(site_details(site) for site in case.sites)}; "
        f"oligometastatic: {_yes_no(case.oligometastatic)}",
        f"- **Primary tumor:** {primary_words(case)}",
    ]
    return lines


def _age_text(case: Case) -> str:
    if case.age is not None:
        return f", {case.age} years"
    return f", born {case.birth_year}" if case.birth_year is not None else ""


def _treatments(treatments: tuple[Treatment, ...]) -> list[str]:
    if not treatments:
        return [f"- **Treatments:** {NONE}"]
    lines = ["- **Treatments** (oldest first):"]
    for number, course in enumerate(treatments, start=1):
        text = f"{' + '.join(course.drugs)}: {course.setting.value}, {course.outcome.value}"
        if course.months_to_recurrence is not None:
            text += f"; metastatic recurrence {course.months_to_recurrence:g} months after"
        lines.append(f"  {number}. {escape(text)}")
    return lines


# ------------------------------------------------------------------ the options


def _citations(evidence: tuple[str, ...], numbers: dict[str, int]) -> str:
    return ", ".join(f"[{numbers[ref_id]}]" for ref_id in evidence) or " "


def _cautions(cautions: tuple[str, ...]) -> str:
    return "<br>".join(f"• {cell(caution)}" for caution in cautions) or " "


def _systemic_table(result: Result, numbers: dict[str, int]) -> list[str]:
    if not result.systemic:
        return ["No systemic option in the knowledge base suits this case."]
    rows = [
        (option.tier.value, f"**{cell(option.regimen)}**<br>{cell(', '.join(option.drugs))}",
         cell(option.rationale), _cautions(option.cautions), _citations(option.evidence, numbers))
        for option in result.systemic
    ]
    return table(("Tier", "Regimen", "Rationale", "Cautions", "Citations"), rows)


def _site_table(result: Result, numbers: dict[str, int]) -> list[str]:
    if not result.site_specific:
        return ["None for this case's sites."]
    rows = [  # in the result's order, as the terminal shows them: sites as the case gives them
        (cell(site_words(option.site)), option.tier.value,
         f"{cell(option.intervention)}<br>({modality_words(option.modality)})", cell(option.rationale),
         _cautions(option.cautions), _citations(option.evidence, numbers))
        for option in result.site_specific
    ]
    return table(("Site", "Tier", "Intervention", "Rationale", "Cautions", "Citations"), rows)


def _actions(result: Result) -> list[str]:
    if not result.actions:
        return [NONE.capitalize() + "."]
    ordered = sorted(result.actions, key=lambda action: action.kind is not ActionKind.URGENT)
    lines = []
    for number, action in enumerate(ordered, start=1):
        kind = "**URGENT**" if action.kind is ActionKind.URGENT else f"**{words(action.kind.value)}**"
        lines.append(f"{number}. {kind}: {escape(action.text)}")
    return lines


def _missing(result: Result) -> list[str]:
    if not result.missing:
        return [NONE.capitalize() + "."]
    return [f"- {escape(missing_words(fact, result.case))}" for fact in result.missing]


def _trace(result: Result) -> list[str]:
    return [f"{number}. **{escape(step.step)}**: {escape(step.decision)}. Because: {escape(step.because)}"
            for number, step in enumerate(result.trace, start=1)]


def _references(reference_ids: tuple[str, ...]) -> list[str]:
    if not reference_ids:
        return [NONE.capitalize() + "."]
    lines = []
    for number, ref_id in enumerate(reference_ids, start=1):
        reference = REFERENCES[ref_id]
        marker = f"{number}. "
        lines.append(f"{marker}**{escape(reference.trial)}** (`{ref_id}`): {escape(citation_text(reference))}. "
                     f"{identifier_links(reference)}.")
        lines.append(f"{' ' * len(marker)}- Finding: {escape(reference.finding)}")
    return lines


def identifier_links(reference: Reference) -> str:
    """DOI and PMID as links (doi.org, PubMed), or why there is neither."""
    links = []
    if reference.doi:
        links.append(f"[DOI {escape(reference.doi)}](<https://doi.org/{quote(reference.doi, safe='/:;()._-')}>)")
    if reference.pmid:
        links.append(f"[PMID {escape(reference.pmid)}](<https://pubmed.ncbi.nlm.nih.gov/{quote(reference.pmid)}/>)")
    return "; ".join(links) or escape(identifiers_text(reference))


# ------------------------------------------------------------------ a batch


@frozen(repr=False)
class SummaryRow(Value):
    """One case's line in the summary table at the top of a batch handout."""

    input_line: int
    id: str | None
    line: str
    preferred: str
    urgent: str


def summary_row(outcome: Result | CaseFailure, input_line: int) -> SummaryRow:
    if isinstance(outcome, CaseFailure):
        status = _statuswords(outcome.exit_status)
        return SummaryRow(input_line, outcome.id, "-", f"not navigated ({status}, exit "
                          f"{int(outcome.exit_status)}): {outcome.message}", "-")
    preferred = [option.regimen for option in outcome.systemic if option.tier is Tier.PREFERRED]
    urgent = [action.text for action in outcome.actions if action.kind is ActionKind.URGENT]
    return SummaryRow(input_line, outcome.case.id, str(outcome.line), "; ".join(preferred) or NONE,
                      "\n".join(urgent) or NONE)


def _statuswords(status: ExitStatus) -> str:
    return {ExitStatus.INVALID_INPUT: "invalid input", ExitStatus.OUT_OF_SCOPE: "out of scope",
            ExitStatus.INTERNAL_ERROR: "internal error"}.get(status, status.name.lower())


def batch_head(rows: Sequence[SummaryRow], prepared: str | None = None) -> str:
    """The top of a batch handout: title, intended use, the date and the summary table."""
    cases = "1 case" if len(rows) == 1 else f"{len(rows)} cases"
    lines = ["# Tumor-board handouts", "", *_intended_use(), "", *_made(prepared, cases),
             "## Summary", "", *_summary_table(rows)]
    return "\n".join(lines) + "\n"


def _summary_table(rows: Sequence[SummaryRow]) -> list[str]:
    if not rows:
        return ["No cases were read."]
    return table(("Input line", "Id", "Line", "Preferred option", "Urgent actions"),
                 ((str(row.input_line), cell(row.id) if row.id is not None else "(no id)", row.line,
                   cell(row.preferred), cell(row.urgent)) for row in rows))


def batch_section(outcome: Result | CaseFailure, input_line: int, explain: bool = False) -> str:
    """One case of a batch handout: a level-2 heading and its handout, or why it failed."""
    case_id = outcome.case.id if isinstance(outcome, Result) else outcome.id
    title = f"## Input line {input_line}"
    if case_id is not None:
        title += f": {escape(case_id)}"
    if isinstance(outcome, CaseFailure):
        body = [f"**Not navigated** ({_statuswords(outcome.exit_status)}, exit {int(outcome.exit_status)}): "
                f"{escape(outcome.message)}"]
    else:
        body = case_sections(outcome, level=3, explain=explain)
    return "\n".join(["", title, "", *body]) + "\n"

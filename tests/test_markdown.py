"""The tumor-board handout: committed handouts for the examples, and data that cannot break it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from attrs import evolve

from her2nav.knowledge.reference_model import SourceKind
from her2nav.knowledge.references import REFERENCES
from her2nav.navigate import navigate
from her2nav.render.markdown import cell, escape, render_markdown
from her2nav.result import Action, ActionKind, Modality, Result, SiteOption, Tier
from tests.conftest import run

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
CASES = sorted(EXAMPLES.glob("*.json"))
HANDOUT_DATE = "2026-11-29"  # as in scripts/update_expected.py


def test_every_example_has_a_committed_handout() -> None:
    assert {p.stem for p in (EXAMPLES / "expected").glob("*.md")} == {p.stem for p in CASES}


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_example_handout_matches_the_committed_file(path: Path) -> None:
    from her2nav.case import Case

    result = navigate(Case.from_mapping(json.loads(path.read_text(encoding="utf-8"))))
    expected = (EXAMPLES / "expected" / f"{path.stem}.md").read_text(encoding="utf-8")
    assert render_markdown(result, prepared=HANDOUT_DATE) == expected


def section(text: str, heading: str) -> str:
    start = text.index(f"## {heading}\n")
    end = text.find("\n## ", start + 1)
    return text[start:end if end != -1 else None]


def table_rows(text: str) -> list[str]:
    """The body rows of the table in `text`: the lines after the |---| separator."""
    lines = text.splitlines()
    start = next(n for n, line in enumerate(lines) if line.startswith("|---"))
    return [line for line in lines[start + 1:] if line.startswith("| ")]


def unescaped_pipes(line: str) -> int:
    return line.count("|") - line.count("\\|")


def test_the_handout_has_every_part_in_order() -> None:
    text = render_markdown(run())
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert headings == ["# Tumor-board handout", "## Case", "## Line of therapy: 1", "## Systemic options",
                        "## Site-specific options", "## Actions", "## Missing facts", "## References"]
    assert "> **Intended use:** Decision support for specialists" in text
    assert text.rstrip().endswith("verify against current guidelines and the patient.*")
    assert "knowledge base 2026" in text.splitlines()[-1]


def test_the_case_summary_gives_the_facts_used() -> None:
    result = run(id="slot 3", er="positive", lvef=None, conditions=["dpd_deficiency"],
                 treatments=[{"drugs": ["THP"], "setting": "metastatic"}],
                 sites=[{"site": "brain", "lesions": 2, "status": "untreated"}, {"site": "bone"}])
    summary = section(render_markdown(result), "Case")
    assert "- **HER2:** positive (IHC 3+)" in summary
    assert "- **Hormone receptors:** ER positive, PR negative: hormone-receptor positive" in summary
    assert "- **LVEF:** not given; **creatinine clearance:** 80 mL/min" in summary
    assert "- **Conditions:** dpd deficiency; **visceral crisis:** no" in summary
    assert "  1. docetaxel + trastuzumab + pertuzumab: metastatic, progression" in summary
    assert "- **Metastatic sites:** brain (2 lesions, untreated); bone; oligometastatic: no" in summary


def test_systemic_options_are_a_table_with_tier_rationale_cautions_and_numbered_citations() -> None:
    result = run(lvef=45)
    text = render_markdown(result)
    rows = table_rows(section(text, "Systemic options"))
    assert len(rows) == len(result.systemic)
    numbers = {ref_id: n for n, ref_id in enumerate(result.reference_ids, start=1)}
    for row, option in zip(rows, result.systemic, strict=True):
        assert row.startswith(f"| {option.tier.value} | **{escape(option.regimen)}**<br>")
        assert escape(option.rationale) in row
        assert row.endswith(f"| {', '.join(f'[{numbers[r]}]' for r in option.evidence)} |")
        for caution in option.cautions:
            assert f"• {escape(caution)}" in row
    references = section(text, "References")
    for ref_id, number in numbers.items():
        assert f"\n{number}. **{escape(REFERENCES[ref_id].trial)}** (`{ref_id}`)" in references


def test_a_pipe_or_line_break_in_data_cannot_break_the_table() -> None:
    result = run()
    first = result.systemic[0]
    odd = evolve(first, regimen="A | B", rationale="line one\nline two | with a pipe",
                 cautions=("caution | one", "two\nlines"))
    rows = table_rows(section(render_markdown(evolve(result, systemic=(odd,))), "Systemic options"))
    assert len(rows) == 1
    assert unescaped_pipes(rows[0]) == 6  # five cells
    assert "line one<br>line two \\| with a pipe" in rows[0]
    assert "• caution \\| one<br>• two<br>lines" in rows[0]


def test_an_id_cannot_become_a_link_image_or_heading_break() -> None:
    text = render_markdown(run(id="x ![img](http://e.test/a.png) [link](http://e.test) <b>bold</b>\n# h"))
    title = text.splitlines()[0]
    assert title == ("# Tumor-board handout: x !\\[img\\](http://e.test/a.png) \\[link\\](http://e.test) "
                     "\\<b>bold\\</b> \\# h")
    assert "\n# h" not in text


def test_escaping_keeps_plain_words_readable() -> None:
    assert escape("HR 0.65 (95% CI 0.55-0.77); P=0.02") == "HR 0.65 (95% CI 0.55-0.77); P=0.02"
    assert escape("P<0.001, *not* _this_") == "P\\<0.001, \\*not\\* \\_this\\_"
    assert cell("") == " "


def test_urgent_actions_come_first() -> None:
    result = evolve(run(), actions=(Action(ActionKind.CARDIAC_ASSESSMENT, "Echo first."),
                                    Action(ActionKind.URGENT, "Cord compression: steroids and MRI today.")))
    actions = section(render_markdown(result), "Actions")
    assert actions.splitlines()[2:4] == ["1. **URGENT**: Cord compression: steroids and MRI today.",
                                         "2. **cardiac assessment**: Echo first."]


def test_missing_facts_are_listed() -> None:
    missing = section(render_markdown(run(ecog=None)), "Missing facts")
    assert "- ecog: not given; fitness for chemotherapy was not judged" in missing


def test_site_specific_options_are_a_table_sharing_the_reference_numbers() -> None:
    result = run()
    cited = result.reference_ids[0]
    site = SiteOption(site="bone", intervention="Radiotherapy 8 Gy | single fraction", modality=Modality.RADIATION,
                      tier=Tier.PREFERRED, rationale="Painful bone metastasis.", evidence=(cited,))
    text = render_markdown(evolve(result, site_specific=(site,)))
    rows = table_rows(section(text, "Site-specific options"))
    assert rows == ["| bone | preferred | Radiotherapy 8 Gy \\| single fraction<br>(radiation) | "
                    "Painful bone metastasis. |   | [1] |"]


def test_no_site_option_says_so() -> None:
    without_sites = evolve(run(), site_specific=())
    assert "None for this case's sites." in section(render_markdown(without_sites), "Site-specific options")


def test_references_give_doi_or_pmid_or_say_they_are_not_verified() -> None:
    with_doi = next(r for r in REFERENCES.values() if r.doi and r.pmid)
    unverified = next(r for r in REFERENCES.values() if not r.doi and not r.pmid and r.kind is not SourceKind.LABEL)
    result = run()
    option = evolve(result.systemic[0], evidence=(with_doi.id, unverified.id))
    references = section(render_markdown(evolve(result, systemic=(option,))), "References")
    lines = references.splitlines()
    assert lines[2].endswith(f"[DOI {escape(with_doi.doi or '')}](<https://doi.org/{with_doi.doi}>); "
                             f"[PMID {with_doi.pmid}](<https://pubmed.ncbi.nlm.nih.gov/{with_doi.pmid}/>).")
    assert lines[3] == f"   - Finding: {escape(with_doi.finding)}"
    assert lines[4].startswith(f"2. **{escape(unverified.trial)}** (`{unverified.id}`)")
    assert lines[4].endswith("DOI/PMID not verified.")


def test_the_explanation_is_only_added_when_asked() -> None:
    result: Result = run()
    assert "How the navigator decided" not in render_markdown(result)
    explained = section(render_markdown(result, explain=True), "How the navigator decided")
    assert len([line for line in explained.splitlines() if line[:1].isdigit()]) == len(result.trace)

"""The handout (`--format markdown`): anything urgent first, the date it was prepared, DOIs and PMIDs
as links, the source article named once the knowledge base holds it, and site rows in the order the
terminal shows them."""

from __future__ import annotations

import datetime
import re

from her2nav.knowledge.references import REFERENCES
from her2nav.render.markdown import identifier_links, render_markdown, source_article
from tests.clirun import run_cli
from tests.conftest import run

CORD_COMPRESSION = {"sites": [{"site": "bone", "lesions": 2, "symptoms": ["pain", "cord_compression"]}]}


def _headings(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("## ")]


def test_cord_compression_puts_the_urgent_action_before_the_case_and_the_options() -> None:
    text = render_markdown(run(**CORD_COMPRESSION))
    assert _headings(text)[:2] == ["## Urgent", "## Case"]
    urgent = text[text.index("## Urgent"):text.index("## Case")]
    assert "- **URGENT:** Spinal cord compression: give dexamethasone now" in urgent


def test_no_urgent_section_when_nothing_is_urgent() -> None:
    assert "## Urgent" not in render_markdown(run())


def test_the_date_given_is_the_date_printed_and_today_otherwise() -> None:
    given = run_cli("recommend", "examples/second-line-after-thp.json", "--format", "markdown", "--date", "2026-03-04")
    assert "Prepared 2026-03-04;" in given.stdout
    today = run_cli("recommend", "examples/second-line-after-thp.json", "--format", "markdown")
    assert f"Prepared {datetime.date.today().isoformat()};" in today.stdout


def test_a_date_that_is_not_a_date_is_refused_naming_the_flag() -> None:
    bad = run_cli("recommend", "examples/second-line-after-thp.json", "--format", "markdown", "--date", "4/3/26")
    assert bad.code == 2
    assert "--date" in bad.stderr and "YYYY-MM-DD" in bad.stderr


def test_a_batch_handout_is_dated_once_at_the_top() -> None:
    lines = run_cli("batch", "-", "--format", "markdown", "--date", "2026-03-04",
                    stdin=b'{"her2": "positive", "er": "negative", "pr": "negative", "presentation": "de_novo", '
                          b'"sites": [{"site": "liver", "lesions": 3}]}\n').stdout
    assert lines.count("Prepared 2026-03-04") == 1


def test_doi_and_pmid_are_links_to_doi_org_and_pubmed() -> None:
    reference = REFERENCES["destiny-breast03-2024"]
    assert reference.doi and reference.pmid
    links = identifier_links(reference)
    assert f"(<https://doi.org/{reference.doi}>)" in links
    assert f"(<https://pubmed.ncbi.nlm.nih.gov/{reference.pmid}/>)" in links


def test_a_source_without_identifiers_says_why_instead_of_linking() -> None:
    unlinked = next(ref for ref in REFERENCES.values() if not ref.doi and not ref.pmid)
    assert "](" not in identifier_links(unlinked)


def test_references_in_the_handout_link_every_identifier() -> None:
    result = run()
    text = render_markdown(result)
    references = text[text.index("## References"):]
    with_doi = [ref_id for ref_id in result.reference_ids if REFERENCES[ref_id].doi]
    assert len(re.findall(r"\[DOI [^]]+\]\(<https://doi\.org/", references)) == len(with_doi) > 0


def test_the_handout_names_the_source_article_it_started_from() -> None:
    """Rule 10.10: the 2019 patient-education article is a reference of its own kind, named in the handout."""
    article = source_article(REFERENCES)
    assert article is not None and article.id == "source-article-2019"
    assert "Treating Metastatic HER2-Positive Breast Cancer" in render_markdown(run())


def test_site_rows_follow_the_case_order_as_in_the_terminal_view() -> None:
    result = run(sites=[{"site": "liver", "lesions": 3}, {"site": "bone", "lesions": 2, "symptoms": ["pain"]}])
    text = render_markdown(result)
    table = text[text.index("## Site-specific options"):text.index("## Actions")]
    sites = [row.split("|")[1].strip() for row in table.splitlines() if row.startswith("| ") and "---" not in row][1:]
    assert sites == [option.site for option in result.site_specific] == sorted(sites, key=["liver", "bone"].index)

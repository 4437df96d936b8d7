"""The 2019 source article is a reference (clinical-rules.md 10.10).

It is in the knowledge base as a reference of its own kind (`source`), titled "Treating Metastatic
HER2-Positive Breast Cancer", a patient-education article of about 2019 without a DOI; `references`
lists it, and every result that mentions it cites it.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, reject

from her2nav.case import Case
from her2nav.errors import InvalidCase, OutOfScope
from her2nav.knowledge.reference_model import SourceKind
from her2nav.knowledge.references import REFERENCES
from her2nav.navigate import Settings, navigate
from her2nav.render.references import identifiers_text
from her2nav.result import Result
from tests.clirun import run_cli
from tests.conftest import all_text, course, progressed_on, run
from tests.scenarios import brain
from tests.test_properties import PROPERTY_SETTINGS, case_mapping, navigator_settings

SOURCE = "source-article-2019"


def mentions_source(result: Result) -> bool:
    texts = [all_text(result), *(o.rationale for o in result.site_specific),
             *(c for o in result.site_specific for c in o.cautions)]
    return any("source article" in text for text in texts)


def test_the_source_article_is_a_reference_of_its_own_kind() -> None:
    reference = REFERENCES[SOURCE]
    assert reference.kind is SourceKind.SOURCE
    assert reference.citation.startswith("Treating Metastatic HER2-Positive Breast Cancer")
    assert "about 2019" in reference.trial
    assert reference.doi is None and reference.pmid is None
    assert "patient-education" in reference.citation
    assert identifiers_text(reference) == "No DOI or PMID: a patient-education article"


def test_the_references_command_lists_it() -> None:
    out = run_cli("references", "--format", "json")
    assert out.code == 0
    assert SOURCE in out.stdout


def test_tdm1_at_second_line_cites_the_article_it_corrects() -> None:
    result = run(treatments=progressed_on("THP"))
    assert mentions_source(result)
    assert SOURCE in result.reference_ids


def test_primary_surgery_for_survival_cites_it() -> None:
    result = run(primary_tumor={"intact": True})
    assert SOURCE in result.reference_ids


def test_a_brain_case_cites_it_for_the_then_and_now_trace() -> None:
    result = run(**brain("treated_stable"))
    assert SOURCE in result.reference_ids


def test_a_case_that_never_mentions_it_does_not_cite_it() -> None:
    result = run(treatments=[course("THP", outcome="ongoing")])
    assert not mentions_source(result)
    assert SOURCE not in result.reference_ids


@PROPERTY_SETTINGS
@given(case_mapping(), navigator_settings)
def test_every_result_that_mentions_the_source_article_cites_it(mapping: dict[str, Any], config: Settings) -> None:
    try:
        result = navigate(Case.from_mapping(mapping), config)
    except (InvalidCase, OutOfScope):
        reject()
    if mentions_source(result):
        assert SOURCE in result.reference_ids

"""`her2nav references`: every study the answers can cite, findable by id."""

from __future__ import annotations

import importlib
import itertools
import json
import pkgutil
from collections.abc import Iterator, Mapping
from typing import Any

import pytest

import her2nav.knowledge
from her2nav.case import Case
from her2nav.errors import Her2navError
from her2nav.knowledge.reference_model import SourceKind
from her2nav.knowledge.references import REFERENCES
from her2nav.knowledge.regimens import REGIMENS
from her2nav.navigate import Settings, navigate
from tests.clirun import example_lines, run_cli
from tests.conftest import case_mapping


def evidence_in(value: Any, depth: int = 0) -> Iterator[str]:
    """Reference ids held in `evidence` attributes anywhere inside a knowledge value."""
    if depth > 6 or isinstance(value, (str, bytes, int, float, type)) or value is None:
        return
    evidence = getattr(value, "evidence", None)
    if isinstance(evidence, tuple):
        yield from (ref_id for ref_id in evidence if isinstance(ref_id, str))
    if isinstance(value, Mapping):
        for item in value.values():
            yield from evidence_in(item, depth + 1)
    elif isinstance(value, (tuple, list, set, frozenset)):
        for item in value:
            yield from evidence_in(item, depth + 1)


def knowledge_evidence_ids() -> set[str]:
    """Every id in the knowledge modules' regimens, site options and other cited items."""
    ids = {ref_id for regimen in REGIMENS.values() for ref_id in regimen.evidence}
    for info in pkgutil.iter_modules(her2nav.knowledge.__path__):
        if info.name in ("references", "reference_model"):
            continue
        module = importlib.import_module(f"her2nav.knowledge.{info.name}")
        for value in vars(module).values():
            ids.update(evidence_in(value))
    return ids


def generated_cases() -> Iterator[dict[str, Any]]:
    """A spread of cases over lines, receptors, conditions and sites, to collect what results cite."""
    histories = [[], [{"drugs": ["THP"], "setting": "metastatic"}],
                 [{"drugs": ["THP"], "setting": "metastatic"}, {"drugs": ["T-DXd"], "setting": "metastatic"}],
                 [{"drugs": ["THP"], "setting": "metastatic"}, {"drugs": ["T-DXd"], "setting": "metastatic"},
                  {"drugs": ["tucatinib", "trastuzumab", "capecitabine"], "setting": "metastatic"}]]
    receptors = [("negative", "negative"), ("positive", "positive")]
    conditions = [[], ["interstitial_lung_disease"], ["heart_failure"], ["peripheral_neuropathy"],
                  ["dpd_deficiency"], ["pregnancy"]]
    sites = [[{"site": "liver", "lesions": 3}], [{"site": "brain", "lesions": 2, "status": "untreated"}],
             [{"site": "bone", "lesions": 2, "symptoms": ["pain", "impending_fracture"]}],
             [{"site": "bone", "symptoms": ["cord_compression"]}], [{"site": "pleura", "symptoms": ["effusion"]}],
             [{"site": "brain", "lesions": 1, "status": "treated_stable", "leptomeningeal": True}]]
    for history, (er, pr), condition, site in itertools.product(histories, receptors, conditions, sites):
        yield case_mapping(treatments=history, er=er, pr=pr, conditions=condition, sites=site)
    yield case_mapping(lvef=None, ecog=None, creatinine_clearance=None)
    yield case_mapping(primary_tumor={"intact": True, "symptoms": ["bleeding"]})


def cited_by_results() -> set[str]:
    ids: set[str] = set()
    mappings = [*(json.loads(line) for line in example_lines()), *generated_cases()]
    for mapping in mappings:
        try:
            result = navigate(Case.from_mapping(mapping), Settings())
        except Her2navError:
            continue
        ids.update(result.reference_ids)
    return ids


def listed_ids(*args: str) -> list[str]:
    run = run_cli("references", "--format", "json", *args)
    assert run.code == 0
    return [reference["id"] for reference in run.json()["references"]]


def test_references_lists_every_study_in_the_knowledge_base() -> None:
    assert listed_ids() == list(REFERENCES)


def test_references_lists_every_id_the_decisions_can_cite() -> None:
    citable = knowledge_evidence_ids() | cited_by_results()
    assert len(citable) > 20
    assert citable <= set(listed_ids())


def test_the_table_shows_every_id_and_its_identifiers() -> None:
    run = run_cli("references", "--width", "400")
    assert run.code == 0
    for reference in REFERENCES.values():
        assert reference.id in run.stdout
        if reference.doi:
            assert f"DOI {reference.doi}" in run.stdout
    assert f"{len(REFERENCES)} references." in run.stdout


def test_json_gives_each_reference_with_its_finding_and_the_knowledge_base_version() -> None:
    document = run_cli("references", "--format", "json").json()
    assert document["schema_version"] == "2"
    assert set(document["knowledge_base"]) == {"version", "evidence_as_of"}
    first = next(iter(REFERENCES.values()))
    entry = document["references"][0]
    assert (entry["id"], entry["trial"], entry["finding"]) == (first.id, first.trial, first.finding)


def test_id_shows_only_that_reference_in_any_letter_case() -> None:
    wanted = next(reference for reference in REFERENCES.values() if reference.doi)
    assert listed_ids("--id", wanted.id.upper()) == [wanted.id]
    run = run_cli("references", "--id", wanted.id, "--width", "200")
    assert run.code == 0
    assert wanted.id in run.stdout and f"DOI {wanted.doi}" in run.stdout
    assert "1 reference." in run.stdout


def test_a_reference_without_identifiers_says_so() -> None:
    unverified = next(r for r in REFERENCES.values() if not r.doi and not r.pmid and r.kind is not SourceKind.LABEL)
    label = next(r for r in REFERENCES.values() if r.kind is SourceKind.LABEL)
    run = run_cli("references", "--id", unverified.id, "--id", label.id, "--width", "200")
    assert "DOI/PMID not verified" in run.stdout
    assert "No DOI or PMID: a drug label" in run.stdout


def test_an_unknown_id_exits_2_with_a_suggestion() -> None:
    run = run_cli("references", "--id", "cleopatra")
    assert (run.code, run.stdout) == (2, "")
    assert run.stderr.startswith("her2nav: --id: 'cleopatra' is not a reference id; allowed: one of the "
                                 f"{len(REFERENCES)} ids that 'her2nav references' lists (did you mean 'cleopatra-")


@pytest.mark.parametrize("args", [["--format", "csv"], ["--width", "10"]])
def test_a_bad_option_exits_2(args: list[str]) -> None:
    run = run_cli("references", *args)
    assert run.code == 2
    assert run.stdout == ""

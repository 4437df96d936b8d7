"""Input as people type it: any case and '-' or '_' in enum values, a 'did you mean' for every enum,
and every problem of a case in one run, in the order the JSON gives its keys."""

from __future__ import annotations

import json
from typing import Any

import pytest

from her2nav.case import BrainStatus, Case, Outcome, Presentation, Setting, SiteName, Symptom
from her2nav.errors import InvalidCase, InvalidCases
from tests.clirun import run_cli
from tests.conftest import case_mapping


def test_enum_values_ignore_case_and_take_hyphens_for_underscores() -> None:
    case = Case.from_mapping(case_mapping(
        presentation="De-Novo", er="NEGATIVE", her2_ish="Not-Amplified", her2_ihc="3+", her2="Positive",
        sites=[{"site": "Lymph-Node"}, {"site": "BONE", "symptoms": ["Cord-Compression"]},
               {"site": "brain", "status": "treated-stable"}],
        treatments=[{"drugs": ["THP"], "setting": "Metastatic", "outcome": "Progression"}]))
    assert case.presentation is Presentation.DE_NOVO
    assert [s.site for s in case.sites] == [SiteName.LYMPH_NODE, SiteName.BONE, SiteName.BRAIN]
    assert case.sites[1].symptoms == (Symptom.CORD_COMPRESSION,)
    assert case.sites[2].status is BrainStatus.TREATED_STABLE
    assert (case.treatments[0].setting, case.treatments[0].outcome) == (Setting.METASTATIC, Outcome.PROGRESSION)


def test_flags_ignore_case_and_take_hyphens_for_underscores() -> None:
    run = run_cli("recommend", "--her2", "Positive", "--er", "negative", "--presentation", "de-novo",
                  "--site", "Liver:3", "--site", "Bone:Pain,Cord-Compression", "--treatment",
                  "THP:Metastatic:Progression", "--format", "json")
    assert run.code == 0, run.stderr
    case = run.json()["case"]
    assert [s["site"] for s in case["sites"]] == ["liver", "bone"]
    assert case["sites"][1]["symptoms"] == ["pain", "cord_compression"]
    assert case["treatments"][0]["outcome"] == "progression"


@pytest.mark.parametrize(("args", "hint"), [
    (["--treatment", "THP:metastatc"], "did you mean 'metastatic'?"),
    (["--treatment", "THP:metastatic:progresion"], "did you mean 'progression'?"),
    (["--site", "liver:ascities"], "did you mean 'ascites'?"),
    (["--site", "brain:untreatd"], "did you mean 'untreated'?"),
    (["--site", "livr"], "did you mean 'liver'?"),
    (["--menopausal-status", "postt"], "did you mean 'post'?"),
])
def test_every_enum_on_the_command_line_has_a_did_you_mean(args: list[str], hint: str) -> None:
    run = run_cli("recommend", "--her2", "positive", "--er", "negative", "--presentation", "de_novo",
                  *(["--site", "liver"] if "--site" not in args else []), *args)
    assert run.code == 2
    assert hint in run.stderr


@pytest.mark.parametrize(("changes", "hint"), [
    ({"treatments": [{"drugs": ["THP"], "setting": "adjuvent"}]}, "did you mean 'adjuvant'?"),
    ({"treatments": [{"drugs": ["THP"], "setting": "metastatic", "outcome": "toxcity"}]}, "did you mean 'toxicity'?"),
    ({"sites": [{"site": "bone", "symptoms": ["fractur"]}]}, "did you mean 'fracture'?"),
    ({"primary_tumor": {"intact": True, "symptoms": ["bleding"]}}, "did you mean 'bleeding'?"),
])
def test_every_enum_in_json_has_a_did_you_mean(changes: dict[str, Any], hint: str) -> None:
    with pytest.raises(InvalidCase) as caught:
        Case.from_mapping(case_mapping(**changes))
    assert hint in caught.value.message


def test_all_problems_of_a_case_are_reported_at_once_in_json_key_order() -> None:
    mapping = {"sites": [{"site": "livr"}], "er": "positve", "treatments": [
        {"drugs": ["THP"], "setting": "metastatc"}, {"drugs": ["Herceptn"], "setting": "adjuvant"}],
        "ecog": 7}
    with pytest.raises(InvalidCases) as caught:
        Case.from_mapping(mapping)
    fields = [problem.field for problem in caught.value.problems]
    assert fields == ["sites[0].site", "er", "treatments[0].setting", "treatments[1].drugs[0]", "ecog",
                      "her2", "presentation"]  # then what is required but absent
    assert caught.value.message.count("\n") == len(fields) - 1


def test_more_than_ten_problems_show_ten_and_how_many_more() -> None:
    mapping = case_mapping(sites=[{"site": f"organ{n}"} for n in range(13)])
    with pytest.raises(InvalidCases) as caught:
        Case.from_mapping(mapping)
    lines = caught.value.message.split("\n")
    assert len(lines) == 11
    assert lines[-1] == "and 3 more"
    assert lines[0].startswith('sites[0].site: "organ0" is not a known value')


def test_the_command_line_prints_each_problem_on_its_own_line() -> None:
    run = run_cli("recommend", "-", stdin=json.dumps({"er": "maybe", "sites": []}).encode())
    assert run.code == 2
    lines = run.stderr.splitlines()
    assert [line.split(":")[1].strip() for line in lines] == ["er", "sites", "her2", "presentation"]
    assert all(line.startswith("her2nav: ") for line in lines)


def test_a_version_1_case_still_reads_and_the_result_is_version_2_with_missing_as_objects() -> None:
    run = run_cli("recommend", "-", "--format", "json",
                  stdin=json.dumps(case_mapping(schema_version="1", ecog=None)).encode())
    assert run.code == 0, run.stderr
    result = run.json()
    assert result["schema_version"] == "2"
    assert {"field": "ecog", "assumed": "not given", "effect": "fitness for chemotherapy was not judged"} \
        in result["missing"]


def test_several_bad_list_flags_are_reported_together() -> None:
    run = run_cli("recommend", "--her2", "positive", "--er", "negative", "--presentation", "de_novo",
                  "--treatment", "THP:metastatc", "--site", "liver:ascities",
                  "--treatment", "T-DXd:metastatic:progresion")
    assert run.code == 2
    lines = run.stderr.splitlines()
    assert len(lines) == 3
    assert ["metastatic" in lines[0], "progression" in lines[1], "ascites" in lines[2]] == [True, True, True]


def test_problems_inside_a_course_follow_its_keys_order() -> None:
    mapping = case_mapping(treatments=[{"outcome": "progresion", "setting": "metastatc", "drugs": ["Herceptn"]}])
    with pytest.raises(InvalidCases) as caught:
        Case.from_mapping(mapping)
    assert [p.field for p in caught.value.problems] == ["treatments[0].outcome", "treatments[0].setting",
                                                        "treatments[0].drugs[0]"]

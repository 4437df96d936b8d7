"""Stable keys, in the manner of flake8's code registry: every key a result can give is registered, and
every registered key is given for some case.

Options are joined on keys (a systemic option's regimen key, a site entry's intervention key), never
on display names: "T-DXd" names both `tdxd` and `tdxd-later`. The cases that reach the rarer entries
are written out below, one clinical situation each; the shipped examples and the benchmark's
generated tumor-board list reach the rest.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings

from benchmarks.generate_cases import generate
from her2nav.case import Case
from her2nav.contract import to_dict
from her2nav.errors import Her2navError
from her2nav.knowledge import brain_extent, site_care
from her2nav.knowledge.actions import ACTION_CODES
from her2nav.knowledge.caution_codes import CAUTION_CODES
from her2nav.knowledge.interventions import INTERVENTIONS
from her2nav.knowledge.regimens import CONTINUE_KEY, REGIMENS
from her2nav.navigate import Settings, navigate
from her2nav.result import Result
from tests.clirun import EXAMPLES
from tests.conftest import property_examples
from tests.test_properties import case_mapping as any_case

SYSTEMIC_KEYS = frozenset({*REGIMENS, CONTINUE_KEY})
SITE_KEYS = frozenset(INTERVENTIONS)

BASE: dict[str, Any] = {"her2_ihc": "3+", "er": "negative", "pr": "negative", "presentation": "de_novo",
                        "ecog": 1, "sites": [{"site": "liver", "lesions": 3}]}  # LVEF not given
ONGOING_THP = [{"drugs": ["THP"], "setting": "metastatic", "outcome": "ongoing"}]
BRAIN_PROGRESSING = [{"site": "brain", "lesions": 2, "status": "progressing_after_local_therapy"}]

RARE_SITUATIONS: dict[str, dict[str, Any]] = {
    "trastuzumab with docetaxel completed, HR-negative: trastuzumab maintenance": {
        "treatments": [{"drugs": ["docetaxel", "trastuzumab"], "setting": "metastatic", "outcome": "completed"}]},
    "trastuzumab with docetaxel completed, HR-positive: trastuzumab and endocrine maintenance": {
        "er": "positive",
        "treatments": [{"drugs": ["docetaxel", "trastuzumab"], "setting": "metastatic", "outcome": "completed"}]},
    "THP completed, HR-negative: trastuzumab and pertuzumab maintenance": {
        "treatments": [{"drugs": ["THP"], "setting": "metastatic", "outcome": "completed"}]},
    "THP completed, HR-positive: HP and endocrine maintenance": {
        "er": "positive", "treatments": [{"drugs": ["THP"], "setting": "metastatic", "outcome": "completed"}]},
    "later line, pertuzumab never received: pertuzumab, trastuzumab and chemotherapy": {
        "treatments": [{"drugs": ["TH"], "setting": "metastatic", "outcome": "progression"},
                       {"drugs": ["T-DXd"], "setting": "metastatic", "outcome": "progression"}]},
    "brain-only progression on THP that can go on: treat the brain again, keep THP": {
        "treatments": ONGOING_THP, "sites": BRAIN_PROGRESSING},
    "brain progression on THP that must stop (LVEF 35%): treat the brain, switch regimen": {
        "treatments": ONGOING_THP, "lvef": 35, "sites": BRAIN_PROGRESSING},
    "brain metastases without a status: the status is asked for": {"sites": [{"site": "brain", "lesions": 2}]},
    "fifteen untreated brain metastases: whole-brain radiation among the options": {
        "sites": [{"site": "brain", "lesions": 15, "status": "untreated"}]},
    "bone metastasis with a fracture: surgical fixation": {
        "sites": [{"site": "bone", "lesions": 2, "symptoms": ["fracture"]}]},
    "leptomeningeal disease: its radiotherapy, systemic, resection and radiosurgery entries": {
        "sites": [{"site": "brain", "lesions": 2, "status": "untreated", "leptomeningeal": True}]},
    "neurologic symptoms with leptomeningeal disease: the urgent review without neurosurgery": {
        "sites": [{"site": "brain", "lesions": 0, "leptomeningeal": True, "symptoms": ["neurologic"]}]},
    "an ulcerated skin metastasis: radiation and wound care": {
        "sites": [{"site": "skin", "lesions": 1, "symptoms": ["ulceration"]}]},
    "hypercalcemia from bone metastases: urgent treatment": {
        "sites": [{"site": "bone", "lesions": 4, "symptoms": ["hypercalcemia"]}]},
    "hypercalcemia in pregnancy: urgent treatment without a bone agent": {
        "menopausal_status": "pre", "conditions": ["pregnancy"],
        "sites": [{"site": "bone", "lesions": 4, "symptoms": ["hypercalcemia"]}]},
    "ECOG 4: palliative care review": {"ecog": 4},
    "IHC 3+ with ISH not amplified: pathology review of the discordance": {"her2_ish": "not_amplified"},
    "HR-positive, HP maintenance going on: add endocrine therapy to it": {
        "er": "positive", "treatments": [
            {"drugs": ["THP"], "setting": "metastatic", "outcome": "completed"},
            {"drugs": ["trastuzumab", "pertuzumab"], "setting": "metastatic", "outcome": "ongoing"}]},
    "bone-marrow infiltration with painful bone disease: chemotherapy and radiopharmaceutical cautions": {
        "sites": [{"site": "bone_marrow"}, {"site": "bone", "lesions": 4, "symptoms": ["pain"]}]},
    "cardiac toxicity on trastuzumab: its LVEF rules, and the same rules on pertuzumab": {
        "lvef": 55, "treatments": [{"drugs": ["THP"], "setting": "metastatic", "outcome": "toxicity",
                                    "toxicity": {"drugs": ["trastuzumab"], "kind": "cardiac", "grade": 2}}]},
    "hypocalcemia with bone metastases: denosumab caution": {
        "conditions": ["hypocalcemia"], "sites": [{"site": "bone", "lesions": 2}]},
    "HR-positive visceral crisis: endocrine therapy alone ruled out": {"er": "positive", "visceral_crisis": True},
    "jaundice from liver metastases: chemotherapy caution": {
        "sites": [{"site": "liver", "lesions": 3, "symptoms": ["jaundice"]}]},
    "ER low: endocrine therapy of uncertain benefit": {"er": "low"},
    "a man with HR-positive disease: aromatase inhibitor needs testicular suppression": {
        "er": "positive", "sex": "male"},
    "pregnancy with widespread painful bone metastases: radiation and radiopharmaceutical cautions": {
        "menopausal_status": "pre", "conditions": ["pregnancy"],
        "sites": [{"site": "bone", "lesions": 8, "symptoms": ["pain"]}]},
    "pregnancy, liver-dominant progression at second line: embolization caution": {
        "menopausal_status": "pre", "conditions": ["pregnancy"],
        "treatments": [{"drugs": ["THP"], "setting": "metastatic", "outcome": "progression"}]},
    "T-DXd stopped for grade 2 ILD: never again": {"treatments": [
        {"drugs": ["THP"], "setting": "metastatic", "outcome": "progression"},
        {"drugs": ["T-DXd"], "setting": "metastatic", "outcome": "toxicity",
         "toxicity": {"drugs": ["trastuzumab deruxtecan"], "kind": "ild", "grade": 2}}]},
    "T-DXd stopped for grade 1 ILD not resolved: not until it resolves": {"treatments": [
        {"drugs": ["THP"], "setting": "metastatic", "outcome": "progression"},
        {"drugs": ["T-DXd"], "setting": "metastatic", "outcome": "toxicity",
         "toxicity": {"drugs": ["trastuzumab deruxtecan"], "kind": "ild", "grade": 1, "resolved": False}}]},
    "T-DXd stopped for grade 1 ILD resolved: may resume": {"treatments": [
        {"drugs": ["THP"], "setting": "metastatic", "outcome": "progression"},
        {"drugs": ["T-DXd"], "setting": "metastatic", "outcome": "toxicity",
         "toxicity": {"drugs": ["trastuzumab deruxtecan"], "kind": "ild", "grade": 1, "resolved": True}}]},
}

# Relapse 5 months after adjuvant trastuzumab is first line only under a window shorter than the
# default 12 months; T-DXd + pertuzumab then says DESTINY-Breast09 excluded relapse within 6 months.
DEFAULT = Settings()
SHORT_WINDOW = Settings(early_relapse_months=3)
RELAPSE_AT_5_MONTHS: dict[str, Any] = {
    **BASE, "presentation": "recurrence",
    "treatments": [{"drugs": ["TH"], "setting": "adjuvant", "outcome": "completed", "months_to_recurrence": 5}]}


def _results(mappings: list[dict[str, Any]], chosen: Settings = DEFAULT) -> list[Result]:
    results = []
    for mapping in mappings:
        try:
            results.append(navigate(Case.from_mapping(mapping), chosen))
        except Her2navError:
            continue  # an invalid or out-of-scope case gives no options
    return results


def _all_cases() -> list[dict[str, Any]]:
    examples = [json.loads(path.read_text(encoding="utf-8")) for path in sorted(EXAMPLES.glob("*.json"))]
    return [*examples, *generate(1500), *({**BASE, **changes} for changes in RARE_SITUATIONS.values())]


@pytest.fixture(scope="module")
def results() -> list[Result]:
    return [*_results(_all_cases()), *_results([RELAPSE_AT_5_MONTHS], SHORT_WINDOW)]


def test_every_key_a_result_gives_is_registered(results: list[Result]) -> None:
    assert {o.key for r in results for o in r.systemic} <= SYSTEMIC_KEYS
    assert {o.key for r in results for o in r.site_specific} <= SITE_KEYS


def test_every_registered_key_is_given_for_some_case(results: list[Result]) -> None:
    assert SYSTEMIC_KEYS - {o.key for r in results for o in r.systemic} == set()
    assert SITE_KEYS - {o.key for r in results for o in r.site_specific} == set()


@pytest.mark.parametrize("situation", RARE_SITUATIONS)
def test_each_rare_situation_is_a_valid_case(situation: str) -> None:
    assert _results([{**BASE, **RARE_SITUATIONS[situation]}])


@given(any_case())
@settings(max_examples=property_examples(200))
def test_any_valid_case_gives_registered_keys_only(mapping: dict[str, Any]) -> None:
    for result in _results([mapping]):
        assert all(o.key in SYSTEMIC_KEYS for o in result.systemic)
        assert all(o.key in SITE_KEYS for o in result.site_specific)


@given(any_case())
@settings(max_examples=property_examples(200))
def test_any_valid_case_gives_each_caution_one_registered_code(mapping: dict[str, Any]) -> None:
    for result in _results([mapping]):
        for option in (*result.systemic, *result.site_specific):
            assert len(option.caution_codes) == len(option.cautions), option.key
            assert set(option.caution_codes) <= CAUTION_CODES


def test_every_intervention_of_the_knowledge_base_is_registered() -> None:
    defined = {value for module in (site_care, brain_extent) for value in vars(module).values()
               if isinstance(value, site_care.Intervention)}
    assert defined == set(INTERVENTIONS.values())


def test_the_two_regimens_called_t_dxd_are_told_apart_by_key() -> None:
    assert REGIMENS["tdxd"].name == REGIMENS["tdxd-later"].name
    second = navigate(Case.from_mapping({**BASE, "treatments": [
        {"drugs": ["THP"], "setting": "metastatic", "outcome": "progression"}]}), Settings())
    assert "tdxd" in {o.key for o in second.systemic} and "tdxd-later" not in {o.key for o in second.systemic}


def test_the_json_result_gives_each_option_its_key() -> None:
    result = navigate(Case.from_mapping({**BASE, "sites": [{"site": "bone", "lesions": 2, "symptoms": ["pain"]}]}),
                      Settings())
    data = to_dict(result)
    assert [entry["key"] for entry in data["systemic"]] == [o.key for o in result.systemic]
    assert [entry["key"] for entry in data["site_specific"]] == [o.key for o in result.site_specific]
    assert "zoledronic-acid" in [entry["key"] for entry in data["site_specific"]]


def test_every_action_code_a_result_gives_is_registered_and_each_is_given_for_some_case(results: list[Result]) -> None:
    given = {action.code for result in results for action in result.actions}
    assert given == ACTION_CODES


def test_every_caution_code_a_result_gives_is_registered(results: list[Result]) -> None:
    options = [o for r in results for o in (*r.systemic, *r.site_specific)]
    assert all(len(o.caution_codes) == len(o.cautions) for o in options)
    assert {code for o in options for code in o.caution_codes} - CAUTION_CODES == set()


def test_every_registered_caution_code_is_given_for_some_case(results: list[Result]) -> None:
    given = {code for r in results for o in (*r.systemic, *r.site_specific) for code in o.caution_codes}
    assert CAUTION_CODES - given == set()


def test_relapse_within_6_months_of_adjuvant_her2_is_flagged_on_t_dxd_pertuzumab() -> None:
    [result] = _results([RELAPSE_AT_5_MONTHS], SHORT_WINDOW)
    [option] = [o for o in result.systemic if o.key == "tdxd-p"]
    assert "relapse-within-6-months" in option.caution_codes
    assert "DESTINY-Breast09" in option.cautions[option.caution_codes.index("relapse-within-6-months")]


def test_the_json_result_gives_each_caution_its_code_in_the_same_order() -> None:
    result = navigate(Case.from_mapping({**BASE, "lvef": 45, "conditions": ["pregnancy"],
                                         "menopausal_status": "pre"}), Settings())
    data = to_dict(result)
    for entry in (*data["systemic"], *data["site_specific"]):
        assert len(entry["caution_codes"]) == len(entry["cautions"])
    thp = next(entry for entry in data["systemic"] if entry["key"] == "thp")
    assert thp["caution_codes"][0] == "pregnancy" and "pregnancy" in thp["cautions"][0].lower()
    reduced = thp["cautions"][thp["caution_codes"].index("cardiac-lvef-reduced")]
    assert "LVEF 45%" in reduced

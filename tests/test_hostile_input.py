"""Every bad input is a clean, named error: exit 2 (or 3 out of scope), the field and what is allowed on
standard error, nothing on standard output, never a traceback (issue 5, item 1)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.clirun import Run, run_cli
from tests.conftest import case_mapping
from tests.test_properties import case_mapping as valid_cases

GOOD = case_mapping()


def recommend_json(text: str | bytes) -> Run:
    data = text.encode() if isinstance(text, str) else text
    return run_cli("recommend", "-", "--format", "json", stdin=data)


def assert_clean_error(run: Run, code: int, *fragments: str) -> None:
    assert run.code == code, run
    assert run.stdout == ""
    assert run.stderr.startswith("her2nav: ")
    assert "Traceback" not in run.stderr
    for fragment in fragments:
        assert fragment in run.stderr, f"{fragment!r} not in {run.stderr!r}"


def with_field(**changes: Any) -> str:
    return json.dumps({**GOOD, **changes})


# ---------------------------------------------------------------- files and text

def test_a_missing_file() -> None:
    assert_clean_error(run_cli("recommend", "no/such/case.json"), 2, "no/such/case.json", "no such file")


def test_a_directory(tmp_path: Path) -> None:
    assert_clean_error(run_cli("recommend", str(tmp_path)), 2, "directory")


@pytest.mark.parametrize("text", [b"", b"   \n\t"], ids=["empty", "only white space"])
def test_empty_input(text: bytes) -> None:
    assert_clean_error(recommend_json(text), 2, "empty input", "JSON object")


def test_invalid_utf8() -> None:
    assert_clean_error(recommend_json(b'{"id": "\xff\xfe"}'), 2, "not valid UTF-8")


def test_truncated_json() -> None:
    text = with_field()
    assert_clean_error(recommend_json(text[: len(text) // 2]), 2, "not valid JSON", "line 1 column")


@pytest.mark.parametrize("text", ["[]", '"a case"', "42", "null", "true"])
def test_a_top_level_value_that_is_not_an_object(text: str) -> None:
    assert_clean_error(recommend_json(text), 2, "case: expected an object")


def test_nesting_100000_deep() -> None:
    assert_clean_error(recommend_json("[" * 100_000 + "]" * 100_000), 2, "nested too deeply")


def test_a_50_mb_file(tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    big.write_bytes(b'{"id": "' + b"x" * (50 * 1024 * 1024) + b'"}')
    assert_clean_error(run_cli("recommend", str(big)), 2, "larger than 5 MB")


def test_a_key_given_twice_is_refused_rather_than_one_value_dropped() -> None:
    text = with_field()[:-1] + ', "lvef": 30}'
    assert_clean_error(recommend_json(text), 2, "her2nav: lvef: given twice")


def test_a_key_given_twice_inside_a_site_is_named_by_its_path() -> None:
    # Two sites, the second says "site" twice: only its path tells the clinician where to look.
    text = with_field(sites=[{"site": "bone"}, {"site": "liver"}]).replace(
        '{"site": "liver"}', '{"site": "liver", "site": "lung"}')
    assert_clean_error(recommend_json(text), 2, "her2nav: sites[1].site: given twice")


def test_a_key_given_twice_inside_a_treatment_is_named_by_its_path() -> None:
    course = {"drugs": ["THP"], "setting": "metastatic", "outcome": "progression"}
    text = with_field(treatments=[course]).replace('"outcome": "progression"',
                                                   '"outcome": "progression", "outcome": "ongoing"')
    assert_clean_error(recommend_json(text), 2, "her2nav: treatments[0].outcome: given twice")


# ---------------------------------------------------------------- wrong types in every field

WRONG_TYPES = [
    ("id", 7, "expected a string"),
    ("her2", 1, "her2"),
    ("her2_ihc", 3, "her2_ihc"),
    ("er", True, "er"),
    ("presentation", None, "presentation"),
    ("metastasis_biopsied", "yes", "expected true or false"),
    ("menopausal_status", [], "menopausal_status"),
    ("ecog", "2", "expected a whole number"),
    ("ecog", 1.5, "expected a whole number"),
    ("ecog", True, "expected a whole number"),
    ("lvef", "60", "expected a number"),
    ("lvef", {"value": 60}, "expected a number, got an object"),
    ("creatinine_clearance", [60], "expected a number, got a list"),
    ("conditions", "pregnancy", "expected a list"),
    ("conditions", {"pregnancy": True}, "expected a list, got an object"),
    ("visceral_crisis", 0, "expected true or false"),
    ("treatments", {"drugs": ["THP"]}, "expected a list"),
    ("treatments", [["THP"]], "treatments[0]: expected an object"),
    ("treatments", [{"drugs": "THP", "setting": "metastatic"}], "treatments[0].drugs: expected a list"),
    ("treatments", [{"drugs": [], "setting": "metastatic"}], "treatments[0].drugs: empty"),
    ("treatments", [{"drugs": [7], "setting": "metastatic"}], "treatments[0].drugs[0]: expected a string"),
    ("treatments", [{"drugs": ["THP"], "setting": "metastatic", "months_to_recurrence": 3}],
     "treatments[0].months_to_recurrence: only for neoadjuvant or adjuvant"),
    ("sites", [], "sites: at least one"),
    ("sites", "liver", "sites: expected a list"),
    ("sites", [{"site": "liver", "lesions": "3"}], "sites[0].lesions: expected a whole number"),
    ("sites", [{"site": "liver", "symptoms": ["pain"]}], "sites[0].symptoms[0]"),
    ("sites", [{"site": "liver", "status": "untreated"}], "sites[0].status: only for the brain"),
    ("primary_tumor", True, "primary_tumor: expected an object"),
    ("primary_tumor", {"intact": False, "symptoms": ["pain"]}, "primary_tumor.symptoms"),
    ("schema_version", 1, "schema_version"),
]


@pytest.mark.parametrize(("field", "value", "said"), WRONG_TYPES, ids=[f"{f}={v!r}" for f, v, _ in WRONG_TYPES])
def test_a_wrong_type_names_the_field(field: str, value: Any, said: str) -> None:
    assert_clean_error(recommend_json(with_field(**{field: value})), 2, said)


# ---------------------------------------------------------------- out of range, NaN, Infinity

OUT_OF_RANGE = [
    ({"ecog": 7}, "ecog: 7 is out of range", "0 to 4"),
    ({"lvef": 140}, "lvef: 140 is out of range", "5 to 90"),
    ({"creatinine_clearance": -5}, "creatinine_clearance", "0 to 250"),
    ({"treatments": [{"drugs": ["trastuzumab"], "setting": "adjuvant", "months_to_recurrence": -2}]},
     "treatments[0].months_to_recurrence", "0 to 1200"),
    ({"sites": [{"site": "liver", "lesions": -1}]}, "sites[0].lesions: -1 is out of range", "1 to 10000"),
]


@pytest.mark.parametrize(("changes", "field", "allowed"), OUT_OF_RANGE, ids=[f for _, f, _ in OUT_OF_RANGE])
def test_out_of_range_numbers_say_the_range(changes: dict[str, Any], field: str, allowed: str) -> None:
    assert_clean_error(recommend_json(with_field(**changes)), 2, field, allowed)


@pytest.mark.parametrize("word", ["NaN", "Infinity", "-Infinity"])
@pytest.mark.parametrize("field", ["lvef", "creatinine_clearance", "ecog"])
def test_nan_and_infinity_name_the_field(word: str, field: str) -> None:
    text = with_field()[:-1] + f', "{field}": {word}}}'
    text = text.replace(f'"{field}": {json.dumps(GOOD[field])}, ', "", 1)
    assert_clean_error(recommend_json(text), 2, f"{field}:", word)


# ---------------------------------------------------------------- unknown names, with a "did you mean"

@pytest.mark.parametrize(("changes", "said"), [
    ({"lvfe": 60}, "did you mean 'lvef'?"),
    ({"her2": "postive"}, "did you mean 'positive'?"),
    ({"conditions": ["pregnant"]}, "did you mean 'pregnancy'?"),
    ({"sites": [{"site": "livr"}]}, "did you mean 'liver'?"),
    ({"treatments": [{"drugs": ["Enhertoo"], "setting": "metastatic"}]}, "did you mean 'enhertu'?"),
], ids=["field", "her2 value", "condition", "site", "drug"])
def test_unknown_names_get_a_did_you_mean(changes: dict[str, Any], said: str) -> None:
    assert_clean_error(recommend_json(with_field(**changes)), 2, said, "allowed")


# ---------------------------------------------------------------- text that a terminal would interpret

HOSTILE_IDS = ["[bold red]slot 3[/bold red]", ":smile: :warning:", "slot\x1b[31m3\x1b[0m\x07", "a\u202eb"]


@pytest.mark.parametrize("case_id", HOSTILE_IDS, ids=["rich markup", "emoji codes", "escape codes", "rtl override"])
def test_an_id_is_printed_literally_in_the_table(case_id: str) -> None:
    run = run_cli("recommend", "-", "--width", "120", stdin=with_field(id=case_id).encode())
    assert run.code == 0
    first_line = run.stdout.splitlines()[0]
    assert "\x1b" not in run.stdout and "\u202e" not in run.stdout and "\x07" not in run.stdout
    if case_id.isprintable():
        assert case_id in first_line
    else:
        assert "\\x1b[31m3" in first_line or "\\u202e" in first_line


@pytest.mark.parametrize("case_id", HOSTILE_IDS)
def test_an_id_is_echoed_exactly_in_json(case_id: str) -> None:
    run = recommend_json(with_field(id=case_id))
    assert run.code == 0
    assert run.json()["id"] == case_id


def test_a_control_character_in_a_field_name_is_escaped_in_the_message() -> None:
    run = recommend_json(with_field(**{"\x1b[2Jlvef": 60}))
    assert_clean_error(run, 2, "\\x1b[2Jlvef: unknown field")
    assert "\x1b" not in run.stderr


# ---------------------------------------------------------------- bad flag values

@pytest.mark.parametrize(("args", "said"), [
    (["--ecog", "two"], "--ecog"),
    (["--lvef", "high"], "--lvef"),
    (["--ecog", "9"], "ecog: 9 is out of range"),
    (["--lvef", "nan"], "lvef: nan is not a finite number"),
    (["--her2", "pos"], "her2"),
    (["--treatment", "THP"], "--treatment"),
    (["--treatment", "THP:metastatic:worse"], "--treatment"),
    (["--site", "brain:3:cured"], "--site"),
    (["--primary", "gone"], "--primary"),
    (["--condition", "flu"], "conditions[0]"),
    (["--width", "10"], "--width"),
    (["--early-relapse-months", "-1"], "--early-relapse-months"),
], ids=lambda value: " ".join(value) if isinstance(value, list) else None)
def test_a_bad_flag_value_is_the_same_clean_error(args: list[str], said: str) -> None:
    base = ["recommend", "--her2-ihc", "3+", "--er", "negative", "--presentation", "de_novo", "--site", "lung"]
    assert_clean_error(run_cli(*base, *args), 2, said)


# ---------------------------------------------------------------- invalid cases of every kind (hypothesis)

BREAKERS: list[tuple[str, st.SearchStrategy[Any]]] = [
    ("ecog", st.one_of(st.integers(5, 10**6), st.integers(-(10**6), -1), st.text(max_size=3), st.floats())),
    ("lvef", st.one_of(st.floats(90.5, 1e9), st.floats(-1e9, 4.9), st.text(max_size=3), st.booleans())),
    ("er", st.text(max_size=8).filter(lambda s: s not in {"positive", "low", "negative", "unknown"})),
    ("presentation", st.text(max_size=8).filter(lambda s: s not in {"de_novo", "recurrence"})),
    ("conditions", st.lists(st.text(max_size=6), min_size=1, max_size=2)),
    ("sites", st.one_of(st.just([]), st.lists(st.dictionaries(st.sampled_from(["place", "lesion"]), st.integers()),
                                              min_size=1, max_size=2))),
    ("treatments", st.lists(st.fixed_dictionaries({
        "drugs": st.lists(st.sampled_from(["aspirin", "thp!", "x"]), min_size=1),
        "setting": st.just("metastatic"),
    }), min_size=1, max_size=2)),
    ("unknown_field", st.integers()),
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(valid_cases(), st.sampled_from(BREAKERS), st.data())
def test_every_invalid_case_gets_exit_2_or_3_and_a_message_naming_a_field(
    case: dict[str, Any], breaker: tuple[str, st.SearchStrategy[Any]], data: st.DataObject
) -> None:
    field, values = breaker
    broken = {**case, field: data.draw(values)}
    run = recommend_json(json.dumps(broken))
    assert run.code in (2, 3), run
    assert run.stdout == ""
    assert f"{field}" in run.stderr or "her2" in run.stderr, run.stderr

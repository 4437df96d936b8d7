"""Hostile input, second round (issue 15): eight defects a wider attack found, each pinned here.

Each test states what a clinician or a tumor-board script must be able to rely on: the question
asked is the question answered, no case of a batch is lost, a bad value is one clear message
naming the field (exit 2), and a failed write says so (exit 1), never "a bug".
"""

from __future__ import annotations

import errno
import io
import json
from typing import Any

import pytest

from her2nav.cli import Streams, main
from tests.clirun import Run, run_cli
from tests.conftest import case_mapping
from tests.test_hostile_input import assert_clean_error, recommend_json

GOOD = case_mapping()
FLAGS = ["--her2-ihc", "3+", "--er", "negative", "--presentation", "de_novo", "--site", "lung"]
LINE_TWO_FLAGS = ["--her2", "positive", "--er", "negative", "--presentation", "recurrence", "--site", "liver",
                  "--treatment", "trastuzumab:adjuvant:recurred=8"]


def with_field(**changes: Any) -> str:
    return json.dumps({**GOOD, **changes})


def with_raw(key: str, raw: str) -> bytes:
    """The good case with `key` set to `raw`, JSON text written as is (escapes, huge numbers)."""
    data = {k: v for k, v in GOOD.items() if k != key}
    return (json.dumps(data)[:-1] + f', "{key}": {raw}}}').encode()


def batch(data: bytes, *args: str) -> Run:
    return run_cli("batch", "-", *args, stdin=data)


# ---------------------------------------------------------------- 1. non-finite float flags

@pytest.mark.parametrize("value", ["nan", "NaN", "inf", "-inf", "Infinity"])
@pytest.mark.parametrize("command", ["recommend", "batch"])
def test_the_early_relapse_window_refuses_a_non_finite_number(command: str, value: str) -> None:
    # A NaN window made a relapse 8 months after adjuvant trastuzumab read as first line.
    args = [*LINE_TWO_FLAGS, "--format", "json"] if command == "recommend" else ["-"]
    run = run_cli(command, *args, "--early-relapse-months", value, stdin=b"")
    assert_clean_error(run, 2, "--early-relapse-months", "finite" if value.lower() == "nan" else "range")


@pytest.mark.parametrize("flag", ["--lvef", "--creatinine-clearance"])
@pytest.mark.parametrize("value", ["nan", "inf"])
def test_every_number_flag_refuses_a_non_finite_value(flag: str, value: str) -> None:
    assert_clean_error(run_cli("recommend", *FLAGS, flag, value), 2, "not a finite number")


def test_a_recurrence_time_flag_refuses_nan() -> None:
    run = run_cli("recommend", "--her2", "positive", "--er", "negative", "--presentation", "recurrence",
                  "--site", "liver", "--treatment", "trastuzumab:adjuvant:recurred=nan")
    assert_clean_error(run, 2, "months_to_recurrence", "not a finite number")


# ---------------------------------------------------------------- 2. lone surrogates

@pytest.mark.parametrize("escape", ["\\ud800", "\\udc80", "\\uDFFF", "x\\ud83d"])
def test_a_lone_surrogate_in_the_id_is_refused_naming_the_field(escape: str) -> None:
    run = recommend_json(with_raw("id", f'"{escape}"'))
    assert_clean_error(run, 2, "her2nav: id:", "surrogate")
    run.stderr.encode("utf-8")  # the message itself is valid UTF-8


def test_a_lone_surrogate_in_an_unknown_key_is_refused_and_shown_escaped() -> None:
    run = recommend_json(with_raw("a\\ud800b", "1"))
    assert_clean_error(run, 2, "surrogate", "\\ud800")
    run.stderr.encode("utf-8")


def test_a_lone_surrogate_deep_in_the_case_names_its_path() -> None:
    run = recommend_json(with_raw("treatments", '[{"drugs": ["THP\\udc80"], "setting": "metastatic"}]'))
    assert_clean_error(run, 2, "treatments[0].drugs[0]", "surrogate")


def test_a_surrogate_pair_is_a_character_and_is_kept() -> None:
    run = recommend_json(with_raw("id", '"board \\ud83d\\ude00"'))
    assert run.code == 0
    assert run.json()["id"] == "board \U0001f600"


@pytest.mark.parametrize("output_format", ["json", "markdown"])
def test_a_batch_with_a_lone_surrogate_keeps_every_line(output_format: str) -> None:
    good = with_field(id="before").encode()
    bad = with_raw("id", '"\\ud800"')
    after = with_field(id="after").encode()
    run = batch(b"\n".join([good, bad, after]) + b"\n", "--format", output_format)
    assert run.code == 2
    run.stdout.encode("utf-8")
    if output_format == "json":
        lines = run.json_lines()
        assert [line.get("id") for line in lines] == ["before", None, "after"]
        assert lines[1]["error"]["code"] == 2
        assert "surrogate" in lines[1]["error"]["message"]
    else:
        assert "before" in run.stdout and "after" in run.stdout
        assert "surrogate" in run.stdout


# ---------------------------------------------------------------- 3. list lengths

@pytest.mark.parametrize(("changes", "said"), [
    ({"sites": [{"site": "bone"}] * 101}, "sites: 101 entries"),
    ({"treatments": [{"drugs": ["capecitabine"], "setting": "metastatic"}] * 101}, "treatments: 101 entries"),
    ({"treatments": [{"drugs": ["capecitabine"] * 21, "setting": "metastatic"}]}, "treatments[0].drugs: 21 entries"),
])
def test_a_list_longer_than_the_documented_limit_is_refused(changes: dict[str, Any], said: str) -> None:
    assert_clean_error(recommend_json(with_field(**changes)), 2, said, "at most")


def test_a_list_at_the_limit_is_a_case() -> None:
    run = recommend_json(with_field(sites=[{"site": "bone", "lesions": 1}] * 100))
    assert run.code == 0
    assert run.json()["case"]["oligometastatic"] is False  # 100 lesions


# ---------------------------------------------------------------- 4. huge numbers

@pytest.mark.parametrize("key", ["lvef", "creatinine_clearance", "ecog"])
@pytest.mark.parametrize("digits", [400, 5000])
def test_a_huge_number_is_out_of_range_naming_the_field(key: str, digits: int) -> None:
    run = recommend_json(with_raw(key, "9" * digits))
    assert_clean_error(run, 2, f"her2nav: {key}:", "out of range")
    assert len(run.stderr) < 300


@pytest.mark.parametrize("digits", [400, 5000])
def test_a_huge_recurrence_time_or_lesion_count_names_its_place(digits: int) -> None:
    course = f'[{{"drugs": ["trastuzumab"], "setting": "adjuvant", "months_to_recurrence": {"9" * digits}}}]'
    assert_clean_error(recommend_json(with_raw("treatments", course)), 2,
                       "treatments[0].months_to_recurrence", "out of range")
    site = f'[{{"site": "liver", "lesions": {"9" * digits}}}]'
    assert_clean_error(recommend_json(with_raw("sites", site)), 2, "sites[0].lesions", "out of range")


def test_a_huge_number_where_a_string_belongs_is_a_type_error() -> None:
    run = recommend_json(with_raw("id", "9" * 5000))
    assert_clean_error(run, 2, "her2nav: id: expected a string")
    assert len(run.stderr) < 300


@pytest.mark.parametrize(("count", "said"), [("²", "--site"), ("٣", "--site"), ("9" * 5000, "sites[0].lesions")])
def test_a_site_flag_with_a_strange_lesion_count_is_refused(count: str, said: str) -> None:
    run = run_cli("recommend", "--her2", "positive", "--er", "negative", "--presentation", "de_novo",
                  "--site", f"liver:{count}")
    assert_clean_error(run, 2, said)
    assert len(run.stderr) < 600


# ---------------------------------------------------------------- 5. failed writes

class FullDisk(io.StringIO):
    """A stream on a full disk: every write fails as the operating system would say."""

    def write(self, text: str) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")


class ClosedStream(io.StringIO):
    def write(self, text: str) -> int:
        raise ValueError("I/O operation on closed file.")


def run_into(stdout: io.StringIO, *args: str, stdin: bytes = b"", stderr: io.StringIO | None = None) -> tuple[int, str]:
    err = stderr if stderr is not None else io.StringIO()
    code = main(list(args), Streams(io.BytesIO(stdin), stdout, err))
    return code, err.getvalue() if stderr is None else ""


@pytest.mark.parametrize("args", [
    ["recommend", *FLAGS, "--format", "json"],
    ["recommend", *FLAGS, "--format", "markdown"],
    ["recommend", *FLAGS],
    ["batch", "-"],
    ["batch", "-", "--format", "markdown"],
    ["references"],
    ["references", "--format", "json"],
    ["--version"],
], ids=" ".join)
def test_a_full_disk_is_reported_as_a_failed_write_with_exit_1(args: list[str]) -> None:
    code, stderr = run_into(FullDisk(), *args, stdin=with_field().encode() + b"\n")
    assert code == 1
    assert stderr.startswith("her2nav: cannot write output: No space left on device")
    assert "bug" not in stderr


def test_a_closed_standard_output_is_a_failed_write() -> None:
    code, stderr = run_into(ClosedStream(), "recommend", *FLAGS, "--format", "json")
    assert code == 1
    assert stderr.startswith("her2nav: cannot write output:")


def test_help_to_a_full_disk_is_a_failed_write(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setattr(sys, "stdout", FullDisk())
    code, stderr = run_into(FullDisk(), "recommend", "--help")
    assert code == 1
    assert stderr.startswith("her2nav: cannot write output: No space left on device")


@pytest.mark.parametrize("args", [["recommend", *FLAGS, "--format", "json"], ["--version"],
                                  ["recommend", "--lvef", "x"], ["batch", "-"]], ids=" ".join)
def test_with_standard_error_failing_too_the_exit_is_never_0(args: list[str]) -> None:
    code, _ = run_into(FullDisk(), *args, stdin=with_field().encode(), stderr=FullDisk())
    assert code != 0


# ---------------------------------------------------------------- 6. zero lesions

def test_a_site_with_zero_lesions_is_refused() -> None:
    # It made the case oligometastatic and offered resection of "0 lesions".
    assert_clean_error(recommend_json(with_field(sites=[{"site": "liver", "lesions": 0}])), 2,
                       "sites[0].lesions: 0 is out of range", "1 to 10000")


def test_a_brain_site_without_leptomeningeal_disease_needs_a_lesion() -> None:
    brain = {"site": "brain", "lesions": 0, "status": "untreated"}
    assert_clean_error(recommend_json(with_field(sites=[brain])), 2, "sites[0].lesions: 0 is out of range")
    # Leptomeningeal disease may come without a parenchymal lesion: 0 is a fact there, and no oligometastatic case.
    lepto = recommend_json(with_field(sites=[{"site": "brain", "lesions": 0, "leptomeningeal": True}]))
    assert lepto.code == 0, lepto.stderr
    assert lepto.json()["case"]["oligometastatic"] is False


def test_a_site_flag_with_zero_lesions_is_refused() -> None:
    run = run_cli("recommend", "--her2", "positive", "--er", "negative", "--presentation", "de_novo",
                  "--site", "liver:0")
    assert_clean_error(run, 2, "sites[0].lesions: 0 is out of range")


# ---------------------------------------------------------------- 7. huge unknown values

HUGE = "x" * 4_000_000


@pytest.mark.parametrize("changes", [
    {HUGE: 1},
    {"er": HUGE},
    {"conditions": [HUGE]},
    {"treatments": [{"drugs": [HUGE], "setting": "metastatic"}]},
    {"sites": [{"site": HUGE}]},
], ids=["key", "enum value", "condition", "drug", "site"])
def test_a_huge_unknown_value_is_quoted_as_a_short_excerpt(changes: dict[str, Any]) -> None:
    run = recommend_json(with_field(**changes))
    assert_clean_error(run, 2, "4000000 characters")
    assert len(run.stderr) < 600
    assert "did you mean" not in run.stderr


def test_a_batch_error_line_quotes_a_huge_value_as_an_excerpt() -> None:
    run = batch(with_field(er=HUGE).encode() + b"\n")
    [line] = run.json_lines()
    assert len(line["error"]["message"]) < 600


def test_an_excerpt_escapes_control_characters() -> None:
    run = recommend_json(with_field(er="\x1b[2J" + "y" * 500))
    assert_clean_error(run, 2, "\\u001b[2J")
    assert "\x1b" not in run.stderr


# ---------------------------------------------------------------- 8. null means "not given", everywhere

def result_without(mapping: dict[str, Any]) -> Any:
    run = recommend_json(json.dumps(mapping))
    assert run.code == 0, run
    return run.json()


TOP_LEVEL_OPTIONAL = ["schema_version", "id", "her2", "her2_ish", "pr", "metastasis_biopsied", "menopausal_status",
                      "sex", "ecog", "lvef", "creatinine_clearance", "conditions", "visceral_crisis", "treatments",
                      "primary_tumor"]


@pytest.mark.parametrize("key", TOP_LEVEL_OPTIONAL)
def test_null_at_the_top_level_means_not_given(key: str) -> None:
    given_null = {**GOOD, key: None}
    absent = {k: v for k, v in GOOD.items() if k != key}
    assert result_without(given_null) == result_without(absent)


@pytest.mark.parametrize(("where", "with_null", "without"), [
    ("treatments", {"drugs": ["THP"], "setting": "metastatic", "outcome": None, "months_to_recurrence": None},
     {"drugs": ["THP"], "setting": "metastatic"}),
    ("sites", {"site": "brain", "lesions": None, "symptoms": None, "status": None, "leptomeningeal": None},
     {"site": "brain"}),
    ("primary_tumor", {"intact": None, "symptoms": None}, {}),
])
def test_null_inside_a_course_a_site_or_the_primary_means_not_given(
        where: str, with_null: dict[str, Any], without: dict[str, Any]) -> None:
    wrap = (lambda item: item) if where == "primary_tumor" else (lambda item: [item])
    assert result_without({**GOOD, where: wrap(with_null)}) == result_without({**GOOD, where: wrap(without)})


@pytest.mark.parametrize(("changes", "said"), [
    ({"presentation": None}, "presentation: required"),
    ({"sites": None}, "sites: at least one"),
    ({"treatments": [{"drugs": None, "setting": "metastatic"}]}, "treatments[0].drugs: required"),
    ({"treatments": [{"drugs": ["THP"], "setting": None}]}, "treatments[0].setting: required"),
    ({"sites": [{"site": None}]}, "sites[0].site: required"),
])
def test_null_for_a_required_field_says_it_is_required(changes: dict[str, Any], said: str) -> None:
    assert_clean_error(recommend_json(with_field(**changes)), 2, said)


@pytest.mark.parametrize(("changes", "said"), [
    ({"conditions": [None]}, "conditions[0]: null is not a known value"),
    ({"treatments": [None]}, "treatments[0]: expected an object, got null"),
])
def test_null_inside_a_list_is_not_an_entry(changes: dict[str, Any], said: str) -> None:
    assert_clean_error(recommend_json(with_field(**changes)), 2, said)


@pytest.mark.parametrize(("value", "said"), [
    (1, 'schema_version: 1 is not supported; allowed: "1", "2"'),
    ("3", 'schema_version: "3" is not supported; allowed: "1", "2"'),
    (True, 'schema_version: true is not supported; allowed: "1", "2"'),
])
def test_messages_speak_json(value: Any, said: str) -> None:
    run = recommend_json(with_field(schema_version=value))
    assert_clean_error(run, 2, said)
    assert "None" not in run.stderr and "True" not in run.stderr


# ---------------------------------------------------------------- C1 controls and U+202E in JSON output

@pytest.mark.parametrize("command", ["recommend", "batch"])
def test_json_output_escapes_c1_controls_and_direction_overrides(command: str) -> None:
    case_id = "slot\x9b31m\u202e3\u2066"
    data = with_field(id=case_id).encode()
    run = recommend_json(data) if command == "recommend" else batch(data + b"\n")
    assert run.code == 0
    assert "\x9b" not in run.stdout and "\u202e" not in run.stdout and "\u2066" not in run.stdout
    assert "\\u009b" in run.stdout and "\\u202e" in run.stdout
    parsed = run.json() if command == "recommend" else run.json_lines()[0]
    assert parsed["id"] == case_id


# ---------------------------------------------------------------- found by the atheris run of this round

def test_a_key_given_twice_in_text_that_is_not_json_after_all_is_bad_json() -> None:
    # The repeated key stopped the first reading before the trailing text was seen; the second
    # reading, which looks for where the key is, then failed on the trailing text as a bug.
    text = with_field()[:-1] + ', "lvef": 30} trailing'
    assert_clean_error(recommend_json(text), 2, "not valid JSON", "Extra data")

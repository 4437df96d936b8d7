"""No silent defaults: every field read by its default is listed in `missing`, with what was taken
and what knowing it could change; the list matches docs/case-format.md ("Defaults")."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from her2nav.case import Case
from her2nav.navigate import navigate
from her2nav.render.markdown import render_markdown
from her2nav.result import Missing, Result

DOCS = Path(__file__).resolve().parent.parent / "docs" / "case-format.md"

# Everything left out that the contract lets a case leave out.
RECURRENCE_BARE: dict[str, Any] = {
    "her2": "positive", "pr": "positive", "presentation": "recurrence",
    "treatments": [{"drugs": ["trastuzumab"], "setting": "adjuvant"}, {"drugs": ["THP"], "setting": "metastatic"}],
    "sites": [{"site": "bone"}, {"site": "brain"}],
}
DE_NOVO_BARE: dict[str, Any] = {"her2": "positive", "er": "negative", "presentation": "de_novo",
                                "sites": [{"site": "liver"}]}

EVERY_DEFAULT = {
    "er", "pr", "menopausal_status", "sex", "conditions", "visceral_crisis", "treatments",
    "treatments[].outcome", "treatments[].months_to_recurrence", "sites[].symptoms", "sites[].leptomeningeal",
    "primary_tumor",
}


def defaults_of(result: Result) -> dict[str, Missing]:
    return {re.sub(r"\[\d+\]", "[]", m.field): m for m in result.missing if m.assumed.startswith("not given, ")}


def bare_results() -> list[Result]:
    return [navigate(Case.from_mapping(RECURRENCE_BARE)), navigate(Case.from_mapping(DE_NOVO_BARE))]


def test_every_default_is_reported_and_the_list_is_complete() -> None:
    reported: dict[str, Missing] = {}
    for result in bare_results():
        reported |= defaults_of(result)
    assert set(reported) == EVERY_DEFAULT
    assert all(m.effect for m in reported.values())


def test_the_docs_list_the_same_defaults() -> None:
    text = DOCS.read_text(encoding="utf-8")
    section = text.split("### Defaults", 1)[1].split("\n\n", 3)[2]
    fields = {re.match(r"\| `([^`]+)`", line)[1] for line in section.splitlines()  # type: ignore[index]
              if re.match(r"\| `", line)}
    assert fields == EVERY_DEFAULT


def test_a_case_that_gives_every_field_has_no_default_reported() -> None:
    full = {**RECURRENCE_BARE, "er": "positive", "menopausal_status": "post", "sex": "female", "conditions": [],
            "visceral_crisis": False, "primary_tumor": {"intact": False},
            "treatments": [{"drugs": ["trastuzumab"], "setting": "adjuvant", "outcome": "completed",
                            "months_to_recurrence": 30},
                           {"drugs": ["THP"], "setting": "metastatic", "outcome": "progression"}],
            "sites": [{"site": "bone", "symptoms": []}, {"site": "brain", "symptoms": [], "leptomeningeal": False}]}
    assert defaults_of(navigate(Case.from_mapping(full))) == {}


def test_an_adjuvant_course_without_months_says_a_relapse_within_the_window_would_change_the_line() -> None:
    entry = defaults_of(navigate(Case.from_mapping(RECURRENCE_BARE)))["treatments[].months_to_recurrence"]
    assert entry.field == "treatments[0].months_to_recurrence"
    assert "more than 12 months" in entry.assumed
    assert "failed first line" in entry.effect


def test_a_course_without_outcome_is_reported_with_the_default_of_its_setting() -> None:
    outcomes = {m.field: m for m in navigate(Case.from_mapping(RECURRENCE_BARE)).missing
                if m.field.endswith(".outcome")}
    assert outcomes["treatments[0].outcome"].assumed == "not given, taken as completed"
    assert "progression during it would count as a failed line" in outcomes["treatments[0].outcome"].effect
    assert outcomes["treatments[1].outcome"].assumed == "not given, taken as progression"
    assert outcomes["treatments[1].outcome"].effect.startswith("counted as a failed line")


def test_a_de_novo_primary_not_given_is_unknown_not_removed() -> None:
    result = navigate(Case.from_mapping(DE_NOVO_BARE))
    assert result.case.primary_tumor.intact is None
    assert result.case.to_dict()["primary_tumor"]["intact"] is None
    entry = defaults_of(result)["primary_tumor"]
    assert "unknown" in entry.assumed and "intact primary would add" in entry.effect
    assert "**Primary tumor:** not given" in render_markdown(result)


def test_a_primary_given_as_removed_is_not_reported() -> None:
    result = navigate(Case.from_mapping({**DE_NOVO_BARE, "primary_tumor": {"intact": False}}))
    assert "primary_tumor" not in defaults_of(result)
    assert "**Primary tumor:** not intact" in render_markdown(result)


def test_pr_left_out_beside_positive_er_says_it_would_not_change_the_receptor_status() -> None:
    result = navigate(Case.from_mapping({**DE_NOVO_BARE, "er": "positive"}))
    assert "would not change it" in defaults_of(result)["pr"].effect
    negative = navigate(Case.from_mapping(DE_NOVO_BARE))
    assert "add endocrine options" in defaults_of(negative)["pr"].effect


def test_an_earlier_course_without_months_is_not_reported_when_a_later_one_relapsed_late() -> None:
    # neoadjuvant TCHP, then adjuvant trastuzumab ending 48 months before the relapse: TCHP ended earlier still
    mapping = {**RECURRENCE_BARE, "treatments": [
        {"drugs": ["TCHP"], "setting": "neoadjuvant"},
        {"drugs": ["trastuzumab"], "setting": "adjuvant", "months_to_recurrence": 48}]}
    fields = [m.field for m in navigate(Case.from_mapping(mapping)).missing]
    assert not [f for f in fields if f.endswith("months_to_recurrence")]
    mapping["treatments"][1]["months_to_recurrence"] = 5  # within the window: an early relapse already counts
    early = navigate(Case.from_mapping(mapping))
    assert early.line == 2
    assert not [m for m in early.missing if m.field.endswith("months_to_recurrence")]


def test_the_conditions_default_names_every_condition_the_case_can_give() -> None:
    """The sentence is knowledge written by hand: it must not drift from the conditions the contract lists."""
    from her2nav.case import Condition
    from her2nav.knowledge.defaults import CONDITIONS_NONE

    named = CONDITIONS_NONE.casefold()
    for condition in Condition:
        assert condition.value.replace("_", " ") in named, condition

"""The concordance audit: the treatment actually chosen, against the options listed for the case.

Base case (tests/conftest.py): de novo, HR-negative, first line; THP (docetaxel or
paclitaxel as the partner) and T-DXd + pertuzumab preferred. After progression on THP,
second line: T-DXd preferred, T-DM1 and the tucatinib triplet alternatives.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from her2nav.case import Case
from her2nav.navigate import navigate
from her2nav.result import TIER_ORDER, Tier
from tests.clirun import run_cli
from tests.conftest import case_mapping, progressed_on, property_examples, run
from tests.test_properties import case_mapping as any_case


def _concordance(chosen: list[str], **changes: Any) -> Any:
    found = run(**changes, chosen=chosen).concordance
    assert found is not None
    return found


SECOND_LINE = {"treatments": progressed_on("THP")}

MATCHES = [
    # (chosen, case changes, regimen, tier)
    (["trastuzumab deruxtecan"], SECOND_LINE, "T-DXd", Tier.PREFERRED),
    (["Enhertu"], SECOND_LINE, "T-DXd", Tier.PREFERRED),
    (["Kadcyla"], SECOND_LINE, "T-DM1", Tier.ALTERNATIVE),
    (["Tukysa", "Herceptin", "Xeloda"], SECOND_LINE, "Tucatinib + trastuzumab + capecitabine", Tier.ALTERNATIVE),
    (["THP"], {}, "THP", Tier.PREFERRED),
    (["Phesgo", "Taxol"], {}, "THP", Tier.PREFERRED),
]


@pytest.mark.parametrize(("chosen", "changes", "regimen", "tier"), MATCHES,
                         ids=["exact generic name", "brand alias", "brand alias at its own tier",
                              "three brand names make the tucatinib triplet",
                              "a regimen shorthand (docetaxel as the partner)",
                              "paclitaxel, a partner from THP's list, with Phesgo"])
def test_the_chosen_drugs_match_the_option_and_its_tier(chosen: list[str], changes: dict[str, Any], regimen: str,
                                                         tier: Tier) -> None:
    found = _concordance(chosen, **changes)
    assert (found.regimen, found.tier) == (regimen, tier)
    assert regimen in found.reason and tier.value in found.reason


def test_a_chemotherapy_partner_from_the_list_counts_at_a_later_line() -> None:
    later = {"treatments": progressed_on("THP", "T-DXd")}
    found = _concordance(["trastuzumab", "vinorelbine"], **later)
    assert found.regimen == "Trastuzumab + chemotherapy"
    assert "vinorelbine as its partner" in found.reason


def test_two_partners_where_one_is_given_are_not_listed() -> None:
    assert _concordance(["THP", "paclitaxel"]).category == "not_listed"


def test_a_choice_listed_as_avoid_is_counted_at_avoid_with_the_cautions() -> None:
    # T-DM1 after the disease progressed on it is weighed and ruled out.
    history = {"treatments": progressed_on("THP", "T-DM1")}
    found = _concordance(["T-DM1"], **history)
    assert found.tier is Tier.AVOID and found.category == "avoid"
    assert "avoid" in found.reason and "progress" in found.reason


def test_a_drug_progressed_on_is_not_listed_with_the_options_counted() -> None:
    found = _concordance(["THP"], **SECOND_LINE)
    assert (found.tier, found.regimen, found.option_index, found.category) == (None, None, None, "not_listed")
    assert "matches none of the" in found.reason


def test_a_partner_left_out_for_this_patient_makes_the_choice_not_listed_and_says_why() -> None:
    later = {"treatments": progressed_on("THP", "T-DXd"),
             "conditions": ["dpd_deficiency"]}
    found = _concordance(["trastuzumab", "capecitabine"], **later)
    assert found.category == "not_listed"
    assert "capecitabine not among its drugs for this case" in found.reason


def test_bone_agents_are_left_out_of_the_comparison_and_named() -> None:
    found = _concordance(["THP", "Zometa"])
    assert found.regimen == "THP" and "zoledronic acid" in found.reason
    assert _concordance(["Xgeva"]).category == "not_listed"


def test_continuing_the_ongoing_regimen_matches_the_continue_option() -> None:
    ongoing = {"treatments": [{"drugs": ["THP"], "setting": "metastatic", "outcome": "ongoing"}]}
    found = _concordance(["THP"], **ongoing)
    assert (found.regimen, found.tier, found.option_index) == ("Continue current regimen", Tier.PREFERRED, 0)


def test_without_chosen_there_is_no_audit() -> None:
    assert run().concordance is None
    assert run_cli("recommend", "-", "-f", "json", stdin=json.dumps(case_mapping()).encode()).json()[
        "concordance"] is None


def test_the_option_index_points_at_the_matching_option() -> None:
    result = run(chosen=["Kadcyla"], **SECOND_LINE)
    assert result.concordance is not None and result.concordance.option_index is not None
    assert result.systemic[result.concordance.option_index].regimen == "T-DM1"


def test_an_unknown_chosen_drug_is_an_invalid_case_naming_the_field() -> None:
    run_ = run_cli("recommend", "-", stdin=json.dumps(case_mapping(chosen=["Enhertoo"])).encode())
    assert run_.code == 2 and run_.stderr.startswith('her2nav: chosen[0]: unknown drug "Enhertoo"')


def test_the_chosen_flag_reads_drugs_joined_by_plus() -> None:
    out = run_cli("recommend", "-", "-f", "json", "--chosen", "Phesgo + paclitaxel",
                  stdin=json.dumps(case_mapping()).encode()).json()
    assert out["case"]["chosen"] == ["pertuzumab", "trastuzumab", "paclitaxel"]
    assert (out["concordance"]["regimen"], out["concordance"]["tier"]) == ("THP", "preferred")


# ---------------------------------------------------------------- the batch summary


AUDITED = [
    json.dumps(case_mapping(id="a", chosen=["THP"])),
    json.dumps(case_mapping(id="b", chosen=["T-DXd", "pertuzumab"])),
    json.dumps(case_mapping(id="c", chosen=["T-DM1"])),
    json.dumps(case_mapping(id="d")),
    json.dumps(case_mapping(id="e", ecog=9, chosen=["THP"])),
]


def _batch(*args: str) -> Any:
    return run_cli("batch", "-", *args, stdin="\n".join(AUDITED).encode() + b"\n")


def test_the_batch_counts_concordance_per_tier_on_stderr() -> None:
    run_ = _batch()
    assert ("her2nav: batch: concordance of the chosen treatment in 3 cases that give one: preferred 2, "
            "alternative 0, consider 0, avoid 0, not listed 1\n") in run_.stderr


def test_a_batch_without_chosen_says_nothing_about_concordance() -> None:
    run_ = run_cli("batch", "-", stdin=json.dumps(case_mapping()).encode())
    assert run_.stderr == ""


def test_the_handout_has_a_concordance_section_after_the_summary() -> None:
    text = _batch("--format", "markdown").stdout
    section = text.split("## Concordance of the chosen treatment", 1)[1].split("\n## Input line", 1)[0]
    assert "preferred 2, alternative 0, consider 0, avoid 0, not listed 1" in section
    assert ("| 1 | a | docetaxel + trastuzumab + pertuzumab | preferred | THP | "
            "chosen trastuzumab + pertuzumab + docetaxel matches the option") in section
    assert "| 3 | c | trastuzumab emtansine | not listed | - | chosen trastuzumab emtansine matches none" in section
    assert "| 4 |" not in section and "| 5 |" not in section
    assert text.index("## Summary") < text.index("## Concordance") < text.index("## Input line 1")


def test_the_csv_gives_each_case_its_concordance() -> None:
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(_batch("--format", "csv").stdout)))
    assert [(row["id"], row["concordance"], row["concordance_option"]) for row in rows] == [
        ("a", "preferred", "THP"), ("b", "preferred", "T-DXd + pertuzumab"), ("c", "not_listed", ""),
        ("d", "", ""), ("e", "", "")]


# ---------------------------------------------------------------- every listed option can be matched


@settings(max_examples=property_examples(100), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_case(), st.data())
def test_choosing_the_drugs_of_a_listed_option_matches_an_option_at_least_as_strong(
        mapping: dict[str, Any], data: st.DataObject) -> None:
    options = navigate(Case.from_mapping(mapping)).systemic
    index = data.draw(st.integers(0, len(options) - 1))
    picked = options[index]
    chosen = [*picked.required, *picked.partners[:1]]
    result = navigate(Case.from_mapping({**mapping, "chosen": chosen}))
    found = result.concordance
    assert found is not None and found.option_index is not None and found.tier is not None
    assert found.option_index <= index
    assert TIER_ORDER[found.tier] <= TIER_ORDER[picked.tier]
    matched = result.systemic[found.option_index]
    assert (matched.regimen, matched.tier) == (found.regimen, found.tier)
    assert set(chosen) <= set(matched.drugs)

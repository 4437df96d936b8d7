"""An ongoing course without a HER2-directed drug does not displace the standard (clinical-rules.md 10.2).

Continuing the current regimen is `preferred` only when it holds a HER2-directed drug. Capecitabine
or paclitaxel alone is continued as an `alternative` at most, saying that it holds no HER2-directed
drug (ASCO 2022 recs 1.0-2.1); endocrine therapy alone is `consider` (ASCO 2022 rec 6.0.3). The
HER2-directed options of the line keep their tiers.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, reject

from her2nav.case import Case
from her2nav.errors import InvalidCase, OutOfScope
from her2nav.knowledge.drugs import DRUGS
from her2nav.knowledge.regimens import CONTINUE_CURRENT
from her2nav.navigate import Settings, navigate
from her2nav.result import Result, SystemicOption, Tier
from tests.conftest import course, option, progressed_on, run, tier_of
from tests.scenarios import HR_POSITIVE, TDXD, TDXD_P, THP
from tests.test_properties import PROPERTY_SETTINGS, case_mapping, navigator_settings


def continued(result: Result) -> SystemicOption:
    [option] = [o for o in result.systemic if o.regimen == CONTINUE_CURRENT]
    return option


def test_capecitabine_alone_at_second_line_leaves_tdxd_preferred() -> None:
    result = run(treatments=[*progressed_on("THP"), course("capecitabine", outcome="ongoing")])
    assert tier_of(result, TDXD) is Tier.PREFERRED
    option = continued(result)
    assert option.tier is Tier.ALTERNATIVE
    assert "no HER2-directed drug" in option.rationale
    assert "ASCO 2022 recs 1.0-2.1" in option.rationale


def test_paclitaxel_alone_at_first_line_leaves_both_standards_preferred() -> None:
    result = run(treatments=[course("paclitaxel", outcome="ongoing")])
    assert tier_of(result, THP) is Tier.PREFERRED
    assert tier_of(result, TDXD_P) is Tier.PREFERRED
    assert continued(result).tier is Tier.ALTERNATIVE


def test_paclitaxel_alone_after_thp_leaves_tdxd_preferred() -> None:
    """Issue item 3, second form."""
    result = run(treatments=[*progressed_on("THP"), course("paclitaxel", outcome="ongoing")])
    assert tier_of(result, TDXD) is Tier.PREFERRED
    assert continued(result).tier is Tier.ALTERNATIVE


def test_the_standard_is_not_told_it_applies_only_if_the_current_regimen_stops() -> None:
    result = run(treatments=[course("paclitaxel", outcome="ongoing")])
    thp = option(result, THP)
    assert not thp.rationale.startswith("If the current regimen has to stop")


def test_endocrine_therapy_alone_is_for_consideration() -> None:
    result = run(**HR_POSITIVE, treatments=[course("letrozole", outcome="ongoing")])
    option = continued(result)
    assert option.tier is Tier.CONSIDER
    assert "rec 6.0.3" in option.rationale
    assert tier_of(result, THP) is Tier.PREFERRED


def test_endocrine_therapy_with_a_bone_agent_is_still_endocrine_therapy_alone() -> None:
    result = run(**HR_POSITIVE, treatments=[course("letrozole+zoledronic acid", outcome="ongoing")])
    assert continued(result).tier is Tier.CONSIDER


def test_a_her2_directed_course_is_still_continued_as_preferred() -> None:
    result = run(treatments=[*progressed_on("THP"), course("trastuzumab+capecitabine", outcome="ongoing")])
    assert continued(result).tier is Tier.PREFERRED
    assert tier_of(result, TDXD) is Tier.ALTERNATIVE


def test_the_trace_says_why_continuing_is_not_preferred() -> None:
    result = run(treatments=[*progressed_on("THP"), course("capecitabine", outcome="ongoing")])
    [step] = [s for s in result.trace if s.step == "ongoing course without HER2-directed drug"]
    assert step.decision == "continuing it: alternative at most"
    assert step.because.startswith("course 2 (capecitabine, metastatic, ongoing)")


@pytest.mark.parametrize("drugs", ["capecitabine", "paclitaxel", "vinorelbine+palbociclib", "eribulin"])
def test_no_chemotherapy_alone_is_continued_as_preferred(drugs: str) -> None:
    result = run(treatments=[course(drugs, outcome="ongoing")])
    assert continued(result).tier is not Tier.PREFERRED
    assert any(o.tier is Tier.PREFERRED for o in result.systemic)


def _has_her2_drug(drugs: tuple[str, ...]) -> bool:
    return any(DRUGS[drug].her2_directed for drug in drugs)


@PROPERTY_SETTINGS
@given(case_mapping(), navigator_settings)
def test_no_ongoing_course_is_continued_as_preferred_without_a_her2_directed_drug(
        mapping: dict[str, Any], config: Settings) -> None:
    try:
        case = Case.from_mapping(mapping)
        result = navigate(case, config)
    except (InvalidCase, OutOfScope):  # not a case this property speaks about
        reject()
    for choice in result.systemic:
        if choice.regimen == CONTINUE_CURRENT and choice.tier is Tier.PREFERRED:
            assert _has_her2_drug(choice.drugs), choice

"""clinical-rules.md section 0: which cases are in scope (HER2-positive), and what an out-of-scope case is told."""

from __future__ import annotations

import re
from typing import Any

import pytest

from her2nav.case import Case
from her2nav.errors import ExitStatus, OutOfScope
from her2nav.navigate import navigate
from tests.conftest import case_mapping

OUTSIDE = re.compile(r"outside (this|the) navigator|covers HER2-positive disease only")
NO_HER2 = {"her2_ihc": None}  # the base case gives IHC 3+; these rows give HER2 their own way

IN_SCOPE = [
    pytest.param({"her2": "positive"}, id="her2 positive given directly"),
    pytest.param({"her2_ihc": "3+"}, id="IHC 3+"),
    pytest.param({"her2_ihc": "2+", "her2_ish": "amplified"}, id="IHC 2+ with ISH amplified"),
    pytest.param({"her2_ish": "amplified"}, id="ISH amplified without IHC"),
    pytest.param({"her2": "positive", "her2_ihc": "3+"}, id="her2 positive and IHC 3+ agree"),
]


@pytest.mark.parametrize("her2", IN_SCOPE)
def test_her2_positive_is_in_scope(her2: dict[str, Any]) -> None:
    result = navigate(Case.from_mapping(case_mapping(**{**NO_HER2, **her2})))
    assert result.line == 1
    assert result.systemic


def _out_of_scope(her2: dict[str, Any]) -> OutOfScope:
    case = Case.from_mapping(case_mapping(**{**NO_HER2, **her2}))
    with pytest.raises(OutOfScope) as caught:
        navigate(case)
    return caught.value


HER2_LOW_SAYS = ("IHC 1+ (or 2+ with ISH not amplified)", "HER2-low", "trastuzumab deruxtecan",
                 "HER2-negative pathway")

OUT_OF_SCOPE = [
    pytest.param({"her2_ihc": "2+"}, ("order ISH on the same specimen",), False,
                 id="IHC 2+ without ISH: order ISH"),
    pytest.param({"her2_ihc": "1+"}, HER2_LOW_SAYS, True,
                 id="IHC 1+: HER2-low, outside, T-DXd on the HER2-negative pathway"),
    pytest.param({"her2_ihc": "2+", "her2_ish": "not_amplified"}, HER2_LOW_SAYS, True,
                 id="IHC 2+ with ISH not amplified: HER2-low, outside"),
    pytest.param({"her2": "low"}, HER2_LOW_SAYS, True, id="her2 low given directly: outside"),
    pytest.param({"her2_ihc": "0"}, ("HER2-negative pathway",), True, id="IHC 0: negative, outside"),
    pytest.param({"her2": "ultralow", "her2_ihc": "0"}, ("HER2-negative pathway",), True, id="ultralow: outside"),
    pytest.param({"her2": "negative"}, ("HER2-negative pathway",), True, id="her2 negative given directly: outside"),
]


@pytest.mark.parametrize(("her2", "says", "outside"), OUT_OF_SCOPE)
def test_out_of_scope_says_why_and_what_to_do(her2: dict[str, Any], says: tuple[str, ...], outside: bool) -> None:
    error = _out_of_scope(her2)
    assert error.exit_status is ExitStatus.OUT_OF_SCOPE
    assert int(error.exit_status) == 3
    for fragment in says:
        assert fragment in error.message, f"{fragment!r} not in: {error.message}"
    if outside:
        assert OUTSIDE.search(error.message), f"does not say the case is outside this navigator: {error.message}"


@pytest.mark.parametrize("her2", [
    pytest.param({"her2": "ultralow", "her2_ihc": "0"}, id="ultralow"),
    pytest.param({"her2_ihc": "0"}, id="IHC 0 negative"),
])
def test_ultralow_and_negative_also_point_to_trastuzumab_deruxtecan(her2: dict[str, Any]) -> None:
    assert "trastuzumab deruxtecan" in _out_of_scope(her2).message


def test_equivocal_message_names_reflex_ish() -> None:
    """The action the rule names for IHC 2+ without ISH is `reflex_ish`: the message says it."""
    assert "reflex ISH" in _out_of_scope({"her2_ihc": "2+"}).message


def test_her2_low_is_not_called_a_result_category() -> None:
    """ASCO/CAP does not define HER2-low as a result category: the message says so beside the word."""
    message = _out_of_scope({"her2_ihc": "1+"}).message
    assert "ASCO/CAP" in message

"""The terminal view an oncologist reads between two patients: at every width no word is folded
mid-way, anything urgent is on the first screen, the case is shown as it was read, and evidence is
labelled by ids that `her2nav references --id` accepts as printed."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from tests.clirun import EXAMPLES, run_cli

CASES = sorted(EXAMPLES.glob("*.json"))
WIDTHS = (60, 80, 100, 120, 200)
URGENT_WITHIN_LINES = 20
TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9]*")
# The view's own words, beside the words of the result: headings, labels and the footer.
LABELS = ("her2nav case Case Courses Sites Conditions URGENT Line Systemic options Site-specific Other actions "
          "Missing facts Evidence Tier Regimen Reason Cautions Site Intervention references id LABEL shows a "
          "study Knowledge base evidence as of HR positive negative metastasis biopsied not menopausal "
          "postmenopausal premenopausal status unknown ECOG LVEF creatinine clearance mL minute none given "
          "metastatic recurrence months after lesion lesions primary tumor intact")


def _words(value: Any, found: set[str]) -> set[str]:
    if isinstance(value, dict):
        for key, item in value.items():
            found.update(token.lower() for token in TOKEN.findall(key))
            _words(item, found)
    elif isinstance(value, list):
        for item in value:
            _words(item, found)
    elif value is not None and not isinstance(value, bool):
        found.update(token.lower() for token in TOKEN.findall(str(value)))
    return found


def _vocabulary(path: Path) -> set[str]:
    result = run_cli("recommend", str(path), "--format", "json").json()
    return _words(result, {token.lower() for token in TOKEN.findall(LABELS)})


def _fragments(text: str, vocabulary: set[str]) -> list[str]:
    """Tokens that are no word of the result or the view but the start or end of one: a folded word."""
    return [token for token in TOKEN.findall(text)
            if len(token) > 1 and token.lower() not in vocabulary
            and any(word != token.lower() and (word.startswith(token.lower()) or word.endswith(token.lower()))
                    for word in vocabulary)]


@pytest.mark.slow
@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_no_word_is_folded_at_any_width(path: Path) -> None:
    vocabulary = _vocabulary(path)
    for width in WIDTHS:
        for extra in ((), ("--details",)):
            run = run_cli("recommend", str(path), "--width", str(width), *extra)
            assert run.code == 0
            assert _fragments(run.stdout, vocabulary) == [], f"width {width} {extra}"
            assert max(len(line) for line in run.stdout.splitlines()) <= width


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_every_urgent_action_is_on_the_first_screen(path: Path) -> None:
    result = run_cli("recommend", str(path), "--format", "json").json()
    urgent = [action["text"] for action in result["actions"] if action["kind"] == "urgent"]
    for width in WIDTHS:
        lines = run_cli("recommend", str(path), "--width", str(width)).stdout.splitlines()
        first_screen = " ".join(" ".join(line.strip("│ ").split()) for line in lines[:URGENT_WITHIN_LINES])
        for text in urgent:
            assert text in first_screen, f"width {width}"


def test_the_cord_compression_example_has_an_urgent_action_to_check() -> None:
    result = run_cli("recommend", str(EXAMPLES / "bone-cord-compression.json"), "--format", "json").json()
    assert any(action["kind"] == "urgent" for action in result["actions"])


def test_urgent_actions_come_before_the_line_and_the_options() -> None:
    text = run_cli("recommend", str(EXAMPLES / "bone-cord-compression.json"), "--width", "80").stdout
    assert text.index("URGENT") < text.index("Line 2") < text.index("Systemic options")


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_every_evidence_label_is_printed_whole_and_accepted_by_references(path: Path) -> None:
    result = run_cli("recommend", str(path), "--format", "json").json()
    text = run_cli("recommend", str(path), "--width", "80").stdout
    cited = {ref for option in [*result["systemic"], *result["site_specific"]] for ref in option["evidence"]}
    for ref_id in cited:
        assert re.search(rf"(?<![\w-]){re.escape(ref_id)}(?![\w-])", text), ref_id
    assert run_cli("references", *[arg for ref_id in sorted(cited) for arg in ("--id", ref_id)]).code == 0


def test_the_case_is_shown_as_read_with_aliases_expanded() -> None:
    case = json.loads((EXAMPLES / "second-line-after-thp.json").read_text(encoding="utf-8"))
    assert any("THP" in course["drugs"] for course in case["treatments"])
    text = run_cli("recommend", str(EXAMPLES / "second-line-after-thp.json"), "--width", "200").stdout
    head = text[:text.index("Line ")]
    assert "docetaxel + trastuzumab + pertuzumab (metastatic, progression)" in head
    assert "HER2 positive" in head and "ECOG" in head and "LVEF" in head


def test_codes_are_shown_as_plain_words() -> None:
    text = run_cli("recommend", str(EXAMPLES / "bone-cord-compression.json"), "--width", "80").stdout
    assert "bone-modifying agent" in text and "lymph node" in text
    assert not re.search(r"[a-z]_[a-z]", text)


def test_the_line_number_stands_apart_from_the_reason() -> None:
    lines = run_cli("recommend", str(EXAMPLES / "second-line-after-thp.json"), "--width", "80").stdout.splitlines()
    assert "Line 2" in [line.strip() for line in lines]


def test_trial_findings_wait_for_details() -> None:
    path = str(EXAMPLES / "second-line-after-thp.json")
    finding = "DESTINY-Breast03 against T-DM1"
    assert finding in run_cli("recommend", path, "--format", "json").stdout
    for width in ("80", "200"):
        assert finding not in " ".join(run_cli("recommend", path, "--width", width).stdout.split())
        details = run_cli("recommend", path, "--width", width, "--details").stdout
        assert "Cortés J et al." in details  # the cited study, under its label
    assert finding in " ".join(run_cli("recommend", path, "--width", "80", "--details").stdout.split())
    assert "Evidence" in run_cli("recommend", path, "--explain").stdout


def test_a_wide_terminal_gets_a_table_and_a_narrow_one_a_list() -> None:
    path = str(EXAMPLES / "second-line-after-thp.json")
    assert "┃ Tier" in run_cli("recommend", path, "--width", "200").stdout
    assert "┃ Tier" not in run_cli("recommend", path, "--width", "80").stdout


def test_defaults_that_would_not_change_the_answer_are_folded_until_details() -> None:
    """HR-negative case without sex or visceral crisis: those defaults bear on endocrine options only."""
    case = str(EXAMPLES / "second-line-after-thp.json")
    plain = " ".join(run_cli("recommend", case, "--width", "80").stdout.split())
    detailed = " ".join(run_cli("recommend", case, "--width", "80", "--details").stdout.split())
    assert "visceral crisis: not given" not in plain and "visceral crisis: not given" in detailed
    assert "2 more not given that would not change this answer (--details)." in plain
    assert "conditions: not given" in plain  # a default that could change the answer stays in view


def test_an_entry_to_avoid_shows_why_and_keeps_its_studies_for_details() -> None:
    """Surgery of an intact primary for survival: the caution says why it is avoided; the trials' figures
    (Tata Memorial HR 1.04) wait for --details, as the systemic findings do."""
    case = str(EXAMPLES / "second-line-after-thp.json")
    plain = " ".join(run_cli("recommend", case, "--width", "80").stdout.split())
    detailed = " ".join(run_cli("recommend", case, "--width", "80", "--details").stdout.split())
    assert "no survival benefit in randomized trials" in plain
    assert "Tata Memorial HR 1.04" not in plain and "Tata Memorial HR 1.04" in detailed


@pytest.mark.parametrize("width", ["40", "80", "120"])
def test_no_view_pads_its_lines_with_trailing_spaces(width: str) -> None:
    """Redirected to a file or pasted into a note, a line holds only what it shows."""
    dated = str(EXAMPLES / "dated-history.json")
    record = str(EXAMPLES / "fhir" / "early-relapse-after-tchp-tdm1.json")
    runs = [run_cli("recommend", dated, "--width", width, "--explain", "--details"),  # with the timeline
            run_cli("recommend", "--fhir", record, "--width", width, "--explain"),  # with the sources of each fact
            run_cli("references", "--width", width)]
    for run in runs:
        assert run.code == 0, run.stderr
        assert [line for line in run.stdout.splitlines() if line.endswith(" ")] == []

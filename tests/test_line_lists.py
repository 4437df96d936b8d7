"""The line lists of knowledge/lines.py hold together: each entry is a known regimen, listed once
per line, and every variant of an entry can be the one a case gets.

What each list gives a case is pinned in tests/test_systemic.py and tests/test_systemic_rationale.py.
"""

from __future__ import annotations

import pytest

from her2nav.knowledge.lines import (
    FIRST_LINE,
    LATER_LINE,
    LEADS_WITH_ACTIVE_BRAIN,
    LOWERED_IF_RECEIVED,
    SECOND_LINE,
    TDM1_PROMOTED,
    Feature,
    LineEntry,
)
from her2nav.knowledge.regimens import REGIMENS

LINES = {"first line": FIRST_LINE, "second line": SECOND_LINE, "later lines": LATER_LINE}


@pytest.mark.parametrize("entries", LINES.values(), ids=LINES.keys())
def test_every_entry_is_a_known_regimen_listed_once(entries: tuple[LineEntry, ...]) -> None:
    keys = [entry.key for entry in entries]
    assert set(keys) <= set(REGIMENS)
    assert len(keys) == len(set(keys))


def test_t_dm1_promoted_at_second_line_is_the_regimen_the_second_line_lists() -> None:
    assert TDM1_PROMOTED.key in {entry.key for entry in SECOND_LINE}


def test_an_option_lowered_for_a_drug_received_before_contains_that_drug() -> None:
    for key, drug in LOWERED_IF_RECEIVED.items():
        assert drug in REGIMENS[key].required, key


@pytest.mark.parametrize("entries", LINES.values(), ids=LINES.keys())
def test_no_variant_is_hidden_behind_an_earlier_one(entries: tuple[LineEntry, ...]) -> None:
    """The first variant whose features all hold wins: a later variant needing every feature of an
    earlier one (and more) could never apply, so the more particular variant has to come first."""
    for entry in entries:
        for index, later in enumerate(entry.variants):
            for earlier in entry.variants[:index]:
                assert not earlier.when <= later.when, f"{entry.key}: a variant can never apply"


def test_every_feature_changes_some_line() -> None:
    """A feature no entry uses would be worked out for every case and change nothing."""
    entries = [entry for entries in LINES.values() for entry in entries]
    used = {entry.only for entry in entries} | {f for e in entries for v in e.variants for f in v.when}
    assert used - {None} == set(Feature)


def test_the_regimen_that_leads_with_active_brain_metastases_is_on_the_later_line_list() -> None:
    assert LEADS_WITH_ACTIVE_BRAIN in {entry.key for entry in LATER_LINE}

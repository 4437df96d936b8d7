"""Section 0 rules as they touch site-specific care (hormone receptors, pregnancy, missing facts), and the
actions the site rules ask for. Scope, re-biopsy and the LVEF/ECOG missing facts are in test_scope.py and
test_actions.py."""

from __future__ import annotations

from typing import Any

import pytest

from her2nav.knowledge.drugs import DRUGS
from her2nav.result import ActionKind, Tier
from tests.conftest import run
from tests.site_helpers import actions_of, entries, entry

THP_FAILED = [{"drugs": ["THP"], "setting": "metastatic", "outcome": "progression"}]


# --------------------------------------------------------------------------- hormone receptors


@pytest.mark.parametrize(
    ("er", "pr", "positive"),
    [("positive", "negative", True), ("low", "negative", True), ("negative", "positive", True),
     ("negative", "negative", False), ("unknown", "positive", True)],
)
def test_hormone_receptor_status(er: str, pr: str, positive: bool) -> None:
    result = run(er=er, pr=pr)
    assert result.case.hormone_receptor_positive is positive
    endocrine = [o for o in result.systemic if any(DRUGS[d].endocrine for d in o.drugs)]
    assert bool(endocrine) is positive


def test_er_low_is_hormone_receptor_positive_with_an_endocrine_caution() -> None:
    result = run(er="low", pr="negative")
    endocrine = [o for o in result.systemic if any(DRUGS[d].endocrine for d in o.drugs)]
    assert endocrine and all(any("ER-low" in c and "uncertain" in c for c in o.cautions) for o in endocrine)


# ------------------------------------------------------------------------------- pregnancy


def test_pregnancy_rules_out_her2_endocrine_and_bone_agents_and_asks_for_a_specialist() -> None:
    result = run(conditions=["pregnancy"], er="positive", treatments=THP_FAILED,
                 sites=[{"site": "bone", "lesions": 3, "symptoms": ["pain", "fracture"]}])
    her2_or_endocrine = [o for o in result.systemic
                         if any(DRUGS[d].her2_directed or DRUGS[d].endocrine for d in o.drugs)]
    assert her2_or_endocrine and all(o.tier is Tier.AVOID for o in her2_or_endocrine)
    assert all(o.tier is Tier.AVOID for o in result.systemic)  # no regimen is offered
    assert entry(result, "bone", "zoledronic").tier is Tier.AVOID
    assert entry(result, "bone", "denosumab").tier is Tier.AVOID
    radiation = entry(result, "bone", "8 Gy")
    assert radiation.tier is Tier.PREFERRED and any("specialist" in c for c in radiation.cautions)
    assert len(actions_of(result, ActionKind.SPECIALIST_REVIEW)) == 1
    assert not actions_of(result, ActionKind.CLINICAL_TRIAL)
    assert not actions_of(result, ActionKind.DENTAL_REVIEW)


@pytest.mark.parametrize(
    ("site", "intervention"),
    [({"site": "liver", "lesions": 3}, "Systemic therapy (the systemic options above)"),
     ({"site": "brain", "lesions": 2, "status": "treated_stable"}, "Continue systemic therapy"),
     ({"site": "brain", "lesions": 2, "status": "progressing_after_local_therapy"}, "Switch to a CNS-active")],
)
def test_pregnancy_site_entries_do_not_offer_systemic_therapy(site: dict[str, Any], intervention: str) -> None:
    # Section 0: "Say so plainly; do not offer a regimen" holds for the site entries too.
    result = run(conditions=["pregnancy"], treatments=THP_FAILED, sites=[site])
    systemic_entry = entry(result, site["site"], intervention)
    assert systemic_entry.tier is Tier.AVOID
    assert any("pregnancy" in c and "after delivery" in c for c in systemic_entry.cautions)


def test_pregnancy_says_why_on_a_systemic_site_entry_already_avoided_for_another_reason() -> None:
    # Deferring local therapy needs a CNS-active regimen; in pregnancy none is offered, and the
    # entry says pregnancy as well as the missing regimen.
    result = run(conditions=["pregnancy"], treatments=THP_FAILED,
                 sites=[{"site": "brain", "lesions": 1, "status": "untreated"}])
    deferral = entry(result, "brain", "defer")
    assert deferral.tier is Tier.AVOID
    assert any("no CNS-active regimen" in c for c in deferral.cautions)
    assert any(c.startswith("pregnancy: no systemic regimen") for c in deferral.cautions)


def test_pregnancy_with_an_ongoing_regimen_does_not_keep_it_for_brain_progression() -> None:
    ongoing = [{"drugs": ["THP"], "setting": "metastatic", "outcome": "ongoing"}]
    result = run(conditions=["pregnancy"], treatments=ongoing,
                 sites=[{"site": "brain", "lesions": 2, "status": "progressing_after_local_therapy"}])
    assert not any("keeping the current" in o.intervention for o in entries(result, "brain"))
    local = entry(result, "brain", "further local therapy")
    assert any("cancer-in-pregnancy specialist team" in c for c in local.cautions)


def test_pregnancy_rules_out_a_radiopharmaceutical() -> None:
    result = run(conditions=["pregnancy"], sites=[{"site": "bone", "lesions": 9, "symptoms": ["pain"]}])
    assert entry(result, "bone", "radiopharmaceutical").tier is Tier.AVOID


# ---------------------------------------------------------------------------- missing facts


@pytest.mark.parametrize(
    ("changes", "missing"),
    [
        ({"sites": [{"site": "liver"}]}, "lesions: not given for liver; oligometastatic status was not judged"),
        ({"sites": [{"site": "bone", "lesions": 2}], "creatinine_clearance": None},
         "creatinine_clearance: not given; the zoledronic acid dose and the denosumab hypocalcemia risk were "
         "not checked"),
        ({"sites": [{"site": "brain", "lesions": 2}]}, "sites[0].status: not given for the brain (untreated, "
         "treated_stable or progressing_after_local_therapy); local therapy was not chosen"),
    ],
    ids=["lesion counts", "clearance with bone metastases", "brain status"],
)
def test_missing_facts_that_matter_are_named(changes: dict[str, Any], missing: str) -> None:
    assert missing in map(str, run(**changes).missing)


def test_unknown_months_to_recurrence_is_taken_as_late_and_said() -> None:
    result = run(presentation="recurrence", metastasis_biopsied=True,
                 treatments=[{"drugs": ["trastuzumab", "paclitaxel"], "setting": "adjuvant"}])
    assert result.line == 1
    assert "taken as more than 12 months" in result.line_reason


# ------------------------------------------------------------------------- site actions


@pytest.mark.parametrize(
    ("site", "kind", "phrase"),
    [
        ({"site": "bone", "lesions": 2, "symptoms": ["cord_compression"]}, ActionKind.URGENT, "cord compression"),
        ({"site": "bone", "lesions": 2, "symptoms": ["hypercalcemia"]}, ActionKind.URGENT, "Hypercalcemia"),
        ({"site": "brain", "lesions": 1, "status": "untreated", "symptoms": ["neurologic"]}, ActionKind.URGENT,
         "Symptomatic brain metastases"),
        ({"site": "brain", "lesions": 1, "status": "treated_stable", "leptomeningeal": True},
         ActionKind.SPECIALIST_REVIEW, "Leptomeningeal"),
    ],
    ids=["cord compression", "hypercalcemia", "neurologic", "leptomeningeal"],
)
def test_site_actions_are_one_clear_sentence(site: dict[str, Any], kind: ActionKind, phrase: str) -> None:
    found = actions_of(run(sites=[site]), kind)
    assert len(found) == 1
    text = found[0].text
    assert phrase in text and text.endswith(".") and text.count(". ") == 0


def test_urgent_actions_come_first_and_appear_once() -> None:
    result = run(presentation="recurrence", lvef=None, conditions=["dental_disease"], treatments=THP_FAILED * 2,
                 sites=[{"site": "bone", "lesions": 2, "symptoms": ["cord_compression", "hypercalcemia"]},
                        {"site": "bone", "lesions": 1, "symptoms": ["cord_compression"]},
                        {"site": "brain", "lesions": 1, "status": "untreated", "symptoms": ["neurologic"]}])
    kinds = [a.kind for a in result.actions]
    assert kinds[:3] == [ActionKind.URGENT] * 3
    assert ActionKind.URGENT not in kinds[3:]
    assert {ActionKind.REBIOPSY, ActionKind.CARDIAC_ASSESSMENT, ActionKind.DENTAL_REVIEW,
            ActionKind.CLINICAL_TRIAL} <= set(kinds[3:])
    assert len(kinds) == len(set(result.actions))


def test_every_site_entry_names_the_case_facts() -> None:
    result = run(creatinine_clearance=45, sites=[{"site": "bone", "lesions": 4, "symptoms": ["pain"]}])
    for option in entries(result, "bone"):
        assert option.rationale.startswith("Bone metastases (4 lesions; pain)")
    assert "creatinine clearance 45 mL/min" in entry(result, "bone", "zoledronic").rationale


def test_hypercalcemia_in_pregnancy_does_not_ask_for_a_bone_agent() -> None:
    result = run(conditions=["pregnancy"], sites=[{"site": "bone", "lesions": 2, "symptoms": ["hypercalcemia"]}])
    urgent = actions_of(result, ActionKind.URGENT)
    assert len(urgent) == 1
    assert "hydration" in urgent[0].text and "not given in pregnancy" in urgent[0].text
    agents = [o for o in entries(result, "bone") if o.intervention in ("Zoledronic acid", "Denosumab")]
    assert len(agents) == 2 and all(o.tier is Tier.AVOID for o in agents)

"""Site-specific entries in detail (clinical-rules.md sections 6-8): each entry opens with the
case's facts for that site, and the edges of the rules that choose an entry.
"""

from __future__ import annotations

from typing import Any

import pytest

from her2nav.case import Case
from her2nav.decide.bone import reduced_zoledronic_acid_dose
from her2nav.decide.site_common import describe
from her2nav.decide.sites import liver_dominant
from her2nav.result import ActionKind, Result, Tier, TraceStep
from tests.conftest import case_mapping, course, progressed_on, run
from tests.site_helpers import actions_of, entries, entry, has_entry

LIVER = {"site": "liver", "lesions": 3}
MANY_LIVER = {"site": "liver", "lesions": 8}  # not oligometastatic
# T-DXd and capecitabine ruled out: neither CNS-active regimen is offered
NO_CNS_ACTIVE: dict[str, Any] = {"conditions": ["interstitial_lung_disease", "dpd_deficiency"]}


def brain(**fields: Any) -> list[dict[str, Any]]:
    return [LIVER, {"site": "brain", "lesions": 2, **fields}]


def trace_step(result: Result, name: str) -> TraceStep:
    [found] = [s for s in result.trace if s.step == name]
    return found


# ------------------------------------------------------------------ each entry opens with the case's facts

FACTS_FIRST = [
    pytest.param({"sites": [{"site": "skin", "lesions": 2, "symptoms": ["ulceration"]}]}, "skin", "skin lesion",
                 "Skin metastases (2 lesions; ulceration). Radiation", id="skin radiation"),
    pytest.param({"sites": [{"site": "skin", "lesions": 2, "symptoms": ["bleeding"]}]}, "skin", "wound care",
                 "Skin metastases (2 lesions; bleeding). Dressings", id="wound care"),
    pytest.param({"sites": [{"site": "bone", "lesions": 2, "symptoms": ["fracture"]}]}, "bone", "stabilization",
                 "Bone metastases (2 lesions; fracture). Surgery", id="orthopedic stabilization"),
    pytest.param({"creatinine_clearance": None, "sites": [{"site": "bone", "lesions": 2}]}, "bone", "zoledronic",
                 "Bone metastases (2 lesions); creatinine clearance not given. A bone-modifying agent",
                 id="zoledronic acid, clearance not given"),
    pytest.param({"treatments": progressed_on("THP"), "sites": brain(status="treated_stable")}, "brain",
                 "continue systemic", "Brain metastases (2 lesions; treated stable). Keep", id="brain stable"),
    pytest.param({"treatments": progressed_on("THP"), "sites": brain()}, "brain", "number, size",
                 "Brain metastases (2 lesions). The brain status", id="brain status not given"),
    pytest.param({"sites": brain(status="untreated")}, "brain", "defer",
                 "Brain metastases (2 lesions; untreated). Local therapy may wait",
                 id="deferral ruled out at first line: no CNS-active regimen"),
    pytest.param({**NO_CNS_ACTIVE, "treatments": progressed_on("THP"),
                  "sites": brain(status="progressing_after_local_therapy")}, "brain", "switch",
                 "Brain metastases (2 lesions; progressing after local therapy); no ongoing systemic course. Brain",
                 id="switch with no CNS-active regimen"),
]


@pytest.mark.parametrize(("changes", "site", "name", "opening"), FACTS_FIRST)
def test_an_entry_opens_with_the_facts_of_its_site(changes: dict[str, Any], site: str, name: str,
                                                   opening: str) -> None:
    found = entry(run(**changes), site, name)
    assert found.site == site
    assert found.rationale.startswith(opening)


@pytest.mark.parametrize(("site", "text"), [
    pytest.param({"site": "bone", "lesions": 3, "symptoms": ["pain", "cord_compression"]},
                 "Bone metastases (3 lesions; pain, cord compression)", id="bone, the docstring's example"),
    pytest.param({"site": "brain", "lesions": 1, "status": "untreated", "leptomeningeal": True},
                 "Brain metastases (1 lesion; untreated; leptomeningeal disease)", id="brain, leptomeningeal"),
    pytest.param({"site": "liver"}, "Liver metastases (number of lesions not given)", id="liver, uncounted"),
])
def test_a_site_in_words(site: dict[str, Any], text: str) -> None:
    assert describe(Case.from_mapping(case_mapping(sites=[site])).sites[0]) == text


# ------------------------------------------------------------------ skin, lung, pleura, liver (section 8)

def test_skin_without_ulceration_or_bleeding_gets_systemic_therapy_only() -> None:
    skin = entries(run(sites=[{"site": "skin", "lesions": 2}, MANY_LIVER]), "skin")
    assert [o.intervention for o in skin] == ["Systemic therapy (the systemic options above)"]


def test_ulcerated_skin_keeps_systemic_therapy_beside_radiation_and_wound_care() -> None:
    result = run(sites=[{"site": "skin", "lesions": 2, "symptoms": ["ulceration"]}])
    assert entry(result, "skin", "systemic therapy").tier is Tier.PREFERRED
    assert entry(result, "skin", "radiation").tier is Tier.PREFERRED
    assert entry(result, "skin", "wound care").tier is Tier.PREFERRED


def test_dyspnea_without_a_recorded_effusion_says_an_effusion_would_be_drained() -> None:
    lung = entry(run(sites=[{"site": "lung", "lesions": 2, "symptoms": ["dyspnea"]}]), "lung", "systemic therapy")
    assert lung.rationale.startswith("Lung metastases (2 lesions; dyspnea); dyspnea is recorded: an effusion, "
                                     "if present, is drained (thoracentesis). ")
    pleura = run(sites=[{"site": "pleura", "lesions": 2, "symptoms": ["dyspnea", "effusion"]}])
    assert "dyspnea is recorded" not in entry(pleura, "pleura", "systemic therapy").rationale
    assert entry(pleura, "pleura", "thoracentesis").tier is Tier.PREFERRED


@pytest.mark.parametrize(("liver", "lung", "embolization"), [
    pytest.param(4, 3, True, id="4 liver lesions, 3 lung: liver-dominant"),
    pytest.param(3, 3, False, id="3 and 3: not more than all other sites together"),
])
def test_embolization_needs_liver_dominant_disease(liver: int, lung: int, embolization: bool) -> None:
    result = run(treatments=progressed_on("THP"),
                 sites=[{"site": "liver", "lesions": liver}, {"site": "lung", "lesions": lung}])
    assert has_entry(result, "liver", "intra-arterial") is embolization


def test_a_case_without_liver_metastases_is_not_liver_dominant() -> None:
    assert liver_dominant(Case.from_mapping(case_mapping(sites=[{"site": "lung", "lesions": 2}]))) is False


def test_pregnancy_cautions_embolization_rules_out_systemic_therapy_and_leaves_drainage() -> None:
    result = run(conditions=["pregnancy"], treatments=progressed_on("THP"),
                 sites=[{"site": "liver", "lesions": 4, "symptoms": ["ascites"]}, {"site": "lung", "lesions": 3}])
    pregnancy = "pregnancy: only after review by the cancer-in-pregnancy specialist team"
    assert entry(result, "liver", "intra-arterial").cautions == (pregnancy,)
    systemic = entry(result, "liver", "systemic therapy")
    assert systemic.tier is Tier.AVOID and systemic.cautions[0].startswith("pregnancy: no systemic regimen")
    assert entry(result, "liver", "paracentesis").cautions == ()


# ------------------------------------------------------------------ bone (section 7)

@pytest.mark.parametrize(("lesions", "offered"), [
    pytest.param(1, False, id="one painful bone lesion: not widespread"),
    pytest.param(2, True, id="two painful bone lesions among many metastases: possibly widespread"),
])
def test_radiopharmaceutical_only_for_possibly_widespread_painful_bone_disease(lesions: int, offered: bool) -> None:
    result = run(sites=[{"site": "bone", "lesions": lesions, "symptoms": ["pain"]}, MANY_LIVER])
    assert has_entry(result, "bone", "radiopharmaceutical") is offered


def test_radiopharmaceutical_with_bone_marrow_involvement_says_check_blood_counts() -> None:
    result = run(sites=[{"site": "bone", "lesions": 2, "symptoms": ["pain"]}, MANY_LIVER, {"site": "bone_marrow"}])
    radiopharmaceutical = entry(result, "bone", "radiopharmaceutical")
    assert radiopharmaceutical.tier is Tier.CONSIDER
    assert any(c.startswith("bone marrow involvement") and "check blood counts" in c
               for c in radiopharmaceutical.cautions)


def test_in_pregnancy_bone_agents_and_radionuclides_are_avoided_with_pregnancy_as_the_first_reason() -> None:
    result = run(conditions=["pregnancy", "dental_disease"],
                 sites=[{"site": "bone", "lesions": 2, "symptoms": ["pain"]}, MANY_LIVER])
    for name, reason in (("zoledronic", "bone-modifying agents are not given during pregnancy"),
                         ("denosumab", "bone-modifying agents are not given during pregnancy"),
                         ("radiopharmaceutical", "a radionuclide is not given during pregnancy")):
        found = entry(result, "bone", name)
        assert found.tier is Tier.AVOID
        assert found.cautions[0].startswith(f"pregnancy: {reason}")
    # no dental review before a bone agent that is not given
    assert actions_of(result, ActionKind.DENTAL_REVIEW) == []


def test_hypercalcemia_outside_pregnancy_is_treated_with_hydration_and_a_bone_agent() -> None:
    [urgent] = actions_of(run(sites=[{"site": "bone", "lesions": 2, "symptoms": ["hypercalcemia"]}]),
                          ActionKind.URGENT)
    assert urgent.text.startswith("Hypercalcemia: treat it now")
    assert "bone-modifying agent" in urgent.text
    assert "pregnancy" not in urgent.text


def test_clearance_of_exactly_30_gets_the_lowest_zoledronic_acid_dose_and_no_denosumab_renal_caution() -> None:
    result = run(creatinine_clearance=30, sites=[{"site": "bone", "lesions": 2}])
    zoledronic = entry(result, "bone", "zoledronic")
    assert zoledronic.tier is Tier.PREFERRED
    assert any("reduced dose 3.0 mg" in c for c in zoledronic.cautions)
    assert entry(result, "bone", "denosumab").cautions == ()


def test_unknown_clearance_cautions_denosumab_about_hypocalcemia() -> None:
    result = run(creatinine_clearance=None, sites=[{"site": "bone", "lesions": 2}])
    assert any(c.startswith("creatinine clearance not given: the risk of severe hypocalcemia is highest")
               for c in entry(result, "bone", "denosumab").cautions)
    assert trace_step(result, "site: bone").because == "Bone metastases (2 lesions); creatinine clearance not given"


def test_no_reduced_zoledronic_acid_dose_is_made_up_below_30() -> None:
    assert reduced_zoledronic_acid_dose(30) == "3.0 mg"
    with pytest.raises(ValueError, match="below 30 mL/min"):
        reduced_zoledronic_acid_dose(29)


# ------------------------------------------------------------------ brain (section 6)

def test_brain_progression_with_no_cns_active_regimen_left_is_a_switch_to_consider_and_says_why() -> None:
    result = run(**NO_CNS_ACTIVE, treatments=progressed_on("THP"),
                 sites=brain(status="progressing_after_local_therapy"))
    switch = entry(result, "brain", "switch")
    assert switch.tier is Tier.CONSIDER
    assert any(c.startswith("no CNS-active regimen") for c in switch.cautions)
    because = trace_step(result, "site: brain").because
    assert "no CNS-active regimen" in because
    assert "CNS-active options offered" not in because
    assert because.endswith("no ongoing systemic course")


def test_brain_progression_on_an_ongoing_course_names_it_in_the_trace() -> None:
    result = run(treatments=[*progressed_on("THP"), course("T-DXd", outcome="ongoing")],
                 sites=brain(status="progressing_after_local_therapy"))
    because = trace_step(result, "site: brain").because
    assert because.endswith("course 2 (trastuzumab deruxtecan, metastatic, ongoing) is ongoing and controls the body")


def test_leptomeningeal_disease_has_its_own_trace_step() -> None:
    result = run(treatments=progressed_on("THP"), sites=brain(status="untreated", leptomeningeal=True))
    step = trace_step(result, "leptomeningeal disease")
    assert step.decision == "specialist review"
    assert "intrathecal trastuzumab is not offered" in step.because


# ------------------------------------------------------------------ the case as read (section 0)

def test_trace_says_how_her2_positivity_was_given() -> None:
    assert run(her2_ihc=None, her2="positive").trace[0].because == "her2 given directly"
    assert run(her2_ihc="2+", her2_ish="amplified").trace[0].because == "IHC 2+, ISH amplified"


def test_pregnancy_is_a_step_of_its_own_in_the_trace() -> None:
    step = trace_step(run(conditions=["pregnancy"]), "pregnancy")
    assert step.decision == "no HER2-targeted, endocrine or bone-modifying therapy"
    assert step.because == "conditions include pregnancy"
    assert [s for s in run().trace if s.step == "pregnancy"] == []

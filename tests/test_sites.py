"""Site-specific care, one table-driven test per rule of clinical-rules.md sections 6-8.

Each row is a case a tumor board would recognise and the entry it must (or must not) get.
"""

from __future__ import annotations

from typing import Any

import pytest

from her2nav.knowledge.references import REFERENCES
from her2nav.result import ActionKind, Modality, Tier
from tests.conftest import option, run
from tests.site_helpers import actions_of, entries, entry, has_entry

THP_FAILED = [{"drugs": ["THP"], "setting": "metastatic", "outcome": "progression"}]
THP_THEN_TDXD_ONGOING = [*THP_FAILED, {"drugs": ["T-DXd"], "setting": "metastatic", "outcome": "ongoing"}]


def brain(**fields: Any) -> dict[str, Any]:
    return {"site": "brain", **fields}


def bone(**fields: Any) -> dict[str, Any]:
    return {"site": "bone", **fields}


# ------------------------------------------------------------------------------------ 6. Brain


def test_neurologic_symptoms_are_urgent_and_put_local_therapy_first() -> None:
    result = run(sites=[brain(lesions=1, status="untreated", symptoms=["neurologic"])])
    urgent = actions_of(result, ActionKind.URGENT)
    assert len(urgent) == 1 and "corticosteroids" in urgent[0].text
    assert "neurosurgical" in urgent[0].text and "radiation oncology" in urgent[0].text
    assert result.actions[0].kind is ActionKind.URGENT
    assert entry(result, "brain", "resection").tier is Tier.PREFERRED
    assert entry(result, "brain", "radiosurgery").tier is Tier.PREFERRED
    deferral = entry(result, "brain", "defer")
    assert deferral.tier is Tier.AVOID
    assert any("local therapy comes first" in c for c in deferral.cautions)


@pytest.mark.parametrize(
    ("lesions", "whole_brain_offered"),
    [(1, False), (3, False), (7, True), (None, True)],
    ids=["single lesion", "three lesions (1-4: radiosurgery alone)", "seven lesions", "count unknown"],
)
def test_local_therapy_by_number_of_lesions(lesions: int | None, whole_brain_offered: bool) -> None:
    """Section 10.5 bands up to 10 lesions; more than 10 is in tests/test_brain_extent.py."""
    result = run(treatments=THP_FAILED, sites=[brain(lesions=lesions, status="untreated")])
    assert entry(result, "brain", "radiosurgery").tier is Tier.PREFERRED
    assert entry(result, "brain", "resection").tier is Tier.ALTERNATIVE  # no symptoms: only if large
    assert has_entry(result, "brain", "whole-brain") is whole_brain_offered
    if whole_brain_offered:
        whole_brain = entry(result, "brain", "whole-brain")
        assert "memantine" in whole_brain.intervention and "nrg-cc001-2020" in whole_brain.evidence


def test_unknown_brain_lesion_count_is_a_missing_fact() -> None:
    result = run(treatments=THP_FAILED, sites=[brain(status="untreated")])
    assert any(m.field == "sites[0].lesions" for m in result.missing)


@pytest.mark.parametrize(
    ("treatments", "tier", "named"),
    [
        (THP_FAILED, Tier.CONSIDER, "T-DXd"),  # second line: T-DXd and the tucatinib triplet offered
        ([], Tier.AVOID, None),  # first line: no CNS-active regimen, so local therapy should not wait
    ],
    ids=["second line", "first line"],
)
def test_deferral_of_local_therapy_needs_a_cns_active_regimen(
    treatments: list[dict[str, Any]], tier: Tier, named: str | None
) -> None:
    result = run(treatments=treatments, sites=[brain(lesions=1, status="untreated"), {"site": "liver", "lesions": 8}])
    deferral = entry(result, "brain", "defer")
    assert deferral.tier is tier
    if named:
        assert named in deferral.rationale and "Tucatinib" in deferral.rationale
        assert {"her2climb-brain-2020", "destiny-breast12-2024", "tuxedo-1-2022"} <= set(deferral.evidence)
    else:
        assert any("no CNS-active regimen" in c for c in deferral.cautions)


def test_treated_stable_brain_metastases_continue_systemic_therapy() -> None:
    result = run(treatments=THP_FAILED, sites=[brain(lesions=2, status="treated_stable")])
    assert [o.intervention for o in entries(result, "brain")] == ["Continue systemic therapy; brain MRI follow-up"]
    continued = entries(result, "brain")[0]
    assert continued.tier is Tier.PREFERRED and continued.modality is Modality.SYSTEMIC
    assert "erickson-2020" in continued.evidence and "source article" in continued.rationale
    assert not actions_of(result, ActionKind.URGENT)


def test_brain_only_progression_keeps_the_regimen_that_controls_the_body() -> None:
    result = run(treatments=THP_THEN_TDXD_ONGOING, sites=[brain(lesions=2, status="progressing_after_local_therapy"),
                                                           {"site": "liver", "lesions": 6}])
    local = entry(result, "brain", "further local therapy")
    assert local.tier is Tier.PREFERRED and "course 2" in local.rationale
    current = option(result, "Continue current regimen")
    assert current.tier is Tier.PREFERRED and "treat the brain locally" in current.rationale
    assert option(result, "Tucatinib + trastuzumab + capecitabine").tier is Tier.ALTERNATIVE
    assert not has_entry(result, "brain", "switch")


def test_brain_progression_does_not_keep_an_ongoing_regimen_that_must_stop() -> None:
    # Ongoing T-DXd with interstitial lung disease: continuing it is avoid, so the brain entry
    # must not say "keeping the current systemic therapy"; the brain is treated again and the
    # next regimen, a CNS-active one, is chosen.
    result = run(treatments=THP_THEN_TDXD_ONGOING, conditions=["interstitial_lung_disease"],
                 sites=[brain(lesions=2, status="progressing_after_local_therapy"), {"site": "liver", "lesions": 6}])
    current = option(result, "Continue current regimen")
    assert current.tier is Tier.AVOID and "treat the brain locally" not in current.rationale
    assert not has_entry(result, "brain", "keeping the current systemic therapy")
    ongoing = ("Brain metastases (2 lesions; progressing after local therapy); course 2 (trastuzumab "
               "deruxtecan, metastatic, ongoing) is ongoing but cannot continue (see its cautions)")
    local = entry(result, "brain", "the ongoing regimen cannot continue")
    assert local.tier is Tier.PREFERRED and local.rationale.startswith(ongoing)
    switch = entry(result, "brain", "switch")
    assert switch.tier is Tier.PREFERRED and switch.rationale.startswith(ongoing)
    assert "Tucatinib + trastuzumab + capecitabine" in switch.rationale
    assert any("cannot continue" in step.because for step in result.trace if step.step == "site: brain")


def test_symptomatic_brain_progression_gets_local_therapy_first_and_keeps_the_regimen() -> None:
    result = run(treatments=THP_THEN_TDXD_ONGOING,
                 sites=[brain(lesions=2, status="progressing_after_local_therapy", symptoms=["neurologic"]),
                        {"site": "liver", "lesions": 6}])
    assert entry(result, "brain", "neurosurgical resection").tier is Tier.PREFERRED
    assert entry(result, "brain", "keeping the current systemic therapy").tier is Tier.PREFERRED


def test_brain_and_body_progressing_switch_to_a_cns_active_regimen() -> None:
    result = run(treatments=[*THP_FAILED, {"drugs": ["T-DXd"], "setting": "metastatic", "outcome": "progression"}],
                 sites=[brain(lesions=2, status="progressing_after_local_therapy"), {"site": "liver", "lesions": 6}])
    switch = entry(result, "brain", "switch")
    assert switch.tier is Tier.PREFERRED and "Tucatinib + trastuzumab + capecitabine" in switch.rationale
    assert option(result, "Tucatinib + trastuzumab + capecitabine").tier is Tier.PREFERRED


def test_leptomeningeal_disease_gets_specialist_review_and_no_intrathecal_therapy() -> None:
    result = run(treatments=THP_FAILED, sites=[brain(lesions=2, status="untreated", leptomeningeal=True)])
    review = actions_of(result, ActionKind.SPECIALIST_REVIEW)
    assert len(review) == 1 and "Leptomeningeal" in review[0].text
    assert all(o.modality is not Modality.INTRATHECAL for o in result.site_specific)
    assert all(any("leptomeningeal" in c for c in o.cautions) for o in entries(result, "brain"))
    assert any("intrathecal" in step.because for step in result.trace)


def test_brain_status_not_given_is_named_and_not_assumed() -> None:
    result = run(treatments=THP_FAILED, sites=[brain(lesions=2)])
    assert any(m.field == "sites[0].status" for m in result.missing)
    assert [o.tier for o in entries(result, "brain")] == [Tier.CONSIDER]


@pytest.mark.parametrize(
    ("regimen", "treatments", "phrase", "evidence"),
    [
        ("T-DXd", THP_FAILED, "DESTINY-Breast12", {"destiny-breast12-2024", "tuxedo-1-2022"}),
        ("T-DM1", THP_FAILED, "KAMILLA", {"kamilla-brain-2020"}),
        ("Lapatinib + capecitabine", [*THP_FAILED, {"drugs": ["T-DXd"], "setting": "metastatic"}],
         "CEREBEL", {"landscape-2013", "cerebel-2015"}),
    ],
    ids=["T-DXd is CNS-active", "T-DM1 modest CNS activity", "lapatinib then and now"],
)
def test_with_brain_metastases_systemic_options_say_what_they_do_in_the_brain(
    regimen: str, treatments: list[dict[str, Any]], phrase: str, evidence: set[str]
) -> None:
    with_brain = option(run(treatments=treatments, sites=[brain(lesions=1, status="untreated")]), regimen)
    without = option(run(treatments=treatments, sites=[{"site": "liver", "lesions": 8}]), regimen)
    assert phrase in with_brain.rationale and evidence <= set(with_brain.evidence)
    assert phrase not in without.rationale and not evidence & set(without.evidence)


def test_active_brain_metastases_raise_the_tucatinib_triplet_at_second_line() -> None:
    active = run(treatments=THP_FAILED, sites=[brain(lesions=1, status="untreated")])
    stable = run(treatments=THP_FAILED, sites=[brain(lesions=1, status="treated_stable")])
    assert option(active, "Tucatinib + trastuzumab + capecitabine").tier is Tier.PREFERRED
    assert option(stable, "Tucatinib + trastuzumab + capecitabine").tier is Tier.ALTERNATIVE


# ------------------------------------------------------------------------------------- 7. Bone


def test_both_bone_agents_are_preferred_with_normal_kidneys() -> None:
    result = run(sites=[bone(lesions=3)])
    zoledronic, denosumab = entry(result, "bone", "zoledronic"), entry(result, "bone", "denosumab")
    assert zoledronic.tier is Tier.PREFERRED and denosumab.tier is Tier.PREFERRED
    assert zoledronic.modality is Modality.BONE_MODIFYING_AGENT
    assert "calgb-70604-2017" in zoledronic.evidence and "every 12 weeks" in zoledronic.rationale
    assert "label-denosumab-us" in denosumab.evidence and "calcium and vitamin D" in denosumab.rationale


@pytest.mark.parametrize(
    ("clearance", "tier", "caution"),
    [
        (29.9, Tier.AVOID, "not recommended below 30 mL/min"),
        (10, Tier.AVOID, "not recommended below 30 mL/min"),
        (30, Tier.PREFERRED, "reduced dose 3.0 mg"),
        (39, Tier.PREFERRED, "reduced dose 3.0 mg"),
        (40, Tier.PREFERRED, "reduced dose 3.3 mg"),
        (49, Tier.PREFERRED, "reduced dose 3.3 mg"),
        (50, Tier.PREFERRED, "reduced dose 3.5 mg"),
        (60, Tier.PREFERRED, "reduced dose 3.5 mg"),
        (61, Tier.PREFERRED, None),
    ],
)
def test_zoledronic_acid_follows_the_label_renal_table(clearance: float, tier: Tier, caution: str | None) -> None:
    zoledronic = entry(run(creatinine_clearance=clearance, sites=[bone(lesions=3)]), "bone", "zoledronic")
    assert zoledronic.tier is tier
    if caution is None:
        assert not any("creatinine clearance" in c for c in zoledronic.cautions)
    else:
        assert any(caution in c for c in zoledronic.cautions)


def test_unknown_clearance_is_named_for_the_bone_agents() -> None:
    result = run(creatinine_clearance=None, sites=[bone(lesions=3)])
    assert any("measure it before the first dose" in c for c in entry(result, "bone", "zoledronic").cautions)
    assert any(m.field == "creatinine_clearance" for m in result.missing)


@pytest.mark.parametrize(
    ("changes", "caution"),
    [
        ({"conditions": ["hypocalcemia"]}, "correct it before the first dose"),
        ({"creatinine_clearance": 20}, "highest below 30 mL/min or on dialysis"),
    ],
    ids=["hypocalcemia", "clearance under 30"],
)
def test_denosumab_calcium_rules(changes: dict[str, Any], caution: str) -> None:
    denosumab = entry(run(sites=[bone(lesions=3)], **changes), "bone", "denosumab")
    assert denosumab.tier is Tier.PREFERRED
    assert any(caution in c for c in denosumab.cautions)


def test_dental_disease_asks_for_a_dental_review_before_a_bone_agent() -> None:
    result = run(conditions=["dental_disease"], sites=[bone(lesions=3)])
    assert len(actions_of(result, ActionKind.DENTAL_REVIEW)) == 1
    assert any("osteonecrosis" in c and "SWOG S0702" in c for c in entry(result, "bone", "zoledronic").cautions)
    assert not actions_of(run(sites=[bone(lesions=3)]), ActionKind.DENTAL_REVIEW)


@pytest.mark.parametrize(
    ("symptoms", "name", "modality", "evidence"),
    [
        (["pain"], "single 8 Gy fraction", Modality.RADIATION, ("rtog-9714-2005",)),
        (["fracture"], "stabilization", Modality.SURGERY, ()),
        (["impending_fracture"], "stabilization", Modality.SURGERY, ()),
        (["cord_compression"], "radiation for spinal cord compression", Modality.RADIATION, ()),
        (["cord_compression"], "decompressive surgery", Modality.SURGERY, ()),
    ],
)
def test_bone_symptoms_drive_the_procedures(
    symptoms: list[str], name: str, modality: Modality, evidence: tuple[str, ...]
) -> None:
    procedure = entry(run(sites=[bone(lesions=1, symptoms=symptoms)]), "bone", name)
    assert procedure.tier is Tier.PREFERRED and procedure.modality is modality
    assert procedure.evidence == evidence
    if not evidence:
        assert "clinical consensus" in procedure.rationale


def test_pain_radiation_says_it_is_for_uncomplicated_pain_when_the_cord_is_compressed() -> None:
    radiation = entry(run(sites=[bone(lesions=4, symptoms=["pain", "cord_compression"])]), "bone", "8 Gy")
    assert any("uncomplicated bone pain" in c for c in radiation.cautions)


@pytest.mark.parametrize(
    ("symptom", "words"),
    [("cord_compression", ["dexamethasone", "MRI of the whole spine", "same day"]),
     ("hypercalcemia", ["hydration", "bone-modifying agent"])],
)
def test_cord_compression_and_hypercalcemia_are_urgent(symptom: str, words: list[str]) -> None:
    result = run(sites=[{"site": "liver", "lesions": 9}, bone(lesions=4, symptoms=[symptom])])
    urgent = actions_of(result, ActionKind.URGENT)
    assert len(urgent) == 1 and all(word in urgent[0].text for word in words)
    assert result.actions[0].kind is ActionKind.URGENT


def test_hypercalcemia_stops_calcium_supplements() -> None:
    result = run(sites=[bone(lesions=4, symptoms=["hypercalcemia"])])
    for agent in ("zoledronic", "denosumab"):
        assert any("no calcium or vitamin D" in c for c in entry(result, "bone", agent).cautions)


@pytest.mark.parametrize(
    ("site", "offered"),
    [
        (bone(lesions=8, symptoms=["pain"]), True),
        (bone(symptoms=["pain"]), True),  # count unknown: possibly widespread
        (bone(lesions=1, symptoms=["pain"]), False),  # a single lesion is not widespread
        (bone(lesions=8), False),  # no pain
    ],
    ids=["widespread painful", "painful, count unknown", "single painful lesion", "painless"],
)
def test_radiopharmaceutical_only_for_widespread_painful_bone_disease(site: dict[str, Any], offered: bool) -> None:
    result = run(sites=[site])
    assert has_entry(result, "bone", "radiopharmaceutical") is offered
    if offered:
        radionuclide = entry(result, "bone", "radiopharmaceutical")
        assert radionuclide.tier is Tier.CONSIDER and "paes-2011" in radionuclide.evidence
        assert any("limits later chemotherapy" in c for c in radionuclide.cautions)


# ------------------------------------------------------ 8. Liver, lung, pleura, other, primary


@pytest.mark.parametrize("site", ["liver", "lung", "lymph_node", "soft_tissue", "skin", "other", "pleura"])
def test_systemic_therapy_is_the_treatment_of_other_sites(site: str) -> None:
    systemic = entry(run(sites=[{"site": site, "lesions": 7}]), site, "systemic therapy")
    assert systemic.tier is Tier.PREFERRED and systemic.modality is Modality.SYSTEMIC


@pytest.mark.parametrize(
    ("sites", "offered"),
    [
        ([{"site": "liver", "lesions": 2}, {"site": "lung", "lesions": 3}], True),
        ([{"site": "liver", "lesions": 4}, {"site": "bone", "lesions": 2}], False),  # 6 lesions
        ([{"site": "liver", "lesions": 2}, {"site": "bone"}], False),  # a count missing
    ],
    ids=["5 lesions", "6 lesions", "count missing"],
)
def test_oligometastatic_local_treatment_with_the_honest_evidence(
    sites: list[dict[str, Any]], offered: bool
) -> None:
    result = run(sites=sites)
    assert has_entry(result, "liver", "SBRT") is offered
    assert has_entry(result, "liver", "resection") is offered
    if offered:
        for name in ("SBRT", "resection"):
            local = entry(result, "liver", name)
            assert local.tier is Tier.CONSIDER
            assert "NRG-BR002" in local.rationale and "no benefit" in local.rationale
            assert "mixed tumors" in local.rationale
            assert {"nrg-br002-2022", "sabr-comet-2020"} <= set(local.evidence)


def test_missing_lesion_counts_leave_oligometastatic_status_unjudged() -> None:
    result = run(sites=[{"site": "liver", "lesions": 2}, {"site": "lung"}])
    assert "lesions: not given for lung; oligometastatic status was not judged" in map(str, result.missing)
    counted = run(sites=[{"site": "liver", "lesions": 9}, {"site": "lung"}])  # already over 5
    assert not any(m.field == "lesions" for m in counted.missing)


@pytest.mark.parametrize(
    ("treatments", "sites", "offered"),
    [
        (THP_FAILED, [{"site": "liver", "lesions": 8}], True),
        (THP_FAILED, [{"site": "liver", "lesions": 8}, {"site": "bone", "lesions": 2}], True),
        ([], [{"site": "liver", "lesions": 8}], False),  # first line: not yet resistant
        (THP_THEN_TDXD_ONGOING, [{"site": "liver", "lesions": 8}], False),  # controlled by T-DXd
        (THP_FAILED, [{"site": "liver", "lesions": 3}, {"site": "lung", "lesions": 6}], False),  # not dominant
    ],
    ids=["liver only, line 2", "liver dominant", "line 1", "ongoing course", "lung dominant"],
)
def test_embolization_for_liver_dominant_disease_resistant_to_systemic_therapy(
    treatments: list[dict[str, Any]], sites: list[dict[str, Any]], offered: bool
) -> None:
    result = run(treatments=treatments, sites=sites)
    assert has_entry(result, "liver", "intra-arterial") is offered
    if offered:
        embolization = entry(result, "liver", "intra-arterial")
        assert embolization.tier is Tier.CONSIDER and embolization.modality is Modality.EMBOLIZATION
        assert "no randomized trial" in embolization.rationale


@pytest.mark.parametrize(
    ("site", "symptom", "name", "modality", "tier"),
    [
        ("liver", "ascites", "paracentesis", Modality.PROCEDURE, Tier.PREFERRED),
        ("liver", "pruritus", "pruritus", Modality.SUPPORTIVE, Tier.PREFERRED),
        ("pleura", "effusion", "thoracentesis", Modality.PROCEDURE, Tier.PREFERRED),
        ("pleura", "effusion", "pleurodesis", Modality.PROCEDURE, Tier.ALTERNATIVE),
        ("lung", "effusion", "thoracentesis", Modality.PROCEDURE, Tier.PREFERRED),
        ("skin", "ulceration", "radiation to the skin", Modality.RADIATION, Tier.PREFERRED),
        ("skin", "bleeding", "wound care", Modality.SUPPORTIVE, Tier.PREFERRED),
    ],
)
def test_symptoms_of_other_sites_drive_procedures(
    site: str, symptom: str, name: str, modality: Modality, tier: Tier
) -> None:
    procedure = entry(run(sites=[{"site": site, "lesions": 7, "symptoms": [symptom]}]), site, name)
    assert procedure.modality is modality and procedure.tier is tier


def test_jaundice_cautions_and_raises_visceral_crisis() -> None:
    result = run(sites=[{"site": "liver", "lesions": 7, "symptoms": ["jaundice"]}])
    liver = entry(result, "liver", "systemic therapy")
    assert any("hepatically cleared" in c for c in liver.cautions)
    assert "visceral crisis" in liver.rationale
    assert all(any("jaundice" in c for c in o.cautions) for o in result.systemic)


@pytest.mark.parametrize(
    ("site", "lesions", "offered"),
    [("lymph_node", 1, True), ("soft_tissue", 1, True), ("other", 1, True), ("lymph_node", 3, False)],
)
def test_an_isolated_lesion_may_be_treated_locally(site: str, lesions: int, offered: bool) -> None:
    result = run(sites=[{"site": site, "lesions": lesions}, {"site": "liver", "lesions": 7}])
    assert has_entry(result, site, "isolated lesion") is offered
    if offered:
        assert {o.tier for o in entries(result, site) if "isolated" in o.intervention} == {Tier.CONSIDER}


def test_bone_marrow_involvement_cautions_on_myelosuppression() -> None:
    marrow = entry(run(sites=[{"site": "bone_marrow"}]), "bone_marrow", "systemic therapy")
    assert any("myelosuppressive chemotherapy" in c for c in marrow.cautions)


def test_a_symptomatic_primary_may_be_treated_for_local_control() -> None:
    result = run(primary_tumor={"intact": True, "symptoms": ["bleeding", "infection"]})
    surgery, radiation = entry(result, "primary", "surgery"), entry(result, "primary", "radiation")
    for local in (surgery, radiation):
        assert local.tier is Tier.CONSIDER and "bleeding, infection" in local.rationale
        assert "does not lengthen survival" in local.rationale
        assert {"e2108-2022", "lrt-meta-2021"} <= set(local.evidence)


def test_surgery_of_an_asymptomatic_primary_does_not_improve_survival() -> None:
    surgery = entry(run(primary_tumor={"intact": True}), "primary", "prolong survival")
    assert surgery.tier is Tier.AVOID
    assert "source article" in surgery.rationale and "HER2-positive subgroup 0.93" in surgery.rationale
    assert {"tata-memorial-2015", "e2108-2022", "lrt-meta-2021"} <= set(surgery.evidence)


def test_no_primary_entry_when_the_primary_was_removed() -> None:
    assert not entries(run(primary_tumor={"intact": False}), "primary")


# ---------------------------------------------------------------------------- evidence and order


@pytest.mark.parametrize("path_case", [
    {"sites": [bone(lesions=3, symptoms=["pain", "fracture", "cord_compression", "hypercalcemia"]),
               brain(lesions=2, status="untreated", symptoms=["neurologic"]),
               {"site": "liver", "lesions": 1, "symptoms": ["ascites", "pruritus", "jaundice"]}],
     "primary_tumor": {"intact": True}},
    {"sites": [{"site": "skin", "lesions": 1, "symptoms": ["bleeding"]}, {"site": "pleura", "symptoms": ["effusion"]},
               brain(status="treated_stable")], "primary_tumor": {"intact": True, "symptoms": ["pain"]}},
])
def test_site_entries_cite_only_citable_references(path_case: dict[str, Any]) -> None:
    result = run(treatments=THP_FAILED, **path_case)
    for site_option in result.site_specific:
        for ref_id in site_option.evidence:
            assert REFERENCES[ref_id].citable, f"{site_option.intervention} cites {ref_id}"


def test_entries_follow_the_case_order_with_stronger_tiers_first() -> None:
    result = run(sites=[brain(lesions=1, status="untreated"), bone(lesions=2)], primary_tumor={"intact": True})
    assert list(dict.fromkeys(o.site for o in result.site_specific)) == ["brain", "bone", "primary"]
    brain_tiers = [o.tier for o in entries(result, "brain")]
    assert brain_tiers == sorted(brain_tiers, key=list(Tier).index)


def test_bone_agents_are_listed_once_for_several_bone_sites() -> None:
    result = run(sites=[bone(lesions=1, symptoms=["fracture"]), bone(lesions=2, symptoms=["hypercalcemia"])])
    zoledronic = entry(result, "bone", "zoledronic")  # exactly one entry
    assert any("no calcium or vitamin D" in c for c in zoledronic.cautions)
    assert len(actions_of(result, ActionKind.URGENT)) == 1

"""Invariants of the site-specific output, over many generated cases (hypothesis)."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from her2nav.case import SYMPTOMS_BY_SITE, BrainStatus, Case, Condition, PrimarySymptom, SiteName, Symptom
from her2nav.knowledge.references import REFERENCES
from her2nav.navigate import navigate
from her2nav.result import ActionKind, Modality, Tier
from tests.conftest import case_mapping, property_examples

HISTORIES: list[list[dict[str, Any]]] = [
    [],
    [{"drugs": ["THP"], "setting": "metastatic", "outcome": "progression"}],
    [{"drugs": ["THP"], "setting": "metastatic", "outcome": "progression"},
     {"drugs": ["T-DXd"], "setting": "metastatic", "outcome": "ongoing"}],
    [{"drugs": ["THP"], "setting": "metastatic", "outcome": "progression"},
     {"drugs": ["T-DXd"], "setting": "metastatic", "outcome": "progression"}],
]
URGENT_SYMPTOMS = {Symptom.CORD_COMPRESSION, Symptom.HYPERCALCEMIA, Symptom.NEUROLOGIC}


@st.composite
def sites(draw: st.DrawFn) -> dict[str, Any]:
    name = draw(st.sampled_from(list(SiteName)))
    site: dict[str, Any] = {"site": name.value}
    lesions = draw(st.none() | st.integers(min_value=1, max_value=15))
    if lesions is not None:
        site["lesions"] = lesions
    allowed = SYMPTOMS_BY_SITE.get(name, ())
    if allowed:
        site["symptoms"] = [s.value for s in draw(st.lists(st.sampled_from(allowed), unique=True, max_size=3))]
    if name is SiteName.BRAIN:
        status = draw(st.none() | st.sampled_from(list(BrainStatus)))
        if status is not None:
            site["status"] = status.value
        site["leptomeningeal"] = draw(st.booleans())
    return site


@st.composite
def cases(draw: st.DrawFn) -> Case:
    intact = draw(st.booleans())
    primary = {"intact": intact, "symptoms": [s.value for s in draw(
        st.lists(st.sampled_from(list(PrimarySymptom)), unique=True, max_size=2))] if intact else []}
    mapping = case_mapping(
        er=draw(st.sampled_from(["positive", "negative", "low"])),
        creatinine_clearance=draw(st.none() | st.floats(min_value=5, max_value=150, allow_nan=False)),
        conditions=[c.value for c in draw(st.lists(st.sampled_from(list(Condition)), unique=True, max_size=3))],
        treatments=draw(st.sampled_from(HISTORIES)),
        sites=draw(st.lists(sites(), min_size=1, max_size=4)),
        primary_tumor=primary,
    )
    return Case.from_mapping(mapping)


@settings(max_examples=property_examples(300), deadline=None)
@given(cases())
def test_every_site_of_the_case_gets_at_least_one_entry(case: Case) -> None:
    result = navigate(case)
    covered = {o.site for o in result.site_specific}
    assert {s.site.value for s in case.sites} <= covered
    if case.primary_tumor.intact:
        assert "primary" in covered


@settings(max_examples=property_examples(300), deadline=None)
@given(cases())
def test_no_urgent_condition_is_without_an_urgent_action(case: Case) -> None:
    result = navigate(case)
    urgent = [a for a in result.actions if a.kind is ActionKind.URGENT]
    present = {symptom for site in case.sites for symptom in site.symptoms} & URGENT_SYMPTOMS
    assert len(urgent) == len(present)
    # urgent actions come first
    assert [a.kind is ActionKind.URGENT for a in result.actions] == sorted(
        (a.kind is ActionKind.URGENT for a in result.actions), reverse=True)


@settings(max_examples=property_examples(300), deadline=None)
@given(cases())
def test_creatinine_clearance_under_30_never_offers_zoledronic_acid(case: Case) -> None:
    result = navigate(case)
    zoledronic = [o for o in result.site_specific if "zoledronic" in o.intervention.lower()]
    clearance = case.creatinine_clearance
    if clearance is not None and clearance < 30:
        assert all(o.tier is Tier.AVOID for o in zoledronic)
        assert all(any("not recommended below 30" in c for c in o.cautions) for o in zoledronic)


@settings(max_examples=property_examples(300), deadline=None)
@given(cases())
def test_every_site_entry_is_complete_and_cites_only_citable_sources(case: Case) -> None:
    result = navigate(case)
    for option in result.site_specific:
        assert option.intervention and option.rationale.endswith(".")
        assert all(REFERENCES[ref].citable for ref in option.evidence)
        if option.tier is Tier.AVOID:
            assert option.cautions, f"{option.intervention}: avoid without a reason"


@settings(max_examples=property_examples(200), deadline=None)
@given(cases())
def test_pregnancy_never_offers_a_bone_agent(case: Case) -> None:
    if not case.has(Condition.PREGNANCY):
        return
    result = navigate(case)
    assert all(o.tier is Tier.AVOID for o in result.site_specific if o.modality is Modality.BONE_MODIFYING_AGENT)

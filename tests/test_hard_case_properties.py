"""Properties of section 10 that hold for every valid case (hypothesis), over the strategy of
tests/test_properties.py: leptomeningeal disease (10.5), lapatinib and the heart (10.6), fitness
(10.7) and liver function (10.12)."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from her2nav.case import Case
from her2nav.decide.cautions import CYTOTOXIC_DRUGS
from her2nav.errors import InvalidCase
from her2nav.navigate import Settings, navigate
from her2nav.result import Modality, Result, Tier
from tests.test_properties import PROPERTY_SETTINGS, case_mapping, navigator_settings

LOCAL_BRAIN_TREATMENT = (Modality.SURGERY, Modality.STEREOTACTIC_RADIATION)


def _navigate(mapping: dict[str, Any], config: Settings) -> Result | None:
    """The result, or None for a history the contract rejects (those are tested where they are rejected)."""
    try:
        return navigate(Case.from_mapping(mapping), config)
    except InvalidCase:
        return None


@st.composite
def leptomeningeal_site(draw: st.DrawFn) -> dict[str, Any]:
    out: dict[str, Any] = {"site": "brain", "leptomeningeal": True}
    if draw(st.booleans()):
        out["lesions"] = draw(st.integers(0, 30))
    if draw(st.booleans()):
        out["symptoms"] = ["neurologic"]
    if draw(st.booleans()):
        out["status"] = draw(st.sampled_from(["untreated", "treated_stable", "progressing_after_local_therapy"]))
    return out


@PROPERTY_SETTINGS
@given(case_mapping(), navigator_settings, leptomeningeal_site())
def test_leptomeningeal_disease_never_gets_radiosurgery_or_resection_as_preferred(
    mapping: dict[str, Any], config: Settings, brain: dict[str, Any]
) -> None:
    result = _navigate({**mapping, "sites": [brain, *mapping["sites"]]}, config)
    if result is None:
        return
    local = [o for o in result.site_specific if o.site == "brain" and o.modality in LOCAL_BRAIN_TREATMENT]
    assert local, "resection and radiosurgery are listed, as avoid, with the reason"
    assert all(o.tier is Tier.AVOID for o in local)


@PROPERTY_SETTINGS
@given(case_mapping(), navigator_settings, leptomeningeal_site())
def test_leptomeningeal_disease_is_never_oligometastatic(
    mapping: dict[str, Any], config: Settings, brain: dict[str, Any]
) -> None:
    result = _navigate({**mapping, "sites": [*mapping["sites"], brain]}, config)
    if result is None:
        return
    assert not result.case.oligometastatic
    assert not [o for o in result.site_specific if o.site in ("liver", "lung") and o.modality in LOCAL_BRAIN_TREATMENT]


def _offered(result: Result) -> list[Any]:
    return [o for o in result.systemic if o.tier is not Tier.AVOID]


@PROPERTY_SETTINGS
@given(case_mapping(), navigator_settings, st.one_of(st.integers(5, 39), st.floats(5, 39.9)))
def test_lvef_under_40_never_offers_lapatinib(mapping: dict[str, Any], config: Settings, lvef: float) -> None:
    result = _navigate({**mapping, "lvef": lvef}, config)
    if result is None:
        return
    assert not [o for o in _offered(result) if "lapatinib" in o.drugs]


@PROPERTY_SETTINGS
@given(case_mapping(), navigator_settings, st.sampled_from([3, 4]))
def test_an_unfit_patient_is_never_preferred_chemotherapy(mapping: dict[str, Any], config: Settings,
                                                          ecog: int) -> None:
    result = _navigate({**mapping, "ecog": ecog}, config)
    if result is None:
        return
    too_high = [Tier.PREFERRED] if ecog == 3 else [Tier.PREFERRED, Tier.ALTERNATIVE]
    chemotherapy = [o for o in result.systemic if not CYTOTOXIC_DRUGS.isdisjoint(o.drugs)]
    assert not [o for o in chemotherapy if o.tier in too_high]


@PROPERTY_SETTINGS
@given(case_mapping(), navigator_settings)
def test_liver_impairment_never_offers_docetaxel(mapping: dict[str, Any], config: Settings) -> None:
    conditions = sorted({*mapping.get("conditions", []), "hepatic_impairment"})
    result = _navigate({**mapping, "conditions": conditions}, config)
    if result is None:
        return
    assert not [o for o in _offered(result) if "docetaxel" in o.drugs]

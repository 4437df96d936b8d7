"""Brain disease by its extent (clinical-rules.md section 10.5; issue 10, observed items 6 and 7).

Leptomeningeal disease is treated with radiotherapy to symptomatic or bulky sites and a CNS-active
regimen after a neuro-oncology review, never by resection or radiosurgery of brain lesions, and
is never oligometastatic. Parenchymal lesions are treated by count: 1-4 radiosurgery alone, 5-10
radiosurgery or hippocampal-avoidance whole-brain radiotherapy with memantine, more than 10
whole-brain first. The base case is second line after THP (T-DXd and the tucatinib triplet offered).
"""

from __future__ import annotations

from typing import Any

import pytest

from her2nav.result import ActionKind, Modality, Tier
from tests.conftest import progressed_on, run
from tests.site_helpers import actions_of, entries, entry, has_entry

SECOND_LINE = progressed_on("THP")


def lm(**fields: Any) -> dict[str, Any]:
    return {"site": "brain", "leptomeningeal": True, **fields}


LEPTOMENINGEAL_CASES = [
    pytest.param([lm(lesions=2, status="untreated")], id="with two untreated lesions"),
    pytest.param([lm(lesions=2, status="untreated", symptoms=["neurologic"])], id="with neurologic symptoms"),
    pytest.param([lm(lesions=1, status="progressing_after_local_therapy")], id="progressing after local therapy"),
    pytest.param([lm()], id="no status, no count"),
    pytest.param([lm(lesions=0, symptoms=["neurologic"])], id="no parenchymal lesion, symptomatic"),
]


@pytest.mark.parametrize("sites", LEPTOMENINGEAL_CASES)
def test_leptomeningeal_disease_is_never_treated_by_resection_or_radiosurgery(sites: list[dict[str, Any]]) -> None:
    result = run(treatments=SECOND_LINE, sites=sites)
    for name in ("resection", "radiosurgery"):
        local = entry(result, "brain", name)
        assert local.tier is Tier.AVOID
        assert any("not treated by resection or radiosurgery" in c for c in local.cautions)
    assert "ventricular device" in entry(result, "brain", "resection").rationale
    assert not has_entry(result, "brain", "further local therapy")
    assert not has_entry(result, "brain", "defer local therapy")


def test_leptomeningeal_disease_with_symptoms_gets_radiotherapy_to_the_symptomatic_sites_first() -> None:
    result = run(treatments=SECOND_LINE, sites=[lm(lesions=2, status="untreated", symptoms=["neurologic"])])
    radiotherapy = entry(result, "brain", "symptomatic or bulky")
    assert radiotherapy.tier is Tier.PREFERRED and radiotherapy.modality is Modality.RADIATION
    assert {"eano-esmo-lm-2017", "le-rhun-lm-2019"} <= set(radiotherapy.evidence)
    assert actions_of(result, ActionKind.URGENT)  # symptoms stay urgent
    [review] = actions_of(result, ActionKind.SPECIALIST_REVIEW)
    assert "neuro-oncology" in review.text


def test_leptomeningeal_disease_without_symptoms_keeps_radiotherapy_as_an_alternative() -> None:
    result = run(treatments=SECOND_LINE, sites=[lm(lesions=2, status="untreated")])
    radiotherapy = entry(result, "brain", "symptomatic or bulky")
    assert radiotherapy.tier is Tier.ALTERNATIVE
    assert "does not record bulky" in radiotherapy.rationale


def test_leptomeningeal_disease_gets_the_cns_active_regimens_of_the_line() -> None:
    result = run(treatments=SECOND_LINE, sites=[lm(lesions=2, status="untreated")])
    systemic = entry(result, "brain", "CNS-active HER2 regimen for leptomeningeal")
    assert systemic.tier is Tier.PREFERRED
    assert "T-DXd" in systemic.rationale and "Tucatinib + trastuzumab + capecitabine" in systemic.rationale
    assert "no trial in leptomeningeal disease" in systemic.rationale


def test_leptomeningeal_disease_with_no_cns_active_regimen_left_says_so() -> None:
    history = progressed_on("THP", "T-DXd", "tucatinib+trastuzumab+capecitabine")
    result = run(treatments=history, sites=[lm(lesions=2, status="untreated")])
    systemic = entry(result, "brain", "CNS-active HER2 regimen for leptomeningeal")
    assert systemic.tier is Tier.CONSIDER
    assert any("no CNS-active regimen" in c for c in systemic.cautions)


def test_intrathecal_therapy_is_not_offered_without_support_in_the_evidence_sheet() -> None:
    result = run(treatments=SECOND_LINE, sites=[lm(lesions=2, status="untreated")])
    assert all(o.modality is not Modality.INTRATHECAL for o in result.site_specific)
    assert any("intrathecal trastuzumab is not offered" in step.because for step in result.trace)


def test_leptomeningeal_disease_is_never_oligometastatic() -> None:
    """Item 6: one leptomeningeal site and two liver lesions counted as oligometastatic before."""
    result = run(treatments=SECOND_LINE, sites=[lm(lesions=1, status="untreated"), {"site": "liver", "lesions": 2}])
    assert not result.case.oligometastatic
    assert not has_entry(result, "liver", "resection of the metastases")
    assert not has_entry(result, "liver", "SBRT")
    [step] = [s for s in result.trace if s.step == "oligometastatic"]
    assert (step.decision, step.because) == ("no", "leptomeningeal disease is never oligometastatic")


def test_leptomeningeal_disease_does_not_ask_for_the_lesion_count_or_status() -> None:
    result = run(treatments=SECOND_LINE, sites=[lm()])
    assert not [m for m in result.missing if m.field in ("sites[0].lesions", "sites[0].status")]


# ------------------------------------------------------------------------------ lesion count


@pytest.mark.parametrize(
    ("lesions", "radiosurgery", "whole_brain"),
    [
        pytest.param(1, Tier.PREFERRED, None, id="1 lesion: radiosurgery alone"),
        pytest.param(4, Tier.PREFERRED, None, id="4 lesions: radiosurgery alone"),
        pytest.param(5, Tier.PREFERRED, Tier.PREFERRED, id="5 lesions: both offered"),
        pytest.param(10, Tier.PREFERRED, Tier.PREFERRED, id="10 lesions: both offered"),
        pytest.param(11, Tier.CONSIDER, Tier.PREFERRED, id="11 lesions: whole-brain preferred"),
        pytest.param(20, Tier.CONSIDER, Tier.PREFERRED, id="20 lesions: whole-brain preferred"),
    ],
)
def test_radiation_follows_the_number_of_untreated_lesions(
    lesions: int, radiosurgery: Tier, whole_brain: Tier | None
) -> None:
    result = run(treatments=SECOND_LINE, sites=[{"site": "brain", "lesions": lesions, "status": "untreated"}])
    assert entry(result, "brain", "radiosurgery").tier is radiosurgery
    if whole_brain is None:
        assert not has_entry(result, "brain", "whole-brain")
    else:
        assert entry(result, "brain", "whole-brain").tier is whole_brain
        assert "nrg-cc001-2020" in entry(result, "brain", "whole-brain").evidence
    if lesions > 4:
        assert "jlgk0901-2014" in entry(result, "brain", "radiosurgery").evidence


def test_twenty_symptomatic_lesions_get_whole_brain_first_and_resection_only_for_one_culprit_lesion() -> None:
    """Item 7: twenty lesions got radiosurgery (and with symptoms resection) preferred. Section 10.5 keeps
    resection for a symptomatic lesion, but among twenty the case cannot say which one: alternative."""
    result = run(treatments=SECOND_LINE,
                 sites=[{"site": "brain", "lesions": 20, "status": "untreated", "symptoms": ["neurologic"]}])
    resection = entry(result, "brain", "resection")
    assert resection.tier is Tier.ALTERNATIVE
    assert any("only if imaging shows one lesion causing symptoms" in c for c in resection.cautions)
    assert entry(result, "brain", "whole-brain").tier is Tier.PREFERRED
    assert entry(result, "brain", "radiosurgery").tier is Tier.CONSIDER
    assert "more than 10 lesions" in entry(result, "brain", "whole-brain").rationale


def test_many_lesions_without_symptoms_leave_resection_for_consideration() -> None:
    result = run(treatments=SECOND_LINE, sites=[{"site": "brain", "lesions": 12, "status": "untreated"}])
    assert entry(result, "brain", "resection").tier is Tier.CONSIDER


def test_few_symptomatic_lesions_keep_resection_preferred() -> None:
    result = run(treatments=SECOND_LINE,
                 sites=[{"site": "brain", "lesions": 3, "status": "untreated", "symptoms": ["neurologic"]}])
    assert entry(result, "brain", "resection").tier is Tier.PREFERRED  # section 6: a symptomatic lesion


def test_symptomatic_leptomeningeal_disease_gets_an_urgent_review_without_neurosurgery() -> None:
    result = run(treatments=SECOND_LINE, sites=[{"site": "brain", "lesions": 0, "leptomeningeal": True,
                                                 "symptoms": ["neurologic"]}])
    [urgent] = [a.text for a in result.actions if a.kind.value == "urgent"]
    assert "leptomeningeal disease" in urgent and "neurosurgical" not in urgent
    assert "start corticosteroids for edema" in urgent  # section 6, as for any symptomatic brain disease


def test_unknown_count_keeps_radiosurgery_first_and_says_what_a_count_would_change() -> None:
    result = run(treatments=SECOND_LINE, sites=[{"site": "brain", "status": "untreated"}])
    assert entry(result, "brain", "radiosurgery").tier is Tier.PREFERRED
    assert entry(result, "brain", "whole-brain").tier is Tier.ALTERNATIVE
    [missing] = [m for m in result.missing if m.field == "sites[0].lesions"]
    assert "5-10 lesions" in missing.effect and "more than 10" in missing.effect


def test_no_brain_entry_is_lost_for_a_parenchymal_case() -> None:
    result = run(treatments=SECOND_LINE, sites=[{"site": "brain", "lesions": 7, "status": "untreated"}])
    names = [o.intervention for o in entries(result, "brain")]
    assert any("resection" in n.lower() for n in names) and any("defer" in n.lower() for n in names)

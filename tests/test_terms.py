"""The vocabulary sits at the bottom, and the knowledge tables are keyed by it, each table complete."""

from __future__ import annotations

import her2nav.case
import her2nav.result
from her2nav import terms
from her2nav.knowledge import brain_extent, safety, site_care
from her2nav.terms import Menopause, Modality, SiteName


def test_every_site_has_its_words() -> None:
    assert set(site_care.SITE_WORDS) == set(SiteName)


def test_every_menopausal_status_but_post_names_what_an_aromatase_inhibitor_needs() -> None:
    assert set(safety.OVARIAN_SUPPRESSION_TEXT) == set(Menopause) - {Menopause.POST}
    assert "GnRH" in safety.MALE_AROMATASE_INHIBITOR_TEXT


def test_every_intervention_carries_a_modality_of_the_vocabulary() -> None:
    interventions = [value for module in (site_care, brain_extent) for value in vars(module).values()
                     if isinstance(value, site_care.Intervention)]
    assert interventions
    assert all(isinstance(item.modality, Modality) for item in interventions)


def test_the_case_and_the_result_still_offer_the_enums_they_always_did() -> None:
    assert her2nav.case.SiteName is terms.SiteName and her2nav.case.Setting is terms.Setting
    assert her2nav.result.Tier is terms.Tier and her2nav.result.Modality is terms.Modality

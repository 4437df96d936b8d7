"""Every number in its own context, and identifiers verified since the first build (clinical-rules.md
10.14; evidence.md section 15).

A caution quotes the trial of the regimen it is attached to: tucatinib's diarrhoea figure is
HER2CLIMB's (US label) on the triplet with capecitabine and HER2CLIMB-05's on the maintenance
regimen. The early-relapse flag names both NCCN windows. HER2 blockade without chemotherapy is the
knowledge base's reading, not an ASCO statement. The identifiers evidence.md section 15 verifies are
printed.
"""

from __future__ import annotations

from typing import get_args

import pytest
from typer.models import OptionInfo

from her2nav.cli import EarlyRelapseMonths
from her2nav.knowledge.references import CITED_WITHOUT_IDENTIFIER, REFERENCES
from her2nav.knowledge.regimens import REGIMENS
from tests.conftest import cautions_text, run
from tests.scenarios import THIRD_LINE, TUCA_HX, TUCA_MAINT


def test_the_tucatinib_triplet_quotes_her2climb_not_the_maintenance_trial() -> None:
    text = cautions_text(run(**THIRD_LINE), TUCA_HX)
    assert "HER2CLIMB, this regimen's trial (US label): 81% any grade, 12% grade 3 and 0.5% grade 4" in text
    assert "72.7%" not in text
    assert "HER2CLIMB-05" not in text


def test_tucatinib_maintenance_quotes_her2climb_05() -> None:
    text = cautions_text(run(), TUCA_MAINT)
    assert "HER2CLIMB-05, this regimen's trial: 72.7%" in text
    assert "81%" not in text


def test_the_early_relapse_flag_names_both_nccn_windows() -> None:
    [option] = [a for a in get_args(EarlyRelapseMonths) if isinstance(a, OptionInfo)]
    assert option.help is not None
    assert "NCCN: 6, or 12 after a pertuzumab-containing programme" in option.help


def test_hp_without_chemotherapy_is_not_attributed_to_asco() -> None:
    summary = REGIMENS["hp-without-chemotherapy"].summary
    assert "this knowledge base's reading" in summary
    assert "rests on guideline judgement" not in summary


SECTION_15 = {
    "federica-2021": "10.1016/S1470-2045(20)30536-2",
    "th3resa-2014": "10.1016/S1470-2045(14)70178-0",
    "egf104900-2012": "10.1200/JCO.2011.35.6725",
    "phoebe-2021": "10.1016/S1470-2045(20)30702-6",
    "asco-bma-2017": "10.1200/JCO.2017.75.4614",
    "ncic-sc20-2014": "10.1016/S1470-2045(13)70556-4",
    "zoom-2013": "10.1016/S1470-2045(13)70174-8",
    "mf07-01-longterm": "10.1016/j.jamcollsurg.2021.08.686",
    "abcsg-28-qol": "10.1186/s12885-020-06894-2",
    "asco-her2-brain-2014": "10.1200/JCO.2013.54.0955",
    "soares-ild-2023": "10.1016/j.esmoop.2023.101613",
    "swog-s0702": "10.1001/jamaoncol.2020.6353",
    "sabr-comet-2019": "10.1016/S0140-6736(18)32487-5",
    "lrt-meta-2021": "10.1016/j.breast.2021.05.003",
}


@pytest.mark.parametrize(("reference_id", "doi"), SECTION_15.items())
def test_section_15_identifiers_are_printed(reference_id: str, doi: str) -> None:
    reference = REFERENCES[reference_id]
    assert reference.doi == doi
    assert reference.first_author or reference_id == "mf07-01-longterm"  # first author not seen
    assert reference_id not in CITED_WITHOUT_IDENTIFIER


def test_section_15_pmids_are_printed() -> None:
    assert REFERENCES["egf104900-2012"].pmid == "22689807"
    assert REFERENCES["asco-bma-2017"].pmid == "29035643"
    assert REFERENCES["zoom-2013"].pmid == "23684411"
    assert REFERENCES["asco-her2-brain-2014"].pmid == "24799487"
    assert REFERENCES["soares-ild-2023"].pmid == "37481956"

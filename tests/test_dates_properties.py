"""Properties over many cases: dates and months say the same thing; any spelling of an enum value
reads the same; every default left out is reported (hypothesis)."""

from __future__ import annotations

import datetime
import re
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from her2nav.case import Case, Menopause, Presentation, Setting, SiteName
from her2nav.navigate import Settings, navigate
from tests.conftest import case_mapping, property_examples

AS_OF = datetime.date(2040, 12, 31)
PROPERTY_SETTINGS = settings(max_examples=property_examples(100), deadline=None)


def month_after(year: int, month: int, months: int) -> str:
    index = year * 12 + month - 1 + months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


@PROPERTY_SETTINGS
@given(year=st.integers(2000, 2035), month=st.integers(1, 12), gap=st.integers(0, 40),
       drugs=st.sampled_from([["trastuzumab"], ["THP"], ["T-DM1"], ["trastuzumab", "pertuzumab", "paclitaxel"]]),
       metastatic=st.sampled_from([[], [{"drugs": ["THP"], "setting": "metastatic", "outcome": "progression"}]]),
       window=st.sampled_from([6, 12, 18]))
def test_a_history_in_dates_decides_as_the_same_history_in_months(
    year: int, month: int, gap: int, drugs: list[str], metastatic: list[dict[str, Any]], window: int
) -> None:
    end = f"{year:04d}-{month:02d}"
    diagnosis = month_after(year, month, gap)
    dated = case_mapping(presentation="recurrence", metastasis_biopsied=True, metastatic_diagnosis=diagnosis,
                         treatments=[{"drugs": drugs, "setting": "adjuvant", "end": end}, *metastatic])
    plain = case_mapping(presentation="recurrence", metastasis_biopsied=True,
                         treatments=[{"drugs": drugs, "setting": "adjuvant", "months_to_recurrence": gap}, *metastatic])
    chosen = Settings(early_relapse_months=window)
    by_dates, by_months = navigate(Case.from_mapping(dated, AS_OF), chosen), navigate(Case.from_mapping(plain), chosen)
    assert by_dates.line == by_months.line
    # the reason is the same, saying where the months came from
    assert re.sub(r" \(from the course's end, [\d-]+, to metastatic_diagnosis\)", "", by_dates.line_reason) \
        == by_months.line_reason
    assert by_dates.systemic == by_months.systemic
    assert by_dates.site_specific == by_months.site_specific


def spellings(value: str) -> st.SearchStrategy[str]:
    """The value as people type it: any letter case, '-' or ' ' for '_'."""
    return st.tuples(st.lists(st.booleans(), min_size=len(value), max_size=len(value)),
                     st.sampled_from(["_", "-", " "])).map(
        lambda drawn: "".join(c.upper() if up else c for c, up in zip(value, drawn[0], strict=True))
        .replace("_", drawn[1]))


@PROPERTY_SETTINGS
@given(data=st.data(), presentation=st.sampled_from(list(Presentation)), setting=st.sampled_from(list(Setting)),
       site=st.sampled_from(list(SiteName)), menopause=st.sampled_from(list(Menopause)))
def test_any_spelling_of_an_enum_value_reads_as_the_value(
    data: st.DataObject, presentation: Presentation, setting: Setting, site: SiteName, menopause: Menopause
) -> None:
    def spelled(value: str) -> str:
        return data.draw(spellings(value))

    canonical = case_mapping(presentation=presentation.value, menopausal_status=menopause.value,
                             sites=[{"site": site.value}], treatments=[{"drugs": ["THP"], "setting": setting.value}])
    typed = case_mapping(presentation=spelled(presentation.value), menopausal_status=spelled(menopause.value),
                         sites=[{"site": spelled(site.value)}],
                         treatments=[{"drugs": ["THP"], "setting": spelled(setting.value)}])
    assert Case.from_mapping(typed) == Case.from_mapping(canonical)


OMITTABLE = ["pr", "menopausal_status", "sex", "conditions", "visceral_crisis", "treatments"]


@PROPERTY_SETTINGS
@given(left_out=st.sets(st.sampled_from(OMITTABLE)))
def test_every_top_level_default_left_out_is_reported(left_out: set[str]) -> None:
    full = case_mapping(sex="female", conditions=[], visceral_crisis=False, treatments=[])
    mapping = {key: value for key, value in full.items() if key not in left_out}
    fields = {m.field for m in navigate(Case.from_mapping(mapping)).missing if m.assumed.startswith("not given, ")}
    assert left_out <= fields
    assert not (set(OMITTABLE) - left_out) & fields

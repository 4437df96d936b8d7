"""Properties that hold for every valid HER2-positive case the contract allows (hypothesis).

The strategy builds cases across the whole contract: HER2-positive by any route, ER/PR, presentation,
treatment courses in any setting with any outcome and drugs from the knowledge base (generic names,
brands and regimen shorthands), sites with lesions, symptoms and brain status, conditions, ECOG, LVEF
and creatinine clearance, and the early-relapse window.
"""

from __future__ import annotations

import re
from typing import Any

from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from her2nav.case import SYMPTOMS_BY_SITE, Case, Condition, Outcome, Setting, SiteName
from her2nav.decide.line import read_history
from her2nav.knowledge.drugs import DRUGS, ENDOCRINE_CLASSES, KNOWN_NAMES, DrugClass, resolve_drug_name
from her2nav.knowledge.references import REFERENCES
from her2nav.knowledge.regimens import CONTINUE_CURRENT
from her2nav.knowledge.safety import CARDIAC_HER2_DRUGS
from her2nav.navigate import Settings, navigate
from her2nav.render.json_out import render_json
from her2nav.result import Modality, Result, Tier
from tests.conftest import property_examples

PROPERTY_SETTINGS = settings(max_examples=property_examples(200), deadline=None,
                             suppress_health_check=[HealthCheck.too_slow])

# ---------------------------------------------------------------- the strategy

HER2_POSITIVE: list[dict[str, Any]] = [
    {"her2": "positive"},
    {"her2_ihc": "3+"},
    {"her2_ihc": "3+", "her2_ish": "amplified"},
    {"her2_ihc": "2+", "her2_ish": "amplified"},
    {"her2_ish": "amplified"},
    {"her2": "positive", "her2_ihc": "3+"},
    {"her2": "positive", "her2_ihc": "2+", "her2_ish": "amplified"},
]

# every name the knowledge base accepts, as people write it (single letters resolve only inside a regimen)
ANY_DRUG_NAME = sorted(written for written, _ in KNOWN_NAMES.values() if resolve_drug_name(written) is not None)
HER2_REGIMENS = ["THP", "TH", "HP", "TCHP", "Phesgo", "T-DM1", "T-DXd", "Kadcyla", "Enhertu", "trastuzumab",
                 "pertuzumab", "lapatinib", "neratinib", "tucatinib", "pyrotinib", "margetuximab", "Herceptin",
                 "Tukysa", "Nerlynx", "Tykerb", "Margenza"]
HER2_DRUGS = sorted(name for name, drug in DRUGS.items() if drug.her2_directed)

drug_name = st.one_of(st.sampled_from(HER2_REGIMENS), st.sampled_from(ANY_DRUG_NAME))
months = st.one_of(st.integers(0, 48), st.floats(0, 48, allow_nan=False, allow_infinity=False))


@st.composite
def treatment(draw: st.DrawFn) -> dict[str, Any]:
    setting = draw(st.sampled_from(["neoadjuvant", "adjuvant", "metastatic", "metastatic"]))
    out: dict[str, Any] = {"drugs": draw(st.lists(drug_name, min_size=1, max_size=3)), "setting": setting}
    if draw(st.booleans()):
        out["outcome"] = draw(st.sampled_from(["progression", "toxicity", "completed", "ongoing"]))
    if setting != "metastatic" and draw(st.booleans()):
        out["months_to_recurrence"] = draw(months)
    return out


@st.composite
def site(draw: st.DrawFn) -> dict[str, Any]:
    name = draw(st.sampled_from(list(SiteName)))
    out: dict[str, Any] = {"site": name.value}
    if draw(st.booleans()):
        out["lesions"] = draw(st.integers(1, 20))
    allowed = [s.value for s in SYMPTOMS_BY_SITE.get(name, ())]
    if len(allowed) > 0 and draw(st.booleans()):
        out["symptoms"] = draw(st.lists(st.sampled_from(allowed), unique=True, max_size=len(allowed)))
    if name is SiteName.BRAIN:
        if draw(st.booleans()):
            out["status"] = draw(st.sampled_from(["untreated", "treated_stable", "progressing_after_local_therapy"]))
        if draw(st.booleans()):
            out["leptomeningeal"] = draw(st.booleans())
    return out


FINISHED = ["progression", "toxicity", "completed"]


def coherent_history(draw: st.DrawFn, courses: list[dict[str, Any]], de_novo: bool) -> list[dict[str, Any]]:
    """The courses made into a history that can be true (clinical-rules.md 10.1): curative courses
    before metastatic ones; only the last course ongoing (the others ended when the next began);
    progression during a (neo)adjuvant course is a recurrence at 0 months, as is one still ongoing;
    an earlier (neo)adjuvant course ended earlier, so its time to recurrence is not shorter; and a
    de novo case has no recurrence after curative treatment."""
    history = sorted(courses, key=lambda course: course["setting"] == "metastatic")
    for course in history[:-1]:
        if course.get("outcome") == "ongoing":
            course["outcome"] = draw(st.sampled_from(FINISHED))
    timed = [course for course in history if "months_to_recurrence" in course]
    for course in timed:
        during = course.get("outcome") in ("progression", "ongoing")  # recurred during the course
        if de_novo or (during and course is not timed[-1]):
            del course["months_to_recurrence"]
        elif during:
            course["months_to_recurrence"] = 0
    still_timed = [course for course in timed if "months_to_recurrence" in course]
    in_order = sorted((c["months_to_recurrence"] for c in still_timed), reverse=True)
    for course, months in zip(still_timed, in_order, strict=True):
        course["months_to_recurrence"] = months
    return history


def _maybe(draw: st.DrawFn, out: dict[str, Any], key: str, strategy: st.SearchStrategy[Any]) -> None:
    if draw(st.booleans()):
        out[key] = draw(strategy)


@st.composite
def case_mapping(draw: st.DrawFn) -> dict[str, Any]:
    out: dict[str, Any] = dict(draw(st.sampled_from(HER2_POSITIVE)))
    pr = draw(st.sampled_from([None, "positive", "negative", "unknown"]))
    if pr is not None:
        out["pr"] = pr
    if pr != "positive" or draw(st.booleans()):
        out["er"] = draw(st.sampled_from(["positive", "low", "negative", "unknown"]))
    out["presentation"] = draw(st.sampled_from(["de_novo", "recurrence"]))
    if out["presentation"] == "recurrence":
        _maybe(draw, out, "metastasis_biopsied", st.booleans())
    _maybe(draw, out, "id", st.text(max_size=12))
    _maybe(draw, out, "sex", st.sampled_from(["female", "male"]))
    # a man has no menopausal status and is never pregnant (10.1)
    man = out.get("sex") == "male"
    _maybe(draw, out, "menopausal_status", st.sampled_from(["unknown"] if man else ["pre", "post", "unknown"]))
    _maybe(draw, out, "ecog", st.integers(0, 4))
    _maybe(draw, out, "lvef", st.one_of(st.integers(5, 90), st.floats(5, 90, allow_nan=False)))
    _maybe(draw, out, "creatinine_clearance", st.one_of(st.integers(0, 250), st.floats(0, 250, allow_nan=False)))
    conditions = [c.value for c in Condition if not (man and c is Condition.PREGNANCY)]
    _maybe(draw, out, "conditions", st.lists(st.sampled_from(conditions), unique=True, max_size=3))
    _maybe(draw, out, "visceral_crisis", st.booleans())
    if draw(st.booleans()):
        courses = draw(st.lists(treatment(), max_size=5))
        out["treatments"] = coherent_history(draw, courses, out["presentation"] == "de_novo")
    out["sites"] = draw(st.lists(site(), min_size=1, max_size=4))
    if draw(st.booleans()):
        intact = draw(st.booleans())
        symptoms = draw(st.lists(st.sampled_from(["bleeding", "pain", "ulceration", "infection"]), unique=True))
        out["primary_tumor"] = {"intact": intact, "symptoms": symptoms if intact else []}
    return out


navigator_settings = st.builds(Settings, early_relapse_months=st.sampled_from([12, 12, 6, 0, 24, 9.5]))


def _navigate(mapping: dict[str, Any], config: Settings) -> tuple[Case, Result]:
    case = Case.from_mapping(mapping)
    return case, navigate(case, config)


def _offered_drugs(result: Result) -> set[str]:
    return {drug for o in result.systemic if o.tier is not Tier.AVOID for drug in o.drugs}


# ---------------------------------------------------------------- the properties


@PROPERTY_SETTINGS
@given(case_mapping(), navigator_settings)
def test_a_result_is_produced_with_a_line(mapping: dict[str, Any], config: Settings) -> None:
    _, result = _navigate(mapping, config)
    assert result.line >= 1
    assert result.line_reason


@PROPERTY_SETTINGS
@given(case_mapping(), navigator_settings)
def test_deterministic(mapping: dict[str, Any], config: Settings) -> None:
    first = render_json(_navigate(mapping, config)[1])
    second = render_json(_navigate(mapping, config)[1])
    assert first == second


@PROPERTY_SETTINGS
@given(case_mapping(), navigator_settings)
def test_never_an_empty_systemic_list(mapping: dict[str, Any], config: Settings) -> None:
    assert _navigate(mapping, config)[1].systemic


@PROPERTY_SETTINGS
@given(case_mapping(), navigator_settings)
def test_no_failed_drug_offered_except_trastuzumab(mapping: dict[str, Any], config: Settings) -> None:
    case, result = _navigate(mapping, config)
    failed = read_history(case, config.early_relapse_months).failed_drugs - {"trastuzumab"}
    for o in result.systemic:
        if o.tier is not Tier.AVOID:
            assert not set(o.drugs) & failed, f"{o.regimen} ({o.tier}) offers {set(o.drugs) & failed}"


@PROPERTY_SETTINGS
@given(case_mapping(), navigator_settings)
@example({"her2_ihc": "3+", "er": "negative", "presentation": "de_novo", "conditions": ["interstitial_lung_disease"],
          "treatments": [{"drugs": ["THP"], "setting": "metastatic", "outcome": "progression"},
                         {"drugs": ["T-DM1"], "setting": "metastatic", "outcome": "toxicity"}],
          "sites": [{"site": "liver"}]}, Settings())  # T-DXd does not suit: T-DM1 must still not be preferred
def test_a_drug_stopped_for_toxicity_is_never_preferred_again(mapping: dict[str, Any], config: Settings) -> None:
    case, result = _navigate(mapping, config)
    history = read_history(case, config.early_relapse_months)
    # Section 10.3: the drugs the toxicity record names (all, without one); a drug taken now is tolerated.
    taken_now = set(history.current.drugs) if history.current else set()
    stopped = {drug for course in history.toxicity_courses for drug in (
        course.treatment.toxicity.drugs if course.treatment.toxicity else course.treatment.drugs)} - taken_now
    for o in result.systemic:
        if o.tier is Tier.PREFERRED:
            assert not set(o.drugs) & stopped, f"{o.regimen} preferred with {set(o.drugs) & stopped}"


@PROPERTY_SETTINGS
@given(case_mapping(), navigator_settings)
@example({"her2_ihc": "3+", "er": "negative", "presentation": "recurrence", "metastasis_biopsied": True,
          "treatments": [{"drugs": ["T-DXd"], "setting": "adjuvant", "months_to_recurrence": 24},
                         {"drugs": ["THP"], "setting": "metastatic", "outcome": "progression"}],
          "sites": [{"site": "liver"}]}, Settings())  # adjuvant T-DXd without early relapse, then line 2
def test_no_rationale_says_a_received_drug_was_not_received(mapping: dict[str, Any], config: Settings) -> None:
    case, result = _navigate(mapping, config)
    received = read_history(case, config.early_relapse_months).received
    for o in result.systemic:
        for drug in ("trastuzumab deruxtecan", "tucatinib"):
            if drug in received:
                assert f"{drug} not received" not in o.rationale.lower(), f"{o.regimen}: {o.rationale}"


@PROPERTY_SETTINGS
@given(case_mapping(), navigator_settings)
def test_every_avoid_says_why(mapping: dict[str, Any], config: Settings) -> None:
    for o in _navigate(mapping, config)[1].systemic:
        if o.tier is Tier.AVOID:
            assert o.cautions, o.regimen


@PROPERTY_SETTINGS
@given(case_mapping(), navigator_settings)
def test_every_option_cites_evidence_that_resolves(mapping: dict[str, Any], config: Settings) -> None:
    for o in _navigate(mapping, config)[1].systemic:
        if o.tier is not Tier.AVOID:
            assert o.evidence, o.regimen
        for reference_id in o.evidence:
            assert reference_id in REFERENCES, reference_id


def _pregnant(mapping: dict[str, Any]) -> dict[str, Any]:
    """The case made a pregnant woman's: pregnancy beside sex male is an invalid case (10.1)."""
    woman = {key: value for key, value in mapping.items() if key != "sex"}
    return {**woman, "conditions": list(dict.fromkeys([*mapping.get("conditions", []), "pregnancy"]))}


@PROPERTY_SETTINGS
@given(case_mapping(), navigator_settings)
def test_pregnancy_offers_no_her2_directed_agent(mapping: dict[str, Any], config: Settings) -> None:
    result = _navigate(_pregnant(mapping), config)[1]
    assert not any(DRUGS[drug].her2_directed for drug in _offered_drugs(result))


@PROPERTY_SETTINGS
@given(case_mapping(), navigator_settings)
@example({"her2": "positive", "er": "positive", "presentation": "de_novo", "sites": [{"site": "bone"}],
          "treatments": [{"drugs": ["5fu"], "setting": "metastatic", "outcome": "ongoing"}]},
         Settings())
def test_pregnancy_offers_no_regimen_at_all(mapping: dict[str, Any], config: Settings) -> None:
    result = _navigate(_pregnant(mapping), config)[1]
    assert all(o.tier is Tier.AVOID for o in result.systemic), [
        (o.regimen, o.drugs) for o in result.systemic if o.tier is not Tier.AVOID]


@PROPERTY_SETTINGS
@given(case_mapping(), navigator_settings)
def test_pregnancy_offers_no_systemic_therapy_among_the_site_entries(mapping: dict[str, Any],
                                                                   config: Settings) -> None:
    result = _navigate(_pregnant(mapping), config)[1]
    for o in result.site_specific:
        if o.modality is Modality.SYSTEMIC:
            assert o.tier is Tier.AVOID, f"{o.site}: {o.intervention} ({o.tier})"


@PROPERTY_SETTINGS
@given(case_mapping(), navigator_settings)
@example({"her2_ihc": "3+", "er": "negative", "presentation": "de_novo", "conditions": ["interstitial_lung_disease"],
          "treatments": [{"drugs": ["THP"], "setting": "metastatic", "outcome": "progression"},
                         {"drugs": ["T-DXd"], "setting": "metastatic", "outcome": "ongoing"}],
          "sites": [{"site": "brain", "lesions": 2, "status": "treated_stable"}]}, Settings())
def test_no_site_entry_keeps_a_current_regimen_that_cannot_continue(mapping: dict[str, Any],
                                                                   config: Settings) -> None:
    # Any site entry that says to keep the systemic therapy ("Keep the systemic therapy", "keeping
    # the current systemic therapy") contradicts a "Continue current regimen" that is avoid.
    result = _navigate(mapping, config)[1]
    continuing = [o for o in result.systemic if o.regimen == CONTINUE_CURRENT]
    if continuing and continuing[0].tier is Tier.AVOID:
        for o in result.site_specific:
            assert "keep" not in f"{o.intervention} {o.rationale}".lower(), f"{o.site}: {o.intervention}"


@PROPERTY_SETTINGS
@given(case_mapping(), navigator_settings)
def test_interstitial_lung_disease_never_offers_trastuzumab_deruxtecan(mapping: dict[str, Any],
                                                                       config: Settings) -> None:
    mapping["conditions"] = list(dict.fromkeys([*mapping.get("conditions", []), "interstitial_lung_disease"]))
    assert "trastuzumab deruxtecan" not in _offered_drugs(_navigate(mapping, config)[1])


@PROPERTY_SETTINGS
@given(case_mapping(), navigator_settings, st.one_of(st.integers(0, 29), st.floats(0, 29.9)))
def test_clearance_under_30_never_offers_capecitabine(mapping: dict[str, Any], config: Settings,
                                                      clearance: float) -> None:
    mapping["creatinine_clearance"] = clearance
    assert "capecitabine" not in _offered_drugs(_navigate(mapping, config)[1])


@PROPERTY_SETTINGS
@given(case_mapping(), navigator_settings)
def test_dpd_deficiency_never_offers_capecitabine(mapping: dict[str, Any], config: Settings) -> None:
    mapping["conditions"] = list(dict.fromkeys([*mapping.get("conditions", []), "dpd_deficiency"]))
    assert "capecitabine" not in _offered_drugs(_navigate(mapping, config)[1])


@PROPERTY_SETTINGS
@given(case_mapping(), navigator_settings, st.one_of(st.integers(5, 39), st.floats(5, 39.9)))
def test_lvef_under_40_never_offers_a_cardiotoxic_her2_agent(mapping: dict[str, Any], config: Settings,
                                                             lvef: float) -> None:
    mapping["lvef"] = lvef
    assert not _offered_drugs(_navigate(mapping, config)[1]) & CARDIAC_HER2_DRUGS


@PROPERTY_SETTINGS
@given(case_mapping(), navigator_settings, st.lists(st.sampled_from(HER2_DRUGS), min_size=1, max_size=2))
def test_a_failed_metastatic_her2_line_adds_one_line(mapping: dict[str, Any], config: Settings,
                                                      drugs: list[str]) -> None:
    assume(not any(course.get("outcome") == "ongoing" for course in mapping.get("treatments", [])))
    before = _navigate(mapping, config)[1].line
    mapping["treatments"] = [*mapping.get("treatments", []),
                             {"drugs": drugs, "setting": "metastatic", "outcome": "progression"}]
    after = _navigate(mapping, config)[1].line
    assert after >= before  # never lowers
    assert after == before + 1  # line = failed lines + 1


def _ongoing_anticancer_drugs(case: Case) -> set[str]:
    """Every drug of every ongoing metastatic course that is more than bone agents."""
    return {drug for t in case.treatments if t.setting is Setting.METASTATIC and t.outcome is Outcome.ONGOING
            and any(DRUGS[d].drug_class is not DrugClass.BONE_AGENT for d in t.drugs) for drug in t.drugs}


@st.composite
def ongoing_regimen(draw: st.DrawFn) -> list[list[str]]:
    """Drug lists of courses that can all be ongoing together (10.1): one regimen of any drugs, with
    at most an endocrine partner (when it has none), ovarian suppression and a bone agent beside it."""
    main = draw(st.lists(drug_name, min_size=1, max_size=3))
    has_endocrine = any(DRUGS[drug].drug_class in ENDOCRINE_CLASSES
                        for name in main for drug in resolve_drug_name(name) or ())
    extra = draw(st.lists(st.sampled_from(["goserelin", "zoledronic acid", "denosumab"]), unique=True, max_size=2))
    if not has_endocrine:  # one endocrine partner at most: two are not given together
        extra += draw(st.lists(st.sampled_from(["letrozole", "fulvestrant"]), max_size=1))
    return [main, *([name] for name in extra)][: draw(st.integers(0, 3))]


@PROPERTY_SETTINGS
@given(case_mapping(), navigator_settings, ongoing_regimen())
@example({"her2_ihc": "3+", "er": "positive", "pr": "positive", "presentation": "de_novo",
          "menopausal_status": "post", "sites": [{"site": "liver"}],
          "treatments": [{"drugs": ["THP"], "setting": "metastatic", "outcome": "completed"},
                         {"drugs": ["trastuzumab", "pertuzumab"], "setting": "metastatic", "outcome": "ongoing"}]},
         Settings(), [["letrozole"]])  # HP maintenance with letrozole: HP must not disappear
def test_every_drug_of_every_ongoing_course_is_in_the_continued_regimen(mapping: dict[str, Any], config: Settings,
                                                                        ongoing: list[list[str]]) -> None:
    earlier = [{**course, "outcome": "progression"} if course.get("outcome") == "ongoing" else course
               for course in mapping.get("treatments", [])]  # it ended when the ongoing regimen began
    for course in earlier:
        if course["setting"] != "metastatic" and course.get("outcome") == "progression":
            course.pop("months_to_recurrence", None)
    mapping["treatments"] = [*earlier,
                             *({"drugs": drugs, "setting": "metastatic", "outcome": "ongoing"} for drugs in ongoing)]
    case, result = _navigate(mapping, config)
    current = _ongoing_anticancer_drugs(case)
    continued = [o for o in result.systemic if o.regimen == "Continue current regimen"]
    assert len(continued) == (1 if current else 0)
    if current:
        assert set(continued[0].drugs) == current
        assert len(continued[0].drugs) == len(current)  # each drug once


NCCN_CATEGORY = re.compile(r"category (1|2a|2b|3)\b", re.IGNORECASE)


@PROPERTY_SETTINGS
@given(case_mapping(), navigator_settings)
def test_nccn_is_named_at_most(mapping: dict[str, Any], config: Settings) -> None:
    """No NCCN reference and no NCCN category label in the output (clinical-rules.md preamble)."""
    result = _navigate(mapping, config)[1]
    assert not any("nccn" in reference_id for reference_id in result.reference_ids)
    assert not NCCN_CATEGORY.search(render_json(result))

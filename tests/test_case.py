"""The case as case-format.md defines it: HER2 from IHC/ISH, hormone-receptor status, drug names, and
invalid input named field by field."""

from __future__ import annotations

from typing import Any

import pytest

from her2nav.case import Case
from her2nav.errors import ExitStatus, InvalidCase
from tests.conftest import case_mapping, course

NO_HER2 = {"her2_ihc": None}


def _case(**changes: Any) -> Case:
    return Case.from_mapping(case_mapping(**changes))


def _invalid(mapping: object) -> InvalidCase:
    with pytest.raises(InvalidCase) as caught:
        Case.from_mapping(mapping)
    assert caught.value.exit_status is ExitStatus.INVALID_INPUT
    return caught.value


# ---------------------------------------------------------------- HER2 from IHC/ISH (ASCO/CAP, case-format.md)

HER2_DERIVATION = [
    pytest.param({"her2_ihc": "3+"}, "positive", id="IHC 3+ -> positive"),
    pytest.param({"her2_ihc": "2+", "her2_ish": "amplified"}, "positive", id="IHC 2+ ISH amplified -> positive"),
    pytest.param({"her2_ihc": "2+", "her2_ish": "not_amplified"}, "low", id="IHC 2+ ISH not amplified -> low"),
    pytest.param({"her2_ihc": "1+"}, "low", id="IHC 1+ -> low"),
    pytest.param({"her2_ihc": "0"}, "negative", id="IHC 0 -> negative"),
    pytest.param({"her2_ihc": "0", "her2": "ultralow"}, "ultralow", id="IHC 0 given as ultralow -> ultralow"),
    pytest.param({"her2_ihc": "2+"}, "equivocal", id="IHC 2+ without ISH -> equivocal"),
    pytest.param({"her2_ish": "amplified"}, "positive", id="ISH amplified without IHC -> positive"),
    pytest.param({"her2": "positive"}, "positive", id="her2 positive given directly"),
    pytest.param({"her2": "positive", "her2_ihc": "3+"}, "positive", id="her2 positive agreeing with IHC 3+"),
    pytest.param({"her2": "low", "her2_ihc": "1+"}, "low", id="her2 low agreeing with IHC 1+"),
]


@pytest.mark.parametrize(("her2", "expected"), HER2_DERIVATION)
def test_her2_status_is_derived(her2: dict[str, Any], expected: str) -> None:
    case = _case(**{**NO_HER2, **her2})
    assert case.her2.value == expected
    assert case.to_dict()["her2"] == expected


HER2_CONTRADICTIONS = [
    pytest.param({"her2": "positive", "her2_ihc": "1+"}, id="positive contradicts IHC 1+"),
    pytest.param({"her2": "negative", "her2_ihc": "3+"}, id="negative contradicts IHC 3+"),
    pytest.param({"her2": "low", "her2_ihc": "0"}, id="low contradicts IHC 0"),
    pytest.param({"her2": "ultralow", "her2_ihc": "1+"}, id="ultralow contradicts IHC 1+"),
    pytest.param({"her2": "negative", "her2_ihc": "2+", "her2_ish": "amplified"},
                 id="negative contradicts IHC 2+ ISH amplified"),
    pytest.param({"her2": "positive", "her2_ihc": "2+", "her2_ish": "not_amplified"},
                 id="positive contradicts IHC 2+ ISH not amplified"),
]


@pytest.mark.parametrize("her2", HER2_CONTRADICTIONS)
def test_her2_contradicting_the_tests_is_invalid(her2: dict[str, Any]) -> None:
    error = _invalid(case_mapping(**{**NO_HER2, **her2}))
    assert error.field == "her2"
    assert "contradicts" in error.message


def test_her2_missing_altogether_is_invalid() -> None:
    assert _invalid(case_mapping(**NO_HER2)).field == "her2"


# ---------------------------------------------------------------- hormone-receptor status (clinical-rules.md 0)

HORMONE_RECEPTORS = [
    pytest.param("positive", "negative", True, id="ER positive -> HR-positive"),
    pytest.param("low", "negative", True, id="ER low (1-10%) -> HR-positive"),
    pytest.param("negative", "positive", True, id="PR positive -> HR-positive"),
    pytest.param("unknown", "positive", True, id="ER unknown, PR positive -> HR-positive"),
    pytest.param("negative", "negative", False, id="ER and PR negative -> HR-negative"),
    pytest.param("negative", "unknown", False, id="ER negative, PR unknown -> HR-negative"),
    pytest.param("unknown", "negative", False, id="ER unknown, PR negative -> not HR-positive"),
]


@pytest.mark.parametrize(("er", "pr", "positive"), HORMONE_RECEPTORS)
def test_hormone_receptor_status(er: str, pr: str, positive: bool) -> None:
    case = _case(er=er, pr=pr)
    assert case.hormone_receptor_positive is positive
    assert case.to_dict()["hormone_receptor_positive"] is positive


def test_er_may_be_left_out_when_pr_is_positive() -> None:
    mapping = case_mapping(pr="positive")
    del mapping["er"]
    assert Case.from_mapping(mapping).hormone_receptor_positive


def test_er_is_required_unless_pr_is_positive() -> None:
    mapping = case_mapping(pr="negative")
    del mapping["er"]
    assert _invalid(mapping).field == "er"


# ---------------------------------------------------------------- drug names, brands and regimen shorthands

TAXANES = {"docetaxel", "paclitaxel"}

DRUG_NAMES = [
    ("THP", {"trastuzumab", "pertuzumab"}, 1),
    ("thp", {"trastuzumab", "pertuzumab"}, 1),
    ("TH", {"trastuzumab"}, 1),
    ("HP", {"trastuzumab", "pertuzumab"}, 0),
    ("hp", {"trastuzumab", "pertuzumab"}, 0),
    ("TCHP", {"carboplatin", "trastuzumab", "pertuzumab"}, 1),
    ("PH", {"pertuzumab", "trastuzumab"}, 0),
    ("Phesgo", {"pertuzumab", "trastuzumab"}, 0),
    ("PHESGO", {"pertuzumab", "trastuzumab"}, 0),
    ("TDM1", {"trastuzumab emtansine"}, 0),
    ("T-DM1", {"trastuzumab emtansine"}, 0),
    ("t-dm1", {"trastuzumab emtansine"}, 0),
    ("Kadcyla", {"trastuzumab emtansine"}, 0),
    ("TDXd", {"trastuzumab deruxtecan"}, 0),
    ("T-DXd", {"trastuzumab deruxtecan"}, 0),
    ("t-dxd", {"trastuzumab deruxtecan"}, 0),
    ("Enhertu", {"trastuzumab deruxtecan"}, 0),
    ("ENHERTU", {"trastuzumab deruxtecan"}, 0),
    ("Herceptin", {"trastuzumab"}, 0),
    ("Perjeta", {"pertuzumab"}, 0),
    ("Tykerb", {"lapatinib"}, 0),
    ("Nerlynx", {"neratinib"}, 0),
    ("Tukysa", {"tucatinib"}, 0),
    ("Margenza", {"margetuximab"}, 0),
    ("Xeloda", {"capecitabine"}, 0),
    ("Taxol", {"paclitaxel"}, 0),
    ("Taxotere", {"docetaxel"}, 0),
    ("Zometa", {"zoledronic acid"}, 0),
    ("Xgeva", {"denosumab"}, 0),
    ("trastuzumab deruxtecan", {"trastuzumab deruxtecan"}, 0),
    ("Trastuzumab Emtansine", {"trastuzumab emtansine"}, 0),
    ("ado-trastuzumab emtansine", {"trastuzumab emtansine"}, 0),
    ("fam-trastuzumab deruxtecan", {"trastuzumab deruxtecan"}, 0),
]


@pytest.mark.parametrize(("name", "expected", "taxanes"),
                         [pytest.param(*row, id=f"{row[0]} -> {' + '.join(sorted(row[1]))}"
                                       + (" + a taxane" if row[2] else "")) for row in DRUG_NAMES])
def test_drug_names_resolve_to_generic_names(name: str, expected: set[str], taxanes: int) -> None:
    """Brands and shorthands come back as lowercase generic names; THP, TH and TCHP carry one taxane."""
    drugs = _case(treatments=[course(name)]).treatments[0].drugs
    assert expected <= set(drugs)
    assert len((set(drugs) - expected) & TAXANES) == taxanes
    assert set(drugs) - expected - TAXANES == set()
    assert all(drug == drug.lower() for drug in drugs)


def test_case_echo_reports_generic_names() -> None:
    echoed = _case(treatments=[course("Enhertu"), course("Kadcyla+Xeloda")]).to_dict()["treatments"]
    assert echoed[0]["drugs"] == ["trastuzumab deruxtecan"]
    assert set(echoed[1]["drugs"]) == {"trastuzumab emtansine", "capecitabine"}


DID_YOU_MEAN = [
    pytest.param("Enhertoo", "enhertu", id="Enhertoo -> enhertu"),
    pytest.param("trastuzumb", "trastuzumab", id="trastuzumb -> trastuzumab"),
    pytest.param("Kadcila", "kadcyla", id="Kadcila -> kadcyla"),
    pytest.param("tucatinb", "tucatinib", id="tucatinb -> tucatinib"),
    pytest.param("pertuzamab", "pertuzumab", id="pertuzamab -> pertuzumab"),
]


@pytest.mark.parametrize(("typed", "meant"), DID_YOU_MEAN)
def test_unknown_drug_gets_did_you_mean(typed: str, meant: str) -> None:
    error = _invalid(case_mapping(treatments=[course(typed)]))
    assert error.field == "treatments[0].drugs[0]"
    assert typed in error.message
    assert "did you mean" in error.message
    assert meant in error.message.lower()


def test_an_unrelated_unknown_drug_is_invalid_without_a_wrong_guess() -> None:
    error = _invalid(case_mapping(treatments=[course("qqqqzzzz")]))
    assert error.field == "treatments[0].drugs[0]"
    assert "did you mean" not in error.message


# ---------------------------------------------------------------- every invalid field is named


def _without(key: str) -> dict[str, Any]:
    mapping = case_mapping()
    del mapping[key]
    return mapping


def _site(**fields: Any) -> dict[str, Any]:
    return case_mapping(sites=[fields])


def _treatment(**fields: Any) -> dict[str, Any]:
    return case_mapping(treatments=[fields])


INVALID_FIELDS = [
    ("er 'maybe'", case_mapping(er="maybe"), "er", ("positive", "low", "negative", "unknown")),
    ("pr 'weak'", case_mapping(pr="weak"), "pr", ("positive", "negative", "unknown")),
    ("her2_ihc '4+'", case_mapping(her2_ihc="4+"), "her2_ihc", ("0", "1+", "2+", "3+")),
    ("her2_ish 'yes'", case_mapping(her2_ish="yes"), "her2_ish", ("amplified", "not_amplified")),
    ("her2 'pos'", case_mapping(her2="pos", her2_ihc=None), "her2", ("positive", "equivocal")),
    ("presentation missing", _without("presentation"), "presentation", ("de_novo", "recurrence")),
    ("presentation 'metastatic'", case_mapping(presentation="metastatic"), "presentation",
     ("de_novo", "recurrence")),
    ("menopausal_status 'peri'", case_mapping(menopausal_status="peri"), "menopausal_status",
     ("pre", "post", "unknown")),
    ("sex 'other'", case_mapping(sex="other"), "sex", ("female", "male")),
    ("ecog 5", case_mapping(ecog=5), "ecog", ("0 to 4",)),
    ("ecog '1' as text", case_mapping(ecog="1"), "ecog", ()),
    ("ecog 1.5", case_mapping(ecog=1.5), "ecog", ()),
    ("lvef 150", case_mapping(lvef=150), "lvef", ()),
    ("lvef true", case_mapping(lvef=True), "lvef", ()),
    ("creatinine_clearance -1", case_mapping(creatinine_clearance=-1), "creatinine_clearance", ()),
    ("conditions ['asthma']", case_mapping(conditions=["asthma"]), "conditions[0]",
     ("heart_failure", "interstitial_lung_disease", "pregnancy")),
    ("conditions not a list", case_mapping(conditions="pregnancy"), "conditions", ()),
    ("visceral_crisis 'yes'", case_mapping(visceral_crisis="yes"), "visceral_crisis", ()),
    ("metastasis_biopsied 1", case_mapping(metastasis_biopsied=1), "metastasis_biopsied", ()),
    ("schema_version '3'", case_mapping(schema_version="3"), "schema_version", ("1", "2")),
    ("id as a number", case_mapping(id=7), "id", ()),
    ("sites missing", _without("sites"), "sites", ()),
    ("sites empty", case_mapping(sites=[]), "sites", ()),
    ("sites[0].site 'brian'", _site(site="brian"), "sites[0].site", ("brain", "liver")),
    ("sites[0].site missing", _site(lesions=2), "sites[0].site", ()),
    ("sites[0].lesions -1", _site(site="liver", lesions=-1), "sites[0].lesions", ()),
    ("sites[0].symptoms 'pain' on liver", _site(site="liver", symptoms=["pain"]), "sites[0].symptoms[0]",
     ("ascites", "pruritus", "jaundice")),
    ("sites[0].status on bone", _site(site="bone", status="untreated"), "sites[0].status", ()),
    ("sites[0].status 'stable'", _site(site="brain", status="stable"), "sites[0].status",
     ("untreated", "treated_stable", "progressing_after_local_therapy")),
    ("sites[0].leptomeningeal on liver", _site(site="liver", leptomeningeal=True), "sites[0].leptomeningeal", ()),
    ("treatments[0].setting 'palliative'", _treatment(drugs=["THP"], setting="palliative"), "treatments[0].setting",
     ("neoadjuvant", "adjuvant", "metastatic")),
    ("treatments[0].setting missing", _treatment(drugs=["THP"]), "treatments[0].setting", ()),
    ("treatments[0].outcome 'stable'", _treatment(drugs=["THP"], setting="metastatic", outcome="stable"),
     "treatments[0].outcome", ("progression", "toxicity", "completed", "ongoing")),
    ("treatments[0].drugs missing", _treatment(setting="metastatic"), "treatments[0].drugs", ()),
    ("treatments[0].drugs empty", _treatment(drugs=[], setting="metastatic"), "treatments[0].drugs", ()),
    ("treatments[0].drugs[1] unknown", _treatment(drugs=["THP", "aspirin"], setting="metastatic"),
     "treatments[0].drugs[1]", ()),
    ("treatments[0].months_to_recurrence on a metastatic course",
     _treatment(drugs=["THP"], setting="metastatic", months_to_recurrence=3), "treatments[0].months_to_recurrence",
     ()),
    ("treatments[0].months_to_recurrence -2", _treatment(drugs=["THP"], setting="adjuvant", months_to_recurrence=-2),
     "treatments[0].months_to_recurrence", ()),
    ("treatments[0] unknown key 'cycles'", _treatment(drugs=["THP"], setting="metastatic", cycles=6),
     "treatments[0].cycles", ()),
    ("primary_tumor.symptoms 'cough'", case_mapping(primary_tumor={"intact": True, "symptoms": ["cough"]}),
     "primary_tumor.symptoms[0]", ("bleeding", "pain", "ulceration", "infection")),
    ("unknown field 'lvf'", case_mapping(lvf=45), "lvf", ("lvef",)),
]


@pytest.mark.parametrize(("mapping", "field", "allowed"), [pytest.param(*row[1:], id=row[0]) for row in INVALID_FIELDS])
def test_invalid_field_is_named_with_allowed_values(mapping: dict[str, Any], field: str,
                                                    allowed: tuple[str, ...]) -> None:
    error = _invalid(mapping)
    assert error.field == field
    assert error.message.startswith(f"{field}:")
    for value in allowed:
        assert value in error.message, f"{value!r} not in: {error.message}"


DID_YOU_MEAN_FIELDS = [
    pytest.param(case_mapping(lvf=45), "lvef", id="unknown field lvf -> lvef"),
    pytest.param(case_mapping(ecgo=1), "ecog", id="unknown field ecgo -> ecog"),
    pytest.param(case_mapping(er="posative"), "positive", id="er posative -> positive"),
    pytest.param(case_mapping(presentation="denovo"), "de_novo", id="presentation denovo -> de_novo"),
    pytest.param(case_mapping(conditions=["pregnant"]), "pregnancy", id="condition pregnant -> pregnancy"),
    pytest.param(_site(site="brian"), "brain", id="site brian -> brain"),
]


@pytest.mark.parametrize(("mapping", "meant"), DID_YOU_MEAN_FIELDS)
def test_near_miss_gets_did_you_mean(mapping: dict[str, Any], meant: str) -> None:
    assert f"did you mean {meant!r}" in _invalid(mapping).message


def test_a_case_must_be_an_object() -> None:
    assert _invalid([case_mapping()]).field == "case"


# ---------------------------------------------------------------- defaults (case-format.md)


def test_defaults_are_filled() -> None:
    mapping = case_mapping(treatments=[{"drugs": ["THP"], "setting": "metastatic"},
                                       {"drugs": ["trastuzumab"], "setting": "adjuvant"}])
    del mapping["menopausal_status"]
    echoed = Case.from_mapping(mapping).to_dict()
    assert echoed["schema_version"] == "2"
    assert echoed["menopausal_status"] == "unknown"
    assert echoed["sex"] == "female"
    assert echoed["treatments"][0]["outcome"] == "progression"
    assert echoed["treatments"][1]["outcome"] == "completed"


def test_oligometastatic_when_every_site_counts_lesions_and_they_add_up_to_5_or_fewer() -> None:
    assert _case(sites=[{"site": "liver", "lesions": 3}, {"site": "bone", "lesions": 2}]).oligometastatic
    assert not _case(sites=[{"site": "liver", "lesions": 3}, {"site": "bone", "lesions": 3}]).oligometastatic
    assert not _case(sites=[{"site": "liver", "lesions": 1}, {"site": "bone"}]).oligometastatic

"""Drugs the navigator knows: class, whether HER2-directed, and the names people type.

Generic (INN) names are the keys and are what the navigator reports back. Aliases are
matched case-insensitively, ignoring spaces, hyphens and the registered-trademark sign.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping

from attrs import frozen

from her2nav.values import Value


class DrugClass(enum.StrEnum):
    HER2_ANTIBODY = "HER2-directed antibody"
    HER2_ADC = "HER2-directed antibody-drug conjugate"
    HER2_TKI = "HER2-directed tyrosine-kinase inhibitor"
    TAXANE = "taxane"
    CHEMOTHERAPY = "chemotherapy"
    AROMATASE_INHIBITOR = "aromatase inhibitor"
    ENDOCRINE = "endocrine therapy"
    OVARIAN_SUPPRESSION = "ovarian function suppression"
    CDK46_INHIBITOR = "CDK4/6 inhibitor"
    BONE_AGENT = "bone-modifying agent"


HER2_DIRECTED = frozenset({DrugClass.HER2_ANTIBODY, DrugClass.HER2_ADC, DrugClass.HER2_TKI})
CYTOTOXIC = frozenset({DrugClass.TAXANE, DrugClass.CHEMOTHERAPY, DrugClass.HER2_ADC})
ENDOCRINE_CLASSES = frozenset(
    {DrugClass.AROMATASE_INHIBITOR, DrugClass.ENDOCRINE, DrugClass.OVARIAN_SUPPRESSION}
)


@frozen(repr=False)
class Drug(Value):
    name: str
    drug_class: DrugClass
    aliases: tuple[str, ...] = ()

    @property
    def her2_directed(self) -> bool:
        return self.drug_class in HER2_DIRECTED

    @property
    def cytotoxic(self) -> bool:
        """Chemotherapy, including the cytotoxic payload of antibody-drug conjugates."""
        return self.drug_class in CYTOTOXIC

    @property
    def endocrine(self) -> bool:
        return self.drug_class in ENDOCRINE_CLASSES


_DRUG_LIST = (
    Drug("trastuzumab", DrugClass.HER2_ANTIBODY,
         ("herceptin", "herzuma", "kanjinti", "ogivri", "ontruzant", "trazimera",
          "trastuzumab-hyaluronidase", "herceptin hylecta", "h")),
    Drug("pertuzumab", DrugClass.HER2_ANTIBODY, ("perjeta", "p")),
    Drug("trastuzumab emtansine", DrugClass.HER2_ADC, ("t-dm1", "tdm1", "kadcyla", "ado-trastuzumab emtansine")),
    Drug("trastuzumab deruxtecan", DrugClass.HER2_ADC,
         ("t-dxd", "tdxd", "enhertu", "ds-8201", "fam-trastuzumab deruxtecan")),
    Drug("margetuximab", DrugClass.HER2_ANTIBODY, ("margenza",)),
    Drug("lapatinib", DrugClass.HER2_TKI, ("tykerb", "tyverb")),
    Drug("neratinib", DrugClass.HER2_TKI, ("nerlynx",)),
    Drug("tucatinib", DrugClass.HER2_TKI, ("tukysa",)),
    Drug("pyrotinib", DrugClass.HER2_TKI, ("irene",)),
    Drug("docetaxel", DrugClass.TAXANE, ("taxotere",)),
    Drug("paclitaxel", DrugClass.TAXANE, ("taxol",)),
    Drug("nab-paclitaxel", DrugClass.TAXANE, ("abraxane", "albumin-bound paclitaxel")),
    Drug("capecitabine", DrugClass.CHEMOTHERAPY, ("xeloda", "x")),
    Drug("vinorelbine", DrugClass.CHEMOTHERAPY, ("navelbine",)),
    Drug("eribulin", DrugClass.CHEMOTHERAPY, ("halaven",)),
    Drug("gemcitabine", DrugClass.CHEMOTHERAPY, ("gemzar",)),
    Drug("carboplatin", DrugClass.CHEMOTHERAPY, ("paraplatin",)),
    Drug("cisplatin", DrugClass.CHEMOTHERAPY, ()),
    Drug("doxorubicin", DrugClass.CHEMOTHERAPY, ("adriamycin",)),
    Drug("epirubicin", DrugClass.CHEMOTHERAPY, ("ellence", "pharmorubicin")),
    Drug("cyclophosphamide", DrugClass.CHEMOTHERAPY, ("cytoxan", "endoxan")),
    Drug("fluorouracil", DrugClass.CHEMOTHERAPY, ("5-fu", "5fu")),
    Drug("anastrozole", DrugClass.AROMATASE_INHIBITOR, ("arimidex",)),
    Drug("letrozole", DrugClass.AROMATASE_INHIBITOR, ("femara",)),
    Drug("exemestane", DrugClass.AROMATASE_INHIBITOR, ("aromasin",)),
    Drug("tamoxifen", DrugClass.ENDOCRINE, ("nolvadex",)),
    Drug("fulvestrant", DrugClass.ENDOCRINE, ("faslodex",)),
    Drug("goserelin", DrugClass.OVARIAN_SUPPRESSION, ("zoladex",)),
    Drug("leuprorelin", DrugClass.OVARIAN_SUPPRESSION, ("leuprolide", "lupron", "eligard")),
    Drug("palbociclib", DrugClass.CDK46_INHIBITOR, ("ibrance",)),
    Drug("abemaciclib", DrugClass.CDK46_INHIBITOR, ("verzenio", "verzenios")),
    Drug("ribociclib", DrugClass.CDK46_INHIBITOR, ("kisqali",)),
    Drug("zoledronic acid", DrugClass.BONE_AGENT, ("zoledronate", "zometa", "reclast", "aclasta")),
    Drug("denosumab", DrugClass.BONE_AGENT, ("xgeva", "prolia")),
    Drug("pamidronate", DrugClass.BONE_AGENT, ("aredia", "pamidronic acid")),
)

DRUGS: Mapping[str, Drug] = {drug.name: drug for drug in _DRUG_LIST}

# Regimen shorthands as people write them in notes. "T" in THP/TH/TCHP is docetaxel here:
# name paclitaxel explicitly when that was the taxane (the line count does not depend on it).
REGIMEN_SHORTHANDS: Mapping[str, tuple[str, ...]] = {
    "thp": ("docetaxel", "trastuzumab", "pertuzumab"),
    "th": ("docetaxel", "trastuzumab"),
    "tchp": ("docetaxel", "carboplatin", "trastuzumab", "pertuzumab"),
    "tch": ("docetaxel", "carboplatin", "trastuzumab"),
    "hp": ("trastuzumab", "pertuzumab"),
    "ph": ("pertuzumab", "trastuzumab"),
    "phesgo": ("pertuzumab", "trastuzumab"),
    "ac": ("doxorubicin", "cyclophosphamide"),
    "ec": ("epirubicin", "cyclophosphamide"),
    "xh": ("capecitabine", "trastuzumab"),
    "hx": ("trastuzumab", "capecitabine"),
    "xl": ("capecitabine", "lapatinib"),
    "lx": ("lapatinib", "capecitabine"),
}


_DROPPED_IN_NAMES = str.maketrans("", "", " -_®™\t")


def normalise_name(text: str) -> str:
    """The form names are compared in: lowercase, no spaces, hyphens or trademark signs."""
    return text.casefold().translate(_DROPPED_IN_NAMES)


def _known_names() -> dict[str, tuple[str, tuple[str, ...]]]:
    """Normalised name -> (name as written in this module, generic names it stands for)."""
    known: dict[str, tuple[str, tuple[str, ...]]] = {}
    for drug in _DRUG_LIST:
        for name in (drug.name, *drug.aliases):
            known[normalise_name(name)] = (name, (drug.name,))
    for shorthand, drugs in REGIMEN_SHORTHANDS.items():
        known[normalise_name(shorthand)] = (shorthand.upper(), drugs)
    return known


KNOWN_NAMES: Mapping[str, tuple[str, tuple[str, ...]]] = _known_names()

# Single letters resolve only inside a regimen name; alone they are too easy to mistype.
_TOO_SHORT_ALONE = frozenset({"h", "p", "x"})


def resolve_drug_name(text: str) -> tuple[str, ...] | None:
    """Generic names for a drug name, brand, alias or regimen shorthand; None if unknown."""
    key = normalise_name(text)
    if key in _TOO_SHORT_ALONE:
        return None
    found = KNOWN_NAMES.get(key)
    return found[1] if found else None


def suggest_drug_names(text: str) -> list[str]:
    """Known names close to an unknown one, for a 'did you mean'."""
    import difflib

    key = normalise_name(text)
    candidates = [name for name in KNOWN_NAMES if name not in _TOO_SHORT_ALONE]
    close = difflib.get_close_matches(key, candidates, n=3, cutoff=0.7)
    return [KNOWN_NAMES[name][0] for name in close]


def her2_directed(name: str) -> bool:
    return DRUGS[name].her2_directed

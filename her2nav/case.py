"""The case: one patient's facts as the contract defines them (docs/case-format.md)."""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Callable, Mapping
from functools import cached_property
from typing import Any

from attrs import field, frozen

from her2nav import terms
from her2nav.dates import PartialDate, parse_date
from her2nav.errors import InvalidCase
from her2nav.fields import (
    Problems,
    describe,
    given_fields,
    read_bool,
    read_each,
    read_enum,
    read_enum_list,
    read_int,
    read_list,
    read_number,
    read_str,
)
from her2nav.her2 import derive_her2, her2_tests_discordant
from her2nav.treatment import Treatment as Treatment  # a course of treatment, still importable from here
from her2nav.treatment import plain_number, read_drugs
from her2nav.values import Value

# The vocabulary (terms.py), still importable from here.
BrainStatus = terms.BrainStatus
Condition = terms.Condition
Er = terms.Er
Her2 = terms.Her2
Ihc = terms.Ihc
Ish = terms.Ish
Menopause = terms.Menopause
Outcome = terms.Outcome
Pr = terms.Pr
Presentation = terms.Presentation
PrimarySymptom = terms.PrimarySymptom
Setting = terms.Setting
Sex = terms.Sex
SiteName = terms.SiteName
Symptom = terms.Symptom

CASE_SCHEMA_VERSION = "2"
READABLE_SCHEMA_VERSIONS = ("1", "2")  # version 2 changed the result's `missing`; a version 1 case reads the same


SYMPTOMS_BY_SITE: Mapping[SiteName, tuple[Symptom, ...]] = {
    SiteName.BONE: (Symptom.PAIN, Symptom.FRACTURE, Symptom.IMPENDING_FRACTURE,
                    Symptom.CORD_COMPRESSION, Symptom.HYPERCALCEMIA),
    SiteName.LIVER: (Symptom.ASCITES, Symptom.PRURITUS, Symptom.JAUNDICE),
    SiteName.BRAIN: (Symptom.NEUROLOGIC,),
    SiteName.LUNG: (Symptom.EFFUSION, Symptom.DYSPNEA),
    SiteName.PLEURA: (Symptom.EFFUSION, Symptom.DYSPNEA),
    SiteName.SKIN: (Symptom.ULCERATION, Symptom.BLEEDING),
}

OLIGOMETASTATIC_MAX_LESIONS = 5
MAX_AGE = 120
# Limits on list lengths (docs/case-format.md): far above any real case, low enough that a
# mistaken or hostile input is refused at once rather than worked through.
MAX_TREATMENTS = 100
MAX_SITES = 100
MAX_LESIONS = 10_000


@frozen(repr=False)
class Site(Value):
    site: SiteName
    lesions: int | None = None
    symptoms: tuple[Symptom, ...] = ()
    status: BrainStatus | None = None
    leptomeningeal: bool = False
    assumed: frozenset[str] = frozenset()  # keys of this site not given, read by their default

    @property
    def active_brain(self) -> bool:
        """Brain metastases that are untreated or growing after local therapy."""
        return self.site is SiteName.BRAIN and self.status in (
            BrainStatus.UNTREATED, BrainStatus.PROGRESSING_AFTER_LOCAL_THERAPY)

    @classmethod
    def from_mapping(cls, data: object, where: str) -> Site:
        problems = Problems()
        obj = given_fields(data, ("site", "lesions", "symptoms", "status", "leptomeningeal"), where, problems)
        if "site" not in obj:
            problems.add(InvalidCase(f"{where}.site", "required", [s.value for s in SiteName]))
        site = problems.read(lambda: read_enum(obj["site"], SiteName, f"{where}.site")) if "site" in obj else None
        # A site with no lesion is no site: 0 would make the case oligometastatic and offer resection of nothing.
        # Leptomeningeal disease is the exception: it may come without any parenchymal brain lesion.
        fewest = 0 if site is SiteName.BRAIN and obj.get("leptomeningeal") is True else 1
        lesions = problems.read(lambda: read_int(obj["lesions"], f"{where}.lesions", fewest, MAX_LESIONS)) \
            if obj.get("lesions") is not None else None
        symptoms = problems.read(lambda: read_enum_list(obj.get("symptoms", []), Symptom, f"{where}.symptoms",
                                                        SYMPTOMS_BY_SITE.get(site, ()) if site else None))
        brain_only = [key for key in ("status", "leptomeningeal") if obj.get(key) is not None]
        if site is not None and site is not SiteName.BRAIN and brain_only:
            problems.add(InvalidCase(f"{where}.{brain_only[0]}", "only for the brain site"))
        status = problems.read(lambda: read_enum(obj["status"], BrainStatus, f"{where}.status")) \
            if obj.get("status") is not None else None
        leptomeningeal = problems.read(lambda: read_bool(obj.get("leptomeningeal", False), f"{where}.leptomeningeal"))
        problems.raise_any(list(obj), where)
        assert site is not None and symptoms is not None and leptomeningeal is not None
        assumed = frozenset(key for key in _site_defaults(site) if key not in obj)
        return cls(site, lesions, symptoms, status, leptomeningeal, assumed)

    def to_dict(self) -> dict[str, Any]:
        """Every key, whatever the site: `status` and `leptomeningeal` are null outside the brain."""
        brain = self.site is SiteName.BRAIN
        return {"site": self.site.value, "lesions": self.lesions, "symptoms": [s.value for s in self.symptoms],
                "status": self.status.value if self.status else None,
                "leptomeningeal": self.leptomeningeal if brain else None}


def _site_defaults(site: SiteName) -> tuple[str, ...]:
    """The keys of a site whose absence is read as 'none': symptoms where the site has a vocabulary."""
    keys = ("symptoms",) if site in SYMPTOMS_BY_SITE else ()
    return (*keys, "leptomeningeal") if site is SiteName.BRAIN else keys


@frozen(repr=False)
class PrimaryTumor(Value):
    intact: bool | None = None  # None: not given, neither intact nor removed
    symptoms: tuple[PrimarySymptom, ...] = ()

    @classmethod
    def from_mapping(cls, data: object, where: str) -> PrimaryTumor:
        problems = Problems()
        obj = given_fields(data, ("intact", "symptoms"), where, problems)
        intact = problems.read(lambda: read_bool(obj["intact"], f"{where}.intact")) \
            if obj.get("intact") is not None else None
        symptoms = problems.read(lambda: read_enum_list(obj.get("symptoms", []), PrimarySymptom,
                                                        f"{where}.symptoms")) or ()
        if symptoms and intact is not True:
            problems.add(InvalidCase(f"{where}.symptoms", "symptoms of the primary need intact: true"))
        problems.raise_any(list(obj), where)
        return cls(intact, symptoms)

    def to_dict(self) -> dict[str, Any]:
        return {"intact": self.intact, "symptoms": [s.value for s in self.symptoms]}


CASE_FIELDS = (
    "schema_version", "id", "her2", "her2_ihc", "her2_ish", "er", "pr", "presentation",
    "metastasis_biopsied", "menopausal_status", "sex", "ecog", "lvef", "creatinine_clearance",
    "conditions", "visceral_crisis", "treatments", "sites", "primary_tumor", "chosen",
    "metastatic_diagnosis", "age", "birth_year",
)
# Top-level keys whose absence is read as a default value (the result's `missing` lists each).
CASE_DEFAULTS = ("er", "pr", "menopausal_status", "sex", "conditions", "visceral_crisis", "treatments", "primary_tumor")


@frozen(repr=False)
class Case(Value):
    presentation: Presentation
    her2: Her2
    er: Er
    pr: Pr
    sites: tuple[Site, ...] = field(validator=lambda _i, _a, v: _require_sites(v))
    her2_ihc: Ihc | None = None
    her2_ish: Ish | None = None
    id: str | None = None
    metastasis_biopsied: bool | None = None
    menopausal_status: Menopause = Menopause.UNKNOWN
    sex: Sex = Sex.FEMALE
    ecog: int | None = None
    lvef: float | None = None
    creatinine_clearance: float | None = None
    conditions: tuple[Condition, ...] = ()
    visceral_crisis: bool = False
    treatments: tuple[Treatment, ...] = ()
    primary_tumor: PrimaryTumor = PrimaryTumor()
    chosen: tuple[str, ...] | None = None  # the treatment actually chosen, for the concordance audit
    metastatic_diagnosis: PartialDate | None = None
    age: int | None = None  # given, or worked out from birth_year when --as-of leaves one answer
    birth_year: int | None = None
    as_of: datetime.date | None = None  # the day the history is told on: dates after it are refused
    assumed: frozenset[str] = frozenset()  # top-level keys not given, read by their default
    her2_given: bool = False  # `her2` was given, not only derived from the tests

    @property
    def her2_discordant(self) -> bool:
        return her2_tests_discordant(self.her2_ihc, self.her2_ish)

    @property
    def hormone_receptor_positive(self) -> bool:
        return self.er in (Er.POSITIVE, Er.LOW) or self.pr is Pr.POSITIVE

    def has(self, condition: Condition) -> bool:
        return condition in self.conditions

    # The properties over all sites are computed once per case: the rules ask them once per site,
    # which would otherwise make a case's time grow with the square of its number of sites.
    @cached_property
    def site_kinds(self) -> frozenset[SiteName]:
        return frozenset(site.site for site in self.sites)

    @cached_property
    def lesion_counts(self) -> Mapping[SiteName, int] | None:
        """Lesions per kind of site, added up; None when any site's count is unknown."""
        counts: Counter[SiteName] = Counter()
        for site in self.sites:
            if site.lesions is None:
                return None
            counts[site.site] += site.lesions
        return counts

    @cached_property
    def oligometastatic(self) -> bool:
        """Five lesions or fewer in all, every count known; leptomeningeal disease never is (section 10.5)."""
        if any(site.leptomeningeal for site in self.sites):
            return False
        counts = self.lesion_counts
        return counts is not None and sum(counts.values()) <= OLIGOMETASTATIC_MAX_LESIONS

    @classmethod
    def from_mapping(cls, data: object, as_of: datetime.date | None = None) -> Case:
        """Read a case from parsed JSON, validating every field against the contract.

        Every problem is reported at once, in the order the JSON gives its keys. `as_of` is the
        day the history is told on (the command line passes today): no date may be after it.
        """
        from her2nav.history_dates import apply_dates, read_age

        problems = Problems()
        obj = given_fields(data, CASE_FIELDS, "", problems)

        def get(key: str, reader: Callable[[Any], Any], default: Any = None) -> Any:
            value = obj.get(key)
            if value is None:
                return default
            try:
                return reader(value)
            except InvalidCase as problem:
                problems.add(problem)
                return None

        schema = obj.get("schema_version", CASE_SCHEMA_VERSION)
        if schema not in READABLE_SCHEMA_VERSIONS:
            problems.add(InvalidCase("schema_version", f"{describe(schema)} is not supported",
                                     ", ".join(f'"{version}"' for version in READABLE_SCHEMA_VERSIONS)))
        ihc = get("her2_ihc", lambda v: read_enum(v, Ihc, "her2_ihc"))
        ish = get("her2_ish", lambda v: read_enum(v, Ish, "her2_ish"))
        given_her2 = get("her2", lambda v: read_enum(v, Her2, "her2"))
        her2_read = not any(p.field in ("her2", "her2_ihc", "her2_ish") for p in problems.found)
        her2 = problems.read(lambda: derive_her2(given_her2, ihc, ish)) if her2_read else None
        pr = get("pr", lambda v: read_enum(v, Pr, "pr"), Pr.UNKNOWN)
        if obj.get("er") is None and pr is not Pr.POSITIVE:
            problems.add(InvalidCase("er", "required unless pr is positive", [e.value for e in Er]))
        if obj.get("presentation") is None:
            problems.add(InvalidCase("presentation", "required", [p.value for p in Presentation]))
        if not obj.get("sites"):
            problems.read(lambda: _require_sites(()))
        values = {
            "presentation": get("presentation", lambda v: read_enum(v, Presentation, "presentation")),
            "her2": her2, "her2_ihc": ihc, "her2_ish": ish, "pr": pr,
            "er": get("er", lambda v: read_enum(v, Er, "er"), Er.UNKNOWN),
            "sites": get("sites", lambda v: _read_items(v, "sites", Site.from_mapping, MAX_SITES), ()),
            "id": get("id", lambda v: read_str(v, "id")),
            "metastasis_biopsied": get("metastasis_biopsied", lambda v: read_bool(v, "metastasis_biopsied")),
            "menopausal_status": get("menopausal_status", lambda v: read_enum(v, Menopause, "menopausal_status"),
                                     Menopause.UNKNOWN),
            "sex": get("sex", lambda v: read_enum(v, Sex, "sex"), Sex.FEMALE),
            "ecog": get("ecog", lambda v: read_int(v, "ecog", 0, 4)),
            "lvef": get("lvef", lambda v: read_number(v, "lvef", 5, 90, " percent")),
            "creatinine_clearance": get("creatinine_clearance",
                                        lambda v: read_number(v, "creatinine_clearance", 0, 250, " mL/min")),
            "conditions": get("conditions", lambda v: read_enum_list(v, Condition, "conditions"), ()),
            "visceral_crisis": get("visceral_crisis", lambda v: read_bool(v, "visceral_crisis"), False),
            "treatments": get("treatments", lambda v: _read_items(v, "treatments", Treatment.from_mapping,
                                                                  MAX_TREATMENTS), ()),
            "primary_tumor": get("primary_tumor", lambda v: PrimaryTumor.from_mapping(v, "primary_tumor"),
                                 PrimaryTumor()),
            "metastatic_diagnosis": get("metastatic_diagnosis", lambda v: parse_date(v, "metastatic_diagnosis")),
            "chosen": get("chosen", lambda v: read_drugs(v, "chosen")),
        }
        values["age"], values["birth_year"] = read_age(obj, as_of, problems)
        values["treatments"] = apply_dates(values["treatments"] or (), values["metastatic_diagnosis"], as_of, problems)
        problems.raise_any(list(obj))
        assumed = frozenset(key for key in CASE_DEFAULTS if obj.get(key) is None)
        return cls(**values, her2_given=given_her2 is not None, as_of=as_of, assumed=assumed)

    def to_dict(self) -> dict[str, Any]:
        """The case as understood: generic drug names, defaults filled, HER2 derived."""
        out: dict[str, Any] = {"schema_version": CASE_SCHEMA_VERSION, "id": self.id}
        out.update({
            "her2": self.her2.value,
            "her2_ihc": self.her2_ihc.value if self.her2_ihc else None,
            "her2_ish": self.her2_ish.value if self.her2_ish else None,
            "er": self.er.value,
            "pr": self.pr.value,
            "hormone_receptor_positive": self.hormone_receptor_positive,
            "presentation": self.presentation.value,
            "metastasis_biopsied": self.metastasis_biopsied,
            "menopausal_status": self.menopausal_status.value,
            "sex": self.sex.value,
            "ecog": self.ecog,
            "lvef": plain_number(self.lvef),
            "creatinine_clearance": plain_number(self.creatinine_clearance),
            "conditions": [c.value for c in self.conditions],
            "visceral_crisis": self.visceral_crisis,
            "treatments": [t.to_dict() for t in self.treatments],
            "sites": [s.to_dict() for s in self.sites],
            "oligometastatic": self.oligometastatic,
            "primary_tumor": self.primary_tumor.to_dict(),
            "chosen": list(self.chosen) if self.chosen is not None else None,
            "metastatic_diagnosis": str(self.metastatic_diagnosis) if self.metastatic_diagnosis else None,
            "age": self.age,
            "birth_year": self.birth_year,
        })
        return out


def _require_sites(sites: tuple[Site, ...]) -> None:
    if not sites:
        raise InvalidCase("sites", "at least one metastatic site is required", [s.value for s in SiteName])


def _read_items(value: object, where: str, reader: Any, max_items: int) -> tuple[Any, ...]:
    """Every item read, or every item's problems reported together."""
    return tuple(read_each(read_list(value, where, max_items), reader, where))

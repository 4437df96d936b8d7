"""The case: one patient's facts as the contract defines them (docs/case-format.md)."""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Mapping
from functools import cached_property
from typing import Any

from attrs import field, frozen

from her2nav.errors import InvalidCase
from her2nav.fields import (
    describe,
    read_bool,
    read_enum,
    read_enum_list,
    read_fields,
    read_int,
    read_list,
    read_number,
    read_str,
)
from her2nav.knowledge.drugs import DRUGS, DrugClass, resolve_drug_name, suggest_drug_names

SCHEMA_VERSION = "1"


class Her2(enum.StrEnum):
    POSITIVE = "positive"
    LOW = "low"
    ULTRALOW = "ultralow"
    NEGATIVE = "negative"
    EQUIVOCAL = "equivocal"


class Ihc(enum.StrEnum):
    ZERO = "0"
    ONE = "1+"
    TWO = "2+"
    THREE = "3+"


class Ish(enum.StrEnum):
    AMPLIFIED = "amplified"
    NOT_AMPLIFIED = "not_amplified"


class Er(enum.StrEnum):
    POSITIVE = "positive"
    LOW = "low"
    NEGATIVE = "negative"
    UNKNOWN = "unknown"


class Pr(enum.StrEnum):
    POSITIVE = "positive"
    NEGATIVE = "negative"
    UNKNOWN = "unknown"


class Presentation(enum.StrEnum):
    DE_NOVO = "de_novo"
    RECURRENCE = "recurrence"


class Menopause(enum.StrEnum):
    PRE = "pre"
    POST = "post"
    UNKNOWN = "unknown"


class Sex(enum.StrEnum):
    FEMALE = "female"
    MALE = "male"


class Condition(enum.StrEnum):
    HEART_FAILURE = "heart_failure"
    INTERSTITIAL_LUNG_DISEASE = "interstitial_lung_disease"
    PERIPHERAL_NEUROPATHY = "peripheral_neuropathy"
    PREGNANCY = "pregnancy"
    DPD_DEFICIENCY = "dpd_deficiency"
    HEPATIC_IMPAIRMENT = "hepatic_impairment"
    DENTAL_DISEASE = "dental_disease"
    HYPOCALCEMIA = "hypocalcemia"


class Setting(enum.StrEnum):
    NEOADJUVANT = "neoadjuvant"
    ADJUVANT = "adjuvant"
    METASTATIC = "metastatic"


class Outcome(enum.StrEnum):
    PROGRESSION = "progression"
    TOXICITY = "toxicity"
    COMPLETED = "completed"
    ONGOING = "ongoing"


class SiteName(enum.StrEnum):
    BONE = "bone"
    LIVER = "liver"
    BRAIN = "brain"
    LUNG = "lung"
    PLEURA = "pleura"
    LYMPH_NODE = "lymph_node"
    SKIN = "skin"
    SOFT_TISSUE = "soft_tissue"
    BONE_MARROW = "bone_marrow"
    OTHER = "other"


class Symptom(enum.StrEnum):
    PAIN = "pain"
    FRACTURE = "fracture"
    IMPENDING_FRACTURE = "impending_fracture"
    CORD_COMPRESSION = "cord_compression"
    HYPERCALCEMIA = "hypercalcemia"
    ASCITES = "ascites"
    PRURITUS = "pruritus"
    JAUNDICE = "jaundice"
    NEUROLOGIC = "neurologic"
    EFFUSION = "effusion"
    DYSPNEA = "dyspnea"
    ULCERATION = "ulceration"
    BLEEDING = "bleeding"


class BrainStatus(enum.StrEnum):
    UNTREATED = "untreated"
    TREATED_STABLE = "treated_stable"
    PROGRESSING_AFTER_LOCAL_THERAPY = "progressing_after_local_therapy"


class PrimarySymptom(enum.StrEnum):
    BLEEDING = "bleeding"
    PAIN = "pain"
    ULCERATION = "ulceration"
    INFECTION = "infection"


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
MAX_MONTHS = 1200  # a hundred years: anything larger is a typing error
# Limits on list lengths (docs/case-format.md): far above any real case, low enough that a
# mistaken or hostile input is refused at once rather than worked through.
MAX_TREATMENTS = 100
MAX_SITES = 100
MAX_DRUGS_PER_COURSE = 20
MAX_LESIONS = 10_000


@frozen
class Treatment:
    drugs: tuple[str, ...]
    setting: Setting
    outcome: Outcome
    months_to_recurrence: float | None = None

    @property
    def her2_directed(self) -> bool:
        return any(DRUGS[drug].her2_directed for drug in self.drugs)

    @property
    def anticancer(self) -> bool:
        """False for a course of bone-modifying agents only, which is supportive, not a line."""
        return any(DRUGS[drug].drug_class is not DrugClass.BONE_AGENT for drug in self.drugs)

    @property
    def perioperative(self) -> bool:
        return self.setting is not Setting.METASTATIC

    @classmethod
    def from_mapping(cls, data: object, where: str) -> Treatment:
        obj = read_fields(data, ("drugs", "setting", "outcome", "months_to_recurrence"), where)
        if "drugs" not in obj:
            raise InvalidCase(f"{where}.drugs", "required: one or more drug names")
        if "setting" not in obj:
            raise InvalidCase(f"{where}.setting", "required", [s.value for s in Setting])
        setting = read_enum(obj["setting"], Setting, f"{where}.setting")
        default_outcome = Outcome.PROGRESSION if setting is Setting.METASTATIC else Outcome.COMPLETED
        outcome = read_enum(obj.get("outcome", default_outcome.value), Outcome, f"{where}.outcome")
        months = None
        if "months_to_recurrence" in obj:
            if setting is Setting.METASTATIC:
                raise InvalidCase(f"{where}.months_to_recurrence",
                                  "only for neoadjuvant or adjuvant courses")
            months = read_number(obj["months_to_recurrence"], f"{where}.months_to_recurrence",
                                 0, MAX_MONTHS, " months")
        return cls(_read_drugs(obj["drugs"], f"{where}.drugs"), setting, outcome, months)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"drugs": list(self.drugs), "setting": self.setting.value,
                               "outcome": self.outcome.value}
        if self.months_to_recurrence is not None:
            out["months_to_recurrence"] = _plain_number(self.months_to_recurrence)
        return out


_LONGEST_NAME_SEARCHED = 80  # no drug name or alias is near this long: a longer text gets no "did you mean"


def _read_drugs(value: object, where: str) -> tuple[str, ...]:
    names = read_list(value, where, MAX_DRUGS_PER_COURSE)
    if not names:
        raise InvalidCase(where, "empty: give one or more drug names")
    generic: list[str] = []
    for index, item in enumerate(names):
        name = read_str(item, f"{where}[{index}]")
        resolved = resolve_drug_name(name)
        if resolved is None:
            suggestions = suggest_drug_names(name) if len(name) <= _LONGEST_NAME_SEARCHED else []
            hint = f"did you mean {' or '.join(repr(s) for s in suggestions)}?" if suggestions else None
            raise InvalidCase(f"{where}[{index}]", f"unknown drug {describe(name)}",
                              "a generic name, brand name or regimen such as THP, T-DM1, T-DXd", hint)
        generic.extend(resolved)
    return tuple(dict.fromkeys(generic))


@frozen
class Site:
    site: SiteName
    lesions: int | None = None
    symptoms: tuple[Symptom, ...] = ()
    status: BrainStatus | None = None
    leptomeningeal: bool = False

    @property
    def active_brain(self) -> bool:
        """Brain metastases that are untreated or growing after local therapy."""
        return self.site is SiteName.BRAIN and self.status in (
            BrainStatus.UNTREATED, BrainStatus.PROGRESSING_AFTER_LOCAL_THERAPY)

    @classmethod
    def from_mapping(cls, data: object, where: str) -> Site:
        obj = read_fields(data, ("site", "lesions", "symptoms", "status", "leptomeningeal"), where)
        if "site" not in obj:
            raise InvalidCase(f"{where}.site", "required", [s.value for s in SiteName])
        site = read_enum(obj["site"], SiteName, f"{where}.site")
        # A site with no lesion is no site: 0 would make the case oligometastatic and offer resection of nothing.
        lesions = read_int(obj["lesions"], f"{where}.lesions", 1, MAX_LESIONS) if "lesions" in obj else None
        symptoms = read_enum_list(obj.get("symptoms", []), Symptom, f"{where}.symptoms",
                                  SYMPTOMS_BY_SITE.get(site, ()))
        brain_only = [key for key in ("status", "leptomeningeal") if obj.get(key) is not None]
        if site is not SiteName.BRAIN and brain_only:
            raise InvalidCase(f"{where}.{brain_only[0]}", "only for the brain site")
        status = read_enum(obj["status"], BrainStatus, f"{where}.status") if obj.get("status") is not None else None
        leptomeningeal = read_bool(obj.get("leptomeningeal", False), f"{where}.leptomeningeal")
        return cls(site, lesions, symptoms, status, leptomeningeal)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"site": self.site.value}
        if self.lesions is not None:
            out["lesions"] = self.lesions
        out["symptoms"] = [s.value for s in self.symptoms]
        if self.site is SiteName.BRAIN:
            out["status"] = self.status.value if self.status else None
            out["leptomeningeal"] = self.leptomeningeal
        return out


@frozen
class PrimaryTumor:
    intact: bool = False
    symptoms: tuple[PrimarySymptom, ...] = ()

    @classmethod
    def from_mapping(cls, data: object, where: str) -> PrimaryTumor:
        obj = read_fields(data, ("intact", "symptoms"), where)
        intact = read_bool(obj.get("intact", False), f"{where}.intact")
        symptoms = read_enum_list(obj.get("symptoms", []), PrimarySymptom, f"{where}.symptoms")
        if symptoms and not intact:
            raise InvalidCase(f"{where}.symptoms", "symptoms of the primary need intact: true")
        return cls(intact, symptoms)

    def to_dict(self) -> dict[str, Any]:
        return {"intact": self.intact, "symptoms": [s.value for s in self.symptoms]}


CASE_FIELDS = (
    "schema_version", "id", "her2", "her2_ihc", "her2_ish", "er", "pr", "presentation",
    "metastasis_biopsied", "menopausal_status", "sex", "ecog", "lvef", "creatinine_clearance",
    "conditions", "visceral_crisis", "treatments", "sites", "primary_tumor",
)


@frozen
class Case:
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
        counts = self.lesion_counts
        return counts is not None and sum(counts.values()) <= OLIGOMETASTATIC_MAX_LESIONS

    @classmethod
    def from_mapping(cls, data: object) -> Case:
        """Read a case from parsed JSON, validating every field against the contract."""
        obj = read_fields(data, CASE_FIELDS, "")
        schema = obj.get("schema_version", SCHEMA_VERSION)
        if schema != SCHEMA_VERSION:
            raise InvalidCase("schema_version", f"{describe(schema)} is not supported", f'"{SCHEMA_VERSION}"')
        ihc = _optional(obj, "her2_ihc", lambda v: read_enum(v, Ihc, "her2_ihc"))
        ish = _optional(obj, "her2_ish", lambda v: read_enum(v, Ish, "her2_ish"))
        given_her2 = _optional(obj, "her2", lambda v: read_enum(v, Her2, "her2"))
        pr = read_enum(obj.get("pr", "unknown"), Pr, "pr")
        if obj.get("er") is None and pr is not Pr.POSITIVE:
            raise InvalidCase("er", "required unless pr is positive", [e.value for e in Er])
        er = read_enum(obj.get("er", "unknown"), Er, "er")
        if obj.get("presentation") is None:
            raise InvalidCase("presentation", "required", [p.value for p in Presentation])
        return cls(
            presentation=read_enum(obj["presentation"], Presentation, "presentation"),
            her2=derive_her2(given_her2, ihc, ish),
            her2_given=given_her2 is not None,
            her2_ihc=ihc,
            her2_ish=ish,
            er=er,
            pr=pr,
            sites=_read_items(obj.get("sites", []), "sites", Site.from_mapping, MAX_SITES),
            id=_optional(obj, "id", lambda v: read_str(v, "id")),
            metastasis_biopsied=_optional(obj, "metastasis_biopsied", lambda v: read_bool(v, "metastasis_biopsied")),
            menopausal_status=read_enum(obj.get("menopausal_status", "unknown"), Menopause, "menopausal_status"),
            sex=read_enum(obj.get("sex", "female"), Sex, "sex"),
            ecog=_optional(obj, "ecog", lambda v: read_int(v, "ecog", 0, 4)),
            lvef=_optional(obj, "lvef", lambda v: read_number(v, "lvef", 5, 90, " percent")),
            creatinine_clearance=_optional(
                obj, "creatinine_clearance", lambda v: read_number(v, "creatinine_clearance", 0, 250, " mL/min")),
            conditions=read_enum_list(obj.get("conditions", []), Condition, "conditions"),
            visceral_crisis=read_bool(obj.get("visceral_crisis", False), "visceral_crisis"),
            treatments=_read_items(obj.get("treatments", []), "treatments", Treatment.from_mapping, MAX_TREATMENTS),
            primary_tumor=PrimaryTumor.from_mapping(obj["primary_tumor"], "primary_tumor")
            if obj.get("primary_tumor") is not None else PrimaryTumor(),
        )

    def to_dict(self) -> dict[str, Any]:
        """The case as understood: generic drug names, defaults filled, HER2 derived."""
        out: dict[str, Any] = {"schema_version": SCHEMA_VERSION}
        if self.id is not None:
            out["id"] = self.id
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
            "lvef": _plain_number(self.lvef),
            "creatinine_clearance": _plain_number(self.creatinine_clearance),
            "conditions": [c.value for c in self.conditions],
            "visceral_crisis": self.visceral_crisis,
            "treatments": [t.to_dict() for t in self.treatments],
            "sites": [s.to_dict() for s in self.sites],
            "oligometastatic": self.oligometastatic,
            "primary_tumor": self.primary_tumor.to_dict(),
        })
        return out


def her2_tests_discordant(ihc: Ihc | None, ish: Ish | None) -> bool:
    """IHC and ISH disagree outright: IHC 3+ not amplified, or IHC 0/1+ amplified (clinical-rules.md 10.9)."""
    return (ihc is Ihc.THREE and ish is Ish.NOT_AMPLIFIED) or (ihc in (Ihc.ZERO, Ihc.ONE) and ish is Ish.AMPLIFIED)


def derive_her2(given: Her2 | None, ihc: Ihc | None, ish: Ish | None) -> Her2:
    """HER2 status by the ASCO/CAP rules of the contract; a contradiction is invalid.

    Discordant tests are read the same way in both directions (10.9): a `her2` given beside them
    is the pathologist's reading after review and stands; without it the case is read as
    positive (IHC 3+ is positive under ASCO/CAP 2018; ISH amplified is read as positive, as
    without IHC), and the result asks for pathology review of the two tests.
    """
    if her2_tests_discordant(ihc, ish):
        return given if given is not None else Her2.POSITIVE
    derived = _her2_from_tests(ihc, ish)
    if given is None:
        if derived is None:
            raise InvalidCase("her2", "required: give her2, or her2_ihc and/or her2_ish",
                              [h.value for h in Her2])
        return derived
    if derived is None or derived is given or (given is Her2.ULTRALOW and derived is Her2.NEGATIVE):
        return given
    tests = ", ".join(f"{name} {value.value}" for name, value in (("IHC", ihc), ("ISH", ish)) if value)
    raise InvalidCase("her2", f"{describe(given.value)} contradicts {tests}, which means {describe(derived.value)}")


def _her2_from_tests(ihc: Ihc | None, ish: Ish | None) -> Her2 | None:
    if ihc is Ihc.THREE:
        return Her2.POSITIVE
    if ihc is Ihc.TWO:
        return {Ish.AMPLIFIED: Her2.POSITIVE, Ish.NOT_AMPLIFIED: Her2.LOW, None: Her2.EQUIVOCAL}[ish]
    if ihc is Ihc.ONE:
        return Her2.LOW
    if ihc is Ihc.ZERO:
        return Her2.NEGATIVE
    if ish is Ish.AMPLIFIED:
        return Her2.POSITIVE
    if ish is Ish.NOT_AMPLIFIED:
        return Her2.NEGATIVE
    return None


def _require_sites(sites: tuple[Site, ...]) -> None:
    if not sites:
        raise InvalidCase("sites", "at least one metastatic site is required", [s.value for s in SiteName])


def _optional(obj: Mapping[str, Any], key: str, reader: Any) -> Any:
    value = obj.get(key)
    return None if value is None else reader(value)


def _read_items(value: object, where: str, reader: Any, max_items: int) -> tuple[Any, ...]:
    items = read_list(value, where, max_items)
    return tuple(reader(item, f"{where}[{index}]") for index, item in enumerate(items))


def _plain_number(value: float | None) -> float | int | None:
    """60.0 prints as 60: the case echoes numbers as a clinician wrote them."""
    if value is None:
        return None
    return int(value) if value.is_integer() else value

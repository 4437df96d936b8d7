"""Plain words for the codes of a case and a result, shared by the terminal view and the handout.

A clinician reads "bone-modifying agent" and "lymph node", never `bone_modifying_agent`.
Nothing here decides anything: it only says what the case and the result already hold.
"""

from __future__ import annotations

from her2nav import __version__
from her2nav.case import Case, Site, Treatment
from her2nav.knowledge import EVIDENCE_AS_OF, KNOWLEDGE_BASE_VERSION
from her2nav.result import ActionKind, Missing, Modality

NOT_GIVEN = "not given"

_MODALITY_WORDS = {Modality.BONE_MODIFYING_AGENT: "bone-modifying agent",
                   Modality.STEREOTACTIC_RADIATION: "stereotactic radiation"}
_ACTION_WORDS = {ActionKind.REFLEX_ISH: "reflex ISH test", ActionKind.CLINICAL_TRIAL: "clinical trial"}


def program_words() -> str:
    return f"her2nav {__version__}"


def knowledge_words() -> str:
    """Which evidence every output rests on: 'knowledge base V, evidence as of YYYY-MM'."""
    return f"knowledge base {KNOWLEDGE_BASE_VERSION}, evidence as of {EVIDENCE_AS_OF}"


def sentence(text: str) -> str:
    """The text with its first letter capitalised, the rest as it is."""
    return text[:1].upper() + text[1:]


def words(value: str) -> str:
    """A code as plain words: "lymph_node" -> "lymph node"."""
    return value.replace("_", " ")


def modality_words(modality: Modality) -> str:
    return _MODALITY_WORDS.get(modality, words(modality.value))


def action_words(kind: ActionKind) -> str:
    return _ACTION_WORDS.get(kind, words(kind.value))


def site_words(site: str) -> str:
    """A site of the result ("lymph_node", "primary") as words: "lymph node", "primary tumor"."""
    return "primary tumor" if site == "primary" else words(site)


def field_words(field: str, case: Case) -> str:
    """A case field path as words: "sites[1].lesions" -> "brain lesions" (the site named),
    "treatments[0].outcome" -> "course 1 outcome"."""
    parts = []
    for part in field.split("."):
        name, _, index = part.partition("[")
        if not index:
            parts.append(words(name))
        elif name == "sites" and int(index.rstrip("]")) < len(case.sites):
            parts.append(site_words(case.sites[int(index.rstrip("]"))].site.value))
        elif name == "treatments":
            parts.append(f"course {int(index.rstrip(']')) + 1}")
        else:
            parts.append(words(part))
    return " ".join(parts)


def missing_words(missing: Missing, case: Case) -> str:
    """A missing fact as one sentence for a person: the field in words, what was assumed, what it could change."""
    return f"{field_words(missing.field, case)}: {missing.assumed}; {missing.effect}"


def _number(value: float | None, unit: str) -> str:
    return NOT_GIVEN if value is None else f"{value:g}{unit}"


def her2_words(case: Case) -> str:
    tests = ", ".join(f"{name} {value.value}" for name, value in
                      (("IHC", case.her2_ihc), ("ISH", case.her2_ish)) if value)
    return f"HER2 {case.her2.value}" + (f" ({tests})" if tests else "")


def patient_words(case: Case) -> str:
    """Receptors, presentation, patient and organ function: the first line of the case as read."""
    hormone = "HR-positive" if case.hormone_receptor_positive else "HR-negative"
    parts = [her2_words(case), f"ER {case.er.value}, PR {case.pr.value} ({hormone})",
             words(case.presentation.value), f"{case.sex.value}, {_menopause_words(case)}",
             f"ECOG {NOT_GIVEN if case.ecog is None else case.ecog}", f"LVEF {_number(case.lvef, '%')}",
             f"creatinine clearance {_number(case.creatinine_clearance, ' mL/minute')}"]
    if case.metastasis_biopsied is not None:
        parts.insert(3, "metastasis biopsied" if case.metastasis_biopsied else "metastasis not biopsied")
    return "; ".join(parts)


def _menopause_words(case: Case) -> str:
    status = case.menopausal_status.value
    return "menopausal status unknown" if status == "unknown" else f"{status}menopausal"


def course_words(course: Treatment) -> str:
    """"docetaxel + trastuzumab (adjuvant, completed, recurrence after 40 months)"."""
    details = [course.setting.value, course.outcome.value]
    if course.months_to_recurrence is not None:
        details.append(f"metastatic recurrence {course.months_to_recurrence:g} months after")
    return f"{' + '.join(course.drugs)} ({', '.join(details)})"


def courses_words(case: Case) -> str:
    if not case.treatments:
        return "none"
    return "; ".join(f"{number}. {course_words(course)}" for number, course in enumerate(case.treatments, start=1))


def site_details(site: Site) -> str:
    details = []
    if site.lesions is not None:
        details.append("1 lesion" if site.lesions == 1 else f"{site.lesions} lesions")
    if site.status is not None:
        details.append(words(site.status.value))
    if site.leptomeningeal:
        details.append("leptomeningeal")
    details.extend(words(symptom.value) for symptom in site.symptoms)
    name = words(site.site.value)
    return f"{name} ({', '.join(details)})" if details else name


def sites_words(case: Case) -> str:
    return "; ".join(site_details(site) for site in case.sites)


def primary_words(case: Case) -> str:
    primary = case.primary_tumor
    if primary.intact is None:
        return NOT_GIVEN
    if not primary.intact:
        return "not intact"
    symptoms = ", ".join(words(symptom.value) for symptom in primary.symptoms)
    return f"intact ({symptoms})" if symptoms else "intact"


def conditions_words(case: Case) -> str:
    found = [words(condition.value) for condition in case.conditions]
    if case.visceral_crisis:
        found.append("visceral crisis")
    return ", ".join(found) or "none"

"""Bone metastases (clinical-rules.md section 7, with the renal, calcium and dental rules of 5 and 0)."""

from __future__ import annotations

from her2nav.case import Case, Condition, Site, SiteName, Symptom
from her2nav.decide.coded import Coded
from her2nav.decide.site_common import SiteDecisions, describe, has_site, site_option, words
from her2nav.knowledge import actions as action_words
from her2nav.knowledge import site_care as care
from her2nav.result import Action, ActionKind, SiteOption, Tier, TraceStep

BONE = SiteName.BONE.value


def bone_decisions(case: Case, site: Site) -> SiteDecisions:
    facts = describe(site)
    options: list[SiteOption] = []
    actions: list[Action] = []
    if Symptom.CORD_COMPRESSION in site.symptoms:
        actions.append(Action(ActionKind.URGENT, action_words.URGENT_CORD_COMPRESSION, "urgent-cord-compression"))
        options += [site_option(case, BONE, care.CORD_COMPRESSION_RADIATION, Tier.PREFERRED, facts),
                    site_option(case, BONE, care.CORD_COMPRESSION_SURGERY, Tier.PREFERRED, facts)]
    if Symptom.HYPERCALCEMIA in site.symptoms:
        pregnant = case.has(Condition.PREGNANCY)
        actions.append(Action(ActionKind.URGENT, action_words.URGENT_HYPERCALCEMIA_PREGNANCY,
                              "urgent-hypercalcemia-pregnancy") if pregnant else
                       Action(ActionKind.URGENT, action_words.URGENT_HYPERCALCEMIA, "urgent-hypercalcemia"))
    fracture = [s for s in site.symptoms if s in (Symptom.FRACTURE, Symptom.IMPENDING_FRACTURE)]
    if fracture:
        options.append(site_option(case, BONE, care.FRACTURE_SURGERY, Tier.PREFERRED, facts))
    if Symptom.PAIN in site.symptoms:
        complicated: list[Coded] = ([("bone-pain-complicated", care.BONE_PAIN_COMPLICATED)]
                                    if fracture or Symptom.CORD_COMPRESSION in site.symptoms else [])
        options.append(site_option(case, BONE, care.BONE_PAIN_RADIATION, Tier.PREFERRED, facts, complicated))
    if _first_bone_site(case, site):  # the agents treat the patient, not one group of lesions
        options += [_zoledronic_acid(case, facts), _denosumab(case, facts)]
    if _widespread_pain(case, site):
        options.append(_radiopharmaceutical(case, facts))
    if case.has(Condition.DENTAL_DISEASE) and not case.has(Condition.PREGNANCY):
        actions.append(Action(ActionKind.DENTAL_REVIEW, action_words.DENTAL_REVIEW, "dental-review"))
    return SiteDecisions(options=tuple(options), actions=tuple(actions), trace=(_trace(case, site, facts, options),))


def _zoledronic_acid(case: Case, facts: str) -> SiteOption:
    tier = Tier.PREFERRED
    cautions: list[Coded] = []
    clearance = case.creatinine_clearance
    if case.has(Condition.PREGNANCY):
        tier = Tier.AVOID
        cautions.append(("bone-agent-pregnancy", care.BONE_AGENT_PREGNANCY))
    if clearance is None:
        cautions.append(("zoledronic-acid-clearance-unknown", care.ZOLEDRONIC_ACID_CLEARANCE_UNKNOWN))
    elif clearance < care.ZOLEDRONIC_ACID_NOT_BELOW:
        tier = Tier.AVOID
        cautions.append(("zoledronic-acid-renal", care.ZOLEDRONIC_ACID_RENAL_AVOID.format(clearance=f"{clearance:g}")))
    elif clearance <= care.ZOLEDRONIC_ACID_FULL_DOSE_ABOVE:
        cautions.append(("zoledronic-acid-reduced-dose", care.ZOLEDRONIC_ACID_REDUCED.format(
            clearance=f"{clearance:g}", dose=reduced_zoledronic_acid_dose(clearance))))
    if case.has(Condition.DENTAL_DISEASE):
        cautions.append(("zoledronic-acid-dental", care.ZOLEDRONIC_ACID_DENTAL))
    if hypercalcemic(case):
        cautions.append(("bone-agent-hypercalcemia", care.BONE_AGENT_HYPERCALCEMIA))
    return site_option(case, BONE, care.ZOLEDRONIC_ACID, tier, _renal_facts(case, facts), cautions)


def _first_bone_site(case: Case, site: Site) -> bool:
    return next(s for s in case.sites if s.site is SiteName.BONE) is site


def hypercalcemic(case: Case) -> bool:
    return any(Symptom.HYPERCALCEMIA in s.symptoms for s in case.sites if s.site is SiteName.BONE)


def reduced_zoledronic_acid_dose(clearance: float) -> str:
    """The label's dose for a creatinine clearance of 30-60 mL/min."""
    for lowest, dose in care.ZOLEDRONIC_ACID_REDUCED_DOSES:
        if clearance >= lowest:
            return dose
    raise ValueError(f"no reduced dose below {care.ZOLEDRONIC_ACID_NOT_BELOW:g} mL/min: {clearance:g}")


def _denosumab(case: Case, facts: str) -> SiteOption:
    tier = Tier.PREFERRED
    cautions: list[Coded] = []
    clearance = case.creatinine_clearance
    if case.has(Condition.PREGNANCY):
        tier = Tier.AVOID
        cautions.append(("bone-agent-pregnancy", care.BONE_AGENT_PREGNANCY))
    if case.has(Condition.HYPOCALCEMIA):
        cautions.append(("denosumab-hypocalcemia", care.DENOSUMAB_HYPOCALCEMIA))
    if clearance is None:
        cautions.append(("denosumab-clearance-unknown", care.DENOSUMAB_CLEARANCE_UNKNOWN))
    elif clearance < care.DENOSUMAB_HIGHEST_RISK_BELOW:
        cautions.append(("denosumab-renal", care.DENOSUMAB_RENAL.format(clearance=f"{clearance:g}")))
    if case.has(Condition.DENTAL_DISEASE):
        cautions.append(("denosumab-dental", care.DENOSUMAB_DENTAL))
    if hypercalcemic(case):
        cautions.append(("bone-agent-hypercalcemia", care.BONE_AGENT_HYPERCALCEMIA))
    return site_option(case, BONE, care.DENOSUMAB, tier, _renal_facts(case, facts), cautions)


def _renal_facts(case: Case, facts: str) -> str:
    clearance = case.creatinine_clearance
    kidney = "creatinine clearance not given" if clearance is None else f"creatinine clearance {clearance:g} mL/min"
    return f"{facts}; {kidney}"


def _widespread_pain(case: Case, site: Site) -> bool:
    """Painful bone disease that is not a single lesion and not oligometastatic: possibly widespread."""
    return Symptom.PAIN in site.symptoms and site.lesions != 1 and not case.oligometastatic


def _radiopharmaceutical(case: Case, facts: str) -> SiteOption:
    cautions: list[Coded] = [("radiopharmaceutical-myelosuppression", care.RADIOPHARMACEUTICAL_MYELOSUPPRESSION)]
    if has_site(case, SiteName.BONE_MARROW):
        cautions.append(("radiopharmaceutical-bone-marrow", care.RADIOPHARMACEUTICAL_MARROW))
    tier = Tier.CONSIDER
    if case.has(Condition.PREGNANCY):
        tier = Tier.AVOID
        cautions.insert(0, ("radiopharmaceutical-pregnancy", care.RADIOPHARMACEUTICAL_PREGNANCY))
    return site_option(case, BONE, care.RADIOPHARMACEUTICAL, tier, facts, cautions)


def _trace(case: Case, site: Site, facts: str, options: list[SiteOption]) -> TraceStep:
    chosen = "; ".join(f"{o.intervention}: {o.tier.value}" for o in options)
    because = [facts]
    if site.symptoms:
        because.append("symptoms drive the procedures: " + ", ".join(words(s.value) for s in site.symptoms))
    clearance = case.creatinine_clearance
    because.append("creatinine clearance not given" if clearance is None
                   else f"creatinine clearance {clearance:g} mL/min")
    because += [words(c.value) for c in case.conditions
                if c in (Condition.PREGNANCY, Condition.DENTAL_DISEASE, Condition.HYPOCALCEMIA)]
    return TraceStep("site: bone", chosen, "; ".join(because))

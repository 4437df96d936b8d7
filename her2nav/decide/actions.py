"""Actions before or beside treatment, and the missing facts that matter (clinical-rules.md 0, 5)."""

from __future__ import annotations

from her2nav.case import Case, Condition, Er, Ihc, Pr, Presentation
from her2nav.decide.history import History
from her2nav.knowledge import actions as words
from her2nav.knowledge.safety import CARDIAC_HER2_DRUGS, ECOG_CONSIDER_AT_MOST, LVEF_CAUTION_BELOW
from her2nav.result import Action, ActionKind, Missing, SystemicOption, Tier
from her2nav.toxicity import ToxicityKind


def general_actions(case: Case, history: History, systemic: tuple[SystemicOption, ...]) -> list[Action]:
    actions: list[Action] = []
    if case.her2_discordant:
        actions.append(Action(ActionKind.SPECIALIST_REVIEW, _her2_discordance_text(case), "her2-discordant"))
    if case.presentation is Presentation.RECURRENCE and not case.metastasis_biopsied:
        actions.append(Action(ActionKind.REBIOPSY, words.REBIOPSY, "rebiopsy"))
    if case.has(Condition.PREGNANCY):
        actions.append(Action(ActionKind.SPECIALIST_REVIEW, words.PREGNANCY, "pregnancy"))
    if case.ecog is not None and case.ecog >= ECOG_CONSIDER_AT_MOST:  # section 10.7
        actions.append(Action(ActionKind.SPECIALIST_REVIEW, words.PALLIATIVE_CARE, "palliative-care"))
    cardiac = _cardiac_action(case)
    if cardiac:
        actions.append(cardiac)
    offered = [o for o in systemic if o.tier is not Tier.AVOID]
    if not offered and not case.has(Condition.PREGNANCY):
        actions.append(Action(ActionKind.CLINICAL_TRIAL, words.CLINICAL_TRIAL_NOTHING_LEFT,
                              "clinical-trial-nothing-left"))
    elif history.line >= 3:
        actions.append(Action(ActionKind.CLINICAL_TRIAL, words.CLINICAL_TRIAL_LATER_LINE, "clinical-trial-later-line"))
    return actions


def _her2_discordance_text(case: Case) -> str:
    """Pathology review of IHC and ISH that disagree, saying how the case was read meanwhile (10.9)."""
    tests = f"IHC {case.her2_ihc.value if case.her2_ihc else '?'}, ISH {case.her2_ish.value if case.her2_ish else '?'}"
    if case.her2_given:
        reading = words.HER2_DISCORDANT_GIVEN.format(her2=case.her2.value)
    elif case.her2_ihc is Ihc.THREE:
        reading = words.HER2_DISCORDANT_IHC_3
    else:
        reading = words.HER2_DISCORDANT_ISH_AMPLIFIED
    return words.HER2_DISCORDANT.format(tests=tests.replace("_", " "), reading=reading)


def _cardiac_action(case: Case) -> Action | None:
    if case.has(Condition.PREGNANCY):
        return None
    findings = []
    if case.has(Condition.HEART_FAILURE):
        findings.append("heart failure")
    if case.lvef is not None and case.lvef < LVEF_CAUTION_BELOW:
        findings.append(f"LVEF {case.lvef:g}%")
    findings += [f"cardiac toxicity on {' + '.join(course.toxicity.drugs)} in course {index + 1}"
                 for index, course in enumerate(case.treatments)
                 if course.toxicity is not None and course.toxicity.kind is ToxicityKind.CARDIAC]
    if findings:
        return Action(ActionKind.CARDIAC_ASSESSMENT, words.CARDIAC_REDUCED.format(finding=" and ".join(findings)),
                      "cardiac-reduced")
    if case.lvef is None:
        return Action(ActionKind.CARDIAC_ASSESSMENT, words.CARDIAC_MISSING, "cardiac-missing")
    return None


def missing_facts(case: Case, systemic: tuple[SystemicOption, ...]) -> list[Missing]:
    """Facts the case leaves unknown that an option or action depends on (defaults: decide/defaults.py)."""
    missing = []
    if case.lvef is None and any(set(o.drugs) & CARDIAC_HER2_DRUGS for o in systemic):
        missing.append(Missing("lvef", "not given", "cardiac cautions were not evaluated"))
    if case.ecog is None:
        missing.append(Missing("ecog", "not given", "fitness for chemotherapy was not judged"))
    if case.creatinine_clearance is None and any("capecitabine" in o.drugs for o in systemic):
        missing.append(Missing("creatinine_clearance", "not given",
                               "capecitabine (and bone-agent) renal limits were not checked"))
    if case.er is Er.UNKNOWN and case.pr is not Pr.POSITIVE:
        missing.append(Missing("er", "unknown", "endocrine options were not weighed"))
    if case.presentation is Presentation.RECURRENCE and case.metastasis_biopsied is None:
        missing.append(Missing("metastasis_biopsied", "not given", "a re-biopsy is asked for"))
    return missing

"""Which safety cautions apply to a regimen for this case (clinical-rules.md section 5).

A concern about one drug either rules the drug out for this patient or only cautions.
A ruled-out required drug makes the regimen `avoid`; a ruled-out partner is left out of
the choice, with the reason, and the regimen stays if another partner remains.
"""

from __future__ import annotations

from attrs import frozen

from her2nav.case import Case, Condition, Er, Menopause, Outcome, Sex, SiteName, Symptom
from her2nav.decide.coded import Coded, split
from her2nav.decide.history import Course, History
from her2nav.knowledge import drug_classes as classes
from her2nav.knowledge import safety
from her2nav.knowledge.drugs import DRUGS, DrugClass
from her2nav.knowledge.regimens import Regimen
from her2nav.toxicity import ToxicityKind
from her2nav.values import Value

# Drug classes the regimen-level rules ask about, looked up once rather than for every regimen.
CYTOTOXIC_DRUGS = frozenset(name for name, drug in DRUGS.items() if drug.cytotoxic)
ENDOCRINE_DRUGS = frozenset(name for name, drug in DRUGS.items() if drug.endocrine)
TAXANE_DRUGS = frozenset(name for name, drug in DRUGS.items() if drug.drug_class is DrugClass.TAXANE)


@frozen(repr=False)
class Concern(Value):
    code: str  # its stable code, registered in knowledge/caution_codes.py:CAUTION_CODES
    text: str
    rules_out: bool = False


@frozen(repr=False)
class Assessment(Value):
    drugs: tuple[str, ...]
    cautions: tuple[str, ...]
    ruled_out: bool
    not_preferred: bool  # a drug was stopped before for toxicity
    evidence: tuple[str, ...] = ()  # references a partner added for this case cites (section 10.13)
    caution_codes: tuple[str, ...] = ()  # one per caution, in the same order


class SafetyReview:
    """The safety rules applied to the regimens of one case.

    A drug's concerns depend only on the drug, the case and the history, so each drug is
    reviewed once per case however many regimens give it, whether as a required drug or a
    partner. The regimen-level concerns depend on the case and on two facts of the regimen
    (a cytotoxic drug, an endocrine one), so each of those pairs is reviewed once too.
    """

    def __init__(self, case: Case, history: History) -> None:
        self.case = case
        self.history = history
        self.pregnant = case.has(Condition.PREGNANCY)
        self._concerns: dict[str, list[Concern]] = {}
        self._as_required: dict[str, tuple[tuple[Coded, ...], bool]] = {}
        self._as_partner: dict[str, tuple[tuple[Coded, ...], bool]] = {}
        self._by_drug_kinds: dict[tuple[bool, bool], list[Concern]] = {}
        self._stopped_for_toxicity = frozenset(
            drug for course in history.toxicity_courses for drug in course.treatment.drugs
            if history.toxicity_course_with(drug) is not None)

    def assess(self, regimen: Regimen) -> Assessment:
        # Pregnancy rules out every regimen (clinical-rules.md section 0): said once, first.
        cautions: list[Coded] = [("pregnancy", safety.PREGNANCY_TEXT)] if self.pregnant else []
        ruled_out = self.pregnant
        kept_required = list(regimen.required)
        for drug in regimen.required:
            texts, rules_out = self._required_drug(drug)
            cautions.extend(texts)
            ruled_out |= rules_out
        choice, evidence = self._partner_choice(regimen.one_of, classes.NOT_ADDED_TO.get(regimen.key, frozenset()))
        kept_choice = self._keep_suitable(choice, cautions)
        if self.case.sex is Sex.MALE and (male_partners := [
                drug for drug in kept_choice if drug in choice[len(regimen.one_of):]
                and drug in classes.MALE_ENDOCRINE_PARTNERS]):
            cautions.append(("male-endocrine-partner",
                             classes.MALE_ENDOCRINE_TEXT.format(partners=" or ".join(male_partners))))
        if regimen.one_of and not kept_choice:
            ruled_out = True
            cautions.append(("no-suitable-partner", f"no suitable partner left among {', '.join(choice)}"))
        kept_optional = self._keep_suitable(regimen.optional, cautions)
        drugs = (*kept_required, *kept_choice, *kept_optional)
        ruled_out |= _check_failed(drugs, self.history, cautions)
        regimen_concerns = self._regimen_level_concerns(drugs)
        if regimen.key in safety.REGIMEN_DIARRHEA_TEXT:
            drug = safety.REGIMEN_DIARRHEA_DRUG[regimen.key]
            general = f"{drug}: {safety.DIARRHEA_TEXT[drug]}"
            cautions = [("diarrhea-regimen-trial", safety.REGIMEN_DIARRHEA_TEXT[regimen.key]) if text == general
                        else (code, text) for code, text in cautions]
        cautions.extend((concern.code, concern.text) for concern in regimen_concerns)
        ruled_out |= any(concern.rules_out for concern in regimen_concerns)
        not_preferred = not self._stopped_for_toxicity.isdisjoint(drugs)
        words, codes = split(cautions)
        return Assessment(drugs, words, ruled_out, not_preferred, evidence, codes)

    def _partner_choice(
        self, one_of: tuple[str, ...], not_added: frozenset[str]
    ) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The partners to weigh (the regimen's own first), and evidence they add: an aromatase-inhibitor
        choice gains tamoxifen and fulvestrant for a man (section 10.13), and exemestane, fulvestrant and
        tamoxifen after a non-steroidal one failed (section 10.4), except the partners `not_added`."""
        if classes.NON_STEROIDAL_AROMATASE_INHIBITORS.isdisjoint(one_of):
            return one_of, ()
        extra: list[str] = []
        evidence: tuple[str, ...] = ()
        if self.case.sex is Sex.MALE:
            extra += [drug for drug in classes.MALE_ENDOCRINE_PARTNERS if drug not in one_of]
            evidence = classes.MALE_ENDOCRINE_EVIDENCE
        if any(_failed_relative(drug, self.history) for drug in classes.NON_STEROIDAL_AROMATASE_INHIBITORS):
            extra += [drug for drug in classes.AFTER_NON_STEROIDAL_AI if drug not in (*one_of, *extra)]
        return (*one_of, *(drug for drug in extra if drug not in not_added)), evidence

    def _drug_concerns(self, drug: str) -> list[Concern]:
        """`drug_concerns` for this case, worked out once per drug."""
        if drug not in self._concerns:
            self._concerns[drug] = drug_concerns(drug, self.case, self.history)
        return self._concerns[drug]

    def _regimen_level_concerns(self, drugs: tuple[str, ...]) -> list[Concern]:
        """`regimen_level_concerns` for this case, worked out once per pair of drug kinds."""
        kinds = (not CYTOTOXIC_DRUGS.isdisjoint(drugs), not ENDOCRINE_DRUGS.isdisjoint(drugs))
        if kinds not in self._by_drug_kinds:
            self._by_drug_kinds[kinds] = concerns_for_drug_kinds(*kinds, self.case)
        return self._by_drug_kinds[kinds]

    def _required_drug(self, drug: str) -> tuple[tuple[Coded, ...], bool]:
        """A drug every patient on the regimen gets: its cautions, and whether one rules it out."""
        if drug not in self._as_required:
            concerns = self._drug_concerns(drug)
            self._as_required[drug] = (tuple((concern.code, f"{drug}: {concern.text}") for concern in concerns),
                                       any(concern.rules_out for concern in concerns))
        return self._as_required[drug]

    def _keep_suitable(self, candidates: tuple[str, ...], cautions: list[Coded]) -> list[str]:
        """The partners or optional drugs that suit the patient; each left out says why in `cautions`."""
        kept = []
        for drug in candidates:
            texts, suitable = self._partner_drug(drug)
            cautions.extend(texts)
            if suitable:
                kept.append(drug)
        return kept

    def _partner_drug(self, drug: str) -> tuple[tuple[Coded, ...], bool]:
        """A partner or optional drug: its cautions, and whether it suits (nothing rules it out)."""
        if drug not in self._as_partner:
            concerns = self._drug_concerns(drug)
            failed = self.history.failed_course_with(drug)
            relative = _failed_relative(drug, self.history)
            if failed is not None and drug not in safety.CONTINUED_BEYOND_PROGRESSION:
                concerns = [*concerns, Concern("failed-before", _failed_text(drug, self.history), rules_out=True)]
            elif relative is not None:
                concerns = [*concerns, Concern("failed-relative", relative, rules_out=True)]
            blocking = [c for c in concerns if c.rules_out]
            if blocking:
                self._as_partner[drug] = (((blocking[0].code, f"{drug} left out: {blocking[0].text}"),), False)
            else:
                self._as_partner[drug] = (tuple((c.code, f"{drug}: {c.text}") for c in concerns), True)
        return self._as_partner[drug]


def _failed_relative(drug: str, history: History) -> str | None:
    """Section 10.4: why a close relative's failure fails `drug` as a partner, or None.

    A non-steroidal aromatase inhibitor fails with the other (any setting); a taxane fails with any
    taxane the disease progressed on in the metastatic setting.
    """
    if drug in classes.NON_STEROIDAL_AROMATASE_INHIBITORS:
        kin = [(other, history.failed_course_with(other)) for other in classes.NON_STEROIDAL_AROMATASE_INHIBITORS
               if other != drug]
        group = "non-steroidal aromatase inhibitor"
    elif DRUGS[drug].drug_class is DrugClass.TAXANE:
        kin = [(other, next((c for c in history.failed_courses if other in c.treatment.drugs), None))
               for other in sorted(TAXANE_DRUGS - {drug})]
        group = "taxane"
    else:
        return None
    found = [(other, course) for other, course in kin if course is not None]
    if not found:
        return None
    other, course = found[0]
    assert course is not None
    return f"{other} failed in {course.label()}: {classes.CLASS_WORDS[group]}"


def _check_failed(drugs: tuple[str, ...], history: History, cautions: list[Coded]) -> bool:
    """True when the regimen relies on a drug the disease progressed on."""
    if history.failed_drugs.isdisjoint(drugs):
        return False
    failed = [drug for drug in drugs if drug in history.failed_drugs]
    new = [drug for drug in drugs if drug not in history.failed_drugs]
    ruled_out = False
    for drug in failed:
        if drug in safety.CONTINUED_BEYOND_PROGRESSION and new:
            cautions.append(("continued-beyond-progression",
                             f"{drug}: {_failed_text(drug, history)}; {safety.BEYOND_PROGRESSION_TEXT}"))
        else:
            cautions.append(("failed-before", f"{drug}: {_failed_text(drug, history)}; not offered again"))
            ruled_out = True
    return ruled_out


def _failed_text(drug: str, history: History) -> str:
    course = history.failed_course_with(drug)
    assert course is not None
    if course.treatment.perioperative and course.treatment.outcome in (Outcome.PROGRESSION, Outcome.ONGOING):
        return f"the disease progressed or relapsed during {course.label()}"
    if course.treatment.perioperative:
        return f"the disease relapsed early after {course.label()}"
    return f"the disease progressed on it in {course.label()}"


def drug_concerns(drug: str, case: Case, history: History) -> list[Concern]:
    """Every concern about one drug for this patient, in the order of clinical-rules.md section 5."""
    info = DRUGS[drug]
    concerns: list[Concern] = []
    if drug in safety.CARDIAC_HER2_DRUGS:
        concerns.extend(_cardiac_concerns(case))
        concerns.extend(_cardiac_toxicity_on_another(drug, history))
    if drug == safety.LAPATINIB:
        concerns.extend(_lapatinib_cardiac_concerns(case))
        concerns.extend(_cardiac_toxicity_on_another(drug, history, safety.LAPATINIB_LVEF_LABEL))
    if drug in safety.ILD_RULES_OUT and case.has(Condition.INTERSTITIAL_LUNG_DISEASE):
        concerns.append(Concern("interstitial-lung-disease", safety.ILD_TEXT, rules_out=True))
    if drug in safety.NEUROPATHY_DRUGS and case.has(Condition.PERIPHERAL_NEUROPATHY):
        concerns.append(Concern("peripheral-neuropathy", f"peripheral neuropathy: {safety.NEUROPATHY_TEXT}"))
    if drug == "capecitabine":
        concerns.extend(_capecitabine_concerns(case))
    if drug in safety.HEPATIC_DOSE_DRUGS and _liver_function_impaired(case):
        concerns.append(Concern("hepatic-dose", safety.HEPATIC_TEXT))
    if drug in (safety.DOCETAXEL, safety.PACLITAXEL) and _liver_function_impaired(case):
        concerns.append(_taxane_liver_concern(drug))
    if drug in safety.DIARRHEA_TEXT:
        concerns.append(Concern("diarrhea", safety.DIARRHEA_TEXT[drug]))
    if drug in safety.HER2_TKIS:
        concerns.extend(_cross_resistance(drug, history))
    if info.drug_class is DrugClass.AROMATASE_INHIBITOR:
        concerns.extend(_aromatase_inhibitor_concerns(case))
    toxicity = history.toxicity_course_with(drug)
    if toxicity is not None:
        concerns.append(_toxicity_concern(drug, toxicity))
    return concerns


def _toxicity_concern(drug: str, course: Course) -> Concern:
    """Section 10.3: the drug that caused a toxicity is not preferred again; T-DXd after ILD follows
    the label (grade 1 resolved may resume, grade 2 or more never); cardiac toxicity, the LVEF rules."""
    record = course.treatment.toxicity
    if record is None:
        return Concern("toxicity-stopped", f"stopped for toxicity in {course.label()}: not preferred again")
    grade = f" grade {record.grade}" if record.grade is not None else ""
    text = f"stopped for{grade} {safety.TOXICITY_KIND_WORDS[record.kind.value]} in {course.label()}"
    if record.kind is ToxicityKind.ILD and drug == safety.TRASTUZUMAB_DERUXTECAN:
        if record.grade is None or record.grade >= safety.TDXD_ILD_PERMANENT_GRADE:
            return Concern("tdxd-ild-permanent", f"{text}: {safety.TDXD_ILD_PERMANENT_TEXT}", rules_out=True)
        if not record.resolved:
            return Concern("tdxd-ild-unresolved", f"{text}: {safety.TDXD_ILD_UNRESOLVED_TEXT}", rules_out=True)
        return Concern("tdxd-ild-resolved", f"{text}: not preferred again; {safety.TDXD_ILD_RESUME_TEXT}")
    if record.kind is ToxicityKind.CARDIAC:
        return Concern("cardiac-toxicity-stopped", f"{text}: not preferred again; {safety.CARDIAC_RECHALLENGE_TEXT}")
    return Concern("toxicity-stopped", f"{text}: not preferred again")


def _cardiac_toxicity_on_another(
    drug: str, history: History, rules: str = safety.CARDIAC_RECHALLENGE_TEXT
) -> list[Concern]:
    """Sections 10.3, 5 and 10.6: cardiac toxicity on one drug of the cardiac list puts the LVEF rules
    (`rules`: the antibodies', or the lapatinib label's) on every drug of that list and on lapatinib, not
    only on the one that caused it (which carries its own toxicity caution)."""
    concerns = []
    for course in history.courses:
        record = course.treatment.toxicity
        if record is None or record.kind is not ToxicityKind.CARDIAC or drug in record.drugs:
            continue
        culprits = [other for other in record.drugs if other in safety.CARDIAC_HER2_DRUGS]
        if culprits:
            concerns.append(Concern("cardiac-toxicity-other-drug",
                                    f"cardiac toxicity on {' + '.join(culprits)} in {course.label()}: {rules}"))
    return concerns


def _cardiac_concerns(case: Case) -> list[Concern]:
    lvef = case.lvef
    if case.has(Condition.HEART_FAILURE) or (lvef is not None and lvef < safety.LVEF_AVOID_BELOW):
        finding = "heart failure" if case.has(Condition.HEART_FAILURE) else f"LVEF {lvef:g}%"
        return [Concern("cardiac-ruled-out",
                        f"{finding}: not given pending cardio-oncology review (ASCO: no HER2-targeted "
                        f"therapy with clinical heart failure or significantly reduced LVEF, case by case); "
                        f"{safety.LVEF_HOLD_RULES}", rules_out=True)]
    if lvef is not None and lvef < safety.LVEF_CAUTION_BELOW:
        return [Concern("cardiac-lvef-reduced",
                        f"LVEF {lvef:g}% is below {safety.LVEF_CAUTION_BELOW:g}%: cardiac assessment before and "
                        f"during treatment; {safety.LVEF_HOLD_RULES}")]
    return []


def _lapatinib_cardiac_concerns(case: Case) -> list[Concern]:
    """Section 10.6: LVEF below 40% rules lapatinib out; below 50% or heart failure, the label's rules."""
    lvef = case.lvef
    if lvef is not None and lvef < safety.LVEF_AVOID_BELOW:
        return [Concern("lapatinib-cardiac-ruled-out",
                        f"LVEF {lvef:g}%: {safety.LAPATINIB_AVOID}; {safety.LAPATINIB_LVEF_LABEL}", rules_out=True)]
    reduced = lvef is not None and lvef < safety.LVEF_CAUTION_BELOW
    findings = (["heart failure"] if case.has(Condition.HEART_FAILURE) else []) + (
        [f"LVEF {lvef:g}% is below {safety.LVEF_CAUTION_BELOW:g}%"] if reduced else [])
    if findings:
        return [Concern("lapatinib-cardiac", f"{' and '.join(findings)}: {safety.LAPATINIB_LVEF_LABEL}")]
    return []


def _cross_resistance(drug: str, history: History) -> list[Concern]:
    other = sorted(tki for tki in safety.HER2_TKIS & history.failed_drugs if tki != drug)
    if not other:
        return []
    return [Concern("tki-cross-resistance",
                    f"after progression on {' and '.join(other)}: cross-resistance between HER2 "
                    "tyrosine-kinase inhibitors is likely and data are scarce")]


def _capecitabine_concerns(case: Case) -> list[Concern]:
    concerns = []
    if case.has(Condition.DPD_DEFICIENCY):
        concerns.append(Concern("dpd-deficiency", safety.DPD_TEXT, rules_out=True))
    clearance = case.creatinine_clearance
    if clearance is not None and clearance < safety.CAPECITABINE_RENAL_LIMIT:
        concerns.append(Concern("capecitabine-renal", f"creatinine clearance {clearance:g} mL/min: capecitabine is not "
                                f"given below {safety.CAPECITABINE_RENAL_LIMIT:g} mL/min", rules_out=True))
    return concerns


def _taxane_liver_concern(drug: str) -> Concern:
    """Section 10.12: docetaxel is ruled out with liver impairment; paclitaxel takes its place, with a caution."""
    if drug == safety.DOCETAXEL:
        return Concern("docetaxel-hepatic", safety.DOCETAXEL_HEPATIC_TEXT, rules_out=True)
    return Concern("paclitaxel-hepatic", safety.PACLITAXEL_HEPATIC_TEXT)


def _liver_function_impaired(case: Case) -> bool:
    return case.has(Condition.HEPATIC_IMPAIRMENT) or any(
        Symptom.JAUNDICE in site.symptoms for site in case.sites if site.site is SiteName.LIVER)


def _aromatase_inhibitor_concerns(case: Case) -> list[Concern]:
    if case.sex is Sex.MALE:
        return [Concern("male-aromatase-inhibitor", safety.MALE_AROMATASE_INHIBITOR_TEXT)]
    if case.menopausal_status is not Menopause.POST:
        return [Concern("ovarian-suppression", safety.OVARIAN_SUPPRESSION_TEXT[case.menopausal_status])]
    return []


def regimen_level_concerns(drugs: tuple[str, ...], case: Case) -> list[Concern]:
    """Concerns about the regimen as a whole rather than one of its drugs."""
    return concerns_for_drug_kinds(not CYTOTOXIC_DRUGS.isdisjoint(drugs), not ENDOCRINE_DRUGS.isdisjoint(drugs), case)


def concerns_for_drug_kinds(cytotoxic: bool, endocrine: bool, case: Case) -> list[Concern]:
    """The regimen-level concerns of a regimen with (or without) a cytotoxic drug and an endocrine one."""
    concerns = []
    if endocrine and not cytotoxic and case.visceral_crisis:
        concerns.append(Concern("endocrine-visceral-crisis", safety.VISCERAL_CRISIS_TEXT, rules_out=True))
    if endocrine and case.er is Er.LOW:
        concerns.append(Concern("er-low", safety.ER_LOW_TEXT))
    if cytotoxic and case.ecog is not None and case.ecog >= safety.POOR_PERFORMANCE_ECOG:
        concerns.append(Concern(
            "ecog-chemotherapy",
            f"ECOG {case.ecog}: fitness for chemotherapy (including the cytotoxic payload of an "
            "antibody-drug conjugate) is doubtful; HER2-targeted therapy without chemotherapy, "
            "or best supportive care, are valid choices"))
    if cytotoxic and any(site.site is SiteName.BONE_MARROW for site in case.sites):
        concerns.append(Concern("bone-marrow", safety.BONE_MARROW_TEXT))
    if any(site.site is SiteName.LIVER and Symptom.JAUNDICE in site.symptoms for site in case.sites):
        concerns.append(Concern("jaundice", safety.JAUNDICE_TEXT))
    return concerns

"""Systemic options for the line being chosen (clinical-rules.md sections 2-4).

Each line's list is knowledge (knowledge/lines.py); here the case adjusts it, by regimen key.
"""

from __future__ import annotations

from collections.abc import Callable

from attrs import evolve, frozen

from her2nav.case import BrainStatus, Case, Condition, Outcome, SiteName
from her2nav.decide.candidate import Candidate
from her2nav.decide.cautions import Assessment, SafetyReview
from her2nav.decide.coded import with_caution
from her2nav.decide.fitness import enrolled_fit_patients, fitness_step, fitted, poor_fitness
from her2nav.decide.history import Continuation, Course, CurrentRegimen, History
from her2nav.decide.maintenance import after_completed_induction
from her2nav.decide.toxicity import resumable_after_toxicity
from her2nav.knowledge.drugs import DRUGS, DrugClass
from her2nav.knowledge.early_relapse import LABEL_EARLY_RELAPSE_MONTHS
from her2nav.knowledge.lines import (
    FIRST_LINE,
    LATER_LINE,
    LEADS_WITH_ACTIVE_BRAIN,
    LOWERED_IF_RECEIVED,
    ONE_TIER_LOWER,
    RETREATED_AT_FIRST_LINE,
    RETREATED_AT_LATER_LINES,
    RETREATED_AT_SECOND_LINE,
    SECOND_LINE,
    TDM1_PROMOTED,
    Feature,
    LineEntry,
)
from her2nav.knowledge.regimens import (
    ADD_ENDOCRINE_TO_MAINTENANCE,
    CONTINUE_CURRENT,
    CONTINUE_KEY,
    CONTINUED_OUTSIDE_KNOWN_REGIMENS,
    MAINTENANCE_KEYS,
    ONGOING_ENDOCRINE_ALONE,
    ONGOING_WITHOUT_HER2_DRUG,
    REGIMENS,
    RETREATMENT_WITHOUT_PROGRESSION,
    TDXD_RECEIVED_AT_SECOND_LINE,
    TDXD_RESUMABLE_AT_SECOND_LINE,
    Regimen,
    regimen_of,
)
from her2nav.knowledge.site_care import BRAIN_ONLY_PROGRESSION
from her2nav.result import TIER_ORDER, SystemicOption, Tier, TraceStep
from her2nav.values import Value


@frozen(repr=False)
class SystemicDecisions(Value):
    """The systemic options of the line, the steps that chose them, and whether the current regimen goes on."""

    options: tuple[SystemicOption, ...]
    trace: tuple[TraceStep, ...]
    continuation: Continuation = Continuation.NOTHING_ONGOING


def systemic_options(case: Case, history: History) -> SystemicDecisions:
    candidates, steps = _candidates(case, history)
    review = SafetyReview(case, history)
    by_key = {c.key: _to_option(REGIMENS[c.key], c, review) for c in candidates}
    lowered = _lowered_by_the_safety_review(candidates, by_key)
    maintenance = any(c.key in MAINTENANCE_KEYS for c in candidates)  # T-DXd lowered on purpose: no promotion
    if _second_line_list_applies(history) and by_key["tdxd"].tier is not Tier.PREFERRED and not maintenance:
        by_key, promotion = _promote_tdm1(by_key, history, review)
        steps += promotion
    options = list(by_key.values())
    continuation = Continuation.NOTHING_ONGOING
    if history.current is not None:
        continued, others = _continue_ongoing(history.current, review, by_key)
        continuation = Continuation.MUST_STOP if continued.tier is Tier.AVOID else Continuation.GOES_ON
        options = [continued, *others]
        steps.extend(_without_her2_step(history.current))
    if poor_fitness(case):
        options = fitted(options, case)
        steps.append(fitness_step(case))
    options.sort(key=lambda option: TIER_ORDER[option.tier])
    listed = {option.key for option in options}
    steps.extend(step for key, step in lowered if key in listed)  # not one continued in the current regimen
    steps.extend(TraceStep("safety", f"{o.regimen}: avoid", "; ".join(o.cautions))
                 for o in options if o.tier is Tier.AVOID)
    return SystemicDecisions(tuple(options), tuple(steps), continuation)


def _candidates(case: Case, history: History) -> tuple[list[Candidate], list[TraceStep]]:
    features = _features(case, history)
    if history.line == 1:
        candidates, steps = first_line(case, history, features)
    elif _second_line_list_applies(history):
        candidates, steps = second_line(history, features)
    else:
        candidates, steps = later_line(history, features)
    return after_completed_induction(case, history, candidates, steps)


def _features(case: Case, history: History) -> frozenset[Feature]:
    """The features of the case that change what a line lists (knowledge/lines.py)."""
    received = history.received
    holds = {
        Feature.HR_POSITIVE: case.hormone_receptor_positive,
        Feature.ECOG_3_OR_WORSE: case.ecog is not None and case.ecog >= 3,
        Feature.ACTIVE_BRAIN: _active_brain(case),
        Feature.PERTUZUMAB_NEVER_RECEIVED: "pertuzumab" not in received,
        Feature.TDXD_RECEIVED: "trastuzumab deruxtecan" in received,
        Feature.TUCATINIB_RECEIVED: "tucatinib" in received,
    }
    return frozenset(feature for feature, held in holds.items() if held)


def _listed(entries: tuple[LineEntry, ...], features: frozenset[Feature], history: History) -> list[Candidate]:
    """The line's entries this case lists, each in the variant its features choose, one tier lower
    where its drug was received before without progression."""
    listed = [_chosen(entry, features) for entry in entries if entry.only is None or entry.only in features]
    return [_retreated(c, LOWERED_IF_RECEIVED[c.key], history) if c.key in LOWERED_IF_RECEIVED else c
            for c in listed]


def _chosen(entry: LineEntry, features: frozenset[Feature]) -> Candidate:
    for variant in entry.variants:
        if variant.when <= features:
            return Candidate(entry.key, variant.tier, variant.why)
    return Candidate(entry.key, entry.tier, entry.why)


def _adjusted(candidates: list[Candidate], key: str, change: Callable[[Candidate], Candidate]) -> list[Candidate]:
    """The list with the candidate of `key` changed, wherever it stands."""
    return [change(c) if c.key == key else c for c in candidates]


def _second_line_list_applies(history: History) -> bool:
    """Line 2, unless trastuzumab deruxtecan already failed (then the later-line list applies)."""
    return history.line == 2 and "trastuzumab deruxtecan" not in history.failed_drugs


def first_line(
    case: Case, history: History, features: frozenset[Feature]
) -> tuple[list[Candidate], list[TraceStep]]:
    candidates = _listed(FIRST_LINE, features, history)
    steps = [TraceStep("first line", "THP and T-DXd + pertuzumab preferred",
                       "no HER2-directed therapy has failed; sources disagree: T-DXd + pertuzumab is "
                       "FDA-approved (December 2025) but not in the ASCO 2022 guideline")]
    if Feature.HR_POSITIVE in features:
        steps.append(TraceStep("first line", "endocrine + HER2-targeted options as alternatives",
                               f"ER {case.er.value}, PR {case.pr.value}: hormone-receptor positive"))
    if Feature.ECOG_3_OR_WORSE in features:
        candidates = _adjusted(candidates, "hp-without-chemotherapy",
                               lambda c: evolve(c, why=f"ECOG {case.ecog}: {c.why}"))
        steps.append(TraceStep("fitness", "HER2 blockade without chemotherapy considered",
                               f"ECOG {case.ecog}: chemotherapy-containing options are lowered (see fitness)"))
    if case.has(Condition.PERIPHERAL_NEUROPATHY):
        steps.append(TraceStep("neuropathy", "taxane options carry a caution",
                               "the knowledge base holds no trial of another partner with trastuzumab "
                               "+ pertuzumab, so none is offered; discuss a non-taxane partner"))
    if retreated := _retreated_words(history, RETREATED_AT_FIRST_LINE):
        steps.append(TraceStep("first line", "T-DXd + pertuzumab one tier lower", "; ".join(retreated)))
    months = history.months_since_perioperative_her2
    if months is not None and months <= LABEL_EARLY_RELAPSE_MONTHS:
        caution = (f"relapse {months:g} months after (neo)adjuvant HER2 therapy: DESTINY-Breast09 excluded "
                   "relapse within 6 months, so its results may not apply")
        candidates = _adjusted(candidates, "tdxd-p", lambda c: with_caution(c, "relapse-within-6-months", caution))
    return candidates, steps


def second_line(history: History, features: frozenset[Feature]) -> tuple[list[Candidate], list[TraceStep]]:
    brain = Feature.ACTIVE_BRAIN in features
    before = history.received_without_progression("trastuzumab deruxtecan")
    candidates = _listed(SECOND_LINE, features, history)
    if before is not None:
        candidates = _adjusted(candidates, "tdxd", lambda c: _tdxd_received_before(c, before))
    tdxd = next(c for c in candidates if c.key == "tdxd")
    decision = ("T-DXd preferred; T-DM1 and the tucatinib triplet as alternatives" if before is None
                else f"T-DXd {tdxd.tier.value}, received before; T-DM1 in its place unless it does not suit either")
    because = [_tdxd_history(history, before), *_retreated_words(history, RETREATED_AT_SECOND_LINE)]
    if brain:
        because.append("active brain metastases raise the tucatinib triplet to preferred")
    steps = [TraceStep("second line", decision, "; ".join(because))]
    return candidates, steps


def _tdxd_received_before(candidate: Candidate, before: Course) -> Candidate:
    """Section 3: trastuzumab deruxtecan received already is avoid; stopped only for a toxicity its
    label lets it resume after (10.3), it is one tier lower instead."""
    if resumable_after_toxicity("trastuzumab deruxtecan", before.treatment):
        return with_caution(evolve(candidate, tier=Tier.ALTERNATIVE), "received-before",
                            f"trastuzumab deruxtecan: received before in {_course_named(before)}: "
                            f"{TDXD_RESUMABLE_AT_SECOND_LINE}")
    return with_caution(evolve(candidate, tier=Tier.AVOID), "tdxd-received-at-second-line",
                        f"trastuzumab deruxtecan: received before in {_course_named(before)}: "
                        f"{TDXD_RECEIVED_AT_SECOND_LINE}")


def _tdxd_history(history: History, before: Course | None) -> str:
    """What the trace says about trastuzumab deruxtecan at the second line."""
    if before is not None:
        return f"line 2; trastuzumab deruxtecan received in {before.label()}"
    if "trastuzumab deruxtecan" in history.received:
        return "line 2; trastuzumab deruxtecan is part of the ongoing regimen"
    return "line 2 and trastuzumab deruxtecan not received"


def later_line(history: History, features: frozenset[Feature]) -> tuple[list[Candidate], list[TraceStep]]:
    brain = Feature.ACTIVE_BRAIN in features
    candidates = _listed(LATER_LINE, features, history)
    if brain:  # with active brain metastases the tucatinib triplet leads
        candidates.sort(key=lambda candidate: candidate.key != LEADS_WITH_ACTIVE_BRAIN)
    steps = [TraceStep(
        "later line", "no randomized order exists (ASCO 2022 rec 3.0); tiers follow the evidence and the case",
        _later_line_because(history, brain))]
    steps.append(TraceStep("sources disagree", "third-line order",
                           "ASCO names no order; NCCN prefers the tucatinib triplet with both systemic "
                           "and brain progression"))
    return candidates, steps


def _retreated(candidate: Candidate, drug: str, history: History) -> Candidate:
    """A drug received before without progression: one tier lower, naming the course."""
    before = history.received_without_progression(drug)
    if before is None:
        return candidate
    caution = (f"{drug}: received before in {_course_named(before)} without progression: "
               f"{RETREATMENT_WITHOUT_PROGRESSION}")
    return with_caution(candidate, "received-before", caution,
                        tier=ONE_TIER_LOWER.get(candidate.tier, candidate.tier))


def _later_line_because(history: History, brain: bool) -> str:
    parts = [f"line {history.line}"]
    if "trastuzumab deruxtecan" in history.received and not history.received_without_progression(
            "trastuzumab deruxtecan"):
        parts.append("trastuzumab deruxtecan already received")
    parts += _retreated_words(history, RETREATED_AT_LATER_LINES)
    if brain:
        parts.append("active brain metastases favour the tucatinib triplet")
    return "; ".join(parts)


def _retreated_words(history: History, drugs: tuple[str, ...]) -> list[str]:
    retreated = [drug for drug in drugs if history.received_without_progression(drug)]
    return [f"received before without progression, so one tier lower: {', '.join(retreated)}"] if retreated else []


def _course_named(course: Course) -> str:
    """The course by its full label, or by number when stopped for toxicity (that caution gives the label)."""
    return f"course {course.number}" if course.treatment.outcome is Outcome.TOXICITY else course.label()


def _active_brain(case: Case) -> bool:
    return any(site.active_brain for site in case.sites)


def _to_option(regimen: Regimen, candidate: Candidate, review: SafetyReview) -> SystemicOption:
    found = review.assess(regimen)
    tier = _tier(candidate.tier, found)
    note = regimen.brain_note if _has_brain(review.case) and tier is not Tier.AVOID else None
    enrolled = enrolled_fit_patients(regimen.key, review.case)
    return SystemicOption(
        regimen=regimen.name,
        drugs=found.drugs,
        tier=tier,
        rationale=" ".join(part for part in (candidate.why, regimen.summary, note.text if note else "") if part),
        evidence=tuple(dict.fromkeys((*regimen.evidence, *found.evidence, *(note.evidence if note else ())))),
        cautions=(*candidate.cautions, *found.cautions, *(text for _, text in enrolled)),
        caution_codes=(*candidate.caution_codes, *found.caution_codes, *(code for code, _ in enrolled)),
        partners=tuple(drug for drug in found.drugs if drug in regimen.one_of),
        optional=tuple(drug for drug in found.drugs if drug in regimen.optional),
        reason=candidate.why,
        key=candidate.key,
    )


def _antibody_maintenance_without_endocrine(drugs: tuple[str, ...], case: Case) -> bool:
    """HER2 antibodies alone (a bone agent aside), hormone-receptor-positive disease: rec 7.0 applies."""
    classes = {DRUGS[drug].drug_class for drug in drugs} - {DrugClass.BONE_AGENT}
    return case.hormone_receptor_positive and classes == {DrugClass.HER2_ANTIBODY}


def _lowered_by_the_safety_review(
    candidates: list[Candidate], by_key: dict[str, SystemicOption]
) -> list[tuple[str, TraceStep]]:
    """A step for each option the safety review lowered without ruling it out (those get their own step),
    so the trace never says `preferred` of an option the result lists lower; keyed by the option."""
    steps = []
    for c in candidates:
        option = by_key[c.key]
        if option.tier is not Tier.AVOID and TIER_ORDER[option.tier] > TIER_ORDER[c.tier]:
            decision = f"{option.regimen}: {c.tier.value} lowered to {option.tier.value}"
            steps.append((c.key, TraceStep("safety", decision, "; ".join(option.cautions))))
    return steps


def _has_brain(case: Case) -> bool:
    return SiteName.BRAIN in case.site_kinds  # the case's set of sites, made once per case


def _tier(tier: Tier, found: Assessment) -> Tier:
    if found.ruled_out:
        return Tier.AVOID
    if found.not_preferred and tier is Tier.PREFERRED:
        return Tier.ALTERNATIVE
    return tier


def _promote_tdm1(
    options: dict[str, SystemicOption], history: History, review: SafetyReview
) -> tuple[dict[str, SystemicOption], list[TraceStep]]:
    """At second line, T-DM1 becomes preferred when trastuzumab deruxtecan does not suit.

    Its own history and cautions still decide: received before, stopped for toxicity or ruled
    out, it keeps the tier it has.
    """
    candidate = Candidate(TDM1_PROMOTED.key, TDM1_PROMOTED.tier, TDM1_PROMOTED.why)
    promoted = _to_option(REGIMENS["tdm1"], _retreated(candidate, LOWERED_IF_RECEIVED["tdm1"], history), review)
    if promoted.tier is not Tier.PREFERRED:
        return options, []
    step = TraceStep("T-DM1 promoted", "preferred in place of T-DXd",
                     "trastuzumab deruxtecan is not preferred for this patient (see its cautions)")
    return {**options, "tdm1": promoted}, [step]


def _continue_ongoing(
    current: CurrentRegimen, review: SafetyReview, options: dict[str, SystemicOption]
) -> tuple[SystemicOption, list[SystemicOption]]:
    """An ongoing course has not failed: continuing it (with any other ongoing course) comes first.

    Returns the option that continues it, and the line's other options as what follows if it stops.
    """
    drugs = current.drugs
    known = regimen_of(drugs, list(options))  # this line's list first: its evidence fits the line
    evidence = known.evidence if known else CONTINUED_OUTSIDE_KNOWN_REGIMENS
    # The known regimen's key and brain-metastasis note, which still applies when it is continued.
    regimen = Regimen(known.key if known else CONTINUE_KEY, CONTINUE_CURRENT, drugs, evidence,
                      known.summary if known else "", brain_note=known.brain_note if known else None)
    can_continue = not review.assess(regimen).ruled_out
    tier, without_her2 = _continuation_tier(current)
    why = _why_continue(current) if without_her2 is None else _why_continue_without_her2(current, without_her2)
    if can_continue and _brain_progressing_after_local_therapy(review.case):
        why += f" {BRAIN_ONLY_PROGRESSION}"  # "keep it and treat the brain locally": only for a regimen kept
    continued = _to_option(regimen, Candidate(CONTINUE_KEY, tier, why), review)
    if can_continue and _antibody_maintenance_without_endocrine(drugs, review.case):
        continued = with_caution(continued, "add-endocrine-to-maintenance", ADD_ENDOCRINE_TO_MAINTENANCE)
    others = [o for key, o in options.items()
              if set(o.drugs) != set(drugs) and (known is None or key != known.key)]
    if not can_continue:
        stop = "The current regimen has to stop (see its cautions): "
        return continued, [evolve(o, rationale=stop + o.rationale, reason=stop + o.reason) for o in others]
    if without_her2 is not None:  # section 10.2: the HER2-directed standard keeps its tiers
        return continued, others
    if_stops = "If the current regimen has to stop: "
    return continued, [evolve(o, tier=Tier.ALTERNATIVE if o.tier is Tier.PREFERRED else o.tier,
                              rationale=if_stops + o.rationale, reason=if_stops + o.reason) for o in others]


def _without_her2_step(current: CurrentRegimen) -> list[TraceStep]:
    tier, reason = _continuation_tier(current)
    if reason is None:
        return []
    return [TraceStep("ongoing course without HER2-directed drug", f"continuing it: {tier.value} at most",
                      f"{current.label()}: {reason}")]


def _continuation_tier(current: CurrentRegimen) -> tuple[Tier, str | None]:
    """Section 10.2: continuing is preferred only with a HER2-directed drug in the current regimen.

    Returns the tier, and the reason it is lower (None when it holds a HER2-directed drug).
    """
    drugs = current.drugs
    if any(DRUGS[drug].her2_directed for drug in drugs):
        return Tier.PREFERRED, None
    anticancer = [drug for drug in drugs if DRUGS[drug].drug_class is not DrugClass.BONE_AGENT]
    if all(DRUGS[drug].endocrine for drug in anticancer):
        return Tier.CONSIDER, ONGOING_ENDOCRINE_ALONE
    return Tier.ALTERNATIVE, ONGOING_WITHOUT_HER2_DRUG


def _brain_progressing_after_local_therapy(case: Case) -> bool:
    return any(site.status is BrainStatus.PROGRESSING_AFTER_LOCAL_THERAPY for site in case.sites)


def _why_continue_without_her2(current: CurrentRegimen, reason: str) -> str:
    verb = "have" if current.several else "has"
    return f"{current.label()} {verb} not failed, but {reason}."


def _why_continue(current: CurrentRegimen) -> str:
    if current.several:
        return (f"{current.label()} have not failed: continue them together while they control the disease "
                "and are tolerated; the options below apply if the current regimen has to stop for toxicity.")
    return (f"{current.label()} has not failed: continue it while it controls the disease and is "
            "tolerated; the options below apply if it has to stop for toxicity.")

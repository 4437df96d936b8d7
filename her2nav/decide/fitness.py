"""Fitness for chemotherapy (clinical-rules.md section 10.7).

ECOG 3: a chemotherapy-containing option (antibody-drug conjugates count) drops one tier;
ECOG 4: it is `consider` at most. HER2-targeted therapy without chemotherapy keeps its tier and
best supportive care is named. Applied once, after every other rule has set the tiers.
"""

from __future__ import annotations

from her2nav.case import Case
from her2nav.decide.cautions import CYTOTOXIC_DRUGS
from her2nav.decide.coded import Coded, with_caution
from her2nav.knowledge import safety
from her2nav.result import SystemicOption, Tier, TraceStep

ONE_TIER_LOWER = {Tier.PREFERRED: Tier.ALTERNATIVE, Tier.ALTERNATIVE: Tier.CONSIDER}
CONSIDER_AT_MOST = {Tier.PREFERRED: Tier.CONSIDER, Tier.ALTERNATIVE: Tier.CONSIDER}


def poor_fitness(case: Case) -> bool:
    return case.ecog is not None and case.ecog >= safety.ECOG_ONE_TIER_LOWER


def fitted(options: list[SystemicOption], case: Case) -> list[SystemicOption]:
    """The options with their tiers set for the patient's fitness."""
    if not poor_fitness(case):
        return options
    return [_fitted(option, case.ecog or 0) for option in options]


def enrolled_fit_patients(key: str, case: Case) -> tuple[Coded, ...]:
    """For a patient unfit for chemotherapy: that the regimen's pivotal trial enrolled ECOG 0-1, where verified."""
    if poor_fitness(case) and key in safety.ENROLLED_ECOG_0_1:
        return (("trial-enrolled-ecog-0-1", safety.ENROLLED_ECOG_0_1[key]),)
    return ()


def _fitted(option: SystemicOption, ecog: int) -> SystemicOption:
    if CYTOTOXIC_DRUGS.isdisjoint(option.drugs) or option.tier is Tier.AVOID:
        return option
    lower = CONSIDER_AT_MOST if ecog >= safety.ECOG_CONSIDER_AT_MOST else ONE_TIER_LOWER
    words = f"ECOG {ecog}: {safety.POOR_FITNESS_TIER_TEXT[min(ecog, safety.ECOG_CONSIDER_AT_MOST)]}"
    return with_caution(option, "poor-fitness", words, tier=lower.get(option.tier, option.tier))


def fitness_step(case: Case) -> TraceStep:
    ecog = case.ecog or 0
    decision = ("chemotherapy-containing options consider at most" if ecog >= safety.ECOG_CONSIDER_AT_MOST
                else "chemotherapy-containing options one tier lower")
    return TraceStep("fitness for chemotherapy", decision, f"ECOG {ecog}: {safety.BEST_SUPPORTIVE_CARE}")

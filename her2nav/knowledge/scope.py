"""What the navigator says of a case it does not cover (clinical-rules.md section 0, and 10.9)."""

from __future__ import annotations

from collections.abc import Mapping

from her2nav.terms import Her2

OUT_OF_SCOPE_TEXT: Mapping[Her2, str] = {
    Her2.EQUIVOCAL: (
        "HER2 is equivocal (IHC 2+ without ISH): order ISH on the same specimen (reflex ISH), "
        "then run the navigator again with her2_ish."
    ),
    Her2.LOW: (
        "HER2 is not positive: IHC 1+ (or 2+ with ISH not amplified), sometimes called HER2-low, "
        "a term ASCO/CAP does not use as a result category. This navigator covers HER2-positive "
        "disease only; trastuzumab deruxtecan has evidence in this group on the HER2-negative pathway."
    ),
    Her2.ULTRALOW: (
        "HER2 is not positive (IHC 0 with faint staining, called ultralow). This navigator covers "
        "HER2-positive disease only; use the HER2-negative pathway, where trastuzumab deruxtecan has "
        "evidence in HER2-low disease (IHC 1+, or 2+ with ISH not amplified)."
    ),
    Her2.NEGATIVE: (
        "HER2 is negative. This navigator covers HER2-positive disease only; use the HER2-negative "
        "pathway, where trastuzumab deruxtecan has evidence in HER2-low disease (IHC 1+, or 2+ with "
        "ISH not amplified)."
    ),
}


# The tests disagree outright (clinical-rules.md 10.9) and `her2` was given as not positive: the
# pathologist's reading stands, and the message names the tests, not the textbook pattern of the status.
DISCORDANT_NOT_POSITIVE_TEXT = (
    "HER2 given as {her2} beside discordant tests ({tests}): read as not positive, so this navigator, "
    "which covers HER2-positive disease only, does not apply. If that reading was not made after a "
    "pathology review of both tests (the same specimen, the tumour area scored, the controls), ask "
    "for one before choosing a pathway."
)

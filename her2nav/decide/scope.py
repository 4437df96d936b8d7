"""Whether the case is one this navigator covers (clinical-rules.md section 0)."""

from __future__ import annotations

from her2nav.case import Case, Her2
from her2nav.errors import OutOfScope

OUT_OF_SCOPE_TEXT = {
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


def check_scope(case: Case) -> None:
    if case.her2 is not Her2.POSITIVE:
        raise OutOfScope(OUT_OF_SCOPE_TEXT[case.her2])

"""The early-relapse windows of the sources and what each would say of a relapse (clinical-rules.md
sections 1, 9 and 10.8): the line rule compares months with these numbers and quotes these words."""

from __future__ import annotations

ASCO_EARLY_RELAPSE_MONTHS = 12
LABEL_EARLY_RELAPSE_MONTHS = 6  # trastuzumab deruxtecan label, DESTINY-Breast03/09 eligibility
DEFAULT_EARLY_RELAPSE_MONTHS = ASCO_EARLY_RELAPSE_MONTHS

LABEL_FIRST_LINE_NCCN_12 = (
    "the trastuzumab deruxtecan label and DESTINY-Breast03 use 6 months and would treat this relapse as "
    "first line; NCCN uses 12 months after a (neo)adjuvant programme that contained pertuzumab"
)
LABEL_AND_NCCN_FIRST_LINE = (
    "the trastuzumab deruxtecan label, DESTINY-Breast03 and NCCN use 6 months after a (neo)adjuvant "
    "programme without pertuzumab and would treat this relapse as first line"
)
ASCO_SECOND_LINE = "ASCO 2022 (rec 5.0) uses 12 months and would treat this relapse as second line"
LABEL_AND_NCCN_SECOND_LINE = (
    "the trastuzumab deruxtecan label, DESTINY-Breast03 and NCCN use at least 6 months and would also "
    "treat it as second line"
)
ASCO_FIRST_LINE = "ASCO 2022 (rec 5.1) uses 12 months and would treat this relapse as first line"

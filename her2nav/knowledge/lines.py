"""The regimens each line of therapy lists, in order, with the tier and reason each starts from
(clinical-rules.md sections 2-4).

An entry with `only` is listed only when the case has that feature. An entry's variants give
another tier and reason when the case has all of a variant's features; the first that applies
wins. Decisions then adjust the list for the rest of the case (decide/systemic.py): history
with each drug, the ECOG value, the safety review.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping

from attrs import frozen

from her2nav.terms import Tier
from her2nav.values import Value


class Feature(enum.Enum):
    """A feature of the case that changes what a line lists."""

    HR_POSITIVE = enum.auto()
    ECOG_3_OR_WORSE = enum.auto()
    ACTIVE_BRAIN = enum.auto()  # active brain metastases
    PERTUZUMAB_NEVER_RECEIVED = enum.auto()
    TDXD_RECEIVED = enum.auto()  # trastuzumab deruxtecan, in any course
    TUCATINIB_RECEIVED = enum.auto()


@frozen(repr=False)
class Variant(Value):
    """Another tier and reason for an entry, when the case has every feature in `when`."""

    when: frozenset[Feature]
    tier: Tier
    why: str


@frozen(repr=False)
class LineEntry(Value):
    """A regimen a line lists: its key, the tier and reason it starts from, and when it is listed."""

    key: str
    tier: Tier
    why: str
    only: Feature | None = None
    variants: tuple[Variant, ...] = ()


def _when(*features: Feature) -> frozenset[Feature]:
    return frozenset(features)


# ------------------------------------------------------------------ first line (section 2)

_THP_STANDARD = "First line: the guideline standard (ASCO 2022 rec 1.1)"
_SELECTED_HR_POSITIVE = (
    "HR-positive: for selected patients (low burden, long disease-free interval, comorbidity or "
    "patient choice) without visceral crisis."
)
_AFTER_INDUCTION = "Maintenance after 4-8 cycles of induction without progression; emerging evidence."

FIRST_LINE: tuple[LineEntry, ...] = (
    LineEntry("thp", Tier.PREFERRED, f"{_THP_STANDARD}.", variants=(
        Variant(_when(Feature.HR_POSITIVE), Tier.PREFERRED,
                f"{_THP_STANDARD}; for HR-positive disease add endocrine therapy at maintenance "
                "(ASCO 2022 rec 7.0)."),
    )),
    LineEntry("tdxd-p", Tier.PREFERRED,
              "First line: an approved standard with longer progression-free survival than THP; "
              "THP remains appropriate where the risk of interstitial lung disease is high."),
    LineEntry("ai-h-p", Tier.ALTERNATIVE, _SELECTED_HR_POSITIVE, only=Feature.HR_POSITIVE),
    LineEntry("ai-h-lapatinib", Tier.ALTERNATIVE, _SELECTED_HR_POSITIVE, only=Feature.HR_POSITIVE),
    LineEntry("maintenance-palbociclib", Tier.CONSIDER, _AFTER_INDUCTION, only=Feature.HR_POSITIVE),
    LineEntry("maintenance-tucatinib", Tier.CONSIDER, _AFTER_INDUCTION),
    # The decisions put the ECOG value in front: "ECOG 3: HER2-targeted therapy ...".
    LineEntry("hp-without-chemotherapy", Tier.CONSIDER,
              "HER2-targeted therapy without chemotherapy for a patient too unwell for it.",
              only=Feature.ECOG_3_OR_WORSE),
)

# ----------------------------------------------------------------- second line (section 3)

SECOND_LINE: tuple[LineEntry, ...] = (
    # Received before in a finished course, the decisions lower it further (section 3, section 10.3).
    LineEntry("tdxd", Tier.PREFERRED, "Second line, trastuzumab deruxtecan not received before.", variants=(
        Variant(_when(Feature.TDXD_RECEIVED), Tier.PREFERRED,
                "Second line; trastuzumab deruxtecan received before."),
    )),
    LineEntry("tdm1", Tier.ALTERNATIVE, "Second line when trastuzumab deruxtecan does not suit."),
    LineEntry("tucatinib-h-x", Tier.ALTERNATIVE,
              "Second line; CNS-active, the choice when brain metastases are active.", variants=(
        Variant(_when(Feature.ACTIVE_BRAIN), Tier.PREFERRED,
                "Active brain metastases: a CNS-active regimen (ASCO brain 2022 rec 7.1)."),
    )),
)

# T-DM1 takes the place of trastuzumab deruxtecan at second line when that does not suit the patient.
TDM1_PROMOTED = LineEntry("tdm1", Tier.PREFERRED,
                          "Preferred here because trastuzumab deruxtecan does not suit this patient.")

# ------------------------------------------------------------------ later lines (section 4)

_HR_POSITIVE_LATER = "HR-positive disease."

# Without active brain metastases trastuzumab deruxtecan leads; with them, the decisions move the
# tucatinib triplet to the front.
LATER_LINE: tuple[LineEntry, ...] = (
    LineEntry("tdxd-later", Tier.PREFERRED, "Trastuzumab deruxtecan not received before.", variants=(
        Variant(_when(Feature.TDXD_RECEIVED), Tier.PREFERRED, "Trastuzumab deruxtecan received before."),
    )),
    LineEntry("tucatinib-h-x", Tier.PREFERRED, "Tucatinib not received; CNS-active.", variants=(
        Variant(_when(Feature.TUCATINIB_RECEIVED, Feature.ACTIVE_BRAIN), Tier.PREFERRED,
                "Tucatinib received before; CNS-active, and brain metastases are active."),
        Variant(_when(Feature.TUCATINIB_RECEIVED), Tier.PREFERRED, "Tucatinib received before; CNS-active."),
        Variant(_when(Feature.ACTIVE_BRAIN), Tier.PREFERRED,
                "Tucatinib not received; CNS-active, and brain metastases are active."),
    )),
    LineEntry("tdm1-later", Tier.ALTERNATIVE, "Later line.", variants=(
        Variant(_when(Feature.TDXD_RECEIVED), Tier.ALTERNATIVE,
                "Later line. After trastuzumab deruxtecan, data are limited."),
    )),
    LineEntry("neratinib-x", Tier.ALTERNATIVE, "Later line; reduces CNS interventions."),
    LineEntry("lapatinib-x", Tier.ALTERNATIVE, "Later line."),
    LineEntry("h-chemotherapy", Tier.ALTERNATIVE, "Later line; trastuzumab with a new chemotherapy."),
    LineEntry("margetuximab-chemotherapy", Tier.CONSIDER, "Later line; no overall survival benefit."),
    LineEntry("lapatinib-h", Tier.CONSIDER, "Later line, without chemotherapy."),
    LineEntry("p-h-chemotherapy", Tier.CONSIDER, "Pertuzumab never received.",
              only=Feature.PERTUZUMAB_NEVER_RECEIVED),
    LineEntry("endocrine-h", Tier.CONSIDER, _HR_POSITIVE_LATER, only=Feature.HR_POSITIVE),
    LineEntry("abemaciclib-h-fulvestrant", Tier.CONSIDER, _HR_POSITIVE_LATER, only=Feature.HR_POSITIVE),
)
# Section 4: the tucatinib triplet is preferred "especially with brain metastases" (HER2CLIMB).
LEADS_WITH_ACTIVE_BRAIN = "tucatinib-h-x"

# ---------------------------------------------------------------- a drug received before

# Section 4 offers these "if not received"; each option is one tier lower when its drug was received
# before without progression, at later lines and (T-DM1, the tucatinib triplet) at second line too.
# Trastuzumab deruxtecan received before is avoid at second line instead (section 3).
LOWERED_IF_RECEIVED: Mapping[str, str] = {
    "tdxd-p": "trastuzumab deruxtecan",  # given continuously: stopped without progression, received before
    "tdm1": "trastuzumab emtansine",
    "tucatinib-h-x": "tucatinib",
    "tdxd-later": "trastuzumab deruxtecan",
    "tdm1-later": "trastuzumab emtansine",
}
# The same drugs, in the order the trace names them.
RETREATED_AT_FIRST_LINE = ("trastuzumab deruxtecan",)
RETREATED_AT_SECOND_LINE = ("tucatinib", "trastuzumab emtansine")
RETREATED_AT_LATER_LINES = ("trastuzumab deruxtecan", "tucatinib", "trastuzumab emtansine")
ONE_TIER_LOWER: Mapping[Tier, Tier] = {Tier.PREFERRED: Tier.ALTERNATIVE, Tier.ALTERNATIVE: Tier.CONSIDER}

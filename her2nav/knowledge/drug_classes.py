"""Drug classes whose members fail together as a partner, and the endocrine partners offered instead
(clinical-rules.md sections 10.4 and 10.13).

No guideline statement on failing a whole class was verified (docs/evidence-verification.md), so
the class rule is worded as this knowledge base's reading, not as a trial result.
"""

from __future__ import annotations

from collections.abc import Mapping

NON_STEROIDAL_AROMATASE_INHIBITORS = frozenset({"anastrozole", "letrozole"})

# Progression or relapse on a non-steroidal aromatase inhibitor: the endocrine partners offered
# instead (with the sex and menopausal rules of section 2).
AFTER_NON_STEROIDAL_AI = ("exemestane", "fulvestrant", "tamoxifen")

# ASCO guideline on male breast cancer (Hassett 2020), recommendation 4.1: tamoxifen, an aromatase
# inhibitor with a GnRH agent, or fulvestrant; HER2-targeted therapy as for women.
MALE_ENDOCRINE_PARTNERS = ("tamoxifen", "fulvestrant")
MALE_ENDOCRINE_EVIDENCE = ("asco-male-2020",)

# Partners never added to a regimen by the rules above: the knowledge base holds no trial of
# palbociclib maintenance with tamoxifen, so that option keeps its own aromatase inhibitors and
# fulvestrant (with exemestane after a non-steroidal inhibitor failed).
NOT_ADDED_TO: Mapping[str, frozenset[str]] = {"maintenance-palbociclib": frozenset({"tamoxifen"})}

CLASS_READING = "this knowledge base's reading of the drug class, not a trial result"

CLASS_WORDS: Mapping[str, str] = {
    "non-steroidal aromatase inhibitor": (
        "letrozole and anastrozole are both non-steroidal aromatase inhibitors, so progression or "
        f"relapse on one fails the other as a partner ({CLASS_READING}); exemestane, fulvestrant or "
        "tamoxifen is offered instead"
    ),
    "taxane": (
        "progression on a taxane in the metastatic setting fails the taxane class as the chemotherapy "
        f"partner ({CLASS_READING}); a non-taxane partner is chosen instead"
    ),
}
MALE_ENDOCRINE_TEXT = (
    "{partners} offered as the endocrine partner for a man: the ASCO male breast cancer guideline "
    "(2020) lists tamoxifen, an aromatase inhibitor with a GnRH agent, or fulvestrant for metastatic "
    "hormone-receptor-positive disease and HER2-targeted therapy as for women; pairing them with "
    "this HER2 regimen is this knowledge base's reading"
)

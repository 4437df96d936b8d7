"""Every reference id the decisions can cite, gathered from the knowledge that cites them."""

from __future__ import annotations

from her2nav.knowledge import brain_extent
from her2nav.knowledge.drug_classes import MALE_ENDOCRINE_EVIDENCE
from her2nav.knowledge.interventions import INTERVENTIONS
from her2nav.knowledge.regimens import CONTINUED_OUTSIDE_KNOWN_REGIMENS, REGIMENS


def cited_reference_ids() -> frozenset[str]:
    ids = {ref_id for regimen in REGIMENS.values() for ref_id in regimen.evidence}
    ids.update(CONTINUED_OUTSIDE_KNOWN_REGIMENS)
    ids.update(MALE_ENDOCRINE_EVIDENCE)
    for intervention in INTERVENTIONS.values():
        ids.update(intervention.evidence)
    ids.update(brain_extent.LESION_COUNT_EVIDENCE)
    for regimen in REGIMENS.values():
        ids.update(regimen.brain_note.evidence if regimen.brain_note else ())
    return frozenset(ids)

"""Every site-specific intervention under its stable key: the key a result gives each site entry.

An explicit registry, so that a key cannot change when a constant is renamed and a test can
check that every intervention is here and reachable. The key is what JSON consumers join on;
the display name (`Intervention.name`) may be reworded.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from her2nav.knowledge import brain_extent as extent
from her2nav.knowledge import site_care as care
from her2nav.knowledge.site_care import Intervention


def _index(entries: Iterable[tuple[str, Intervention]]) -> dict[str, Intervention]:
    index: dict[str, Intervention] = {}
    for key, item in entries:
        if key in index or item in index.values():
            raise ValueError(f"intervention key {key!r} or its intervention is registered twice")
        index[key] = item
    return index


INTERVENTIONS: Mapping[str, Intervention] = _index((
    ("zoledronic-acid", care.ZOLEDRONIC_ACID),
    ("denosumab", care.DENOSUMAB),
    ("bone-pain-radiation", care.BONE_PAIN_RADIATION),
    ("fracture-surgery", care.FRACTURE_SURGERY),
    ("cord-compression-radiation", care.CORD_COMPRESSION_RADIATION),
    ("cord-compression-surgery", care.CORD_COMPRESSION_SURGERY),
    ("radiopharmaceutical", care.RADIOPHARMACEUTICAL),
    ("brain-surgery", care.BRAIN_SURGERY),
    ("brain-radiosurgery", care.BRAIN_RADIOSURGERY),
    ("brain-whole-brain", care.BRAIN_WHOLE_BRAIN),
    ("brain-defer", care.BRAIN_DEFER),
    ("brain-continue", care.BRAIN_CONTINUE),
    ("brain-stable-next-regimen", care.BRAIN_STABLE_NEXT_REGIMEN),
    ("brain-further-local", care.BRAIN_FURTHER_LOCAL),
    ("brain-further-local-next-regimen", care.BRAIN_FURTHER_LOCAL_NEXT_REGIMEN),
    ("brain-switch", care.BRAIN_SWITCH),
    ("brain-status-unknown", care.BRAIN_STATUS_UNKNOWN),
    ("systemic-for-site", care.SYSTEMIC_FOR_SITE),
    ("oligometastatic-surgery", care.OLIGOMETASTATIC_SURGERY),
    ("oligometastatic-sbrt", care.OLIGOMETASTATIC_SBRT),
    ("embolization", care.EMBOLIZATION),
    ("paracentesis", care.PARACENTESIS),
    ("pruritus-relief", care.PRURITUS_RELIEF),
    ("thoracentesis", care.THORACENTESIS),
    ("pleurodesis", care.PLEURODESIS),
    ("skin-radiation", care.SKIN_RADIATION),
    ("wound-care", care.WOUND_CARE),
    ("isolated-surgery", care.ISOLATED_SURGERY),
    ("isolated-radiation", care.ISOLATED_RADIATION),
    ("primary-palliative-surgery", care.PRIMARY_PALLIATIVE_SURGERY),
    ("primary-palliative-radiation", care.PRIMARY_PALLIATIVE_RADIATION),
    ("primary-survival-surgery", care.PRIMARY_SURVIVAL_SURGERY),
    ("leptomeningeal-radiotherapy", extent.LEPTOMENINGEAL_RADIOTHERAPY),
    ("leptomeningeal-systemic", extent.LEPTOMENINGEAL_SYSTEMIC),
    ("leptomeningeal-resection", extent.LEPTOMENINGEAL_RESECTION),
    ("leptomeningeal-radiosurgery", extent.LEPTOMENINGEAL_RADIOSURGERY),
))

KEY_OF: Mapping[Intervention, str] = {item: key for key, item in INTERVENTIONS.items()}

"""Sources for leptomeningeal disease and for local therapy by the number of brain lesions.

Verified with the search tool in November 2026 (docs/evidence-verification.md, section
"Leptomeningeal disease and lesion count"); only identifiers and findings read on a page are here.
"""

from __future__ import annotations

from her2nav.knowledge.reference_model import Reference, SourceKind

BRAIN_EXTENT_REFERENCES: tuple[Reference, ...] = (
    Reference(
        id="eano-esmo-lm-2017",
        trial="EANO-ESMO leptomeningeal guideline",
        first_author="Le Rhun E",
        journal="Ann Oncol",
        year=2017,
        volume_pages="28(suppl 4):iv84-iv99",
        doi="10.1093/annonc/mdx221",
        kind=SourceKind.GUIDELINE,
        finding=(
            "First European guideline on leptomeningeal metastasis from solid tumours: diagnosis,"
            " classification and treatment algorithms; given the low level of evidence, the"
            " recommendations rest more on expert opinion and consensus than on trials."
        ),
    ),
    Reference(
        id="le-rhun-lm-2019",
        trial="Le Rhun leptomeningeal review",
        first_author="Le Rhun E",
        journal="ESMO Open",
        year=2019,
        volume_pages="4:e000507",
        doi="10.1136/esmoopen-2019-000507",
        kind=SourceKind.REVIEW,
        finding=(
            "Treatment options are intrathecal pharmacotherapy, systemic pharmacotherapy and focal"
            " radiotherapy; focal radiotherapy is for macroscopic disease (meningeal nodules) or"
            " clinically symptomatic sites; the role of whole-brain radiotherapy is decreasing;"
            " intrathecal trastuzumab is under evaluation."
        ),
    ),
    Reference(
        id="jlgk0901-2014",
        trial="JLGK0901",
        first_author="Yamamoto M",
        journal="Lancet Oncol",
        year=2014,
        volume_pages="15(4):387-395",
        doi="10.1016/S1470-2045(14)70061-0",
        pmid="24621620",
        finding=(
            "Prospective observational study of radiosurgery without whole-brain radiotherapy for"
            " 1-10 newly diagnosed brain metastases (largest under 10 mL and 3 cm, total 15 mL or"
            " less, Karnofsky 70 or more): overall survival with 5-10 lesions was non-inferior to"
            " that with 2-4 lesions (non-inferiority margin HR 1.30)."
        ),
    ),
)

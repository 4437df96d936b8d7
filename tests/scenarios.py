"""Named situations and the regimen names the navigator prints, shared by the rule tables."""

from __future__ import annotations

from typing import Any

from tests.conftest import course, progressed_on

HR_POSITIVE: dict[str, Any] = {"er": "positive", "pr": "positive"}
ILD: dict[str, Any] = {"conditions": ["interstitial_lung_disease"]}
SECOND_LINE: dict[str, Any] = {"treatments": progressed_on("THP")}
THIRD_LINE: dict[str, Any] = {"treatments": progressed_on("THP", "T-DXd")}
AFTER_TDXD_P: dict[str, Any] = {"treatments": progressed_on("T-DXd+pertuzumab")}
FOURTH_LINE_AFTER_TUCATINIB: dict[str, Any] = {
    "treatments": progressed_on("THP", "T-DXd", "tucatinib+trastuzumab+capecitabine")}

FOURTH_LINE_AFTER_LAPATINIB: dict[str, Any] = {
    "treatments": progressed_on("THP", "T-DXd", "lapatinib+trastuzumab")}

# HR-positive, post-menopausal, after THP induction: trastuzumab + pertuzumab maintenance with letrozole
# (ASCO 2022 rec 7.0), noted as two ongoing courses
HP_MAINTENANCE_WITH_LETROZOLE: dict[str, Any] = {**HR_POSITIVE, "menopausal_status": "post", "treatments": [
    course("THP", outcome="completed"), course("trastuzumab+pertuzumab", outcome="ongoing"),
    course("letrozole", outcome="ongoing")]}

# Received before without progression (not a failed line, not ongoing).
ADJUVANT_TDXD_LATE_RELAPSE: dict[str, Any] = {  # line 2: relapse 24 months after adjuvant T-DXd, then THP failed
    "presentation": "recurrence", "metastasis_biopsied": True,
    "treatments": [course("T-DXd", "adjuvant", months=24), *progressed_on("THP")]}
TUCATINIB_COMPLETED: dict[str, Any] = {  # line 3
    "treatments": [*progressed_on("THP", "T-DM1"), course("tucatinib+trastuzumab+capecitabine", outcome="completed")]}
TDXD_COMPLETED: dict[str, Any] = {  # line 3
    "treatments": [*progressed_on("THP", "T-DM1"), course("T-DXd", outcome="completed")]}
TDM1_COMPLETED: dict[str, Any] = {  # line 3
    "treatments": [*progressed_on("THP", "T-DXd"), course("T-DM1", outcome="completed")]}
TDM1_TOXICITY: dict[str, Any] = {  # line 3
    "treatments": [*progressed_on("THP", "T-DXd"), course("T-DM1", outcome="toxicity")]}


def brain(status: str) -> dict[str, Any]:
    return {"sites": [{"site": "liver", "lesions": 3}, {"site": "brain", "lesions": 2, "status": status}]}


THP = "THP"
TDXD_P = "T-DXd + pertuzumab"
AI_H_P = "AI + trastuzumab ± pertuzumab"
AI_H_L = "AI + trastuzumab + lapatinib"
PALBO_MAINT = "Maintenance: palbociclib + HER2 + endocrine therapy"
TUCA_MAINT = "Maintenance: tucatinib + trastuzumab + pertuzumab"
HP_NO_CHEMO = "Trastuzumab + pertuzumab without chemotherapy"
TDXD = "T-DXd"
TDM1 = "T-DM1"
TUCA_HX = "Tucatinib + trastuzumab + capecitabine"
NERA_X = "Neratinib + capecitabine"
LAPA_X = "Lapatinib + capecitabine"
H_CHEMO = "Trastuzumab + chemotherapy"
MARGE = "Margetuximab + chemotherapy"
LAPA_H = "Lapatinib + trastuzumab"
P_H_CHEMO = "Pertuzumab + trastuzumab + taxane"
ENDO_H = "Endocrine therapy + trastuzumab"
ABEMA = "Abemaciclib + trastuzumab + fulvestrant"

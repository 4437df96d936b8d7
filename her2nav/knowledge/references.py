"""Every published source the navigator may cite, as data.

Taken from the evidence sheet (/work/shared/design/evidence.md, including its section 14,
"Verified after compilation") and from identifiers verified with the search tool, as listed in
docs/evidence-verification.md.

Rules kept here:

* A value the evidence sheet marks "unverified", and that was not verified later, is absent:
  identifiers, volume:pages, first author and year are None, and an unverified number is left
  out of ``finding`` altogether.
* A journal that was not verified is the empty string (the field cannot be None); such a
  reference lacks a first author or year as well, so it is never citable.
* ``finding`` gives the analysis in brackets first when the sheet names one, then the key
  numbers exactly as the sheet gives them.
* Labels (kind LABEL) have no DOI or PMID. NCCN is never cited, so no NCCN entry exists.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType

from her2nav.knowledge.reference_model import Reference, SourceKind
from her2nav.knowledge.references_brain_extent import BRAIN_EXTENT_REFERENCES

_TRIAL = SourceKind.TRIAL
_META = SourceKind.META_ANALYSIS
_REVIEW = SourceKind.REVIEW
_GUIDELINE = SourceKind.GUIDELINE
_CONSENSUS = SourceKind.CONSENSUS
_LABEL = SourceKind.LABEL


def _index(references: Iterable[Reference]) -> Mapping[str, Reference]:
    """Key references by id, refusing a duplicate id."""
    table: dict[str, Reference] = {}
    for reference in references:
        if reference.id in table:
            raise ValueError(f"duplicate reference id: {reference.id}")
        table[reference.id] = reference
    return MappingProxyType(table)


_REFERENCES: tuple[Reference, ...] = (
    # ------------------------------------------------------------------ 1. First line
    Reference(
        id="slamon-2001",
        trial="H0648g",
        first_author="Slamon DJ",
        journal="N Engl J Med",
        year=2001,
        volume_pages="344(11):783-792",
        doi="10.1056/NEJM200103153441101",
        finding=(
            "Trastuzumab plus chemotherapy (pivotal trial; n=469): TTP 7.4 vs 4.6 months"
            " (P<0.001); ORR 50% vs 32%; OS 25.1 vs 20.3 months (P=0.046), 20% lower risk of"
            " death. Cardiac dysfunction was the main adverse event."
        ),
    ),
    Reference(
        id="marty-2005",
        trial="M77001",
        first_author="Marty M",
        journal="J Clin Oncol",
        year=2005,
        volume_pages="23(19):4265-4274",
        doi="10.1200/JCO.2005.04.173",
        finding=(
            "Randomized phase II of trastuzumab plus docetaxel (n=186): ORR 61% vs 34%;"
            " OS 31.2 vs 22.7 months (P=.0325); TTP 11.7 vs 6.1 months. Symptomatic heart"
            " failure in 1 patient (1%)."
        ),
    ),
    Reference(
        id="cleopatra-2012",
        trial="CLEOPATRA",
        first_author="Baselga J",
        journal="N Engl J Med",
        year=2012,
        volume_pages="366:109-119",
        doi="10.1056/NEJMoa1113216",
        finding=(
            "[primary] Docetaxel plus trastuzumab with pertuzumab or placebo (n=808):"
            " independent-review PFS 18.5 vs 12.4 months, HR 0.62, P<0.0001. No excess"
            " cardiotoxicity."
        ),
    ),
    Reference(
        id="cleopatra-2013",
        trial="CLEOPATRA",
        first_author="Swain SM",
        journal="Lancet Oncol",
        year=2013,
        volume_pages="14(6):461-471",
        doi="10.1016/S1470-2045(13)70130-X",
        finding=(
            "[confirmatory interim OS; median follow-up 30 months] OS HR 0.66"
            " (95% CI 0.52-0.84), P=0.0008."
        ),
    ),
    Reference(
        id="cleopatra-2015",
        trial="CLEOPATRA",
        first_author="Swain SM",
        journal="N Engl J Med",
        year=2015,
        volume_pages="372:724-734",
        doi="10.1056/NEJMoa1413513",
        finding=(
            "[final prespecified OS; median follow-up 50 months] Overall survival 56.5 vs"
            " 40.8 months, HR 0.68 (95% CI 0.56-0.84), P<0.001. Median gain 15.7 months."
        ),
    ),
    Reference(
        id="cleopatra-2020",
        trial="CLEOPATRA",
        first_author="Swain SM",
        journal="Lancet Oncol",
        year=2020,
        volume_pages="21:519",
        doi="10.1016/S1470-2045(19)30863-0",
        finding=(
            "[end of study; figures from the ESMO-MCBS scorecard, not the abstract] OS 57.1 vs"
            " 40.8 months (gain 16.3 months), OS HR 0.69 (95% CI 0.58-0.82); PFS HR 0.69"
            " (95% CI 0.59-0.81). ESMO-MCBS score 4 (v1.1)."
        ),
    ),
    Reference(
        id="peruse-2021",
        trial="PERUSE",
        first_author="Miles D",
        journal="Ann Oncol",
        year=2021,
        volume_pages="32:1245",
        doi="10.1016/j.annonc.2021.06.024",
        finding=(
            "[final] Single-arm phase IIIb of pertuzumab, trastuzumab and a taxane (n=1436):"
            " PFS 20.7 months (95% CI 18.9-23.1); OS 65.3 months (95% CI 60.9-70.9). PFS with"
            " paclitaxel / docetaxel / nab-paclitaxel 19.4 / 23.2 / 19.2 months."
        ),
    ),
    Reference(
        id="federica-2021",
        trial="FeDeriCa",
        first_author="Tan AR",
        journal="Lancet Oncol",
        year=2021,
        volume_pages="22(1):85-97",
        doi="10.1016/S1470-2045(20)30536-2",
        finding=(
            "[SABCS 2019 report] Subcutaneous fixed-dose pertuzumab-trastuzumab vs IV in"
            " early breast cancer (neoadjuvant; n=500) met its primary pharmacokinetic"
            " non-inferiority endpoint (pertuzumab Ctrough)."
        ),
    ),
    Reference(
        id="phrancesca-2021",
        trial="PHranceSCa",
        first_author="O'Shaughnessy J",
        journal="Eur J Cancer",
        year=2021,
        volume_pages="152:223-232",
        doi="10.1016/j.ejca.2021.03.047",
        pmid="34147014",
        finding=(
            "Crossover study in early breast cancer (adjuvant; n=160): 85.0% preferred"
            " subcutaneous administration (95% CI 78.5-90.2); 86.9% chose to continue"
            " subcutaneous."
        ),
    ),
    Reference(
        id="destiny-breast09-2025",
        trial="DESTINY-Breast09",
        first_author="Tolaney SM",
        journal="N Engl J Med",
        year=2025,
        doi="10.1056/NEJMoa2508668",
        finding=(
            "[OS immature] T-DXd plus pertuzumab vs THP: BICR PFS 40.7 vs 26.9 months,"
            " HR 0.56 (95% CI 0.44-0.71), P<0.00001; 24-month PFS 70.1% vs 52.1%;"
            " ORR 85.1% vs 78.6%. ILD 12.1% (grade 5 0.5%) vs 1.0%."
        ),
    ),
    Reference(
        id="her2climb-05-2025",
        trial="HER2CLIMB-05",
        first_author="Diéras V",
        journal="J Clin Oncol",
        year=2025,
        finding=(
            "[OS immature] Tucatinib vs placebo added to trastuzumab-pertuzumab maintenance"
            " (n=654): investigator PFS 24.9 vs 16.3 months, HR 0.641 (95% CI 0.514-0.799),"
            " P<0.0001, regardless of brain metastases or hormone-receptor status."
            " Diarrhea 72.7% with tucatinib."
        ),
    ),
    Reference(
        id="phila-2023",
        trial="PHILA (China)",
        first_author="Ma F",
        journal="BMJ",
        year=2023,
        volume_pages="383:e076065",
        doi="10.1136/bmj-2023-076065",
        finding=(
            "Pyrotinib vs placebo with trastuzumab and docetaxel (n=590): PFS 24.3 vs 10.4"
            " months, HR 0.41. Grade 3 or higher diarrhea 46% vs 3%."
        ),
    ),
    # ------------------------------------------------- 2. HR-positive: endocrine-based
    Reference(
        id="pertain-2018",
        trial="PERTAIN",
        first_author="Rimawi M",
        journal="J Clin Oncol",
        year=2018,
        volume_pages="36(28):2826-2835",
        doi="10.1200/JCO.2017.76.7863",
        pmid="30106636",
        finding=(
            "[first report] Trastuzumab plus an aromatase inhibitor with or without pertuzumab,"
            " first line (n=258): PFS 18.89 vs 15.80 months, HR 0.65 (95% CI 0.48-0.89),"
            " P=.0070."
        ),
    ),
    Reference(
        id="pertain-final",
        trial="PERTAIN",
        first_author="Arpino G",
        journal="Clin Cancer Res",
        year=2023,
        volume_pages="29(8):1468-1476",
        doi="10.1158/1078-0432.CCR-22-1092",
        pmid="36716289",
        finding=(
            "[final] PFS 20.6 vs 15.8 months (HR 0.67); OS 60.2 vs 57.2 months (HR 1.05,"
            " not significant). Without induction chemotherapy, PFS 26.6 vs 12.5 months."
        ),
    ),
    Reference(
        id="sysucc-002-2022",
        trial="SYSUCC-002",
        first_author=None,
        journal="Clin Cancer Res",
        year=2022,
        volume_pages="28(4):637",
        pmid="34810217",
        finding=(
            "Non-inferiority trial (margin HR 1.35) of trastuzumab plus endocrine therapy vs"
            " trastuzumab plus chemotherapy, first line (n=392): PFS 19.2 vs 14.8 months,"
            " HR 0.88 (95% CI 0.71-1.09), P(non-inferiority)<0.0001. Less toxicity with"
            " endocrine therapy, which may be better if the disease-free interval is >24 months."
        ),
    ),
    Reference(
        id="alternative-2018",
        trial="ALTERNATIVE",
        first_author="Johnston SRD",
        journal="J Clin Oncol",
        year=2018,
        volume_pages="36(8):741-748",
        doi="10.1200/JCO.2017.74.7824",
        pmid="29244528",
        finding=(
            "After prior trastuzumab and endocrine therapy (n=355): lapatinib + trastuzumab + AI"
            " vs trastuzumab + AI, PFS 11.0 vs 5.7 months, HR 0.62 (95% CI 0.45-0.88);"
            " lapatinib + AI vs trastuzumab + AI, 8.3 vs 5.7 months, HR 0.71. The 2020"
            " corrected paper gives the control median as 5.6 months."
        ),
    ),
    Reference(
        id="tandem-2009",
        trial="TAnDEM",
        first_author="Kaufman B",
        journal="J Clin Oncol",
        year=2009,
        volume_pages="27(33):5529-5537",
        doi="10.1200/JCO.2008.20.6847",
        finding=(
            "Anastrozole with or without trastuzumab (n=207): PFS 4.8 vs 2.4 months, HR 0.63"
            " (95% CI 0.47-0.84), P=.0016. OS 28.5 vs 23.9 months (not significant), with"
            " 70% crossover."
        ),
    ),
    Reference(
        id="electra-2012",
        trial="eLEcTRA",
        first_author="Huober J",
        journal="Breast",
        year=None,
        doi="10.1016/j.breast.2011.07.006",
        finding=(
            "HER2-positive: letrozole (n=31) vs letrozole plus trastuzumab (n=26): TTP 3.3 vs"
            " 14.1 months, HR 0.67, p=0.23 (not significant). Clinical benefit 39% vs 65%."
        ),
    ),
    Reference(
        id="egf30008-2009",
        trial="EGF30008",
        first_author="Johnston S",
        journal="J Clin Oncol",
        year=2009,
        volume_pages="27(33):5538-5546",
        doi="10.1200/JCO.2009.23.3734",
        finding=(
            "Letrozole plus lapatinib vs letrozole plus placebo, HER2-positive subset (n=219):"
            " PFS 8.2 vs 3.0 months, HR 0.71 (95% CI 0.53-0.96), P=.019; clinical benefit"
            " 48% vs 29%. No benefit in HER2-negative disease."
        ),
    ),
    Reference(
        id="monarcher-2020",
        trial="monarcHER",
        first_author="Tolaney SM",
        journal="Lancet Oncol",
        year=2020,
        volume_pages="21(6):763-775",
        doi="10.1016/S1470-2045(20)30112-1",
        finding=(
            "[primary PFS] Phase II of abemaciclib plus trastuzumab with or without"
            " fulvestrant vs trastuzumab plus chemotherapy. The primary PFS figures are not"
            " verified; cite monarcher-final-os for results."
        ),
    ),
    Reference(
        id="monarcher-final-os",
        trial="monarcHER",
        first_author="Tolaney SM",
        journal="Clin Cancer Res",
        year=2024,
        volume_pages="30(1):39-49",
        doi="10.1158/1078-0432.CCR-23-1209",
        pmid="37906649",
        finding=(
            "[final OS] Abemaciclib + trastuzumab + fulvestrant vs trastuzumab + chemotherapy:"
            " OS 31.1 vs 20.7 months, HR 0.71 (95% CI 0.48-1.05), nominal P=0.086."
        ),
    ),
    Reference(
        id="patina-2026",
        trial="PATINA",
        first_author="Metzger O",
        journal="N Engl J Med",
        year=2026,
        volume_pages="394(5):451-462",
        finding=(
            "[OS immature] Maintenance anti-HER2 plus endocrine therapy with or without"
            " palbociclib after 4-8 cycles of induction (n=518): PFS 44.3 vs 29.1 months,"
            " HR 0.75 (95% CI 0.59-0.96), P=0.02; grade 3 adverse events 79.7% vs 30.6%"
            " (mostly neutropenia). OS HR 0.86 (95% CI 0.61-1.23)."
        ),
    ),
    # ------------------------------------------------------------------ 3. Second line
    Reference(
        id="emilia-2012",
        trial="EMILIA",
        first_author="Verma S",
        journal="N Engl J Med",
        year=2012,
        volume_pages="367(19):1783-1791",
        doi="10.1056/NEJMoa1209124",
        finding=(
            "[primary] T-DM1 vs lapatinib plus capecitabine (n=991): PFS 9.6 vs 6.4 months,"
            " HR 0.65 (95% CI 0.55-0.77)."
        ),
    ),
    Reference(
        id="emilia-2017",
        trial="EMILIA",
        first_author="Diéras V",
        journal="Lancet Oncol",
        year=2017,
        volume_pages="18:732-742",
        doi="10.1016/S1470-2045(17)30312-1",
        pmid="28526536",
        finding="[final OS] OS 29.9 vs 25.9 months despite 27% crossover.",
    ),
    Reference(
        id="destiny-breast03-2022",
        trial="DESTINY-Breast03",
        first_author="Cortés J",
        journal="N Engl J Med",
        year=2022,
        volume_pages="386:1143-1154",
        doi="10.1056/NEJMoa2115022",
        finding=(
            "[primary] T-DXd vs T-DM1 (n=524): 12-month PFS 75.8% vs 34.1%, HR 0.28"
            " (95% CI 0.22-0.37), P<0.001; 12-month OS 94.1% vs 85.9%, HR 0.55"
            " (95% CI 0.36-0.86), boundary not crossed. ORR 79.7% vs 34.2%; drug-related ILD"
            " 10.5% vs 1.9% (no grade 4-5)."
        ),
    ),
    Reference(
        id="destiny-breast03-2023",
        trial="DESTINY-Breast03",
        first_author="Hurvitz SA",
        journal="Lancet",
        year=2023,
        doi="10.1016/S0140-6736(22)02420-5",
        finding=(
            "[updated OS] Median PFS 28.8 vs 6.8 months. Cite destiny-breast03-2024 for"
            " overall survival."
        ),
    ),
    Reference(
        id="destiny-breast03-2024",
        trial="DESTINY-Breast03",
        first_author="Cortés J",
        journal="Nat Med",
        year=2024,
        volume_pages="30(8):2208-2215",
        doi="10.1038/s41591-024-03021-7",
        pmid="38825627",
        finding=(
            "[long-term; median follow-up 41 months] Investigator PFS 29.0 vs 7.2 months,"
            " HR 0.30 (95% CI 0.24-0.38); OS 52.6 vs 42.7 months, HR 0.73 (95% CI 0.56-0.94)."
            " Any-grade ILD 16.7% vs 3.4% (no new grade 3 or higher)."
        ),
    ),
    Reference(
        id="destiny-breast02-2023",
        trial="DESTINY-Breast02",
        first_author="André F",
        journal="Lancet",
        year=2023,
        volume_pages="401:1773-1785",
        doi="10.1016/S0140-6736(23)00725-0",
        finding=(
            "T-DXd vs treatment of physician's choice after T-DM1 (n=608): PFS 17.8 vs 6.9"
            " months; OS 39.2 vs 26.5 months."
        ),
    ),
    # --------------------------------------------------------- 4. Third line and later
    Reference(
        id="her2climb-2020",
        trial="HER2CLIMB",
        first_author="Murthy RK",
        journal="N Engl J Med",
        year=2020,
        volume_pages="382(7)",
        doi="10.1056/NEJMoa1914609",
        pmid="31825569",
        finding=(
            "[primary PFS analysis, first 480 patients] Randomized phase 2, tucatinib vs"
            " placebo with trastuzumab and capecitabine: 1-year PFS 33.1% vs 12.3%, HR 0.54"
            " (95% CI 0.42-0.71), median 7.8 vs 5.6 months. OS HR 0.66 (95% CI 0.50-0.88);"
            " 2-year OS 44.9% vs 26.6%."
        ),
    ),
    Reference(
        id="her2climb-final-os-2022",
        trial="HER2CLIMB",
        first_author="Curigliano G",
        journal="Ann Oncol",
        year=2022,
        doi="10.1016/j.annonc.2021.12.005",
        finding=(
            "[final OS; 15.6 months more follow-up] OS HR 0.73 (P=.004); PFS HR 0.57."
            " Median OS gain 5.5 months."
        ),
    ),
    Reference(
        id="th3resa-2014",
        trial="TH3RESA",
        first_author="Krop IE",
        journal="Lancet Oncol",
        year=2014,
        volume_pages="15(7)",
        doi="10.1016/S1470-2045(14)70178-0",
        finding=(
            "[PFS] T-DM1 vs treatment of physician's choice (n=602): PFS 6.2 vs 3.3 months."
        ),
    ),
    Reference(
        id="th3resa-2017",
        trial="TH3RESA",
        first_author="Krop IE",
        journal="Lancet Oncol",
        year=2017,
        volume_pages="18(6):743-754",
        doi="10.1016/S1470-2045(17)30313-3",
        finding=(
            "[final OS] OS 22.7 vs 15.8 months despite about half of control patients"
            " crossing over."
        ),
    ),
    Reference(
        id="destiny-breast01-2020",
        trial="DESTINY-Breast01",
        first_author="Modi S",
        journal="N Engl J Med",
        year=2020,
        volume_pages="382(7):610-621",
        doi="10.1056/NEJMoa1914510",
        pmid="31825192",
        finding=(
            "[primary] Single-arm phase 2 after T-DM1 (n=184 at 5.4 mg/kg): ORR 60.9%;"
            " duration of response 14.8 months; PFS 16.4 months; ILD 13.6%."
        ),
    ),
    Reference(
        id="destiny-breast01-2024",
        trial="DESTINY-Breast01",
        first_author="Saura",
        journal="Ann Oncol",
        year=2024,
        volume_pages="35(3):302-307",
        doi="10.1016/j.annonc.2023.12.001",
        pmid="38092229",
        finding="[update] ORR 62.0%; PFS 19.4 months; OS 29.1 months.",
    ),
    Reference(
        id="nala-2020",
        trial="NALA",
        first_author="Saura C",
        journal="J Clin Oncol",
        year=2020,
        volume_pages="38(27):3138-3149",
        doi="10.1200/JCO.20.00147",
        pmid="32678716",
        finding=(
            "Neratinib vs lapatinib, each with capecitabine, after 2 or more HER2 regimens"
            " (n=621): PFS HR 0.76 (95% CI 0.63-0.93), P=.0059 (median 5.6 vs 5.5 months per"
            " FDA summary); OS HR 0.88 (95% CI 0.72-1.07), not significant. CNS interventions"
            " 22.8% vs 29.2%; grade 3 diarrhea 24.4% vs 12.5% (loperamide prophylaxis)."
        ),
    ),
    Reference(
        id="sophia-2021",
        trial="SOPHIA",
        first_author="Rugo HS",
        journal="JAMA Oncol",
        year=2021,
        volume_pages="7(4):573-584",
        doi="10.1001/jamaoncol.2020.7932",
        finding=(
            "[primary] Margetuximab vs trastuzumab, each with chemotherapy (n=536): PFS"
            " HR 0.76 (95% CI 0.59-0.98), P=.033; median 5.8 vs 4.9 months. ORR 22% vs 16%."
        ),
    ),
    Reference(
        id="sophia-2023",
        trial="SOPHIA",
        first_author="Rugo HS",
        journal="J Clin Oncol",
        year=2023,
        volume_pages="41(2):198-205",
        doi="10.1200/JCO.21.02937",
        finding="[final OS] OS 21.6 vs 21.9 months: no OS benefit.",
    ),
    Reference(
        id="geyer-2006",
        trial="Lapatinib + capecitabine",
        first_author="Geyer CE",
        journal="N Engl J Med",
        year=2006,
        volume_pages="355(26):2733-2743",
        doi="10.1056/NEJMoa064320",
        finding="Lapatinib plus capecitabine: TTP HR 0.49 (95% CI 0.34-0.71), P<0.001.",
    ),
    Reference(
        id="cameron-2008",
        trial="Lapatinib + capecitabine",
        first_author="Cameron",
        journal="Breast Cancer Res Treat",
        year=2008,
        volume_pages="112:533-543",
        pmid="18188694",
        finding=(
            "[update] Lapatinib plus capecitabine (n=399): TTP HR 0.57; OS HR 0.78 (not"
            " significant); CNS as first progression site 4 vs 13 (P=.045)."
        ),
    ),
    Reference(
        id="egf104900-2010",
        trial="EGF104900",
        first_author="Blackwell KL",
        journal="J Clin Oncol",
        year=2010,
        volume_pages="28(7):1124-1130",
        doi="10.1200/JCO.2008.21.4437",
        finding=(
            "Lapatinib alone vs lapatinib plus trastuzumab in ErbB2-positive,"
            " trastuzumab-refractory metastatic breast cancer (n=296; primary end point PFS)."
            " Result figures not verified; cite egf104900-2012 for results."
        ),
    ),
    Reference(
        id="egf104900-2012",
        trial="EGF104900",
        first_author="Blackwell KL",
        journal="J Clin Oncol",
        year=2012,
        volume_pages="30(21):2585-2592",
        doi="10.1200/JCO.2011.35.6725",
        pmid="22689807",
        finding=(
            "[final OS] Lapatinib plus trastuzumab vs lapatinib alone (n=291): OS HR 0.74"
            " (95% CI 0.57-0.97), P=.026; PFS HR 0.74 (95% CI 0.58-0.94), P=.011."
        ),
    ),
    Reference(
        id="gbg-26-2009",
        trial="GBG-26 / BIG 03-05",
        first_author="von Minckwitz G",
        journal="J Clin Oncol",
        year=2009,
        volume_pages="27(12):1999-2006",
        finding=(
            "Capecitabine alone vs with continued trastuzumab beyond progression (n=156):"
            " TTP 5.6 vs 8.2 months, HR 0.69 (95% CI 0.48-0.97), P=.0338; OS 20.4 vs 25.5"
            " months (P=.257); ORR 27% vs 48.1%."
        ),
    ),
    Reference(
        id="phoebe-2021",
        trial="PHOEBE (China)",
        first_author="Xu B",
        journal="Lancet Oncol",
        year=2021,
        doi="10.1016/S1470-2045(20)30702-6",
        finding=(
            "[interim] Pyrotinib vs lapatinib, each with capecitabine (n=267): PFS 12.5 vs 6.8"
            " months, HR 0.39 (95% CI 0.27-0.56)."
        ),
    ),
    Reference(
        id="cerebel-2015",
        trial="CEREBEL",
        first_author="Pivot X",
        journal="J Clin Oncol",
        year=2015,
        volume_pages="33(14):1564-1573",
        doi="10.1200/JCO.2014.57.1794",
        pmid="25605838",
        finding=(
            "Lapatinib vs trastuzumab, each with capecitabine (CNS prevention): CNS first"
            " relapse 3% vs 5% (not significant; inconclusive). PFS HR 1.30 and OS HR 1.34,"
            " favouring trastuzumab plus capecitabine."
        ),
    ),
    # ------------------------------------------------------------------------ 5. Brain
    Reference(
        id="her2climb-brain-2020",
        trial="HER2CLIMB (BM)",
        first_author="Lin NU",
        journal="J Clin Oncol",
        year=2020,
        volume_pages="38(23):2610-2619",
        doi="10.1200/JCO.20.00775",
        pmid="32468955",
        finding=(
            "Brain-metastasis subgroup (291, 48%): OS 18.1 vs 12.0 months. Active brain"
            " metastases (n=174): CNS-PFS 9.5 vs 4.1 months; OS 20.7 vs 11.6 months;"
            " intracranial ORR 47% vs 20%."
        ),
    ),
    Reference(
        id="her2climb-brain-2023",
        trial="HER2CLIMB (BM update)",
        first_author="Lin NU",
        journal="JAMA Oncol",
        year=2023,
        volume_pages="9(2):197-205",
        doi="10.1001/jamaoncol.2022.5610",
        pmid="36454580",
        finding=(
            "[updated exploratory] With brain metastases, OS gain 9.1 months; risk of new"
            " brain lesions or death 45.1% lower."
        ),
    ),
    Reference(
        id="destiny-breast12-2024",
        trial="DESTINY-Breast12",
        first_author="Harbeck N",
        journal="Nat Med",
        year=2024,
        volume_pages="30(12):3717-3727",
        doi="10.1038/s41591-024-03261-7",
        pmid="39271844",
        finding=(
            "Single-arm phase 3b/4, no hypothesis testing; brain-metastasis cohort (n=263,"
            " stable and active): 12-month PFS 61.6% (95% CI 54.9-67.6); 12-month CNS-PFS"
            " 58.9%; CNS ORR 71.7% (138 measurable); median PFS 17.3 months. ORR 62.7% in the"
            " cohort without brain metastases (n=241)."
        ),
    ),
    Reference(
        id="tuxedo-1-2022",
        trial="TUXEDO-1",
        first_author="Bartsch R",
        journal="Nat Med",
        year=2022,
        doi="10.1038/s41591-022-01935-8",
        pmid="35941372",
        finding=(
            "Single-arm phase 2, active brain metastases (n=15): intracranial response 73.3%"
            " (95% CI 48.1-89.1), 2 complete and 9 partial responses. Quality of life and"
            " cognition maintained."
        ),
    ),
    Reference(
        id="landscape-2013",
        trial="LANDSCAPE",
        first_author="Bachelot T",
        journal="Lancet Oncol",
        year=2013,
        volume_pages="14(1):64-71",
        finding=(
            "Single-arm phase 2 of lapatinib plus capecitabine in untreated brain metastases"
            " (n=45, 44 evaluable): CNS response 29/44 (65.9%); time to WBRT 8.3 months;"
            " grade 3-4 toxicity 49%; OS 17 months."
        ),
    ),
    Reference(
        id="kamilla-brain-2020",
        trial="KAMILLA cohort 1 (BM)",
        first_author="Montemurro F",
        journal="Ann Oncol",
        year=2020,
        finding=(
            "[exploratory final] T-DM1; 398 of 2002 patients with brain metastases. Measurable"
            " brain metastases (n=126): best overall response 21.4% (95% CI 14.6-29.6),"
            " clinical benefit 42.9%. PFS 5.5 months; OS 18.9 months."
        ),
    ),
    Reference(
        id="nrg-cc001-2020",
        trial="NRG CC001",
        first_author="Brown PD",
        journal="J Clin Oncol",
        year=2020,
        volume_pages="38(10):1019-1029",
        doi="10.1200/JCO.19.02767",
        pmid="32058845",
        finding=(
            "Phase III, hippocampal-avoidance WBRT plus memantine (n=518): cognitive failure"
            " adjusted HR 0.74 (95% CI 0.58-0.95), P=.02; executive-function decline at"
            " 4 months 23.3% vs 40.4%. No difference in OS, intracranial PFS or toxicity."
        ),
    ),
    Reference(
        id="erickson-2020",
        trial="HER2 therapy and survival with BM",
        first_author="Erickson AW",
        journal="Neuro-Oncol Adv",
        year=2020,
        volume_pages="2(1):vdaa136",
        doi="10.1093/noajnl/vdaa136",
        pmid="33305268",
        kind=_META,
        finding=(
            "97 studies (40% at high risk of bias): HER2 therapy associated with OS HR 0.47"
            " (95% CI 0.39-0.56)."
        ),
    ),
    # ------------------------------------------------------------------------- 6. Bone
    Reference(
        id="stopeck-2010",
        trial="Denosumab vs ZA (breast)",
        first_author="Stopeck AT",
        journal="",
        year=None,
        finding=(
            "[as seen in the SABCS 2009 abstract] Denosumab vs zoledronic acid, double-blind"
            " (n=2046): time to first on-study SRE HR 0.82 (95% CI 0.71-0.95). More"
            " hypocalcaemia with denosumab."
        ),
    ),
    Reference(
        id="martin-2012",
        trial="Denosumab vs ZA",
        first_author="Martin",
        journal="Clin Cancer Res",
        year=2012,
        volume_pages="18(17):4841-4849",
        finding=(
            "[secondary analysis] Patients with an on-study SRE 31% vs 36% (P=0.006); first"
            " radiation to bone HR 0.74."
        ),
    ),
    Reference(
        id="calgb-70604-2017",
        trial="CALGB 70604 (Alliance)",
        first_author="Himelstein AL",
        journal="JAMA",
        year=2017,
        volume_pages="317(1):48-58",
        doi="10.1001/jama.2016.19425",
        pmid="28030702",
        finding=(
            "Zoledronic acid every 4 vs every 12 weeks, non-inferiority margin 7% (n=1822, 855"
            " breast): at least 1 SRE in 2 years 29.5% vs 28.6%, non-inferior. ONJ and renal"
            " dysfunction uncommon, no difference."
        ),
    ),
    Reference(
        id="zoom-2013",
        trial="ZOOM",
        first_author="Amadori D",
        journal="Lancet Oncol",
        year=2013,
        volume_pages="14(7):663-670",
        doi="10.1016/S1470-2045(13)70174-8",
        pmid="23684411",
        finding=(
            "Zoledronic acid every 12 vs every 4 weeks after 12-15 months of monthly"
            " treatment (n=425): skeletal morbidity rate 0.26 vs 0.22; non-inferior."
        ),
    ),
    Reference(
        id="asco-bma-2011",
        trial="ASCO bone-modifying agents in MBC",
        first_author="Van Poznak CH",
        journal="J Clin Oncol",
        year=2011,
        volume_pages="29(9):1221-1227",
        kind=_GUIDELINE,
        finding=(
            "Bone-modifying agents only with bone metastases: denosumab 120 mg every 4 weeks,"
            " pamidronate 90 mg, or zoledronic acid 4 mg every 3-4 weeks. No zoledronic acid"
            " adjustment if creatinine clearance >60 mL/min; creatinine before each dose;"
            " dental examination before starting."
        ),
    ),
    Reference(
        id="asco-bma-2017",
        trial="ASCO-CCO focused update, BMAs in MBC",
        first_author="Van Poznak C",
        journal="J Clin Oncol",
        year=2017,
        volume_pages="35(35):3978-3986",
        doi="10.1200/JCO.2017.75.4614",
        pmid="29035643",
        kind=_GUIDELINE,
        finding="Existence only: content not verified. No later update found.",
    ),
    Reference(
        id="rtog-9714-2005",
        trial="RTOG 9714 (NCT00003162)",
        first_author="Hartsell WF",
        journal="J Natl Cancer Inst",
        year=2005,
        volume_pages="97(11):798-804",
        finding=(
            "8 Gy in 1 fraction vs 30 Gy in 10 fractions for painful bone metastases from"
            " breast or prostate cancer. Result figures not verified."
        ),
    ),
    Reference(
        id="dutch-bone-mets",
        trial="Dutch Bone Metastasis Study",
        first_author=None,
        journal="Int J Radiat Oncol Biol Phys",
        year=2004,
        volume_pages="59(2):528-537",
        pmid="15145173",
        finding=(
            "Retreatment 24% after 8 Gy in a single fraction vs 6% after 24 Gy in multiple"
            " fractions, with equal response."
        ),
    ),
    Reference(
        id="ncic-sc20-2014",
        trial="NCIC SC.20",
        first_author="Chow E",
        journal="Lancet Oncol",
        year=2014,
        volume_pages="15(2):164-171",
        doi="10.1016/S1470-2045(13)70556-4",
        finding="Re-irradiation of bone metastases; results not recorded (citation only).",
    ),
    Reference(
        id="paes-2011",
        trial="Radiopharmaceuticals (Sr-89, Sm-153)",
        first_author="Paes FM",
        journal="J Support Oncol",
        year=2011,
        volume_pages="9(6):197-205",
        doi="10.1016/j.suponc.2011.06.004",
        pmid="22055888",
        kind=_REVIEW,
        finding=(
            "Multifocal osteoblastic painful metastases: pain improves in 60-80%, onset 1-2"
            " weeks, lasting 2-6 months."
        ),
    ),
    Reference(
        id="eperc-fast-facts-116",
        trial="Fast Facts #116 (EPERC)",
        first_author=None,
        journal="",
        year=None,
        kind=_REVIEW,
        finding=(
            "Radiopharmaceuticals are contraindicated with pre-existing myelosuppression"
            " (e.g., WBC <3.0 x10^9/L, platelets <60-100 x10^9/L)."
        ),
    ),
    Reference(
        id="eanm-2018",
        trial="EANM guideline 2018",
        first_author=None,
        journal="Eur J Nucl Med Mol Imaging",
        year=2018,
        volume_pages="45(5):846-859",
        pmid="29453701",
        kind=_GUIDELINE,
        finding="Content not recorded (citation only).",
    ),
    # --------------------------------------- 7. Liver, oligometastatic disease, local therapy
    Reference(
        id="sabr-comet-2019",
        trial="SABR-COMET",
        first_author="Palma DA",
        journal="Lancet",
        year=2019,
        volume_pages="393(10185):2051-2058",
        doi="10.1016/S0140-6736(18)32487-5",
        finding=(
            "[primary] Randomized phase 2 screening design (alpha 0.20), SABR vs standard care"
            " (n=99, 18 breast): OS 41 vs 28 months; PFS 12 vs 6 months; grade 2 or higher"
            " adverse events 29% vs 9%. 3 treatment-related deaths (4.5%) with SABR."
        ),
    ),
    Reference(
        id="sabr-comet-2020",
        trial="SABR-COMET",
        first_author="Palma DA",
        journal="J Clin Oncol",
        year=2020,
        volume_pages="38(25):2830-2838",
        doi="10.1200/JCO.20.00818",
        pmid="32484754",
        finding=(
            "[long-term; median follow-up 51 months] 5-year OS 42.3% vs 17.7% (P=.006);"
            " 5-year PFS 17.3% vs 3.2%. No new grade 2-5 adverse events."
        ),
    ),
    Reference(
        id="nrg-br002-2022",
        trial="NRG-BR002",
        first_author="Chmura SJ",
        journal="J Clin Oncol (ASCO 2022 abstract 1007)",
        year=2022,
        finding=(
            "[abstract; no full paper confirmed] Standard care with or without SBRT/surgery for"
            " newly oligometastatic breast cancer: PFS 23 (standard) vs 19.5 months (ablation),"
            " HR 0.92 (70% CI 0.71-1.17), one-sided P=.36; 36-month OS 71.8% vs 68.9%."
            " Fewer in-field new lesions with ablation, out-of-field similar (about 40%)."
        ),
    ),
    Reference(
        id="liver-ia-meta-2021",
        trial="Intra-arterial liver therapy",
        first_author=None,
        journal="CardioVascular Interv Radiol",
        year=None,
        doi="10.1007/s00270-021-02906-1",
        kind=_META,
        finding=(
            "26 studies, 1266 patients: pooled response TARE 49%, TACE 34%, chemo-infusion 19%;"
            " pooled median OS 9.2 / 17.8 / 7.9 months in that order (very heterogeneous)."
        ),
    ),
    Reference(
        id="feretis-2020",
        trial="Y-90 systematic review",
        first_author="Feretis",
        journal="WJGO",
        year=2020,
        volume_pages="12(2):228-236",
        doi="10.4251/wjgo.v12.i2.228",
        kind=_REVIEW,
        finding="Systematic review; results not recorded (citation only).",
    ),
    # --------------------------------------------- 8. Primary tumour surgery (de novo IV)
    Reference(
        id="mf07-01-2018",
        trial="MF07-01 (Turkey)",
        first_author="Soran A",
        journal="Ann Surg Oncol",
        year=2018,
        volume_pages="25(11):3141-3149",
        doi="10.1245/s10434-018-6494-6",
        pmid="29777404",
        finding=(
            "[median follow-up 40 months] Resection vs none (n=274): HR for death 0.66"
            " (95% CI 0.49-0.88), P=.005, with no difference at 36 months. Benefit in unplanned"
            " subgroups: ER/PR-positive, HER2-negative, under 55 years, solitary bone-only."
        ),
    ),
    Reference(
        id="mf07-01-longterm",
        trial="MF07-01",
        first_author=None,
        journal="J Am Coll Surg",
        year=2021,
        volume_pages="233(6):742-752",
        doi="10.1016/j.jamcollsurg.2021.08.686",
        finding="[long-term update] OS 46 vs 35 months, HR 0.71.",
    ),
    Reference(
        id="tata-memorial-2015",
        trial="Tata Memorial",
        first_author="Badwe R",
        journal="Lancet Oncol",
        year=2015,
        volume_pages="16(13):1380-1388",
        doi="10.1016/S1470-2045(15)00135-7",
        finding=(
            "Locoregional treatment vs none in chemotherapy responders (n=350): OS 19.2 vs"
            " 20.5 months, HR 1.04 (95% CI 0.81-1.34), P=0.79."
        ),
    ),
    Reference(
        id="e2108-2022",
        trial="ECOG-ACRIN E2108",
        first_author="Khan SA",
        journal="J Clin Oncol",
        year=2022,
        volume_pages="40(9):978-987",
        doi="10.1200/JCO.21.02006",
        finding=(
            "Early local therapy of the primary vs continued systemic therapy, randomized after"
            " 4-8 months without progression (n=256): 3-year OS 68.4% vs 67.9%, HR 1.11"
            " (90% CI 0.82-1.52), P=.57. 3-year locoregional progression 16.3% vs 39.8%;"
            " quality of life similar."
        ),
    ),
    Reference(
        id="lrt-meta-2021",
        trial="Meta-analysis of 4 RCTs",
        first_author="Reinhorn D",
        journal="Breast",
        year=2021,
        volume_pages="173-181",
        doi="10.1016/j.breast.2021.05.003",
        kind=_META,
        finding=(
            "4 RCTs, n=970: OS HR 0.97 (95% CI 0.72-1.29); HER2-positive HR 0.93"
            " (95% CI 0.68-1.28); bone-only 0.97. Locoregional progression HR 0.36."
        ),
    ),
    Reference(
        id="tosello-2018",
        trial="Cochrane review",
        first_author="Tosello G",
        journal="Cochrane Database Syst Rev",
        year=2018,
        volume_pages="CD011276.pub2",
        doi="10.1002/14651858.CD011276.pub2",
        pmid="29542106",
        kind=_REVIEW,
        finding="Systematic review; findings not recorded (citation only).",
    ),
    Reference(
        id="abcsg-28-qol",
        trial="ABCSG-28 POSYTIVE (QoL)",
        first_author="Bjelic-Radisic V",
        journal="BMC Cancer",
        year=2020,
        doi="10.1186/s12885-020-06894-2",
        pmid="32375735",
        finding="Primary surgery did not improve or alter quality of life.",
    ),
    Reference(
        id="mf07-01q-2021",
        trial="MF07-01Q",
        first_author=None,
        journal="",
        year=2021,
        finding="Long-term SF-12 quality of life similar.",
    ),
    # -------------------------------------------------------- 9. Guidelines and testing
    Reference(
        id="asco-her2-2014",
        trial="ASCO advanced HER2+ BC",
        first_author="Giordano SH",
        journal="J Clin Oncol",
        year=2014,
        volume_pages="32(19):2078-2099",
        doi="10.1200/JCO.2013.54.0948",
        pmid="24799465",
        kind=_GUIDELINE,
        finding=(
            "THP first line; T-DM1 second line; third line other HER2 combinations, or T-DM1"
            " or pertuzumab if not received. No HER2 therapy with clinical congestive heart"
            " failure or significantly compromised LVEF (case by case)."
        ),
    ),
    Reference(
        id="asco-her2-2018",
        trial="ASCO advanced HER2+ BC, update",
        first_author="Giordano SH",
        journal="J Clin Oncol",
        year=2018,
        volume_pages="36(26):2736-2740",
        doi="10.1200/JCO.2018.79.2697",
        pmid="29939838",
        kind=_GUIDELINE,
        finding="622 publications reviewed; no change from 2014.",
    ),
    Reference(
        id="asco-her2-2022",
        trial="ASCO HER2+ advanced BC guideline",
        first_author="Giordano SH",
        journal="J Clin Oncol",
        year=2022,
        volume_pages="40(23):2612-2635",
        doi="10.1200/JCO.22.00519",
        kind=_GUIDELINE,
        finding=(
            "HER2-targeted therapy unless clinical congestive heart failure or significantly"
            " compromised LVEF (case by case); trastuzumab, pertuzumab and a taxane first line;"
            " T-DXd second line; third line, insufficient evidence to prefer one regimen."
            " Recurrence 12 months or less after trastuzumab-based adjuvant therapy follows"
            " the second-line recommendations (Rec 5.0); more than 12 months, first line"
            " (Rec 5.1)."
        ),
    ),
    Reference(
        id="asco-male-2020",
        trial="ASCO guideline: management of male breast cancer",
        first_author="Hassett MJ",
        journal="J Clin Oncol",
        year=2020,
        kind=_GUIDELINE,
        finding=(
            "Formal consensus on 26 observational reports. Rec 4.1 (metastatic hormone-receptor"
            "-positive, HER2-negative disease): endocrine therapy first line except visceral crisis or"
            " rapidly progressive disease; options tamoxifen, an aromatase inhibitor with a GnRH agent,"
            " and fulvestrant. Targeted therapy for advanced disease with the same indications and"
            " combinations as for women."
        ),
    ),
    Reference(
        id="asco-her2-brain-2014",
        trial="ASCO HER2+ BC with BM",
        first_author="Ramakrishna N",
        journal="J Clin Oncol",
        year=2014,
        volume_pages="32(19):2100-2108",
        doi="10.1200/JCO.2013.54.0955",
        pmid="24799487",
        kind=_GUIDELINE,
        finding=(
            "Formal expert consensus (no study met the systematic review criteria): appropriate"
            " local therapy and systemic therapy, if indicated; local therapies include surgery,"
            " whole-brain radiotherapy and stereotactic radiosurgery, depending on prognosis,"
            " symptoms and resectability among other factors. A single brain metastasis with a"
            " favourable prognosis: neurosurgical evaluation, particularly if over 3-4 cm or with"
            " symptomatic mass effect."
        ),
    ),
    Reference(
        id="asco-her2-brain-2018",
        trial="ASCO HER2+ BC with BM, update",
        first_author="Ramakrishna N",
        journal="J Clin Oncol",
        year=2018,
        kind=_GUIDELINE,
        finding="622 publications reviewed; no substantive change from 2014.",
    ),
    Reference(
        id="asco-her2-brain-2022",
        trial="ASCO HER2+ brain metastases guideline",
        first_author=None,
        journal="J Clin Oncol",
        year=2022,
        kind=_GUIDELINE,
        finding=(
            "Rec 7.1: tucatinib, capecitabine and trastuzumab may be offered for brain"
            " metastases without symptomatic mass effect after at least 1 prior HER2 regimen"
            " for metastatic disease, with local therapy possibly delayed until intracranial"
            " progression (weak). Rec 2.3: single brain metastasis <2 cm without symptomatic"
            " mass effect and CNS-active HER2 therapy available, SRS or deferring local therapy"
            " may be discussed; Rec 10.1: insufficient data for or against routine"
            " brain-MRI surveillance."
        ),
    ),
    Reference(
        id="asco-sno-astro-2022",
        trial="ASCO-SNO-ASTRO brain metastases",
        first_author=None,
        journal="",
        year=None,
        kind=_GUIDELINE,
        finding="Cross-tumour guideline; existence and online date (December 2021) only.",
    ),
    Reference(
        id="esmo-mbc-2021",
        trial="ESMO MBC Clinical Practice Guideline",
        first_author="Gennari A",
        journal="Ann Oncol",
        year=2021,
        volume_pages="32",
        doi="10.1016/j.annonc.2021.09.019",
        kind=_GUIDELINE,
        finding=(
            "Biopsy at first metastatic diagnosis to reassess ER/PgR/HER2 (strong, high grade)."
            " Symptomatic patients: brain imaging, preferably MRI."
        ),
    ),
    Reference(
        id="abc4-2018",
        trial="ABC 4 (ESO-ESMO)",
        first_author="Cardoso F",
        journal="Ann Oncol",
        year=2018,
        volume_pages="29(8):1634-1657",
        kind=_CONSENSUS,
        finding="Consensus; citation only.",
    ),
    Reference(
        id="abc5-2020",
        trial="ABC 5 (ESO-ESMO)",
        first_author="Cardoso F",
        journal="Ann Oncol",
        year=2020,
        doi="10.1016/j.annonc.2020.09.010",
        kind=_CONSENSUS,
        finding="Consensus; citation only.",
    ),
    Reference(
        id="abc6-7-2024",
        trial="ABC 6 and 7 (ABC Global Alliance)",
        first_author="Cardoso F",
        journal="Breast",
        year=2024,
        volume_pages="76:103756",
        doi="10.1016/j.breast.2024.103756",
        pmid="38896983",
        kind=_CONSENSUS,
        finding=(
            "ABC 6 (2021, virtual) and ABC 7 (2023, Lisbon); citation only. Not an ESO-ESMO"
            " Annals of Oncology paper."
        ),
    ),
    Reference(
        id="belgian-her2-2022",
        trial="Belgian HER2+ advanced BC guideline",
        first_author=None,
        journal="BJMO",
        year=2022,
        kind=_GUIDELINE,
        finding=(
            "T-DM1 or tucatinib plus trastuzumab and capecitabine are reasonable third-line"
            " options; no efficacy data after prior T-DXd."
        ),
    ),
    Reference(
        id="asco-cap-her2-2018",
        trial="ASCO/CAP HER2 testing, focused update",
        first_author="Wolff AC",
        journal="J Clin Oncol",
        year=2018,
        volume_pages="36(20)",
        kind=_GUIDELINE,
        finding=(
            "IHC 3+ positive; IHC 2+ equivocal, reflex ISH; IHC 1+ and 0 negative. Dual-probe"
            " ISH groups 2-4 need concomitant IHC review."
        ),
    ),
    Reference(
        id="asco-cap-her2-2023",
        trial="ASCO/CAP HER2 testing, update",
        first_author="Wolff AC",
        journal="J Clin Oncol",
        year=2023,
        volume_pages="41:3867-3872",
        doi="10.1200/JCO.22.02864",
        pmid="37284804",
        kind=_GUIDELINE,
        finding=(
            "Affirms 2018; premature to create new result categories (eg, HER2-low,"
            " HER2-ultra-low). IHC 0 vs 1+ now matters for T-DXd eligibility; adds a report"
            " comment."
        ),
    ),
    Reference(
        id="schrijver-2018",
        trial="Receptor conversion meta-analysis",
        first_author="Schrijver WAME",
        journal="J Natl Cancer Inst",
        year=2018,
        volume_pages="110(6):568-580",
        doi="10.1093/jnci/djx273",
        kind=_META,
        finding=(
            "39 studies. Direction-specific pooled conversion, positive to negative: ER 22.5%,"
            " PR 49.4%, HER2 21.3% (95% CI 14.3-30.5); negative to positive: ER 21.5%,"
            " PR 15.9%, HER2 9.5% (95% CI 7.4-12.1)."
        ),
    ),
    Reference(
        id="yeung-discordance",
        trial="Receptor discordance meta-analysis",
        first_author="Yeung",
        journal="",
        year=None,
        kind=_META,
        finding=(
            "47 studies, 3384 pairs. Overall conversion (as cited in a 2020 Breast Cancer Res"
            " Treat article): ER 14%, PR 21%, HER2 10%."
        ),
    ),
    # -------------------------------------------------------------- 10. Safety cautions
    Reference(
        id="powell-ild-2022",
        trial="T-DXd ILD pooled analysis",
        first_author="Powell CA",
        journal="ESMO Open",
        year=2022,
        volume_pages="7(4):100554",
        doi="10.1016/j.esmoop.2022.100554",
        pmid="35963179",
        kind=_META,
        finding=(
            "9 T-DXd monotherapy studies (n=1150, 44% breast): adjudicated drug-related ILD"
            " 15.4%, grade 5 2.2%; 77% grade 1-2; 87% of first events within 12 months, median"
            " onset 5.4 months. Risk factors: age <65, enrolment in Japan, dose >6.4 mg/kg,"
            " SpO2 <95%, moderate/severe renal impairment, lung comorbidity, >4 years since"
            " diagnosis."
        ),
    ),
    Reference(
        id="soares-ild-2023",
        trial="T-DXd ILD meta-analysis",
        first_author="Soares LR",
        journal="ESMO Open",
        year=2023,
        volume_pages="8(4):101613",
        doi="10.1016/j.esmoop.2023.101613",
        pmid="37481956",
        kind=_META,
        finding="15 breast studies: ILD 11.7%; 9.3% at 5.4 mg/kg vs 22.7% at 6.4 mg/kg.",
    ),
    Reference(
        id="swog-s0702",
        trial="SWOG S0702",
        first_author="Van Poznak CH",
        journal="JAMA Oncol",
        year=2021,
        volume_pages="7(2):246-254",
        doi="10.1001/jamaoncol.2020.6353",
        pmid="33331905",
        finding=(
            "Prospective cohort on zoledronic acid (n=3491): cumulative ONJ 0.8% at 1 year,"
            " 2.0% at 2 years, 2.8% at 3 years, lowest in breast cancer. More frequent dosing"
            " and poor oral health raised the risk."
        ),
    ),
    Reference(
        id="asco-cipn-2020",
        trial="ASCO CIPN guideline update",
        first_author="Loprinzi CL",
        journal="J Clin Oncol",
        year=2020,
        doi="10.1200/JCO.20.01399",
        pmid="32663120",
        kind=_GUIDELINE,
        finding=(
            "No agent recommended for prevention; acetyl-L-carnitine discouraged. Duloxetine is"
            " the only agent with evidence for painful established neuropathy (limited"
            " benefit); for intolerable neuropathy consider dose delay, reduction, substitution"
            " or stopping."
        ),
    ),
    # ------------------------------------------------------------------------- Labels
    Reference(
        id="label-trastuzumab-us",
        trial="Trastuzumab US prescribing information",
        first_author=None,
        journal="US FDA label",
        year=None,
        kind=_LABEL,
        finding=(
            "Withhold for at least 4 weeks and repeat LVEF every 4 weeks for a 16% or greater"
            " absolute decrease in LVEF from pretreatment. Boxed warning: cardiomyopathy,"
            " infusion reactions, pulmonary toxicity, embryo-fetal toxicity (oligohydramnios)."
        ),
    ),
    Reference(
        id="label-trastuzumab-eu",
        trial="Herceptin EU summary of product characteristics",
        first_author=None,
        journal="EMA SmPC",
        year=None,
        kind=_LABEL,
        finding=(
            "LVEF drop of 10 points from baseline and below 50%: suspend and repeat LVEF in"
            " about 3 weeks; strongly consider stopping if not improved."
        ),
    ),
    Reference(
        id="label-capecitabine-us",
        trial="Capecitabine US prescribing information",
        first_author=None,
        journal="US FDA label",
        year=None,
        kind=_LABEL,
        finding=(
            "Complete DPD deficiency: no safe dose. Boxed warning: test for DPYD variants before"
            " starting unless immediate treatment is necessary."
        ),
    ),
    Reference(
        id="label-zoledronic-acid-eu",
        trial="Zometa summary of product characteristics",
        first_author=None,
        journal="EMA SmPC",
        year=None,
        kind=_LABEL,
        finding=(
            "Dose by baseline creatinine clearance: over 60 mL/min 4.0 mg; 50-60 3.5 mg;"
            " 40-49 3.3 mg; 30-39 3.0 mg; under 30 not recommended. Creatinine before each"
            " dose."
        ),
    ),
    Reference(
        id="label-denosumab-us",
        trial="Xgeva US prescribing information",
        first_author=None,
        journal="US FDA label",
        year=None,
        kind=_LABEL,
        finding=(
            "Severe symptomatic hypocalcaemia including fatal cases: correct pre-existing"
            " hypocalcaemia and give calcium and vitamin D unless hypercalcaemic. Highest risk"
            " with creatinine clearance under 30 mL/min or dialysis."
        ),
    ),
    Reference(
        id="label-trastuzumab-deruxtecan-us",
        trial="Trastuzumab deruxtecan US prescribing information",
        first_author=None,
        journal="US FDA label",
        year=2025,
        kind=_LABEL,
        finding=(
            "May 2022 regular approval after one or more prior anti-HER2 regimens, or"
            " recurrence within 6 months of (neo)adjuvant therapy. December 2025: first line"
            " with pertuzumab for HER2 IHC 3+/ISH+ disease."
        ),
    ),
    # Section 10.10: the article the navigator was built from, cited wherever an output mentions it.
    Reference(
        id="source-article-2019",
        trial="Source article (about 2019)",
        first_author=None,
        journal="Treating Metastatic HER2-Positive Breast Cancer; patient-education article",
        year=None,
        kind=SourceKind.SOURCE,
        finding=(
            "The text this navigator was built from. Its claims are reported with what later evidence"
            " showed: T-DM1 as the preferred second line (since replaced by trastuzumab deruxtecan,"
            " DESTINY-Breast03); margetuximab as investigational (FDA-approved December 2020);"
            " lapatinib with little effect on brain metastases (CNS responses with capecitabine,"
            " LANDSCAPE; tucatinib and trastuzumab deruxtecan now the CNS-active standards); surgery"
            " of the primary improving survival (not supported by randomized trials)."
        ),
    ),
)

_REFERENCES = (*_REFERENCES, *BRAIN_EXTENT_REFERENCES)  # kept in their own module (section 10.5)
REFERENCES: Mapping[str, Reference] = _index(_REFERENCES)
"""Every citable or named source, keyed by its evidence-sheet id."""


# Sources cited although no DOI or PMID could be verified: each is found by its trial, first
# author, journal, year (and pages where known). The output says the identifier is not verified.
CITED_WITHOUT_IDENTIFIER: Mapping[str, str] = MappingProxyType({
    "patina-2026": "N Engl J Med 2026;394(5):451-462 confirmed; no page showed a DOI or PMID",
    "her2climb-05-2025": "J Clin Oncol publication (December 2025) confirmed; no identifier seen",
    "gbg-26-2009": "J Clin Oncol 2009;27(12):1999-2006 and its abstract confirmed; no DOI or PMID seen",
    "rtog-9714-2005": "first author, journal, year and pages confirmed; no DOI or PMID seen",
    "martin-2012": "Clin Cancer Res 2012;18(17):4841-4849 confirmed; no DOI or PMID seen",
    "asco-bma-2011": "J Clin Oncol 2011;29(9):1221-1227 and first author confirmed; no DOI or PMID seen",
    "nrg-br002-2022": "ASCO 2022 abstract 1007; no full paper and no identifier confirmed",
    "kamilla-brain-2020": "Ann Oncol 2020 confirmed; DOI not verified",
    "landscape-2013": "Lancet Oncol 2013;14(1):64-71 confirmed; DOI not verified",
    "asco-male-2020": ("J Clin Oncol 2020 and first author confirmed; the DOI was seen as 10.1200/JCO.19.03120"
                       " and as 10.1200/JCO.19.13120 on different pages, so none is printed"),
})

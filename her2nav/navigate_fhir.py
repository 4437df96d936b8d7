"""A case read from FHIR, navigated: the result carries its provenance.

Facts of the record that disagree and that no flag settles are tried both ways: when every
combination of the disagreeing values gives the same options, the disagreement does not
change the answer, and it is reported rather than stopping the case. Otherwise the case
stops with exit 3 (fhir/report.py:settle), listing the facts.
"""

from __future__ import annotations

from attrs import evolve

from her2nav.case import Case
from her2nav.errors import Her2navError
from her2nav.navigate import Settings, navigate
from her2nav.read.fhir.courses import Conflict
from her2nav.read.fhir.reader import FhirReading
from her2nav.read.fhir.report import alternative_mappings, settle, unsettled_conflicts
from her2nav.read.flags import CaseFlags
from her2nav.result import Result

MAX_COMBINATIONS_TRIED = 16


def navigate_fhir(reading: FhirReading, flags: CaseFlags, settings: Settings) -> Result:
    mapping, provenance = settle(reading, flags, _harmless_conflicts(reading, flags, settings))
    return evolve(navigate(Case.from_mapping(mapping, settings.as_of), settings), provenance=provenance)


def _harmless_conflicts(reading: FhirReading, flags: CaseFlags, settings: Settings) -> tuple[Conflict, ...]:
    """All the unsettled conflicts, when each is between values and no combination of them changes the answer."""
    pending = unsettled_conflicts(reading, flags)
    if not pending or any(not c.values for c in pending):
        return ()
    mappings = alternative_mappings(reading, flags, pending)
    if len(mappings) > MAX_COMBINATIONS_TRIED:
        return ()
    answers = [_answer(mapping, settings) for mapping in mappings]
    if any(answer is None for answer in answers):
        return ()
    return tuple(pending) if all(a == answers[0] for a in answers) else ()


def _answer(mapping: object, settings: Settings) -> object:
    """What a clinician reads as the answer: the line and every option and action; None if there is none."""
    try:
        result = navigate(Case.from_mapping(mapping, settings.as_of), settings)
    except Her2navError:
        return None
    return (result.line, result.systemic, result.site_specific, result.actions)



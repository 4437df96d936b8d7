"""From a FHIR file to the case mapping and its provenance: what `recommend --fhir` calls."""

from __future__ import annotations

from typing import BinaryIO

from her2nav.errors import InvalidCase
from her2nav.read.fhir.reader import DEFAULT_OPTIONS, FhirOptions, FhirReading, group_patients, read_patient
from her2nav.read.fhir.report import settle
from her2nav.read.fhir.source import read_fhir_source
from her2nav.read.flags import CaseFlags
from her2nav.result import Provenance


def reading_from_fhir(path: str, stdin: BinaryIO | None, options: FhirOptions = DEFAULT_OPTIONS) -> FhirReading:
    """What the record of the one patient in a FHIR file (or standard input for '-') says."""
    groups = group_patients(read_fhir_source(path, stdin))
    if not groups:
        raise InvalidCase("--fhir", "holds no resources")
    if len(groups) > 1:
        raise InvalidCase("--fhir", f"holds {len(groups)} patients; 'her2nav batch --fhir' gives one result "
                          "per patient")
    return read_patient(groups[0], options)


def case_from_fhir(path: str, stdin: BinaryIO | None, flags: CaseFlags,
                   options: FhirOptions = DEFAULT_OPTIONS) -> tuple[object, tuple[Provenance, ...]]:
    """The case mapping of the one patient in a FHIR file, flags applied, and where each fact came from."""
    return settle(reading_from_fhir(path, stdin, options), flags)

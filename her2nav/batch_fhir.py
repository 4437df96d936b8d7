"""`her2nav batch --fhir`: one result line per patient of a Bulk FHIR export or a folder of bundles.

Output line N answers the N-th patient in order of first appearance in the input (error
lines carry N as `input_line`). The resources are grouped by their subject or patient
reference, so the whole export is read before the first result; each patient is then
navigated and written in turn, like the lines of a JSON Lines batch.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import BinaryIO

from her2nav.batch import BatchSummary, InputLine, run_batch
from her2nav.errors import Her2navError
from her2nav.navigate import Settings
from her2nav.navigate_fhir import navigate_fhir
from her2nav.read.fhir.reader import DEFAULT_OPTIONS, FhirOptions, group_patients, read_patient
from her2nav.read.fhir.source import Entry, read_fhir_batch
from her2nav.read.flags import CaseFlags
from her2nav.render.formats import OutcomeWriter
from her2nav.result import BatchOutcome, CaseFailure


def run_fhir_batch(path: str, stdin: BinaryIO, settings: Settings, writer: OutcomeWriter,
                   on_bug: Callable[[int, str], None] | None = None,
                   options: FhirOptions = DEFAULT_OPTIONS) -> BatchSummary:
    patients = group_patients(read_fhir_batch(path, stdin))

    def navigate_one(line: InputLine, line_settings: Settings) -> BatchOutcome:
        return navigate_patient(patients[line.number - 1], line.number, line_settings, options)

    lines = (InputLine(number, b"", 0) for number in range(1, len(patients) + 1))
    return run_batch(lines, settings, writer, on_bug=on_bug, navigate_one=navigate_one)


def navigate_patient(entries: Sequence[Entry], number: int, settings: Settings,
                     options: FhirOptions = DEFAULT_OPTIONS) -> BatchOutcome:
    case_id = None
    try:
        reading = read_patient(entries, options)
        case_id = reading.mapping.get("id")
        return navigate_fhir(reading, CaseFlags(scalars={}), settings)
    except Her2navError as error:
        return CaseFailure(number, case_id, error.exit_status, error.message)

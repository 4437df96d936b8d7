"""FHIR input as a list of resources, each with the place it was found.

Accepted: a Bundle of any type (collection, searchset, transaction, document, ...), a single
resource, Bulk FHIR NDJSON (one resource per line), or, for a batch, a folder of such files.
Places are positions (`entry[3]`, `line 4`, `file 2 entry[3]`), never resource ids, which may
be record numbers. The limits are those of a JSON case (read/sources.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from attrs import frozen

from her2nav.errors import InvalidCase
from her2nav.read.json_text import parse_json_text
from her2nav.read.sources import MAX_INPUT_BYTES
from her2nav.values import Value

MAX_BUNDLE_DEPTH = 3  # a document bundle inside a batch bundle, and no further
MAX_BATCH_BYTES = 40 * MAX_INPUT_BYTES  # a clinic list of exports, read whole to group it by patient


@frozen(repr=False)
class Entry(Value):
    """One resource and where it was found."""

    resource: dict[str, Any]
    place: str
    full_url: str | None = None

    @property
    def kind(self) -> str:
        kind = self.resource.get("resourceType")
        return kind if isinstance(kind, str) else "unknown"

    def describe(self) -> str:
        return f"{self.kind} {self.place}"


def read_fhir_source(path: str, stdin: BinaryIO | None = None) -> list[Entry]:
    """The resources of one FHIR file (or standard input for '-'), in order."""
    if path != "-" and Path(path).is_dir():
        raise InvalidCase("--fhir", f"{path}: is a folder; 'her2nav batch --fhir' reads a folder of bundles")
    data = _read_bytes(path, stdin, MAX_INPUT_BYTES)
    source = "standard input" if path == "-" else path
    return list(_entries_of_text(data, source, ""))


def read_fhir_batch(path: str, stdin: BinaryIO) -> list[Entry]:
    """The resources of an NDJSON file, a bundle, or every .json/.ndjson file of a folder (in name order)."""
    folder = Path(path)
    if path == "-" or not folder.is_dir():
        data = _read_bytes(path, stdin, MAX_BATCH_BYTES)
        return list(_entries_of_text(data, "standard input" if path == "-" else path, ""))
    files = sorted(p for p in folder.iterdir() if p.suffix.lower() in (".json", ".ndjson") and p.is_file())
    if not files:
        raise InvalidCase("--fhir", f"{path}: holds no .json or .ndjson files")
    entries: list[Entry] = []
    total = 0
    for number, file in enumerate(files, start=1):
        data = _read_bytes(str(file), stdin, MAX_INPUT_BYTES)
        total += len(data)
        if total > MAX_BATCH_BYTES:
            raise InvalidCase("--fhir", f"{path}: larger than {MAX_BATCH_BYTES // (1024 * 1024)} MB in all")
        # the file's place is its number: a file name may carry a patient's name
        entries.extend(_entries_of_text(data, f"file {number}", f"file {number} "))
    return entries


def _read_bytes(path: str, stdin: BinaryIO | None, limit: int) -> bytes:
    if path == "-":
        if stdin is None:
            import sys

            stdin = sys.stdin.buffer
        data = stdin.read(limit + 1)
    else:
        try:
            with Path(path).open("rb") as handle:
                data = handle.read(limit + 1)
        except FileNotFoundError:
            raise InvalidCase(path, "no such file") from None
        except OSError as error:
            raise InvalidCase(path, f"cannot be read: {error.strerror}") from None
    if len(data) > limit:
        source = "standard input" if path == "-" else path
        raise InvalidCase(source, f"larger than {limit // (1024 * 1024)} MB: not a FHIR export of one case")
    return data


def _entries_of_text(data: bytes, source: str, prefix: str) -> Iterator[Entry]:
    lines = [line for line in data.splitlines() if line.strip()]
    if len(lines) > 1 and _looks_like_ndjson(lines[0]):
        for number, line in enumerate(data.splitlines(), start=1):
            if line.strip():
                value = parse_json_text(line, f"{source} line {number}")
                yield from _entries_of_value(value, f"{prefix}line {number}", f"{source} line {number}", 0)
        return
    value = parse_json_text(data, source)
    yield from _entries_of_value(value, prefix.strip() or "resource", source, 0)


def _looks_like_ndjson(first_line: bytes) -> bool:
    text = first_line.strip()
    return text.startswith(b"{") and text.endswith(b"}")


def _entries_of_value(value: object, place: str, source: str, depth: int) -> Iterator[Entry]:
    if not isinstance(value, dict) or not isinstance(value.get("resourceType"), str):
        raise InvalidCase(source, "not a FHIR resource: expected a JSON object with a resourceType")
    if value["resourceType"] != "Bundle":
        yield Entry(value, place)
        return
    if depth >= MAX_BUNDLE_DEPTH:
        raise InvalidCase(source, f"bundles nested more than {MAX_BUNDLE_DEPTH} deep")
    entries = value.get("entry", [])
    if not isinstance(entries, list):
        raise InvalidCase(f"{source}: Bundle.entry", "must be a list")
    inner = "" if place in ("resource", "") else f"{place} "
    for index, item in enumerate(entries):
        resource = item.get("resource") if isinstance(item, dict) else None
        if not isinstance(resource, dict):
            continue  # a search outcome or a deleted entry: nothing to read
        here = f"{inner}entry[{index}]"
        if resource.get("resourceType") == "Bundle":
            yield from _entries_of_value(resource, here, source, depth + 1)
        elif isinstance(resource.get("resourceType"), str):
            full_url = item.get("fullUrl")
            yield Entry(resource, here, full_url if isinstance(full_url, str) else None)


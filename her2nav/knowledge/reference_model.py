"""The shape of one published source the navigator may cite."""

from __future__ import annotations

import enum

from attrs import frozen

from her2nav.values import Value


class SourceKind(enum.StrEnum):
    TRIAL = "trial"
    META_ANALYSIS = "meta_analysis"
    REVIEW = "review"
    GUIDELINE = "guideline"
    CONSENSUS = "consensus"
    LABEL = "label"  # a drug label or summary of product characteristics: no DOI or PMID exists
    SOURCE = "source"  # the article this navigator was built from (clinical-rules.md 10.10): no DOI or PMID


LABEL_HAS_NO_IDENTIFIER = "a drug label: no DOI or PMID exists; find it by the issuer and drug name"
IDENTIFIER_NOT_VERIFIED = "no DOI or PMID verified; find it by the citation"
SOURCE_HAS_NO_IDENTIFIER = "the source article: a patient-education article with no DOI or PMID; find it by its title"


@frozen(repr=False)
class Reference(Value):
    """A study, guideline or label, with only identifiers and numbers that were verified."""

    id: str
    trial: str
    first_author: str | None
    journal: str
    year: int | None
    finding: str
    kind: SourceKind = SourceKind.TRIAL
    volume_pages: str | None = None
    doi: str | None = None
    pmid: str | None = None

    @property
    def citation(self) -> str:
        """Authors, journal, year and volume:pages, as far as they are known."""
        parts = []
        if self.first_author:
            parts.append(f"{self.first_author} et al.")
        source = self.journal
        if self.year is not None:
            source += f" {self.year}"
        if self.volume_pages:
            source += f";{self.volume_pages}"
        parts.append(source)
        return " ".join(parts)

    @property
    def identifier_note(self) -> str | None:
        """Why the source has no DOI or PMID, when it has neither."""
        if self.kind is SourceKind.LABEL:
            return LABEL_HAS_NO_IDENTIFIER
        if self.kind is SourceKind.SOURCE:
            return SOURCE_HAS_NO_IDENTIFIER
        if not (self.doi or self.pmid):
            return IDENTIFIER_NOT_VERIFIED
        return None

    @property
    def citable(self) -> bool:
        """Whether the navigator may print it as evidence.

        A label names its issuer; any other source needs its trial, first author, journal and
        year, so that a reader can find it.
        """
        if self.kind in (SourceKind.LABEL, SourceKind.SOURCE):
            return bool(self.journal)
        return bool(self.trial and self.first_author and self.journal and self.year is not None)

    @property
    def short(self) -> str:
        """A short label for tables: trial and year."""
        return f"{self.trial} {self.year}" if self.year is not None else self.trial

"""Cautions as the decisions make them: each its stable code beside its words.

A code is chosen where the caution is decided and registered in knowledge/caution_codes.py; the
result keeps the words (`cautions`, the public contract) and the codes (`caution_codes`) apart,
in the same order.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from attrs import evolve

from her2nav.decide.candidate import Candidate
from her2nav.result import SiteOption, SystemicOption

Coded = tuple[str, str]  # (code, words)
Cautioned = TypeVar("Cautioned", Candidate, SystemicOption, SiteOption)


def split(cautions: Iterable[Coded]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words and the codes of `cautions`, each set of words once (the first one's code kept)."""
    unique: dict[str, str] = {}
    for code, text in cautions:
        unique.setdefault(text, code)
    return tuple(unique), tuple(unique.values())


def paired(texts: tuple[str, ...], codes: tuple[str, ...]) -> list[Coded]:
    """The (code, words) pairs of an option's parallel lists."""
    return list(zip(codes, texts, strict=True))


def with_caution(item: Cautioned, code: str, text: str, *, first: bool = False, **changes: Any) -> Cautioned:
    """`item` with one more caution (last, or `first`), its code beside it, and any other `changes`."""
    if first:
        return evolve(item, cautions=(text, *item.cautions), caution_codes=(code, *item.caution_codes), **changes)
    return evolve(item, cautions=(*item.cautions, text), caution_codes=(*item.caution_codes, code), **changes)

"""Whether the case is one this navigator covers (clinical-rules.md section 0)."""

from __future__ import annotations

from her2nav.case import Case, Her2, Ish
from her2nav.errors import OutOfScope
from her2nav.knowledge.scope import DISCORDANT_NOT_POSITIVE_TEXT, OUT_OF_SCOPE_TEXT


def check_scope(case: Case) -> None:
    if case.her2 is Her2.POSITIVE:
        return
    if case.her2_discordant:
        tests = f"IHC {case.her2_ihc.value if case.her2_ihc else '?'}, ISH {_ish_words(case.her2_ish)}"
        raise OutOfScope(DISCORDANT_NOT_POSITIVE_TEXT.format(her2=case.her2.value, tests=tests))
    raise OutOfScope(OUT_OF_SCOPE_TEXT[case.her2])


def _ish_words(ish: Ish | None) -> str:
    return ish.value.replace("_", " ") if ish else "not given"

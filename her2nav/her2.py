"""HER2 status from the tests, by the ASCO/CAP rules of the contract (clinical-rules.md 10.9)."""

from __future__ import annotations

from her2nav.errors import InvalidCase
from her2nav.fields import describe
from her2nav.terms import Her2, Ihc, Ish


def her2_tests_discordant(ihc: Ihc | None, ish: Ish | None) -> bool:
    """IHC and ISH disagree outright: IHC 3+ not amplified, or IHC 0/1+ amplified (clinical-rules.md 10.9)."""
    return (ihc is Ihc.THREE and ish is Ish.NOT_AMPLIFIED) or (ihc in (Ihc.ZERO, Ihc.ONE) and ish is Ish.AMPLIFIED)


def derive_her2(given: Her2 | None, ihc: Ihc | None, ish: Ish | None) -> Her2:
    """HER2 status by the ASCO/CAP rules of the contract; a contradiction is invalid.

    Discordant tests are read the same way in both directions (10.9): a `her2` given beside them
    is the pathologist's reading after review and stands; without it the case is read as
    positive (IHC 3+ is positive under ASCO/CAP 2018; ISH amplified is read as positive, as
    without IHC), and the result asks for pathology review of the two tests.
    """
    if her2_tests_discordant(ihc, ish):
        return given if given is not None else Her2.POSITIVE
    derived = _her2_from_tests(ihc, ish)
    if given is None:
        if derived is None:
            raise InvalidCase("her2", "required: give her2, or her2_ihc and/or her2_ish",
                              [h.value for h in Her2])
        return derived
    if derived is None or derived is given or (given is Her2.ULTRALOW and derived is Her2.NEGATIVE):
        return given
    tests = ", ".join(f"{name} {value.value}" for name, value in (("IHC", ihc), ("ISH", ish)) if value)
    raise InvalidCase("her2", f"{describe(given.value)} contradicts {tests}, which means {describe(derived.value)}")


def _her2_from_tests(ihc: Ihc | None, ish: Ish | None) -> Her2 | None:
    if ihc is Ihc.THREE:
        return Her2.POSITIVE
    if ihc is Ihc.TWO:
        return {Ish.AMPLIFIED: Her2.POSITIVE, Ish.NOT_AMPLIFIED: Her2.LOW, None: Her2.EQUIVOCAL}[ish]
    if ihc is Ihc.ONE:
        return Her2.LOW
    if ihc is Ihc.ZERO:
        return Her2.NEGATIVE
    if ish is Ish.AMPLIFIED:
        return Her2.POSITIVE
    if ish is Ish.NOT_AMPLIFIED:
        return Her2.NEGATIVE
    return None

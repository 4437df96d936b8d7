"""Lookups into a result's site-specific entries and actions, for the site and action tests."""

from __future__ import annotations

from her2nav.result import Action, ActionKind, Result, SiteOption, Tier


def entries(result: Result, site: str) -> list[SiteOption]:
    return [o for o in result.site_specific if o.site == site]


def entry(result: Result, site: str, name: str) -> SiteOption:
    """The one entry for `site` whose intervention contains `name` (case-insensitive)."""
    matches = [o for o in entries(result, site) if name.lower() in o.intervention.lower()]
    assert len(matches) == 1, f"{name!r} at {site}: {[o.intervention for o in entries(result, site)]}"
    return matches[0]


def has_entry(result: Result, site: str, name: str) -> bool:
    return any(name.lower() in o.intervention.lower() for o in entries(result, site))


def actions_of(result: Result, kind: ActionKind) -> list[Action]:
    return [a for a in result.actions if a.kind is kind]


def offered_tiers(result: Result, site: str, name: str) -> set[Tier]:
    return {o.tier for o in entries(result, site) if name.lower() in o.intervention.lower()}

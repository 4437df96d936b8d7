"""Imports point downwards only (style-notes.md, "Layers"): each rule names modules and what they may not import.

Lazy imports inside functions count too: an import that runs upward at call time is still a loop.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "her2nav"

ABOVE_THE_CORE = ("her2nav.render", "her2nav.contract", "her2nav.read", "her2nav.navigate", "her2nav.batch",
                  "her2nav.cli", "her2nav.api", "her2nav.parallel")

# (modules the rule is about, imports they may not make)
RULES = {
    "the vocabulary is the bottom layer and imports nothing of the program": (("her2nav.terms",), ("her2nav",)),
    "knowledge holds data and never reads a case or a result": (
        ("her2nav.knowledge",), ("her2nav.case", "her2nav.result", "her2nav.decide", *ABOVE_THE_CORE)),
    "the decisions and the values they use never import what shows or reads them": (
        ("her2nav.decide", "her2nav.result", "her2nav.case", "her2nav.fields", "her2nav.errors"), ABOVE_THE_CORE),
    "the renderers show a result and decide nothing": (
        ("her2nav.render",), ("her2nav.decide", "her2nav.navigate", "her2nav.batch", "her2nav.cli", "her2nav.read",
                              "her2nav.api", "her2nav.parallel")),
    "the contract's shape is encoded by the renderers, never the other way round": (
        ("her2nav.contract",), ("her2nav.render", "her2nav.cli", "her2nav.batch", "her2nav.read")),
}


def _module_name(path: Path) -> str:
    return ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts).removesuffix(".__init__")


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def _within(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == prefix or name.startswith(prefix + ".") for prefix in prefixes)


@pytest.mark.parametrize("rule", RULES)
def test_imports_point_downwards(rule: str) -> None:
    modules, forbidden = RULES[rule]
    upward = sorted(f"{_module_name(path)} imports {name}"
                    for path in PACKAGE.rglob("*.py") if _within(_module_name(path), modules)
                    for name in _imports(path) if _within(name, forbidden))
    assert upward == []


def test_every_rule_covers_some_module() -> None:
    names = [_module_name(path) for path in PACKAGE.rglob("*.py")]
    for modules, _ in RULES.values():
        assert all(any(_within(name, (prefix,)) for name in names) for prefix in modules)

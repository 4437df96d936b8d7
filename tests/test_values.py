"""Every frozen value shares one `__repr__` (her2nav/values.py) rather than having attrs compile one per
class at start-up, and that repr still shows each field as attrs would."""

from __future__ import annotations

import importlib
import pkgutil

import attrs
from attrs import field, frozen

import her2nav
from her2nav.case import Case, Site
from her2nav.terms import SiteName
from her2nav.values import Value


def _her2nav_classes() -> list[type]:
    found = []
    for module_info in pkgutil.walk_packages(her2nav.__path__, "her2nav."):
        if module_info.name == "her2nav.__main__":  # runs the command line
            continue
        module = importlib.import_module(module_info.name)
        found += [value for value in vars(module).values()
                  if isinstance(value, type) and value.__module__ == module.__name__]
    return found


def test_every_frozen_value_uses_the_shared_repr() -> None:
    built = [cls for cls in _her2nav_classes() if attrs.has(cls)]
    values = [cls for cls in built if issubclass(cls, Value)]
    assert len(values) > 40
    assert [cls.__qualname__ for cls in values if cls.__repr__ is not Value.__repr__] == []
    assert sorted(cls.__qualname__ for cls in built if cls not in values) == MUTABLE


# Writers and counters that change as a run goes (`@define`): not values, they keep attrs' own repr.
MUTABLE = ["BatchSummary", "CsvWriter", "HtmlWriter", "MarkdownWriter", "ProgressBar", "Resumed"]


def test_the_shared_repr_names_the_class_and_every_field() -> None:
    site = Site(SiteName.LUNG, lesions=5)
    assert repr(site) == ("Site(site=<SiteName.LUNG: 'lung'>, lesions=5, symptoms=(), status=None, "
                          "leptomeningeal=False, assumed=frozenset())")
    case = Case.from_mapping({"her2": "positive", "er": "negative", "presentation": "de_novo",
                              "sites": [{"site": "bone"}]})
    assert repr(case).startswith("Case(presentation=<Presentation.DE_NOVO: 'de_novo'>, her2=<Her2.POSITIVE")


@frozen(repr=False)
class _Masked(Value):
    secret: str = field(repr=lambda _: "***")
    shown: int = 1


def test_a_field_s_own_repr_function_is_used_as_attrs_would() -> None:
    assert repr(_Masked("a name")) == "_Masked(secret=***, shown=1)"

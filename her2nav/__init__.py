"""her2nav: a treatment navigator for metastatic HER2-positive breast cancer.

The public Python interface (README, "Using from Python"):

    from her2nav import load_case, navigate, to_dict
    result = navigate(load_case({"her2_ihc": "3+", "er": "negative", ...}))
    to_dict(result)     # exactly the JSON result of `her2nav recommend --format json`

Importing the package loads nothing else: each name is imported the first time it is used,
so `import her2nav` stays as quick as the command line's start-up needs.
"""

from __future__ import annotations

import sys
import types
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "Case",
    "Her2navError",
    "InvalidCase",
    "OutOfScope",
    "Result",
    "Settings",
    "__version__",
    "load_case",
    "navigate",
    "navigate_record",
    "to_dict",
]

if TYPE_CHECKING:
    from her2nav.api import load_case, navigate_record
    from her2nav.case import Case
    from her2nav.contract import to_dict
    from her2nav.errors import Her2navError, InvalidCase, OutOfScope
    from her2nav.navigate import Settings, navigate
    from her2nav.result import Result

_HOME = {
    "Case": "her2nav.case",
    "Her2navError": "her2nav.errors",
    "InvalidCase": "her2nav.errors",
    "OutOfScope": "her2nav.errors",
    "Result": "her2nav.result",
    "Settings": "her2nav.navigate",
    "load_case": "her2nav.api",
    "navigate": "her2nav.navigate",
    "navigate_record": "her2nav.api",
    "to_dict": "her2nav.contract",
}


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module 'her2nav' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


class _Package(types.ModuleType):
    """The package, whose `navigate` stays the function when its submodule `navigate` is loaded.

    Python binds a submodule to its package's attribute of the same name on first import, so
    `from her2nav import navigate` would give the module after any code imported
    `her2nav.navigate` first. The submodule stays reachable as `sys.modules["her2nav.navigate"]`.
    """

    def __setattr__(self, name: str, value: object) -> None:
        if name == "navigate" and isinstance(value, types.ModuleType):
            value = value.navigate
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package

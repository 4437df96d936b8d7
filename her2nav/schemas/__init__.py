"""The JSON Schemas (draft 2020-12) of the case and the result, shipped with the package.

`her2nav schema case|result` prints them; scripts in any language validate against them.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

SCHEMA_NAMES = ("case", "result")


def schema_text(name: str) -> str:
    """The schema as its file holds it (`case` or `result`)."""
    if name not in SCHEMA_NAMES:
        raise ValueError(f"no schema named {name!r}; there are {', '.join(SCHEMA_NAMES)}")
    return resources.files(__package__).joinpath(f"{name}.schema.json").read_text(encoding="utf-8")


def load_schema(name: str) -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(schema_text(name))
    return schema

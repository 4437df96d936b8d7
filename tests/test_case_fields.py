"""One list of case fields: `case.CASE_FIELDS`, the table in docs/case-format.md and recommend's flags agree."""

from __future__ import annotations

import re

import typer

from her2nav.case import CASE_FIELDS
from her2nav.cli import app
from tests.clirun import ROOT

# A field whose flag is not the field's name with - for _: list fields take one item per flag.
FLAG_OF = {"treatments": "--treatment", "sites": "--site", "conditions": "--condition",
           "primary_tumor": "--primary"}
NO_FLAG = {"schema_version"}  # how the file is read, not a fact of the patient


def _documented_case_fields() -> list[str]:
    text = (ROOT / "docs" / "case-format.md").read_text(encoding="utf-8")
    table = text.split("| field | type | values and meaning |", 1)[1].split("\n\n", 1)[0]
    return re.findall(r"^\| `(\w+)` \|", table, re.M)


def _recommend_flags() -> set[str]:
    command = typer.main.get_command(app).commands["recommend"]
    return {name for param in command.params for name in (*param.opts, *param.secondary_opts)}


def test_the_documented_fields_are_the_fields_the_case_reads() -> None:
    assert _documented_case_fields() == list(CASE_FIELDS)


def test_every_case_field_has_its_flag() -> None:
    flags = _recommend_flags()
    missing = [field for field in CASE_FIELDS if field not in NO_FLAG
               and FLAG_OF.get(field, "--" + field.replace("_", "-")) not in flags]
    assert missing == []

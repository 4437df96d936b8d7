"""The Python interface: `from her2nav import navigate, load_case, Case, Result`, the same as the CLI."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

import her2nav
from her2nav import Case, InvalidCase, OutOfScope, Result, Settings, load_case, navigate, navigate_record, to_dict
from tests.clirun import EXAMPLES, ROOT, run_cli
from tests.conftest import case_mapping

EXAMPLE = EXAMPLES / "second-line-after-thp.json"


def test_the_public_names_are_listed_in_all_and_each_resolves() -> None:
    assert {"navigate", "load_case", "Case", "Result", "Settings", "navigate_record"} <= set(her2nav.__all__)
    for name in her2nav.__all__:
        assert getattr(her2nav, name) is not None


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'naviagte'"):
        _ = her2nav.naviagte  # type: ignore[attr-defined]


@pytest.mark.slow
def test_navigate_stays_the_function_after_its_module_is_imported() -> None:
    # Python binds a submodule to the package attribute of its name: the function must win.
    importlib.import_module("her2nav.navigate")
    assert callable(her2nav.navigate) and her2nav.navigate.__name__ == "navigate"
    code = ("import her2nav.navigate, her2nav.cli; from her2nav import navigate; "
            "import types; print(isinstance(navigate, types.FunctionType))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "True"


@pytest.mark.slow
def test_importing_the_package_loads_nothing_else() -> None:
    code = ("import sys, her2nav; print(sorted(m for m in sys.modules if m.startswith(('her2nav', 'rich', "
            "'typer', 'attrs'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert json.loads(out.stdout.replace("'", '"')) == ["her2nav"]


@pytest.mark.slow
def test_navigating_a_case_never_imports_rich() -> None:
    code = ("import sys; from her2nav import load_case, navigate, to_dict; "
            f"to_dict(navigate(load_case({str(EXAMPLE)!r}))); print('rich' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "False"


def test_to_dict_is_exactly_the_json_the_command_prints() -> None:
    result = navigate(load_case(EXAMPLE))
    assert isinstance(result, Result) and isinstance(result.case, Case)
    assert to_dict(result) == run_cli("recommend", str(EXAMPLE), "--format", "json").json()


def test_load_case_reads_a_path_a_string_path_or_a_mapping_alike() -> None:
    mapping = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    assert load_case(EXAMPLE) == load_case(str(EXAMPLE)) == load_case(mapping)


def test_load_case_names_the_bad_field() -> None:
    with pytest.raises(InvalidCase, match=r"^ecog: 7 is out of range"):
        load_case(case_mapping(ecog=7))
    with pytest.raises(InvalidCase, match="no such file"):
        load_case(Path("no-such-case.json"))


def test_navigate_raises_out_of_scope_for_a_her2_low_case() -> None:
    with pytest.raises(OutOfScope, match="HER2 is not positive"):
        navigate(load_case(case_mapping(her2_ihc="1+")))


def test_settings_change_the_early_relapse_window() -> None:
    relapse = case_mapping(presentation="recurrence", treatments=[
        {"drugs": ["trastuzumab"], "setting": "adjuvant", "months_to_recurrence": 9}])
    assert navigate(load_case(relapse)).line == 2
    assert navigate(load_case(relapse), Settings(early_relapse_months=6)).line == 1


def test_a_record_is_a_batch_line_a_result_or_an_error_with_the_same_keys() -> None:
    good = navigate_record(case_mapping(id="good"))
    bad = navigate_record(case_mapping(id="bad", ecog=7))
    assert good.keys() == bad.keys()
    assert good["error"] is None and good["line"] == 1
    assert bad["id"] == "bad" and bad["line"] is None and bad["systemic"] == []
    assert bad["error"]["code"] == 2 and bad["error"]["input_line"] is None
    assert bad["error"]["message"].startswith("ecog: 7 is out of range")


def test_a_record_with_reference_ids_lists_ids_only() -> None:
    record = navigate_record(case_mapping(), references="ids")
    cited = {ref_id for option in record["systemic"] + record["site_specific"] for ref_id in option["evidence"]}
    assert set(record["references"]) == cited


def test_the_package_declares_its_types() -> None:
    assert (ROOT / "her2nav" / "py.typed").is_file()
    assert "py.typed" in (ROOT / "pyproject.toml").read_text(encoding="utf-8")


def test_a_record_reads_one_line_of_json_text_as_batch_does() -> None:
    line = json.dumps(case_mapping(id="as text"))
    assert navigate_record(line) == navigate_record(line.encode()) == navigate_record(json.loads(line))
    cut = navigate_record('{"id": "cut", ')
    assert cut["error"]["code"] == 2 and "not valid JSON" in cut["error"]["message"]
    assert cut.keys() == navigate_record(line).keys()


def test_the_api_refuses_dates_after_the_day_the_history_is_told_on_as_the_command_line_does() -> None:
    """A dated history in the future was navigated through the API while `recommend` refused it."""
    import datetime

    dated = json.loads((EXAMPLES / "dated-history.json").read_text(encoding="utf-8"))
    with pytest.raises(InvalidCase):
        load_case(dated, as_of=datetime.date(2022, 1, 1))
    assert load_case(dated, as_of=datetime.date(2026, 11, 29)).metastatic_diagnosis is not None
    record = navigate_record(dated, Settings(as_of=datetime.date(2022, 1, 1)))
    assert record["error"]["code"] == 2

"""The command line: one test per exit code of the contract, every input route, and the JSON output."""

from __future__ import annotations

import importlib
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from her2nav.cli import main
from tests.conftest import case_mapping

# `her2nav.navigate` is the public function; the module is patched where the CLI looks it up.
NAVIGATE_MODULE = importlib.import_module("her2nav.navigate")

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "de-novo-hr-negative.json"

# flags for a complete de novo HR-negative HER2-positive case
BASE_FLAGS = ["--her2", "positive", "--er", "negative", "--pr", "negative", "--presentation", "de_novo",
              "--ecog", "1", "--lvef", "60", "--creatinine-clearance", "80", "--menopausal-status", "post",
              "--site", "liver:3"]


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _json(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, Any]:
    code, out, err = _run(capsys, "recommend", *args, "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert isinstance(data, dict)
    return data


def _write(tmp_path: Path, data: object, name: str = "case.json") -> str:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data))
    return str(path)


def _option(result: dict[str, Any], regimen: str) -> dict[str, Any]:
    found: list[dict[str, Any]] = [o for o in result["systemic"] if o["regimen"] == regimen]
    assert found, [o["regimen"] for o in result["systemic"]]
    return found[0]


# ---------------------------------------------------------------- exit 0


def test_exit_0_table_for_an_example(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "recommend", str(EXAMPLE), "--width", "160")
    assert code == 0, err
    assert "THP" in out
    assert "verify against current guidelines" in out


def test_exit_0_json_has_the_contract_fields(capsys: pytest.CaptureFixture[str]) -> None:
    result = _json(capsys, str(EXAMPLE))
    for field in ("schema_version", "knowledge_base", "case", "line", "line_reason", "systemic", "site_specific",
                  "actions", "trace", "references"):
        assert field in result, field
    assert result["schema_version"] == "2"
    assert set(result["knowledge_base"]) >= {"version", "evidence_as_of"}
    assert len(result["knowledge_base"]["evidence_as_of"]) == 7  # YYYY-MM
    assert isinstance(result["line"], int)
    assert result["systemic"]
    for o in result["systemic"]:
        assert set(o) >= {"regimen", "drugs", "tier", "rationale", "evidence", "cautions"}
        assert o["tier"] in ("preferred", "alternative", "consider", "avoid")
    for action in result["actions"]:
        assert set(action) >= {"kind", "text"}
    for step in result["trace"]:
        assert set(step) >= {"step", "decision", "because"}
    cited = {ref_id for o in result["systemic"] for ref_id in o["evidence"]}
    assert {ref["id"] for ref in result["references"]} >= cited
    for ref in result["references"]:
        assert set(ref) >= {"trial", "citation", "finding"}


def test_json_echoes_the_id(capsys: pytest.CaptureFixture[str]) -> None:
    result = _json(capsys, *BASE_FLAGS, "--id", "tumor-board-3")
    assert result["id"] == "tumor-board-3"
    assert result["case"]["id"] == "tumor-board-3"


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "--version")
    assert code == 0
    assert "knowledge base" in out


# ---------------------------------------------------------------- input routes


def test_standard_input(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    data = json.dumps(case_mapping(id="from-stdin")).encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    result = _json(capsys, "-")
    assert result["id"] == "from-stdin"
    assert result["line"] == 1


def test_flags_alone(capsys: pytest.CaptureFixture[str]) -> None:
    result = _json(capsys, *BASE_FLAGS)
    assert result["line"] == 1
    assert result["case"]["her2"] == "positive"
    assert result["case"]["sites"] == [{"site": "liver", "lesions": 3, "symptoms": [], "status": None,
                                        "leptomeningeal": None}]


def test_flag_overrides_the_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """--lvef 45 asks 'what if': the file's LVEF 60 gives no cardiac caution, 45 does."""
    path = _write(tmp_path, case_mapping(lvef=60))
    before = _json(capsys, path)
    after = _json(capsys, path, "--lvef", "45")
    assert before["case"]["lvef"] == 60
    assert after["case"]["lvef"] == 45
    assert not any("LVEF" in c for c in _option(before, "THP")["cautions"])
    assert any("LVEF 45" in c for c in _option(after, "THP")["cautions"])
    assert "cardiac_assessment" in [a["kind"] for a in after["actions"]]


def test_case_option_is_the_same_as_the_argument(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = _write(tmp_path, case_mapping())
    assert _json(capsys, "--case", path) == _json(capsys, path)


def test_treatment_flag_metastatic_progression(capsys: pytest.CaptureFixture[str]) -> None:
    result = _json(capsys, *BASE_FLAGS, "--treatment", "THP:metastatic:progression")
    assert result["line"] == 2
    course = result["case"]["treatments"][0]
    assert {"trastuzumab", "pertuzumab"} <= set(course["drugs"])
    assert course["setting"] == "metastatic"
    assert course["outcome"] == "progression"


def test_treatment_flag_recurred_months(capsys: pytest.CaptureFixture[str]) -> None:
    result = _json(capsys, *BASE_FLAGS, "--presentation", "recurrence", "--metastasis-biopsied",
                   "--treatment", "trastuzumab:adjuvant:recurred=8")
    assert result["case"]["treatments"] == [
        {"drugs": ["trastuzumab"], "setting": "adjuvant", "outcome": "completed", "months_to_recurrence": 8,
         "start": None, "end": None, "toxicity": None}]
    assert result["line"] == 2
    assert "8 months" in result["line_reason"]


def test_early_relapse_months_setting(capsys: pytest.CaptureFixture[str]) -> None:
    result = _json(capsys, *BASE_FLAGS, "--presentation", "recurrence", "--metastasis-biopsied",
                   "--treatment", "trastuzumab:adjuvant:recurred=8", "--early-relapse-months", "6")
    assert result["line"] == 1


def test_site_flag_brain(capsys: pytest.CaptureFixture[str]) -> None:
    result = _json(capsys, *BASE_FLAGS, "--site", "brain:3:untreated", "--treatment", "THP:metastatic:progression")
    assert {"site": "brain", "lesions": 3, "status": "untreated"}.items() <= result["case"]["sites"][-1].items()
    assert _option(result, "Tucatinib + trastuzumab + capecitabine")["tier"] == "preferred"


def test_repeated_treatment_flags_keep_their_order(capsys: pytest.CaptureFixture[str]) -> None:
    result = _json(capsys, *BASE_FLAGS, "--treatment", "THP:metastatic:progression",
                   "--treatment", "T-DXd:metastatic:progression")
    assert result["line"] == 3
    assert result["case"]["treatments"][1]["drugs"] == ["trastuzumab deruxtecan"]


def test_condition_flag(capsys: pytest.CaptureFixture[str]) -> None:
    result = _json(capsys, *BASE_FLAGS, "--condition", "interstitial_lung_disease")
    assert _option(result, "T-DXd + pertuzumab")["tier"] == "avoid"


# ---------------------------------------------------------------- exit 2: invalid input, nothing on stdout

INVALID = [
    pytest.param(["--ecog", "abc"], ("--ecog",), id="bad flag value: --ecog abc"),
    pytest.param(["--ecog", "7"], ("ecog", "0 to 4"), id="ecog out of range"),
    pytest.param(["--er", "posative"], ("er", "positive, low, negative, unknown", "did you mean 'positive'"),
                 id="bad enum names the allowed values"),
    pytest.param(["--treatment", "THP:palliative"], ("--treatment", "neoadjuvant, adjuvant, metastatic"),
                 id="bad treatment setting"),
    pytest.param(["--treatment", "THP:metastatic:stable"], ("--treatment", "progression"),
                 id="bad treatment outcome"),
    pytest.param(["--treatment", "Enhertoo:metastatic"], ("treatments[0].drugs[0]", "did you mean"),
                 id="unknown drug with did-you-mean"),
    pytest.param(["--site", "brian:2"], ("sites[1].site", "did you mean 'brain'"), id="bad site name"),
    pytest.param(["--site", "liver:lots"], ("--site", "lots"), id="bad site part"),
    pytest.param(["--site", "liver:bleeding"], ("sites[1].symptoms[0]", "ascites, pruritus, jaundice"),
                 id="symptom that does not belong to the site"),
    pytest.param(["--condition", "asthma"], ("conditions[0]", "pregnancy"), id="bad condition"),
    pytest.param(["--format", "xml"], ("--format",), id="bad output format"),
]


@pytest.mark.parametrize(("flags", "says"), INVALID)
def test_exit_2_invalid_flag(capsys: pytest.CaptureFixture[str], flags: list[str], says: tuple[str, ...]) -> None:
    code, out, err = _run(capsys, "recommend", *BASE_FLAGS, *flags)
    assert code == 2
    assert out == ""
    assert "Traceback" not in err
    for fragment in says:
        assert fragment in err, f"{fragment!r} not in: {err}"


def test_exit_2_bad_json(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = _run(capsys, "recommend", _write(tmp_path, '{"her2": "positive",'))
    assert (code, out) == (2, "")
    assert "not valid JSON" in err
    assert "Traceback" not in err


def test_exit_2_unknown_field_with_did_you_mean(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = _run(capsys, "recommend", _write(tmp_path, case_mapping(lvf=45)))
    assert (code, out) == (2, "")
    assert "lvf" in err
    assert "did you mean 'lvef'" in err


def test_exit_2_bad_enum_names_allowed_values(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = _run(capsys, "recommend", _write(tmp_path, case_mapping(presentation="metastatic")))
    assert (code, out) == (2, "")
    assert "presentation" in err
    assert "de_novo, recurrence" in err


def test_exit_2_missing_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    missing = str(tmp_path / "no-such-case.json")
    code, out, err = _run(capsys, "recommend", missing)
    assert (code, out) == (2, "")
    assert "no-such-case.json" in err
    assert "no such file" in err


def test_exit_2_empty_standard_input(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    code, out, err = _run(capsys, "recommend", "-")
    assert (code, out) == (2, "")
    assert "standard input" in err


def test_exit_2_json_that_is_not_an_object(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = _run(capsys, "recommend", _write(tmp_path, "[1, 2]"))
    assert (code, out) == (2, "")


# ---------------------------------------------------------------- exit 3: out of scope


def test_exit_3_equivocal_says_order_ish(capsys: pytest.CaptureFixture[str]) -> None:
    flags = [f for f in BASE_FLAGS]
    flags[flags.index("--her2") : flags.index("--her2") + 2] = ["--her2-ihc", "2+"]
    code, out, err = _run(capsys, "recommend", *flags)
    assert (code, out) == (3, "")
    assert "order ISH" in err


@pytest.mark.parametrize("her2", [pytest.param(["--her2-ihc", "1+"], id="IHC 1+"),
                                  pytest.param(["--her2-ihc", "2+", "--her2-ish", "not_amplified"],
                                               id="IHC 2+ ISH not amplified")])
def test_exit_3_her2_low_says_outside_scope(capsys: pytest.CaptureFixture[str], her2: list[str]) -> None:
    flags = [f for f in BASE_FLAGS]
    flags[flags.index("--her2") : flags.index("--her2") + 2] = her2
    code, out, err = _run(capsys, "recommend", *flags, "--format", "json")
    assert (code, out) == (3, "")
    assert "HER2-positive disease only" in err or "outside" in err
    assert "HER2-negative pathway" in err


# ---------------------------------------------------------------- exit 1: internal error


def _explode(*_args: object, **_kwargs: object) -> None:
    raise RuntimeError("boom: simulated bug")


def test_exit_1_internal_error_is_one_line(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(NAVIGATE_MODULE, "navigate", _explode)
    code, out, err = _run(capsys, "recommend", *BASE_FLAGS)
    assert (code, out) == (1, "")
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err
    assert "--debug" in err


def test_exit_1_debug_shows_the_traceback(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(NAVIGATE_MODULE, "navigate", _explode)
    code, out, err = _run(capsys, "--debug", "recommend", *BASE_FLAGS)
    assert (code, out) == (1, "")
    assert "Traceback" in err
    assert "boom: simulated bug" in err


# ---------------------------------------------------------------- python -m her2nav


def _module(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "her2nav", *args], input=stdin, capture_output=True,
                          cwd=ROOT, timeout=120, check=False)


def test_python_m_her2nav_json() -> None:
    done = _module("recommend", str(EXAMPLE), "--format", "json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["line"] == 1
    assert done.stderr == b""


def test_python_m_her2nav_stdin_out_of_scope() -> None:
    case = json.dumps(case_mapping(her2_ihc="2+")).encode()
    done = _module("recommend", "-", "--format", "json", stdin=case)
    assert done.returncode == 3
    assert done.stdout == b""
    assert b"order ISH" in done.stderr

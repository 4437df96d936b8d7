"""The command line as a user meets it: exit codes, streams, formats and terminal conventions."""

from __future__ import annotations

import importlib
import json
import os
import pty
import re
import select
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from her2nav import __version__
from her2nav.case import Case
from her2nav.knowledge import EVIDENCE_AS_OF, KNOWLEDGE_BASE_VERSION
from her2nav.navigate import navigate
from tests.clirun import EXAMPLES, ROOT, run_cli

ILD_EXAMPLE = str(EXAMPLES / "ild-and-low-lvef.json")
ESCAPE = "\x1b["
COLOUR = re.compile(r"\x1b\[[0-9;]*(3[0-9]|9[0-7]|38;)[0-9;]*m")


def program(*args: str, env: dict[str, str] | None = None, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    """Run `python -m her2nav` as a separate process, its output piped (not a terminal)."""
    full_env = {key: value for key, value in os.environ.items() if key not in ("NO_COLOR", "FORCE_COLOR")}
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "her2nav", *args], input=stdin, capture_output=True,
                          env=full_env, cwd=ROOT, timeout=60, check=False)


# ------------------------------------------------------------------ --version


def test_version_names_the_program_and_the_knowledge_base() -> None:
    run = run_cli("--version")
    assert run.code == 0
    assert run.stdout == (f"her2nav {__version__}; knowledge base {KNOWLEDGE_BASE_VERSION}, "
                          f"evidence as of {EVIDENCE_AS_OF}\n")
    assert re.fullmatch(r"\d{4}-\d{2}", EVIDENCE_AS_OF)


def test_python_dash_m_is_the_same_program() -> None:
    done = program("--version")
    assert done.returncode == 0
    assert done.stdout.decode() == run_cli("--version").stdout


# ------------------------------------------------------------------ recommend: one test per exit path


def test_recommend_exits_0_with_a_result() -> None:
    run = run_cli("recommend", ILD_EXAMPLE, "--format", "json")
    assert run.code == 0
    assert run.json()["id"] == "board-06 ILD and LVEF 45 after THP"
    assert run.stderr == ""


def test_recommend_exits_2_on_an_invalid_value_naming_the_field_and_the_allowed_values() -> None:
    run = run_cli("recommend", "--her2-ihc", "3+", "--er", "negativ", "--presentation", "de_novo",
                  "--site", "liver")
    assert run.code == 2
    assert run.stdout == ""
    assert run.stderr == ('her2nav: er: "negativ" is not a known value; allowed: positive, low, negative, '
                          "unknown (did you mean 'negative'?)\n")


def test_recommend_exits_2_on_an_unreadable_file() -> None:
    run = run_cli("recommend", "no-such-case.json")
    assert (run.code, run.stdout) == (2, "")
    assert run.stderr == "her2nav: no-such-case.json: no such file\n"


def test_recommend_exits_2_on_a_bad_flag_value() -> None:
    run = run_cli("recommend", ILD_EXAMPLE, "--format", "pdf")
    assert run.code == 2
    assert "'pdf' is not one of 'table', 'json', 'markdown', 'html'" in run.stderr


def test_recommend_exits_3_outside_the_scope_saying_why() -> None:
    run = run_cli("recommend", "--her2-ihc", "1+", "--er", "negative", "--presentation", "de_novo",
                  "--site", "liver")
    assert (run.code, run.stdout) == (3, "")
    assert run.stderr.startswith("her2nav: HER2 is not positive")


def test_recommend_exits_1_on_a_bug_without_a_traceback_unless_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: Any) -> Any:
        raise ZeroDivisionError("a bug")

    # `her2nav.navigate` is the function (the public interface); the module is patched where the CLI looks.
    monkeypatch.setattr(importlib.import_module("her2nav.navigate"), "navigate", broken)
    run = run_cli("recommend", ILD_EXAMPLE)
    assert (run.code, run.stdout) == (1, "")
    assert run.stderr == "her2nav: internal error (a bug); run again with --debug for details\n"
    debug = run_cli("--debug", "recommend", ILD_EXAMPLE)
    assert debug.code == 1
    assert "Traceback" in debug.stderr and "ZeroDivisionError: a bug" in debug.stderr


def test_recommend_reads_standard_input() -> None:
    run = run_cli("recommend", "-", "--format", "json", stdin=Path(ILD_EXAMPLE).read_bytes())
    assert run.code == 0
    assert run.json()["line"] == 2


def test_recommend_markdown_is_the_handout() -> None:
    from her2nav.render.markdown import render_markdown

    run = run_cli("recommend", ILD_EXAMPLE, "--format", "markdown", "--date", "2026-11-29")
    assert run.code == 0
    case = Case.from_mapping(json.loads(Path(ILD_EXAMPLE).read_text(encoding="utf-8")))
    assert run.stdout == render_markdown(navigate(case), prepared="2026-11-29")
    assert run.stdout.startswith("# Tumor-board handout: board-06 ILD and LVEF 45 after THP\n")


# ------------------------------------------------------------------ --explain


def test_explain_shows_each_decision_with_its_facts_and_the_options_ruled_out() -> None:
    run = run_cli("recommend", ILD_EXAMPLE, "--explain", "--width", "1000")
    assert run.code == 0
    table_end = run.stdout.index("Knowledge base")
    tree = run.stdout[run.stdout.index("How the navigator decided"):]
    assert run.stdout.index("How the navigator decided") > table_end
    case = Case.from_mapping(json.loads(Path(ILD_EXAMPLE).read_text(encoding="utf-8")))
    for number, step in enumerate(navigate(case).trace, start=1):
        assert f"{number}. {step.step}: {step.decision}" in tree
        assert f"because {step.because[:60]}" in tree
    ruled_out = tree[tree.index("ruled out (avoid)"):]
    assert "T-DXd (systemic)" in ruled_out
    assert "interstitial lung disease: trastuzumab deruxtecan is not offered" in ruled_out
    assert "preferred: T-DM1 (systemic)" in tree[tree.index("ruled in"):tree.index("ruled out")]


def test_without_explain_there_is_no_tree() -> None:
    assert "How the navigator decided" not in run_cli("recommend", ILD_EXAMPLE).stdout


def test_explain_adds_the_decisions_to_the_handout() -> None:
    run = run_cli("recommend", ILD_EXAMPLE, "--format", "markdown", "--explain")
    assert "## How the navigator decided\n\n1. **scope**: HER2-positive: in scope. Because: IHC 3+\n" in run.stdout


# ------------------------------------------------------------------ plain text, colour, width


def test_piped_table_output_is_plain_text() -> None:
    done = program("recommend", ILD_EXAMPLE, "--explain")
    assert done.returncode == 0
    text = done.stdout.decode()
    assert "Systemic options" in text and "How the navigator decided" in text
    assert ESCAPE not in text


def on_a_terminal(*args: str, env: dict[str, str]) -> str:
    """Run the program with standard output on a pseudo-terminal; return what it drew."""
    main_fd, child_fd = pty.openpty()
    full_env = {key: value for key, value in os.environ.items() if key not in ("NO_COLOR", "FORCE_COLOR")}
    full_env.update(env)
    process = subprocess.Popen([sys.executable, "-m", "her2nav", *args], stdout=child_fd,
                               stderr=subprocess.PIPE, env=full_env, cwd=ROOT)
    os.close(child_fd)
    chunks = []
    while True:
        ready, _, _ = select.select([main_fd], [], [], 30)
        if not ready:
            break
        try:
            chunk = os.read(main_fd, 65536)
        except OSError:  # the terminal closed when the program ended
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(main_fd)
    assert process.wait(timeout=30) == 0
    return b"".join(chunks).decode()


def test_a_terminal_gets_colour_and_no_color_turns_it_off() -> None:
    coloured = on_a_terminal("recommend", ILD_EXAMPLE, env={"TERM": "xterm-256color"})
    assert COLOUR.search(coloured), "expected colour on a terminal"
    plain = on_a_terminal("recommend", ILD_EXAMPLE, env={"TERM": "xterm-256color", "NO_COLOR": "1"})
    assert "Systemic options" in plain
    assert not COLOUR.search(plain)


def test_width_sets_the_table_width() -> None:
    run = run_cli("recommend", ILD_EXAMPLE, "--width", "160")
    widths = {len(line) for line in run.stdout.splitlines() if line.startswith(("┏", "└"))}
    assert widths == {160}


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.json")), ids=lambda p: p.stem)
def test_nothing_is_cut_off_even_at_the_narrowest_width(path: Path) -> None:
    run = run_cli("recommend", str(path), "--explain", "--width", "40")
    assert run.code == 0
    assert "…" not in run.stdout  # Rich's mark for a cell cut short


def test_width_below_40_is_refused() -> None:
    run = run_cli("recommend", ILD_EXAMPLE, "--width", "20")
    assert run.code == 2
    assert "--width" in run.stderr


# ------------------------------------------------------------------ JSON is never wrapped or coloured


LONG_ID = "board-07 " + "a very long tumor-board label [bold]not markup[/bold] " * 30


def test_json_is_whole_when_piped_into_a_narrow_terminal_width() -> None:
    args = ("--her2-ihc", "3+", "--er", "negative", "--pr", "negative", "--presentation", "de_novo",
            "--site", "liver:3", "--lvef", "60", "--ecog", "1", "--id", LONG_ID, "--format", "json")
    done = program("recommend", *args, env={"COLUMNS": "40", "FORCE_COLOR": "1"})
    assert done.returncode == 0
    assert done.stderr == b""
    result = json.loads(done.stdout)
    assert result["id"] == LONG_ID
    assert max(len(option["rationale"]) for option in result["systemic"]) > 40
    assert ESCAPE not in done.stdout.decode()


def test_batch_json_lines_are_whole_when_piped_into_a_narrow_terminal_width() -> None:
    from tests.conftest import case_mapping

    stdin = (json.dumps(case_mapping(id=LONG_ID)) + "\n" + json.dumps(case_mapping(id="short")) + "\n").encode()
    done = program("batch", "-", env={"COLUMNS": "40", "FORCE_COLOR": "1"}, stdin=stdin)
    assert done.returncode == 0
    lines = done.stdout.decode().splitlines()
    assert [json.loads(line)["id"] for line in lines] == [LONG_ID, "short"]


def test_data_is_utf8_even_when_the_locale_says_otherwise() -> None:
    done = program("recommend", ILD_EXAMPLE, "--format", "json", env={"PYTHONIOENCODING": "ascii"})
    assert done.returncode == 0, done.stderr
    text = done.stdout.decode("utf-8")
    assert any(ord(char) > 127 for char in text)  # the test needs a name such as Diéras in the output
    assert text == run_cli("recommend", ILD_EXAMPLE, "--format", "json").stdout


@pytest.mark.parametrize("command", [
    ["recommend", ILD_EXAMPLE, "--format", "json"],
    ["batch", "-"],
    ["references", "--format", "json"],
], ids=["recommend", "batch", "references"])
def test_json_output_does_not_import_rich(command: list[str]) -> None:
    """Nor markdown-it, which only the HTML handout needs."""
    code = ("import sys; from her2nav.cli import main; code = main(sys.argv[1:]); "
            "sys.stderr.write('rich loaded' if any(m.startswith(('rich', 'markdown_it')) for m in sys.modules) "
            "else 'no rich'); "
            "sys.exit(code)")
    done = subprocess.run([sys.executable, "-c", code, *command], input=Path(ILD_EXAMPLE).read_bytes().replace(
        b"\n", b"") + b"\n", capture_output=True, cwd=ROOT, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stderr.decode().endswith("no rich")


# ------------------------------------------------------------------ a reader that stops early


@pytest.mark.parametrize(("command", "copies"), [(["references"], 0), (["batch", "-"], 300)],
                         ids=["table", "json-lines"])
def test_a_reader_that_stops_early_is_not_an_error(command: list[str], copies: int, tmp_path: Path) -> None:
    cases = tmp_path / "cases.jsonl"
    cases.write_text((json.dumps(json.loads(Path(ILD_EXAMPLE).read_text(encoding="utf-8"))) + "\n") * copies,
                     encoding="utf-8")
    with cases.open("rb") as stdin:
        process = subprocess.Popen([sys.executable, "-m", "her2nav", *command], stdin=stdin,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.readline()
    process.stdout.close()  # like `| head -1`, long before the output (over 64 kB) is all written
    assert process.wait(timeout=60) == 0
    assert process.stderr.read() == b""


# ------------------------------------------------------------------ shell completion


def test_shell_completion_offers_the_commands() -> None:
    done = program(env={"_HER2NAV_COMPLETE": "complete_bash", "COMP_WORDS": "her2nav re", "COMP_CWORD": "1"})
    assert done.returncode == 0
    assert done.stdout.decode().split() == ["recommend", "references"]

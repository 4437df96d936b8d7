"""Help that follows command-line conventions: bare `her2nav` prints the help, -h and -V work,
every command's help ends with real examples, and options with fixed values list them."""

from __future__ import annotations

import shlex
import subprocess
import sys

import pytest

from her2nav import __version__
from her2nav.case import Er, Her2, Presentation
from her2nav.cli import main
from tests.clirun import ROOT

COMMANDS = ("recommend", "batch", "references")


def _help(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(list(args))
    return code, capsys.readouterr().out


def test_bare_her2nav_prints_the_usual_multi_line_help_and_succeeds(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _help(capsys)
    assert code == 0
    assert out.startswith("Usage: her2nav")
    assert "\\x0a" not in out
    assert len(out.splitlines()) > 10
    assert all(command in out for command in COMMANDS)


@pytest.mark.slow
def test_python_dash_m_her2nav_alone_prints_the_help_with_real_line_breaks() -> None:
    done = subprocess.run([sys.executable, "-m", "her2nav"], capture_output=True, cwd=ROOT, timeout=60, check=False)
    assert done.returncode == 0
    assert done.stdout.decode().startswith("Usage:")
    assert b"\n  recommend" in done.stdout
    assert done.stderr == b""


@pytest.mark.parametrize("command", COMMANDS)
def test_dash_h_is_help_for_every_command(capsys: pytest.CaptureFixture[str], command: str) -> None:
    code, out = _help(capsys, command, "-h")
    assert code == 0
    assert out.startswith(f"Usage: her2nav {command}")


def test_dash_capital_v_is_the_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _help(capsys, "-V")
    assert code == 0
    assert out.startswith(f"her2nav {__version__}")


@pytest.mark.parametrize("command", [*COMMANDS, None])
def test_every_help_ends_with_examples_that_name_shipped_files(capsys: pytest.CaptureFixture[str],
                                                               command: str | None) -> None:
    code, out = _help(capsys, *([command] if command else []), "--help")
    assert code == 0
    tail = out[out.rindex("Examples:"):]
    examples = [line.strip() for line in tail.splitlines()[1:] if line.strip().startswith("her2nav ")]
    assert 2 <= len(examples) <= 3
    for example in examples:
        words = shlex.split(example.rstrip("\\"))
        assert words[1] in COMMANDS
        for word in words:
            if word.startswith("examples/"):
                assert (ROOT / word).is_file(), word


def test_fixed_value_options_show_their_values_not_a_type(capsys: pytest.CaptureFixture[str]) -> None:
    _, out = _help(capsys, "recommend", "--help")
    for enum_type, option in ((Her2, "--her2 "), (Er, "--er "), (Presentation, "--presentation ")):
        line = next(line for line in out.splitlines() if line.strip().startswith(option))
        assert "|".join(member.value for member in enum_type) in line
    assert "--format <table|json|markdown|html>" in out

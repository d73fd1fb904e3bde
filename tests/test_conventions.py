"""Command-line conventions: --version, -h/--help, CABLE_FORMAT, NO_COLOR/--color,
-q/--quiet, consistent option names, ``python -m cable_cli`` and the installed ``cable``."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import typer.main
from typer import _click as click
from typer.testing import CliRunner

import cable_cli
from cable_cli.cli import app

from conftest import ROOT, SAMPLE

COMMANDS = ("show", "meta", "paragraphs", "refs", "export", "schema")
LISTING = ("show", "meta", "paragraphs", "refs")
ANSI = "\x1b["


def run(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(app, list(args), env=env)


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch):
    for name in ("CABLE_FORMAT", "NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)


@pytest.mark.parametrize("args", [(), *((c,) for c in COMMANDS)], ids=["cable", *COMMANDS])
def test_version_everywhere(args):
    result = run(*args, "--version")
    assert result.exit_code == 0
    assert result.stdout == f"cable {cable_cli.__version__}\n"


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_h_and_help_everywhere(command):
    args = [command] if command else []
    short, long = run(*args, "-h"), run(*args, "--help")
    assert short.exit_code == long.exit_code == 0
    assert short.stdout == long.stdout
    assert short.stdout.startswith(f"Usage: cable {command}".rstrip() + " [OPTIONS]")
    if command:
        assert "Examples:" in short.stdout and "Exit codes:" in short.stdout


def _options() -> dict[str, dict[str, tuple[tuple[str, ...], str]]]:
    """command -> long option -> (all its flags, help)."""
    group = typer.main.get_command(app)
    ctx = click.Context(group, info_name="cable", **group.context_settings)
    out = {}
    for name in group.list_commands(ctx):
        cmd = group.get_command(ctx, name)
        sub = click.Context(cmd, info_name=name, parent=ctx)
        out[name] = {}
        for p in cmd.get_params(sub):
            if p.param_type_name == "option":
                flags = tuple(sorted(p.opts + p.secondary_opts))
                out[name][max(flags, key=len)] = (flags, p.help or "")
    return out


def test_option_names_are_consistent_across_commands():
    options = _options()
    assert tuple(options) == COMMANDS
    # a flag means the same option everywhere
    meaning: dict[str, str] = {}
    for command, opts in options.items():
        for long, (flags, _help) in opts.items():
            for flag in flags:
                assert meaning.setdefault(flag, long) == long, (command, flag)
    # the listing commands share every option but their own filters, with the same help
    common = set(options["show"])
    for command in LISTING:
        assert common <= set(options[command]), command
        for long in common - {"--format"}:
            assert options[command][long] == options["show"][long], (command, long)
    shared = {"--output", "--force", "--input-format", "--id", "--glob", "--files-from", "--null",
              "--strict", "--quiet", "--color", "--version", "--help", "--format"}
    assert shared == common
    # export takes the same input/output options (its own --format choices;
    # --color is its progress bar's)
    for long in shared - {"--color", "--format"}:
        assert options["export"][long] == options["show"][long], long
    assert "--color" in options["export"]
    assert set(options["schema"]) == {"--version", "--help"}


def test_cable_format_is_the_default_format_of_listing_commands(monkeypatch):
    monkeypatch.chdir(ROOT)
    sample = str(SAMPLE.relative_to(ROOT))
    as_json = run("meta", sample, env={"CABLE_FORMAT": "json"})
    assert as_json.exit_code == 0, as_json.stderr
    record = json.loads(as_json.stdout)
    assert (record["id"], record["classification"], record["origin"]) == (
        "09ASTANA319", "CONFIDENTIAL", "Embassy Astana")
    assert "paragraphs" not in record

    as_tsv = run("refs", sample, env={"CABLE_FORMAT": "TSV"})
    assert as_tsv.stdout.splitlines() == [
        "id\tsource\tlabel\ttext\tref_id\tkind",
        f"09ASTANA319\t{sample}\tA\tSTATE 14097\t09STATE14097\tcable",
        f"09ASTANA319\t{sample}\tB\tSTATE 15959\t09STATE15959\tcable",
    ]
    # -f wins over the environment
    as_jsonl = run("paragraphs", sample, "-n", "4", "-f", "jsonl", env={"CABLE_FORMAT": "yaml"})
    assert json.loads(as_jsonl.stdout)["heading"] == "RUSSIA NEEDS TO BE INVOLVED"
    # a bad value is a usage error that names the variable
    bad = run("meta", sample, env={"CABLE_FORMAT": "xml"})
    assert bad.exit_code == 2
    assert "CABLE_FORMAT" in bad.stderr and bad.stdout == ""
    # export has its own formats and does not read CABLE_FORMAT
    export = run("export", sample, "-q", env={"CABLE_FORMAT": "tsv"})
    assert export.exit_code == 0, export.stderr
    assert json.loads(export.stdout)["subject"].startswith("KAZAKHSTAN: FOREIGN MINISTER TAZHIN")


@pytest.mark.parametrize("color,no_color,expect_ansi", [
    ("auto", None, True),
    ("auto", "1", False),
    ("never", None, False),
    ("always", "1", True),     # an explicit --color always overrides NO_COLOR
])
def test_color_on_a_terminal(monkeypatch, color, no_color, expect_ansi):
    import cable_cli.emit

    monkeypatch.setattr(cable_cli.emit, "stdout_is_terminal", lambda out: True)
    env = {"NO_COLOR": no_color} if no_color else {}
    result = run("meta", str(SAMPLE), "--color", color, env=env)
    assert result.exit_code == 0, result.stderr
    assert "09ASTANA319" in result.stdout
    assert (ANSI in result.stdout) is expect_ansi


def test_no_colour_when_piped(monkeypatch):
    for fmt in ("table", "json"):
        result = run("meta", str(SAMPLE), "-f", fmt)
        assert "09ASTANA319" in result.stdout and ANSI not in result.stdout
    bad = run("meta", str(SAMPLE), "--color", "sometimes")
    assert bad.exit_code == 2 and "--color" in bad.stderr


def test_quiet_silences_warnings_and_the_summary(corpus: Path):
    # a real cable whose text is cp1252, read with a recorded encoding-fallback defect
    cable = corpus / "txt" / "paul-mathieu-cablegate-cia-analysis" / "09UNVIEVIENNA281.txt"
    loud = run("meta", str(cable), "-f", "jsonl")
    quiet = run("meta", str(cable), "-f", "jsonl", "-q")
    assert loud.exit_code == quiet.exit_code == 0
    assert "warning[encoding-fallback]" in loud.stderr
    assert quiet.stderr == ""
    assert loud.stdout == quiet.stdout
    assert json.loads(quiet.stdout)["id"] == "09UNVIEVIENNA281"
    assert run("meta", str(cable), "-q", "--strict").exit_code == 4

    export_loud = run("export", str(SAMPLE), "-f", "jsonl")
    export_quiet = run("export", str(SAMPLE), "-f", "jsonl", "--quiet")
    assert "cable: exported 1, with defects 0, failed 0" in export_loud.stderr
    assert export_quiet.stderr == ""
    assert export_loud.stdout == export_quiet.stdout


def test_quiet_still_reports_unreadable_inputs(tmp_path):
    missing = tmp_path / "09ASTANA999.txt"
    result = run("meta", str(SAMPLE), str(missing), "-f", "jsonl", "-q")
    assert result.exit_code == 3
    assert json.loads(result.stdout)["id"] == "09ASTANA319"
    assert str(missing) in result.stderr


def _installed_cable() -> Path:
    beside = Path(sys.executable).with_name("cable")
    if beside.exists():
        return beside
    found = shutil.which("cable")
    if found is None:
        pytest.skip("the cable command is not installed (pip install -e .)")
    return Path(found)


def test_installed_cable_and_python_m_agree():
    env = {k: v for k, v in os.environ.items() if k not in ("CABLE_FORMAT", "NO_COLOR", "_CABLE_COMPLETE")}
    argv = ["meta", "samples/09ASTANA319.scraped.txt", "-f", "json"]
    installed = subprocess.run([str(_installed_cable()), *argv], cwd=ROOT, env=env,
                               capture_output=True, text=True, timeout=120)
    module = subprocess.run([sys.executable, "-m", "cable_cli", *argv], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    assert installed.returncode == module.returncode == 0, (installed.stderr, module.stderr)
    assert installed.stdout == module.stdout
    record = json.loads(installed.stdout)
    assert record["date"] == "2009-02-24T10:13:00Z"
    assert record["references"][1] == {"label": "B", "text": "STATE 15959", "id": "09STATE15959", "kind": "cable"}
    usage = subprocess.run([sys.executable, "-m", "cable_cli", "meta", "--colour", "never"], cwd=ROOT, env=env,
                           capture_output=True, text=True, timeout=120)
    assert usage.returncode == 2 and usage.stdout == ""
    assert "No such option: --colour" in usage.stderr

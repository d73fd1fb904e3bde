"""Shell completion: the scripts in completions/ are current, and bash really completes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import cable_cli

from conftest import ROOT, load_script


gen = load_script("scripts/gen_completions.py")


def test_completion_scripts_are_current():
    generated = gen.render()
    assert set(generated) == {"completions/cable.bash", "completions/_cable", "completions/cable.fish"}
    stale = [rel for rel, text in generated.items()
             if not (ROOT / rel).exists() or (ROOT / rel).read_text(encoding="utf-8") != text]
    assert not stale, f"stale: {stale}; run python scripts/gen_completions.py"


def test_scripts_call_cable_with_typer_instructions():
    bash = (ROOT / "completions/cable.bash").read_text(encoding="utf-8")
    assert "_CABLE_COMPLETE=complete_bash" in bash
    assert "complete -o default -F _cable_completion cable" in bash
    zsh = (ROOT / "completions/_cable").read_text(encoding="utf-8")
    assert zsh.lstrip().startswith("#compdef cable")
    assert "_CABLE_COMPLETE=complete_zsh cable" in zsh
    fish = (ROOT / "completions/cable.fish").read_text(encoding="utf-8")
    assert fish.startswith("complete --command cable ")
    assert "_CABLE_COMPLETE=complete_fish" in fish


def _installed_cable() -> Path:
    """The installed console script: beside this Python, else on PATH."""
    beside = Path(sys.executable).with_name("cable")
    found = beside if beside.exists() else (Path(shutil.which("cable")) if shutil.which("cable") else None)
    if found is None:
        pytest.skip("the cable command is not installed (pip install -e .)")
    return found


@pytest.fixture(scope="module")
def cable_env() -> dict[str, str]:
    """An environment whose PATH finds the installed ``cable`` first."""
    cable = _installed_cable()
    version = subprocess.run([str(cable), "--version"], capture_output=True, text=True, timeout=60)
    assert version.stdout.strip() == f"cable {cable_cli.__version__}"
    env = {k: v for k, v in os.environ.items() if k not in ("_CABLE_COMPLETE", "CABLE_FORMAT")}
    env["PATH"] = f"{cable.parent}{os.pathsep}{env.get('PATH', '')}"
    return env


def test_installed_cable_prints_the_same_scripts(cable_env):
    for shell, name in gen.FILES.items():
        out = subprocess.run(["cable"], env={**cable_env, "_CABLE_COMPLETE": f"source_{shell}"},
                             capture_output=True, text=True, timeout=60)
        assert out.returncode == 0, out.stderr
        assert out.stdout == (ROOT / "completions" / name).read_text(encoding="utf-8"), shell


# Sources completions/cable.bash, then for each line of stdin (the words typed,
# a trailing space meaning a new empty word) calls the completion function the
# way bash does on <Tab> and prints COMPREPLY on one line.
BASH_DRIVER = r'''
source "$1"
while IFS= read -r line; do
    read -ra COMP_WORDS <<< "$line"
    [[ "$line" == *" " ]] && COMP_WORDS+=("")
    COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
    COMP_LINE="$line"; COMP_POINT=${#line}
    COMPREPLY=()
    _cable_completion cable "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
    echo "${COMPREPLY[*]}"
done
'''


@pytest.fixture(scope="module")
def bash_complete(cable_env):
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("no bash")

    def complete(*lines: str) -> list[set[str]]:
        out = subprocess.run([bash, "--norc", "--noprofile", "-c", BASH_DRIVER, "driver",
                              str(ROOT / "completions" / "cable.bash")],
                             input="".join(line + "\n" for line in lines), env=cable_env,
                             capture_output=True, text=True, timeout=120)
        assert out.returncode == 0, out.stderr
        replies = out.stdout.split("\n")[:len(lines)]
        return [set(r.split()) for r in replies]

    return complete


def test_bash_completes_commands_options_and_formats(bash_complete):
    me, fo, js, export_f, everything, col = bash_complete(
        "cable me", "cable meta --fo", "cable meta -f js", "cable export -f ", "cable ", "cable refs --col")
    assert me == {"meta"}
    assert fo == {"--format", "--force"}
    assert js == {"json", "jsonl"}
    assert export_f == {"jsonl", "json", "yaml", "csv"}
    assert {"show", "meta", "paragraphs", "refs", "export", "schema"} <= everything
    assert col == {"--color"}


def test_fish_completes_commands_and_formats(cable_env):
    """The fish script in a real fish, where fish is installed."""
    fish = shutil.which("fish")
    if fish is None:
        pytest.skip("fish is not installed")
    script = ROOT / "completions" / "cable.fish"
    run = subprocess.run(
        [fish, "--no-config", "-c", f"source {script}; complete -C 'cable me'; complete -C 'cable meta -f js'"],
        env=cable_env, capture_output=True, text=True, timeout=60, check=False)
    words = [line.split("\t")[0] for line in run.stdout.splitlines()]
    assert words == ["meta", "json", "jsonl"], run.stderr


def test_zsh_script_loads_and_answers(cable_env):
    """The zsh script registers itself with compinit, and the call it makes
    (the zsh protocol) offers ``meta`` for ``cable me``."""
    zsh = shutil.which("zsh")
    if zsh is None:
        pytest.skip("zsh is not installed")
    script = ROOT / "completions" / "_cable"
    loaded = subprocess.run(
        [zsh, "-fc", f"autoload -U compinit; compinit -u; source {script}; print -r -- ${{_comps[cable]}}"],
        env=cable_env, capture_output=True, text=True, timeout=60, check=False)
    assert loaded.stdout.strip() == "_cable_completion", loaded.stderr
    answer = subprocess.run(["cable"], env={**cable_env, "_CABLE_COMPLETE": "complete_zsh",
                                            "_TYPER_COMPLETE_ARGS": "cable me"},
                            capture_output=True, text=True, timeout=60, check=False)
    assert '"meta":"The record without its paragraphs' in answer.stdout

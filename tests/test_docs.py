"""docs/cli.md, docs/cable.1 and docs/record.schema.json: current, complete, runnable examples."""

from __future__ import annotations

import json
import shlex

import pytest
from typer.testing import CliRunner

from cable_cli.cli import app
from cable_cli.schema import record_schema

from conftest import ROOT, load_script

SAMPLE_PATH = "samples/09ASTANA319.scraped.txt"
COMMANDS = ("show", "meta", "paragraphs", "refs", "export", "schema")


gen = load_script("scripts/gen_docs.py")


@pytest.fixture(scope="module")
def generated() -> dict[str, str]:
    return gen.render()


@pytest.fixture(scope="module")
def commands():
    return {c.name: c for c in gen.commands()}


@pytest.mark.parametrize("rel", ["docs/cli.md", "docs/cable.1", "docs/record.schema.json"])
def test_generated_doc_is_current(generated, rel):
    path = ROOT / rel
    assert path.exists(), f"{rel} missing; run python scripts/gen_docs.py"
    assert path.read_text(encoding="utf-8") == generated[rel], f"{rel} is stale; run python scripts/gen_docs.py"


def test_schema_file_is_the_schema():
    assert json.loads((ROOT / "docs/record.schema.json").read_text(encoding="utf-8")) == record_schema()


def test_the_tree_walk_finds_every_command_and_option(commands):
    assert tuple(n for n in commands if n) == COMMANDS
    meta = commands["meta"]
    specs = [p.spec for p in meta.params]
    assert meta.usage == "cable meta [OPTIONS] [PATH]..."
    assert "-f, --format <auto|table|json|jsonl|yaml|tsv>" in specs
    assert "-h, --help" in specs
    fmt = next(p for p in meta.params if p.spec.startswith("-f, --format"))
    assert "[env var: CABLE_FORMAT; default: auto]" in fmt.help
    assert "-j, --jobs N" in [p.spec for p in commands["export"].params]
    assert "-n, --number N" in [p.spec for p in commands["paragraphs"].params]


def test_reference_documents_every_command_option_and_example(generated, commands):
    md, man = generated["docs/cli.md"], generated["docs/cable.1"]
    for name, command in commands.items():
        if name:
            assert f"## `cable {name}`" in md
            assert f".SS cable {name}" in man
        for param in command.params:
            assert f"`{param.spec.replace('|', chr(92) + '|')}`" in md, (name, param.spec)
            assert gen._roff(param.spec) in man, (name, param.spec)
        for example in command.examples:
            assert example in md, example
            assert gen._roff(example) in man, example


def test_man_page_is_roff():
    man = (ROOT / "docs/cable.1").read_text(encoding="utf-8")
    assert man.splitlines()[1].startswith('.TH CABLE 1 ')
    for section in (".SH NAME", ".SH SYNOPSIS", ".SH DESCRIPTION", ".SH COMMANDS", ".SH ENVIRONMENT",
                    ".SH EXIT STATUS"):
        assert section in man
    assert "\\fB\\-f, \\-\\-format <auto|table|json|jsonl|yaml|tsv>\\fR" in man


def test_every_command_has_examples_in_its_help(commands):
    for name in COMMANDS:
        examples = commands[name].examples
        assert examples, name
        assert all(e.startswith("cable ") or "| cable " in e for e in examples), examples
        assert any(SAMPLE_PATH in e or name == "schema" for e in examples), name


def _runnable() -> list[tuple[str, list[str]]]:
    """Help examples that run on the repository's own files: (example, argv up to a pipe)."""
    out = []
    for command in gen.commands()[1:]:
        for example in command.examples:
            words = shlex.split(example)
            for stop in ("|", ">"):
                if stop in words:
                    words = words[:words.index(stop)]
            if words[0] == "cable" and (SAMPLE_PATH in words or words[1:] == ["schema"]):
                out.append((example, words[1:]))
    return out


@pytest.mark.parametrize("example,argv", _runnable(), ids=[e for e, _ in _runnable()])
def test_help_example_runs(example, argv, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(app, argv)
    assert result.exit_code == 0, (example, result.stderr)
    expected = "cable record" if argv[0] == "schema" else "09ASTANA319"
    assert expected in result.stdout, example


def test_readme_points_to_the_reference():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "docs/cli.md" in readme and "docs/cable.1" in readme
    assert "## Shell completion" in readme and "completions/cable.bash" in readme

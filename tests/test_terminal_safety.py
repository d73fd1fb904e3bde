"""Cable text is data: Rich markup, ANSI/CSI/OSC sequences, C0/C1 controls
and BiDi overrides in a cable never take effect in show/meta/paragraphs/refs,
on a terminal (colour forced, fancy screen, a real pty) or piped, nor in
stderr diagnostics."""

from __future__ import annotations

import io
import json
import os
import pty
import re
import select
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from cable_cli.data import routing_indicators, tag_meanings
from cable_cli.model import PARAGRAPH_ROW_FIELDS, REFERENCE_ROW_FIELDS
from cable_cli.parser import parse_cable
from cable_cli.render import terminal
from cable_cli.render.safe import visible

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "09ASTANA319.scraped.txt"

EVIL = ("[bold red]RED[/] [link=http://evil.example]L[/link] \x1b[31mANSI\x1b[0m \x1b[2J\x1b[H "
        "\x1b]8;;http://evil.example\x07click\x1b]8;;\x07 \x1b]52;c;ZXZpbA==\x07 \x9b31m \x9d0;t\x9c "
        "\u202eREVERSED\u202c \u2066iso\u2069 \x07\x08\x7f")  # a NUL would make it a binary file
# What must never reach the output raw.
RAW = ["\x1b[31mANSI", "\x1b[2J", "\x1b[H", "\x1b]", "\x9b", "\x9d", "\x9c", "\u202e", "\u2066", "\x07",
       "\x08", "\x7f", "\x00"]
# Rich's own styling, allowed with colour: SGR sequences only.
SGR = re.compile(r"\x1b\[[0-9;]*m")


def evil_cable(tmp_path: Path) -> Path:
    text = SAMPLE.read_text(encoding="utf-8")
    text = text.replace("KAZAKHSTAN: FOREIGN", f"KAZAKHSTAN: {EVIL} FOREIGN", 1)
    text = text.replace("RUSSIA NEEDS", f"{EVIL} RUSSIA NEEDS", 1)
    text = text.replace("STATE 14097", f"STATE 14097 {EVIL}", 1)
    text = re.sub(r"(¶4\.)", lambda m: m.group(1) + " " + EVIL, text, count=1)
    text = text.replace("Richard E. Hoagland", f"Richard E. Hoagland {EVIL}", 1)
    path = tmp_path / "evil.txt"
    path.write_text(text, encoding="utf-8")
    return path


def assert_inert(out: str, *, color: bool = False) -> None:
    for raw in RAW:
        assert raw not in out, f"raw {raw!r} reached the output"
    rest = SGR.sub("", out) if color else out
    assert "\x1b" not in rest
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", rest.replace("\r", ""))
    assert "[bold red]RED[/]" in SGR.sub("", out), "markup must be printed literally"


def invoke(*args: str):
    """In-process (fast) run; stdout is not a terminal."""
    from typer.testing import CliRunner

    from cable_cli.cli import app

    return CliRunner().invoke(app, list(args), env={"COLUMNS": "250", "NO_COLOR": None})


def run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "cable_cli", *args], capture_output=True, text=True,
                          env={**os.environ, "COLUMNS": "250", **(env or {})}, timeout=60)


COMMANDS = ["show", "meta", "paragraphs", "refs"]


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("fmt", ["auto", "table", "tsv", "jsonl", "json", "yaml"])
@pytest.mark.parametrize("color", ["always", "never"])
def test_commands_piped(tmp_path, command, fmt, color):
    path = evil_cable(tmp_path)
    done = invoke(command, str(path), "-f", fmt, "--color", color)
    assert done.exit_code == 0, done.stderr
    out = done.stdout
    if fmt == "auto" and command != "show":
        fmt = "jsonl"  # piped
    for raw in RAW:
        assert raw not in out
        assert raw not in done.stderr
    if fmt in ("json", "jsonl"):
        docs = [json.loads(line) for line in out.splitlines()] if fmt == "jsonl" else [json.loads(out)]
        assert docs
        assert "\u202eREVERSED" in json.dumps(docs, ensure_ascii=False)  # escaped, yet read back intact
    elif fmt == "yaml":
        assert out.isascii()
        assert list(yaml.safe_load_all(out))
    else:
        assert_inert(out, color=color == "always")
        assert "\\x1b[31mANSI" in out and "\\u202eREVERSED" in out


def _record(tmp_path):
    return parse_cable(evil_cable(tmp_path).read_text(encoding="utf-8"), source="e\x1b[2J.txt").to_dict()


@pytest.mark.parametrize("fancy,color", [(True, True), (True, False), (False, True), (False, False)])
def test_views_on_screens(tmp_path, fancy, color):
    from cable_cli import model

    record = _record(tmp_path)
    outputs = []
    for draw in (
        lambda s: terminal.show(s, record, tag_meanings(), routing_indicators()),
        lambda s: terminal.meta_table(s, [{k: v for k, v in record.items() if k != "paragraphs"}]),
        lambda s: terminal.meta_table(s, [record, record]),
        lambda s: terminal.rows_table(s, model.paragraph_rows(record), PARAGRAPH_ROW_FIELDS),
        lambda s: terminal.rows_table(s, model.reference_rows(record), REFERENCE_ROW_FIELDS),
    ):
        buffer = io.StringIO()
        draw(terminal.Screen(buffer, fancy=fancy, color=color, width=240))
        outputs.append(buffer.getvalue())
    for out in outputs:
        for raw in RAW:
            assert raw not in out
        rest = SGR.sub("", out)
        assert "\x1b" not in rest
    joined = SGR.sub("", "".join(outputs))
    assert "[bold red]RED[/]" in joined and "[link=http://evil.example]" in joined
    assert "\\x1b]52;c;ZXZpbA==\\x07" in joined


@pytest.mark.parametrize("command", COMMANDS)
def test_on_a_real_terminal(tmp_path, command):
    """Through a pty: Rich believes it is on a terminal (colour, boxes)."""
    path = evil_cable(tmp_path)
    pid, fd = pty.fork()
    if pid == 0:  # child
        os.environ.update(COLUMNS="250", LINES="50", TERM="xterm-256color")
        os.environ.pop("NO_COLOR", None)
        os.execvp(sys.executable, [sys.executable, "-m", "cable_cli", command, str(path)])
    chunks = []
    while True:
        ready, _, _ = select.select([fd], [], [], 30)
        if not ready:
            break
        try:
            data = os.read(fd, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    out = b"".join(chunks).decode("utf-8", "replace")
    assert "\x1b[" in out or command != "show"  # it did think it was on a terminal
    for raw in RAW:
        assert raw not in out, f"raw {raw!r} reached the terminal"
    rest = SGR.sub("", out)
    assert "\x1b" not in rest
    assert "[bold red]RED[/]" in rest


def test_file_names_in_diagnostics_are_visible(tmp_path):
    name = tmp_path / "x\x1b]52;c;ZXZpbA==\x07\u202e.txt"
    name.write_text("It was a dark and stormy night.\n" * 5, encoding="utf-8")
    missing = str(tmp_path / "gone\x1b[2J.txt")
    done = run("meta", str(name), missing, str(SAMPLE), "-f", "jsonl")
    assert done.returncode == 3
    for raw in RAW:
        assert raw not in done.stderr
    assert "\\x1b]52;c;ZXZpbA==\\x07\\u202e.txt" in done.stderr
    assert "gone\\x1b[2J.txt" in done.stderr
    assert done.stdout.count("\n") == 1  # the good input still went through


def test_defect_warnings_are_visible(tmp_path):
    path = tmp_path / "w\x1b[31m.txt"
    path.write_text("\x1b]52;c;ZXZpbA==\x07 no header here\n", encoding="utf-8")
    done = run("meta", str(path), "-f", "jsonl")
    assert "\x1b" not in done.stderr and "\x07" not in done.stderr


def test_usage_errors_are_visible(tmp_path):
    done = run("meta", "--files-from", str(tmp_path / "list\x1b[2J\u202e"))
    assert done.returncode == 2
    assert "\x1b" not in done.stderr and "\u202e" not in done.stderr
    for args in (["meta", "--grep\x1b[2J", "x"], ["meta", "-f", "\x1b]52;c;x\x07"], ["sh\x1b[2Jow"]):
        done = run(*args)
        assert done.returncode == 2
        assert "\x1b" not in done.stderr and "\x07" not in done.stderr and "\\x1b" in done.stderr


def test_visible_rule():
    assert visible("a\x1b[31mb\u202ec\td\ne\x9b") == "a\\x1b[31mb\\u202ec\td\ne\\x9b"

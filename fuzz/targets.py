"""Fuzz targets shared by ``tests/test_robustness*.py`` and ``fuzz/run.py``.

Each ``check_*`` raises AssertionError (or whatever the code under test
raises) when a guarantee is broken:

- parsing any text or bytes gives records (with defects), never an exception;
- parsing is deterministic;
- every record serialises to JSON, JSON Lines, YAML, CSV and TSV, and JSON
  and YAML read back equal to ``to_dict()``;
- nothing a terminal would obey survives in JSON, YAML or TSV output.
"""

from __future__ import annotations

import csv
import io
import json
import os
import random
import re
import tempfile
from pathlib import Path
from typing import Any

import yaml

from cable_cli.model import FIELDS
from cable_cli.parser import parse_cable
from cable_cli.render import serial
from cable_cli.sources import InputError, RawCable, iter_inputs

CORPUS = Path(os.environ.get("CABLE_CORPUS", "/work/shared/corpus"))
SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "09ASTANA319.scraped.txt"

# What a terminal would obey: C0 but \n \t, DEL, C1, BiDi controls.
TERMINAL_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")

HOSTILE = [
    "\x1b[31m", "\x1b[0m", "\x1b[2J", "\x1b[H", "\x1b]8;;http://evil.example\x07", "\x1b]8;;\x1b\\",
    "\x1b]52;c;ZXZpbA==\x07", "\x9b31m", "\x9d0;title\x9c", "\x85", "\u202e", "\u2066", "\x00", "\x07",
    "\x08", "\x7f", "\r", "\x0c", "\ufeff", "\u2028", "[bold red]", "[/]", "[link=http://evil]",
    "\ud7ff", "\U0001f600", "\\", '"', "'", "---", "...", "&", "*", ": ", "- ", "#", "%", "!!python/object:os.system",
]


def check_record_dict(record: dict[str, Any]) -> None:
    """Every serialisation works and the readable ones read back equal."""
    line = serial.json_line(record)
    assert "\n" not in line
    assert not TERMINAL_CONTROL.search(line), "raw control character in JSON Lines"
    assert json.loads(line) == record
    pretty = serial.json_pretty(record)
    assert not TERMINAL_CONTROL.search(pretty.replace("\n", "")), "raw control character in JSON"
    assert json.loads(pretty) == record
    document = serial.yaml_document(record)
    assert not TERMINAL_CONTROL.search(document), "raw control character in YAML"
    assert all(ord(ch) < 128 for ch in document), "YAML must be written with allow_unicode=False"
    assert yaml.safe_load(document) == record
    row = serial.csv_row(record, FIELDS)
    parsed = list(csv.reader(io.StringIO(row, newline="")))
    assert len(parsed) == 1 and len(parsed[0]) == len(FIELDS)
    header, tsv_row = list(serial.tsv_lines([record], FIELDS))
    assert tsv_row.endswith("\n") and tsv_row.count("\n") == 1
    assert tsv_row.count("\t") == len(FIELDS) - 1
    assert not TERMINAL_CONTROL.search(tsv_row), "raw control character in TSV"


def check_text(text: str, **kwargs: Any) -> dict[str, Any]:
    """Parse ``text`` twice: a record, the same both times, that serialises."""
    first = parse_cable(text, **kwargs).to_dict()
    second = parse_cable(text, **kwargs).to_dict()
    assert first == second, "parsing is not deterministic"
    assert isinstance(first["defects"], list)
    check_record_dict(first)
    return first


def check_bytes(data: bytes, name: str = "input.txt", directory: str | None = None) -> list[dict[str, Any]]:
    """Write ``data`` to a file, read it as any input, parse all it holds."""
    with tempfile.TemporaryDirectory(dir=directory) as tmp:
        path = os.path.join(tmp, name)
        with open(path, "wb") as f:
            f.write(data)
        records = []
        for item in iter_inputs([path]):
            if isinstance(item, InputError):
                assert item.message and item.source
                continue
            assert isinstance(item, RawCable)
            records.append(check_text(item.text, source=item.source, input_format=item.input_format,
                                      metadata=item.metadata, defects=list(item.defects)))
        return records


def mutate(rng: random.Random, text: str, rounds: int | None = None) -> str:
    """Delete, duplicate, swap lines; truncate; inject control characters."""
    lines = text.split("\n")
    for _ in range(rounds or rng.randint(1, 6)):
        op = rng.randrange(7)
        n = len(lines)
        i = rng.randrange(n) if n else 0
        if op == 0 and n > 1:
            del lines[i]
        elif op == 1 and n:
            lines.insert(i, lines[i])
        elif op == 2 and n > 1:
            j = rng.randrange(n)
            lines[i], lines[j] = lines[j], lines[i]
        elif op == 3:
            joined = "\n".join(lines)
            lines = joined[:rng.randrange(len(joined) + 1)].split("\n")
        elif op == 4 and n:
            line = lines[i]
            k = rng.randrange(len(line) + 1)
            lines[i] = line[:k] + rng.choice(HOSTILE) + line[k:]
        elif op == 5 and n:
            line = lines[i]
            k = rng.randrange(len(line) + 1)
            lines[i] = line[:k] + chr(rng.choice([rng.randrange(0x20), rng.randrange(0x7f, 0xa0),
                                                  rng.randrange(0x100, 0x3000)])) + line[k + 1:]
        elif op == 6 and n > 2:
            j = rng.randrange(n)
            a, b = sorted((i, j))
            lines[a:b] = lines[a:b][::-1]
    return "\n".join(lines)


def corpus_texts(limit: int = 40) -> list[tuple[str, str]]:
    """(name, text) of real cables: the sample plus a spread of corpus files."""
    texts = [(SAMPLE.name, SAMPLE.read_text(encoding="utf-8"))] if SAMPLE.exists() else []
    if not CORPUS.is_dir():
        return texts
    files = sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.suffix.lower() in (".txt", ".html", ".htm"))
    step = max(1, len(files) // limit)
    for path in files[::step][:limit]:
        for item in iter_inputs([str(path)]):
            if isinstance(item, RawCable):
                texts.append((path.name, item.text))
                break
    return texts


def corpus_files(limit: int = 40) -> list[Path]:
    """Raw corpus files of every kind (text, HTML, CSV, JSON), small ones."""
    if not CORPUS.is_dir():
        return []
    files = sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.stat().st_size < 400_000
                   and p.suffix.lower() != ".pdf")
    step = max(1, len(files) // limit)
    return files[::step][:limit]

"""No pathological slowness: parsing work grows linearly with the input.

Two measures, neither an absolute time:

- Python-level work, counted deterministically: the line events
  ``sys.settrace`` sees inside ``cable_cli`` while parsing.  Input 4x
  bigger must cost well under 16x (quadratic) the work: we allow 6x.
- Regex work (C code, invisible to tracing): the best of three timings at
  size n and 4n; a backtracking regex is quadratic or worse (16x+), we
  allow 10x.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from cable_cli.parser import parse_cable
from cable_cli.sources import RawCable, iter_inputs

SAMPLE = (Path(__file__).resolve().parent.parent / "samples" / "09ASTANA319.scraped.txt").read_text(encoding="utf-8")
PACKAGE = str(Path(sys.modules["cable_cli"].__file__).parent)


def in_cable(body: str) -> str:
    """``body`` placed inside a real cable, after its first paragraph marker."""
    return SAMPLE.replace("\n1. ", "\n" + body + "\n1. ", 1) if "\n1. " in SAMPLE else SAMPLE + "\n" + body


def refs(n: int) -> str:
    items = "".join(f"{chr(65 + i % 26)}{'' if i < 26 else i // 26}. STATE {1000 + i}\n" for i in range(n))
    return SAMPLE.replace("REF: ", "REF: " + items, 1)


# name -> input of size about n (characters)
SHAPES = {
    "line of spaces": lambda n: " " * n,
    "line of spaces in a cable": lambda n: in_cable(" " * n),
    "blank lines": lambda n: SAMPLE + "\n" * n,
    "blank lines in a cable": lambda n: in_cable("\n" * n),
    "REF block": lambda n: refs(n // 16),
    "REF items on one line": lambda n: SAMPLE.replace("REF: ", "REF: " + "A. STATE 1234 " * (n // 14), 1),
    "paragraph with no full stop": lambda n: in_cable("5. (C) " + "word " * (n // 5)),
    "paragraph lines with no full stop": lambda n: in_cable("5. (C) " + "word\n" * (n // 5)),
    "dash-wrapped heading never closed": lambda n: in_cable("-- A" + " " * n),
    "open parentheses": lambda n: in_cable("(" * n),
    "numbers and dots": lambda n: in_cable("1. " * (n // 3)),
    "TAGS list": lambda n: SAMPLE.replace("TAGS: ", "TAGS: " + "PGOV, " * (n // 6), 1),
    "classified by": lambda n: in_cable("Classified By: " + "a, " * (n // 3)),
    "E.O. line": lambda n: in_cable("E.O. 12958: DECL: " + "1/" * (n // 2)),
    "subject words": lambda n: SAMPLE.replace("SUBJECT: ", "SUBJECT: " + "A " * (n // 2), 1),
    "capitals and spaces": lambda n: "A " * (n // 2),
    "END with spaces": lambda n: in_cable("END " + " " * n),
    "summary markers": lambda n: in_cable("SUMMARY: " * (n // 9)),
    "page-break-like lines": lambda n: in_cable("PAGE 02 ASTANA 00000319 001.2 OF 003\n" * (n // 37)),
    "markdown brackets": lambda n: in_cable("[PGOV](#" * (n // 8)),
    "signer-like lines": lambda n: in_cable("HOAGLAND\n" * (n // 9)),
    # the last line, where the signer is looked for (quadratic in _SIGNER once)
    "last line: a name, spaces, a letter": lambda n: SAMPLE.rstrip() + "\n\nSECRET" + " " * n + "x",
    "last line: a Name, spaces, hashes": lambda n: SAMPLE.rstrip() + "\n\nHamilton" + " " * n + "#x",
}


def traced_work(text: str) -> int:
    """Line events in cable_cli code while parsing ``text``: deterministic."""
    count = 0

    def local(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return local

    def global_(frame, event, arg):
        return local if frame.f_code.co_filename.startswith(PACKAGE) else None

    sys.settrace(global_)
    try:
        parse_cable(text)
    finally:
        sys.settrace(None)
    return count


def best_time(text: str, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        parse_cable(text)
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.parametrize("shape", SHAPES)
def test_python_work_is_linear(shape):
    make = SHAPES[shape]
    small, big = traced_work(make(5_000)), traced_work(make(20_000))
    base = traced_work(make(0))  # the cable around it
    assert (big - base) <= 6 * max(small - base, 1) + 200, f"{shape}: {small} -> {big} line events"


@pytest.mark.parametrize("shape", SHAPES)
def test_regex_work_is_linear(shape):
    make = SHAPES[shape]
    floor = 0.002  # below this, timings are noise
    for repeat in (3, 7):  # a busy CI machine can upset one measure: retry once, more carefully
        small, big = best_time(make(30_000), repeat), best_time(make(120_000), repeat)
        if big <= 10 * max(small, floor):
            return
    raise AssertionError(f"{shape}: {small:.4f}s -> {big:.4f}s for 4x the input")


def test_required_sizes_finish():
    """The sizes named in the issue parse (and their work ratio is checked above)."""
    for text in (" " * 1_000_000, SAMPLE + "\n" * 100_000, refs(10_000), in_cable("5. (C) " + "word " * 200_000)):
        assert parse_cable(text).to_dict()["defects"] is not None


def test_reading_is_linear_too(tmp_path):
    """Through the input layer (format sniffing, decoding) as well."""
    def read(data: bytes, name: str) -> float:
        path = tmp_path / name
        path.write_bytes(data)
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            for item in iter_inputs([str(path)]):
                if isinstance(item, RawCable):
                    parse_cable(item.text)
            best = min(best, time.perf_counter() - start)
        return best

    for shape in (lambda n: b" " * n, lambda n: b"[" * n, lambda n: b"x(" * (n // 2), lambda n: b"{" * n,
                  lambda n: b"<" * n, lambda n: b'"1","' + b"a" * n):
        small, big = read(shape(100_000), "s.txt"), read(shape(400_000), "s.txt")
        assert big <= 10 * max(small, 0.002), f"{shape(8)!r}: {small:.4f}s -> {big:.4f}s"

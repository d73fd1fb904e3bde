"""Never crash: any text, any bytes, any mutation of a real cable gives a
record (with defects) that serialises everywhere and reads back equal.

CI runs a small budget; ``CABLE_FUZZ_EXAMPLES=5000 python -m pytest
tests/test_robustness.py`` or ``python fuzz/run.py --minutes 10`` run longer.
"""

from __future__ import annotations

import os
import random
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from fuzz.targets import HOSTILE, check_bytes, check_text, corpus_files, corpus_texts, mutate  # noqa: E402

EXAMPLES = int(os.environ.get("CABLE_FUZZ_EXAMPLES", "40"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize="CABLE_FUZZ_EXAMPLES" not in os.environ,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture])

SAMPLE = (Path(__file__).resolve().parent.parent / "samples" / "09ASTANA319.scraped.txt").read_text(encoding="utf-8")
SAMPLE_LINES = SAMPLE.split("\n")

# Text that looks like cables: real lines, hostile pieces and arbitrary text.
cable_like = st.lists(
    st.one_of(st.sampled_from(SAMPLE_LINES), st.sampled_from(HOSTILE), st.text(max_size=40),
              st.sampled_from(["REF: A. STATE 1234", "TAGS: PGOV, PREL", "SUBJECT: X", "1. (C) Text.",
                               "E.O. 12958: DECL: 01/01/2019", "Classified By: A B, 1.4 (b)", "END SUMMARY.",
                               "BEGIN SUMMARY", "COMMENT:", "END COMMENT.", "SIPDIS", "NNNN", "BT",
                               "R 010101Z JAN 09", "FM AMEMBASSY X", "TO SECSTATE WASHDC", "C O N F I D E N T I A L"])),
    max_size=60).map("\n".join)


@FUZZ
@given(st.text())
def test_any_text_parses(text):
    check_text(text)


@FUZZ
@given(cable_like)
def test_cable_like_text_parses(text):
    record = check_text(text, source="fuzz.txt", input_format="text")
    assert set(record) >= {"id", "paragraphs", "defects"}


@FUZZ
@given(st.binary(max_size=4000))
def test_any_bytes_read_and_parse(data):
    check_bytes(data)


@FUZZ
@given(st.sampled_from(["x.txt", "x.csv", "x.json", "x.html", "x.gz"]),
       st.one_of(st.binary(max_size=2000), cable_like.map(lambda s: s.encode("utf-8", "surrogatepass"))))
def test_bytes_under_any_name_read_and_parse(name, data):
    check_bytes(data, name)


@FUZZ
@given(st.sampled_from([b'"1","02/24/2009 10:13","09ASTANA319","Embassy Astana","CONFIDENTIAL","","","',
                        b'{"id": "09ASTANA319", "content": "', b"<html><body><pre>", b"\x1f\x8b\x08\x00"]),
       st.binary(max_size=1000))
def test_format_prefixes_with_garbage(prefix, tail):
    check_bytes(prefix + tail)


_TEXTS = corpus_texts()


def test_corpus_cables_check():
    assert _TEXTS
    for _name, text in _TEXTS:
        check_text(text)


@pytest.mark.parametrize("seed", range(8))
def test_mutated_corpus_cables(seed):
    rng = random.Random(seed)
    for _ in range(max(1, EXAMPLES // 6)):
        name, text = rng.choice(_TEXTS)
        mutated = mutate(rng, text)
        try:
            check_text(mutated)
        except Exception:
            print(f"mutation of {name} (seed {seed}) failed:\n{mutated!r}")
            raise


@pytest.mark.parametrize("seed", range(3))
def test_mutated_corpus_files_as_bytes(seed):
    files = corpus_files()
    if not files:
        pytest.skip("no corpus at /work/shared/corpus")
    rng = random.Random(seed)
    for _ in range(max(1, EXAMPLES // 10)):
        path = rng.choice(files)
        data = path.read_bytes()
        if rng.random() < 0.5:
            data = data[:rng.randrange(len(data) + 1)]
        else:
            data = mutate(rng, data.decode("utf-8", "surrogateescape")).encode("utf-8", "surrogateescape")
        check_bytes(data, path.name)


def test_every_corpus_file_reads():
    files = corpus_files(limit=20)
    if not files:
        pytest.skip("no corpus at /work/shared/corpus")
    for path in files:
        check_bytes(path.read_bytes(), path.name)


@pytest.mark.parametrize("text", ["", "\n", "\x00", "\ufeff", "\r\n" * 10, "\x1b[2J" * 100, "\u202e" * 50,
                                  "(" * 5000, "1." * 5000, "REF:" * 1000, "\ud800", "A" * 100_000])
def test_edge_texts(text):
    check_text(text)


@pytest.mark.parametrize("data", [b"[" * 100_000, b"{" * 100_000, b'{"a":' * 50_000, b"x(" + b"[" * 100_000 + b")",
                                  b'{"id": 1}\n' + b"[" * 100_000, b"<div>" * 50_000, b"\x1f\x8b" + b"\x00" * 100,
                                  b"\xff\xfe" + "cable".encode("utf-16-le"), b"\xef\xbb\xbf" * 1000])
def test_hostile_bytes(data):
    """Deep nesting once made the JSON reader raise RecursionError."""
    for name in ("x.txt", "x.json", "x.html"):
        check_bytes(data, name)

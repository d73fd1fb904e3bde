"""``cable export`` of a fixed sample is byte-identical to a committed file.

The sample (``tests/fixtures/golden/inputs``): the reference cable, alx and
plain text files, every Cablegate HTML build and a PlusD page (large pages
gzipped), JSON / JSONP / JSON Lines, two ``cables.csv`` slices and a gzipped
text.  Its export with ``-j 1`` and with ``-j 2`` must equal
``tests/fixtures/golden/expected.jsonl`` byte for byte: the guard for speed
work, which must never change output.

When the parser's output changes on purpose, regenerate the expected file and
review its diff before committing::

    python tests/fixtures/golden/regenerate.py
    git diff tests/fixtures/golden/expected.jsonl

(``python tests/fixtures/golden/regenerate.py --check`` only compares.)
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import load_script

GOLDEN = Path(__file__).resolve().parent / "fixtures" / "golden"


@pytest.mark.parametrize("jobs", [1, 2])
def test_export_matches_golden(jobs: int) -> None:
    expected = (GOLDEN / "expected.jsonl").read_bytes()
    got = load_script("tests/fixtures/golden/regenerate.py").export(jobs)
    if got != expected:
        exp_lines, got_lines = expected.splitlines(), got.splitlines()
        first = next((i for i, (a, b) in enumerate(zip(exp_lines, got_lines)) if a != b),
                     min(len(exp_lines), len(got_lines)))
        pytest.fail(f"-j {jobs}: export differs from expected.jsonl at record {first + 1} "
                    f"({len(got_lines)} records, expected {len(exp_lines)}). If the change is intended, run "
                    "python tests/fixtures/golden/regenerate.py and review the diff.")


def test_sample_is_varied() -> None:
    import json

    records = [json.loads(line) for line in (GOLDEN / "expected.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(records) >= 20
    assert {"text", "scraped", "alx", "html", "plusd", "csv", "json"} <= {r["input_format"] for r in records}

"""References against WikiLeaks' column over the corpus' CSV rows (bench/references.py).

Floors sit just under the measured numbers (see the bench's docstring for
the rules behind "adjusted"); skipped when the corpus is missing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import load_script

BENCH = Path(__file__).resolve().parents[1] / "bench" / "references.py"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"

pytestmark = pytest.mark.skipif(not (CORPUS / "csv").is_dir(), reason="corpus not present")


@pytest.fixture(scope="module")
def result():
    module = load_script("bench/references.py")
    return module, module.measure(CORPUS)


def test_raw_agreement_floor(result):
    _, res = result
    p, r, f = res.prf("raw")
    assert p >= 0.77 and r >= 0.90 and f >= 0.83


def test_adjusted_agreement_floor(result):
    _, res = result
    p, r, f = res.prf("adjusted")
    assert p >= 0.99 and r >= 0.99 and f >= 0.99


def test_every_rule_is_counted_and_shown(result):
    module, res = result
    text = module.table(res)
    for rule in (*module.COLUMN_RULES, *module.PARSER_RULES):
        assert f"| {rule} |" in text
    assert res.rules["column-empty"] > 0 and res.rules["first-line-only"] > 0

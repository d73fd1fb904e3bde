"""The corpus end to end: every plain-text cable parses, and what the parser
derives agrees with WikiLeaks' own metadata at least as well as measured.

The floors sit just under the figures `python bench/agreement.py` printed
when they were set (see the README table): a regression fails here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cable_cli.pipeline import records
from cable_cli.sources import InputError

from conftest import load_script

ROOT = Path(__file__).resolve().parents[1]


def test_every_txt_cable_parses(corpus):
    items = list(records([str(corpus / "txt")]))
    cables = [i for i in items if not isinstance(i, InputError)]
    # 24 paul-mathieu + 3 alx files; 01STATE176819.txt holds metadata only
    # and is still a record (with defects).
    assert len(cables) == 27
    assert all(json.dumps(c.to_dict()) for c in cables)


def test_paul_mathieu_cables_real_values(corpus):
    """CRLF and cp1252 (0xB6 for ¶) files; values read off the cables."""
    base = corpus / "txt" / "paul-mathieu-cablegate-cia-analysis"
    (cable,) = records([str(base / "06NEWDELHI5135.txt")])
    assert cable.id == "06NEWDELHI5135"
    assert cable.date == "2006-07-21T07:22:00Z"
    assert cable.classification == "CONFIDENTIAL"
    assert cable.transmission.tid == "VZCZCXRO7165"
    # 24 INFO addressees, from RUEHBJ/AMEMBASSY BEIJING 3078 to RHEHNSC/NSC WASHDC.
    assert len(cable.info) == 24 and cable.info[-1].address == "NSC WASHDC"
    assert (cable.info[0].ri, cable.info[0].address, cable.info[0].mcn) == ("RUEHBJ", "AMEMBASSY BEIJING", "3078")
    assert [d.code for d in cable.defects] == ["encoding-fallback"]
    assert cable.paragraphs and cable.paragraphs[0].number == 1


def test_alx_press_date_line(corpus):
    (cable,) = records([str(corpus / "txt" / "alx-cablegate" / "01PRETORIA1173.txt")])
    assert cable.id == "01PRETORIA1173"
    assert cable.date == "2001-02-23T15:53:00Z"
    assert cable.tags == ["PREL", "PGOV", "SF"]
    assert cable.subject == "THIN-SKINNED MBEKI WILL REQUIRE DEFT HANDLING"
    assert [r.id for r in cable.references][:2] == ["99PRETORIA12315", "99PRETORIA12316"]


@pytest.mark.slow
def test_agreement_with_wikileaks_metadata_floors(corpus):
    result = load_script("bench/agreement.py").measure(corpus)
    header = {field: ok / n for field, (ok, n) in result["header"].items()}
    everything = {field: ok / n for field, (ok, n) in result["all"].items()}
    assert header["id"] >= 0.985
    assert header["date"] >= 0.99
    assert header["classification"] >= 0.98
    assert header["origin"] >= 0.99
    assert everything["id"] >= 0.985
    assert everything["classification"] >= 0.98
    assert everything["origin"] >= 0.99


def test_plusd_page_real_values(corpus):
    """A 1974 PlusD telegram: print-copy header in a hidden div, LOU banner."""
    page = corpus / "other" / "plusd-html" / "bhyassine-wikileaks-data-analytics" / "1974ATHENS02959_b.html"
    (cable,) = records([str(page)])
    assert (cable.id, cable.date) == ("74ATHENS2959", "1974-05-17T16:00:00Z")
    assert (cable.classification, cable.captions[0]) == ("UNCLASSIFIED", "LOU")
    assert (cable.from_, cable.origin, cable.signer) == ("AMEMBASSY ATHENS", "Embassy Athens", "TASCA")
    assert cable.subject == "ARRESTS OF KALOUDIS AND AMBATIELOS"
    assert cable.tags == ["PINS", "GR"]
    assert [(r.text, r.id) for r in cable.references] == [("STATE -097844", "74STATE97844")]
    # PlusD writes the id 1974ATHENS02959_b and the classification LIMITED
    # OFFICIAL USE: the same facts, so no mismatch is reported for them.
    mismatches = [d.message.split(":")[0] for d in cable.defects if d.code == "metadata-mismatch"]
    assert mismatches == ["origin"]  # PlusD names the post "Greece Athens"

"""The input layer, checked against real files from /work/shared/corpus."""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import subprocess
import sys
from pathlib import Path

import pytest

from cable_cli.sources import INPUT_FORMATS, InputError, RawCable, iter_inputs, read_path_list

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "corpus"


def shared(relative: str) -> Path:
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"shared file missing: {path}")
    return path


def corpus(relative: str) -> Path:
    return shared(f"corpus/{relative}")


def only(path: Path | str, **kwargs) -> RawCable:
    results = list(iter_inputs([str(path)], **kwargs))
    assert len(results) == 1, results
    assert isinstance(results[0], RawCable), results[0]
    return results[0]


def errors_and_cables(paths, **kwargs):
    results = list(iter_inputs([str(p) for p in paths], **kwargs))
    return ([r for r in results if isinstance(r, InputError)],
            [r for r in results if isinstance(r, RawCable)])


# --- Cablegate HTML ----------------------------------------------------------------------------

def test_html_avilaroman_metadata_and_text():
    cable = only(corpus("html/avilaroman-wikileaks-mirror/09BAKU687.html"))
    assert cable.input_format == "html"
    assert cable.metadata["id"] == "09BAKU687"
    assert cable.metadata["date"] == "2009-09-01T05:05:00Z"
    assert cable.metadata["released"] == "2011-02-08T00:12:00Z"
    # the link text, not title='unclassified'
    assert cable.metadata["classification"] == "CONFIDENTIAL"
    assert cable.metadata["origin"] == "Embassy Baku"
    assert cable.metadata["references"] is None
    assert "TAGS: PGOV PHUM AJ IR\n" in cable.text
    assert cable.text.startswith("VZCZCXRO5697\nRR RUEHBC")
    assert "RUEKJCS/SECDEF WASHDC\n\nC O N F I D E N T I A L \n" in cable.text  # header, blank, body
    assert "<" not in cable.text and "&#x" not in cable.text
    assert "Please mark messages" not in cable.text  # no navigation
    assert cable.defects == []


def test_html_chillicoder_keeps_paragraph_marks_and_weekday_line():
    cable = only(corpus("html/chillicoder-cablegate/10ROME1.html"))
    assert cable.metadata["id"] == "10ROME1"
    assert cable.metadata["date"] == "2010-01-01T15:03:00Z"
    assert cable.metadata["released"] == "2010-12-02T19:07:00Z"
    assert cable.metadata["classification"] == "CONFIDENTIAL"
    assert cable.metadata["origin"] == "Embassy Rome"
    assert "RUEHNP/AMCONSUL NAPLES IMMEDIATE 4177\n\nFriday, 01 January 2010, 15:02\n" in cable.text
    assert "\n ¶1. C) Summary: The Ambassador visited" in cable.text
    assert cable.text.endswith("THORNE")


def test_html_page_with_one_pre_block(tmp_path):
    page = corpus("html/avilaroman-wikileaks-mirror/09BAKU687.html").read_text(encoding="utf-8")
    start = page.index("<code><pre>VZCZC")
    end = page.index("</pre></code>", start) + len("</pre></code>")
    one_pre = tmp_path / "09BAKU687.html"
    one_pre.write_text(page[:start] + page[end:], encoding="utf-8")
    cable = only(one_pre)
    assert cable.metadata["id"] == "09BAKU687"
    assert cable.text.startswith("C O N F I D E N T I A L \nSECTION 01 OF 02 BAKU 000687")
    assert "VZCZC" not in cable.text


def test_html_markchips_malformed_id_is_passed_through():
    cable = only(corpus("html/markchips-cablegate-search-app/7575LIBREVILLE1895.html"))
    assert cable.metadata["id"] == "7575LIBREVILLE1895"
    assert cable.text.startswith("O R 181205Z NOV 75 ZFF4\nFM AMEMBASSY LIBREVILLE")


# --- PlusD -------------------------------------------------------------------------------------

def test_plusd_metadata_and_text():
    cable = only(corpus("other/plusd-html/bhyassine-wikileaks-data-analytics/1974ATHENS02959_b.html"))
    assert cable.input_format == "plusd"
    meta = cable.metadata
    assert meta["id"] == "1974ATHENS02959_b"
    assert meta["date"] == "1974-05-17T16:00:00Z"
    assert meta["classification"] == "LIMITED OFFICIAL USE"
    assert meta["origin"] == "Greece Athens"  # Office Origin is blank, so From
    assert meta["subject"] == "ARRESTS OF KALOUDIS AND AMBATIELOS"
    assert "PINS" in meta["tags"]
    assert cable.text.startswith("LIMITED OFFICIAL USE\n\nPAGE 01  ATHENS 02959  171944Z")
    assert "SUBJECT: ARRESTS OF KALOUDIS AND AMBATIELOS\n\nREF: STATE -097844\n\n1. INQUIRIES" in cable.text
    assert '"DEVOTION\nTO INTERNATIONAL LABOR CONVENTION"' in cable.text
    assert "idleTimer" not in cable.text and "Show" not in cable.text


# --- CSV ---------------------------------------------------------------------------------------

def test_csv_slice_rows_metadata_and_references():
    rows = list(iter_inputs([str(corpus("csv/none-later-wikileaks-processing/Embassy_Tehran.csv"))]))
    assert len(rows) == 13 and all(isinstance(r, RawCable) for r in rows)
    assert [r.source.rsplit(":", 1)[1] for r in rows] == [str(i) for i in range(1, 14)]
    sample = list(iter_inputs([str(corpus("csv/gavinmendelgleason-mapper/cables_sample.csv"))]))
    first, second = sample
    assert first.source.endswith("cables_sample.csv:1")
    assert first.metadata == {
        "id": "66BUENOSAIRES2481", "date": "1966-12-28T18:48:00Z", "released": None,
        "classification": "UNCLASSIFIED", "origin": "Embassy Buenos Aires",
        "references": ["66STATE106206"], "subject": None, "tags": None,
    }
    assert second.metadata["references"] == ["72MOSCOW1603", "72TEHRAN1091", "72TEHRAN263"]
    assert first.text.startswith("P R 281848Z DEC 66\nFM AMEMBASSY BUENOS AIRES\n")
    assert "\nSTATE GRNC\n\nUNCLASSIFIED BUENOS AIRES 2481 \n" in first.text  # header + blank + body


def test_csv_empty_references_and_backslash_unescaping():
    rows = {r.metadata["id"]: r for r in iter_inputs([str(corpus("csv/none-later-wikileaks-processing"))])}
    assert len(rows) == 1049
    assert sum(1 for r in rows.values() if r.metadata["references"] == []) > 100
    texts = "\n".join(r.text for r in rows.values())
    assert "SHAH'S" in texts and "\\'" not in texts and '\\"' not in texts
    maseru = next(r for r in rows.values() if "1994" in r.text and r.source.endswith("Embassy_Maseru.csv:1"))
    assert "IN 1994\\1995 BOTSWANA" in maseru.text  # MySQL '\\' is one backslash


def test_csv_escapes_synthetic(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text('"1","1/2/2003 4:05","03X1","Embassy X","SECRET","03X0,03X9",'
                    '"HDR","He said \\"no\\"; C:\\temp; it\\\'s; a\\\\b"\n', encoding="utf-8")
    cable = only(path)
    assert cable.text == 'HDR\n\nHe said "no"; C:\\temp; it\'s; a\\b'
    assert cable.metadata["references"] == ["03X0", "03X9"]
    assert cable.metadata["date"] == "2003-01-02T04:05:00Z"


def test_csv_bad_rows_are_errors_and_reading_goes_on(tmp_path):
    good = corpus("csv/gavinmendelgleason-mapper/cables_sample.csv").read_text(encoding="utf-8")
    path = tmp_path / "bad.csv"
    path.write_text(good + '\n"3","1/1/1999 1:00","short"\n' + good + '\n"9","1/1/1999 1:00","broken',
                    encoding="utf-8")
    results = list(iter_inputs([str(path)]))
    kinds = [type(r).__name__ for r in results]
    assert kinds == ["RawCable", "RawCable", "InputError", "RawCable", "RawCable", "InputError"]
    assert results[2].source == f"{path}:3"
    assert results[2].message == "CSV row 3: expected 8 fields, got 3"
    assert results[5].source == f"{path}:6"
    assert "quote not closed" in results[5].message
    assert results[3].metadata["id"] == "66BUENOSAIRES2481"


def test_csv_garbage_between_rows_resynchronises(tmp_path):
    good = corpus("csv/gavinmendelgleason-mapper/cables_sample.csv").read_text(encoding="utf-8")
    path = tmp_path / "junk.csv"
    path.write_text(good + '\n"3","x"junk here\nmore junk\n' + good, encoding="utf-8")
    kinds = [type(r).__name__ for r in iter_inputs([str(path)])]
    assert kinds == ["RawCable", "RawCable", "InputError", "RawCable", "RawCable"]


def test_csv_with_a_20_mb_field(tmp_path):
    path = tmp_path / "huge.csv"
    body = ("PARAGRAPH TEXT \\\"QUOTED\\\" " * 800_000)  # ~21 MB
    with path.open("w", encoding="utf-8") as handle:
        handle.write('"1","1/1/2000 0:00","00A1","Embassy A","SECRET","","HDR","' + body + '"\n')
        handle.write('"2","1/1/2000 0:00","00A2","Embassy A","SECRET","","HDR","small"\n')
    first, second = list(iter_inputs([str(path)]))
    assert len(first.text) == len("HDR\n\n") + len(body) - 2 * 800_000
    assert second.metadata["id"] == "00A2"


def _big_csv(tmp_path: Path, megabytes: int) -> Path:
    files = sorted((CORPUS / "csv" / "none-later-wikileaks-processing").glob("*.csv"))
    if not files:
        pytest.skip("corpus CSV slices missing")
    chunk = b"\n".join(f.read_bytes() for f in files) + b"\n"
    path = tmp_path / "big.csv"
    with path.open("wb") as handle:
        while handle.tell() < megabytes * 1_000_000:
            handle.write(chunk)
    return path


_RSS_PROBE = """
import resource, sys
from cable_cli.sources import RawCable, iter_inputs
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
count = sum(1 for r in iter_inputs([sys.argv[1]]) if isinstance(r, RawCable))
print(count, (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024)
"""


@pytest.mark.slow
def test_csv_streams_without_memory_growth(tmp_path):
    # A fresh interpreter, so that no earlier test's peak hides the growth (ru_maxrss is a peak).
    path = _big_csv(tmp_path, 30)
    out = subprocess.run([sys.executable, "-c", _RSS_PROBE, str(path)], check=True, capture_output=True,
                         text=True, cwd=Path(__file__).resolve().parents[1]).stdout
    count, growth_mb = out.split()
    assert int(count) > 4000
    assert float(growth_mb) < 15, f"peak RSS grew by {growth_mb} MB while streaming a 30 MB CSV"


# --- JSON --------------------------------------------------------------------------------------

def test_jsonl_mongoexport():
    rows = list(iter_inputs([str(corpus("other/mongoexport-jsonl/none-later-wikileaks-processing/wikileaks-11-28-10.json"))]))
    assert len(rows) == 219 and all(isinstance(r, RawCable) for r in rows)
    first = rows[0]
    assert first.source.endswith("wikileaks-11-28-10.json:1")
    assert first.metadata["id"] == "04ANKARA348"
    assert first.metadata["date"] == "2004-01-20T12:12:00Z"
    assert first.metadata["origin"] == "Embassy Ankara"
    assert first.text.startswith("This record is a partial extract of the original cable.")
    assert "\n\nC o n f i d e n t i a l section 01 of 04" in first.text


def test_jsonl_delhi_id_is_not_underscore_id():
    rows = list(iter_inputs([str(corpus("other/mongoexport-jsonl/none-later-wikileaks-processing/delhi.json"))]))
    assert len(rows) == 200
    assert rows[0].metadata["id"] is None  # _id holds a referenced cable, not this one
    assert rows[0].metadata["date"] == "1987-08-07T12:11:00Z"
    assert rows[0].text.startswith("UNCLAS SECTION 01 OF 02 NEW DELHI 19406")


def test_cablesearch_json_and_jsonp():
    plain = only(corpus("other/cablesearch-api-json/javiervegas-qwikileaks/08MADRID174.json"))
    assert plain.input_format == "json"
    assert plain.metadata["id"] == "08MADRID174"
    assert plain.metadata["date"] == "2008-02-15T17:05:00Z"
    assert plain.metadata["subject"] == "SPAIN WILL OPPOSE KOSOVO RECOGNITION AT GAERC"
    assert plain.metadata["tags"] == ["EUN", "IS", "KV", "PHUM", "PREL", "SP"]
    assert plain.text.startswith("VZCZCXRO9835\nPP RUEHAG RUEHROV\n")
    assert "\n\nC O N F I D E N T I A L SECTION 01 OF 02 MADRID 000174" in plain.text
    jsonp = only(corpus("other/cablesearch-api-json/javiervegas-qwikileaks/08MOSCOW3343.jsonp"))
    assert jsonp.metadata["id"] == "08MOSCOW3343"
    assert jsonp.metadata["origin"] == "Embassy Moscow"
    assert "Medvedev’s address" in jsonp.text


# --- text, alx, scraped --------------------------------------------------------------------------

def test_plain_text_cp1252_fallback_and_crlf():
    path = corpus("txt/paul-mathieu-cablegate-cia-analysis/09PARIS1007.txt")
    assert b"\r\n" in path.read_bytes()
    cable = only(path)
    assert cable.input_format == "text" and cable.metadata is None
    assert [d.code for d in cable.defects] == ["encoding-fallback"]
    assert cable.defects[0].message == "not UTF-8; decoded as cp1252"
    assert "\r" not in cable.text
    assert "¶" in cable.text or "¬" in cable.text
    assert cable.text.startswith("\nVZCZCXRO5911\n")


def test_plain_text_all_paul_mathieu_files():
    results = list(iter_inputs([str(corpus("txt/paul-mathieu-cablegate-cia-analysis"))]))
    assert len(results) == 24 and all(r.input_format == "text" for r in results)
    assert sum(1 for r in results if r.defects) == 22
    assert sum(1 for r in results if "¶" in r.text) >= 20


def test_alx_metadata_and_glue_split():
    cable = only(corpus("txt/alx-cablegate/01PRETORIA1173.txt"))
    assert cable.input_format == "alx"
    assert cable.metadata["id"] == "01PRETORIA1173"
    assert cable.metadata["date"] == "2001-02-23"
    assert cable.metadata["classification"] == "CONFIDENTIAL"
    assert cable.metadata["origin"] == "Embassy Pretoria"
    assert cable.metadata["released"] is None and cable.metadata["references"] is None
    assert cable.text.startswith("O 231553Z FEB 01\nFM AMEMBASSY PRETORIA\n")
    assert "COMMUNITY PRIORITY\nFriday, 23 February 2001, 15:53\nC O N F I D E N T I A L" in cable.text
    assert "01PRETORIA1173" not in cable.text.splitlines()[0]


def test_alx_partial_extract_and_empty_body():
    extract = only(corpus("txt/alx-cablegate/02ANKARA8150.txt"))
    assert extract.text.startswith("This record is a partial extract of the original cable. "
                                   "The full text of the original cable is not available.\nUNCLAS ANKARA 008150")
    empty = only(corpus("txt/alx-cablegate/01STATE176819.txt"))
    assert empty.input_format == "alx" and empty.text == ""
    assert empty.metadata["id"] == "01STATE176819" and empty.metadata["date"] == "2001-10-11"


def test_scraped_copy_is_labelled_and_untouched():
    path = shared("samples/09ASTANA319.scraped.txt")
    cable = only(path)
    assert cable.input_format == "scraped"
    assert "TAGS: [PGOV](#) [PREL](#)" in cable.text
    assert cable.text == path.read_text(encoding="utf-8")


# --- compression ---------------------------------------------------------------------------------

@pytest.mark.parametrize("compress,suffix", [(gzip.compress, ".gz"), (bz2.compress, ".bz2"),
                                             (lzma.compress, ".xz")])
@pytest.mark.parametrize("relative", [
    "txt/paul-mathieu-cablegate-cia-analysis/09PARIS1007.txt",
    "html/avilaroman-wikileaks-mirror/09BAKU687.html",
    "csv/gavinmendelgleason-mapper/cables_sample.csv",
])
def test_compressed_inputs_match_plain(tmp_path, compress, suffix, relative):
    plain_path = corpus(relative)
    packed = tmp_path / (plain_path.name + suffix)
    packed.write_bytes(compress(plain_path.read_bytes()))
    hidden = tmp_path / "no-extension"  # detection is by magic bytes, not the name
    hidden.write_bytes(packed.read_bytes())
    plain = list(iter_inputs([str(plain_path)]))
    for path in (packed, hidden):
        got = list(iter_inputs([str(path)]))
        assert [(g.text, g.input_format, g.metadata, g.defects) for g in got] == \
               [(p.text, p.input_format, p.metadata, p.defects) for p in plain]
        assert got[0].source.startswith(str(path))


def test_corrupt_gzip_is_an_error(tmp_path):
    path = tmp_path / "bad.txt.gz"
    path.write_bytes(gzip.compress(b"VZCZC\n" * 1000)[:40])
    (error,) = iter_inputs([str(path)])
    assert isinstance(error, InputError) and "decompression failed" in error.message


# --- stdin, walking, path lists ------------------------------------------------------------------

def test_stdin():
    data = corpus("csv/gavinmendelgleason-mapper/cables_sample.csv").read_bytes()
    results = list(iter_inputs(["-"], stdin=io.BytesIO(data)))
    assert [r.source for r in results] == ["-:1", "-:2"]
    html = corpus("html/chillicoder-cablegate/10ROME1.html").read_bytes()
    (cable,) = iter_inputs(["-"], stdin=io.BytesIO(gzip.compress(html)))
    assert cable.source == "-" and cable.metadata["id"] == "10ROME1"


def test_walk_whole_corpus():
    if not (CORPUS / "MANIFEST.md").exists():
        pytest.skip("corpus missing")
    errors, cables = errors_and_cables([CORPUS])
    by_format: dict[str, int] = {}
    for cable in cables:
        by_format[cable.input_format] = by_format.get(cable.input_format, 0) + 1
    assert by_format == {"html": 342, "csv": 1051, "json": 421, "text": 24, "alx": 3, "plusd": 3}
    assert len(errors) == 15 and all(e.skipped for e in errors)  # MANIFEST.md and 14 PDFs
    assert sum(1 for e in errors if e.message == "PDF is not supported") == 14
    assert any(e.source.endswith("MANIFEST.md") and e.message.startswith("not a cable") for e in errors)


def test_walk_order_and_glob():
    directory = corpus("html/heuer-cablemap")
    results = list(iter_inputs([str(directory)], glob="08*.html"))
    assert [Path(r.source).name for r in results] == ["08BRASILIA93.html", "08REYKJAVIK195.html",
                                                      "08TRIPOLI220.html"]


def test_explicit_non_cables_are_not_skipped():
    (manifest,) = iter_inputs([str(corpus("MANIFEST.md"))])
    assert isinstance(manifest, InputError) and not manifest.skipped
    (pdf,) = iter_inputs([str(corpus("other/pdf/paul-mathieu-cablegate-cia-analysis/00HANOI686.pdf"))])
    assert pdf.message == "PDF is not supported" and not pdf.skipped


def test_bad_inputs_each_give_one_error_and_reading_goes_on(tmp_path):
    good = corpus("txt/alx-cablegate/01PRETORIA1173.txt")
    regular = tmp_path / "regular.txt"
    regular.write_text("x")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    png = tmp_path / "cable.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    novel = tmp_path / "novel.txt"
    novel.write_text("It was the best of times, it was the worst of times, it was the age of wisdom, "
                     "it was the age of foolishness. The secret was kept.\nSubject: a letter\n")
    small_json = tmp_path / "a.json"
    small_json.write_text('{"a":1}')
    cases = {
        str(tmp_path / "missing.txt"): "no such file",
        str(regular) + "/": "not a directory",
        str(empty): "empty file",
        str(png): "binary file (PNG image)",
        str(novel): "not a cable: no cable header or body found",
        str(small_json): "not a cable: JSON without cable fields (header, body or text)",
    }
    for path, message in cases.items():
        results = list(iter_inputs([path, str(good)]))
        assert len(results) == 2, results
        error, cable = results
        assert isinstance(error, InputError) and error.source == path and error.message == message
        assert not error.skipped
        assert isinstance(cable, RawCable) and cable.metadata["id"] == "01PRETORIA1173"


def test_unreadable_file(tmp_path):
    import os
    if os.geteuid() == 0:
        pytest.skip("root reads everything")
    path = tmp_path / "secret.txt"
    path.write_text("VZCZC")
    path.chmod(0)
    (error,) = iter_inputs([str(path)])
    assert error.message == "permission denied"


def test_too_large_single_cable_is_refused_without_reading(tmp_path):
    path = tmp_path / "big.txt"
    with path.open("wb") as handle:
        line = b"R 010538Z SEP 09 FM AMEMBASSY BAKU\n" * 1000
        for _ in range(2000):
            handle.write(line)
    (error,) = iter_inputs([str(path)])
    assert error.message == "too large for a single cable: 70 MB"


def test_forced_input_format(tmp_path):
    cable = only(corpus("txt/alx-cablegate/01PRETORIA1173.txt"), input_format="text")
    assert cable.input_format == "text" and cable.metadata is None
    assert cable.text.startswith("01PRETORIA1173\nTHIN-SKINNED")
    with pytest.raises(ValueError):
        list(iter_inputs(["x"], input_format="pdf"))
    assert set(INPUT_FORMATS) == {"text", "scraped", "alx", "html", "plusd", "csv", "json"}


def test_read_path_list(tmp_path):
    listing = tmp_path / "list"
    listing.write_bytes(b"a.txt\r\nb c.txt\n\n")
    assert read_path_list(str(listing)) == ["a.txt", "b c.txt"]
    assert read_path_list("-", nul=True, stdin=io.BytesIO(b"x\ny\0z\0")) == ["x\ny", "z"]

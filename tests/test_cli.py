"""Every command in every format, through Typer's CliRunner.

stdout and stderr are asserted separately: data on stdout, diagnostics on
stderr.  Values are those of the reference cable, read by hand.
"""

from __future__ import annotations

import csv
import io
import json

import pytest
import yaml
from typer.testing import CliRunner

from cable_cli.cli import app
from cable_cli.model import FIELDS, META_FIELDS, PARAGRAPH_ROW_FIELDS, REFERENCE_ROW_FIELDS

from conftest import SAMPLE

runner = CliRunner()
S = str(SAMPLE)


def run(*args: str, env: dict | None = None):
    return runner.invoke(app, list(args), env=env or {})


@pytest.mark.parametrize("fmt", ["json", "jsonl", "yaml", "tsv", "table", "auto"])
def test_meta_every_format(fmt):
    result = run("meta", S, "-f", fmt)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    out = result.stdout
    if fmt == "json":
        record = json.loads(out)
        assert list(record) == list(META_FIELDS)
        assert record["id"] == "09ASTANA319"
    elif fmt in ("jsonl", "auto"):  # CliRunner's stdout is no terminal: auto is JSON Lines
        lines = out.splitlines()
        assert len(lines) == 1 and json.loads(lines[0])["origin"] == "Embassy Astana"
    elif fmt == "yaml":
        docs = list(yaml.safe_load_all(out))
        assert out.startswith("---") and docs[0]["tags"] == ["PGOV", "PREL", "EAID", "AF", "PK", "RS", "KZ"]
    elif fmt == "tsv":
        rows = list(csv.reader(io.StringIO(out), delimiter="\t"))
        assert rows[0] == list(META_FIELDS) and rows[1][0] == "09ASTANA319"
        assert rows[1][META_FIELDS.index("tags")] == "PGOV|PREL|EAID|AF|PK|RS|KZ"
    else:
        assert "09ASTANA319" in out and "Embassy Astana" in out
        assert "\x1b[" not in out and "│" not in out  # no colour, no box drawing off a terminal


def test_meta_several_cables_tsv_one_row_each(corpus):
    txt = corpus / "txt" / "paul-mathieu-cablegate-cia-analysis"
    result = run("meta", S, str(txt / "06NEWDELHI5135.txt"), "-f", "tsv", "-q")
    rows = result.stdout.splitlines()
    assert result.exit_code == 0
    assert [r.split("\t")[0] for r in rows] == ["id", "09ASTANA319", "06NEWDELHI5135"]


def test_meta_json_several_is_an_array(corpus):
    txt = corpus / "txt" / "paul-mathieu-cablegate-cia-analysis"
    result = run("meta", S, str(txt / "06NEWDELHI5135.txt"), "-f", "json", "-q")
    data = json.loads(result.stdout)
    assert [r["id"] for r in data] == ["09ASTANA319", "06NEWDELHI5135"]


@pytest.mark.parametrize("fmt", ["json", "jsonl", "yaml", "tsv"])
def test_show_machine_formats_give_the_whole_record(fmt):
    result = run("show", S, "-f", fmt)
    assert result.exit_code == 0
    if fmt == "json":
        assert list(json.loads(result.stdout)) == list(FIELDS)
    elif fmt == "jsonl":
        assert len(json.loads(result.stdout)["paragraphs"]) == 7
    elif fmt == "yaml":
        assert next(yaml.safe_load_all(result.stdout))["signer"] == "HOAGLAND"
    else:
        assert result.stdout.splitlines()[0].split("\t") == list(FIELDS)


def test_show_piped_is_plain_text():
    result = run("show", S)
    out = result.stdout
    assert result.exit_code == 0
    assert out.startswith("Cable:          09ASTANA319\n")
    assert "TAGS:           KZ  Kazakhstan" in out
    assert "Reference:      A. STATE 14097 -> 09STATE14097" in out
    assert "RUSSIA NEEDS TO BE INVOLVED\n\n4. (C) After the Ambassador reviewed" in out
    assert out.rstrip().endswith("HOAGLAND")
    assert "\x1b" not in out and "╭" not in out


def test_show_color_always_uses_colour_and_boxes():
    result = run("show", S, "--color", "always")
    assert "\x1b[" in result.stdout
    assert "09ASTANA319" in result.stdout


def test_no_color_env_is_respected():
    result = run("meta", S, "-f", "table", env={"NO_COLOR": "1"})
    assert "\x1b[" not in result.stdout


@pytest.mark.parametrize("fmt", ["json", "jsonl", "yaml", "tsv", "table"])
def test_paragraphs_every_format(fmt):
    result = run("paragraphs", S, "-f", fmt, "-n", "4")
    assert result.exit_code == 0
    out = result.stdout
    if fmt == "json":
        row = json.loads(out)
        assert list(row) == list(PARAGRAPH_ROW_FIELDS)
        assert (row["number"], row["heading"]) == (4, "RUSSIA NEEDS TO BE INVOLVED")
    elif fmt == "jsonl":
        assert json.loads(out)["text"].startswith("After the Ambassador reviewed")
    elif fmt == "yaml":
        assert next(yaml.safe_load_all(out))["classification"] == "C"
    elif fmt == "tsv":
        assert out.splitlines()[1].split("\t")[:5] == [
            "09ASTANA319", S, "4", "C", "RUSSIA NEEDS TO BE INVOLVED"]
    else:
        assert "RUSSIA NEEDS TO BE INVOLVED" in out


def test_paragraphs_grep_keeps_matching_ones():
    result = run("paragraphs", S, "--grep", "taliban", "-f", "jsonl")
    assert [json.loads(line)["number"] for line in result.stdout.splitlines()] == [1, 5]


def test_paragraphs_bad_regex_is_a_usage_error():
    result = run("paragraphs", S, "--grep", "(")
    assert result.exit_code == 2
    assert result.stdout == "" and "--grep" in result.stderr


@pytest.mark.parametrize("fmt", ["json", "jsonl", "yaml", "tsv", "table"])
def test_refs_every_format(fmt):
    result = run("refs", S, "-f", fmt)
    assert result.exit_code == 0
    out = result.stdout
    if fmt == "json":
        rows = json.loads(out)
        assert [list(r) for r in rows] == [list(REFERENCE_ROW_FIELDS)] * 2
        assert [r["ref_id"] for r in rows] == ["09STATE14097", "09STATE15959"]
    elif fmt == "jsonl":
        assert [json.loads(x)["label"] for x in out.splitlines()] == ["A", "B"]
    elif fmt == "yaml":
        assert [d["kind"] for d in yaml.safe_load_all(out)] == ["cable", "cable"]
    elif fmt == "tsv":
        assert out.splitlines()[2].split("\t") == ["09ASTANA319", S, "B", "STATE 15959", "09STATE15959", "cable"]
    else:
        assert "09STATE15959" in out


def test_stdin_dash_reads_the_cable():
    result = runner.invoke(app, ["meta", "-", "-f", "jsonl"], input=SAMPLE.read_text(encoding="utf-8"))
    record = json.loads(result.stdout)
    assert (record["id"], record["source"]) == ("09ASTANA319", "-")


def test_output_file_is_written_and_not_replaced_without_force(tmp_path):
    target = tmp_path / "out.json"
    assert run("meta", S, "-f", "json", "-o", str(target)).exit_code == 0
    assert json.loads(target.read_text())["id"] == "09ASTANA319"
    again = run("meta", S, "-f", "json", "-o", str(target))
    assert again.exit_code == 2 and "exists" in again.stderr
    assert run("meta", S, "-f", "json", "-o", str(target), "--force").exit_code == 0


def test_missing_input_exit_3_others_still_processed(tmp_path):
    result = run("meta", str(tmp_path / "nope.txt"), S, "-f", "jsonl")
    assert result.exit_code == 3
    assert json.loads(result.stdout)["id"] == "09ASTANA319"
    assert "nope.txt" in result.stderr


def test_id_picks_a_cable_out_of_a_csv(corpus):
    csv_file = corpus / "csv" / "gavinmendelgleason-mapper" / "cables_sample.csv"
    result = run("meta", str(csv_file), "--id", "72TEHRAN1164", "-f", "jsonl", "-q")
    rows = [json.loads(x) for x in result.stdout.splitlines()]
    assert [r["id"] for r in rows] == ["72TEHRAN1164"]
    assert rows[0]["source"].endswith("cables_sample.csv:2")


def test_strict_turns_defects_into_exit_4(corpus):
    # 06NEWDELHI5135 is cp1252, not UTF-8: an encoding-fallback defect.
    cable = corpus / "txt" / "paul-mathieu-cablegate-cia-analysis" / "06NEWDELHI5135.txt"
    assert run("meta", str(cable), "-f", "jsonl").exit_code == 0
    strict = run("meta", str(cable), "-f", "jsonl", "--strict")
    assert strict.exit_code == 4
    assert "warning[encoding-fallback]" in strict.stderr


@pytest.mark.parametrize("fmt", ["jsonl", "json", "yaml", "csv"])
def test_export_every_format(tmp_path, fmt):
    target = tmp_path / f"out.{fmt}"
    result = run("export", S, "-f", fmt, "-o", str(target), "-j", "1")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "exported 1, with defects 0, failed 0" in result.stderr
    text = target.read_text(encoding="utf-8")
    if fmt == "jsonl":
        assert json.loads(text)["paragraphs"][6]["number"] == 7
    elif fmt == "json":
        assert json.loads(text)[0]["id"] == "09ASTANA319"
    elif fmt == "yaml":
        assert next(yaml.safe_load_all(text))["summary"].endswith("on a regular basis.")
    else:
        rows = list(csv.reader(io.StringIO(text)))
        assert rows[0] == list(FIELDS)
        assert rows[1][FIELDS.index("paragraphs")].startswith("1. (C) SUMMARY: The Ambassador")


def test_export_out_dir_one_file_per_cable(tmp_path, corpus):
    txt = corpus / "txt" / "paul-mathieu-cablegate-cia-analysis"
    result = run("export", S, str(txt / "06NEWDELHI5135.txt"), "-f", "json", "--out-dir", str(tmp_path), "-q")
    assert result.exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["06NEWDELHI5135.json", "09ASTANA319.json"]


def test_version():
    result = run("--version")
    assert result.exit_code == 0 and result.stdout.startswith("cable ")


def test_internal_error_is_one_line_and_exit_1(monkeypatch, capsys):
    """A bug inside a command reaches the user as one line, not a traceback."""
    import cable_cli.cli as cli
    import cable_cli.pipeline as pipeline

    def broken(*args, **kwargs):
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(pipeline, "records", broken)
    monkeypatch.delenv("CABLE_DEBUG", raising=False)
    monkeypatch.setattr("sys.argv", ["cable", "meta", S, "-f", "json"])
    with pytest.raises(SystemExit) as done:
        cli.main()
    assert done.value.code == 1
    err = capsys.readouterr().err
    assert err == "cable: internal error: RuntimeError: simulated bug (set CABLE_DEBUG=1 for the traceback)\n"

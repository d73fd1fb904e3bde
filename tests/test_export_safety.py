"""Export safety: atomic writes (even under kill -9), no overwrite without
--force, file names that cannot leave --out-dir, YAML by the safe dumper."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from cable_cli.export import safe_name
from cable_cli.outfile import AtomicFile, OutputExists
from cable_cli.render import serial

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "09ASTANA319.scraped.txt"
SAMPLE_BODY = SAMPLE.read_text(encoding="utf-8").replace('"', "'")
CABLE = [sys.executable, "-m", "cable_cli"]


def csv_row(n: int, cable_id: str, body: str = SAMPLE_BODY) -> str:
    return f'"{n}","02/24/2009 10:13","{cable_id}","Embassy Astana","CONFIDENTIAL","","","{body}"\n'


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(CABLE + list(args), capture_output=True, text=True, cwd=cwd, timeout=120)


def test_kill_9_mid_export_leaves_old_or_complete_file(tmp_path):
    big = tmp_path / "big.csv"
    big.write_text("".join(csv_row(n, f"09ASTANA{n}") for n in range(1, 2001)))
    out = tmp_path / "out" / "records.jsonl"
    out.parent.mkdir()
    out.write_text("OLD\n")
    complete = None
    for delay in (0.6, 1.0):
        proc = subprocess.Popen(CABLE + ["export", str(big), "-o", str(out), "--force", "-q", "-j", "2"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        time.sleep(delay)
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        text = out.read_text()
        if text != "OLD\n":  # then it finished: the whole new file
            complete = text
            lines = text.splitlines()
            assert len(lines) == 2000 and all(json.loads(line)["id"] for line in lines)
        # a killed export may leave its temp file behind, never a partial target
        assert {p.name for p in out.parent.iterdir() if not p.name.startswith(".records.jsonl.")} == {"records.jsonl"}
    assert complete is None or complete.endswith("\n")


def test_atomic_file_on_error_keeps_old(tmp_path):
    target = tmp_path / "x.txt"
    target.write_text("old")
    with pytest.raises(RuntimeError):
        with AtomicFile(target, force=True) as f:
            f.write("partial")
            raise RuntimeError("boom")
    assert target.read_text() == "old" and os.listdir(tmp_path) == ["x.txt"]
    with pytest.raises(OutputExists):
        with AtomicFile(target) as f:
            f.write("new")
    assert target.read_text() == "old"


@pytest.mark.parametrize("command", [["export", "-q"], ["meta", "-f", "jsonl"]])
def test_no_overwrite_without_force(tmp_path, command):
    target = tmp_path / "out.jsonl"
    target.write_text("keep me\n")
    done = run(command[0], str(SAMPLE), *command[1:], "-o", str(target))
    assert done.returncode == 2 and "--force" in done.stderr
    assert target.read_text() == "keep me\n"
    done = run(command[0], str(SAMPLE), *command[1:], "-o", str(target), "--force")
    assert done.returncode == 0
    assert json.loads(target.read_text().splitlines()[0])["id"] == "09ASTANA319"
    assert sorted(os.listdir(tmp_path)) == ["out.jsonl"]


def test_out_dir_no_overwrite_without_force(tmp_path):
    out = tmp_path / "recs"
    assert run("export", str(SAMPLE), "--out-dir", str(out), "-q").returncode == 0
    (out / "09ASTANA319.jsonl").write_text("mine\n")
    done = run("export", str(SAMPLE), "--out-dir", str(out), "-q")
    assert done.returncode == 3 and "exists" in done.stderr
    assert (out / "09ASTANA319.jsonl").read_text() == "mine\n"
    assert run("export", str(SAMPLE), "--out-dir", str(out), "-q", "--force").returncode == 0
    assert (out / "09ASTANA319.jsonl").read_text() != "mine\n"


HOSTILE_IDS = ["../../etc/x", "/etc/passwd", "..", ".", "...", "a/../../b", "..\\..\\win", "x\x00y", "\x1b[2J",
               "A" * 5000, "-rf", ".hidden", "~root", "$(reboot)", "CON", "\u202eexe.txt", "", " "]


@pytest.mark.parametrize("cable_id", HOSTILE_IDS)
def test_safe_name_stays_in_the_directory(tmp_path, cable_id):
    name = safe_name(cable_id, "cable-1")
    assert name and "/" not in name and "\\" not in name and "\x00" not in name
    assert not name.startswith((".", "-", "~"))
    assert len(name) <= 100
    assert (tmp_path / name).resolve().parent == tmp_path.resolve()


def test_hostile_ids_from_metadata_and_text_stay_in_out_dir(tmp_path):
    """CSV rows whose id (metadata) is hostile, and a cable whose text gives a
    hostile 'id': every file lands directly inside --out-dir."""
    work = tmp_path / "work"
    work.mkdir()
    rows = [csv_row(n, cable_id.replace('"', "'").replace("\x00", ""), "no header, just text " + cable_id)
            for n, cable_id in enumerate(HOSTILE_IDS, start=1)]
    (work / "hostile.csv").write_text("".join(rows))
    text_id = SAMPLE.read_text(encoding="utf-8").replace("ASTANA 319", "../../ETC 319").replace(
        "ASTANA319", "../../ETC319")
    (work / "texty.txt").write_text(text_id)
    out = work / "out"
    done = run("export", str(work / "hostile.csv"), str(work / "texty.txt"), "--out-dir", str(out), "-q",
               "-f", "json")
    assert "Traceback" not in done.stderr
    outside = {p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")}
    assert outside <= {"work", "work/hostile.csv", "work/texty.txt", "work/out"} | {
        f"work/out/{p.name}" for p in out.iterdir()}
    for path in out.iterdir():
        assert path.is_file() and path.parent == out
        assert not path.name.startswith(".") and len(path.name) < 120
        json.loads(path.read_text())


def test_yaml_uses_the_safe_dumper_only():
    class Evil:
        pass

    with pytest.raises(yaml.representer.RepresenterError):
        serial.yaml_document({"x": Evil()})
    document = serial.yaml_document({"id": "!!python/object/apply:os.system ['echo pwned']", "t": "\u202e\x1b"})
    assert "!!python" not in document.replace("'!!python", "").replace('"!!python', "")
    assert yaml.safe_load(document)["id"].startswith("!!python")
    assert document.isascii()


def test_yaml_export_reads_back_with_safe_load(tmp_path):
    out = tmp_path / "x.yaml"
    assert run("export", str(SAMPLE), "-f", "yaml", "-o", str(out), "-q").returncode == 0
    docs = list(yaml.safe_load_all(out.read_text()))
    assert docs[0]["id"] == "09ASTANA319"

"""Bad files: one clear line on stderr naming the input and the reason, the
other inputs still go through, exit code 3; memory stays bounded."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "09ASTANA319.scraped.txt"
CABLE = [sys.executable, "-m", "cable_cli"]


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(CABLE + list(args), capture_output=True, text=True, cwd=cwd, timeout=120)


def csv_row(n: int, cable_id: str, body: str) -> str:
    return f'"{n}","02/24/2009 10:13","{cable_id}","Embassy Astana","CONFIDENTIAL","","","{body}"\n'


SAMPLE_BODY = SAMPLE.read_text(encoding="utf-8").replace('"', "'")


def make(tmp_path: Path, kind: str) -> Path:
    path = tmp_path / {"missing": "missing.txt", "directory_file": "listdir", "empty": "empty.txt",
                       "png": "image.png", "zip": "archive.zip", "novel": "novel.txt", "json": "data.json",
                       "broken_quote": "broken.csv", "unclosed_quote": "unclosed.csv", "pdf": "doc.pdf",
                       "gzip_garbage": "bad.txt.gz"}[kind]
    if kind == "empty":
        path.write_bytes(b"")
    elif kind == "png":
        path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    elif kind == "zip":
        with zipfile.ZipFile(path, "w") as z:
            z.writestr("cable.txt", SAMPLE.read_text(encoding="utf-8"))
    elif kind == "pdf":
        path.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    elif kind == "novel":
        path.write_text("It was the best of times, it was the worst of times, it was the age of wisdom.\n\n" * 300)
    elif kind == "json":
        path.write_text(json.dumps({"name": "not a cable", "items": [1, 2, 3]}))
    elif kind == "broken_quote":
        path.write_text(csv_row(1, "09ASTANA319", SAMPLE_BODY)
                        + '"2","02/24/2009 10:13","09X1","E","C","","",""broken" quote\n'
                        + csv_row(3, "09ASTANA321", SAMPLE_BODY))
    elif kind == "unclosed_quote":
        path.write_text(csv_row(1, "09ASTANA319", SAMPLE_BODY)
                        + '"2","02/24/2009 10:13","09X1","E","C","","","never closed\n' + "x\n" * 100)
    elif kind == "gzip_garbage":
        path.write_bytes(gzip.compress(b"hello")[:12] + b"garbage")
    return path


# (kind, cables from the bad input itself, expected words in the reason)
CASES = [
    ("missing", 0, "no such file"),
    ("empty", 0, "empty"),
    ("png", 0, "binary"),
    ("zip", 0, "binary"),
    ("pdf", 0, ""),
    ("novel", 0, "not a cable"),
    ("json", 0, "not a cable"),
    ("broken_quote", 2, "row 2"),
    ("unclosed_quote", 1, "quote"),
    ("gzip_garbage", 0, ""),
]


@pytest.mark.parametrize("kind,good,reason", CASES, ids=[c[0] for c in CASES])
@pytest.mark.parametrize("command", ["meta", "export"])
def test_bad_input_is_one_line_and_the_rest_goes_through(tmp_path, kind, good, reason, command):
    bad = make(tmp_path, kind)
    from typer.testing import CliRunner

    from cable_cli.cli import app

    args = [command, str(SAMPLE), str(bad), str(SAMPLE)] + (["-f", "jsonl", "-q"] if command == "meta" else ["-q", "-j", "1"])
    done = CliRunner().invoke(app, args)  # in-process: fast
    assert done.exit_code == 3, done.stderr
    assert "Traceback" not in done.stderr
    lines = [line for line in done.stderr.splitlines() if line]
    assert len(lines) == 1, lines
    assert str(bad) in lines[0] and reason in lines[0].lower()
    assert len(done.stdout.splitlines()) == 2 + good  # both good inputs (and the good rows) went through


def test_directory_where_a_file_was_expected(tmp_path):
    (tmp_path / "d").mkdir()
    done = run("meta", "--files-from", str(tmp_path / "d"))
    assert done.returncode == 2
    assert "directory" in done.stderr.lower() and str(tmp_path / "d") in done.stderr
    done = run("meta", str(SAMPLE), "-o", str(tmp_path / "d"), "-f", "jsonl")
    assert done.returncode == 2 and "exists" in done.stderr
    done = run("export", str(SAMPLE), "-o", str(tmp_path / "d"), "--force", "-q")
    assert done.returncode in (2, 3)
    assert "directory" in done.stderr.lower() and len(done.stderr.strip().splitlines()) == 1
    assert "Traceback" not in done.stderr
    assert os.listdir(tmp_path / "d") == [] and sorted(os.listdir(tmp_path)) == ["d"]


def test_unreadable_file(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text(SAMPLE.read_text(encoding="utf-8"))
    path.chmod(0)
    if os.access(path, os.R_OK):
        # root reads everything: simulate with a path the kernel refuses (a file below a file).
        path = tmp_path / "secret.txt" / "inner.txt"
    done = run("meta", str(path), str(SAMPLE), "-f", "jsonl")
    assert done.returncode == 3
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and str(path) in lines[0]
    assert len(done.stdout.splitlines()) == 1


def test_a_directory_input_is_walked_and_bad_files_reported(tmp_path):
    for kind in ("png", "novel", "empty"):
        make(tmp_path, kind)
    (tmp_path / "good.txt").write_text(SAMPLE.read_text(encoding="utf-8"))
    done = run("meta", str(tmp_path), "-f", "jsonl", "-q")
    assert len(done.stdout.splitlines()) == 1
    assert "Traceback" not in done.stderr
    assert done.returncode in (0, 3)  # walked files that are clearly not cables are skipped, not failures


PEAK = ("import resource, subprocess, sys; d = subprocess.run(sys.argv[1:], capture_output=True); "
        "sys.stderr.buffer.write(d.stderr); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, d.returncode, d.stdout.count(b'\\n'))")


def peak_rss_mb(*args: str) -> tuple[float, int, int, str]:
    """Peak RSS of ``cable ARGS`` in MB, its exit code, its stdout lines, its stderr."""
    done = subprocess.run([sys.executable, "-c", PEAK, *CABLE, *args], capture_output=True, text=True, timeout=300)
    rss, code, lines = done.stdout.split()
    return int(rss) / 1024, int(code), int(lines), done.stderr


@pytest.mark.slow
def test_50_mb_text_file_is_refused_in_bounded_memory(tmp_path):
    big = tmp_path / "big.txt"
    line = ("THE QUICK BROWN FOX JUMPS OVER THE LAZY DOG. " * 20 + "\n").encode()
    with open(big, "wb") as f:
        f.write(SAMPLE.read_bytes())
        for _ in range(50 * 1024 * 1024 // len(line)):
            f.write(line)
    mb, code, lines, err = peak_rss_mb("meta", str(big), str(SAMPLE), "-f", "jsonl")
    assert mb < 300, f"peak RSS {mb:.0f} MB"
    assert code == 3
    assert str(big) in err and "too large" in err
    assert lines == 1


@pytest.mark.slow
def test_csv_with_a_20_mb_field_in_bounded_memory(tmp_path):
    path = tmp_path / "bigfield.csv"
    with open(path, "w", encoding="utf-8") as f:
        f.write(csv_row(1, "09ASTANA319", SAMPLE_BODY))
        f.write(csv_row(2, "09ASTANA320", SAMPLE_BODY + "WORD " * (20 * 1024 * 1024 // 5)))
        f.write(csv_row(3, "09ASTANA321", SAMPLE_BODY))
    mb, code, lines, err = peak_rss_mb("meta", str(path), "-f", "jsonl", "-q")
    assert mb < 300, f"peak RSS {mb:.0f} MB"
    assert "Traceback" not in err
    assert code == 0 and lines == 3


def test_strict_turns_defects_into_exit_4(tmp_path):
    odd = tmp_path / "odd.csv"  # the row's id disagrees with the text: a metadata-mismatch defect
    odd.write_text(csv_row(1, "09ASTANA1", SAMPLE_BODY))
    assert run("meta", str(odd), "-f", "jsonl", "-q").returncode == 0
    assert run("meta", str(odd), "-f", "jsonl", "-q", "--strict").returncode == 4
    assert run("export", str(odd), "-q").returncode == 0
    assert run("export", str(odd), "-q", "--strict").returncode == 4
    # an unreadable input wins over defects
    assert run("meta", str(odd), str(tmp_path / "none"), "-f", "jsonl", "--strict").returncode == 3

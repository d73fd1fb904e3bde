"""Pipes and signals: ``| head`` ends quietly; Ctrl-C leaves no partial file
and exits 130."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "09ASTANA319.scraped.txt"
CABLE = [sys.executable, "-m", "cable_cli"]


def big_csv(path: Path, rows: int) -> Path:
    """``rows`` cables.csv rows, each the sample cable."""
    text = SAMPLE.read_text(encoding="utf-8").replace('"', "'")
    with open(path, "w", encoding="utf-8") as f:
        for n in range(1, rows + 1):
            f.write(f'"{n}","02/24/2009 10:13","09ASTANA{n}","Embassy Astana","CONFIDENTIAL","","","{text}"\n')
    return path


@pytest.fixture(scope="module")
def corpus_csv(tmp_path_factory):
    return big_csv(tmp_path_factory.mktemp("big") / "cables.csv", 3000)


def pipe_to_head(args: list[str], lines: int = 1) -> tuple[int, bytes, list[bytes]]:
    """``cable ARGS | head -LINES`` with a real pipe."""
    producer = subprocess.Popen(CABLE + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                start_new_session=True)
    head = subprocess.Popen(["head", f"-{lines}"], stdin=producer.stdout, stdout=subprocess.PIPE)
    producer.stdout.close()  # only head reads it now
    out, _ = head.communicate(timeout=60)
    try:
        _, err = producer.communicate(timeout=30)
    except subprocess.TimeoutExpired:  # (a pool once hung here, waiting on its own workers)
        os.killpg(producer.pid, signal.SIGKILL)
        producer.wait()
        raise AssertionError("cable did not stop when its reader went away")
    return producer.returncode, err, out.splitlines()


@pytest.mark.parametrize("args", [
    ["export", "-q", "-j", "1"], ["export", "-q", "-j", "2"], ["export", "-q", "-f", "csv", "-j", "3"],
    ["export", "-q", "-f", "yaml", "-j", "2"], ["export", "-q", "-f", "json", "-j", "4"],
    ["paragraphs", "-f", "tsv"], ["meta", "-f", "json"], ["show"],
])
def test_head_ends_quietly(corpus_csv, args):
    code, err, out = pipe_to_head([args[0], str(corpus_csv), *args[1:]], lines=1)
    assert len(out) == 1
    text = err.decode()
    assert "Traceback" not in text and "Exception ignored" not in text and "BrokenPipe" not in text, text
    assert all(line.endswith("]") or "warning[" in line for line in text.splitlines() if line), text
    assert code == 0


def _interrupt(args: list[str], after: float, cwd: Path) -> tuple[int, str]:
    proc = subprocess.Popen(CABLE + args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=cwd,
                            start_new_session=True)
    time.sleep(after)
    os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C does: the whole process group
    try:
        _, err = proc.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        raise AssertionError("cable did not stop on SIGINT")
    return proc.returncode, err.decode()


@pytest.mark.parametrize("jobs", ["1", "3"])
def test_ctrl_c_leaves_no_partial_output(corpus_csv, tmp_path, jobs):
    code, err = _interrupt(["export", str(corpus_csv), "-o", "out.jsonl", "-q", "-j", jobs], 0.8, tmp_path)
    assert code == 130, err
    assert "interrupted" in err
    assert "Traceback" not in err and "Exception ignored" not in err, err
    assert os.listdir(tmp_path) == []  # no target, no .out.jsonl.*.tmp


def test_ctrl_c_keeps_the_old_file(corpus_csv, tmp_path):
    (tmp_path / "out.csv").write_text("old\n")
    code, err = _interrupt(["export", str(corpus_csv), "-o", "out.csv", "-f", "csv", "--force", "-j", "2"],
                           0.8, tmp_path)
    assert code == 130, err
    assert os.listdir(tmp_path) == ["out.csv"]
    assert (tmp_path / "out.csv").read_text() == "old\n"


def test_ctrl_c_in_a_listing_command(corpus_csv, tmp_path):
    code, err = _interrupt(["meta", str(corpus_csv), "-o", "meta.jsonl", "-f", "jsonl", "-q"], 0.8, tmp_path)
    assert code == 130, err
    assert os.listdir(tmp_path) == []


# ``cable`` ends single-cable commands with os._exit (no interpreter
# teardown, cli._leave): what it wrote must still all arrive, with its code.

@pytest.mark.parametrize("args", [["paragraphs", "-f", "jsonl"], ["meta", "-f", "tsv"], ["show"]])
def test_the_fast_exit_loses_no_output(corpus_csv, args):
    from typer.testing import CliRunner

    from cable_cli.cli import app

    expected = CliRunner().invoke(app, args + [str(corpus_csv)]).stdout
    done = subprocess.run(CABLE + args + [str(corpus_csv)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0
    assert len(done.stdout) > 1_000_000 and done.stdout == expected


def test_the_fast_exit_keeps_the_exit_code_and_the_diagnostics(tmp_path):
    out = tmp_path / "meta.jsonl"
    done = subprocess.run(CABLE + ["meta", "-f", "jsonl", "-o", str(out), str(tmp_path / "missing.txt"), str(SAMPLE)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 3
    assert "missing.txt" in done.stderr
    assert out.read_text(encoding="utf-8").count('"id":"09ASTANA319"') == 1

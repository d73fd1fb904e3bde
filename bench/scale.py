"""Scale: ``cable export -f jsonl`` of a synthetic ``cables.csv`` of N rows.

The generator repeats the corpus' ``cables.csv`` rows (``csv/**/*.csv``: no
header, 8 quoted fields, ``\\"`` escapes) with unique ordinals and ids into a
temporary directory.  For each N it times ``cable export -f jsonl -j 1`` and
``-j 2`` (output to a temporary file) and a floor script that only reads the
same CSV with the csv module and writes each raw row as JSON; it reports wall
time, rows per second, the ratio to the floor, and peak memory: the largest
sum of RSS over the process tree (sampled every 50 ms from /proc) and the
largest single-process maximum RSS (``getrusage(RUSAGE_CHILDREN)``)::

    python bench/scale.py [--n 10000 251287] [--jobs 1 2] [--corpus DIR] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

DEFAULT_CORPUS = Path("/work/shared/corpus")
_ROW_START = re.compile(r'\n(?="\d+",")')
_HEAD = re.compile(r'"(\d+)","([^"]*)","([^"]*)"', re.S)

FLOOR = r'''
import csv, json, sys
csv.field_size_limit(1 << 30)
with open(sys.argv[1], encoding="utf-8", newline="") as src, open(sys.argv[2], "w", encoding="utf-8") as out:
    for row in csv.reader(src, escapechar="\\", doublequote=False, strict=False):
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
'''


def corpus_rows(corpus: Path) -> list[tuple[str, str, str]]:
    """(date, id, rest-of-row) for every row of the corpus CSV files."""
    rows = []
    for path in sorted((corpus / "csv").rglob("*.csv")):
        text = path.read_text(encoding="utf-8", errors="surrogateescape").replace("\r\n", "\n").strip("\n")
        for row in _ROW_START.split(text):
            m = _HEAD.match(row)
            if m:
                rows.append((m.group(2), m.group(3), row[m.end():]))
    return rows


def generate(corpus: Path, n: int, target: Path) -> int:
    """Write ``n`` rows to ``target``; return its size in bytes."""
    rows = corpus_rows(corpus)
    with open(target, "w", encoding="utf-8", errors="surrogateescape", newline="") as out:
        for i in range(n):
            date, cable_id, rest = rows[i % len(rows)]
            out.write(f'"{i + 1}","{date}","{cable_id}-{i // len(rows)}"{rest}\n')
    return target.stat().st_size


def _tree_rss(root: int) -> int:
    """Sum of RSS (bytes) of ``root`` and its descendants."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid = int(entry)
        children.setdefault(int(fields[1]), []).append(pid)
        rss[pid] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(children.get(pid, ()))
    return total


def run(argv: list[str]) -> tuple[float, int, int]:
    """Wall seconds, peak tree RSS (bytes), max single-process RSS (bytes) of one command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss(proc.pid))
            done.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    wall = time.perf_counter() - start
    done.set()
    sampler.join()
    if proc.returncode not in (0, 4):
        raise SystemExit(f"{argv}: exit {proc.returncode}: {err.decode(errors='replace')[-2000:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return wall, peak, max(after, before) * 1024 if after > before else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, nargs="+", default=[10_000, 251_287])
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--keep", type=Path, help="generate the CSV files here and keep them")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        floor_script = Path(tmp) / "floor.py"
        floor_script.write_text(FLOOR)
        for n in args.n:
            csv_path = work / f"cables-{n}.csv"
            if not csv_path.exists():
                size = generate(args.corpus, n, csv_path)
            else:
                size = csv_path.stat().st_size
            print(f"N = {n:,}: {csv_path} ({size / 1e6:.0f} MB)", flush=True)
            out = Path(tmp) / "out.jsonl"
            floor_s, floor_peak, floor_max = run([sys.executable, str(floor_script), str(csv_path), str(out)])
            print(f"  floor (csv module -> JSON):  {floor_s:7.1f} s  {n / floor_s:9,.0f} rows/s  "
                  f"peak tree RSS {floor_peak / 1e6:5.0f} MB", flush=True)
            for jobs in args.jobs:
                out.unlink(missing_ok=True)
                wall, peak, single = run(["cable", "export", str(csv_path), "-f", "jsonl", "-j", str(jobs),
                                          "-o", str(out), "--quiet", "--force"])
                lines = sum(1 for _ in open(out, "rb"))
                print(f"  cable export -j {jobs}:        {wall:7.1f} s  {n / wall:9,.0f} rows/s  "
                      f"peak tree RSS {peak / 1e6:5.0f} MB (max single process {single / 1e6:.0f} MB)  "
                      f"{wall / floor_s:4.1f}x floor  ({lines:,} records)", flush=True)


if __name__ == "__main__":
    main()

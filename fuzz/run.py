#!/usr/bin/env python3
"""Longer fuzzing than CI: ``python fuzz/run.py --minutes 10``.

Mutates real cables (the corpus at $CABLE_CORPUS, default
/work/shared/corpus, and the sample), throws random bytes and hostile text
at the readers and the parser, and checks the guarantees of
``fuzz/targets.py``.  A failing input is saved under ``fuzz/crashes/`` and
the run exits 1.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from fuzz.targets import HOSTILE, check_bytes, check_text, corpus_files, corpus_texts, mutate  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--minutes", type=float, default=1.0)
    ap.add_argument("--seed", type=int, default=None)
    args = ap.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    rng = random.Random(seed)
    texts = corpus_texts(limit=400)
    files = corpus_files(limit=400)
    print(f"fuzz: seed {seed}, {len(texts)} cables, {len(files)} files, {args.minutes} min", flush=True)
    deadline = time.monotonic() + args.minutes * 60
    runs = 0
    while time.monotonic() < deadline:
        kind = rng.randrange(4)
        data: bytes | str
        try:
            if kind == 0 or not files:
                name, text = rng.choice(texts)
                data = mutate(rng, text, rng.randint(1, 20))
                check_text(data)
            elif kind == 1:
                path = rng.choice(files)
                raw = path.read_bytes()
                data = mutate(rng, raw.decode("utf-8", "surrogateescape")).encode("utf-8", "surrogateescape")
                check_bytes(data, path.name)
            elif kind == 2:
                data = bytes(rng.randrange(256) for _ in range(rng.randrange(3000)))
                check_bytes(data, rng.choice(["x.txt", "x.csv", "x.json", "x.html"]))
            else:
                data = "".join(rng.choice(HOSTILE + [chr(rng.randrange(0x110000)).encode("utf-8", "surrogatepass")
                                                     .decode("utf-8", "replace"), " ", "\n", "A", "1."])
                               for _ in range(rng.randrange(500)))
                check_text(data)
        except Exception:
            crashes = HERE / "crashes"
            crashes.mkdir(exist_ok=True)
            out = crashes / f"crash-{seed}-{runs}.{'bin' if isinstance(data, bytes) else 'txt'}"
            out.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8", "surrogatepass"))
            traceback.print_exc()
            print(f"fuzz: FAILED after {runs} runs; input saved to {out}", flush=True)
            return 1
        runs += 1
        if runs % 500 == 0:
            print(f"fuzz: {runs} runs", flush=True)
    print(f"fuzz: ok, {runs} runs", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

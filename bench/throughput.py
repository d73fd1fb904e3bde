"""Parse throughput over the corpus, in one process.

Reads every cable of the corpus first (``cable_cli.sources.iter_inputs``),
then times ``cable_cli.pipeline.parse_raw`` (the full record, paragraphs
included) alone: cables per second (one core), MB of cable text per second,
the ten slowest cables (best of 3 runs each), and a cProfile of one pass
(top functions by cumulative time)::

    python bench/throughput.py [CORPUS_DIR] [--profile-top 25]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cable_cli.pipeline import parse_raw  # noqa: E402
from cable_cli.sources import InputError, iter_inputs  # noqa: E402

DEFAULT_CORPUS = Path("/work/shared/corpus")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    parser.add_argument("--profile-top", type=int, default=25)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    start = time.perf_counter()
    raws = [item for item in iter_inputs([args.corpus]) if not isinstance(item, InputError)]
    read_s = time.perf_counter() - start
    chars = sum(len(r.text) for r in raws)
    mb = sum(len(r.text.encode("utf-8")) for r in raws) / 1e6
    print(f"corpus: {args.corpus}: {len(raws)} cables, {mb:.1f} MB of cable text (read in {read_s:.2f} s)")

    for raw in raws[:50]:  # warm-up: lazy tables, regex caches
        parse_raw(raw)
    best = float("inf")
    per_cable = [float("inf")] * len(raws)
    for _ in range(args.rounds):
        total_start = time.perf_counter()
        for i, raw in enumerate(raws):
            t0 = time.perf_counter()
            parse_raw(raw)
            dt = time.perf_counter() - t0
            if dt < per_cable[i]:
                per_cable[i] = dt
        best = min(best, time.perf_counter() - total_start)
    print(f"parse (best of {args.rounds}): {best:.2f} s = {len(raws) / best:,.0f} cables/s per core, "
          f"{mb / best:.2f} MB/s, mean {best / len(raws) * 1000:.2f} ms/cable ({chars / len(raws):,.0f} chars)")
    print("ten slowest cables (best of runs):")
    for dt, raw in sorted(zip(per_cable, raws), key=lambda p: -p[0])[:10]:
        print(f"  {dt * 1000:7.2f} ms  {len(raw.text):8,d} chars  {raw.input_format:7s} {raw.source}")
    over = sum(1 for dt in per_cable if dt > 0.020)
    print(f"cables slower than 20 ms: {over}")

    profile = cProfile.Profile()
    profile.enable()
    for raw in raws:
        parse_raw(raw)
    profile.disable()
    out = io.StringIO()
    stats = pstats.Stats(profile, stream=out).sort_stats("cumulative")
    stats.print_stats(args.profile_top)
    print(f"cProfile, one pass, top {args.profile_top} by cumulative time:")
    text = out.getvalue()
    print(text[text.find("   ncalls"):].rstrip())


if __name__ == "__main__":
    main()

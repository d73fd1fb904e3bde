"""Start-up time of single-cable commands.

``cable meta -f json samples/09ASTANA319.scraped.txt`` against ``python3 -c pass``
and against a minimal Typer app with one command (written to a temp dir), run
alternately; then TAB completion (``_CABLE_COMPLETE=complete_bash``).  Medians
of wall-clock time per run::

    python bench/startup.py [--runs 20]

``cable`` is run through its console script in the interpreter's bin directory
(not a pyenv/asdf shim, whose own start-up would swamp the measurement).

cable's compiled-pattern cache (``cable_cli.pattern_cache``) is put in a
temporary ``XDG_CACHE_HOME`` and filled by the warm-up run, as a user's first
call fills theirs; "meta, no pattern cache" is the first call's cost.

The package's bytecode is compiled first (``compileall``), as an installed
package's is: with ``PYTHONDONTWRITEBYTECODE`` set (as on this machine) an
editable checkout would otherwise recompile every module on every call, about
30 ms that no installed user pays.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "09ASTANA319.scraped.txt"

MINIMAL_APP = '''\
import typer

app = typer.Typer()


@app.command()
def meta(path: str, fmt: str = typer.Option("auto", "--format", "-f")) -> None:
    print(path, fmt)


if __name__ == "__main__":
    app()
'''


def cable_script() -> str:
    """The real console script beside this interpreter, else whatever is on PATH."""
    here = Path(sys.executable).parent / "cable"
    return str(here) if here.exists() else (shutil.which("cable") or "cable")


CPU: dict[tuple[str, ...], list[float]] = {}


def timed(argv: list[str], env: dict[str, str]) -> float:
    """Wall seconds of one run; its user+system CPU seconds go to CPU (robust on a busy machine)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    CPU.setdefault(tuple(argv) + tuple(sorted(env.items())), []).append(cpu)
    return wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    import compileall

    compileall.compile_dir(str(Path(__file__).resolve().parents[1] / "cable_cli"), quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        # cable's compiled-pattern cache (cable_cli.pattern_cache) lives here:
        # the warm-up run fills it, as a user's first call does.
        env = dict(os.environ, NO_COLOR="1", XDG_CACHE_HOME=tmp)
        env.pop("CABLE_FORMAT", None)
        no_cache = dict(env, XDG_CACHE_HOME="relative/so/ignored")
        app = Path(tmp) / "minimal_typer.py"
        app.write_text(MINIMAL_APP)
        cable = cable_script()
        complete_env = dict(env, _CABLE_COMPLETE="complete_bash", COMP_WORDS="cable me", COMP_CWORD="1")
        cases = {
            "python3 -c pass": ([sys.executable, "-c", "pass"], env),
            "minimal typer app": ([sys.executable, str(app), "x.txt", "-f", "json"], env),
            "cable meta -f json": ([cable, "meta", "-f", "json", str(SAMPLE)], env),
            "cable TAB completion": ([cable], complete_env),
            "meta, no pattern cache": ([cable, "meta", "-f", "json", str(SAMPLE)], no_cache),
        }
        for name, (argv, e) in cases.items():  # a broken install must not pass for a fast one
            done = subprocess.run(argv, env=e, capture_output=True, text=True, check=False)
            if done.returncode != 0 or (name.startswith("cable") and not done.stdout):
                sys.exit(f"{name}: exit {done.returncode}, no output: {done.stderr.strip()[-300:]}")
        for argv, e in cases.values():  # warm the page cache and .pyc files
            timed(argv, e)
        times: dict[str, list[float]] = {name: [] for name in cases}
        for _ in range(args.runs):  # alternate, so drift hits every case alike
            for name, (argv, e) in cases.items():
                times[name].append(timed(argv, e))
        cpu = {name: statistics.median(CPU[tuple(argv) + tuple(sorted(e.items()))][1:]) * 1000
               for name, (argv, e) in cases.items()}
    med = {name: statistics.median(t) * 1000 for name, t in times.items()}
    print(f"runs: {args.runs} each, alternating; cable = {cable}")
    for name, ms in med.items():
        spread = statistics.quantiles(times[name], n=4)
        print(f"{name:24s} median wall {ms:7.1f} ms   (IQR {spread[0]*1000:.1f}-{spread[2]*1000:.1f} ms)"
              f"   median CPU (user+sys) {cpu[name]:6.1f} ms")
    base = med["minimal typer app"]
    print(f"ratio cable meta / minimal typer app:   {med['cable meta -f json'] / base:.2f}x")
    print(f"ratio TAB completion / minimal typer app: {med['cable TAB completion'] / base:.2f}x")
    print(f"ratio cable meta / python3 -c pass:     {med['cable meta -f json'] / med['python3 -c pass']:.2f}x")
    print(f"ratio meta without its pattern cache (a first call) / typer app: "
          f"{med['meta, no pattern cache'] / base:.2f}x")
    print(f"CPU-time ratios: cable meta / typer app {cpu['cable meta -f json'] / cpu['minimal typer app']:.2f}x, "
          f"TAB completion / typer app {cpu['cable TAB completion'] / cpu['minimal typer app']:.2f}x")


if __name__ == "__main__":
    main()

"""``cable export``: every cable of a corpus to JSON Lines, JSON, YAML or CSV.

Reading stays in this process (it is I/O and must keep input order);
parsing and serialising, the CPU work, go to ``-j`` worker processes that
return finished text in input order, so ``-j 1`` and ``-j 8`` write the same
bytes.  Output files are atomic: an interrupted export leaves the old file
or none, never half of one.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, TextIO

from . import patterns
from .emit import Tally
from .exitcodes import Exit
from .model import FIELDS
from .outfile import AtomicFile, OutputExists
from .render import EXTENSIONS, serial
from .render.safe import visible
from .sources import InputError, RawCable, iter_inputs

CHUNK = 32  # cables per task sent to a worker: big enough to amortise pickling


@dataclass(frozen=True)
class ExportOptions:
    fmt: str = "jsonl"
    output: str | None = None
    out_dir: str | None = None
    force: bool = False
    jobs: int = 1
    input_format: str | None = None
    ids: tuple[str, ...] = ()
    glob: str | None = None
    quiet: bool = False
    color: str = "auto"   # of the progress bar: auto (NO_COLOR respected), always, never


def default_jobs() -> int:
    """The CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


# What a worker sends back for one input: an error, a cable left out by
# --id, or a cable: (id, source, defect count, serialised text, characters
# of cable text read).
Result = tuple[Any, ...]


def render_one(fmt: str, ids: tuple[str, ...], item: RawCable | InputError) -> Result:
    """Parse and serialise one input (runs in a worker)."""
    from .pipeline import parse_raw, wanted

    if isinstance(item, InputError):
        return ("error", item.source, item.message, item.skipped)
    try:
        cable = parse_raw(item)
    except Exception as err:  # noqa: BLE001 - a parser bug must not stop a corpus export
        return ("error", item.source, f"parser failed: {type(err).__name__}: {err}", False)
    if not wanted(cable, ids):
        return ("unwanted",)
    record = cable.to_dict()
    if fmt == "jsonl":
        text = serial.json_line(record) + "\n"
    elif fmt == "json":
        text = serial.json_pretty(record)
    elif fmt == "yaml":
        text = serial.yaml_document(record)
    else:
        text = serial.csv_row(record, FIELDS)
    return ("ok", cable.id, cable.source, len(cable.defects), text, len(item.text))


def _ignore_sigint() -> None:
    # Ctrl-C is the parent's to handle: workers just stop with the pool.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _results(items: Iterable[RawCable | InputError], options: ExportOptions) -> Iterator[Result]:
    work = partial(render_one, options.fmt, tuple(i.upper() for i in options.ids))
    if options.jobs <= 1:
        yield from map(work, items)
        return
    import multiprocessing

    pool = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn").Pool(
        options.jobs, initializer=_ignore_sigint)
    try:
        yield from pool.imap(work, items, chunksize=CHUNK)
    except BaseException:  # Ctrl-C, a closed pipe, a write error: stop now
        _abandon(pool)
        raise
    pool.close()
    pool.join()


def _abandon(pool: Any) -> None:
    """Stop a pool that is still busy, without waiting for it.

    ``Pool.terminate()`` (what ``with Pool`` does) can hang forever here:
    ``cable export big.csv -f yaml | head -1`` left the parent waiting on a
    queue lock while a worker was blocked writing a result nobody reads.  So:
    stop the pool respawning workers, kill them, and drop the exit-time
    finaliser that would join the pool's threads (daemons: they die with us).
    """
    from multiprocessing.pool import TERMINATE

    handler = getattr(pool, "_worker_handler", None)
    if handler is not None:
        handler._state = TERMINATE
        handler.join(1)  # it wakes at least every 0.1 s
    for process in list(getattr(pool, "_pool", ())):
        try:
            process.kill()
            process.join(1)
        except Exception:  # noqa: BLE001 - best effort while stopping
            pass
    finaliser = getattr(pool, "_terminate", None)
    if finaliser is not None and hasattr(finaliser, "cancel"):
        finaliser.cancel()


def run_export(inputs: list[str], options: ExportOptions, *, strict: bool, err: TextIO | None = None) -> Exit:
    err = err or sys.stderr
    tally = Tally()
    items = iter_inputs(inputs, input_format=options.input_format, glob=options.glob)
    progress = _Progress(err, enabled=not options.quiet, color=options.color)
    try:
        with progress:
            results = _counted(_results(items, options), tally, err, progress, quiet=options.quiet)
            if options.out_dir:
                _write_dir(results, options, tally, err)
            elif options.output:
                with AtomicFile(options.output, force=options.force, newline="") as out:
                    _write_stream(out, results, options.fmt)
            else:
                _write_stream(sys.stdout, results, options.fmt)
    except OutputExists as exists:
        err.write(visible(f"cable: {exists}") + "\n")
        return Exit.USAGE
    except OSError as failure:
        if isinstance(failure, BrokenPipeError):
            raise
        err.write(visible(f"cable: cannot write output: {failure}") + "\n")
        return Exit.INPUT_UNREADABLE
    if not options.quiet:
        err.write(f"cable: exported {tally.records - tally.failed_writes}, with defects {tally.with_defects}, "
                  f"failed {tally.failed}\n")
    return tally.exit_code(strict)


def _counted(results: Iterator[Result], tally: Tally, err: TextIO, progress: "_Progress", *,
             quiet: bool) -> Iterator[Result]:
    """Tally and report as results arrive; pass on the cables."""
    for result in results:
        kind = result[0]
        if kind == "error":
            tally.count_error(InputError(result[1], result[2], result[3]), err, quiet=quiet)
            continue
        if kind == "unwanted":
            continue
        tally.records += 1
        if result[3]:
            tally.with_defects += 1
        progress.advance(result[5])
        yield result


def _write_stream(out: TextIO, results: Iterator[Result], fmt: str) -> None:
    if fmt == "csv":
        out.write(serial.csv_header(FIELDS))
    if fmt == "json":
        out.write("[")
        first = True
        for result in results:
            out.write("\n" if first else ",\n")
            out.write(result[4])
            first = False
        out.write("\n]\n" if not first else "]\n")
        return
    for result in results:
        out.write(result[4])


_UNSAFE_NAME = patterns.compile(r"[^A-Za-z0-9._-]+")


def safe_name(cable_id: str | None, fallback: str) -> str:
    """A file name that cannot leave the output directory: no separators, no
    leading dots, no NUL, at most 100 characters."""
    name = _UNSAFE_NAME.sub("_", cable_id or fallback).lstrip("._-")[:100]
    return name or fallback


def _write_dir(results: Iterator[Result], options: ExportOptions, tally: Tally, err: TextIO) -> None:
    """One file per cable, named by its id (``~2`` for a repeated id)."""
    directory = Path(options.out_dir or ".")
    directory.mkdir(parents=True, exist_ok=True)
    extension = EXTENSIONS[options.fmt]
    used: dict[str, int] = {}
    for n, result in enumerate(results, start=1):
        base = safe_name(result[1], f"cable-{n}")
        used[base] = used.get(base, 0) + 1
        name = base if used[base] == 1 else f"{base}~{used[base]}"
        target = directory / (name + extension)
        text = result[4]
        if options.fmt == "csv":
            text = serial.csv_header(FIELDS) + text
        elif options.fmt == "json":
            text += "\n"
        try:
            with AtomicFile(target, force=options.force, newline="") as out:
                out.write(text)
        except (OutputExists, OSError) as failure:
            tally.failed += 1
            tally.failed_writes += 1
            err.write(visible(f"cable: {result[2]}: not written: {failure}") + "\n")


class _Progress:
    """A Rich progress bar on stderr, only when stderr is a terminal."""

    def __init__(self, err: TextIO, *, enabled: bool, color: str = "auto"):
        self.err = err
        self.color = color
        try:
            self.enabled = enabled and err.isatty()
        except (AttributeError, ValueError):
            self.enabled = False
        self._bar: Any = None
        self._task: Any = None
        self._chars = 0

    def __enter__(self) -> "_Progress":
        if self.enabled:
            from rich.console import Console
            from rich.progress import MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn  # noqa: E501

            # Rich itself honours NO_COLOR under "auto".
            no_color = True if self.color == "never" else (False if self.color == "always" else None)
            console = Console(file=self.err, no_color=no_color)
            # The number of cables is not known ahead (inputs are streamed),
            # so the bar counts cables and the megabytes of cable text read.
            self._bar = Progress(SpinnerColumn(), TextColumn("exporting"), MofNCompleteColumn(),
                                 TextColumn("cables"), _RateColumn(), TextColumn("{task.fields[mb]:,.1f} MB"),
                                 TimeElapsedColumn(),
                                 console=console, transient=True,
                                 disable=not console.is_terminal)
            self._bar.__enter__()
            self._task = self._bar.add_task("export", total=None, mb=0.0)
        return self

    def advance(self, chars: int) -> None:
        if self._bar is not None:
            self._chars += chars
            self._bar.update(self._task, advance=1, mb=self._chars / 1e6)

    def __exit__(self, *exc: Any) -> None:
        if self._bar is not None:
            self._bar.__exit__(*exc)


def _RateColumn():  # noqa: N802 - builds a Rich column lazily
    from rich.progress import ProgressColumn
    from rich.text import Text

    class RateColumn(ProgressColumn):
        def render(self, task):  # type: ignore[override]
            speed = task.finished_speed or task.speed
            return Text(f"{speed:,.0f}/s" if speed else "")

    return RateColumn()

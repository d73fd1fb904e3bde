"""Running a listing command: records in, one format out, a result back.

``show``, ``meta``, ``paragraphs`` and ``refs`` differ only in what one
record becomes (the whole record, paragraph rows, reference rows) and how a
table looks; everything else (reading, diagnostics, formats, exit codes) is
here, once.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import field
from typing import Any, TextIO

from .exitcodes import Exit
from .model import Cable, record
from .render import serial
from .render.safe import visible
from .sources import InputError


@record
class Tally:
    """What happened to the inputs, for the exit code and the summary line."""

    records: int = 0
    with_defects: int = 0
    failed: int = 0
    failed_writes: int = 0   # parsed, but their output file could not be written
    skipped: int = 0
    errors: list[str] = field(default_factory=list)

    def count_error(self, err: InputError, err_out: TextIO, *, quiet: bool) -> None:
        """Count an input that gave no record and say so on stderr; a skipped
        file (no cable in it, met in a directory) is a note ``-q`` silences."""
        if err.skipped:
            self.skipped += 1
            if quiet:
                return
        else:
            self.failed += 1
        report_error(err, err_out)

    def exit_code(self, strict: bool) -> Exit:
        if self.failed:
            return Exit.INPUT_UNREADABLE
        if strict and self.with_defects:
            return Exit.DEFECTS
        return Exit.OK


def report_error(err: InputError, err_out: TextIO) -> None:
    kind = "skipped" if err.skipped else "error"
    err_out.write(visible(f"cable: {err.source}: {kind}: {err.message}") + "\n")


def report_defects(cable: Cable, err_out: TextIO) -> None:
    for d in cable.defects:
        where = f"{cable.source}:{d.line}" if d.line else f"{cable.source}"
        err_out.write(visible(f"{where}: warning[{d.code}]: {d.message}") + "\n")


def checked(items: Iterable[Cable | InputError], tally: Tally, err_out: TextIO, *,
            warn: bool) -> Iterator[Cable]:
    """Records only; input errors and (with ``warn``) defects go to stderr."""
    for item in items:
        if isinstance(item, InputError):
            tally.count_error(item, err_out, quiet=not warn)
            continue
        tally.records += 1
        if item.defects:
            tally.with_defects += 1
            if warn:
                report_defects(item, err_out)
        yield item


def write_format(out: TextIO, fmt: str, rows: Iterable[dict[str, Any]], columns: tuple[str, ...]) -> None:
    """Machine formats for listing commands.  ``json`` is one object for one
    row and an array for several, streamed either way."""
    if fmt == "jsonl":
        for row in rows:
            out.write(serial.json_line(row) + "\n")
    elif fmt == "yaml":
        for row in rows:
            out.write(serial.yaml_document(row))
    elif fmt == "tsv":
        for line in serial.tsv_lines(rows, columns):
            out.write(line)
    elif fmt == "json":
        iterator = iter(rows)
        first = next(iterator, None)
        second = next(iterator, None)
        if second is None:
            out.write(serial.json_pretty(first) + "\n" if first is not None else "[]\n")
            return
        serial.write_json_array(out, _chain(first, second, iterator))
    else:  # pragma: no cover - the CLI only passes known formats
        raise ValueError(fmt)


def _chain(a: Any, b: Any, rest: Iterator[Any]) -> Iterator[Any]:
    yield a
    yield b
    yield from rest


def stdout_is_terminal(out: TextIO = sys.stdout) -> bool:
    try:
        return out.isatty()
    except (AttributeError, ValueError):
        return False

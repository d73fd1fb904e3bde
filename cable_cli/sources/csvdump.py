"""The ``cables.csv`` dump and its slices, streamed row by row.

Row format: no header row; 8 double-quoted fields (ordinal, ``M/D/YYYY H:MM``, id,
origin, classification, references, header, body); raw newlines inside fields;
quotes inside fields escaped MySQL-style with a backslash (``\\"``), as are
apostrophes (``\\'``) and backslashes (``\\\\``). A backslash before any other
character is kept as it is.

The reader is a small regex tokenizer over a sliding text buffer (not the csv
module, whose ``escapechar`` would also eat backslashes before other characters,
and which cannot say which row is broken and carry on). Memory holds one row
plus one read chunk, whatever the file size.
"""

from __future__ import annotations

import operator
from collections.abc import Iterator
from typing import Any

from cable_cli.model import Defect

from .. import patterns
from .base import InputError, RawCable, clean_value, make_metadata
from .dates import normalize_date
from .encoding import TextReader, fallback_defect, normalize_newlines

FIELDS = 8
CHUNK_CHARS = 1 << 20
MAX_ROW_CHARS = 256 * 1024 * 1024

_BLANK = patterns.compile(r"[\r\n]*")
_NEXT_ROW = patterns.compile(r'\n(?="\d+",")')
_UNESCAPE = patterns.compile(r"\\([\"'\\])")
_REF_SPLIT = patterns.compile(r"[|,\s]+")

_NEED_MORE = object()


class _BadRow(Exception):
    def __init__(self, message: str, resume: int | None) -> None:
        super().__init__(message)
        self.message = message
        self.resume = resume  # where the next row may start, None = search for it


_group1 = operator.methodcaller("group", 1)


def _unescape(value: str) -> str:
    if "\\" not in value:
        return value
    if "\\\\" not in value:  # no escaped backslash: plain replaces are exact
        return value.replace('\\"', '"').replace("\\'", "'")
    return _UNESCAPE.sub(_group1, value)


def _closing_quote(buf: str, start: int) -> int:
    """Index of the quote closing the field opened at ``start``, or -1 if not in ``buf``.

    ``str.find`` runs at memchr speed; a quote preceded by an odd number of
    backslashes is escaped and skipped.
    """
    q = start + 1
    while True:
        q = buf.find('"', q)
        if q < 0:
            return -1
        b = q - 1
        while buf[b] == "\\":
            b -= 1
        if (q - 1 - b) % 2 == 0:
            return q
        q += 1


def _scan_row(buf: str, pos: int, eof: bool) -> Any:
    """``(fields, end)`` of the row at ``pos``; ``None`` at the end; ``_NEED_MORE``; or raises _BadRow."""
    p = _BLANK.match(buf, pos).end()  # type: ignore[union-attr]
    size = len(buf)
    if p == size:
        return None if eof else _NEED_MORE
    fields: list[str] = []
    while True:
        if buf[p] != '"':
            raise _BadRow(f"field {len(fields) + 1}: expected '\"', got {buf[p]!r}", None)
        q = _closing_quote(buf, p)
        if q < 0:
            if eof:
                raise _BadRow(f"field {len(fields) + 1}: quote not closed before end of file", size)
            return _NEED_MORE
        fields.append(buf[p + 1:q])
        p = q + 1
        if p == size:
            return (fields, p) if eof else _NEED_MORE
        c = buf[p]
        if c == ",":
            p += 1
            if p == size:
                if eof:
                    raise _BadRow("row ends with ','", size)
                return _NEED_MORE
            continue
        if c == "\n":
            return fields, p + 1
        if c == "\r":
            if p + 1 == size and not eof:
                return _NEED_MORE
            return fields, p + (2 if buf.startswith("\n", p + 1) else 1)
        raise _BadRow(f"field {len(fields)}: unexpected {c!r} after closing quote", None)


def row_to_cable(fields: list[str], source: str, defects: list[Defect]) -> RawCable:
    _ordinal, date, cable_id, origin, classification, references, header, body = (
        _unescape(f) for f in fields)
    header = normalize_newlines(header)
    body = normalize_newlines(body)
    metadata = make_metadata(
        id=clean_value(cable_id),
        date=normalize_date(date),
        classification=clean_value(classification),
        origin=clean_value(origin),
        references=[ref for ref in _REF_SPLIT.split(references) if ref],
    )
    text = f"{header}\n\n{body}" if header.strip() else body
    return RawCable(text, source, "csv", metadata, defects)


class _Buffer:
    """A sliding window over the decoded text: ``text[pos:]`` is still to be read."""

    def __init__(self, reader: TextReader) -> None:
        self.reader = reader
        self.text = ""
        self.pos = 0
        self.eof = False

    def more(self, size: int = CHUNK_CHARS) -> None:
        """Drop what was read and append up to ``size`` more characters (sets ``eof`` at the end)."""
        chunk = self.reader.read(size)
        if not chunk:
            self.eof = True
        self.text = self.text[self.pos:] + chunk
        self.pos = 0

    def skip_to_next_row(self) -> None:
        """Move ``pos`` past the current (broken) row to the next line starting like a row."""
        start = _BLANK.match(self.text, self.pos).end()  # type: ignore[union-attr]
        while True:
            m = _NEXT_ROW.search(self.text, start)
            if m is not None:
                self.pos = m.start() + 1
                return
            if self.eof:
                self.pos = len(self.text)
                return
            # Keep only the last character (it may be the newline of the next row start).
            self.pos = max(self.pos, len(self.text) - 1)
            self.more()
            start = 0


def iter_csv(reader: TextReader, source: str) -> Iterator[RawCable | InputError]:
    """Cables of a CSV dump; a broken row becomes an InputError for ``source:ROW``."""
    buf = _Buffer(reader)
    row = 0
    while True:
        try:
            result = _scan_row(buf.text, buf.pos, buf.eof)
        except _BadRow as bad:
            row += 1
            yield InputError(f"{source}:{row}", f"CSV row {row}: {bad.message}")
            if bad.resume is not None:
                buf.pos = bad.resume
            else:
                buf.skip_to_next_row()
            continue
        if result is None:
            return
        if result is _NEED_MORE:
            pending = len(buf.text) - buf.pos
            if pending > MAX_ROW_CHARS:
                row += 1
                yield InputError(f"{source}:{row}", f"CSV row {row}: row larger than {MAX_ROW_CHARS >> 20} MB")
                buf.skip_to_next_row()
                continue
            # Reads grow with the pending row, so a huge field is rescanned only O(log n) times.
            buf.more(max(CHUNK_CHARS, pending))
            continue
        fields, end = result
        buf.pos = end
        row += 1
        source_row = f"{source}:{row}"
        if len(fields) != FIELDS:
            yield InputError(source_row, f"CSV row {row}: expected {FIELDS} fields, got {len(fields)}")
            continue
        defects = [fallback_defect()] if reader.fell_back else []
        yield row_to_cable(fields, source_row, defects)

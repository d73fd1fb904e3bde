"""Reading one input (a file or stdin): decompress, refuse non-cables, dispatch by format."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator
from typing import BinaryIO

from .base import MAX_SINGLE_BYTES, InputError, NotACable, RawCable
from . import compression as _compression
from .compression import compression_of, decompress, prefixed, read_up_to, strip_compression_suffix
from .detect import EXTENSION_HINTS, binary_kind, sniff
from .encoding import TextReader, decode_bytes, normalize_newlines, sniff_text
from .text import classify_text, split_alx
from .walk import os_reason

HEAD_BYTES = 64 * 1024
_MAX_NESTED_COMPRESSION = 3


def read_input(path: str, *, walked: bool, input_format: str | None,
               stdin: BinaryIO | None) -> Iterator[RawCable | InputError]:
    """Everything one path gives: RawCables and InputErrors, never an exception for bad input."""
    source = path
    if path == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        yield from _guarded(stream, source, None, walked, input_format, "-")
        return
    try:
        handle = open(path, "rb")
    except OSError as error:
        yield InputError(source, os_reason(error))
        return
    with handle:
        try:
            info = os.fstat(handle.fileno())
        except OSError as error:
            yield InputError(source, os_reason(error))
            return
        size = info.st_size if stat.S_ISREG(info.st_mode) else None
        yield from _guarded(handle, source, size, walked, input_format, os.path.basename(path))


def _guarded(stream: BinaryIO, source: str, size: int | None, walked: bool,
             input_format: str | None, name: str) -> Iterator[RawCable | InputError]:
    try:
        yield from _read_stream(stream, source, size, input_format, name)
    except NotACable as problem:
        yield InputError(source, problem.message, skipped=walked and problem.skippable)
    except _compression.DECOMPRESSION_ERRORS as error:  # looked up only when raised: lzma stays unimported
        if isinstance(error, OSError) and error.errno is not None:
            yield InputError(source, f"read error: {os_reason(error)}")
        else:
            yield InputError(source, f"decompression failed: {error}")
    except MemoryError:
        yield InputError(source, "out of memory while reading")


def _read_stream(stream: BinaryIO, source: str, size: int | None, input_format: str | None,
                 name: str) -> Iterator[RawCable | InputError]:
    head = read_up_to(stream, HEAD_BYTES)
    if not head:
        raise NotACable("empty file", skippable=False)
    compressed = []
    while (kind := compression_of(head)) and len(compressed) < _MAX_NESTED_COMPRESSION:
        compressed.append(kind)
        stream = decompress(kind, prefixed(head, stream))
        head = read_up_to(stream, HEAD_BYTES)
        size = None
        if not head:
            raise NotACable(f"empty file (after {kind} decompression)", skippable=False)
    problem = binary_kind(head)
    if problem:
        raise NotACable(problem)
    stream = prefixed(head, stream)
    fmt = input_format or sniff(sniff_text(head)) or _hint(name)
    # Format readers are imported when used: a single text file needs neither
    # html.parser nor json (start-up time, see bench/RESULTS.md).
    if fmt == "csv":
        from .csvdump import iter_csv

        yield from iter_csv(TextReader(stream), source)
        return
    if fmt == "json":
        from .jsondump import iter_json

        yield from iter_json(TextReader(stream), source)
        return
    # A single cable: read it whole, within a limit.
    if size is not None and size > MAX_SINGLE_BYTES:
        raise NotACable(f"too large for a single cable: {size / 1e6:.0f} MB", skippable=False)
    data = read_up_to(stream, MAX_SINGLE_BYTES + 1)
    if len(data) > MAX_SINGLE_BYTES:
        raise NotACable(f"too large for a single cable: more than {MAX_SINGLE_BYTES / 1e6:.0f} MB",
                        skippable=False)
    text, defects = decode_bytes(data)
    text = normalize_newlines(text)
    metadata = None
    if fmt in ("html", "plusd"):
        from .html import read_html

        fmt, text, metadata = read_html(text, input_format)
    else:
        if fmt is None or fmt == "alx" and not input_format:
            fmt = classify_text(text)
        if fmt == "alx":
            text, metadata = split_alx(text)
    yield RawCable(text, source, fmt, metadata, defects)


def _hint(name: str) -> str | None:
    """The format a file name suggests, used only when the content does not tell."""
    base = strip_compression_suffix(name)
    return EXTENSION_HINTS.get(os.path.splitext(base)[1].lower())

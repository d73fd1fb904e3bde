"""Peeking at a stream's first bytes, and gzip / bzip2 / xz decompression by magic bytes."""

from __future__ import annotations

import io
import zlib
from typing import BinaryIO


def __getattr__(name: str):  # bz2, gzip and lzma are imported only for compressed input
    if name == "DECOMPRESSION_ERRORS":
        import lzma

        #: What a failing decompressor raises (gzip.BadGzipFile is an OSError).
        return (OSError, EOFError, lzma.LZMAError, zlib.error)
    raise AttributeError(name)

COMPRESSION_SUFFIXES = (".gz", ".gzip", ".bz2", ".xz", ".lzma")


def compression_of(head: bytes) -> str | None:
    """``"gzip"``, ``"bzip2"``, ``"xz"`` when the first bytes are that format's magic."""
    if head.startswith(b"\x1f\x8b"):
        return "gzip"
    if head.startswith(b"BZh") and head[3:4].isdigit() and head[4:10] == b"1AY&SY":
        return "bzip2"
    if head.startswith(b"\xfd7zXZ\x00"):
        return "xz"
    return None


def decompress(kind: str, stream: BinaryIO) -> BinaryIO:
    """A stream of the decompressed bytes (read lazily)."""
    import bz2
    import gzip
    import lzma

    if kind == "gzip":
        return gzip.GzipFile(fileobj=stream, mode="rb")  # type: ignore[return-value]
    if kind == "bzip2":
        return bz2.BZ2File(stream)  # type: ignore[return-value]
    if kind == "xz":
        return lzma.LZMAFile(stream)  # type: ignore[return-value]
    raise ValueError(kind)


def strip_compression_suffix(name: str) -> str:
    lower = name.lower()
    for suffix in COMPRESSION_SUFFIXES:
        if lower.endswith(suffix):
            return name[: -len(suffix)]
    return name


def read_up_to(stream: BinaryIO, size: int) -> bytes:
    """Read ``size`` bytes, or fewer only at the end (pipes and decompressors return short reads)."""
    parts: list[bytes] = []
    remaining = size
    while remaining > 0:
        data = stream.read(remaining)
        if not data:
            break
        parts.append(data)
        remaining -= len(data)
    return b"".join(parts)


class _Prefixed(io.RawIOBase):
    """Bytes already read, then the rest of the stream."""

    def __init__(self, prefix: bytes, stream: BinaryIO) -> None:
        self._prefix = memoryview(prefix)
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        if self._prefix:
            n = min(len(buffer), len(self._prefix))
            buffer[:n] = self._prefix[:n]
            self._prefix = self._prefix[n:]
            return n
        data = self._stream.read(len(buffer))
        n = len(data)
        buffer[:n] = data
        return n


def prefixed(prefix: bytes, stream: BinaryIO) -> BinaryIO:
    """A buffered stream giving ``prefix`` then whatever ``stream`` still holds."""
    return io.BufferedReader(_Prefixed(prefix, stream), buffer_size=1 << 20)  # type: ignore[return-value]

"""Bytes -> text: UTF-8 (BOM stripped), else cp1252 with a defect; newline normalisation."""

from __future__ import annotations

import codecs
from typing import BinaryIO

from cable_cli.model import Defect


def _latin1_for_undefined(error: UnicodeError) -> tuple[str, int]:
    # cp1252 leaves 0x81, 0x8D, 0x8F, 0x90 and 0x9D undefined: read them as Latin-1.
    assert isinstance(error, UnicodeDecodeError)
    return error.object[error.start:error.end].decode("latin-1"), error.end


codecs.register_error("cable-latin1", _latin1_for_undefined)

FALLBACK_CODE = "encoding-fallback"
FALLBACK_MESSAGE = "not UTF-8; decoded as cp1252"


def fallback_defect() -> Defect:
    return Defect(FALLBACK_CODE, None, FALLBACK_MESSAGE)


def decode_cp1252(data: bytes) -> str:
    return data.decode("cp1252", errors="cable-latin1")


def _bom_encoding(data: bytes) -> tuple[str, int]:
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8", 3
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16", 0
    return "utf-8", 0


def decode_bytes(data: bytes) -> tuple[str, list[Defect]]:
    """Decode a whole input; a failed UTF-8 decode falls back to cp1252."""
    encoding, skip = _bom_encoding(data)
    try:
        return data[skip:].decode(encoding), []
    except UnicodeDecodeError:
        return decode_cp1252(data[skip:]), [fallback_defect()]


def sniff_text(head: bytes) -> str:
    """A lossy decode of the first bytes, only for telling formats apart."""
    encoding, skip = _bom_encoding(head)
    return head[skip:].decode(encoding, errors="replace")


def normalize_newlines(text: str) -> str:
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


class TextReader:
    """Streams decoded text from a binary stream, chunk by chunk.

    Starts as UTF-8; at the first invalid byte it switches to cp1252 for the
    rest of the stream and sets :attr:`fell_back` (the text before that point
    was valid UTF-8 and is kept as such).
    """

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self._decoder: codecs.IncrementalDecoder | None = None
        self._done = False
        self.fell_back = False

    def read(self, size: int) -> str:
        """Up to about ``size`` characters; ``""`` only at the end."""
        while not self._done:
            data = self._stream.read(size)
            final = not data
            if self._decoder is None:
                if final:
                    self._done = True
                    return ""
                encoding, skip = _bom_encoding(data)
                data = data[skip:]
                errors = "strict" if encoding == "utf-8" else "replace"
                self._decoder = codecs.getincrementaldecoder(encoding)(errors=errors)
            text = self._decode(data, final)
            if final:
                self._done = True
            if text or final:
                return text
        return ""

    def _decode(self, data: bytes, final: bool) -> str:
        assert self._decoder is not None
        try:
            return self._decoder.decode(data, final)
        except UnicodeDecodeError as error:
            if self.fell_back:  # cp1252 with the Latin-1 handler cannot fail
                raise
            self.fell_back = True
            good = error.object[: error.start]
            rest = error.object[error.start:]
            self._decoder = codecs.getincrementaldecoder("cp1252")(errors="cable-latin1")
            return good.decode("utf-8", errors="replace") + self._decoder.decode(rest, final)

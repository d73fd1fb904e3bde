"""Telling inputs apart by content: binary kinds, cable formats, cable markers."""

from __future__ import annotations

import re

from .. import patterns

_BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed data"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office document"),
    (b"\x7fELF", "ELF executable"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3 audio"),
)

PDF_MESSAGE = "PDF is not supported"


def binary_kind(head: bytes) -> str | None:
    """An error message when the first bytes show a binary (non-text) file, else None."""
    if head.lstrip()[:5] == b"%PDF-":
        return PDF_MESSAGE
    for magic, name in _BINARY_MAGIC:
        if name and head.startswith(magic):
            return f"binary file ({name})"
    if head[257:262] == b"ustar":
        return "binary file (tar archive)"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None  # UTF-16 text: NUL bytes are expected
    if b"\x00" in head[:8192]:
        return "binary file"
    return None


# --- cable formats, from the first (decoded) characters --------------------------------------

_CSV_ROW = patterns.compile(r'[\r\n]*"\d+","[^"\r\n]{0,40}","[^"\r\n]{0,100}","')
_JSONP = patterns.compile(r"[A-Za-z_$][\w$.]*\s*\(\s*[\[{]")
_HTML = patterns.compile(r"<(?:!doctype\s+html|html|head|body|table|pre|div|meta|title)\b", re.I)
_ALX_ID = patterns.compile(r"[0-9]{2,4}[A-Z][A-Z0-9]*[0-9]+[A-Z]?")
_RUBY_TIME = patterns.compile(
    r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]{2} \d{2} \d{2}:\d{2}:\d{2} [+-]\d{4} \d{4}")
_SCRAPED = patterns.compile(r"\[[^\]\n]{1,40}\]\(#[^)\s]*\)")

EXTENSION_HINTS = {
    ".csv": "csv", ".json": "json", ".jsonl": "json", ".ndjson": "json", ".jsonp": "json",
    ".js": "json", ".html": "html", ".htm": "html",
}


def sniff(head: str) -> str | None:
    """``"csv"``, ``"json"``, ``"html"`` or ``"alx"`` when the start shows it, else None (text)."""
    start = head.lstrip()
    if _CSV_ROW.match(head):
        return "csv"
    if start.startswith(("{", "[")) or _JSONP.match(start):
        return "json"
    if start.startswith("<") and _HTML.search(start[:4096]):
        return "html"
    if is_alx(head):
        return "alx"
    return None


def is_alx(text: str) -> bool:
    lines = text.lstrip("\ufeff").split("\n", 5)
    if len(lines) < 5:
        return False
    return bool(_ALX_ID.fullmatch(lines[0].strip()) and _RUBY_TIME.fullmatch(lines[2].strip()))


def has_scrape_residue(text: str) -> bool:
    """Markdown link residue (``[PGOV](#)``, ``[1](#)``) left by copying a rendered page."""
    return _SCRAPED.search(text) is not None


# --- cable markers ---------------------------------------------------------------------------
# Each pattern is one kind of line that only telegrams have, anchored at a line start so that
# prose *about* cables (a README quoting "E.O. 12958" or "VZCZC") does not count. A text is a
# cable when it shows two different kinds, or one of the decisive ones.

_MONTH = r"(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
_MARKERS: dict[str, re.Pattern[str]] = {
    "vzczc": patterns.compile(r"^[ \t]*VZCZC", re.M),
    "dtg": patterns.compile(r"^[ \t]*(?:[A-Z]{1,2}[ \t]+){0,3}\d{6}Z[ \t]?" + _MONTH + r"[ \t]?\d{2}\b", re.M),
    "from": patterns.compile(
        r"^[ \t]*(?:FM|From:)[ \t]+(?:AMEMBASSY|AMCONSUL|AMCONGEN|SECSTATE|USMISSION|USDEL|USUN|"
        r"USINT|AIT|USNATO|USEU|AMEMB|CIA|DIA|SECDEF)\b", re.M),
    "eo": patterns.compile(r"^[ \t]*(?:E\.[ \t]?O\.|EO)[ \t]*1[0-3]\d{3}\b", re.M),
    "tags": patterns.compile(r"^[ \t]*TAGS:?[ \t]+\S", re.M),
    "subject": patterns.compile(r"^[ \t]*SUBJ(?:ECT)?[ \t]*:", re.M),
    "banner": patterns.compile(
        r"^[ \t]*(?:C O N F I D E N T I A L|S E C R E T|U N C L A S S I F I E D|UNCLAS\b|"
        r"UNCLASSIFIED\b|CONFIDENTIAL\b|SECRET\b|LIMITED OFFICIAL USE\b)", re.M),
    "extract": patterns.compile(r"^[ \t]*This record is a partial extract of the original cable", re.M),
}
_DECISIVE = ("vzczc", "dtg", "extract")


def cable_markers(text: str) -> set[str]:
    found = set()
    for name, pattern in _MARKERS.items():
        if pattern.search(text):
            found.add(name)
            if name in _DECISIVE:
                break
    return found


def looks_like_cable(text: str) -> bool:
    found = cable_markers(text)
    return bool(found & set(_DECISIVE)) or len(found) >= 2

"""Machine formats: JSON, JSON Lines, YAML, TSV, CSV.

Every writer takes plain record dicts (``Cable.to_dict()`` or the row
dicts of ``model``) and writes them in their key order; none knows a field
name.  JSON and YAML read back equal to the dicts they were made from.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any, TextIO

from .. import patterns
from .safe import json_safe, visible


# Built once: ``json.dumps`` with options builds a new encoder per call.
# Records are trees (``to_dict`` and the row functions build new dicts and
# lists), so the encoders skip the per-container cycle check; a cycle would
# still fail, with a RecursionError instead of a ValueError.
_ASCII_LINE = json.JSONEncoder(ensure_ascii=True, separators=(",", ":"), check_circular=False)
_UNICODE_LINE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False)
# In the ASCII encoder's output: a ``\\u`` (a regular expression: in text
# full of backslashes it is found three times faster than with ``in``); an
# escape, read whole so that an escaped backslash is never taken for the
# start of the next one; a surrogate's escape (half of a character beyond
# U+FFFF, or a lone one in the record).
_U_ESCAPE = patterns.compile(r"\\u")
_ESCAPE = patterns.compile(r"\\(?:u([0-9a-f]{4})|.)", re.S)
_SURROGATE_ESCAPE = patterns.compile(r"\\ud[89a-f]")


def json_line(record: dict[str, Any]) -> str:
    """One compact JSON object, no newline: ``json_safe`` of the record's
    compact JSON text with characters beyond ASCII written as themselves."""
    # Speed: the ASCII encoder is the faster one, and when its output holds
    # no ``\u`` the record had no character beyond ASCII and no DEL (both
    # come out as ``\uXXXX``), so the output is the very text the other
    # encoder makes (the other escapes are the same in both).  When it does,
    # undoing those escapes gives that text too, faster than encoding again
    # (but for surrogates: a pair there may be one character or two).
    text = _ASCII_LINE.encode(record)
    if _U_ESCAPE.search(text) is None:
        return text
    if _SURROGATE_ESCAPE.search(text) is not None:
        return json_safe(_UNICODE_LINE.encode(record))
    return _ESCAPE.sub(_unescape, text)


def _unescape(escape: re.Match[str]) -> str:
    """What ``json_safe`` of the Unicode encoder's output has for an escape
    of the ASCII encoder's: below DEL the same escape (a control character:
    both encoders escape those alike); from DEL on, ``json_safe`` of the
    character (itself, or the same ``\\uXXXX`` when it is unsafe)."""
    code = escape.group(1)
    if code is None or int(code, 16) < 0x7F:
        return escape.group()
    return json_safe(chr(int(code, 16)))


def json_pretty(record: dict[str, Any]) -> str:
    return json_safe(json.dumps(record, ensure_ascii=False, indent=2))


def yaml_document(record: dict[str, Any]) -> str:
    """One ``---`` document, keys in record order, safe dumper only.

    ``allow_unicode=False``: YAML would otherwise emit BiDi and other
    format characters raw; escaped, they cannot reach a terminal.
    """
    import yaml

    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return yaml.dump(record, Dumper=dumper, sort_keys=False, explicit_start=True,
                     allow_unicode=False, default_flow_style=False, width=100)


def flat(value: Any) -> str:
    """A cell: lists of strings joined by ``|``, other structures as JSON."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (str, int, float)):
        return str(value)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return "|".join(value)
    return json_line(value)


def tsv_escape(text: str) -> str:
    """Backslash, tab, newline, CR escaped; other control and BiDi characters
    made visible (``\\x1b``), so a TSV on a terminal cannot drive it."""
    return visible(text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r"))


def tsv_lines(records: Iterable[dict[str, Any]], columns: tuple[str, ...]) -> Iterable[str]:
    """A header line, then one line per record; tabs and newlines escaped."""
    yield "\t".join(columns) + "\n"
    for record in records:
        yield "\t".join(tsv_escape(flat(record.get(c))) for c in columns) + "\n"


def paragraphs_text(paragraphs: list[dict[str, Any]]) -> str:
    """All paragraphs as one text: ``1. (C) ...`` blocks, headings above."""
    out = []
    for p in paragraphs:
        head = f"{p['heading']}\n\n" if p.get("heading") else ""
        number = f"{p['number']}. " if p.get("number") is not None else ""
        mark = f"({p['classification']}) " if p.get("classification") else ""
        out.append(f"{head}{number}{mark}{p['text']}")
    return "\n\n".join(out)


def csv_row(record: dict[str, Any], columns: tuple[str, ...]) -> str:
    """One CSV line (RFC 4180 quoting); paragraphs become one text column."""
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([
        paragraphs_text(record[c]) if c == "paragraphs" else flat(record.get(c)) for c in columns
    ])
    return buffer.getvalue()


def csv_header(columns: tuple[str, ...]) -> str:
    import csv
    import io

    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(columns)
    return buffer.getvalue()


def write_json_array(out: TextIO, items: Iterable[dict[str, Any]]) -> None:
    """A JSON array written item by item: no corpus is held in memory."""
    out.write("[")
    first = True
    for item in items:
        out.write("\n" if first else ",\n")
        out.write(json_pretty(item))
        first = False
    out.write("\n]\n" if not first else "]\n")

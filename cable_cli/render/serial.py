"""Machine formats: JSON, JSON Lines, YAML, TSV, CSV.

Every writer takes plain record dicts (``Cable.to_dict()`` or the row
dicts of ``model``) and writes them in their key order; none knows a field
name.  JSON and YAML read back equal to the dicts they were made from.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from .safe import json_safe, visible


# Built once: ``json.dumps`` with options builds a new encoder per call.
_ASCII_LINE = json.JSONEncoder(ensure_ascii=True, separators=(",", ":"))
_UNICODE_LINE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def json_line(record: dict[str, Any]) -> str:
    """One compact JSON object, no newline."""
    # Speed: the ASCII encoder is the faster one, and when its output holds
    # no ``\u`` the record had no character beyond ASCII and no DEL (both
    # come out as ``\uXXXX``), so the output is the very text the line
    # below makes (the other escapes are the same in both encoders).
    text = _ASCII_LINE.encode(record)
    if "\\u" not in text:
        return text
    return json_safe(_UNICODE_LINE.encode(record))


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

"""JSON cables: JSON Lines exports (streamed), one JSON document, or JSONP (``cablegrab({...})``)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from .. import patterns
from .base import MAX_SINGLE_BYTES, InputError, NotACable, RawCable, clean_value, make_metadata
from .dates import normalize_date
from .encoding import TextReader, fallback_defect, normalize_newlines

CHUNK_CHARS = 1 << 20
_JSONP = patterns.compile(r"\s*[A-Za-z_$][\w$.]*\s*\((.*)\)\s*;?\s*", re.S)
_LIST_SPLIT = patterns.compile(r"[|,\s]+")

# Keys that may hold a list of cables in a wrapping object (the cablesearch API uses "items").
_CONTAINERS = ("items", "cables", "results", "data", "docs", "rows")
_TEXT_KEYS = ("header", "body", "text", "content")


def _first(obj: dict[str, Any], *keys: str) -> Any:
    for key in keys:
        value = obj.get(key)
        if value not in (None, ""):
            return value
    return None


def _as_list(value: Any) -> list[str] | None:
    if value is None:
        return None
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    return [v for v in _LIST_SPLIT.split(str(value)) if v]


def is_cable_object(obj: Any) -> bool:
    return isinstance(obj, dict) and any(isinstance(obj.get(k), str) for k in _TEXT_KEYS)


def object_to_cable(obj: dict[str, Any], source: str, fell_back: bool) -> RawCable:
    """A RawCable from one JSON object (keys of mongoexport and cablesearch exports).

    ``_id`` is never taken as the cable id: in delhi.json it holds a *reference*.
    """
    header = obj.get("header") if isinstance(obj.get("header"), str) else ""
    body = _first(obj, "body", "text", "content")
    body = body if isinstance(body, str) else ""
    header, body = normalize_newlines(header), normalize_newlines(body)
    text = f"{header}\n\n{body}" if header.strip() else body
    date_raw = _first(obj, "date_time", "date", "created")
    references = obj.get("references")
    metadata = make_metadata(
        id=clean_value(_first(obj, "reference_id", "id", "identifier", "canonical_id")),
        date=normalize_date(str(date_raw)) if date_raw is not None else None,
        released=normalize_date(str(obj["released"])) if obj.get("released") else None,
        classification=clean_value(obj.get("classification")),
        origin=clean_value(obj.get("origin")),
        references=_as_list(references) if references is not None else None,
        subject=clean_value(obj.get("subject")),
        tags=_as_list(obj.get("tags")),
    )
    defects = [fallback_defect()] if fell_back else []
    return RawCable(text, source, "json", metadata, defects)


def _cables_in(document: Any) -> list[Any]:
    if isinstance(document, list):
        return document
    if isinstance(document, dict):
        if is_cable_object(document):
            return [document]
        for key in _CONTAINERS:
            if isinstance(document.get(key), list):
                return document[key]
    return []


def _lines(reader: TextReader) -> Iterator[str]:
    pending = ""
    while True:
        chunk = reader.read(CHUNK_CHARS)
        if not chunk:
            break
        pending += chunk
        lines = pending.split("\n")
        pending = lines.pop()
        yield from lines
    if pending:
        yield pending


def iter_json(reader: TextReader, source: str) -> Iterator[RawCable | InputError]:
    """Cables of a JSON input. JSON Lines are streamed; other JSON is read whole (size-capped)."""
    lines = _lines(reader)
    first = ""
    for first in lines:
        if first.strip():
            break
    stripped = first.strip()
    if stripped.startswith("{"):
        try:
            obj = json.loads(stripped)
        except (ValueError, RecursionError):  # RecursionError: '[[[[...' nested too deep
            obj = None
        if isinstance(obj, dict):
            yield from _iter_json_lines(obj, lines, reader, source)
            return
    # One JSON (or JSONP) document, possibly over many lines.
    parts = [first]
    size = len(first)
    for line in lines:
        parts.append(line)
        size += len(line) + 1
        if size > MAX_SINGLE_BYTES:
            raise NotACable(f"JSON document too large: more than {MAX_SINGLE_BYTES >> 20} MB "
                            "(use JSON Lines for big exports)", skippable=False)
    document_text = "\n".join(parts)
    m = _JSONP.fullmatch(document_text)
    if m and not document_text.lstrip().startswith(("{", "[")):
        document_text = m.group(1)
    try:
        document = json.loads(document_text)
    except (ValueError, RecursionError) as error:
        raise NotACable(f"not a cable: invalid JSON ({error})") from None
    yield from _from_document(document, reader, source)


def _from_document(document: Any, reader: TextReader, source: str) -> Iterator[RawCable | InputError]:
    items = _cables_in(document)
    if not any(is_cable_object(item) for item in items):
        raise NotACable("not a cable: JSON without cable fields (header, body or text)")
    multi = len(items) > 1
    for index, item in enumerate(items, 1):
        item_source = f"{source}:{index}" if multi else source
        if is_cable_object(item):
            yield object_to_cable(item, item_source, reader.fell_back)
        else:
            yield InputError(item_source, f"JSON item {index}: no cable fields (header, body or text)")


def _iter_json_lines(first: dict[str, Any], lines: Iterator[str], reader: TextReader,
                     source: str) -> Iterator[RawCable | InputError]:
    """JSON Lines: one object per line, each a cable ``source:ROW``."""
    following = next((line for line in lines if line.strip()), None)
    if following is None:
        # One object on one line: a cable, a wrapper of cables, or not a cable.
        yield from _from_document(first, reader, source)
        return
    yield _line_cable(first, f"{source}:1", reader)
    row = 1
    for line in _chain(following, lines):
        if not line.strip():
            continue
        row += 1
        row_source = f"{source}:{row}"
        try:
            obj = json.loads(line)
        except (ValueError, RecursionError) as error:
            yield InputError(row_source, f"JSON line {row}: invalid JSON ({error})")
            continue
        yield _line_cable(obj, row_source, reader)


def _chain(first: str, rest: Iterator[str]) -> Iterator[str]:
    yield first
    yield from rest


def _line_cable(obj: Any, source: str, reader: TextReader) -> RawCable | InputError:
    if is_cable_object(obj):
        return object_to_cable(obj, source, reader.fell_back)
    return InputError(source, "JSON object without cable fields (header, body or text)")

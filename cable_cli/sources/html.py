"""Cable pages: the Cablegate site (all builds) and PlusD, read with a real HTML parser."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

from .base import NotACable, clean_value, make_metadata
from .dates import normalize_date
from .detect import looks_like_cable


class _CablegatePage(HTMLParser):
    """Collects the ``<table class='cable'>`` cells and the ``<pre>`` blocks.

    Entities are decoded by the parser (``&#x000A;`` is a newline); tags inside
    ``<pre>`` are dropped but their text is kept (TAGS links, ``¶`` anchors).
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.table_depth = 0          # >0 while inside the cable table
        self.table_seen = False
        self.table_done = False
        self.rows: list[list[str]] = []
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self.pres_after_table: list[str] = []
        self.pres_all: list[str] = []
        self._pre_depth = 0
        self._pre: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            if self.table_depth:
                self.table_depth += 1
            elif not self.table_seen and "cable" in (dict(attrs).get("class") or "").split():
                self.table_depth = 1
                self.table_seen = True
        elif tag == "pre":
            self._pre_depth += 1
            if self._pre_depth == 1:
                self._pre = []
        elif tag == "br" and self._pre is not None:
            self._pre.append("\n")
        elif self.table_depth == 1:
            if tag == "tr":
                self._row = []
            elif tag in ("td", "th"):
                self._close_cell()
                self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "table" and self.table_depth:
            self.table_depth -= 1
            if not self.table_depth:
                self._close_cell()
                self._close_row()
                self.table_done = True
        elif tag == "pre" and self._pre_depth:
            self._pre_depth -= 1
            if not self._pre_depth and self._pre is not None:
                block = "".join(self._pre)
                self._pre = None
                self.pres_all.append(block)
                if self.table_done:
                    self.pres_after_table.append(block)
        elif self.table_depth == 1:
            if tag in ("td", "th"):
                self._close_cell()
            elif tag == "tr":
                self._close_row()

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)
        if self._pre is not None:
            self._pre.append(data)

    def _close_cell(self) -> None:
        if self._cell is not None and self._row is not None:
            self._row.append(" ".join("".join(self._cell).split()))
        self._cell = None

    def _close_row(self) -> None:
        if self._row:
            self.rows.append(self._row)
        self._row = None

    def fields(self) -> dict[str, str]:
        """Table cells by lower-cased heading (header row above value row, or key/value rows)."""
        pairs: dict[str, str] = {}
        if len(self.rows) >= 2 and len(self.rows[0]) == len(self.rows[1]) > 2:
            pairs.update(zip((h.lower() for h in self.rows[0]), self.rows[1]))
        else:
            for row in self.rows:
                if len(row) == 2:
                    pairs[row[0].rstrip(":").lower()] = row[1]
        return pairs


def _join_blocks(blocks: list[str]) -> str:
    return "\n\n".join(block for block in blocks if block.strip())


def read_cablegate(page: str) -> tuple[str, dict[str, Any] | None]:
    """Text and metadata of a Cablegate cable page."""
    parser = _CablegatePage()
    parser.feed(page)
    parser.close()
    if parser.table_seen:
        text = _join_blocks(parser.pres_after_table)
        fields = parser.fields()
        metadata = make_metadata(
            id=clean_value(fields.get("reference id")),
            date=normalize_date(fields.get("created")),
            released=normalize_date(fields.get("released")),
            classification=clean_value(fields.get("classification")),
            origin=clean_value(fields.get("origin")),
        )
        if not text.strip() and not metadata["id"]:
            raise NotACable("not a cable: cable table without cable text")
        return text, metadata
    # Some other page that shows a telegram in <pre> blocks.
    text = _join_blocks(parser.pres_all)
    if not text or not looks_like_cable(text):
        raise NotACable("not a cable: HTML page without a Cablegate cable table or cable text")
    return text, None


class _PlusdPage(HTMLParser):
    """Collects PlusD's ``<table id="synopsis">`` fields and the telegram ``<div>``s."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._divs: list[str | None] = []   # role of each open <div>
        self._buffers: dict[str, list[str]] = {}
        self._synopsis_depth = 0
        self._title: list[str] | None = None
        self.title: str | None = None
        self._key: str | None = None
        self.fields: dict[str, str] = {}
        self.header: str | None = None
        self.body: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "table":
            if self._synopsis_depth:
                self._synopsis_depth += 1
            elif attributes.get("id") == "synopsis" and not self.fields:
                self._synopsis_depth = 1
            return
        if tag == "td" and self._synopsis_depth == 1 and self.title is None and self._title is None \
                and not self.fields and attributes.get("colspan"):
            self._title = []
            return
        if tag != "div":
            return
        classes = (attributes.get("class") or "").split()
        role: str | None = None
        if self._synopsis_depth and "s_key" in classes:
            role = "key"
        elif self._synopsis_depth and "s_val" in classes:
            role = "val"
        elif "text-header" in classes and self.header is None and "header" not in self._buffers:
            role = "header"
        elif attributes.get("id") == "tagged-text" and self.body is None and "body" not in self._buffers:
            role = "body"
        if role:
            self._buffers[role] = []
        self._divs.append(role)

    def handle_endtag(self, tag: str) -> None:
        if tag == "table" and self._synopsis_depth:
            self._synopsis_depth -= 1
        elif tag == "td" and self._title is not None:
            self.title = " ".join("".join(self._title).split())
            self._title = None
        elif tag == "div" and self._divs:
            role = self._divs.pop()
            if role:
                text = "".join(self._buffers.pop(role, []))
                if role == "key":
                    self._key = text.strip().rstrip(":").strip()
                elif role == "val" and self._key:
                    self.fields[self._key] = " ".join(text.split())
                    self._key = None
                elif role == "header":
                    self.header = text
                elif role == "body":
                    self.body = text

    def handle_data(self, data: str) -> None:
        if self._title is not None:
            self._title.append(data)
        for role in reversed(self._divs):
            if role:
                self._buffers[role].append(data)
                break


def _plusd_tags(value: str | None) -> list[str] | None:
    if not value:
        return None
    tags = [item.split(" - ")[0].strip() for item in value.split("|")]
    return [tag for tag in tags if tag] or None


def read_plusd(page: str) -> tuple[str, dict[str, Any]]:
    """Text and metadata of a PlusD document page."""
    parser = _PlusdPage()
    parser.feed(page)
    parser.close()
    if parser.body is None and parser.header is None:
        raise NotACable("not a cable: PlusD page without telegram text")
    header = (parser.header or "").strip("\n")
    body = (parser.body or "").strip("\n")
    text = f"{header}\n\n{body}" if header else body
    fields = parser.fields
    metadata = make_metadata(
        id=clean_value(fields.get("Canonical ID")),
        date=normalize_date(fields.get("Date")),
        classification=clean_value(fields.get("Original Classification")),
        origin=clean_value(fields.get("Office Origin")) or clean_value(fields.get("From")),
        subject=clean_value(parser.title),
        tags=_plusd_tags(clean_value(fields.get("TAGS"))),
    )
    return text, metadata


def is_plusd(page: str) -> bool:
    return 'id="synopsis"' in page or 'id="tagged-text"' in page


def read_html(page: str, input_format: str | None = None) -> tuple[str, str, dict[str, Any] | None]:
    """``(format, text, metadata)`` of a cable page; ``input_format`` forces the layout."""
    fmt = input_format or ("plusd" if is_plusd(page) else "html")
    if fmt == "plusd":
        text, metadata = read_plusd(page)
        return "plusd", text, metadata
    text, meta = read_cablegate(page)
    return "html", text, meta

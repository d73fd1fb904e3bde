"""Single-cable text files: plain telegrams, scraped (markdown residue) copies, the alx dump."""

from __future__ import annotations

from typing import Any

from .. import patterns
from .base import NotACable, clean_value, make_metadata
from .dates import normalize_date
from .detect import has_scrape_residue, is_alx, looks_like_cable

NO_CABLE = "not a cable: no cable header or body found"

_WEEKDAY_LINE = patterns.compile(
    r"(?<=[^\n])(?=(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \d{1,2} "
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December) "
    r"\d{4}, \d{2}:\d{2}\b)")
_EXTRACT_NOTE = patterns.compile(
    r"(This record is a partial extract of the original cable\. "
    r"The full text of the original cable is not available\.)(?=\S)")


def classify_text(text: str) -> str:
    """``"alx"``, ``"scraped"`` or ``"text"``; raises NotACable for text without a cable."""
    if is_alx(text):
        return "alx"
    if not looks_like_cable(text):
        raise NotACable(NO_CABLE)
    return "scraped" if has_scrape_residue(text) else "text"


def split_alx(text: str) -> tuple[str, dict[str, Any]]:
    """Strip the alx dump's 5 metadata lines and unglue header from body.

    The dump wrote the page's header and body ``<pre>`` blocks with no separator
    (``...COMMUNITY PRIORITYFriday, 23 February 2001, 15:53``); a newline is put back
    before that weekday date line, and after the "partial extract" note.
    """
    lines = text.split("\n", 5)
    lines += [""] * (6 - len(lines))
    cable_id, subject, date, classification, origin, body = lines
    body = _WEEKDAY_LINE.sub("\n", body, count=1)
    body = _EXTRACT_NOTE.sub("\\1\n", body, count=1)
    metadata = make_metadata(
        id=clean_value(cable_id),
        subject=clean_value(subject),
        date=normalize_date(date),
        classification=clean_value(classification),
        origin=clean_value(origin),
    )
    return body, metadata

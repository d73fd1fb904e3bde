"""Dates as the sources write them -> ISO 8601 (``YYYY-MM-DDTHH:MM:SSZ``)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from .. import patterns

_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}

# 2009-09-01 05:05 / 2008-02-15 17:05:00 / 2009-09-01T05:05:00Z
_ISO = patterns.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?Z?")
# 12/28/1966 18:48 (cables.csv, delhi.json)
_US = patterns.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?")
# 1974 May 17, 16:00 (Friday)  (PlusD)
_PLUSD = patterns.compile(r"(\d{4}) ([A-Za-z]{3})[a-z]* (\d{1,2})(?:, (\d{1,2}):(\d{2}))?(?: \(\w+\))?")
# Fri Feb 23 00:00:00 +0100 2001  (Ruby Time#to_s, alx dump)
_RUBY = patterns.compile(r"[A-Za-z]{3} ([A-Za-z]{3}) (\d{1,2}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2}) (\d{4})")


def _iso(y: int, mo: int, d: int, h: int | None, mi: int | None, s: int | None) -> str | None:
    try:
        if h is None:
            return datetime(y, mo, d).strftime("%Y-%m-%d")
        return datetime(y, mo, d, h, mi or 0, s or 0).strftime("%Y-%m-%dT%H:%M:%SZ")
    except ValueError:
        return None


def _ints(groups: tuple[str | None, ...]) -> list[int | None]:
    return [int(g) if g is not None else None for g in groups]


def normalize_date(value: str | None) -> str | None:
    """ISO form of a source date, or None when it cannot be read.

    A date without a time gives ``YYYY-MM-DD``. A Ruby date at local midnight
    (how the alx dump writes a date without time) also gives ``YYYY-MM-DD``;
    with a real time it is converted to UTC.
    """
    if not value:
        return None
    text = value.strip()
    if m := _ISO.fullmatch(text):
        y, mo, d, h, mi, s = _ints(m.groups())
        return _iso(y, mo, d, h, mi, s)  # type: ignore[arg-type]
    if m := _US.fullmatch(text):
        mo, d, y, h, mi, s = _ints(m.groups())
        return _iso(y, mo, d, h, mi, s)  # type: ignore[arg-type]
    if m := _PLUSD.fullmatch(text):
        month = _MONTHS.get(m.group(2).lower())
        if month is None:
            return None
        h, mi = _ints(m.group(4, 5))
        return _iso(int(m.group(1)), month, int(m.group(3)), h, mi, None)
    if m := _RUBY.fullmatch(text):
        month = _MONTHS.get(m.group(1).lower())
        if month is None:
            return None
        day, hh, mm, ss = int(m.group(2)), int(m.group(3)), int(m.group(4)), int(m.group(5))
        year = int(m.group(9))
        if (hh, mm, ss) == (0, 0, 0):
            return _iso(year, month, day, None, None, None)
        offset = timedelta(hours=int(m.group(7)), minutes=int(m.group(8)))
        if m.group(6) == "-":
            offset = -offset
        try:
            local = datetime(year, month, day, hh, mm, ss, tzinfo=timezone(offset))
        except ValueError:
            return None
        return local.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return None

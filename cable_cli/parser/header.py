"""The routing header: transmission lines, date-time group, FM, TO, INFO.

An ACP-126 telegram header looks like::

    VZCZCXRO0825
    OO RUEHBI RUEHCI ...
    DE RUEHTA #0319/01 0551013
    ZNY CCCCC ZZH
    O 241013Z FEB 09
    FM AMEMBASSY ASTANA
    TO RUEHC/SECSTATE WASHDC IMMEDIATE 4694
    INFO RUCNCLS/ALL SOUTH AND CENTRAL ASIA COLLECTIVE

Older cables have only the date-time group and FM/TO/INFO (addresses
without routing indicators), 1970s print copies add ``PAGE 01`` lines and
ACTION/INFO distribution lists before it, and some texts have no header at
all.  The header ends at the classification banner, at ``BT``, or at the
first blank line once addressees have started.
"""

from __future__ import annotations

import re
from dataclasses import field
from functools import lru_cache

from .. import patterns
from ..model import Addressee, Transmission, record
from .banner import BANNER, BANNER_FIRST

MONTHS = {m: i for i, m in enumerate(
    ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"), start=1)}
PRECEDENCE_LETTERS = {"Z": "FLASH", "O": "IMMEDIATE", "P": "PRIORITY", "R": "ROUTINE"}
PRECEDENCE_WORDS = ("NIACT IMMEDIATE", "FLASH", "IMMEDIATE", "PRIORITY", "ROUTINE")

_TID = patterns.compile(r"^VZCZC[A-Z0-9]*$")
_RI = r"R[A-Z0-9]{3,6}"
_RELAY = patterns.compile(rf"^(?P<prec>[ZOPRM]{{2}})\s+(?P<ris>{_RI}(?:\s+{_RI})*)$")
_RI_ONLY = patterns.compile(rf"^{_RI}(?:\s+{_RI})*$")
_DE = patterns.compile(r"^DE\s+(?P<ri>[A-Z0-9]{4,7})\s+#\s?(?P<ssn>\d{1,5})(?:/(?P<part>\d{1,3}))?(?:\s+(?P<jul>\d{7}))?")
_SECURITY = patterns.compile(r"^(?P<sec>ZN[YR]\s+[A-Z]{5})(?P<ops>(?:\s+Z[A-Z]{2})*)\s*$")
_DTG = patterns.compile(
    r"^(?P<prec>(?:[ZOPR]\s+){1,3}|(?:FLASH|NIACT\s+IMMEDIATE|IMMEDIATE|PRIORITY|ROUTINE)\s+)?"
    r"(?P<day>\d{2})(?P<hh>\d{2})(?P<mm>\d{2})\s?Z\s+(?P<mon>[A-Za-z]{3})\s+(?P<yr>\d{4}|\d{2})\b"
)
_WEEKDAY_DATE = patterns.compile(
    r"^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),\s+(?P<day>\d{1,2})\s+(?P<mon>[A-Za-z]+)\s+"
    r"(?P<yr>\d{4}),\s+(?P<hh>\d{2}):(?P<mm>\d{2})\s*$"
)
_FM = patterns.compile(r"^(?:FM|From:)\s+(?P<addr>\S.*)$")
# ``INFO/RUEHSA/AMEMBASSY PRETORIA 1186`` (90MOSCOW5204): a slash for the space.
_TO = patterns.compile(r"^TO(?:\s+|/(?=[A-Z]))(?P<rest>\S.*)$")
_INFO = patterns.compile(r"^INFO(?:\s+|/(?=[A-Z]))(?P<rest>\S.*)$")
# A print copy's page header inside the addressees (``TO PAGE 02 STATE 015113 182333Z``).
_ADDR_PAGE = patterns.compile(r"^PAGE\s+\d{2,3}\s+[A-Z][A-Z .'-]{1,40}?\s+\d{2,6}\s+(?:\d\d\s+OF\s+\d\d\s+)?\d{6}Z\s*")
# An exclusion list on its own line, for the collective above it (``XMT AMCONSUL X``).
_XMT_LINE = patterns.compile(r"^XMT\s+(?P<rest>\S.*)$")
# 1970s print copies: page headers and the distribution list before the DTG.
# (``H-01     NSCE-00``: one-letter offices; ``------352654  200910Z /23``: the relay line.)
_PRINT_JUNK = patterns.compile(r"^(?:PAGE\s+\d{2,3}\b|ACTION\s+[A-Z]|INFO\s+[A-Z]{2,6}-\d\d|[A-Z]{1,6}-\d\d(?:\s|$)|/\d{3}\s+W$"
                               r"|-{5,}\s*\d*(?:\s+\d{6}Z(?:\s+/\d{1,3})?)?\s*$|\d{1,3}$|O\s+[A-Z]{3,}$)")
_PARTIAL_NOTE = patterns.compile(r"^This record is a partial extract of the original cable", re.I)


@record
class Header:
    """What the routing header says; fields stay None when absent."""

    transmission: Transmission = field(default_factory=Transmission)
    precedence: str | None = None
    date: str | None = None          # ISO 8601 UTC
    year: int | None = None          # four digits, from the DTG
    press_date: str | None = None    # the ``Friday, 23 February 2001, 15:53`` line of press copies
    from_: str | None = None
    to: list[Addressee] = field(default_factory=list)
    info: list[Addressee] = field(default_factory=list)
    found: bool = False              # any header line at all
    dtg_line: int | None = None
    end: int = 0                     # index of the first line after the header


def full_year(two_or_four: str) -> int:
    year = int(two_or_four)
    if len(two_or_four) == 4:
        return year
    return 1900 + year if year >= 66 else 2000 + year


def iso_date(year: int, month: int, day: int, hour: int, minute: int) -> str | None:
    """ISO 8601 UTC, or None when the parts are no real date."""
    import datetime as _dt  # local: only a parse needs it

    try:
        moment = _dt.datetime(year, month, day, hour, minute)  # checks the parts
    except ValueError:
        return None
    if year >= 1000:  # the common case, formatted without strftime (twice as slow)
        return f"{year}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:00Z"
    return moment.strftime("%Y-%m-%dT%H:%M:00Z")  # (how %Y writes a short year depends on the C library)


# What a date-time group can start with: a precedence letter or word
# (``FLASH``, ``NIACT``, ``IMMEDIATE``...), or the day (``\d``: isdigit says
# yes to every such digit).  Most lines tried start otherwise.
_DTG_FIRST = frozenset("ZOPRFNI")


def parse_dtg(line: str) -> tuple[str | None, str | None, int | None] | None:
    """``O 241013Z FEB 09`` -> (precedence, ISO date, year); None if no DTG."""
    first = line[:1]
    if first not in _DTG_FIRST and not first.isdigit():
        return None
    m = _DTG.match(line)
    if not m or m["mon"].upper() not in MONTHS:
        return None
    words = (m["prec"] or "").split()
    if not words:
        precedence = None
    elif len(words[0]) == 1:  # ``P R``: the action precedence comes first
        precedence = PRECEDENCE_LETTERS[words[0]]
    else:
        precedence = " ".join(words)
    year = full_year(m["yr"])
    date = iso_date(year, MONTHS[m["mon"].upper()], int(m["day"]), int(m["hh"]), int(m["mm"]))
    return precedence, date, year


_WEEKDAY_FIRST = frozenset("MTWFS")  # Monday ... Sunday


def parse_weekday_date(line: str) -> str | None:
    line = line.strip()
    if line[:1] not in _WEEKDAY_FIRST:
        return None
    m = _WEEKDAY_DATE.match(line)
    if not m:
        return None
    month = MONTHS.get(m["mon"][:3].upper())
    if month is None:
        return None
    return iso_date(int(m["yr"]), month, int(m["day"]), int(m["hh"]), int(m["mm"]))


# An exclusion list after a collective on the same line (``COLLECTIVE, XMT AMCONSUL X``).
_XMT_INLINE = patterns.compile(r",?\s+XMT\s+")
_ROUTING_INDICATOR = patterns.compile(r"[A-Z][A-Z0-9]{3,7}")


def parse_addressee(text: str) -> Addressee:
    """``RUEHC/SECSTATE WASHDC IMMEDIATE 4694`` -> ri, address, precedence, mcn."""
    ri, address, precedence, mcn, excluded = _addressee_parts(text)
    # (positional: twice as fast as keywords for this slotted dataclass; a
    # new list each time, as callers extend it)
    return Addressee(ri, address, precedence, mcn, list(excluded))


# Between the posts a collective is not sent to (``XMT AMCONSUL X, AMCONSUL Y``).
_LIST_SEPARATOR = patterns.compile(r"\s*[,;]\s*")
_EXCLUSION_SEPARATOR = patterns.compile(r"\s*[,;]\s*|\s+XMT\s+")


@lru_cache(maxsize=4096)  # a batch names the same posts and collectives again and again
def _addressee_parts(text: str) -> tuple[str | None, str, str | None, str | None, tuple[str, ...]]:
    """:func:`parse_addressee`'s fields, ``excluded`` as a tuple.

    Parsed by tokens from the right so that a long line costs linear time.
    """
    excluded: list[str] = []
    xmt = _XMT_INLINE.search(text) if "XMT" in text else None  # the pattern needs the literal
    if xmt:
        excluded = [x.strip() for x in _EXCLUSION_SEPARATOR.split(text[xmt.end():]) if x.strip()]
        text = text[: xmt.start()]
    ri = None
    slash = text.find("/")
    if 0 < slash <= 8 and _ROUTING_INDICATOR.fullmatch(text, 0, slash):
        ri, text = text[:slash], text[slash + 1:]
    tokens = text.split()
    mcn = None
    if len(tokens) > 1 and tokens[-1].isdigit() and len(tokens[-1]) <= 5:
        mcn = tokens.pop()
    precedence = None
    if len(tokens) > 2 and tokens[-2] == "NIACT" and tokens[-1] == "IMMEDIATE":
        precedence = "NIACT IMMEDIATE"
        del tokens[-2:]
    elif len(tokens) > 1 and tokens[-1] in PRECEDENCE_WORDS:
        precedence = tokens.pop()
    return ri, " ".join(tokens), precedence, mcn, tuple(excluded)


def _is_banner(line: str) -> bool:
    return BANNER.match(line) is not None  # the banner module owns the classification words


def _list_start(line: str, mode: str | None) -> tuple[str, str] | None:
    """``TO ...`` (unless INFO has begun) or ``INFO ...``: (list, the rest)."""
    m = _TO.match(line) if mode in (None, "to") and line.startswith("TO") else None
    if m:
        return "to", m["rest"]
    m = _INFO.match(line) if line.startswith("INFO") else None
    return ("info", m["rest"]) if m else None


def _fm(line: str) -> re.Match[str] | None:
    """``_FM.match(line)``, tried only on a line that opens with its literal."""
    return _FM.match(line) if line.startswith(("FM", "From:")) else None


def _addr_page(line: str) -> re.Match[str] | None:
    """``_ADDR_PAGE.match(line)``, tried only on a line that opens with its literal."""
    return _ADDR_PAGE.match(line) if line.startswith("PAGE") else None


def _fm_within(lines: list[str], start: int, window: int) -> bool:
    return any(_fm(line.strip()) for line in lines[start:start + window])


def _next_text(lines: list[str], start: int) -> str:
    for line in lines[start:start + 5]:
        if line.strip():
            return line.strip()
    return ""


_ASIDE_FIRST = _WEEKDAY_FIRST | {"T", "t"}  # the first letters :func:`_aside` can accept


def _aside(line: str, h: Header) -> str | None:
    """Is the (stripped, non-empty) line one that stands among the header
    lines without being one: WikiLeaks' note on partial records ("note"),
    or a press copy's date line ("press date", kept in ``h.press_date``)?"""
    # (under re.I only t and T match the note's first letter)
    if line[0] in "Tt" and _PARTIAL_NOTE.match(line):
        return "note"
    if line[0] in _WEEKDAY_FIRST and (press := parse_weekday_date(line)):
        h.press_date = press
        return "press date"
    return None


def parse_header(lines: list[str]) -> Header:
    """Read the header from the top of ``lines``; ``Header.end`` marks the body."""
    h = Header()
    t = h.transmission
    in_relay = False
    fm_ahead: int | None = None     # index of the FM line, once looked for
    print_copy = False              # a ``PAGE 01`` line was seen: 1970s-2000s print format
    i, n = 0, len(lines)
    limit = min(n, 400)             # a header is never longer than this
    while i < limit:
        line = lines[i].strip()
        if not line:
            i += 1
            continue
        aside = _aside(line, h) if line[0] in _ASIDE_FIRST else None  # (the gate spares most lines a call)
        if aside:
            h.found = h.found or aside == "press date"
            i += 1
            continue
        if line == "BT":  # ``^BT\s*$`` on a stripped line
            i += 1
            break
        if h.dtg_line is None:
            # (each transmission-line pattern is tried only on a line that
            # opens as it must: most lines here are none of them)
            if line.startswith("VZCZC") and _TID.match(line):
                t.tid, h.found = line, True
                i += 1
                continue
            m = _RELAY.match(line) if line[0] in "ZOPRM" else None
            if m:
                t.relay_precedence = m["prec"]
                t.relay.extend(m["ris"].split())
                in_relay = h.found = True
                i += 1
                continue
            if in_relay and _RI_ONLY.match(line):
                t.relay.extend(line.split())
                i += 1
                continue
            in_relay = False
            m = _DE.match(line) if line.startswith("DE") else None
            if m:
                t.station_ri, t.ssn, h.found = m["ri"], m["ssn"], True
                t.part = int(m["part"]) if m["part"] else None
                t.julian_time = m["jul"]
                i += 1
                continue
            m = _SECURITY.match(line) if line.startswith("ZN") else None
            if m:
                t.security = " ".join(m["sec"].split())
                t.op_signals = m["ops"].split()
                h.found = True
                i += 1
                continue
            dtg = parse_dtg(line)
            if dtg:
                h.precedence, h.date, h.year = dtg
                h.dtg_line, h.found = i, True
                i += 1
                continue
            if _PRINT_JUNK.match(line) and not _is_banner(line):
                print_copy = print_copy or line.startswith("PAGE")
                i += 1
                continue
            if print_copy and not _fm(line) and _fm_within(lines, i, 40):
                i += 1  # the rest of a print copy's distribution block
                continue
            if not h.found and _is_banner(line) and _next_text(lines, i + 1).startswith("PAGE "):
                i += 1  # the banner printed above a print copy's header
                continue
            if not h.found and not (print_copy and _fm(line)):
                break  # no header: the text starts with the body
        m = _fm(line)
        if m:
            h.from_ = " ".join(m["addr"].split())
            h.found = True
            i = _read_addressees(h, lines, i + 1, limit)
            break
        if h.dtg_line is not None and fm_ahead is None:
            fm_ahead = next((k for k in range(i, min(n, i + 60)) if _fm(lines[k].strip())), -1)
        if h.dtg_line is not None and (fm_ahead or -1) > i:
            i += 1  # print copies: page header and distribution list between DTG and FM
            continue
        break
    h.end = i if h.found else 0
    return h


# First letters of the lines among the addressees that are no addressee: a
# page header (``PAGE 02 ...``) or a press copy's date line (a weekday).
_ADDR_NOISE_FIRST = frozenset("PMTWFS")


def _read_addressees(h: Header, lines: list[str], i: int, limit: int) -> int:
    """The TO and INFO lists below the FM line, read from ``lines[i]`` into
    ``h``; returns the index of the first line after the header."""
    mode: str | None = None          # "to" / "info" while reading addressees
    while i < limit:
        line = lines[i].strip()
        if not line:
            if mode and (h.to or h.info):
                break
            i += 1
            continue
        first = line[0]  # (the patterns below are tried only where it allows a match)
        if mode is None and first in _ASIDE_FIRST and _aside(line, h):
            i += 1
            continue
        if line == "BT":  # ``^BT\s*$`` on a stripped line
            i += 1
            break
        starts = _list_start(line, mode) if first in "TI" else None  # TO / INFO
        if starts:
            mode, rest = starts
            if rest.startswith("PAGE"):  # (the only place the pattern can match)
                rest = _ADDR_PAGE.sub("", rest)
            rest = rest.strip()
            if rest:
                (h.info if mode == "info" else h.to).append(parse_addressee(rest))
            i += 1
            continue
        if mode and first in _ADDR_NOISE_FIRST and (_addr_page(line) or parse_weekday_date(line)):
            # page-break residue among the addressees; a press copy's date line
            if not _addr_page(line):
                h.press_date = h.press_date or parse_weekday_date(line)
            i += 1
            continue
        if mode and first == "X" and _XMT_LINE.match(line):
            target = (h.info or h.to)[-1]
            target.excluded.extend(x.strip() for x in _LIST_SEPARATOR.split(line[4:]) if x.strip())
            i += 1
            continue
        if mode and len(line) <= 120 and (first not in BANNER_FIRST or BANNER.match(line) is None):  # (not a banner)
            (h.info if mode == "info" else h.to).append(parse_addressee(line))
            i += 1
            continue
        break
    return i

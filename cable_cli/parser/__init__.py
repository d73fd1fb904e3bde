"""The pure parser core: cable text in, :class:`~cable_cli.model.Cable` out.

No file I/O, no terminal: callers give text (and, when the input carried
it, WikiLeaks' metadata) and get a record whose ``defects`` say what was
odd.  Parsing never raises for any input text.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Iterator
from functools import lru_cache
from itertools import compress, count, repeat
from typing import Any

from .. import patterns
from ..model import Cable, Defect
from . import banner as banner_mod
from .blocks import JoinedParagraphs, find_blocks, find_summary
from .body import clean_body, parse_paragraphs, split_signer
from .fields import parse_classified_by, parse_declassification, parse_tags
from .header import Header, parse_dtg, parse_header, parse_weekday_date
from .origin import origin_name
from .preamble import parse_preamble, split_glued
from .references import parse_references
from .stations import canonical_station, make_id, station_key
from .text import collapse_spaces, has_markdown_residue, normalize

__all__ = ["parse_cable"]

_PARTIAL_TEXT = "partial extract of the original cable"
_PARTIAL = patterns.compile(_PARTIAL_TEXT, re.I)
_PARTIAL_NOTE = patterns.compile(r"^\s*This record is a partial extract of the original cable", re.I)
_SECURITY_LEVELS = {"UUUUU": "UNCLASSIFIED", "EEEEE": "UNCLASSIFIED", "CCCCC": "CONFIDENTIAL",
                    "SSSSS": "SECRET", "TTTTT": "TOP SECRET"}
_BANNER_WORDS = {"UNCLASSIFIED", "UNCLAS", "CONFIDENTIAL", "SECRET", "LIMITED OFFICIAL USE",
                 "C O N F I D E N T I A L", "S E C R E T", "U N C L A S S I F I E D"}


def parse_cable(text: str, *, source: str | None = None, input_format: str | None = None,
                metadata: dict[str, Any] | None = None, defects: list[Defect] | None = None) -> Cable:
    """Parse one cable.  ``defects`` are input-level ones to carry over."""
    if input_format is None:  # text given directly: say whether it was a scraped copy
        input_format = "scraped" if has_markdown_residue(text) else "text"
    cable = Cable(source=source, input_format=input_format,
                  metadata=dict(metadata) if metadata is not None else None)
    cable.defects.extend(defects or ())
    try:
        _parse_into(cable, normalize(text), metadata or {})
    except RecursionError:  # pragma: no cover - defensive: never let a parse crash a batch
        cable.defect("parse-error", None, "the parser gave up on this text (recursion)")
    _check_metadata(cable)
    return cable


def _parse_into(cable: Cable, text: str, metadata: dict[str, Any]) -> None:
    raw_lines = text.split("\n")
    header = _locate_header(raw_lines, cable)
    t = header.transmission
    cable.transmission = t
    cable.precedence = header.precedence
    cable.date = header.date or header.press_date
    cable.from_ = header.from_
    cable.to, cable.info = header.to, header.info
    if not header.found:
        cable.defect("no-header", 1, "no routing header (date-time group, FM, TO)")
    elif header.date is None:
        cable.defect("no-date-time-group", 1, "the header has no date-time group")
    if cable.date is None and metadata.get("date"):
        # Partial extracts have no date-time group; the year in the id needs one.
        cable.date = metadata["date"]
        cable.defect("metadata-fallback", None, f"date taken from the source metadata: {cable.date}")

    # The body's lines as parallel lists: line numbers and texts.  (clean_body
    # scans the body in ``text``, so ``raw_lines`` must be its lines unchanged.)
    numbers, body, _dropped = clean_body(text, raw_lines, header.end, _BANNER_WORDS)
    start = _skip_press_date(numbers, body, _first_text_line(body), cable)

    start, found = _find_banner(numbers, body, start, cable)
    found_on = body[start] if found else None  # the line ``found`` was parsed from
    numbers, lines = split_glued(numbers, body, start)  # the lines from the banner on
    if not lines:
        ban = None
    elif lines[0] == found_on:
        ban = found
    else:  # not parsed yet, or split_glued cut the line
        ban = banner_mod.parse_banner(lines[0])
    after_banner = 1 if ban else 0
    # The banner, sometimes split over two lines (classification / SECTION ...).
    if ban and ban.station_words is None and len(lines) > 1 and banner_mod.SECTION.match(lines[1].strip()):
        more = banner_mod.parse_banner("UNCLASSIFIED " + lines[1].strip())
        if more:
            ban.section, ban.sections = more.section, more.sections
            ban.station_words, ban.serial = more.station_words, more.serial
            ban.captions = (ban.captions or []) + (more.captions or [])
        after_banner = 2
    if ban is None:
        cable.defect("no-banner", numbers[0] if lines else None, "no classification banner at the top of the body")

    pre = parse_preamble(numbers, lines, after_banner)
    captions = list(ban.captions or []) if ban else []
    if ban and ban.classification == "LIMITED OFFICIAL USE":
        captions.insert(0, "LOU")  # the label is UNCLASSIFIED; keep what the banner said
    captions += pre.captions
    cable.captions = list(dict.fromkeys(captions))
    base = ban.classification if ban else None
    cable.classification = banner_mod.wikileaks_label(base, cable.captions)
    if ban:
        cable.sections = ban.sections

    _fill_id(cable, header, ban)
    cable.origin = origin_name(cable.from_, cable.station)

    if pre.subject is not None:
        cable.subject = collapse_spaces(pre.subject) or None
    if pre.tags is not None:
        cable.tags = parse_tags(pre.tags)
    if pre.eo is not None:
        cable.declassification = parse_declassification(pre.eo)
    if pre.classified_by is not None:
        cable.classified_by = parse_classified_by(pre.classified_by)
    year = header.year or _year_of(cable.date)
    for block, _line in pre.refs:
        cable.references.extend(parse_references(block, year=year, own_id=cable.id))

    body_start = after_banner + pre.end
    rest = lines[body_start:]
    keep, cable.signer = split_signer(rest)
    cable.paragraphs, problems = parse_paragraphs(numbers[body_start:body_start + keep], rest[:keep])
    for line, code, number in problems:
        what = "repeated" if code == "paragraph-repeat" else "out of sequence"
        cable.defect(code, line, f"paragraph {number} is {what}")

    joined = JoinedParagraphs(cable.paragraphs)  # the text the three searches share
    cable.summary, terminated = find_summary(cable.paragraphs, joined)
    if cable.summary is not None and not terminated:
        cable.defect("summary-unterminated", None, "SUMMARY without END SUMMARY: the summary is its paragraph")
    cable.comments = find_blocks(cable.paragraphs, "COMMENT", joined)
    cable.notes = find_blocks(cable.paragraphs, "NOTE", joined)
    cable.partial = _PARTIAL_TEXT in text or _partial_note_near_top(text[:2000])
    _check_consistency(cable, header, ban, base)


def _first_text_line(lines: list[str], start: int = 0) -> int:
    """Index of the first line from ``start`` on that is not blank
    (``len(lines)`` if none)."""
    for k in range(start, len(lines)):
        if lines[k].strip():
            return k
    return len(lines)


def _partial_note_near_top(top: str) -> bool:
    """``_PARTIAL.search(top)``, tried only when ``xtract`` stands in it in
    any case: the case-blind scan is slow, and none of x t r a c has another
    case-fold partner (unlike i and s), so a match always shows it.  Each
    x or X is looked at rather than the whole top lower-cased: fewer steps."""
    for x in "xX":
        at = top.find(x)
        while at >= 0:
            if top[at:at + 6].lower() == "xtract":
                return _PARTIAL.search(top) is not None
            at = top.find(x, at + 1)
    return False


def _locate_header(lines: list[str], cable: Cable) -> Header:
    """The routing header: at the top, or after a wrapper some exports put
    above it (a mail system's ``Cable Text:`` page, a duplicate banner).

    Further down, only a header that starts with ``VZCZC`` or a date-time
    group and has its FM line counts, so body text is never taken for one.
    """
    header = parse_header(lines)
    if header.found:
        return header
    for k in _header_openings(lines, 80):
        line = lines[k].lstrip()
        if not (line.startswith("VZCZC") or parse_dtg(line)):
            continue
        later = parse_header(lines[k:])
        if later.found and later.from_:
            later.end += k
            if later.dtg_line is not None:
                later.dtg_line += k
            cable.defect("text-before-header", 1, f"{k} line(s) of other text before the routing header")
            return later
    return header


# A line that may open a routing header: ``VZCZC`` or a date-time group with
# no precedence (``241013Z FEB 09``: what ``parse_dtg`` can find on a line
# opening with a digit) after the white space ``str.lstrip`` takes (``\s``:
# the same set).  Paragraph numbers (``1.``) are no candidates.
_HEADER_OPENING = patterns.compile(r"\s*(?:VZCZC|\d{6}\s?Z\s)")


def _header_openings(lines: list[str], stop: int) -> Iterator[int]:
    """Indexes ``1 <= k < stop`` of the lines that open with ``VZCZC`` or
    what a date-time group opens with.  A line opening with a character that
    ``isdigit`` but is no ``\\d`` holds no date-time group.

    Both openings hold a ``Z``: the lines without one, nearly all, are passed
    over by a substring test run in C (``compress`` over ``map``), quicker
    than the pattern; the pattern is tried on the others.
    """
    with_z = compress(count(1), map(operator.contains, lines[1:stop], repeat("Z")))
    return (k for k in with_z if _HEADER_OPENING.match(lines[k]))


def _find_banner(numbers: list[int], body: list[str], start: int,
                 cable: Cable) -> tuple[int, banner_mod.Banner | None]:
    """The banner is normally the first line of the body; some copies put
    other text first (a WikiLeaks page holds a CSV row there).  Look a little
    further for a line that is clearly a banner.  Returns the index of the
    banner line and the banner parsed there (None: not parsed)."""
    # (``body[start]`` is the first line with text; under re.I only t and T
    # match the note's first letter)
    if start < len(body) and body[start].lstrip()[:1] in "Tt" and _PARTIAL_NOTE.match(body[start]):
        # WikiLeaks' "partial extract" note on a header-less record.
        start = _first_text_line(body, start + 1)
    if start >= len(body):
        return start, None
    first = banner_mod.parse_banner(body[start])
    if first and (first.station_words or first.sections):
        return start, first
    for k in range(start + 1, min(len(body), start + 40)):
        found = banner_mod.parse_banner(body[k])
        if found and (found.station_words or found.sections):
            if not first:  # a bare banner above it is a print copy's page banner
                cable.defect("text-before-banner", numbers[start],
                             f"{k - start} line(s) of other text before the classification banner")
            return k, found
    if first:
        return start, first
    for k in range(start, min(len(body), start + 40)):
        m = banner_mod.BANNER_INSIDE.search(body[k])
        if m and m.start() > 0:
            cable.defect("text-before-banner", numbers[k], "other text glued before the classification banner")
            body[k] = body[k][m.start():]
            return k, None
    return start, None


def _skip_press_date(numbers: list[int], body: list[str], start: int, cable: Cable) -> int:
    """Press copies put ``Friday, 23 February 2001, 15:53`` above the banner:
    when the first line with text, ``body[start]``, is that and among the
    first five, it goes (from both lists).  Returns the index of the first
    line with text then."""
    if start < min(5, len(body)):
        press = parse_weekday_date(body[start])
        if press:
            cable.date = cable.date or press
            del numbers[start], body[start]
            return _first_text_line(body, start)
    return start


def _year_of(date: str | None) -> int | None:
    return int(date[:4]) if date else None


def _fill_id(cable: Cable, header: Any, ban: banner_mod.Banner | None) -> None:
    """id = year of the DTG + station + serial; station and serial from the
    banner, else from the FM line and the DE line's serial."""
    station = serial = None
    ssn = header.transmission.ssn
    if ban and ban.station_words:
        station = canonical_station(ban.station_words) or station_key(ban.station_words)
        serial = ban.serial
    sender = from_station(cable.from_)
    if station is None:
        station = sender
    elif sender and sender != station and canonical_station(station):
        # The banner names another post than the FM line: WikiLeaks files a
        # cable under its routing header, so the header wins.
        cable.defect("station-mismatch", None,
                     f"banner station {station} differs from the FM line's {sender}")
        station, serial = sender, ssn or serial
    if serial is None and ssn:
        serial = ssn
    cable.station = station
    year = header.year or _year_of(cable.date)
    cable.id = make_id(year, station, serial)
    if cable.id is None:
        cable.defect("no-id", None, "cannot make the reference id (year, station or serial missing)")


def _check_consistency(cable: Cable, header: Any, ban: banner_mod.Banner | None, base: str | None) -> None:
    t = header.transmission
    if ban and ban.serial and t.ssn and int(ban.serial) % 10000 != int(t.ssn) % 10000:
        cable.defect("serial-mismatch", None, f"DE line serial {t.ssn} differs from banner serial {ban.serial}")
    if t.julian_time and header.date:
        import datetime as dt

        day = dt.date.fromisoformat(header.date[:10]).timetuple().tm_yday
        if int(t.julian_time[:3]) != day:
            cable.defect("julian-mismatch", None,
                         f"Julian date {t.julian_time[:3]} in the DE line is not day {day:03d} of the date-time group")
    if t.security and base:
        level = _SECURITY_LEVELS.get(t.security.split()[-1])
        expected = "UNCLASSIFIED" if base == "LIMITED OFFICIAL USE" else base
        if level and level != expected:
            cable.defect("security-mismatch", None, f"security group {t.security} does not match banner {base}")
    if ban and ban.section and ban.sections and ban.section > ban.sections:
        cable.defect("section-mismatch", None, f"SECTION {ban.section} OF {ban.sections}")
    if cable.date is None:
        cable.defect("no-date", None, "no date found in the text")
    if cable.classification is None:
        cable.defect("no-classification", None, "no classification found in the text")


_OFFICE_PREFIXES = patterns.compile(r"^(?:AMEMBASSY|AMCONSUL|AMCONGEN|USMISSION|USINT|AIT|USOFFICE|USLO|REO|USDEL)\s+")


@lru_cache(maxsize=1024)  # a batch holds the same few hundred FM lines again and again
def from_station(from_line: str | None) -> str | None:
    """The known station of an FM line: ``AMEMBASSY NEW DELHI`` -> ``NEWDELHI``,
    ``SECSTATE WASHDC`` -> ``STATE``; None when it is no known station."""
    if not from_line:
        return None
    upper = from_line.upper()
    if upper.startswith("SECSTATE"):
        return "STATE"
    return canonical_station(_OFFICE_PREFIXES.sub("", upper))


_METADATA_FIELDS = ("id", "date", "classification", "origin")


def _check_metadata(cable: Cable) -> None:
    """Compare with WikiLeaks' metadata: never overwrite, fall back only when
    the text lacks a value, and say so either way."""
    meta = cable.metadata
    if not meta:
        return
    for name in _METADATA_FIELDS:
        theirs = meta.get(name)
        if not theirs:
            continue
        ours = getattr(cable, name)
        if ours is None:
            setattr(cable, name, theirs)
            cable.defect("metadata-fallback", None, f"{name} taken from the source metadata: {theirs}")
        elif not _agrees(name, ours, theirs):
            cable.defect("metadata-mismatch", None, f"{name}: text says {ours!r}, source metadata says {theirs!r}")


# PlusD's canonical ids: four-digit year, zero-padded serial, a suffix
# (``1974ATHENS02959_b``) for what Cablegate writes ``74ATHENS2959``.
_PLUSD_ID = patterns.compile(r"^\d\d(\d\d)([A-Z]+?)0*(\d+)(?:_\w+)?$")


def _agrees(name: str, ours: str, theirs: str) -> bool:
    if name == "date":
        return ours[:16] == theirs[:16]
    if name == "id" and (m := _PLUSD_ID.match(theirs)):
        return ours == "".join(m.groups())
    if name == "classification" and theirs == "LIMITED OFFICIAL USE":
        return ours == "UNCLASSIFIED"  # the label WikiLeaks gives LOU cables
    return ours == theirs

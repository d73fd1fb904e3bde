"""The classification banner and the handling captions.

``C O N F I D E N T I A L SECTION 01 OF 02 ASTANA 000319`` gives the
classification, the section count, and the station and serial that make
the cable's id.  Captions (SIPDIS, NOFORN, EXDIS, ...) stand in the banner
and on their own lines under it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .. import patterns
from ..model import record


def _spaced(word: str) -> str:
    """``SECRET`` -> a pattern that also matches ``S E C R E T``."""
    return r"\s?".join(word)


# Leading ``","`` is CSV debris some WikiLeaks pages carry; ``O N F I D E N
# T I A L`` (the C lost) occurs on real pages too.
BANNER = patterns.compile(
    r"^[\s\",]*(?P<cls>TOP\s+SECRET|" + _spaced("CONFIDENTIAL") + "|" + _spaced("ONFIDENTIAL") + "|"
    + _spaced("SECRET") + "|"
    + _spaced("UNCLASSIFIED") + "|" + _spaced("UNCLAS") + r"|LIMITED\s+OFFICIAL\s+USE)(?![A-Za-z])",
    re.I,
)
# What a stripped line must open with for BANNER to match it: the CSV debris
# or the first letter of a classification word, in either case (under re.I
# ``ſ`` is an ``s`` too).  Tested before the pattern on lines that are seldom
# banners.
BANNER_FIRST = frozenset("\",TtCcOoSsUuLl\u017f")
SECTION = patterns.compile(r"\bSECTION\s+0*(?P<n>\d{1,3})\s+OF\s+0*(?P<m>\d{1,3})\b", re.I)

# Handling captions, in the spelling we report them.  Spaced-out forms
# (``E X D I S``) are matched too.
CAPTIONS = ("SIPDIS", "NOFORN", "EXDIS", "NODIS", "LIMDIS", "STADIS", "SENSITIVE", "EFTO",
            "ROGER", "CHEROKEE", "NOCONTRACT", "ORCON", "PROPIN", "SBU")
_CAPTION = patterns.compile(
    r"(?<![A-Za-z])(?P<cap>" + "|".join(_spaced(c) for c in CAPTIONS)
    + r"|FOR\s+OFFICIAL\s+USE\s+ONLY|FOUO)(?![A-Za-z])",
)
_CAPTION_NAMES = {"".join(c.split()): c for c in CAPTIONS} | {"FOROFFICIALUSEONLY": "FOUO", "FOUO": "FOUO"}
# What the station-and-serial part of a banner looks like: ``NEW DELHI 005135``.
# (``SANTO DOMINGO 000409SIPDIS``: a caption may be glued to the serial.)
_STATION_SERIAL = patterns.compile(r"(?P<station>[A-Z][A-Z.'-]*(?: [A-Z][A-Z.'-]*){0,4}) 0*(?P<serial>\d{1,7})(?!\d)")


@record
class Banner:
    classification: str | None = None   # SECRET, CONFIDENTIAL, UNCLASSIFIED, ...
    section: int | None = None
    sections: int | None = None
    station_words: str | None = None    # ``NEW DELHI`` as written
    serial: str | None = None
    captions: list[str] | None = None


_YEAR_BEFORE_STATION = patterns.compile(r"^\d\d (?=[A-Z])")
_NOT_A_STATION = patterns.compile(r"(?:E\.O|EO |TAGS|SUBJ|SECTION\b)")


def _no_white(text: str) -> str:
    """``text`` without white space (``split`` drops the same characters as ``\\s``)."""
    return "".join(text.split())


@lru_cache(maxsize=64)  # a few spellings, over and over
def base_classification(matched: str) -> str:
    word = _no_white(matched).upper()
    if word.startswith("UNCLAS"):
        return "UNCLASSIFIED"
    if word == "TOPSECRET":
        return "TOP SECRET"
    if word == "LIMITEDOFFICIALUSE":
        return "LIMITED OFFICIAL USE"
    if word == "ONFIDENTIAL":
        return "CONFIDENTIAL"
    return word


def find_captions(text: str) -> list[str]:
    """Caption names in order of appearance (upper-case input expected)."""
    # (``finditer`` by hand: most texts hold no caption, and one ``search``
    # costs half what an iterator and a list comprehension cost; each search
    # goes on from the end of the last match, as ``finditer`` does, and the
    # look-behind still sees the text before it)
    names = []
    m = _CAPTION.search(text)
    while m:
        names.append(_CAPTION_NAMES[_no_white(m["cap"])])
        m = _CAPTION.search(text, m.end())
    return names


_BANNER_SPAN = 300


def parse_banner(line: str) -> Banner | None:
    """The banner on ``line``, or None if the line does not start with one."""
    m = BANNER.match(line)
    if not m:
        return None
    # The banner's own words (section, station, serial, captions) stand in
    # its first few hundred characters; some copies glue the whole cable onto
    # this line, and caption words deep in its text are no captions.
    rest = line[m.end():m.end() + _BANNER_SPAN].upper()
    captions = find_captions(rest)
    section = sections = station_words = serial = None
    # (``rest`` is upper-cased, so a match starts at a literal ``SECT``: find
    # it first rather than scan a long line with the case-blind pattern)
    at = rest.find("SECT")
    sec = SECTION.search(rest, at) if at >= 0 else None
    if sec:
        section, sections = int(sec["n"]), int(sec["m"])
        rest_for_station = rest[sec.end():]
    else:
        rest_for_station = rest
    if captions or "/" in rest_for_station:
        cleaned = _CAPTION.sub(" ", rest_for_station.replace("/", " "))
    else:  # no caption in ``rest``, so none in its tail either: nothing to take out
        cleaned = rest_for_station
    cleaned = " ".join(cleaned.split())
    # ``C O N F I D E N T I A L 75 LIBREVILLE 1895``: the year before the station
    # (tried only on a digit: ``isdigit`` says yes to every ``\d``)
    if cleaned[:1].isdigit():
        cleaned = _YEAR_BEFORE_STATION.sub("", cleaned)
    st = _STATION_SERIAL.match(cleaned)
    # (``UNCLAS SECTION 01 GF 02 BISHIEK 00Q021``: a garbled section count is no station.)
    if st and not _NOT_A_STATION.match(st["station"]):
        station_words, serial = st["station"], st["serial"]
    # (positional: quicker than keywords)
    return Banner(base_classification(m["cls"]), section, sections, station_words, serial, captions)


# A banner glued after other text (``Cable dated:2002-11-15T12:40:00S E C R E
# T SECTION 01 OF 05 ANKARA 00830``): a classification word followed by a
# section count or a station and serial.
BANNER_INSIDE = patterns.compile(
    r"(?:" + "|".join(_spaced(w) for w in ("CONFIDENTIAL", "SECRET", "UNCLASSIFIED")) + r"|UNCLAS)"
    r"\s+(?:SECTION\s+\d{1,3}\s+OF\s+\d{1,3}\b|[A-Z][A-Z ]{1,30} \d{3,7}(?!\d))"
)


def wikileaks_label(base: str | None, captions: list[str]) -> str | None:
    """The classification label WikiLeaks uses: base plus NOFORN / FOUO."""
    if base is None:
        return None
    if base == "LIMITED OFFICIAL USE":
        return "UNCLASSIFIED"  # WikiLeaks has no LOU label (88BEIJING25961: UNCLASSIFIED)
    caps = set(captions)
    if base in ("SECRET", "CONFIDENTIAL", "TOP SECRET") and "NOFORN" in caps:
        return base + "//NOFORN"
    # WikiLeaks' FOUO label follows SENSITIVE / SBU; a bare "FOR OFFICIAL
    # USE ONLY" line (1980s cables) stays UNCLASSIFIED in its metadata.
    if base == "UNCLASSIFIED" and caps & {"SENSITIVE", "SBU"}:
        return "UNCLASSIFIED//FOR OFFICIAL USE ONLY"
    return base

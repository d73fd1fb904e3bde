"""Origin: the office a cable came from, in WikiLeaks' words.

``FM AMEMBASSY ASTANA`` -> ``Embassy Astana``.  WikiLeaks labels offices by
post, not by the FM line's wording (Lagos cables say AMEMBASSY but are
labelled ``Consulate Lagos`` once the embassy moved), so the station table
from WikiLeaks' own metadata comes first and the FM wording is the rule for
posts the table lacks.
"""

from __future__ import annotations

from .. import patterns
from ..data import station_origins

# FM-line offices whose label does not follow from the station.
_SPECIAL = (
    (patterns.compile(r"^SECSTATE\b"), lambda rest: "Secretary of State"),
    (patterns.compile(r"^USEU\b"), lambda rest: "USEU " + _title(rest)),
    (patterns.compile(r"^USMISSION\s+USNATO\b"), lambda rest: "Mission USNATO"),
    (patterns.compile(r"^USMISSION\s+USUN\b"), lambda rest: "USUN " + _title(rest)),
    (patterns.compile(r"^USMISSION\s+UNVIE\b"), lambda rest: "UNVIE"),
    (patterns.compile(r"^USMISSION\s+(?:GENEVA|USTR\s+GENEVA)\b"), lambda rest: "US Mission Geneva"),
    (patterns.compile(r"^USINT\b"), lambda rest: "US Interests Section " + _title(rest)),
    (patterns.compile(r"^AIT\b"), lambda rest: "American Institute Taiwan, " + _title(rest)),
    (patterns.compile(r"^USDEL\s+SECRETARY\b"), lambda rest: "US Delegation, Secretary"),
    (patterns.compile(r"^USOFFICE\s+ALMATY\b"), lambda rest: "US Office Almaty"),
)
# The word each of them opens with (every pattern is ``^`` and a literal
# word ended by ``\s`` or ``\b``): most FM lines (AMEMBASSY ...) need not try them.
_SPECIAL_WORDS = tuple(pattern.pattern[1:].split("\\")[0] for pattern, _label in _SPECIAL)
_KINDS = (("AMEMBASSY", "Embassy"), ("AMCONSUL", "Consulate"), ("AMCONGEN", "Consulate"),
          ("USMISSION", "Mission"), ("USOFFICE", "US Office"), ("USLO", "US Liaison Office"),
          ("REO", "REO"), ("USDEL", "US Delegation"))


def _title(words: str) -> str:
    return " ".join(w.capitalize() if w.isalpha() else w.title() for w in words.split())


def origin_name(from_line: str | None, station: str | None) -> str | None:
    """WikiLeaks-style office name from the FM line and the id's station."""
    if from_line:
        upper = " ".join(from_line.upper().split())
        for pattern, label in _SPECIAL if upper.startswith(_SPECIAL_WORDS) else ():
            m = pattern.match(upper)
            if m:
                rest = upper[m.end():].strip()
                return label(rest).strip()
    if station and station in station_origins():
        return station_origins()[station]
    if not from_line:
        return None
    words = from_line.split()
    for prefix, kind in _KINDS:
        if words and words[0].upper() == prefix and len(words) > 1:
            return f"{kind} {_title(' '.join(words[1:]))}"
    return _title(from_line)

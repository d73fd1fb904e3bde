"""The preamble: what stands between the banner and the first paragraph.

Captions and handling lines (``SIPDIS``, ``STATE FOR SCA/CEN``), the E.O.
line, TAGS, SUBJECT, REF blocks and ``Classified By``.  Some copies glue
several of these on one line (``SECTION 01 OF 02 BAKU 000687 SIPDIS E.O.
12958: DECL: ...``), so markers met in the middle of a preamble line start
a new line first.  This module only cuts the preamble into raw field texts;
``fields`` and ``references`` interpret them.
"""

from __future__ import annotations

import re
from dataclasses import field
from itertools import compress, count, islice

from .. import patterns
from ..model import record
from .banner import CAPTIONS, find_captions
from .references import REF_MARKER, read_ref_block
from .text import join_lines

# Markers that start a preamble field at the start of a line.
# (``¶E. O. 11652: GDS``: WikiLeaks' paragraph anchor before the E.O. line, 73TEHRAN2077.)
EO = patterns.compile(r"^\s*(?:¶\s*)?(?:E\.?\s?O\.?|EO)\s*:?\s*\d{5}(?!\d)", re.I)
TAGS = patterns.compile(r"^\s*X?TAGS?(?![A-Za-z])\s*:?\s*", re.I)
SUBJECT = patterns.compile(r"^\s*SUBJ(?:ECT)?\s*(?::|\.(?!\w)|\s-\s)\s*", re.I)
REF = patterns.compile(r"^\s*(?:REF(?:S|\(S\)|TELS?|ERENCES?)?|RETELS?|REFTELS?)\s*(?::|\.(?=\s)|\s(?=[A-Z]\.\s|\(?[A-Z]\)\s))\s*", re.I)
CLASSIFIED_BY = patterns.compile(r"^\s*(?:\([A-Z]{1,3}\)\s*)?CLASSIFIED\s+BY\b\s*:?\s*", re.I)
# The same markers in the middle of a line (case as written, to spare text).
# Cheap substring checks that must all fail for _GLUED to fail: most lines
# are spared the regex.
_GLUE_HINTS = ("E.", "EO ", "TAGS", "SUBJ", "REF", "lassified", "CLASSIFIED", "SIPDIS")


def _has_glue_hint(text: str) -> bool:
    """Any of :data:`_GLUE_HINTS` in ``text`` (spelt out: no generator per line)."""
    return ("E." in text or "EO " in text or "TAGS" in text or "SUBJ" in text or "REF" in text
            or "lassified" in text or "CLASSIFIED" in text or "SIPDIS" in text)
_GLUED_MARKER = (r"(?:E\.\s?O\.\s?\d{5}|EO\s1\d{4}\b|TAGS:?\s+[A-Z]{2,}|SUBJECT:|SUBJ:|REFS?:|REF\(S\):"
                 r"|REFTELS?:|Classified\s+[Bb]y\b|CLASSIFIED\s+BY\b|SIPDIS\b)")
_GLUED = patterns.compile(r"(?<=\S)[ \t]+(?=" + _GLUED_MARKER + ")")
# The marker alone: it opens with a letter, which the regex engine can look
# for quickly, where _GLUED, opening with a look-behind, is tried at every
# character.
_MARKER = patterns.compile(_GLUED_MARKER)
# A paragraph start: ``1. (C)``, ``¶4.``, ``2)``.
PARA_START = patterns.compile(r"^\s*(?:¶\s*)?\d{1,3}\s*[.)](?!\d)")
_REASON = patterns.compile(r"1\s*[./]\s*[456]|REASON", re.I)
_CAPTION_ONLY = patterns.compile(
    r"^[\s,;/()-]*(?:(?:" + "|".join(CAPTIONS) + r"|NOT\s+FOR\s+INTERNET\s+DISTRIBUTION|FOR\s+OFFICIAL\s+USE\s+ONLY"
    r"|E\s?X\s?D\s?I\s?S|N\s?O\s?D\s?I\s?S)[\s,;/()-]*)+$",
    re.I,
)


# The field markers tried at a line start, each with the characters its
# pattern can meet first after white space (so most lines skip the regex).
# (``ſ`` matches ``s`` under re.I.)
_STARTS = (
    ("eo", EO, frozenset("¶eE")),
    ("tags", TAGS, frozenset("xXtT")),
    ("subject", SUBJECT, frozenset("sSſ")),
    ("classified", CLASSIFIED_BY, frozenset("(cC")),
)
_REF_FIRST = frozenset("¶rR")  # what REF_MARKER and REF can meet first
# The same, by first character: the sets are disjoint, so each character
# names at most one field.
_START_BY_FIRST = {c: (name, pattern) for name, pattern, firsts in _STARTS for c in firsts}
# A line that is one caption alone (``SIPDIS``, the most common preamble
# line): what _CAPTION_ONLY and find_captions make of it, without them.
_LONE_CAPTIONS = {caption: [caption] for caption in CAPTIONS}


@record
class Preamble:
    captions: list[str] = field(default_factory=list)
    eo: str | None = None
    tags: str | None = None
    subject: str | None = None
    refs: list[tuple[str, int]] = field(default_factory=list)  # (block text, line)
    classified_by: str | None = None
    end: int = 0    # index (into the line list given) of the first body line


# How many lines, from the banner on, may hold markers glued on.
_GLUE_WINDOW = 80


def split_glued(numbers: list[int], texts: list[str], start: int = 0) -> tuple[list[int], list[str]]:
    """The lines from ``start`` on, with a new line started at each preamble
    marker found mid-line.

    Only up to the first numbered paragraph, and within
    :data:`_GLUE_WINDOW` lines: past it, markers are text.  Lines are given
    and returned as parallel lists of numbers and texts (the lists given,
    when ``start`` is 0 and no line is split).
    """
    stop = min(len(texts), start + _GLUE_WINDOW)
    # (the first paragraph found in C: ``map`` is lazy, so it stops there)
    first_paragraph = next(compress(count(start), map(PARA_START.match, islice(texts, start, stop))), stop)
    # One look at all the lines that may be split rules it out for most
    # cables.  (Lines of 2000 characters or more never are.)
    if not _space_before_marker("\n".join([text for text in texts[start:first_paragraph] if len(text) < 2000])):
        return (numbers[start:], texts[start:]) if start else (numbers, texts)
    out_numbers: list[int] = []
    out: list[str] = []
    copied = start  # texts[start:copied] are in ``out``; the lines after go in unchanged
    for k in range(start, first_paragraph):
        text = texts[k]
        # (_space_before_marker: a quick test _is_glued implies; the other two decide)
        if len(text) < 2000 and _space_before_marker(text) and _has_glue_hint(text) and _is_glued(text):
            parts = _GLUED.split(text)
            out_numbers += numbers[copied:k]
            out += texts[copied:k]
            out_numbers.extend([numbers[k]] * len(parts))
            out.extend(parts)
            copied = k + 1
    out_numbers += numbers[copied:]
    out += texts[copied:]
    return out_numbers, out


def _space_before_marker(text: str) -> bool:
    """Could a marker in ``text`` have a space or a tab right before it, as
    :func:`_is_glued` requires?  False when no marker's first letters follow
    a space and there is no tab at all.  (None of these hints holds a line
    end, so in lines joined by ``\\n`` each one stands inside one line.)"""
    return ("\t" in text or " E." in text or " EO" in text or " TAGS" in text or " SUBJ" in text
            or " REF" in text or " Classified" in text or " CLASSIFIED" in text or " SIPDIS" in text)


def _is_glued(text: str) -> bool:
    """``_GLUED.search(text) is not None``: a marker with spaces or tabs
    before it and a non-space character before those.  Found from each place
    the marker matches (each start, not only those ``finditer`` gives, as
    one marker's text may hold another)."""
    m = _MARKER.search(text, 1)  # (a marker opening the line has nothing before it)
    while m:
        at = m.start()
        lo = at
        while lo > 0 and text[lo - 1] in " \t":
            lo -= 1
        if lo < at and lo > 0 and not text[lo - 1].isspace():
            return True
        m = _MARKER.search(text, at + 1)
    return False


def _has_lower(text: str) -> bool:
    """Any lower-case letter in ``text``?  (ASCII text: one C-level test.)"""
    if text.isascii():
        return text.upper() != text
    return any(c.islower() for c in text)


def _is_handling(text: str) -> bool:
    """An addressing or handling line such as ``STATE FOR SCA/CEN, SCA/A``."""
    s = text.strip()
    return (
        len(s) <= 100
        and not s.startswith(("--", "=="))  # dashes and dash-boxed headings are body
        and not _has_lower(s)
        and not s.endswith(".")
        and not ((s[:1] == "¶" or s[:1].isdigit()) and PARA_START.match(s))  # (what it must open with)
    )


def parse_preamble(numbers: list[int], texts: list[str], start: int = 0) -> Preamble:
    """Cut the preamble off the body lines after the banner: from
    ``texts[start]`` on (line ``numbers`` and ``texts`` in parallel).
    ``Preamble.end`` counts from ``start``."""
    p = Preamble()
    current: str | None = None
    block: list[str] = []
    blank_since = False
    seen_field = False

    def close() -> None:
        nonlocal current, block
        if current is None:  # (no field open: the block is empty too)
            return
        # (most fields fill one line, which join_lines would only strip)
        text = block[0].strip() if len(block) == 1 else join_lines(block)
        if current == "tags":
            p.tags = text
        elif current == "subject":
            p.subject = text
        elif current == "classified":
            p.classified_by = text
        elif current == "eo":
            p.eo = text
        current, block = None, []

    skip = 0  # lines before it were read as part of a REF block
    unplaced = False  # the preamble ended at a line it could not place
    i = start
    for i, text in enumerate(islice(texts, start, None), start):
        if i < skip:
            continue
        stripped = text.lstrip()
        if not stripped:
            blank_since = True
            if current in ("subject", "tags", "classified", "eo"):
                close()
            continue
        first = stripped[0]
        # (PARA_START opens with ``¶`` or a digit after the white space lstrip takes)
        if (first == "¶" or first.isdigit()) and PARA_START.match(text):
            break
        rest = _ref_rest(text) if first in _REF_FIRST else None
        if rest is not None:
            # A REF block is cut by the rules of ``references.read_ref_block``
            # (items set apart by blank lines, page breaks, an item cut in two).
            close()
            seen_field, blank_since = True, False
            ref_text, skip = read_ref_block(texts, i, rest)
            if ref_text is not None:
                p.refs.append((ref_text, numbers[i]))
            continue
        opener = _START_BY_FIRST.get(first)  # (name, pattern) of the one field the line may open
        m = opener[1].match(text) if opener else None
        if m:
            close()
            current, seen_field, blank_since = opener[0], True, False
            rest = text.strip().lstrip("¶").lstrip() if current == "eo" else text[m.end():]
            block = [rest] if rest.strip() else []
            continue
        if current is not None and _continues(current, block, text, blank_since):
            block.append(text)
            blank_since = False
            continue
        lone = _LONE_CAPTIONS.get(stripped.rstrip())
        if lone or _CAPTION_ONLY.match(text):
            close()
            p.captions.extend(lone or find_captions(text.upper()))
            continue
        if not seen_field and i - start < 15 and (_is_handling(text) or _field_ahead(texts, i + 1)):
            close()
            p.captions.extend(find_captions(text.upper()))
            continue
        close()
        unplaced = True
        break
    else:
        i = len(texts)
    close()
    p.end = i - start
    if unplaced:  # (at a paragraph or at the end, no REF block can follow)
        for ref_text, number in _stray_refs(numbers, texts, i):
            _add_ref(p.refs, ref_text, number)
    return p


# How far past the end of the preamble a REF block is still looked for.
_STRAY_WINDOW = 80


def _flat(block: str) -> str:
    return " ".join(block.replace("\u00b6", " ").split()).upper()


def _add_ref(refs: list[tuple[str, int]], ref_text: str, number: int) -> None:
    """Add a REF block met past the preamble unless it repeats one already
    read: pages that show a teaser of the cable before its full text hold
    the preamble twice (09QUITO947, 03THEHAGUE2670).  A teaser's block cut
    with ``...`` is replaced by the full one."""
    flat = _flat(ref_text)
    for k, (known, _) in enumerate(refs):
        seen = _flat(known)
        if seen.endswith("...") and flat.startswith(seen[:-3].rstrip()):
            refs[k] = (ref_text, number)
            return
        if flat.startswith(seen) or seen.startswith(flat):
            return
    refs.append((ref_text, number))


def _ref_rest(text: str) -> str | None:
    """The text after a REF marker (``REF:`` ``REFS.:`` ``REF(S):`` ``REFTEL:``
    ``REF STATE 19842`` ``REFERENCE:`` ...) opening ``text``; None if none."""
    m = REF_MARKER.match(text)
    if m:
        return m.group("rest")
    m = REF.match(text)
    return text[m.end():] if m else None


def _stray_refs(numbers: list[int], texts: list[str], start: int) -> list[tuple[str, int]]:
    """REF blocks between the end of the preamble and the first paragraph.

    The preamble stops at the first line it cannot place (a NARA preface
    ``Original Telegram was Confidential...``, a second copy of the routing
    header, a subject wrapped after a blank line); REF blocks met after that
    but before the first numbered paragraph (within :data:`_STRAY_WINDOW`
    lines) are still the cable's.
    """
    found: list[tuple[str, int]] = []
    k, stop = start, min(len(texts), start + _STRAY_WINDOW)
    while k < stop:
        text = texts[k]
        first = text.lstrip()[:1]  # (each pattern tried only where it can match)
        if (first == "¶" or first.isdigit()) and PARA_START.match(text):
            break
        m = REF_MARKER.match(text) if first in _REF_FIRST else None
        if not m:
            k += 1
            continue
        number = numbers[k]
        ref_text, k = read_ref_block(texts, k, m.group("rest"))
        if ref_text is not None:
            found.append((ref_text, number))
    return found


def _field_ahead(texts: list[str], start: int) -> bool:
    """Is an E.O., TAGS or SUBJECT line coming before any paragraph?  Then a
    line that is no field (a NARA note ``Declassified/Released US Department
    of State EO Systematic Review``) is still preamble, not body."""
    for text in texts[start:start + 10]:
        if PARA_START.match(text):
            return False
        field = _START_BY_FIRST.get(text.lstrip()[:1])
        if field and field[0] != "classified" and field[1].match(text):  # EO, TAGS or SUBJECT
            return True
    return False


def _continues(current: str | None, block: list[str], text: str, blank_since: bool) -> bool:
    """Does ``text`` carry on the field being read?"""
    if current is None:
        return False
    if blank_since:
        return False
    if current == "subject":
        return len(block) < 6 and bool(text.strip().strip(".…"))  # `` ...``: WikiLeaks cut the text here
    if current == "tags":
        return len(block) < 6 and not _has_lower(text) and len(text.split()) <= 12
    if current == "classified":
        return len(block) < 4 and not _REASON.search(" ".join(block))
    return False

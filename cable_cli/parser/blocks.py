"""Summary, COMMENT and NOTE blocks inside the paragraphs.

``SUMMARY: ... END SUMMARY.``, ``(NOTE: ... END NOTE.)``, ``COMMENT: ... END
COMMENT.``; a block may run over several paragraphs, so they are searched
in the paragraph texts joined by blank lines.  A SUMMARY with no END
SUMMARY is that paragraph; the caller records a defect.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .. import patterns
from ..model import Paragraph

_SUMMARY_AT_START = patterns.compile(
    r"^\s*(?:-+\s*)?(?:BEGIN\s+)?SUMMARY(?:\s+(?:AND|&)\s+(?:COMMENTS?|ACTION\s+REQUESTS?|INTRODUCTION|RECOMMENDATIONS?))?"
    r"\s*(?:-+\s*)?(?:[:.\-]+|$)\s*",
    re.I,
)
_SUMMARY_INLINE = patterns.compile(r"(?<![A-Za-z])(?:BEGIN\s+SUMMARY\b\s*[:.]?|SUMMARY\s*:)\s*", re.I)
_END_SUMMARY = patterns.compile(r"\(?\s*END\s+(?:OF\s+)?SUMMARY\b[\s.:)\-]*", re.I)
_HEADING_SUMMARY = patterns.compile(r"^\s*SUMMARY(?:\s*(?:AND|&|/)\s*\w+(?:\s+\w+)?)?\s*[:.]?\s*$", re.I)


class JoinedParagraphs:
    """The paragraph texts joined by blank lines, as the block searches read
    them, with the lower-cased copy their fast paths search (None when
    lower-casing changes the length: no shortcut).  Made once per cable and
    shared by the SUMMARY, COMMENT and NOTE searches: lower-casing the whole
    body is their largest cost."""

    __slots__ = ("headed", "lower", "paragraphs", "text", "texts")

    def __init__(self, paragraphs: list[Paragraph]) -> None:
        self.paragraphs = paragraphs
        self.texts = [p.text for p in paragraphs]
        self.text = "\n\n".join(self.texts)
        self.lower = _lower_or_none(self.text)
        # Most paragraphs have no heading: the heading tests need only these.
        self.headed = [p for p in paragraphs if p.heading]

    def bounds(self, first: int, stop: int) -> tuple[int, int]:
        """Where the texts of paragraphs[first:stop] (stop clipped to the
        count) stand in ``text``: ``text[begin:end]`` is their
        ``"\\n\\n".join``.  The searches take these bounds rather than a
        copy of the piece (and of its lower-cased copy).

        (``lower[begin:end]`` stands for the piece lower-cased: when no
        character changes length, the two differ at most in a final sigma's
        form, and the copies only serve to find ASCII words.)
        """
        stop = min(stop, len(self.texts))
        begin = sum(map(len, self.texts[:first])) + 2 * first
        end = begin + sum(map(len, self.texts[first:stop])) + 2 * (stop - first - 1)
        return begin, end


def find_summary(paragraphs: list[Paragraph], joined: JoinedParagraphs | None = None) -> tuple[str | None, bool]:
    """The summary text and whether its END SUMMARY was found.  ``joined``:
    the paragraphs' :class:`JoinedParagraphs`, when the caller has it."""
    if joined is None:
        joined = JoinedParagraphs(paragraphs)
    if not _may_hold_summary(joined):
        return None, False
    offset = 0  # where the paragraph's text starts in joined.text
    for index, para in enumerate(paragraphs):
        text = para.text
        start = _summary_start(para, joined, offset)
        if start is None:
            offset += len(text) + 2
            continue
        stop = _end_summary_heading(paragraphs, index) if joined.headed else None
        _, end_of_following = joined.bounds(index, stop or index + 12)
        end = search_end(_END_SUMMARY, joined.text, joined.lower, offset + start, end_of_following)
        if end:
            return _tidy(joined.text[offset + start:end.start()]), True
        if stop is not None:  # ``END SUMMARY`` set as a heading line (90PRETORIA2455)
            return _tidy(joined.text[offset + start:end_of_following]), True
        if not text[start:].strip() and index + 1 < len(paragraphs):
            # ``Summary`` standing alone as a heading line: the next paragraph
            return _tidy(paragraphs[index + 1].text), False
        return _tidy(text[start:]), False
    # ``END SUMMARY`` with no start (03KABUL1008): the paragraph it closes.
    first = next((k for k, p in enumerate(paragraphs[:12]) if p.number is not None), 0)
    for k in range(first, min(len(paragraphs), first + 3)):
        begin, end_of_paragraph = joined.bounds(k, k + 1)
        end = search_end(_END_SUMMARY, joined.text, joined.lower, begin, end_of_paragraph)
        if end:
            joined_text = "\n\n".join(p.text for p in paragraphs[first:k]) + "\n\n" + joined.text[begin:end.start()]
            return _tidy(joined_text), True
    return None, False


def _summary_start(para: Paragraph, joined: JoinedParagraphs, offset: int) -> int | None:
    """Where a summary starts in ``para`` (whose text is at ``offset`` in
    ``joined.text``): after a SUMMARY opening it, at 0 under a SUMMARY
    heading, after an inline ``SUMMARY:`` or ``BEGIN SUMMARY``; None when
    the paragraph holds no start."""
    text = para.text
    m = _SUMMARY_AT_START.match(text)
    if m and m.group(0).strip():
        return m.end()
    if para.heading and _HEADING_SUMMARY.match(para.heading):
        return 0
    # (every inline start holds ``summary`` in some case: ``SuMMARY:`` too)
    if joined.lower is None or joined.lower.find("ummary", offset, offset + len(text)) >= 0:
        m = _search_inline_summary(joined.text, joined.lower, offset, offset + len(text))
        if m:
            return m.end() - offset
    return None


def _search_inline_summary(text: str, lower: str | None, begin: int, end: int) -> re.Match[str] | None:
    """``_SUMMARY_INLINE.search(text, begin, end)``, tried only at the S
    before each ``ummary`` in ``lower`` (``text`` lower-cased) and at a
    BEGIN before the white space ahead of that S: a match starts at one or
    the other.  Those places come in order, so the first match is the
    search's.  (Speed: the pattern, case-insensitive and with no literal
    prefix, is otherwise tried at every character.  No ``begin`` test on
    ``lower``: the dotless ``ı`` is one of BEGIN's letters under re.I.)"""
    if lower is None:
        return _SUMMARY_INLINE.search(text, begin, end)
    at = lower.find("ummary", begin + 1, end)
    while at >= 0:
        s_at = at - 1
        lo = s_at
        while lo > begin and text[lo - 1].isspace():
            lo -= 1
        if lo < s_at and lo - 5 >= begin:
            m = _SUMMARY_INLINE.match(text, lo - 5, end)
            if m:
                return m
        m = _SUMMARY_INLINE.match(text, s_at, end)
        if m:
            return m
        at = lower.find("ummary", at + 1, end)
    return None


def _end_summary_heading(paragraphs: list[Paragraph], index: int) -> int | None:
    """The paragraph within 11 after ``index`` whose heading is ``END SUMMARY``."""
    return next((k for k in range(index + 1, min(len(paragraphs), index + 12))
                 if paragraphs[k].heading and _END_SUMMARY.match(paragraphs[k].heading)), None)


def _may_hold_summary(joined: JoinedParagraphs) -> bool:
    """Can a paragraph hold a SUMMARY start or an END SUMMARY?  Every
    pattern above needs ``summary`` in some case, in a text or a heading;
    none of ``ummary`` has another case-fold partner, so the lower-cased
    text shows it (no shortcut without one)."""
    if joined.lower is None or "ummary" in joined.lower:
        return True
    return any("ummary" in p.heading.lower() for p in joined.headed)


def _block_patterns(word: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    start = patterns.compile(
        rf"(?<![A-Za-z])(?<!END )(?<!AND )(?<!End )(?<!and )(?:BEGIN\s+)?{word}S?\s*:\s*", re.I)
    end = patterns.compile(rf"\(?\s*END\s+(?:OF\s+)?{word}S?\b[\s.:\-]*\)?", re.I)
    return start, end


_COMMENT = _block_patterns("COMMENT")
_NOTE = _block_patterns("NOTE")


def find_blocks(paragraphs: list[Paragraph], word: str, joined: JoinedParagraphs | None = None) -> list[str]:
    """Every ``WORD: ... END WORD`` text (``COMMENT`` or ``NOTE``) in order.
    ``joined``: the paragraphs' :class:`JoinedParagraphs`, when the caller
    has it."""
    start_re, end_re = _COMMENT if word == "COMMENT" else _NOTE
    if joined is None:
        joined = JoinedParagraphs(paragraphs)
    text, lower = joined.text, joined.lower
    # A ``COMMENT`` heading line (dash-underlined, 00LIMA2475) opens the block
    # as ``COMMENT:`` would.
    if any(_heading_is(p.heading, word) and not start_re.match(p.text) for p in joined.headed):
        texts = [f"{word}: {p.text}" if p.heading and _heading_is(p.heading, word) and not start_re.match(p.text)
                 else p.text for p in paragraphs]
        text = "\n\n".join(texts)
        lower = _lower_or_none(text)
    return _blocks_in(text, lower, word, start_re, end_re)


def _blocks_in(joined: str, lower: str | None, word: str,
               start_re: re.Pattern[str], end_re: re.Pattern[str]) -> list[str]:
    """The blocks of :func:`find_blocks` in the joined text; ``lower`` is its
    lower-cased copy, or None (no shortcut)."""
    found: list[str] = []
    pos = 0
    # Speed: both patterns need WORD (and the end one END), so str.find on a
    # lower-cased copy skips the text that cannot match (the regexes have no
    # literal prefix and would scan it char by char).  Same matches: a start
    # match begins at WORD or at a BEGIN\s+ just before it.
    key = word.lower()
    while True:
        m = _search_word(start_re, joined, lower, key, pos) if lower else start_re.search(joined, pos)
        if not m:
            return found
        more = lower.find(key, m.end()) >= 0 if lower else True  # WORD again further on
        if lower and (not more or lower.find("end", m.end()) < 0):
            end = None
        else:
            end = search_end(end_re, joined, lower or None, m.end())
        # Without END WORD the block is the rest of its paragraph.
        para_end = joined.find("\n\n", m.end())
        para_end = len(joined) if para_end < 0 else para_end
        if end is None or (word == "NOTE" and end.start() > para_end):
            stop, pos = para_end, para_end
        else:
            stop, pos = end.start(), end.end()
        text = _tidy(joined[m.end():stop])
        if text:
            found.append(text)
        if not more:  # a further start needs WORD past ``pos``: there is none
            return found


def _search_word(pattern: re.Pattern[str], text: str, lower: str, key: str, pos: int) -> re.Match[str] | None:
    """``pattern.search(text, pos)`` for a block-start pattern, tried only
    where ``key`` (lower-cased WORD) stands with its colon, backed up over a
    ``BEGIN`` and whitespace before it: a match must start there, so
    ``match`` at each such place finds the same as a scan, without scanning."""
    for at in _word_colon_starts(lower, key, pos):
        lo = at
        while lo > pos and text[lo - 1].isspace():
            lo -= 1
        if lo < at and lo - 5 >= pos and lower.startswith("begin", lo - 5):
            m = pattern.match(text, lo - 5)
            if m:
                return m
        m = pattern.match(text, at)
        if m:
            return m
    return None


def _word_colon_starts(lower: str, key: str, pos: int) -> Iterator[int]:
    """Where ``key``, an optional s (``ſ`` too: it matches S under re.I and
    stays itself when lower-cased), white space and a colon stand in
    ``lower``, as every start match has after WORD: the places from ``pos``
    on, in order.

    Speed: found from the colons, a few per cable and each a memchr away,
    rather than by a scan for WORD.  Each colon closes at most one place
    (WORD or WORD+s, right before the white space ahead of the colon)."""
    colon = lower.find(":", pos)
    while colon >= 0:
        lo = colon
        while lo > pos and lower[lo - 1].isspace():
            lo -= 1
        at = lo - len(key)
        if at >= pos and lower.startswith(key, at):
            yield at
        elif at > pos and lower[lo - 1] in "sſ" and lower.startswith(key, at - 1):
            yield at - 1
        colon = lower.find(":", colon + 1)


_HEADING_IS = {word: patterns.compile(rf"\s*(?:BEGIN\s+)?{word}S?\s*[:.]?\s*", re.I) for word in ("COMMENT", "NOTE")}


def _lower_or_none(text: str) -> str | None:
    """``text.lower()`` when it keeps every offset, else None (no shortcut)."""
    lower = text.lower()
    return lower if len(lower) == len(text) else None


def search_end(pattern: re.Pattern[str], text: str, lower: str | None, pos: int,
               endpos: int | None = None) -> re.Match[str] | None:
    """``pattern.search(text, pos, endpos)`` for an ``\\(?\\s*END...``
    pattern (``endpos`` None: the end of ``text``), tried only where ``end``
    stands in ``lower`` (``text`` lower-cased), backed up over the white
    space and ``(`` a match may start with.

    Speed: the pattern has no literal prefix and, case-insensitive, is
    otherwise tried at every character.  Same result: a match starting
    anywhere before that END would reach the same END and go on the same
    way, so the leftmost possible start decides for that END.
    """
    if endpos is None:
        endpos = len(text)
    if lower is None:
        return pattern.search(text, pos, endpos)
    at = lower.find("end", pos, endpos)
    while at >= 0:
        lo = at
        while lo > pos and text[lo - 1].isspace():
            lo -= 1
        if lo > pos and text[lo - 1] == "(":
            lo -= 1
        m = pattern.match(text, lo, endpos)
        if m:
            return m
        at = lower.find("end", at + 1, endpos)
    return None


def _heading_is(heading: str, word: str) -> bool:
    return _HEADING_IS[word].fullmatch(heading) is not None


def _tidy(text: str) -> str | None:
    text = text.strip().rstrip("(").strip()
    return text or None

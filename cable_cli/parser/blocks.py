"""Summary, COMMENT and NOTE blocks inside the paragraphs.

``SUMMARY: ... END SUMMARY.``, ``(NOTE: ... END NOTE.)``, ``COMMENT: ... END
COMMENT.``; a block may run over several paragraphs, so they are searched
in the paragraph texts joined by blank lines.  A SUMMARY with no END
SUMMARY is that paragraph; the caller records a defect.
"""

from __future__ import annotations

import re

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


def find_summary(paragraphs: list[Paragraph]) -> tuple[str | None, bool]:
    """The summary text and whether its END SUMMARY was found."""
    for index, para in enumerate(paragraphs):
        text = para.text
        m = _SUMMARY_AT_START.match(text)
        start = m.end() if m and m.group(0).strip() else None
        if start is None and para.heading and _HEADING_SUMMARY.match(para.heading):
            start = 0
        if start is None and ("UMMARY" in text or "ummary" in text):
            mm = _SUMMARY_INLINE.search(text)
            start = mm.end() if mm else None
        if start is None:
            continue
        stop = next((k for k in range(index + 1, min(len(paragraphs), index + 12))
                     if paragraphs[k].heading and _END_SUMMARY.match(paragraphs[k].heading)), None)
        following = "\n\n".join(p.text for p in paragraphs[index:stop or index + 12])
        end = search_end(_END_SUMMARY, following, _lower_or_none(following), start)
        if end:
            return _tidy(following[start:end.start()]), True
        if stop is not None:  # ``END SUMMARY`` set as a heading line (90PRETORIA2455)
            return _tidy(following[start:]), True
        if not text[start:].strip() and index + 1 < len(paragraphs):
            # ``Summary`` standing alone as a heading line: the next paragraph
            return _tidy(paragraphs[index + 1].text), False
        return _tidy(text[start:]), False
    # ``END SUMMARY`` with no start (03KABUL1008): the paragraph it closes.
    first = next((k for k, p in enumerate(paragraphs[:12]) if p.number is not None), 0)
    for k in range(first, min(len(paragraphs), first + 3)):
        text = paragraphs[k].text
        end = search_end(_END_SUMMARY, text, _lower_or_none(text), 0)
        if end:
            joined = "\n\n".join(p.text for p in paragraphs[first:k]) + "\n\n" + paragraphs[k].text[:end.start()]
            return _tidy(joined), True
    return None, False


def _block_patterns(word: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    start = patterns.compile(
        rf"(?<![A-Za-z])(?<!END )(?<!AND )(?<!End )(?<!and )(?:BEGIN\s+)?{word}S?\s*:\s*", re.I)
    end = patterns.compile(rf"\(?\s*END\s+(?:OF\s+)?{word}S?\b[\s.:\-]*\)?", re.I)
    return start, end


_COMMENT = _block_patterns("COMMENT")
_NOTE = _block_patterns("NOTE")


def find_blocks(paragraphs: list[Paragraph], word: str) -> list[str]:
    """Every ``WORD: ... END WORD`` text (``COMMENT`` or ``NOTE``) in order."""
    start_re, end_re = _COMMENT if word == "COMMENT" else _NOTE
    # A ``COMMENT`` heading line (dash-underlined, 00LIMA2475) opens the block
    # as ``COMMENT:`` would.
    texts = [f"{word}: {p.text}" if p.heading and _heading_is(p.heading, word) and not start_re.match(p.text)
             else p.text for p in paragraphs]
    joined = "\n\n".join(texts)
    found: list[str] = []
    pos = 0
    # Speed: both patterns need WORD (and the end one END), so str.find on a
    # lower-cased copy skips the text that cannot match (the regexes have no
    # literal prefix and would scan it char by char).  Same matches: a start
    # match begins at WORD or at a BEGIN\s+ just before it.
    lower = joined.lower()
    if len(lower) != len(joined):  # a character changed length: no shortcut
        lower = ""
    key = word.lower()
    while True:
        m = _search_word(start_re, joined, lower, key, pos) if lower else start_re.search(joined, pos)
        if not m:
            return found
        if lower and (lower.find(key, m.end()) < 0 or lower.find("end", m.end()) < 0):
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


def _search_word(pattern: re.Pattern[str], text: str, lower: str, key: str, pos: int) -> re.Match[str] | None:
    """``pattern.search(text, pos)`` for a block-start pattern, tried only
    where ``key`` (lower-cased WORD) stands, backed up over a ``BEGIN`` and
    whitespace before it: a match must start there, so ``match`` at each
    occurrence finds the same as a scan, without scanning."""
    at = lower.find(key, pos)
    while at >= 0:
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
        at = lower.find(key, at + 1)
    return None


_HEADING_IS = {word: patterns.compile(rf"\s*(?:BEGIN\s+)?{word}S?\s*[:.]?\s*", re.I) for word in ("COMMENT", "NOTE")}


def _lower_or_none(text: str) -> str | None:
    """``text.lower()`` when it keeps every offset, else None (no shortcut)."""
    lower = text.lower()
    return lower if len(lower) == len(text) else None


def search_end(pattern: re.Pattern[str], text: str, lower: str | None, pos: int) -> re.Match[str] | None:
    """``pattern.search(text, pos)`` for an ``\\(?\\s*END...`` pattern, tried
    only where ``end`` stands in ``lower`` (``text`` lower-cased), backed up
    over the white space and ``(`` a match may start with.

    Speed: the pattern has no literal prefix and, case-insensitive, is
    otherwise tried at every character.  Same result: a match starting
    anywhere before that END would reach the same END and go on the same
    way, so the leftmost possible start decides for that END.
    """
    if lower is None:
        return pattern.search(text, pos)
    at = lower.find("end", pos)
    while at >= 0:
        lo = at
        while lo > pos and text[lo - 1].isspace():
            lo -= 1
        if lo > pos and text[lo - 1] == "(":
            lo -= 1
        m = pattern.match(text, lo)
        if m:
            return m
        at = lower.find("end", at + 1)
    return None


def _heading_is(heading: str, word: str) -> bool:
    return _HEADING_IS[word].fullmatch(heading) is not None


def _tidy(text: str) -> str | None:
    text = text.strip().rstrip("(").strip()
    return text or None

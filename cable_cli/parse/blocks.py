"""Summary, COMMENT and NOTE blocks inside the paragraphs.

``SUMMARY: ... END SUMMARY.``, ``(NOTE: ... END NOTE.)``, ``COMMENT: ... END
COMMENT.``; a block may run over several paragraphs, so they are searched
in the paragraph texts joined by blank lines.  A SUMMARY with no END
SUMMARY is that paragraph; the caller records a defect.
"""

from __future__ import annotations

import re

from ..model import Paragraph

_SUMMARY_AT_START = re.compile(
    r"^\s*(?:-+\s*)?(?:BEGIN\s+)?SUMMARY(?:\s+(?:AND|&)\s+(?:COMMENTS?|ACTION\s+REQUESTS?|INTRODUCTION|RECOMMENDATIONS?))?"
    r"\s*(?:-+\s*)?(?:[:.\-]+|$)\s*",
    re.I,
)
_SUMMARY_INLINE = re.compile(r"(?<![A-Za-z])(?:BEGIN\s+SUMMARY\b\s*[:.]?|SUMMARY\s*:)\s*", re.I)
_END_SUMMARY = re.compile(r"\(?\s*END\s+(?:OF\s+)?SUMMARY\b[\s.:)\-]*", re.I)
_HEADING_SUMMARY = re.compile(r"^\s*SUMMARY(?:\s+AND\s+\w+)?\s*:?\s*$", re.I)


def find_summary(paragraphs: list[Paragraph]) -> tuple[str | None, bool]:
    """The summary text and whether its END SUMMARY was found."""
    for index, para in enumerate(paragraphs):
        text = para.text
        m = _SUMMARY_AT_START.match(text)
        start = m.end() if m and m.group(0).strip() else None
        if start is None and para.heading and _HEADING_SUMMARY.match(para.heading):
            start = 0
        if start is None:
            mm = _SUMMARY_INLINE.search(text)
            start = mm.end() if mm else None
        if start is None:
            continue
        following = "\n\n".join(p.text for p in paragraphs[index:index + 12])
        end = _END_SUMMARY.search(following, start)
        if end:
            return _tidy(following[start:end.start()]), True
        return _tidy(text[start:]), False
    return None, False


def _block_patterns(word: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    start = re.compile(
        rf"(?<![A-Za-z])(?<!END )(?<!AND )(?<!End )(?<!and )(?:BEGIN\s+)?{word}S?\s*:\s*", re.I)
    end = re.compile(rf"\(?\s*END\s+(?:OF\s+)?{word}S?\b[\s.:\-]*\)?", re.I)
    return start, end


_COMMENT = _block_patterns("COMMENT")
_NOTE = _block_patterns("NOTE")


def find_blocks(paragraphs: list[Paragraph], word: str) -> list[str]:
    """Every ``WORD: ... END WORD`` text (``COMMENT`` or ``NOTE``) in order."""
    start_re, end_re = _COMMENT if word == "COMMENT" else _NOTE
    texts = [p.text for p in paragraphs]
    joined = "\n\n".join(texts)
    found: list[str] = []
    pos = 0
    while True:
        m = start_re.search(joined, pos)
        if not m:
            return found
        end = end_re.search(joined, m.end())
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


def _tidy(text: str) -> str | None:
    text = text.strip().rstrip("(").strip()
    return text or None

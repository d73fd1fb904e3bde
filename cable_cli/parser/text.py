"""Text clean-up shared by every parser: line ends, markdown residue.

People copy cables out of web pages, and what they paste carries the
page's markup as markdown: ``[PGOV](#)`` for a TAGS link and ``[1](#)`` for
the paragraph anchor that WikiLeaks renders as ``¶``.  We undo both so the
field parsers only ever see telegram text.
"""

from __future__ import annotations

import re

from .. import patterns

# ``[1](#)2.`` / ``[1](#)B.``: the ¶ anchor, rendered as a numbered link,
# right before a paragraph number or a REF label.
_ANCHOR_LINK = patterns.compile(r"\[\d{1,3}\]\([^()\s]{0,300}\)(?=[ \t]*[0-9A-Za-z]{1,3}[.)])")
# Any other markdown link: keep its text.
_MD_LINK = patterns.compile(r"\[([^\[\]\n]{1,200})\]\([^()\s]{0,300}\)")
# Markdown hard line break: a backslash at the end of a line.
_BACKSLASH_EOL = patterns.compile(r"\\[ \t]*$", re.M)
_NBSP = "\u00a0"


def has_markdown_residue(text: str) -> bool:
    return _has_link_mark(text) and _MD_LINK.search(text) is not None


def _has_link_mark(text: str) -> bool:
    """Is there a ``](`` (what every markdown link has) in ``text``?"""
    # ("]" first: a one-character search is a memchr, ten times faster than
    # a two-character one, and most cables have no "]" at all)
    return "]" in text and "](" in text


def normalize(text: str) -> str:
    """LF line ends, no BOM, no markdown residue, NBSP as a space."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _NBSP in text:
        text = text.replace(_NBSP, " ")
    if _has_link_mark(text):
        text = _ANCHOR_LINK.sub("¶", text)
        text = _MD_LINK.sub(r"\1", text)
    if "\\" in text:
        text = _BACKSLASH_EOL.sub("", text)
    return text


def collapse_spaces(text: str) -> str:
    """Runs of white space as one space, ends trimmed."""
    return " ".join(text.split())


_SENTENCE_ENDS = frozenset(".!?:;)\"']")


def join_lines(lines: list[str]) -> str:
    """Unwrap a telegram's hard-wrapped lines into one running text.

    A line ending in a hyphen joins the next without a space (``DRAFT-`` +
    ``LAW``); the hyphen is kept because we cannot tell a broken word from
    a compound.
    """
    parts: list[str] = []
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        last = parts[-1] if parts else ""
        if last.endswith("-") and not last.endswith("--") and line[:1].isalpha():
            parts[-1] = last + line
        else:
            parts.append(line)
    return " ".join(parts)


def ends_sentence(text: str) -> bool:
    """Does ``text`` end a sentence (or a quote, a parenthesis)?"""
    # (no strip() of the whole text: callers ask this of growing paragraphs;
    # an empty or blank text has no last character, which is no sentence end)
    return text.rstrip()[-1:] in _SENTENCE_ENDS

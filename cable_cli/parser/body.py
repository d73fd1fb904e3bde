"""The body: page-break lines, paragraphs with their markings and headings, signer.

Paragraphs are numbered (``1.``, ``¶4.``, ``[1](#)2.`` once markdown is
undone) and usually carry a marking (``(C)``, ``(SBU)``, ``(S//NF)``).  A
paragraph runs on across blank lines until the next paragraph or heading:
copies split paragraphs at page ends, so a block that starts in lower case
after a blank line is the same sentence going on.
"""

from __future__ import annotations

import operator
import re

from ..model import Paragraph
from .banner import BANNER
from .text import ends_sentence

# ``ASTANA 00000319 002 OF 002``, ``ROME 00000001 001.2 OF 003``.
PAGE_BREAK = re.compile(r"^\s*[A-Z][A-Z .'-]{1,40} \d{5,8}\s+\d{3}(?:\.\d)?\s+OF\s+\d{3}\s*$")
# The same line glued inside a paragraph (HTML copies, 08MOSCOW499:
# ``AmCham and its MOSCOW 00000499 002 OF 002 European counterpart``).
_PAGE_OF = re.compile(r"\d{3}\s+OF\s+\d{3}")  # what every page-break mark has
_NUMBER_OF_NUMBER = re.compile(r"\d\s+OF\s+\d")  # what PAGE_BREAK and _PAGE_OF both need
_BANNER_FIRST = frozenset("CSULOTcsulot\",")  # first characters a banner line can have
_INLINE_BREAK = re.compile(r"(?P<station>(?:[A-Z][A-Z.'-]* ){1,3})\d{8}\s+\d{3}(?:\.\d)?\s+OF\s+\d{3}\b\s*")
# 1970s print copies: ``PAGE 02  ATHENS 02959  171944Z`` (text may follow).
PRINT_PAGE = re.compile(r"^\s*PAGE\s+\d{2,3}\s+[A-Z][A-Z .'-]{1,40}?\s+\d{2,6}\s+(?:\d\d\s+OF\s+\d\d\s+)?\d{6}Z\s*")
_PARA = re.compile(
    r"^\s*(?:¶\s*)?(?P<num>\d{1,3})\s*[.)](?!\d)\s*"
    r"(?:\((?P<mark>[A-Za-z]{1,4}(?:\s?//?\s?[A-Za-z]{1,6}(?:,?\s[A-Za-z]{2,5}){0,6}){0,3})\)|(?P<half>[A-Z]{1,3})\))?\s*"
)
_MARKED = re.compile(r"^\s*\((?P<mark>U|C|S|SBU|TS|LOU|U//FOUO|C//NF|S//NF|S/NF|C/NF|U/FOUO|S//REL[A-Z ]*)\)\s+")
# ``-------`` and the spaced ``- - - - -`` of HTML copies (06SANTODOMINGO409)
_DASHES = re.compile(r"^\s*(?:[-=_]{3,}|(?:[-=_] ){3,})[-=_ ]*$")
_THREE_ASCII_LETTERS = re.compile(r"[A-Za-z][^A-Za-z]*[A-Za-z][^A-Za-z]*[A-Za-z]")
_DASH_CHARS = frozenset("-=_")  # what a _DASHES line starts with
_DASH_WRAPPED = re.compile(r"^\s*-{2,}\s*(?P<t>[^-].*?)\s*-{2,}\s*$")
_TRAILING_DASHES = re.compile(r"\s*-{3,}[- ]*$")
# What may follow the signer: end-of-message marks, HTML residue (``>``),
# captions, the operator's omission notes, the NARA review stamp.
_END_JUNK = re.compile(
    r"^\s*(?:N{3,4}|BT|#\d{1,5}|END\s+TEXT\.?|\.|>|SIPDIS|NOFORN|-"
    r"|NOTE(?:\s+BY\s+OC/T)?:\s*(?:\(#\)|NOT\s+PASSED|OMISSION).*"
    r"|(?:Declassified/Released\s+US\s+Department\s+of\s+State\s+EO\s+)?Systematic\s+Review\s+\d.*"
    r"|Declassified/Released\s+US\s+Department\s+of\s+State\s+EO(?:\s+Systematic\s+Review.*)?"
    r"|>?\s*\d{4}[A-Z]{3,}\d{3,}\s+-\s+Classification:.*)\s*$")
# A name in capitals (``VAN VOORST``, ``O'DONOHUE``) or, in mixed-case copies,
# capitalised words (``Hamilton``, ``Del Vecchio``).
_SIGNER = re.compile(
    r"^\s*(?:(?:[A-Z]|MC|Mc)[A-Z'.-]*(?:\s+(?:[A-Z]|MC|Mc)[A-Z'.-]*){0,3}"
    r"|[A-Z][a-z'A-Z-]*[a-z][a-z'A-Z-]*(?:\s+[A-Z][a-z'A-Z-]+){0,2})\s*#*\s*$")
_NOT_SIGNERS = frozenset(
    "UNQUOTE END QUOTE SIPDIS NOFORN EXDIS NODIS LIMDIS SENSITIVE UNCLASSIFIED CONFIDENTIAL SECRET "
    "UNCLAS BT NNNN NNN SUMMARY COMMENT NOTE TEXT DECL MESSAGE SIGNATURE MINIMIZE CONSIDERED NONE "
    "THANKS REGARDS FOLLOW CORRECTION".split()
)
# A line before the signer that ends the text without a full stop.
_CLOSER = re.compile(r"(?:\bEND\s+(?:OF\s+)?(?:COMMENT|NOTE|SUMMARY|TEXT|QUOTE|MESSAGE)|\bUNQUOTE|MINIMIZE\s+CONSIDERED"
                     r"|^\s*GP-\d|^\s*-|XXXXXX)\W*$", re.I)
_URL = re.compile(r"https?://|www\.")


def clean_body(texts: list[str], first_number: int, banner_words: set[str]) -> tuple[list[int], list[str], int]:
    """Drop page-break lines and repeated print banners; keep everything else.

    ``texts`` are the body's lines, the first of them line ``first_number``.
    Returns the kept lines as two parallel lists, their line numbers and
    their texts (no object per line: this runs on every line), and how many
    lines were dropped.
    """
    numbers: list[int] = []
    kept: list[str] = []
    dropped = 0
    first_banner_seen = False
    # Blank lines around a page break are the page's, not a paragraph end:
    # they go, unless the text before the break ended a sentence.
    gap: tuple[int, str] | None = None
    for number, text in enumerate(texts, first_number):
        stripped = text.strip()
        # (every page mark has ``<digit> OF <digit>``: most lines, even with
        # an OF, are spared the page-mark patterns below)
        page_mark_like = "OF" in text and _NUMBER_OF_NUMBER.search(text) is not None
        if gap is None and not page_mark_like and first_banner_seen:
            # The common line (no page mark, no pending gap): kept unless it
            # is a repeated print banner.  The same tests as below, in short.
            if "PAGE" not in text:
                if stripped and len(stripped) <= 24 and stripped.upper() in banner_words:
                    dropped += 1
                    gap = _break_gap(numbers, kept, gap, number)
                    continue
                numbers.append(number)
                kept.append(text)
                continue
        if gap is not None and stripped:
            if kept and ends_sentence(kept[-1]):
                numbers.append(gap[0])
                kept.append(gap[1])
            gap = None
        # Cheap substring tests first: these patterns run on every line.
        if page_mark_like and PAGE_BREAK.match(text):
            dropped += 1
            gap = _break_gap(numbers, kept, gap, number)
            continue
        m = PRINT_PAGE.match(text) if "PAGE" in text else None
        if m:
            dropped += 1
            gap = _break_gap(numbers, kept, gap, number)
            rest = text[m.end():]
            if rest.strip():
                if ends_sentence(kept[-1] if kept else ""):
                    numbers.append(gap[0])
                    kept.append(gap[1])
                numbers.append(number)
                kept.append(rest)
                gap = None
            continue
        if gap is not None and not stripped:
            continue
        if page_mark_like and _PAGE_OF.search(text) and _INLINE_BREAK.search(text):
            text = _INLINE_BREAK.sub(_cut_break, text)
            stripped = text.strip()
        if stripped and len(stripped) <= 24 and stripped.upper() in banner_words:
            if first_banner_seen:
                dropped += 1
                gap = _break_gap(numbers, kept, gap, number)
                continue
        if stripped and not first_banner_seen and stripped[0] in _BANNER_FIRST and BANNER.match(stripped):
            first_banner_seen = True
        numbers.append(number)
        kept.append(text)
    return numbers, kept, dropped


def _cut_break(m: re.Match[str]) -> str:
    """Drop a glued page-break mark with its station (the known station's
    words only, so text in capitals before it stays)."""
    from .stations import canonical_station

    words = m["station"].split()
    for k in range(len(words)):
        if canonical_station(" ".join(words[k:])):
            return " ".join(words[:k]) + (" " if k else "")
    return m["station"]


def _break_gap(numbers: list[int], kept: list[str], gap: tuple[int, str] | None, number: int) -> tuple[int, str]:
    """Take the blank lines before a page break off ``kept`` (and their
    ``numbers``); one blank line stands for them until the text goes on."""
    while kept and not kept[-1].strip():
        gap = gap or (numbers[-1], kept[-1])
        kept.pop()
        numbers.pop()
    return gap or (number, "")


def split_signer(lines: list[str]) -> tuple[int, str | None]:
    """Take the signer (``HOAGLAND``, ``VAN VOORST``) off the end of the body.

    The signer is the last line, after trailing banners and end markers,
    when it is a short all-capitals name standing on its own after a
    finished sentence.  A cable that simply ends has none.  Returns how
    many of ``lines`` (texts) are the body without it, and the signer.
    """
    end = len(lines)
    while end and (not lines[end - 1].strip() or _END_JUNK.match(lines[end - 1])
                   or _is_bare_banner(lines[end - 1])):
        end -= 1
    if not end:
        return len(lines), None
    last = lines[end - 1].strip().rstrip("#").strip()
    if last.endswith(".."):  # WikiLeaks cut the text short (``DANIEL ORTEGA AN...``)
        return len(lines), None
    last = last.rstrip(".").strip()
    if not _SIGNER.match(last) or len(last) > 40:
        return _glued_signer(lines, end)
    if set(last.upper().replace(".", " ").split()) & _NOT_SIGNERS or BANNER.match(last):
        return len(lines), None
    previous = next((text for text in reversed(lines[: end - 1]) if text.strip()), None)
    blank_before = end >= 2 and not lines[end - 2].strip()
    if previous is not None and previous.strip().rstrip(".#").strip() == last:
        # the name on two lines (``PAAL`` / ``PAAL``): drop both
        k = max(i for i in range(end - 1) if lines[i].strip())
        return k, last
    if (previous is not None and not blank_before and not ends_sentence(previous)
            and not _CLOSER.search(previous) and not _URL.search(previous)):
        return len(lines), None
    words = last.split()
    if len(words) > 1 and len(set(words)) == 1:  # ``PARDEW PARDEW``: the name typed twice
        last = words[0]
    return end - 1, last


# A signer glued after the last sentence, as single-line copies have it:
# ``... support Iraq.  KENNY``, ``End comment. CRETZ``, ``End Comment MATHIEU``.
_GLUED_SIGNER = re.compile(
    r"(?:[.!?\"')\]\u201d]|\bEND\s+(?:COMMENT|NOTE|SUMMARY)|\bEnd\s+[Cc]omment)\.?\s+"
    r"(?P<name>[A-Z][A-Z'-]+(?: [A-Z][A-Z'-]+){0,2})\s*$"
)


def _glued_signer(lines: list[str], end: int) -> tuple[int, str | None]:
    """The signer at the end of the last line of text, if one is glued there.

    Then ``lines[end - 1]`` loses the name (the caller's list is edited).
    """
    text = lines[end - 1].rstrip()
    offset = max(0, len(text) - 80)  # (only the end of a long line can hold it)
    m = _GLUED_SIGNER.search(text, offset)
    if (not m or set(m["name"].split()) & _NOT_SIGNERS or len(m["name"]) < 3
            or not m["name"].strip("X ")):  # ``XXXXXXXXXXXX`` is a redaction
        return len(lines), None
    lines[end - 1] = text[: m.start("name")].rstrip()
    return end, m["name"]


def _is_bare_banner(text: str) -> bool:
    m = BANNER.match(text)
    return m is not None and not text[m.end():].strip(" /")


def _heading(lines: list[str], i: int) -> tuple[str, int, bool] | None:
    """A section heading at ``lines[i]``: its text, the lines it takes, and
    whether it is set off by dashes (which makes it a heading for sure)."""
    text = lines[i].strip()
    if not text or len(text) > 100:
        return None
    first = text[0]
    # (``text`` is stripped: a numbered paragraph starts with a digit or ¶)
    if (first.isdigit() or first == "¶") and _PARA.match(text):
        return None
    # (a cheap first-character test spares the dash patterns most lines:
    # ``text`` is stripped, and both patterns need a dash there)
    if first in _DASH_CHARS:
        if _DASHES.match(text) and i + 2 < len(lines) and _DASHES.match(lines[i + 2]):
            # ``--------`` / ``SUMMARY`` / ``--------`` (90CAPETOWN97)
            inner = _heading(lines[i + 1:i + 2], 0)
            return (inner[0], 3, True) if inner else None
        if not text.strip("-"):  # a rule of dashes: no text, wrapped or not
            return None
        # (``text`` is stripped: a wrapped heading ends with the dashes)
        m = _DASH_WRAPPED.match(text) if first == "-" and text.endswith("--") else None
        if m:
            return m["t"], 1, True
    glued = _TRAILING_DASHES.search(text) if "---" in text else None
    if glued:
        text = text[: glued.start()].strip()
    # (the refusals below come cheapest first: their order does not change
    # the result)
    if not text or text[-1] in ".,;":
        return None
    nxt = lines[i + 1] if i + 1 < len(lines) else ""
    underlined = glued is not None or (nxt.lstrip()[:1] in _DASH_CHARS and _DASHES.match(nxt) is not None)
    if not _heading_letters(text, underlined) or len(text.split()) > 16:
        return None
    return text, (2 if underlined and not glued else 1), underlined


def _heading_letters(text: str, underlined: bool) -> bool:
    """Has a heading's ``text`` three letters or more, all capitals unless
    it is ``underlined``?"""
    if text.isascii():
        # The same tests without a Python loop over the characters: in ASCII
        # the letters are A-Z and a-z, and capitals means no a-z.  (Most
        # headings start with three letters; the pattern finds the others.)
        return (underlined or text.upper() == text) and (
            (len(text) >= 3 and text[:3].isalpha()) or _THREE_ASCII_LETTERS.search(text) is not None)
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and (underlined or all(c.isupper() for c in letters))


_SLASH = re.compile(r"\s*/\s*")


def _mark(mark: str) -> str:
    """``s / nf`` -> ``S/NF``; ``S//REL TO USA, ACGU`` keeps its inner spaces."""
    if "/" not in mark:  # most marks (``C``, ``SBU``): nothing for _SLASH to do
        return mark.upper().strip()
    return _SLASH.sub("/", mark.upper()).strip()


# A line's first character, or "" (an item getter: map() runs it at C speed).
_FIRST_CHAR = operator.itemgetter(slice(0, 1))


def parse_paragraphs(numbers: list[int], texts: list[str]) -> tuple[list[Paragraph], list[tuple[int, str, int]]]:
    """Paragraphs of the body (line ``numbers`` and ``texts``, in parallel);
    also (line, kind, number) numbering problems."""
    paragraphs: list[Paragraph] = []
    blocks: list[list[str]] = []     # the current paragraph's blocks of lines
    current: Paragraph | None = None
    pending_heading: str | None = None
    last_number: int | None = None
    blank_before = True
    problems: list[tuple[int, str, int]] = []
    seen_numbers: set[int] = set()

    def finish() -> None:
        nonlocal current, blocks
        if current is not None:
            current.text = _join_blocks(blocks)
            if current.text or current.number is not None:
                paragraphs.append(current)
        current, blocks = None, []

    n = len(texts)
    # Speed: a line whose first character is a letter is never blank nor a
    # paragraph start, so after a line of a paragraph such lines simply go
    # on it (unless one is an underlined heading).  ``runs`` has a 1 for
    # each letter-first line and a 0 for the others and after the last line;
    # it is made at C speed, and the loop takes each run of 1s in one step.
    runs = bytearray(map(str.isalpha, map(_FIRST_CHAR, texts)))
    runs.append(0)
    i = 0
    while i < n:
        text = texts[i]
        first = text.lstrip()[:1]
        if not first:  # a blank line
            blank_before = True
            i += 1
            continue
        # Most lines go on the paragraph: the patterns run only when the
        # first character allows a match.
        m = _PARA.match(text) if first.isdigit() or first == "¶" else None
        if m and (blank_before or _accept_start(m, last_number, first)):
            finish()
            number = int(m["num"])
            if number in seen_numbers:
                problems.append((numbers[i], "paragraph-repeat", number))
            elif last_number is not None and number != last_number + 1:
                problems.append((numbers[i], "paragraph-gap", number))
            seen_numbers.add(number)
            last_number = number
            mark = m["mark"] or m["half"]
            current = Paragraph(number, _mark(mark) if mark else None, pending_heading, "")
            pending_heading = None
            blocks = [[text[m.end():]]]
        else:
            mm = None
            # A heading follows a blank line, or is underlined: copies with
            # single line breaks (the December 2010 pages) have no blank line.
            # (an underline never starts with a letter: ``runs`` spares most
            # lines the call)
            if blank_before or (not runs[i + 1] and _underlined(texts, i)):
                heading = _heading(texts, i)
                if heading and (heading[2] or _followed_by_start(texts, i + heading[1])):
                    finish()
                    pending_heading = heading[0]
                    i += heading[1]
                    continue
                mm = _MARKED.match(text) if first == "(" else None
            if mm:
                finish()
                current = Paragraph(None, mm["mark"].upper(), pending_heading, "")
                pending_heading = None
                blocks = [[text[mm.end():]]]
            elif current is None:
                current = Paragraph(None, None, pending_heading, "")
                pending_heading = None
                blocks = [[text]]
            elif blank_before:
                blocks.append([text])
            else:
                blocks[-1].append(text)
        # The line went on the current paragraph; so do the letter-first
        # lines after it.
        blank_before = False
        i += 1
        run_end = runs.find(0, i)  # (never -1: the last byte is 0)
        if run_end > i:
            # An underlined heading stops the run.  It can only be the run's
            # last line: the dash line under it does not start with a letter.
            if run_end < n and texts[run_end].startswith(("-", "=")) and _underlined(texts, run_end - 1):
                run_end -= 1
            blocks[-1].extend(texts[i:run_end])
            i = run_end
    finish()
    return paragraphs, problems


def _underlined(texts: list[str], k: int) -> bool:
    """Is ``texts[k]`` underlined by a dash line of about its own length?"""
    if k + 1 >= len(texts) or not texts[k + 1].lstrip().startswith(("-", "=")):
        return False
    under, text = texts[k + 1].strip(), texts[k].strip()
    return bool(text) and _DASHES.match(under) is not None and abs(len(under) - len(text)) <= max(3, len(text) // 5)


def _accept_start(m: re.Match[str], last: int | None, first: str) -> bool:
    """Is this ``N.`` right after a line of text (no blank line between,
    which would make it a start) a paragraph start or a number that wrapped
    to a line start?  ``first`` is the line's first non-blank character."""
    if first == "¶" or m["mark"] or m["half"]:
        return True
    return last is not None and int(m["num"]) == last + 1


def _followed_by_start(lines: list[str], j: int) -> bool:
    """A plain capitals heading must be followed (after blank lines) by a
    numbered or marked paragraph, or a line in capitals is just text."""
    while j < len(lines) and not lines[j].strip():
        j += 1
    return j < len(lines) and (_PARA.match(lines[j]) is not None or _MARKED.match(lines[j]) is not None)


_LIST_ITEM = re.compile(r"^\s*(?:--?\s|\*\s|[A-Z]\.\s|\(?[a-z0-9]\)\s)")


def _join_blocks(blocks: list[list[str]]) -> str:
    """Unwrap each block; a block that starts mid-sentence joins the one before."""
    if len(blocks) == 1:  # the common case: nothing to join
        return _unwrap(blocks[0])
    pieces: list[str] = []
    before = ""  # the last block's text (stripped: the text so far ends as it does)
    for block in blocks:
        text = _unwrap(block)
        if not text:
            continue
        if pieces:
            pieces.append(" " if not ends_sentence(before) and text[:1].islower() else "\n\n")
        pieces.append(text)
        before = text
    return "".join(pieces)


# In a block's stripped lines joined by newlines, what may need more than a
# space between two lines: a line ending in a hyphen, or a later line that
# starts like a list item.  One scan for both.  The list items are
# _LIST_ITEM's, whose closing ``\s`` may be the raw line's trailing space:
# in the stripped lines it is the newline after, or the end.
_JOIN_HINT = re.compile(r"\n(?:(?<=-\n)|(?:--?|\*|[A-Z]\.|\(?[a-z0-9]\))(?:\s|$))")


def _unwrap(block: list[str]) -> str:
    """Join wrapped lines; list items keep their own line.

    One pass, the same as ``join_lines`` over each item (a new item starts
    at a list-item line once the current one holds any line, even a blank
    one).
    """
    if len(block) == 1:  # the common short paragraph: nothing to join
        return block[0].strip()
    stripped_lines = list(map(str.strip, block))
    flat = "\n".join(stripped_lines)
    if not _JOIN_HINT.search(flat):
        # No line ends in a hyphen and none after the first can be a list
        # item: the lines simply join with spaces (tested on the whole block
        # at C speed; otherwise the loop below).
        return " ".join(filter(None, stripped_lines))
    items: list[str] = []
    parts: list[str] = []   # the current item's stripped, non-blank lines
    started = False         # has the current item taken any line yet?
    for line, stripped in zip(block, stripped_lines):
        # (cheap test first: an item starts with - * ( or has . or ) second)
        if started and stripped and (stripped[0] in "-*(" or stripped[1:2] in (".", ")")) \
                and _LIST_ITEM.match(line):
            items.append(" ".join(parts))
            parts = []
        started = True
        if not stripped:
            continue
        if parts:
            last = parts[-1]
            # ``DRAFT-`` + ``LAW``: a hyphen at the line end joins without a space
            if last[-1] == "-" and not last.endswith("--") and stripped[0].isalpha():
                parts[-1] = last + stripped
                continue
        parts.append(stripped)
    items.append(" ".join(parts))
    return "\n".join(item for item in items if item)

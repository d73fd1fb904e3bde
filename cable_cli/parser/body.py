"""The body: page-break lines, paragraphs with their markings and headings, signer.

Paragraphs are numbered (``1.``, ``¶4.``, ``[1](#)2.`` once markdown is
undone) and usually carry a marking (``(C)``, ``(SBU)``, ``(S//NF)``).  A
paragraph runs on across blank lines until the next paragraph or heading:
copies split paragraphs at page ends, so a block that starts in lower case
after a blank line is the same sentence going on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Paragraph
from .banner import BANNER
from .text import ends_sentence, join_lines

# ``ASTANA 00000319 002 OF 002``, ``ROME 00000001 001.2 OF 003``.
PAGE_BREAK = re.compile(r"^\s*[A-Z][A-Z .'-]{1,40} \d{5,8}\s+\d{3}(?:\.\d)?\s+OF\s+\d{3}\s*$")
# The same line glued inside a paragraph (HTML copies, 08MOSCOW499:
# ``AmCham and its MOSCOW 00000499 002 OF 002 European counterpart``).
_PAGE_OF = re.compile(r"\d{3}\s+OF\s+\d{3}")  # what every page-break mark has
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


@dataclass(slots=True)
class Line:
    number: int      # 1-based line number in the normalised text
    text: str


def clean_body(lines: list[Line], banner_words: set[str]) -> tuple[list[Line], int]:
    """Drop page-break lines and repeated print banners; keep everything else.

    Returns the kept lines and how many were dropped.
    """
    kept: list[Line] = []
    dropped = 0
    first_banner_seen = False
    # Blank lines around a page break are the page's, not a paragraph end:
    # they go, unless the text before the break ended a sentence.
    gap: Line | None = None
    for line in lines:
        text = line.text
        if gap is not None and text.strip():
            if kept and ends_sentence(kept[-1].text):
                kept.append(gap)
            gap = None
        # Cheap substring tests first: these patterns run on every line.
        has_of = "OF" in text
        if has_of and PAGE_BREAK.match(text):
            dropped += 1
            gap = _break_gap(kept, gap, line)
            continue
        m = PRINT_PAGE.match(text) if "PAGE" in text else None
        if m:
            dropped += 1
            gap = _break_gap(kept, gap, line)
            rest = text[m.end():]
            if rest.strip():
                if ends_sentence(kept[-1].text if kept else ""):
                    kept.append(gap)
                kept.append(Line(line.number, rest))
                gap = None
            continue
        if gap is not None and not text.strip():
            continue
        if has_of and _PAGE_OF.search(text) and _INLINE_BREAK.search(text):
            text = _INLINE_BREAK.sub(_cut_break, text)
            line = Line(line.number, text)
        stripped = text.strip()
        if stripped and len(stripped) <= 24 and stripped.upper() in banner_words:
            if first_banner_seen:
                dropped += 1
                gap = _break_gap(kept, gap, line)
                continue
        if stripped and not first_banner_seen and stripped[0] in _BANNER_FIRST and BANNER.match(stripped):
            first_banner_seen = True
        kept.append(line)
    return kept, dropped


def _cut_break(m: re.Match[str]) -> str:
    """Drop a glued page-break mark with its station (the known station's
    words only, so text in capitals before it stays)."""
    from .stations import canonical_station

    words = m["station"].split()
    for k in range(len(words)):
        if canonical_station(" ".join(words[k:])):
            return " ".join(words[:k]) + (" " if k else "")
    return m["station"]


def _break_gap(kept: list[Line], gap: Line | None, line: Line) -> Line:
    """Take the blank lines before a page break off ``kept``; one blank line
    stands for them until the text goes on."""
    while kept and not kept[-1].text.strip():
        gap = gap or kept[-1]
        kept.pop()
    return gap or Line(line.number, "")


def split_signer(lines: list[Line]) -> tuple[list[Line], str | None]:
    """Take the signer (``HOAGLAND``, ``VAN VOORST``) off the end of the body.

    The signer is the last line, after trailing banners and end markers,
    when it is a short all-capitals name standing on its own after a
    finished sentence.  A cable that simply ends has none.
    """
    end = len(lines)
    while end and (not lines[end - 1].text.strip() or _END_JUNK.match(lines[end - 1].text)
                   or _is_bare_banner(lines[end - 1].text)):
        end -= 1
    if not end:
        return lines, None
    last = lines[end - 1].text.strip().rstrip("#").strip()
    if last.endswith(".."):  # WikiLeaks cut the text short (``DANIEL ORTEGA AN...``)
        return lines, None
    last = last.rstrip(".").strip()
    if not _SIGNER.match(last) or len(last) > 40:
        return lines, None
    if set(last.upper().replace(".", " ").split()) & _NOT_SIGNERS or BANNER.match(last):
        return lines, None
    previous = next((ln.text for ln in reversed(lines[: end - 1]) if ln.text.strip()), None)
    blank_before = end >= 2 and not lines[end - 2].text.strip()
    if previous is not None and previous.strip().rstrip(".#").strip() == last:
        # the name on two lines (``PAAL`` / ``PAAL``): drop both
        k = max(i for i in range(end - 1) if lines[i].text.strip())
        return lines[:k], last
    if (previous is not None and not blank_before and not ends_sentence(previous)
            and not _CLOSER.search(previous) and not _URL.search(previous)):
        return lines, None
    words = last.split()
    if len(words) > 1 and len(set(words)) == 1:  # ``PARDEW PARDEW``: the name typed twice
        last = words[0]
    return lines[: end - 1], last


def _is_bare_banner(text: str) -> bool:
    m = BANNER.match(text)
    return m is not None and not text[m.end():].strip(" /")


def _heading(lines: list[Line], i: int) -> tuple[str, int, bool] | None:
    """A section heading at ``lines[i]``: its text, the lines it takes, and
    whether it is set off by dashes (which makes it a heading for sure)."""
    text = lines[i].text.strip()
    if not text or len(text) > 100 or _PARA.match(text) and _para_number(text) is not None:
        return None
    nxt = lines[i + 1].text if i + 1 < len(lines) else ""
    if _DASHES.match(text) and i + 2 < len(lines) and _DASHES.match(lines[i + 2].text):
        # ``--------`` / ``SUMMARY`` / ``--------`` (90CAPETOWN97)
        inner = _heading(lines[i + 1:i + 2], 0)
        return (inner[0], 3, True) if inner else None
    m = _DASH_WRAPPED.match(text)
    if m:
        return m["t"], 1, True
    underlined = bool(_DASHES.match(nxt))
    glued = _TRAILING_DASHES.search(text)
    if glued:
        text, underlined = text[: glued.start()].strip(), True
    if not text or text[-1] in ".,;" or len(text.split()) > 16:
        return None
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 3:
        return None
    capitals = all(c.isupper() for c in letters)
    if not (capitals or underlined):
        return None
    return text, (2 if underlined and not glued else 1), underlined


def _mark(mark: str) -> str:
    """``s / nf`` -> ``S/NF``; ``S//REL TO USA, ACGU`` keeps its inner spaces."""
    return re.sub(r"\s*/\s*", "/", mark.upper()).strip()


def _para_number(text: str) -> int | None:
    m = _PARA.match(text)
    return int(m["num"]) if m else None


def parse_paragraphs(lines: list[Line]) -> tuple[list[Paragraph], list[tuple[int, str, int]]]:
    """Paragraphs of the body; also (line, kind, number) numbering problems."""
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

    i = 0
    while i < len(lines):
        line = lines[i]
        text = line.text
        if not text.strip():
            blank_before = True
            i += 1
            continue
        first = text.lstrip()[:1]
        m = _PARA.match(text) if first.isdigit() or first == "¶" else None
        if m and _accept_start(m, blank_before, last_number, text):
            finish()
            number = int(m["num"])
            if number in seen_numbers:
                problems.append((line.number, "paragraph-repeat", number))
            elif last_number is not None and number != last_number + 1:
                problems.append((line.number, "paragraph-gap", number))
            seen_numbers.add(number)
            last_number = number
            mark = m["mark"] or m["half"]
            current = Paragraph(number, _mark(mark) if mark else None, pending_heading, "")
            pending_heading = None
            blocks = [[text[m.end():]]]
            blank_before = False
            i += 1
            continue
        if blank_before:
            heading = _heading(lines, i)
            if heading and (heading[2] or _followed_by_start(lines, i + heading[1])):
                finish()
                pending_heading = heading[0]
                i += heading[1]
                continue
            mm = _MARKED.match(text)
            if mm:
                finish()
                current = Paragraph(None, mm["mark"].upper(), pending_heading, "")
                pending_heading = None
                blocks = [[text[mm.end():]]]
                blank_before = False
                i += 1
                continue
        if current is None:
            current = Paragraph(None, None, pending_heading, "")
            pending_heading = None
            blocks = [[text]]
        elif blank_before:
            blocks.append([text])
        else:
            blocks[-1].append(text)
        blank_before = False
        i += 1
    finish()
    return paragraphs, problems


def _accept_start(m: re.Match[str], blank_before: bool, last: int | None, text: str) -> bool:
    """Is this ``N.`` a paragraph start or a number that wrapped to a line start?"""
    number = int(m["num"])
    if text.lstrip().startswith("¶") or m["mark"] or m["half"] or blank_before:
        return True
    return last is not None and number == last + 1


def _followed_by_start(lines: list[Line], j: int) -> bool:
    """A plain capitals heading must be followed (after blank lines) by a
    numbered or marked paragraph, or a line in capitals is just text."""
    while j < len(lines) and not lines[j].text.strip():
        j += 1
    return j < len(lines) and (_PARA.match(lines[j].text) is not None or _MARKED.match(lines[j].text) is not None)


_LIST_ITEM = re.compile(r"^\s*(?:--?\s|\*\s|[A-Z]\.\s|\(?[a-z0-9]\)\s)")


def _join_blocks(blocks: list[list[str]]) -> str:
    """Unwrap each block; a block that starts mid-sentence joins the one before."""
    out = ""
    for block in blocks:
        text = _unwrap(block)
        if not text:
            continue
        if not out:
            out = text
        elif not ends_sentence(out) and text[:1].islower():
            out += " " + text
        else:
            out += "\n\n" + text
    return out


def _unwrap(block: list[str]) -> str:
    """Join wrapped lines; list items keep their own line."""
    parts: list[list[str]] = [[]]
    for line in block:
        head = line.lstrip()[:2]
        # (cheap test first: an item starts with - * ( or has . or ) second)
        if parts[-1] and (head[:1] in ("-", "*", "(") or head[1:] in (".", ")")) and _LIST_ITEM.match(line):
            parts.append([])
        parts[-1].append(line)
    return "\n".join(j for j in (join_lines(p) for p in parts) if j)

"""The body: page-break lines, paragraphs with their markings and headings, signer.

Paragraphs are numbered (``1.``, ``¶4.``, ``[1](#)2.`` once markdown is
undone) and usually carry a marking (``(C)``, ``(SBU)``, ``(S//NF)``).  A
paragraph runs on across blank lines until the next paragraph or heading:
copies split paragraphs at page ends, so a block that starts in lower case
after a blank line is the same sentence going on.
"""

from __future__ import annotations

import functools
import operator
import re
from itertools import compress

from .. import patterns
from ..model import Paragraph
from .banner import BANNER, BANNER_FIRST
from .text import ends_sentence

# ``ASTANA 00000319 002 OF 002``, ``ROME 00000001 001.2 OF 003``.
PAGE_BREAK = patterns.compile(r"^\s*[A-Z][A-Z .'-]{1,40} \d{5,8}\s+\d{3}(?:\.\d)?\s+OF\s+\d{3}\s*$")
# The same line glued inside a paragraph (HTML copies, 08MOSCOW499:
# ``AmCham and its MOSCOW 00000499 002 OF 002 European counterpart``).
_PAGE_OF = patterns.compile(r"\d{3}\s+OF\s+\d{3}")  # what every page-break mark has
_NUMBER_OF_NUMBER = patterns.compile(r"\d\s+OF\s+\d")  # what PAGE_BREAK and _PAGE_OF both need
_INLINE_BREAK = patterns.compile(r"(?P<station>(?:[A-Z][A-Z.'-]* ){1,3})\d{8}\s+\d{3}(?:\.\d)?\s+OF\s+\d{3}\b\s*")
# 1970s print copies: ``PAGE 02  ATHENS 02959  171944Z`` (text may follow).
PRINT_PAGE = patterns.compile(r"^\s*PAGE\s+\d{2,3}\s+[A-Z][A-Z .'-]{1,40}?\s+\d{2,6}\s+(?:\d\d\s+OF\s+\d\d\s+)?\d{6}Z\s*")
_PARA = patterns.compile(
    r"^\s*(?:¶\s*)?(?P<num>\d{1,3})\s*[.)](?!\d)\s*"
    r"(?:\((?P<mark>[A-Za-z]{1,4}(?:\s?//?\s?[A-Za-z]{1,6}(?:,?\s[A-Za-z]{2,5}){0,6}){0,3})\)|(?P<half>[A-Z]{1,3})\))?\s*"
)
_MARKED = patterns.compile(r"^\s*\((?P<mark>U|C|S|SBU|TS|LOU|U//FOUO|C//NF|S//NF|S/NF|C/NF|U/FOUO|S//REL[A-Z ]*)\)\s+")
# ``-------`` and the spaced ``- - - - -`` of HTML copies (06SANTODOMINGO409)
_DASHES = patterns.compile(r"^\s*(?:[-=_]{3,}|(?:[-=_] ){3,})[-=_ ]*$")
_THREE_ASCII_LETTERS = patterns.compile(r"[A-Za-z][^A-Za-z]*[A-Za-z][^A-Za-z]*[A-Za-z]")
_DASH_CHARS = frozenset("-=_")  # what a _DASHES line starts with
_DASH_WRAPPED = patterns.compile(r"^\s*-{2,}\s*(?P<t>[^-].*?)\s*-{2,}\s*$")
_TRAILING_DASHES = patterns.compile(r"\s*-{3,}[- ]*$")
# What may follow the signer: end-of-message marks, HTML residue (``>``),
# captions, the operator's omission notes, the NARA review stamp.
_END_JUNK = patterns.compile(
    r"^\s*(?:N{3,4}|BT|#\d{1,5}|END\s+TEXT\.?|\.|>|SIPDIS|NOFORN|-"
    r"|NOTE(?:\s+BY\s+OC/T)?:\s*(?:\(#\)|NOT\s+PASSED|OMISSION).*"
    r"|(?:Declassified/Released\s+US\s+Department\s+of\s+State\s+EO\s+)?Systematic\s+Review\s+\d.*"
    r"|Declassified/Released\s+US\s+Department\s+of\s+State\s+EO(?:\s+Systematic\s+Review.*)?"
    r"|>?\s*\d{4}[A-Z]{3,}\d{3,}\s+-\s+Classification:.*)\s*$")
# A name in capitals (``VAN VOORST``, ``O'DONOHUE``) or, in mixed-case copies,
# capitalised words (``Hamilton``, ``Del Vecchio``).
_SIGNER = patterns.compile(
    r"^\s*(?:(?:[A-Z]|MC|Mc)[A-Z'.-]*(?:\s+(?:[A-Z]|MC|Mc)[A-Z'.-]*){0,3}"
    r"|[A-Z][a-z'A-Z-]*[a-z][a-z'A-Z-]*(?:\s+[A-Z][a-z'A-Z-]+){0,2})\s*#*\s*$")
_NOT_SIGNERS = frozenset(
    "UNQUOTE END QUOTE SIPDIS NOFORN EXDIS NODIS LIMDIS SENSITIVE UNCLASSIFIED CONFIDENTIAL SECRET "
    "UNCLAS BT NNNN NNN SUMMARY COMMENT NOTE TEXT DECL MESSAGE SIGNATURE MINIMIZE CONSIDERED NONE "
    "THANKS REGARDS FOLLOW CORRECTION".split()
)
# A line before the signer that ends the text without a full stop.
_CLOSER = patterns.compile(r"(?:\bEND\s+(?:OF\s+)?(?:COMMENT|NOTE|SUMMARY|TEXT|QUOTE|MESSAGE)|\bUNQUOTE|MINIMIZE\s+CONSIDERED"
                           r"|^\s*GP-\d|^\s*-|XXXXXX)\W*$", re.I)
_URL = patterns.compile(r"https?://|www\.")


def clean_body(text: str, lines: list[str], start: int, banner_words: set[str]) -> tuple[list[int], list[str], int]:
    """Drop page-break lines and repeated print banners; keep everything else.

    The body is ``lines[start:]``, where ``lines`` is ``text.split("\\n")``
    (the parser has both: the body's lines are scanned in ``text``, never
    joined again).  Returns the kept lines as two parallel lists, their line
    numbers (line 1 is the first of ``text``) and their texts (no object per
    line: this runs on every line), and how many lines were dropped.
    """
    # Most lines pass unchanged: while no page gap is open, only the lines
    # _lines_to_check finds can be dropped or changed, so the runs of lines
    # between them are copied whole.
    cleaner = _BodyCleaner(banner_words)
    to_check = _lines_to_check(text, lines, start, banner_words)
    to_check.append(len(lines))  # an end mark, where the last run stops
    next_check = 0  # the first entry of to_check not behind line i
    i = start
    while i < len(lines):
        if cleaner.gap is None:
            while to_check[next_check] < i:
                next_check += 1
            run = lines[i:to_check[next_check]]
            if not cleaner.first_banner_seen:
                # (a run holds no line to drop, banner words included: only
                # whether the first banner is among its lines matters)
                cleaner.first_banner_seen = any(map(_is_banner_line, map(str.strip, run)))
            cleaner.numbers.extend(range(i + 1, i + len(run) + 1))
            cleaner.kept.extend(run)
            i += len(run)
            if i == len(lines):
                break
        cleaner.take(i + 1, lines[i])
        i += 1
    return cleaner.numbers, cleaner.kept, cleaner.dropped


def _is_banner_line(stripped: str) -> bool:
    """Does the (stripped) line start with a classification banner?"""
    # (a cheap first-character test spares most lines the pattern)
    return bool(stripped) and stripped[0] in BANNER_FIRST and BANNER.match(stripped) is not None


class _BodyCleaner:
    """:func:`clean_body`'s logic for one line, and its state: the lines kept
    so far, the blank lines held at a page break, whether the first banner
    (which stays) has been seen."""

    __slots__ = ("banner_words", "dropped", "first_banner_seen", "gap", "kept", "numbers")

    def __init__(self, banner_words: set[str]) -> None:
        self.banner_words = banner_words
        self.numbers: list[int] = []
        self.kept: list[str] = []
        self.dropped = 0
        self.first_banner_seen = False
        # Blank lines around a page break are the page's, not a paragraph end:
        # they go, unless the text before the break ended a sentence.
        self.gap: tuple[int, str] | None = None

    def take(self, number: int, text: str) -> None:
        """Keep, change or drop one line."""
        numbers, kept = self.numbers, self.kept
        stripped = text.strip()
        if self.gap is not None and stripped:
            if kept and ends_sentence(kept[-1]):
                numbers.append(self.gap[0])
                kept.append(self.gap[1])
            self.gap = None
        # (every page mark has ``<digit> OF <digit>``: most lines, even with
        # an OF, are spared the page-mark patterns below)
        page_mark_like = "OF" in text and _search_from_of(_NUMBER_OF_NUMBER, 1, text)
        if page_mark_like and PAGE_BREAK.match(text):
            self._drop(number)
            return
        # (PRINT_PAGE starts with \s*PAGE, and lstrip() strips what \s matches)
        m = PRINT_PAGE.match(text) if text.lstrip().startswith("PAGE") else None
        if m:
            gap = self._drop(number)
            rest = text[m.end():]
            if rest.strip():
                if ends_sentence(kept[-1] if kept else ""):
                    numbers.append(gap[0])
                    kept.append(gap[1])
                numbers.append(number)
                kept.append(rest)
                self.gap = None
            return
        if self.gap is not None and not stripped:
            return
        if page_mark_like and _search_from_of(_PAGE_OF, 3, text):
            cut = _cut_glued_breaks(text)
            if cut is not text:
                text = cut
                stripped = text.strip()
        if self.first_banner_seen:
            if _is_banner_word(stripped, self.banner_words):
                self._drop(number)
                return
        elif _is_banner_line(stripped):
            self.first_banner_seen = True
        numbers.append(number)
        kept.append(text)

    def _drop(self, number: int) -> tuple[int, str]:
        """Drop line ``number``; the blank lines before it go into the gap."""
        self.dropped += 1
        self.gap = _break_gap(self.numbers, self.kept, self.gap, number)
        return self.gap


def _is_banner_word(stripped: str, banner_words: set[str]) -> bool:
    """Is the (stripped) line a bare banner, as print copies repeat on every page?"""
    return bool(stripped) and len(stripped) <= 24 and stripped.upper() in banner_words


def _lines_to_check(text: str, lines: list[str], start: int, banner_words: set[str]) -> list[int]:
    r"""The indices, ascending, of the body lines (``lines[start:]``) that
    :meth:`_BodyCleaner.take` may drop or change when no page gap is open.

    A superset, found by scanning ``text`` (where the patterns' ``[^\S\n]``
    is ``\s`` within a line) from the body's first line on:

    - ``take`` tries the page-mark patterns on a line with ``\d\s+OF\s+\d``,
      so with ``OF\s+\d`` (_OF_DIGIT_IN_LINE);
    - PRINT_PAGE needs blanks then ``PAGE`` at the start of the line
      (_line_starts_to_check);
    - a line of ASCII characters is a banner word (:func:`_is_banner_word`)
      only as blanks (what ``strip()`` takes off is what ``\s`` matches:
      ``str.isspace``), the word in some ASCII case, blanks (also
      _line_starts_to_check); other lines are tested as ``take`` does, since
      their ``strip()`` and ``upper()`` are Unicode-wide (``"ſecret".upper()
      == "SECRET"``).

    The body's first line is always among them: _line_starts_to_check cannot
    find it (the scan starts after the newline before it).
    """
    offset = sum(map(len, lines[:start])) + start  # where lines[start] begins in text
    positions = {m.start() for m in _OF_DIGIT_IN_LINE.finditer(text, offset)}
    line_starts = _line_starts_to_check(frozenset(banner_words))
    positions.update(m.start() + 1 for m in line_starts.finditer(text, offset))  # (+1: past the newline)
    found = [start]
    line, at = start, offset
    for position in sorted(positions):
        line += text.count("\n", at, position)
        at = position
        if found[-1] != line:
            found.append(line)
    if not text.isascii():
        # (the isascii() map and its selection run in C: the loop sees only
        # the other lines)
        non_ascii = compress(range(start, len(lines)), map(operator.not_, map(str.isascii, lines[start:])))
        others = [i for i in non_ascii if _may_be_banner_word(lines[i], banner_words)]
        if others:
            found = sorted(set(found).union(others))
    return found


def _may_be_banner_word(text: str, banner_words: set[str]) -> bool:
    """:func:`_is_banner_word` of the stripped text, without stripping (a
    copy) a long line that has no blank at either end: it strips to itself."""
    if len(text) > 24 and not (text[0].isspace() or text[-1].isspace()):
        return False
    return _is_banner_word(text.strip(), banner_words)


# ``OF`` then a digit, within a line of the joined lines.
_OF_DIGIT_IN_LINE = patterns.compile(r"OF[^\S\n]+\d")


@functools.lru_cache(maxsize=4)
def _line_starts_to_check(banner_words: frozenset[str]) -> re.Pattern[str]:
    """A pattern for the newline before a line that starts, after blanks,
    with ``PAGE`` or is a banner word in any ASCII case between blanks."""
    # An ASCII line's upper() has no lower-case letter (nor a newline, as a
    # line): only the words without these can be such a line's.
    # (longest first; ties by the word, so the pattern is the same in every
    # process whatever the set's order: the pattern cache keys on its text)
    words = sorted((w for w in banner_words if w and w.isascii() and w == w.upper() and "\n" not in w),
                   key=lambda w: (-len(w), w))
    if not words:
        return patterns.compile(r"\n[^\S\n]*PAGE")
    # (the look-ahead on the first letter spares most lines the alternatives)
    first_letters = "".join(map(re.escape, sorted({"P"} | {c for w in words for c in (w[0], w[0].lower())})))
    alternatives = "|".join(map(re.escape, words))
    return patterns.compile(rf"\n[^\S\n]*(?=[{first_letters}])(?:PAGE|(?i:{alternatives})[^\S\n]*(?![^\n]))")


def _search_from_of(pattern: re.Pattern[str], digits: int, text: str) -> bool:
    """``pattern.search(text) is not None`` for _NUMBER_OF_NUMBER (``digits``
    1) and _PAGE_OF (3): digits, blanks, ``OF``, blanks, digits.  Tried only
    at an OF with the digits after it: the regex engine finds a literal
    start fast, where a leading digit class tries every character of a long
    line (single-line page builds)."""
    for m in _OF_THEN_DIGITS[digits].finditer(text):
        # Back over the blanks before the OF (all of them, as a digit is no
        # blank; \s is str.isspace) to where the pattern's digits must be.
        start = m.start()
        while start and text[start - 1].isspace():
            start -= 1
        if start >= digits and pattern.match(text, start - digits):
            return True
    return False


_OF_THEN_DIGITS = {1: patterns.compile(r"OF\s+\d"), 3: patterns.compile(r"OF\s+\d{3}")}


# The end of every glued page-break mark: OF, blanks, three digits.
_GLUED_BREAK_END = patterns.compile(r"OF\s+\d{3}\b")
# The characters between a glued mark's start and its OF (station words,
# digits, blanks), and how far back a mark usually starts.
_GLUED_BREAK_CHARS = patterns.compile(r"[A-Z.'\-\s\d]*")
_GLUED_BREAK_REACH = 100


def _cut_glued_breaks(text: str) -> str:
    """``_INLINE_BREAK.sub(_cut_break, text)``, with the pattern tried only just
    before each OF that can end a mark: the plain ``sub`` tries every capital
    letter of a long single-line page.

    As ``sub``, it cuts the leftmost mark after the last one cut, and so on.
    A mark cannot hold another OF with three digits before its own (its
    words are followed by eight digits), so the marks come in the order of
    their OFs and none starts before the last OF tried (``floor``).  For
    each OF the search starts ``_GLUED_BREAK_REACH`` before it, or at the
    floor when all the text between could belong to a mark.
    """
    pieces: list[str] = []
    done = 0  # the end of the last mark cut
    floor = 0
    for end in _GLUED_BREAK_END.finditer(text):
        of = end.start()
        if of < done:
            continue
        start = max(floor, of - _GLUED_BREAK_REACH)
        if start > floor and _GLUED_BREAK_CHARS.fullmatch(text, start, of):
            start = floor
        # Up to the OF's digits only: the pattern's end, a \b (true there, as
        # _GLUED_BREAK_END matched) and the blanks after, is matched again below.
        found = _INLINE_BREAK.search(text, start, end.end())
        floor = of + 2
        # The same mark again, now with the blanks after it (it always
        # matches there: _GLUED_BREAK_END's \b holds in the whole text).
        m = _INLINE_BREAK.match(text, found.start()) if found is not None else None
        if m is None:
            continue
        pieces.append(text[done:m.start()])
        pieces.append(_cut_break(m))
        done = floor = m.end()
    if not pieces:
        return text
    pieces.append(text[done:])
    return "".join(pieces)


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
    # (length first: on a long line of blanks _SIGNER's ``\s*#*\s*`` is quadratic)
    if len(last) > 40 or not _SIGNER.match(last):
        return _glued_signer(lines, end)
    if set(last.upper().replace(".", " ").split()) & _NOT_SIGNERS or BANNER.match(last):
        return len(lines), None
    # The last line of text before the name (looked for from the end: no copy of the lines).
    before = next((k for k in range(end - 2, -1, -1) if lines[k].strip()), None)
    previous = lines[before] if before is not None else None
    blank_before = end >= 2 and not lines[end - 2].strip()
    if previous is not None and previous.strip().rstrip(".#").strip() == last:
        return before, last  # the name on two lines (``PAAL`` / ``PAAL``): drop both
    if (previous is not None and not blank_before and not ends_sentence(previous)
            and not _CLOSER.search(previous) and not _URL.search(previous)):
        return len(lines), None
    words = last.split()
    if len(words) > 1 and len(set(words)) == 1:  # ``PARDEW PARDEW``: the name typed twice
        last = words[0]
    return end - 1, last


# A signer glued after the last sentence, as single-line copies have it:
# ``... support Iraq.  KENNY``, ``End comment. CRETZ``, ``End Comment MATHIEU``.
_GLUED_SIGNER = patterns.compile(
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


_SLASH = patterns.compile(r"\s*/\s*")


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
    # Each paragraph as it opens, with its blocks of lines; the blocks are
    # joined into its text once all lines are placed.
    opened: list[tuple[Paragraph, list[list[str]]]] = []
    blocks: list[list[str]] = []     # the current paragraph's blocks of lines
    current: Paragraph | None = None
    pending_heading: str | None = None
    last_number: int | None = None
    blank_before = True
    problems: list[tuple[int, str, int]] = []
    seen_numbers: set[int] = set()

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
            num, mark, half = m.groups()  # (the only groups of _PARA, in order)
            number = int(num)
            if number in seen_numbers:
                problems.append((numbers[i], "paragraph-repeat", number))
            elif last_number is not None and number != last_number + 1:
                problems.append((numbers[i], "paragraph-gap", number))
            seen_numbers.add(number)
            last_number = number
            mark = mark or half
            current = Paragraph(number, _mark(mark) if mark else None, pending_heading, "")
            pending_heading = None
            blocks = [[text[m.end():]]]
            opened.append((current, blocks))
        else:
            mm = None
            # A heading follows a blank line, or is underlined: copies with
            # single line breaks (the December 2010 pages) have no blank line.
            # (an underline never starts with a letter: ``runs`` spares most
            # lines the call)
            if blank_before or (not runs[i + 1] and _underlined(texts, i)):
                # (a heading not set off by dashes must be followed by a
                # paragraph start, which a letter-first line never is: before
                # one, only a line with dashes can be a heading)
                if runs[i + 1] and first not in _DASH_CHARS and "---" not in text:
                    heading = None
                else:
                    heading = _heading(texts, i)
                if heading and (heading[2] or _followed_by_start(texts, i + heading[1])):
                    current = None  # the paragraph before ends
                    pending_heading = heading[0]
                    i += heading[1]
                    continue
                mm = _MARKED.match(text) if first == "(" else None
            if mm:
                current = Paragraph(None, mm["mark"].upper(), pending_heading, "")
                pending_heading = None
                blocks = [[text[mm.end():]]]
                opened.append((current, blocks))
            elif current is None:
                current = Paragraph(None, None, pending_heading, "")
                pending_heading = None
                blocks = [[text]]
                opened.append((current, blocks))
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
    paragraphs: list[Paragraph] = []
    for paragraph, its_blocks in opened:
        paragraph.text = _join_blocks(its_blocks)
        if paragraph.text or paragraph.number is not None:
            paragraphs.append(paragraph)
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


_LIST_ITEM = patterns.compile(r"^\s*(?:--?\s|\*\s|[A-Z]\.\s|\(?[a-z0-9]\)\s)")


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
_JOIN_HINT = patterns.compile(r"\n(?:(?<=-\n)|(?:--?|\*|[A-Z]\.|\(?[a-z0-9]\))(?:\s|$))")


def _unwrap(block: list[str]) -> str:
    """Join wrapped lines; list items keep their own line.

    One pass, the same as ``join_lines`` over each item (a new item starts
    at a list-item line once the current one holds any line, even a blank
    one).  Only the first line of a block can be blank (what follows a
    paragraph number): :func:`parse_paragraphs` ends a block at a blank line.
    """
    if len(block) == 1:  # the common short paragraph: nothing to join
        return block[0].strip()
    stripped_lines = list(map(str.strip, block))
    flat = "\n".join(stripped_lines)
    if not _JOIN_HINT.search(flat):
        # No line ends in a hyphen and none after the first can be a list
        # item: the lines simply join with spaces (tested on the whole block
        # at C speed; otherwise the loop below), the first unless blank.
        return " ".join(stripped_lines) if stripped_lines[0] else " ".join(stripped_lines[1:])
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

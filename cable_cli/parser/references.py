"""REF blocks: ``REF: A. 05 STATE 201650 B. NEW DELHI 2446 AND 2361``.

Pure functions (no I/O).  Three public names:

* :data:`REF_MARKER` recognises the start of a REF block at a line start;
  its group ``rest`` is the text after the marker.
* :func:`find_ref_blocks` finds every REF block of a body (marker line plus
  its continuation lines), for callers that do not delimit blocks themselves.
* :func:`parse_references` turns the text of one block into
  :class:`~cable_cli.model.Reference` items.

Everything here runs in linear time: whitespace is collapsed before any
pattern that could otherwise rescan long runs of it, and no pattern nests
quantifiers that can overlap.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .. import patterns
from ..model import Reference
from .stations import canonical_station, make_id

__all__ = ["REF_MARKER", "find_ref_blocks", "parse_references", "read_ref_block"]

# ---------------------------------------------------------------------------
# The marker.
#
# Seen in the corpus: ``REF:`` ``REFS:`` ``REF(S):`` ``Ref(s):`` ``REFS.:``
# ``REF.`` ``REFTEL:`` ``REFTELS:`` ``RETELS:`` and ``REF A: X; REF B: Y``.
# ``REFTEL.``/``REFTEL)`` at a line start are prose ("REFTEL. THE FCO WAS..."),
# so the telegram forms need a colon.  Without any punctuation (``REF STATE
# 19842``, ``REF (A) HOH/FROWICK EMAILS; (B) ...``) the marker is accepted
# only before a label or an upper-case ``[YY] STATION SERIAL``, which keeps
# prose such as ``REF B, ALGERIA ALSO HOSTS...`` out.  For ``REF A:`` the
# marker is only the word ``REF`` so that ``rest`` keeps the label
# (``A: VATICAN 05286; REF B: VATICAN 05546``).
REF_MARKER = patterns.compile(
    r"^[ \t]*(?:¶[ \t]*)?"
    r"(?P<marker>"
    r"REF(?:S|\(S\))?[ \t]*(?:\.[ \t]*:?|:)"  # REF: REFS: REF(S): REF. REFS.:
    r"|REFS?(?=[ \t]+(?:\([A-Z]\)|[A-Z][.)])[ \t]+[A-Z0-9])"  # REF (A) X / REF A. X (label kept)
    r"|REFS?(?=[ \t]+[A-Z][ \t]*:)"  # REF A: X; REF B: Y
    r"|REFS?(?=[ \t]+(?:\d{2}(?:\d{2})?[ \t]+)?(?-i:[A-Z]{2,}(?:[ \t][A-Z]{2,}){0,3})[ \t]+\d{2,7}\b)"
    r"|(?:REFTELS?|RETELS?)[ \t]*:"  # REFTEL: REFTELS: RETELS:
    r")"
    r"[ \t]*(?P<rest>[^\n]*)",
    re.IGNORECASE | re.MULTILINE,
)

# ---------------------------------------------------------------------------
# Noise inside a block.

_CLASSIFICATION_WORDS = r"(?:UNCLASSIFIED|UNCLAS|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE|SENSITIVE)"
# ``NEW DELHI 00002587 002 OF 012``, ``MADRID 00000174 002.2 OF 002``
_PAGE_BREAK = patterns.compile(
    r"(?<![A-Z'.-])(?:[A-Z][A-Z'.-]* ){1,5}\d{6,8} \d{3}(?:\.\d{1,2})? OF \d{3}\b", re.IGNORECASE
)
# ``PAGE 02 HARARE 05461 01 OF 02 271458Z`` / ``PAGE 02 ATHENS 02959 171944Z``
_OLD_PAGE_HEADER = patterns.compile(
    r"\bPAGE \d{1,3} (?:[A-Z][A-Z'.-]* ){1,5}\d{4,8} (?:\d{2} OF \d{2} )?\d{6}Z\b", re.IGNORECASE
)
_BANNER_LINE = patterns.compile(r"^(?:" + _CLASSIFICATION_WORDS + r"(?: ?/{1,2} ?[A-Z ]+)?)$", re.IGNORECASE)
_TRAILING_BANNER = patterns.compile(r" (?:CONFIDENTIAL|SECRET|UNCLASSIFIED)$")

# ---------------------------------------------------------------------------
# Tokens of one (whitespace-collapsed) item.  A word is alphanumerics joined
# by single ' . - characters: ``CA-3400``, ``TEHRAN'S`` and ``A-077`` are one
# token each, so they are never read as a serial.  ``/`` is a token of its
# own: ``BAGHDAD 386/CPA/1047`` is a reference, ``STATE 5/12`` a date.
_TOKEN = patterns.compile(r"[A-Za-z0-9]+(?:['.-][A-Za-z0-9]+)*|[;:,()&/]")
# ``B) 91JAKARTA14899``: an id written glued together.
_GLUED_ID = patterns.compile(r"(\d{2})([A-Za-z]{3,})(\d{1,7})")
# ``10SHENYANG 003``: the year glued to the station.
_GLUED_YEAR = patterns.compile(r"(\d{2})([A-Za-z]{3,})")

_MONTHS = frozenset(
    "JAN JANUARY FEB FEBRUARY MAR MARCH APR APRIL MAY JUN JUNE JUL JULY AUG AUGUST "
    "SEP SEPT SEPTEMBER OCT OCTOBER NOV NOVEMBER DEC DECEMBER".split()
)
_MAX_STATION_WORDS = 5  # HO CHI MINH CITY, USUN NEW YORK, BANDAR SERI BEGAWAN

# Kinds of the references that are not cables, by keyword; the earliest
# keyword in the text wins (``MEMCON ON TELCON`` is a memo).
_KIND_WORDS = patterns.compile(
    r"\b(?:"
    r"(?P<email>E-?MAILS?|E MAILS?)"
    r"|(?P<telcon>TELE?CONS?|TELEPHONE (?:CALLS?|CONVERSATIONS?)|PHONE (?:CALLS?|CONVERSATIONS?)|PHONECONS?)"
    r"|(?P<memo>MEMCONS?|MEMOS?|MEMORAND(?:UM|A))"
    r"|(?P<letter>LETTERS?)"
    r"|(?P<meeting>MEETINGS?|MTGS?)"
    r"|(?P<report>REPORTS?)"
    r")\b",
    re.IGNORECASE,
)

# An item label: ``A.`` ``A)`` ``(A)`` ``A.)`` ``a.`` ``A:`` ``1.`` and the
# same preceded by the word REF (``REF A: X; REF B: Y``, ``Ref B) Dubai``).
# ``¶`` has already been turned into a space.  A dot or colon must be
# followed by a space (``U.S.`` is no label); a parenthesis may be glued to
# the text (``A)STATE 70789``, ``B)LAGOS 1771``).  Candidates are accepted
# only in sequence (A, B, C ... or 1, 2, 3 ...), see :func:`_labels`.
_LABEL = patterns.compile(
    r"(?:(?<=[ ;,])|^)"
    r"(?:REFS? )?"
    r"(?:\((?P<p>[A-Za-z]{1,2}|\d{1,5})\)"
    r"|(?P<q>[A-Za-z]{1,2})(?:\.\)|\)|[.:](?=[ 0-9]|$))"  # ``D.01 BRASILIA 3714``
    r"|(?P<d>\d{1,5})(?:\.\)|\)|[.:](?= |$)))",
    re.IGNORECASE,
)
_LABEL_GAP = patterns.compile(r"^[ ,;:-]*$")


def _label_candidates(text: str) -> Iterator[re.Match[str]]:
    """``_LABEL.finditer(text)``, skipped when ``text`` has none of the
    ``.`` ``)`` ``:`` that every label ends with: the scan has no literal
    to look for and tries each character (half the REF blocks have none)."""
    if "." in text or ")" in text or ":" in text:
        return _LABEL.finditer(text)
    return iter(())


def _clean_line(line: str) -> str:
    line = line.replace("\u00b6", " ").replace("\t", " ").strip()
    if line.endswith("\\"):  # some builds end every line with a backslash
        line = line[:-1].rstrip()
    # Telegram filler: a lone ``-`` or ``--`` opening a continuation line.
    while line.startswith("-"):
        stripped = line.lstrip("-")
        if stripped and not stripped.startswith(" "):
            break
        line = stripped.strip()
    return line


def _collapse(text: str) -> str:
    return " ".join(text.split())


_INNER_MARKER = patterns.compile(r"(?:(?<=[ ;,])|^)(?:REF(?:S|\(S\)|TELS?)?|RETELS?) ?[.:]{1,2}(?= |$)", re.IGNORECASE)
# Some builds glue ``Classified By: ...`` to the last REF line.
_CLASSIFIED_BY = patterns.compile(
    r"\bCLASSIFIED BY\b|(?:\(U\) )?\bTHIS (?:CABLE|MESSAGE|TELEGRAM) IS\b|\bPLEASE PASS\b", re.IGNORECASE
)


def _classified_by(line: str) -> re.Match[str] | None:
    """``_CLASSIFIED_BY.search(line)``, run only when the upper-cased line
    holds a piece every match has (``ED BY``, ``CABLE``, ``AGE``, ``TELEGRAM``
    or ``PLEA``: pieces without s, i or k, the letters other characters also
    match under re.I).  The case-blind search is slow; most lines lack all."""
    upper = line.upper()
    if not ("ED BY" in upper or "CABLE" in upper or "AGE" in upper or "TELEGRAM" in upper or "PLEA" in upper):
        return None
    return _CLASSIFIED_BY.search(line)


def _without_page_breaks(line: str) -> str:
    """A collapsed line with the page breaks in it turned into spaces, and
    collapsed again.  Each pattern is run only when the line holds its
    literal (`` OF `` / ``PAGE ``, in any case: none of those letters has
    another case-fold partner); a line left as it was is still collapsed."""
    cleaned = line
    if " OF " in cleaned.upper():
        cleaned = _PAGE_BREAK.sub(" ", cleaned)
    if "PAGE " in cleaned.upper():
        cleaned = _OLD_PAGE_HEADER.sub(" ", cleaned)
    return line if cleaned is line else _collapse(cleaned)


def _clean_block(block: str) -> str:
    """The block on one line: page breaks, banners, filler, repeated markers
    (``REF: REF: A) ...``, ``A. REF: KATHMANDU 2282``) and anything from a
    glued ``Classified By`` on removed."""
    parts = []
    for raw in block.split("\n"):
        line = _collapse(_clean_line(raw))
        if not line:
            continue
        line = _without_page_breaks(line)
        if not line or _BANNER_LINE.match(line):
            continue
        if line.endswith(("CONFIDENTIAL", "SECRET", "UNCLASSIFIED")):  # (the pattern ends so)
            line = _TRAILING_BANNER.sub("", line)
        cut = _classified_by(line)
        if cut:
            parts.append(line[: cut.start()])
            break
        parts.append(line)
    joined = " ".join(parts)
    if "." in joined or ":" in joined:  # (every inner marker ends in one)
        joined = _INNER_MARKER.sub(" ", joined)
    return _collapse(joined)


# ---------------------------------------------------------------------------
# Labels.


def _successor(label: str) -> str:
    if label.isdigit():
        return str(int(label) + 1)
    if len(label) == 1:
        return "AA" if label == "Z" else chr(ord(label) + 1)
    # AA, BB, CC ... (the doubled letters some long lists use after Z)
    if label[0] == label[1] and label[0] != "Z":
        nxt = chr(ord(label[0]) + 1)
        return nxt + nxt
    return "\0"


def _labels(text: str) -> list[tuple[int, int, str]]:
    """Accepted labels as (start, end, label) in order.

    A candidate is a label only when it is the next in sequence (the first
    must be ``A`` or ``1``); a repeat of the current label right after it is
    folded into it (``A. A) TAIPEI 3001``, ``A. (A) ANKARA 160``).
    """
    found: list[tuple[int, int, str]] = []
    expected_letter, expected_digit = "A", "1"
    for m in _label_candidates(text):
        label = (m.group("p") or m.group("q") or m.group("d")).upper()
        if (
            found
            and label == found[-1][2]
            and m.start() - found[-1][1] <= 3
            and _LABEL_GAP.match(text[found[-1][1] : m.start()])
        ):
            start, _, same = found[-1]
            found[-1] = (start, m.end(), same)
            continue
        if label.isdigit():
            if expected_digit is None or label != expected_digit:
                continue
            expected_letter = None
            expected_digit = _successor(label)
        else:
            if expected_letter is None or label != expected_letter:
                continue
            expected_digit = None
            expected_letter = _successor(label)
        found.append((m.start(), m.end(), label))
    return found


# ---------------------------------------------------------------------------
# Cable references inside one item.


# An item's tokens are two parallel lists: ``toks``, the token texts, which
# the rules below read, and ``matches``, the token matches, for the few
# places that need a token's offset in the item's text.


def _is_word(tok: str) -> bool:
    return tok[0].isalpha() and (tok.isalpha() or not any(c.isdigit() for c in tok))


def _is_serial(tok: str) -> bool:
    return tok.isdigit() and len(tok) <= 8 and int(tok) < 1_000_000


def _is_year(tok: str) -> bool:
    return tok.isdigit() and (len(tok) == 2 or (len(tok) == 4 and 1900 <= int(tok) <= 2099))


def _station_before(toks: list[str], i: int, floor: int) -> tuple[str, int] | None:
    """The longest known station made of the words just before toks[i]."""
    first = i
    while first > floor and i - first < _MAX_STATION_WORDS and _is_word(toks[first - 1]):
        first -= 1
    for begin in range(first, i):  # longest span first
        station = canonical_station(" ".join(toks[begin:i]))
        if station:
            return station, begin
    return None


def _is_paren_year(toks: list[str], k: int) -> bool:
    """``( YY )`` at toks[k:k+3]."""
    return (
        k + 2 < len(toks)
        and toks[k] == "("
        and toks[k + 2] == ")"
        and toks[k + 1].isdigit()
        and len(toks[k + 1]) == 2
    )


def _station_at(toks: list[str], j: int) -> bool:
    """Do toks[j:] start with a station followed by a serial?"""
    k = j
    while k < len(toks) and k - j < _MAX_STATION_WORDS and _is_word(toks[k]):
        k += 1
    if k == j or k >= len(toks) or not _is_serial(toks[k]):
        return False
    return any(canonical_station(" ".join(toks[j:e])) for e in range(k, j, -1))


class _Cable:
    __slots__ = ("first", "last", "yy", "station", "serials")

    def __init__(self, first: int, last: int, yy: int | None, station: str, serials: list[str]) -> None:
        self.first = first  # token index where the reference starts (year or station)
        self.last = last  # token index of its last token
        self.yy = yy
        self.station = station
        self.serials = serials


def _find_cables(text: str, toks: list[str], matches: list[re.Match[str]]) -> list[_Cable]:
    cables: list[_Cable] = []
    floor = 0  # tokens before it belong to an earlier reference
    i = 0
    n = len(toks)
    while i < n:
        tok = toks[i]
        if not tok[0].isdigit():  # a reference is found at its serial or its glued id: digits first
            i += 1
            continue
        glued = None if tok.isdigit() else _GLUED_ID.fullmatch(tok)  # (an id has letters)
        if glued:
            station = canonical_station(glued.group(2))
            if station:
                cables.append(_Cable(i, i, int(glued.group(1)), station, [glued.group(3)]))
                floor = i + 1
            i += 1
            continue
        if not _is_serial(tok) or i == floor or text[matches[i].start() - 1] == "'":  # ``KINSHASA '99``
            i += 1
            continue
        glued_year = _GLUED_YEAR.fullmatch(toks[i - 1])
        if glued_year and canonical_station(glued_year.group(2)):
            station = canonical_station(glued_year.group(2)) or ""
            cables.append(_Cable(i - 1, i, int(glued_year.group(1)), station, [tok]))
            floor = i + 1
            i += 1
            continue
        found = _station_before(toks, i, floor)
        nxt = toks[i + 1].upper() if i + 1 < n else ""
        if (
            found is None
            or nxt in _MONTHS  # ``NICOSIA 17 MARCH 85`` is a date
            or (nxt == "/" and i + 2 < n and toks[i + 2][0].isdigit())  # ``5/12/04``
        ):
            i += 1
            continue
        station, begin = found
        first = begin
        yy: int | None = None
        if begin > floor and _is_year(toks[begin - 1]):
            yy = int(toks[begin - 1]) % 100
            first = begin - 1
        elif begin - 3 >= floor and _is_paren_year(toks, begin - 3):
            # ``BRASILIA 709 (08) SAO PAULO 542``: the year of the next one.
            yy = int(toks[begin - 2])
            first = begin - 3
        serials = [tok]
        last = i
        # ``STATE 12345 (07)``: the year after the serial.
        if last + 3 < n and _is_paren_year(toks, last + 1) and not _station_at(toks, last + 4):
            if yy is None:
                yy = int(toks[last + 2])
            last += 3
        # ``BRASILIA 2799 AND 2764``, ``STATE 123, 456``: the same station.
        while last + 2 < n and toks[last + 1].upper() in ("AND", "&", ","):
            cand = toks[last + 2]
            if not _is_serial(cand) or _station_at(toks, last + 3):
                break
            after = toks[last + 3].upper() if last + 3 < n else ""
            if after in _MONTHS:
                break
            serials.append(cand)
            last += 2
        cables.append(_Cable(first, last, yy, station, serials))
        floor = last + 1
        i = last + 1
    return cables


_SEPARATORS = (";", ":", ",", "AND", "&")


def _is_edge_word(word: str) -> bool:
    bare = word.strip(";:,&")
    return not bare or bare.upper() == "AND"


def _strip_edges(text: str) -> str:
    """Drop separators and a dangling ``AND`` at both ends (linear)."""
    words = text.split(" ")
    i, j = 0, len(words)
    while i < j and _is_edge_word(words[i]):
        i += 1
    while j > i and _is_edge_word(words[j - 1]):
        j -= 1
    if i == 0 and j == len(words):  # nothing dropped: the words joined are the text
        return text.strip(" ;:,&")
    return " ".join(words[i:j]).strip(" ;:,&")


def _segments(text: str, toks: list[str], matches: list[re.Match[str]],
              cables: list[_Cable]) -> list[tuple[str, list[_Cable]]]:
    """Cut an item into references: at every ``;`` (outside parentheses),
    at a ``:``/``,``/``AND`` followed by the start of a cable reference, and
    between two cable references written back to back without a separator
    (``10 CARACAS 39 10 CARACAS 35``).  Each piece keeps the cables that
    start in it."""
    cuts = _cut_points(text, toks, cables)
    pieces: list[tuple[str, list[_Cable]]] = []
    begin_char = 0
    next_cable = 0  # cables are in token order
    for cut, resume in [*cuts, (len(toks), len(toks))]:
        end_char = matches[cut].start() if cut < len(toks) else len(text)
        piece = _strip_edges(text[begin_char:end_char])
        mine = []
        while next_cable < len(cables) and cables[next_cable].first < cut:
            mine.append(cables[next_cable])
            next_cable += 1
        if piece:
            pieces.append((piece, mine))
        if resume < len(toks):
            begin_char = matches[resume].start()
    return pieces


def _cut_points(text: str, toks: list[str], cables: list[_Cable]) -> list[tuple[int, int]]:
    """Where :func:`_segments` cuts: (first token not in the piece, first
    token of the next), in order."""
    if len(cables) <= 1 and ";" not in text and "(" not in text:
        # The common case, short: no ``;``, no parentheses (the depth stays
        # 0), no second cable to meet back to back; a separator right before
        # the cable is the only possible cut.
        first = cables[0].first if cables else 0
        return [(first - 1, first)] if first > 0 and toks[first - 1].upper() in _SEPARATORS else []
    starts = {c.first: c for c in cables}
    ends = {c.last for c in cables}
    covered = set()
    for c in cables:
        covered.update(range(c.first, c.last + 1))
    cuts: list[tuple[int, int]] = []
    depth = 0
    for k, t in enumerate(toks):
        if k in starts and (k - 1) in ends:
            cuts.append((k, k))
        if t == "(":
            depth += 1
        elif t == ")":
            depth = max(0, depth - 1)
        elif k in covered:
            continue
        elif depth == 0 and (t == ";" or (t.upper() in _SEPARATORS and (k + 1) in starts)):
            cuts.append((k, k + 1))
    return cuts


def _kind(text: str) -> str:
    m = _KIND_WORDS.search(text)
    return m.lastgroup if m and m.lastgroup else "other"


def _item_references(label: str | None, text: str, yy: int | None) -> list[Reference]:
    matches = list(_TOKEN.finditer(text))
    toks = [m[0] for m in matches]
    cables = _find_cables(text, toks, matches)
    refs: list[Reference] = []
    for piece, mine in _segments(text, toks, matches, cables):
        if not mine:
            if any(c.isalnum() for c in piece):
                refs.append(Reference(label, piece, None, _kind(piece)))
            continue
        for cable in mine:
            year = cable.yy if cable.yy is not None else yy
            for serial in cable.serials:
                refs.append(Reference(label, piece, make_id(year, cable.station, serial), "cable"))
    return refs


def parse_references(block: str, *, year: int | None, own_id: str | None) -> list[Reference]:
    """Parse the text of one REF block into references, in document order.

    ``block`` is everything after the marker (``REF:``, ``REFS:``,
    ``REF(S):``, ``REFTEL:`` ...; see :data:`REF_MARKER`) up to the end of
    the block, lines joined with ``\\n``.  ``year`` is the citing cable's
    year (4 or 2 digits) used for references written without one;
    ``own_id`` is the citing cable's id, never returned.

    Contract:

    * ``label``: the item's label, upper-cased, without punctuation or the
      ``¶`` anchor residue: ``A.``, ``A)``, ``(A)``, ``A.)``, ``¶B.``, ``b.``,
      ``REF C:`` all give ``"A"``/``"B"``/``"C"``; numbered items give
      ``"1"``, ``"2"``...; unlabelled references give ``None``.  Labels are
      recognised only in sequence (A, B, C... or 1, 2, 3...), so a stray
      ``(B)`` in a title is text; a doubled label (``A. A)``) is one label.
    * ``text``: the reference as written, whitespace collapsed, without its
      label and without the separators around it.  Unlabelled references
      separated by ``;``, ``:``, ``,`` or ``AND`` are split (each gets its
      own text); a serial chain keeps one text: ``BRASILIA 2799 AND 2764``
      gives two References with the same label and the same text
      ``"BRASILIA 2799 AND 2764"``, ids ``..BRASILIA2799`` and
      ``..BRASILIA2764``.
    * ``kind``/``id``: ``"cable"`` when a known station (``canonical_station``:
      ``SECSTATE`` -> ``STATE``, ``RIO DE JAN``, ``USUN NEW YORK``...) is
      followed by a serial; ``id`` = 2-digit year + station + serial without
      leading zeros, through ``make_id`` (the malformed-id table).  The year
      is the one written before the station (``05``/``2005``), else a
      ``(YY)`` after the serial, else the citing cable's ``year`` (``id`` is
      None if that is None too).  Anything else keeps ``id`` None and gets
      ``email``, ``telcon``, ``memo``, ``letter``, ``meeting``, ``report``
      (by keyword, the first in the text wins) or ``other``.
    * Page-break lines (``NEW DELHI 00002587 002 OF 012``, ``PAGE 02 ...``),
      classification banners and telegram filler dashes are ignored.
    * A cable id is returned once (its first occurrence); ``own_id`` never.

    Runs in time linear in the block's length.
    """
    cleaned = _clean_block(block)
    if not cleaned:
        return []
    yy = None if year is None else int(year) % 100
    labels = _labels(cleaned)
    items: list[tuple[str | None, str]] = []
    head_end = labels[0][0] if labels else len(cleaned)
    if cleaned[:head_end].strip():
        items.append((None, cleaned[:head_end]))
    for idx, (_, end, label) in enumerate(labels):
        stop = labels[idx + 1][0] if idx + 1 < len(labels) else len(cleaned)
        items.append((label, cleaned[end:stop]))

    own = own_id.upper() if own_id else None
    seen: set[str] = set()
    out: list[Reference] = []
    for label, raw in items:
        text = _strip_edges(raw.strip())
        if not text:
            continue
        for ref in _item_references(label, text, yy):
            if ref.id is not None:
                key = ref.id.upper()
                if key == own or key in seen:
                    continue
                seen.add(key)
            out.append(ref)
    return out


# ---------------------------------------------------------------------------
# Finding the blocks in a body.

_BLOCK_STOP = patterns.compile(
    r"(?:CLASSIFIED\s+BY|CLASSIFICATION\b|E\.\s?O\.|EO\s+1\d{4}|TAGS\b|SUBJ(?:ECT)?\b|SUMMARY|BEGIN\b|END\b"
    r"|SIPDIS|THIS\s+(?:IS|MESSAGE|CABLE|TELEGRAM)|SENSITIVE\s+BUT|PASS\b"
    r"|REF(?:S|\(S\)|TELS?)?\s*[:.]|RETELS?\s*:)",
    re.IGNORECASE,
)
_PARAGRAPH = patterns.compile(r"\d{1,2} ?[.)-](?!\d)")
_ITEM_START = patterns.compile(
    r"(?:REFS? )?(?:\(([A-Za-z]{1,2}|\d{1,5})\)|([A-Za-z]{1,2}|\d{1,5})(?:\.\)|\)|[.:](?= |$)))", re.I
)
_DASHES = patterns.compile(r"[-_=]*")
_PROSE_WORDS = 6
# ``C) SAO PAULO`` / blank line / ``1483; D) SAO PAULO 1472``: an item cut by a blank line.
_SERIAL_LINE = patterns.compile(r"\d{1,6}(?:[ ;,]|$)")
_WORDS_THEN_SERIAL = patterns.compile(r"((?:[A-Za-z]+ ){1,3})\d{1,6}\b")


def _label_of(flat: str) -> str | None:
    m = _ITEM_START.match(flat)
    return (m.group(1) or m.group(2)).upper() if m else None


def _last_label(flat: str, after: str | None) -> str | None:
    """The last label of ``flat`` when its labels continue the sequence
    after ``after`` (from ``A``/``1`` when None); else ``after``."""
    expected_letter, expected_digit = ("A", "1") if after is None else (None, None)
    if after is not None:
        if after.isdigit():
            expected_digit = _successor(after)
        else:
            expected_letter = _successor(after)
    last = after
    for m in _label_candidates(flat):
        label = (m.group("p") or m.group("q") or m.group("d")).upper()
        if label == expected_digit:
            expected_letter, expected_digit = None, _successor(label)
        elif label == expected_letter:
            expected_letter, expected_digit = _successor(label), None
        else:
            continue
        last = label
    return last


def _looks_like_reference(flat: str) -> bool:
    """Short, or carries a number or a kind keyword: not a prose sentence."""
    return any(c.isdigit() for c in flat) or bool(_KIND_WORDS.search(flat)) or len(flat.split()) < _PROSE_WORDS


def _has_reference(flat: str) -> bool:
    """Does the line hold a cable reference or a typed (non-``other``) one?"""
    return any(ref.kind != "other" for ref in parse_references(flat, year=None, own_id=None))


def _continues_cut_item(prev: str, flat: str) -> bool:
    """``C) SAO PAULO`` / blank / ``1483; D) ...`` or ``C) SANTO`` / blank /
    ``DOMINGO 4680``: an item cut in two by a blank line."""
    if not prev:
        return False
    # ``(B) SARAJEVO 1096 AND`` / page break / ``PREVIOUS; (C) ...``: an
    # item left open by a trailing conjunction or separator goes on.
    if prev[-1] in ",;&" or prev.rsplit(" ", 1)[-1].upper() == "AND":
        return True
    if not prev[-1].isalpha():
        return False
    if _SERIAL_LINE.match(flat):
        return True
    m = _WORDS_THEN_SERIAL.match(flat)
    if not m:
        return False
    last_word = prev.rsplit(" ", 1)[-1]
    return canonical_station(last_word + " " + m.group(1)) is not None


def find_ref_blocks(body: str) -> list[tuple[int, str]]:
    """Every REF block of a body as ``(line index of the marker, block text)``.

    The block text is what :func:`parse_references` takes: the marker's
    ``rest`` plus its continuation lines, joined with ``\\n``.  A block ends
    at a blank (or dashes-only) line unless the next line carries the next
    item label or finishes an item the blank line cut in two, and at a line
    that opens something else: a numbered paragraph (unless the items
    themselves are numbered), ``Classified By``, ``E.O.``, ``TAGS``,
    ``SUBJECT``, ``SUMMARY``, another marker, or a prose sentence (six words
    or more with no digit and no kind keyword).  A marker with nothing after
    it (``...PARA 3 OF`` / ``REFTEL:``) only opens a block when the next line
    holds a reference.  Page-break and banner lines are kept (the parser
    drops them) and do not end a block.
    """
    lines = body.split("\n")
    blocks: list[tuple[int, str]] = []
    i, n = 0, len(lines)
    while i < n:
        m = REF_MARKER.match(lines[i])
        if not m:
            i += 1
            continue
        text, j = read_ref_block(lines, i, m.group("rest"))
        if text is not None:
            blocks.append((i, text))
        i = j if j > i else i + 1
    return blocks


def read_ref_block(lines: list[str], i: int, rest: str) -> tuple[str | None, int]:
    """The REF block whose marker is on ``lines[i]`` (``rest``: the text
    after the marker), cut by the rules of :func:`find_ref_blocks`.

    Returns ``(block text, index of the first line after the block)``; the
    text is None when the marker opens no block (``...PARA 3 OF`` /
    ``REFTEL:`` followed by prose), and the index is then ``i + 1``.
    Blank lines inside or right after the block are consumed.
    """
    n = len(lines)
    parts = [rest]
    prev = _collapse(_clean_line(rest))
    has_content = bool(prev)
    last_label = _last_label(prev, None)
    pending_blank = False
    closed = bool(_classified_by(prev))
    j = i + 1
    while j < n and not closed:
        raw = lines[j]
        flat = _collapse(_clean_line(raw)) if raw.strip() else ""  # (a blank line cleans to "")
        if not flat or _DASHES.fullmatch(flat):
            pending_blank = True
            j += 1
            continue
        if _PAGE_BREAK.fullmatch(flat) or _OLD_PAGE_HEADER.match(flat) or _BANNER_LINE.match(flat):
            # A page break (with its banner and blank lines) can fall
            # inside a block: it neither ends nor continues it.
            parts.append(lines[j])
            pending_blank = False
            j += 1
            continue
        label = _label_of(flat)
        if last_label is None:
            starts_next = label in ("A", "1") and not has_content
        else:
            starts_next = label is not None and label == _successor(last_label)
        if pending_blank and has_content and not starts_next and not _continues_cut_item(prev, flat):
            break
        if not starts_next and (_PARAGRAPH.match(flat) or _BLOCK_STOP.match(flat)):
            break
        if not _looks_like_reference(flat) or (not has_content and not _has_reference(flat)):
            break
        parts.append(lines[j])
        has_content = True
        pending_blank = False
        last_label = _last_label(flat, last_label)
        prev = flat
        closed = bool(_classified_by(flat))
        j += 1
    if not has_content:
        return None, i + 1
    return "\n".join(parts), j

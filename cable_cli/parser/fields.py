"""Header fields whose value is free text: CLASSIFIED BY, E.O. (declassification), TAGS.

Three pure functions, no I/O.  Each takes the text a caller has already cut
out of the cable (block lines joined with a space) and returns the record's
dataclass or list.  They never raise on any ``str`` and run in linear time:
the regular expressions here have no nested quantifiers, and the parsing is
done over tokens rather than by backtracking.

Contracts
=========

``parse_classified_by(raw) -> ClassifiedBy``
    ``raw`` is the text after the ``Classified By:`` marker.

    * ``raw``: the input stripped (None if it is empty).
    * ``reasons``: every ``<section>(<letter>)`` named, normalised to
      ``1.4(b)`` (section as ``1.N``, letter lower case), de-duplicated, in
      the order written.  ``1.4 (B and D)``, ``1.4 b/d``, ``1.4(b,d)``,
      ``1.4 (b), ( c), (d)``, ``1 .4(b)``, ``1.4.(d)``, ``1.4 (b) an d (d)``
      and the ``1/4`` typo are all understood.  A section with no letter
      gives the bare section (``1.4``).  Letters are a-h only.
    * ``name``: the person, as written (original capitalisation).  Several
      people (``A and B``) stay one string as written.  None if no person is
      named (``AMBASSADOR. REASON 1.5(B,D)``).
    * ``title``: the role as written: the words before the name
      (``Acting Deputy Chief of Mission``, ``CDA, A.I.``) or, when the name
      comes first, everything after it (``Director, INR/OPS``;
      ``Ambassador, U.S. Embassy Tripoli, U.S. Department of State``).
      None if no role is given.
    * A leading ``(U)`` and a repeated marker (``Classified By: Classified by
      IO/DAS ...``, ``(U) CLASSIFIED BY ...``) are skipped.  Anything after
      the reason clause (a glued paragraph, page-break junk) is ignored.

``parse_declassification(raw) -> Declassification``
    ``raw`` is the whole E.O. line.

    * ``order``: ``E.O. NNNNN`` (only the number; ``(AS AMENDED)`` and
      ``AS AMENDED;`` are dropped, the raw keeps them).  Any spelling
      (``EO 12958``, ``E.O.12958``, ``E. O. 12958``, ``EO12958``,
      ``E.O.: 12958``, ``DECL: 12958``) gives the same order.  A number is
      kept as written even when it is a known typo (``E.O. 12985``).
    * ``date``: ISO ``YYYY-MM-DD`` from the first date written: ``M/D/YYYY``,
      ``M/D/YY`` (``YY`` < 50 is 20YY, else 19YY), ``YYYY/MM/DD``,
      ``YYYY-MM-DD``, ``M-D-YY(YY)``, ``MONTH D, YYYY``, ``D MON YYYY``.
      An impossible date (``13/45/2030``) gives None.  Day/month are never
      swapped.
    * ``code``: the non-date value, normalised: ``OADR``, ``X1``..``X8``,
      ``1.6X1`` (also ``(1.6X1)``, ``1.6 X1``), ``25X1``, ``N/A`` (also
      ``NA``, ``N.A.``, ``N/ A``), ``GDS``, ``NGDS``, ``XGDS``/``XGDS-N``,
      ``DNG`` (downgrade; the date, if any, is the downgrade date),
      ``DECLASSIFIED`` (``DECLASSIFIED BY NARA 09/02/2009``,
      ``AS AMENDED; DECLASSIFIED JUNE 21, 2006``: the cable *was*
      declassified; ``date`` is that day).  Date and code can both be set
      (``GDS 12/31/84``, ``DECLASSIFIED`` + date).  Any other text after
      ``DECL:`` with no date (``TEN YEARS AFTER KOREAN UNIFICATION``) is kept
      as written in ``code`` (words only: ``DECL I2/20/09``, a mistyped
      date, gives neither date nor code).  Text from a glued ``TAGS`` onwards is ignored.
    * ``raw``: the input stripped (None if empty).

``parse_tags(raw) -> list[str]``
    ``raw`` is the text after the ``TAGS:`` marker.

    * Separators are commas/semicolons, or spaces when there is no comma.  An
      item of a comma list made only of code-like words (2-6 upper-case
      letters/digits) is split on spaces too (``GM ELAB`` -> ``GM``, ``ELAB``);
      other items are kept as written (``Press Summaries``, ``USEU BRUSSELS``).
    * An all-lower-case block (sentence-cased copy) is upper-cased; in a mixed
      block a lower-case word that is a known TAGS code is upper-cased, other
      free text is kept as written.
    * Person tags come out as one item ``SURNAME, GIVEN``: ``(KALOUDIS, NICK)``
      -> ``KALOUDIS, NICK``; ``ovip (steinberg, james b.)`` -> ``OVIP``,
      ``STEINBERG, JAMES B.``; in a comma list, two adjacent upper-case items
      that are not known codes, one of them longer than 5 letters, are joined
      (``CLINTON, HILLARY``).  Space-separated names (``OVIP RICE CONDOLEEZZA``)
      cannot be told from codes and stay separate words.
    * PlusD's ``CODE - Meaning | SURNAME, GIVEN`` lists give the codes and names.
    * ``XTAGS`` values lose the ``XTAG`` prefix (``XTAGPREL`` -> ``PREL``).
    * Junk is dropped: a glued ``SUBJECT:`` and all after it, a leading
      ``TAGS:`` marker, page-break lines (``CONFIDENTIAL PAGE 02 LIMA 02475 01
      OF 03 251228Z``, ``PORT LOUIS 00000752 001.2 OF 003``), classification
      banners, cable ids (``08MADRID174``), stray punctuation.
    * Duplicates are dropped (first occurrence kept, order as written).
"""

from __future__ import annotations

import datetime as _dt
import re

from .. import patterns
from ..data import tag_codes
from ..model import ClassifiedBy, Declassification

__all__ = ["parse_classified_by", "parse_declassification", "parse_tags"]


# --------------------------------------------------------------------------
# shared helpers

def _squash(text: str) -> str:
    """Collapse every run of whitespace to one space (linear)."""
    return " ".join(text.split())


def _known_tags() -> frozenset[str]:
    try:
        return tag_codes()
    except Exception:  # package data missing or unreadable: parse without it
        return frozenset()


# --------------------------------------------------------------------------
# CLASSIFIED BY

# The section of the reason: 1.4 / 1.5 / 1.6, also "1 .4", "1. 4", "1/4".
# (The look-behind "no digit or dot before the 1" is written after the 1 so
# that the pattern opens with a literal, which the engine scans for fast.)
_SECTION = patterns.compile(r"1(?<![\d.]1) ?[./] ?([4-6])(?![\d/])(?!\.\d)")
# "reasons", also broken by a wrap ("reaso ns") or typed with a zero ("REAS0N")
_SECTION_X = patterns.compile(r"(?i) ?X ?([1-9])\b")
_REASON_WORD = patterns.compile(r"(?i)\bre ?a ?s ?[o0] ?n ?s?\b|\bE\.? ?O\.? ?1\d{4}\b")
_LEAD_JUNK = patterns.compile(r"(?i)^(?:[\s:;,.\-]|\([a-z/]{1,6}\)|classified\s+by\b)+")
_TOKEN = patterns.compile(r"[A-Za-z]+|\S")
# Words dropped from the end of the name/title part ("... for reasons").
_TRAIL_WORDS = frozenset(
    "for per under section sections reason reasons reasoning e.o. eo e.o 12958 by is and".split()
)

# Role vocabulary, lower case, without trailing dots.
_ROLE_WORDS = frozenset(
    """
    ambassador ambassador-designate amb ambassadors acting a.i a.i. ai actg
    deputy chief chiefs of the mission dcm a/dcm cda charge chargé charges
    d'affaires d’affaires daffaires affaires d' political politcal pol econ
    economic economics counselor counsellor counselors couns coun polcouns
    polcoun poloff polmil pol-mil pol/mil pol-econ polecon econpol econoff
    econcouns mincouns polmincouns polmincoun minister minister-counselor mc
    m-c officer officers principal consul consul-general general cg congen
    section head director directors das dasd assistant secretary under
    undersecretary senior adviser advisor special envoy coordinator
    representative permanent rep perm alternate office executive vice staff
    ops inr isn eur nea sca wha eap io pm dos irpo usun usnato useu usoas
    embassy consulate post labor labour environment science technology
    health hub team leader prt provincial reconstruction unit division
    bureau branch attache attaché defense defence public affairs pao
    management commercial agricultural legal rso regional security
    department state military mil liaison counsel dir dep deputies interim
    ad chg polchief econchief pe p/e political/economic economic/political
    pol/econ econ/pol politico-military internal external multilateral
    affair charg charge' charged'affaires cons consular polofficer
    polcounselor econcounselor poloffs datt dao col colonel ltc lt maj gen
    capt cdr admiral rear com coms interagency usaid country director's
    pol-econ-chief pol-econ polec poleconcouns econ-pol ecopol ecpol deputy
    s/es a/s u/s dcm/cda chief-of-mission
    ambasador ambassdor ambassaor amabassador ambasssador
    """.split()
)
_NAME_PARTICLES = frozenset(
    "van von de del della der den da das di du la le al el bin ibn ter y st. st".split()
)
_NAME_SUFFIX = patterns.compile(r"(?i)^(?:jr|sr|ii|iii|iv|v)\.?,?$")
_INITIALS = patterns.compile(r"^(?:[A-Z]\.){1,3}$|^[A-Z]$")
_WORDLIKE = patterns.compile(r"^[A-Za-z][A-Za-z0'’`\-.]*$")


_DOTTED_INITIALS = patterns.compile(r"^(?:[A-Z]\.)+[A-Z]?$")
_SEGMENT_SEPARATORS = patterns.compile(r"[,;]")


def _all_caps(tok: str) -> bool:
    """At least two letters, all upper-case."""
    if tok.isascii():  # (in ASCII, upper() changes exactly the lower-case letters)
        return tok.upper() == tok and sum(1 for c in tok if c.isalpha()) >= 2
    letters = [c for c in tok if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _has_upper(text: str) -> bool:
    """Is any character upper-case?"""
    if text.isascii():  # (in ASCII, lower() changes exactly the upper-case letters)
        return text.lower() != text
    return any(c.isupper() for c in text)


def _has_lower(text: str) -> bool:
    """Is any character lower-case?"""
    if text.isascii():  # (in ASCII, upper() changes exactly the lower-case letters)
        return text.upper() != text
    return any(c.islower() for c in text)


def _is_suffix(tok: str) -> bool:
    """``Jr.``, ``III,``: a name suffix (every match is at most 5 characters)."""
    return len(tok) <= 5 and _NAME_SUFFIX.match(tok) is not None


def _is_initials(core: str) -> bool:
    """``J``, ``J.``, ``J.Q.``, ``J.Q``: up to three initials."""
    # Every match opens with an ASCII capital followed by a dot (or nothing):
    # that cheap test first.  The dot is added so that a missing final dot
    # still matches, and a word already ending in its dot gets it back (so
    # _INITIALS.match(core) would add nothing).
    if not ("A" <= core[0] <= "Z" and core[1:2] in ("", ".")):
        return False
    return _INITIALS.match(core.rstrip(".") + ".") is not None


def _is_role(tok: str, mixed: bool) -> bool:
    if "/" in tok:
        return True
    low = tok.lower().rstrip(".,:;").replace("0", "o")
    if low in _ROLE_WORDS:
        return True
    # In mixed-case text an ALL-CAPS word (not an initial) is an acronym of
    # an office: USEU, POL, M-C.  (Initials with two letters or more always
    # hold a dot after the first, and _DOTTED_INITIALS covers _INITIALS then.)
    if mixed and _all_caps(tok) and not _is_suffix(tok):
        if not (tok[1:2] == "." and _DOTTED_INITIALS.match(tok)):
            return True
    return False


def _is_name_token(tok: str, mixed: bool) -> bool:
    if _is_role(tok, mixed):
        return False
    core = tok.rstrip(",;:")
    if not core:
        return False
    if _is_suffix(core) or _is_initials(core):
        return True
    if core.lower() in _NAME_PARTICLES:
        return True
    if not _WORDLIKE.match(core):
        return False
    if mixed:
        return core[0].isupper() or core[0] == "X"
    return True


def _split_name(segment: str, mixed: bool) -> tuple[str | None, str | None]:
    """Split ``Acting Political Counselor Jane Q. Doe`` into (title, name)."""
    toks = segment.split()
    i = len(toks)
    while i > 0 and _is_name_token(toks[i - 1], mixed):
        i -= 1
    name_toks = toks[i:]
    # initials, suffixes or particles alone do not make a name
    has_word = any(
        sum(map(str.isalpha, t)) >= 2 and not _is_suffix(t) and t.lower() not in _NAME_PARTICLES
        for t in name_toks
    )
    if not has_word:
        i = len(toks)
        name_toks = []
    title = " ".join(toks[:i]).strip(" ,;:") or None
    name = " ".join(name_toks).strip(" ,;:") or None
    return title, name


def _trim_dot(text: str) -> str:
    """Drop a sentence-final dot, not an abbreviation's (``a.i.``, ``U.S.``)."""
    text = text.strip(" :")
    last = text.split(" ")[-1] if text else ""
    if last.endswith(".") and last.count(".") == 1:
        text = text[:-1]
    return text.strip(" :")


def _strip_trailing_words(text: str) -> str:
    toks = text.split()
    while toks:
        low = toks[-1].lower().strip(",;:.()-")
        if low in _TRAIL_WORDS or low == "":
            toks.pop()
            continue
        if len(toks) >= 2 and (toks[-2] + toks[-1]).lower().strip(",;:.") in _TRAIL_WORDS:
            toks.pop()  # a word broken by the wrap: "FO R"
            toks.pop()
            continue
        break
    return " ".join(toks).strip(" ,;:-")


def _parse_reasons(text: str, start: int) -> list[str]:
    """Collect ``1.4(b)`` items from the first section number at ``start``."""
    reasons: list[str] = []
    pos = start
    for _ in range(8):  # a real block names one or two sections
        m = _SECTION.search(text, pos)
        if m is None:
            break
        if reasons and text[pos:m.start()].strip(" ,;&.:") .lower() not in ("", "and", "e.o. 12958", "eo 12958"):
            break
        section = "1." + m.group(1)
        letters: list[str] = []
        end = m.end()
        x = _SECTION_X.match(text, m.end())
        if x:
            # "REASON 1.6X1": an exemption code, not a letter list
            item = f"{section}X{x.group(1)}"
            if item not in reasons:
                reasons.append(item)
            pos = x.end()
            continue
        toks = list(_TOKEN.finditer(text, m.end(), min(len(text), m.end() + 80)))
        k = 0
        while k < len(toks):
            t = toks[k].group(0)
            low = t.lower()
            if len(t) == 1 and low in "abcdefgh" and t.isalpha():
                letters.append(low)
                end = toks[k].end()
            elif low in ("and", "or") or t in "(),/&.;:-":
                if t == ")":
                    end = toks[k].end()
                if t == "." and k + 1 < len(toks) and not (
                    toks[k + 1].group(0) in "(" or toks[k + 1].group(0).lower() in "abcdefgh"
                ):
                    break
            elif low == "an" and k + 1 < len(toks) and toks[k + 1].group(0).lower() == "d":
                # "(b) an d (d)" / "B AN D D": a word broken by the wrap.
                k += 1
                if k + 1 < len(toks) and toks[k + 1].group(0).lower() in "abcdefgh(":
                    pass
                else:
                    letters.append("d")
            elif len(t) > 1 and t.isalpha() and len(t) <= 4 and all(c in "abcdefgh" for c in low) and not letters:
                # "1.4bd" is not seen; "1.4 (bd)" is: take the letters.
                letters.extend(low)
                end = toks[k].end()
            else:
                break
            k += 1
        if letters:
            for letter in letters:
                item = f"{section}({letter})"
                if item not in reasons:
                    reasons.append(item)
        elif section not in reasons:
            reasons.append(section)
        pos = end if end > m.end() else m.end()
    return reasons


def parse_classified_by(raw: str) -> ClassifiedBy:
    """Name, title and reasons of a ``Classified By:`` block; never raises."""
    if not isinstance(raw, str):
        return ClassifiedBy()
    stripped = raw.strip()
    result = ClassifiedBy(raw=stripped or None)
    text = _squash(stripped)
    # skip "(U)", ":", a repeated "Classified by" marker
    lead = _LEAD_JUNK.match(text)
    if lead:
        text = text[lead.end():]
    if not text:
        return result

    sec = _SECTION.search(text)
    word = _REASON_WORD.search(text)
    cut = len(text)
    if word is not None:
        cut = word.start()
    if sec is not None and sec.start() < cut:
        cut = sec.start()
    result.reasons = _parse_reasons(text, word.start() if word is not None and (sec is None or word.start() < sec.start()) else (sec.start() if sec else len(text)))

    head = _strip_trailing_words(text[:cut])
    # "Amb John Smith under Section", "Ambassador X; E.O. ..."
    if not head:
        return result
    segments = [s.strip() for s in _SEGMENT_SEPARATORS.split(head) if s.strip()]
    # "Robert O. Blake, Jr." - a suffix belongs to the name before it.
    merged: list[str] = []
    for seg in segments:
        if merged and _is_suffix(seg):
            merged[-1] = merged[-1] + ", " + seg
        else:
            merged.append(seg)
    segments = merged
    if not segments:
        return result

    titles: list[str] = []
    name: str | None = None
    for idx, seg in enumerate(segments):
        # case is judged per segment: "ROBERT A. POLLARD, Minister-Counselor"
        title, person = _split_name(seg, _has_lower(seg))
        if person is None:
            titles.append(_trim_dot(seg))
            continue
        name = person
        if title:
            titles.append(title)
        after = [t for t in map(_trim_dot, segments[idx + 1:]) if t]
        if not titles and after:
            titles = after
        break
    name = name.rstrip(" .,;:") if name else None
    if name and name.endswith((" Jr", " JR", " Sr", " SR")):
        name += "."
    # keep an initial's dot ("Richard E. Hoagland"); a trailing "Jr." too
    title = ", ".join(t for t in titles if t) or None
    result.name = name
    result.title = title
    return result


# --------------------------------------------------------------------------
# E.O. / declassification

_ORDER = patterns.compile(r"(?i)(?:\bE\.? ?O\.? ?:? ?|\bDECL: ?)(1\d{4})\b")
_TAGS_GLUE = patterns.compile(r"(?i)tags?:|\btags\b|subject:")
_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
            ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
            ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"), ("dec", "december"),
        ]
    )
    for m in names
}
_DATE_MDY = patterns.compile(r"(?<![\w/.\-])(\d{1,2}) ?([/\-.]) ?(\d{1,2}) ?\2 ?(\d{4}|\d{2})(?![\d/])")
_DATE_YMD = patterns.compile(r"(?<![\d/])(\d{4})([/\-.])(\d{1,2})\2(\d{1,2})(?!\d)")
_DATE_MONTH_FIRST = patterns.compile(r"(?i)\b([a-z]{3,9})\.? (\d{1,2}),? (\d{4})\b")
_DATE_DAY_FIRST = patterns.compile(r"(?i)\b(\d{1,2}) ([a-z]{3,9})\.?,? (\d{4})\b")
_CODE_16X = patterns.compile(r"(?i)\b1 ?\. ?6 ?\.? ?X ?\.? ?([1-8])\b")
_CODE_25X = patterns.compile(r"(?i)\b(25|50|75) ?X ?([1-9])\b")
_CODE_X = patterns.compile(r"(?i)(?<![\w.])X ?([1-8])\b")
# Each code word with a piece of it that every match holds, upper-cased and
# free of s, i and k (the letters other characters also match under re.I):
# the case-blind search runs only when the upper-cased text holds the piece.
_CODE_WORDS = [
    (patterns.compile(r"(?i)\bdeclassified\b"), "DECLASSIFIED", "DECLA"),
    (patterns.compile(r"(?i)\bOADR\b"), "OADR", "OADR"),
    (patterns.compile(r"(?i)\bXGDS(?: ?- ?([1-4]))?"), "XGDS", "XGD"),
    (patterns.compile(r"(?i)\bNGDS\b"), "NGDS", "NGD"),
    (patterns.compile(r"(?i)\bGDS\b"), "GDS", "GD"),
    (patterns.compile(r"(?i)\bDNG\b"), "DNG", "DNG"),
    (patterns.compile(r"(?i)(?<![a-z])N ?[/.] ?A\b\.?|\bNA\b"), "N/A", "N"),
]
_DECL_MARK = patterns.compile(r"(?i)\bdecl(?:assify(?: on)?)?\b\.? ?[:/]? ?|\bdec ?:")


def _year(text: str) -> int:
    y = int(text)
    if len(text) == 2:
        y += 2000 if y < 50 else 1900
    return y


def _iso(y: int, m: int, d: int) -> str | None:
    try:
        return _dt.date(y, m, d).isoformat()
    except (ValueError, OverflowError):
        return None


_DIGIT = patterns.compile(r"\d")


def _month_date(pattern: re.Pattern[str], text: str, word_group: int) -> tuple[re.Match[str] | None, int]:
    """The first match of ``pattern`` whose word ``word_group`` is a month, and the month's number."""
    m = pattern.search(text)  # (a search, cheaper than finditer: most texts hold no match)
    while m is not None:
        month = _MONTHS.get(m.group(word_group).lower())
        if month:
            return m, month
        m = pattern.search(text, m.end())  # (matches are never empty: as finditer goes on)
    return None, 0


def _find_date(text: str) -> tuple[str | None, int, int]:
    """(iso date or None, start, end) of the first date-looking thing."""
    if _DIGIT.search(text) is None:  # every date form has digits (half the lines: DECL: OADR, N/A)
        return None, -1, -1
    found: list[tuple[int, int, str | None]] = []
    m = _DATE_YMD.search(text)
    if m:
        found.append((m.start(), m.end(), _iso(int(m.group(1)), int(m.group(3)), int(m.group(4)))))
    m = _DATE_MDY.search(text)
    if m:
        found.append((m.start(), m.end(), _iso(_year(m.group(4)), int(m.group(1)), int(m.group(3)))))
    m, month = _month_date(_DATE_MONTH_FIRST, text, 1)
    if m:
        found.append((m.start(), m.end(), _iso(int(m.group(3)), month, int(m.group(2)))))
    m, month = _month_date(_DATE_DAY_FIRST, text, 2)
    if m:
        found.append((m.start(), m.end(), _iso(int(m.group(3)), month, int(m.group(1)))))
    if not found:
        return None, -1, -1
    start, end, iso = min(found, key=lambda f: f[0])
    return iso, start, end


_AS_AMENDED = patterns.compile(r"(?i)\(?\bas amended\b\)?;?")


def parse_declassification(raw: str) -> Declassification:
    """Order, date and code of an ``E.O. 12958: DECL: ...`` line; never raises."""
    if not isinstance(raw, str):
        return Declassification()
    stripped = raw.strip()
    result = Declassification(raw=stripped or None)
    text = _squash(stripped)
    upper = text.upper()  # (for the tests that spare a case-blind search, as in _CODE_WORDS)
    glue = _TAGS_GLUE.search(text) if "TAG" in upper or "UBJECT:" in upper else None
    if glue:
        text = text[:glue.start()]
    rest = text
    m = _ORDER.search(text)
    if m:
        result.order = f"E.O. {m.group(1)}"
        rest = text[m.end():]
    if "AMENDED" in upper:
        rest = _AS_AMENDED.sub(" ", rest)

    date, d_start, d_end = _find_date(rest)
    result.date = date
    # what is left once the date is out
    left = (rest[:d_start] + " " + rest[d_end:]) if d_start >= 0 else rest

    code = None
    left_upper = left.upper()
    has_x = "X" in left_upper  # the 1.6X, 25X and X codes
    m16 = _CODE_16X.search(left) if has_x else None
    m25 = _CODE_25X.search(left) if has_x else None
    if m16:
        code = f"1.6X{m16.group(1)}"
    elif m25:
        code = f"{m25.group(1)}X{m25.group(2)}"
    else:
        for pattern, name, piece in _CODE_WORDS:
            cm = pattern.search(left) if piece in left_upper else None
            if cm:
                code = name
                if name == "XGDS" and cm.group(1):
                    code = f"XGDS-{cm.group(1)}"
                break
        if code is None:
            mx = _CODE_X.search(left) if has_x else None
            if mx:
                code = f"X{mx.group(1)}"
    if code is None and date is None and d_start < 0:
        # free text after "DECL:" ("TEN YEARS AFTER KOREAN UNIFICATION")
        dm = _DECL_MARK.search(left)
        if dm:
            free = left[dm.end():].strip(" :;,.()")
            # words only: "I2/20/09" (a mistyped date) is not a code
            if free and len(free) <= 80 and not any(c.isdigit() for c in free) and any(c.isalpha() for c in free):
                code = free
    result.code = code
    return result


# --------------------------------------------------------------------------
# TAGS

_SUBJECT_GLUE = patterns.compile(r"(?i)subj(?:ect)?\s?:")
_LEAD_MARK = patterns.compile(r"(?i)^\s*x?tags?\b\s*[:;]?")
_XTAG = patterns.compile(r"\bXTAG(?=[A-Za-z])")
_CABLE_ID = patterns.compile(r"^\d{2}[A-Z]{3,}\d+$")
_DTG = patterns.compile(r"^\d{6}Z$")
_PAGE_NO = patterns.compile(r"^0{2,}\d+$")
_CODEISH = patterns.compile(r"^[A-Z][A-Z0-9]{1,5}$")
_BANNERS = frozenset(
    "UNCLASSIFIED CONFIDENTIAL SECRET NOFORN SBU LIMITED OFFICIAL USE FOUO".split()
)
_PERSON_PART = patterns.compile(r"^[A-Za-z][A-Za-z'\-]*\.?(?: [A-Za-z][A-Za-z'\-]*\.?){0,3}$")


def _drop_junk(words: list[str], known: frozenset[str]) -> list[str]:
    """Remove page-break headers, banners and cable ids from a word list."""
    out: list[str] = []
    i = 0
    n = len(words)
    while i < n:
        w = words[i]
        bare = w.strip(",;")
        if bare == "PAGE" and i + 1 < n and words[i + 1].strip(",").isdigit():
            # PAGE 02 LIMA 02475 01 OF 03 251228Z: up to the DTG (bounded)
            j = i + 1
            while j < n and j < i + 12 and not _DTG.match(words[j].strip(",")):
                j += 1
            i = j + 1 if j < n and j < i + 12 else i + 2
            continue
        # (_PAGE_NO, _CABLE_ID and _DTG all open with a digit; isdigit says
        # yes to every \d)
        digit = bare[:1].isdigit()
        if digit and _PAGE_NO.match(bare) and i + 2 < n and words[i + 2].strip(",") == "OF":
            # PORT LOUIS 00000752 001.2 OF 003: drop the station words too
            k = 0
            while out and k < 3 and out[-1].isalpha() and out[-1] not in known and out[-1].isupper():
                out.pop()
                k += 1
            i += 4
            continue
        if bare in _BANNERS or digit and (_CABLE_ID.match(bare) or _DTG.match(bare)) or bare in ("C", "O", "N", "F", "I", "D", "E", "T", "A", "L") and i + 1 < n and len(words[i + 1].strip(",")) == 1:
            i += 1
            continue
        out.append(w)
        i += 1
    return out


_TOP_SEPARATORS = patterns.compile(r"[,;|]")


def _split_top(text: str) -> list[str]:
    """Split on commas/semicolons/pipes outside parentheses (linear)."""
    if "(" not in text:  # the depth below never leaves 0: split at every separator
        return [i.strip() for i in _TOP_SEPARATORS.split(text) if i.strip()]
    items: list[str] = []
    depth = 0
    buf: list[str] = []
    for ch in text:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        if depth == 0 and ch in ",;|":
            items.append("".join(buf))
            buf = []
        else:
            buf.append(ch)
    items.append("".join(buf))
    return [i.strip() for i in items if i.strip()]


_TAG_SEPARATORS = patterns.compile(r"[\s,]+")


def _simple_tags(raw: str) -> list[str] | None:
    """The common cases, fast: every word a known code (``PGOV, PREL, KZ``),
    or a code-like word that the full rules below keep as it is (``PINT, UR``).
    None sends anything else through the full rules."""
    unique = dict.fromkeys(_TAG_SEPARATORS.split(raw.strip(" ,")))  # in order, once each
    known = _known_tags()
    if unique.keys() <= known:
        return list(unique)
    # (a leading TAG/TAGS is the marker, which the full rules drop)
    if all(_kept_as_is(word, known) for word in unique) and next(iter(unique)) not in ("TAG", "TAGS"):
        return list(unique)
    return None


def _kept_as_is(word: str, known: frozenset[str]) -> bool:
    """Is ``word``, in a list of code-like words only, kept as it is by the full rules?

    A code-like word (2-6 upper-case letters or digits, a letter first) holds no
    separator, punctuation or lower case, so it is neither split, trimmed nor
    upper-cased.  Of the junk rules only the banner one applies to it (page
    marks, cable ids and DTGs open with a digit; the spaced-out banner is single
    letters).  The ``XTAG`` prefix is removed by the full rules, so it is left
    to them; and a joined person name needs a word of more than 5 letters that
    is not a known code.
    """
    return (
        _CODEISH.match(word) is not None
        and word not in _BANNERS
        and not word.startswith("XTAG")
        and (len(word) <= 5 or word in known)
    )


def parse_tags(raw: str) -> list[str]:
    """The TAGS of a cable as a list of strings; never raises."""
    if not isinstance(raw, str):
        return []
    simple = _simple_tags(raw)
    if simple is not None:
        return simple
    text = _squash(raw)
    # (every match of _SUBJECT_GLUE holds "UBJ" once upper-cased, as in _CODE_WORDS)
    glue = _SUBJECT_GLUE.search(text) if "UBJ" in text.upper() else None
    if glue:
        text = text[:glue.start()]
    mark = _LEAD_MARK.match(text)
    if mark:
        text = text[mark.end():]
    if "XTAG" in text:  # (what _XTAG removes)
        text = _XTAG.sub("", text)
    text = text.strip(" :;,.")
    if not text:
        return []
    known = _known_tags()
    lower_only = not _has_upper(text)
    if lower_only:
        text = text.upper()

    out: list[str] = []

    def add(tag: str, person: bool = False) -> None:
        tag = tag.strip(" ,;:-") if person else tag.strip(" ,;:.-")
        if not tag or not (tag.isalnum() or any(c.isalnum() for c in tag)):
            return
        if not person and tag.isalpha() and len(tag) <= 5 and tag.upper() in known:
            tag = tag.upper()  # "prel", "Parm" in a mixed-case block
        if tag not in out:
            out.append(tag)

    pipe = "|" in text
    listed = "," in text or ";" in text or pipe
    if pipe:
        # PlusD: "AMBATIELOS, ANTHONY | GR - Greece; Crete | PINS - ..."
        items = [i.strip() for i in text.split("|") if i.strip()]
    else:
        items = _split_top(text) if listed else [text]

    pending: list[str] = []  # items after person-tag handling
    for item in items:
        if pipe:
            # "GR - Greece; Crete": the code is before the dash; a person
            # ("KALOUDIS, NICK") is kept whole
            code = item.split(" - ", 1)[0].strip() if " - " in item else item
            pending.append(("\x00" + code) if "," in code else code)
            continue
        # parenthesised person: "OVIP (CLINTON, HILLARY)", "(KALOUDIS, NICK)"
        pos = 0
        while True:
            a = item.find("(", pos)
            b = item.find(")", a + 1) if a >= 0 else -1
            if a < 0 or b < 0:
                break
            before, inner = item[pos:a].strip(), item[a + 1:b].strip()
            pos = b + 1
            if before:
                pending.append(before)
            if "," in inner:
                inner = ", ".join(p.strip() for p in inner.split(",") if p.strip())
                pending.append("\x00" + inner)  # mark: keep whole
            elif inner:
                pending.append(inner)
        rest = item[pos:].replace("(", " ").strip()
        if rest:
            pending.append(rest)

    # join unparenthesised "CLINTON, HILLARY" pairs in comma lists
    joined: list[str] = []
    i = 0
    while i < len(pending):
        a = pending[i]
        if i + 1 < len(pending) and not pipe:
            b = pending[i + 1]
            if (  # (most items are known codes: that test first)
                len(a) >= 4 and a not in known and a.isalpha() and a.isupper()
                and not a.startswith("\x00") and not b.startswith("\x00")
                and _PERSON_PART.match(b) and b.replace(" ", "").replace(".", "").isupper()
                and b.split()[0] not in known and len(b.split()[0].rstrip(".")) >= 3
                and len(b.split()) <= 3
                and (len(a) > 5 or len(b.split()[0]) > 5)
            ):
                joined.append("\x00" + a + ", " + b)
                i += 2
                continue
        joined.append(a)
        i += 1

    for item in joined:
        if item.startswith("\x00"):
            add(item[1:], person=True)
            continue
        words = _drop_junk(item.split(), known)
        if not words:
            continue
        if (
            not listed
            or len(words) == 1
            or all(_CODEISH.match(w.strip(",;.")) for w in words)
            or 2 * sum(1 for w in words if w.strip(",;.") in known) > len(words)
        ):
            for w in words:
                add(w)
        else:
            add(" ".join(words))
    return out

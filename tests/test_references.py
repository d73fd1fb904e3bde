"""REF blocks (cable_cli.parser.references).

Every block below is copied from a real cable of /work/shared/corpus; the
test id names the cable.  Expected values were read off the cable text.
"""

from __future__ import annotations

import pytest

from cable_cli.model import REFERENCE_KINDS
from cable_cli.parser.references import REF_MARKER, find_ref_blocks, parse_references


def refs(block: str, year: int, own_id: str | None = None) -> list[tuple[str | None, str | None, str]]:
    out = parse_references(block, year=year, own_id=own_id)
    assert all(r.kind in REFERENCE_KINDS for r in out)
    return [(r.label, r.id, r.kind) for r in out]


def ids(block: str, year: int, own_id: str | None = None) -> list[str | None]:
    return [r.id for r in parse_references(block, year=year, own_id=own_id)]


# html/avilaroman-wikileaks-mirror/06NEWDELHI2587.html: 22 refs, 2- and no-year forms.
NEWDELHI2587 = (
    "A. NEW DELHI 2446  B. NEW DELHI 2361  C. NEW DELHI 2291  D. NEW DELHI 2229  "
    "E. NEW DELHI 2119  F. NEW DELHI 1632  G. NEW DELHI 1611  H. NEW DELHI 1318  "
    "I. NEW DELHI 93  J. 05 CHENNAI 2901  K. 05 NEW DELHI 9421  L. 05 NEW DELHI 9249  "
    "M. 05 NEW DELHI 8782  N. 05 NEW DELHI 8436  O. 05 NEW DELHI 7725  P. 05 NEW DELHI 6596  "
    "Q. 05 NEW DELHI 5165  R. 05 MUMBAI 1688  S. 05 NEW DELHI 3647  T. 04 NEW DELHI 878  "
    "U. 04 NEW DELHI 877  V. 04 NEW DELHI 876"
)


def test_06NEWDELHI2587_twenty_two_labelled_refs():
    out = parse_references(NEWDELHI2587, year=2006, own_id="06NEWDELHI2587")
    assert len(out) == 22
    assert [r.label for r in out] == list("ABCDEFGHIJKLMNOPQRSTUV")
    assert all(r.kind == "cable" for r in out)
    assert out[0].id == "06NEWDELHI2446" and out[0].text == "NEW DELHI 2446"
    assert out[8].id == "06NEWDELHI93"
    assert out[9].id == "05CHENNAI2901" and out[9].text == "05 CHENNAI 2901"
    assert out[17].id == "05MUMBAI1688"
    assert out[21].id == "04NEWDELHI876"


# html/avilaroman-wikileaks-mirror/08STATE15220.html: sentence-cased body,
# lower-case labels, a ``¶B.`` anchor residue and a non-cable item.
STATE15220 = (
    "a. 05 state 201650\n\n¶B. 05 berlin 3726\nc. 05 state 211408\nd. 05 berlin 3954\n"
    "e. 06 state 36325\nf. 06 berlin 674\ng. 06 state 62278\nh. 06 berlin 1123\n"
    "i. 06 state 70328\nj. 06 berlin 1229\nk. 06 berlin 1550\n"
    "l. Mtcr poc 201/2006 - may 16 2006\nm. 07 state 75839\nn. 07 berlin 1137\n"
    "o. 07 state 108420\np. 07 berlin 002163\nq. 07 state 166482\nr. 07 berlin 2216"
)


def test_08STATE15220_lower_case_and_paragraph_anchor():
    out = parse_references(STATE15220, year=2008, own_id="08STATE15220")
    assert [r.label for r in out] == list("ABCDEFGHIJKLMNOPQR")
    assert (out[0].id, out[0].text) == ("05STATE201650", "05 state 201650")
    assert (out[1].label, out[1].id, out[1].text) == ("B", "05BERLIN3726", "05 berlin 3726")
    assert (out[11].kind, out[11].id, out[11].text) == ("other", None, "Mtcr poc 201/2006 - may 16 2006")
    assert out[15].id == "07BERLIN2163"  # ``002163``: leading zeros dropped
    assert sum(r.kind == "cable" for r in out) == 17


def test_72TEHRAN1164_unlabelled_colon_separated():
    # csv: REF: TEHRAN 1091: TEHRAN 263: MOSCOW 1603
    out = parse_references("TEHRAN 1091: TEHRAN 263: MOSCOW 1603", year=1972, own_id="72TEHRAN1164")
    assert [(r.label, r.text, r.id) for r in out] == [
        (None, "TEHRAN 1091", "72TEHRAN1091"),
        (None, "TEHRAN 263", "72TEHRAN263"),
        (None, "MOSCOW 1603", "72MOSCOW1603"),
    ]


def test_66BUENOSAIRES2481_semicolon_cable_then_other():
    out = parse_references("STATE 106206 CIRCULAR; STATE CA-3400 NOV 2, 1966", year=1966, own_id="66BUENOSAIRES2481")
    assert [(r.label, r.text, r.id, r.kind) for r in out] == [
        (None, "STATE 106206 CIRCULAR", "66STATE106206", "cable"),
        (None, "STATE CA-3400 NOV 2, 1966", None, "other"),
    ]


def test_72TEHRAN4789_airgram_is_other():
    out = parse_references("TEHRAN'S A-077 OF MAY 15, 1972: TEHRAN 3312", year=1972, own_id="72TEHRAN4789")
    assert [(r.text, r.id, r.kind) for r in out] == [
        ("TEHRAN'S A-077 OF MAY 15, 1972", None, "other"),
        ("TEHRAN 3312", "72TEHRAN3312", "cable"),
    ]


def test_05CALCUTTA7_comma_separated_alias_and_leading_zeros():
    out = parse_references("04 CAL 450, 04 CAL 0143, 01 CAL  0156", year=2005, own_id="05CALCUTTA7")
    assert [(r.label, r.text, r.id) for r in out] == [
        (None, "04 CAL 450", "04CALCUTTA450"),
        (None, "04 CAL 0143", "04CALCUTTA143"),
        (None, "01 CAL 0156", "01CALCUTTA156"),
    ]


def test_89LAGOS5283_parenthesised_labels_four_digit_year():
    block = "(A) 1988 LAGOS 17683, (B) LAGOS 4990, \n(C) LAGOS 5179, (D) LAGOS 5220 "
    assert refs(block, 1989, "89LAGOS5283") == [
        ("A", "88LAGOS17683", "cable"),
        ("B", "89LAGOS4990", "cable"),
        ("C", "89LAGOS5179", "cable"),
        ("D", "89LAGOS5220", "cable"),
    ]


def test_85ALEXANDRIA817_telegram_filler_dashes():
    block = "(A)  ALEXANDRIA 435 \n-      (B)  ALEXANDRIA 535 \n-      (C)  ALEXANDRIA 771 "
    assert ids(block, 1985, "85ALEXANDRIA817") == ["85ALEXANDRIA435", "85ALEXANDRIA535", "85ALEXANDRIA771"]


def test_04CHENNAI294_paren_labels_glued_to_year():
    block = "A)03 CHENNAI 1441 \n      B)03 CHENNAI 304 \n      C)03 CHENNAI 1036 "
    out = parse_references(block, year=2004, own_id="04CHENNAI294")
    assert [(r.label, r.text, r.id) for r in out] == [
        ("A", "03 CHENNAI 1441", "03CHENNAI1441"),
        ("B", "03 CHENNAI 304", "03CHENNAI304"),
        ("C", "03 CHENNAI 1036", "03CHENNAI1036"),
    ]


def test_03ISTANBUL91_doubled_labels():
    block = (
        "A. A) 2002 THESSALONIKI 185 \n     B. B) 2002 ISTANBUL 761 \n"
        "     C. C) 2002 THESSALONIKI 62 \n     D. D) 2002 ATHENS 613 "
    )
    out = parse_references(block, year=2003, own_id="03ISTANBUL91")
    assert [(r.label, r.text, r.id) for r in out] == [
        ("A", "2002 THESSALONIKI 185", "02THESSALONIKI185"),
        ("B", "2002 ISTANBUL 761", "02ISTANBUL761"),
        ("C", "2002 THESSALONIKI 62", "02THESSALONIKI62"),
        ("D", "2002 ATHENS 613", "02ATHENS613"),
    ]


def test_95JERUSALEM2191_dot_paren_labels_wrapped_item():
    block = "A.) JERUSALEM 2175; B.) JERUSALEM 1350; C.) \nJERUSALEM 1357; D.) JERUSALEM 1855 "
    assert refs(block, 1995, "95JERUSALEM2191") == [
        ("A", "95JERUSALEM2175", "cable"),
        ("B", "95JERUSALEM1350", "cable"),
        ("C", "95JERUSALEM1357", "cable"),
        ("D", "95JERUSALEM1855", "cable"),
    ]


def test_03SANAA173_secstate_is_state():
    block = "A. 02 SECSTATE 240035 \n     B. SECSTATE 11620 "
    assert ids(block, 2003, "03SANAA173") == ["02STATE240035", "03STATE11620"]


def test_04RIODEJANEIRO1105_multi_word_station_mixed_case():
    block = "(A) Rio de Janeiro 00190  (B) Rio de Janeiro \n00723  (C) Brasilia 01392 "
    out = parse_references(block, year=2004, own_id="04RIODEJANEIRO1105")
    assert [(r.label, r.text, r.id) for r in out] == [
        ("A", "Rio de Janeiro 00190", "04RIODEJANEIRO190"),
        ("B", "Rio de Janeiro 00723", "04RIODEJANEIRO723"),
        ("C", "Brasilia 01392", "04BRASILIA1392"),
    ]


@pytest.mark.parametrize(
    ("cable", "block", "year", "expected"),
    [
        ("85BANDARSERIBEGAWAN1399", "BANDAR SERI BEGAWAN 1379", 1985, "85BANDARSERIBEGAWAN1379"),
        ("92USUNNEWYORK2987", "USUN 2977", 1992, "92USUNNEWYORK2977"),
        ("09UNVIEVIENNA536", "A. UNVIE 322", 2009, "09UNVIEVIENNA322"),
        ("10PRISTINA44", "B. 09 USNATO 409", 2010, "09USNATO409"),
        ("00HOCHIMINHCITY1176", "HCMC 1135", 2000, "00HOCHIMINHCITY1135"),
        ("91TELAVIV15380", "TEL AVIV 15327", 1991, "91TELAVIV15327"),
        ("09USNATO464", "C. TALLIN 309", 2009, "09TALLINN309"),
    ],
    ids=lambda v: v if isinstance(v, str) and v[:2].isdigit() and " " not in v else None,
)
def test_station_spellings_and_aliases(cable, block, year, expected):
    assert ids(block, year, cable) == [expected]


def test_09ISTANBUL440_exdis_and_wrapped_four_digit_years():
    # other/mongoexport-jsonl wikileaks-11-28-10.json (newlines flattened)
    block = (
        "(A) ANKARA 1516 (EXDIS) (B) ISTANBUL 421 (C)      ISTANBUL 290 (D) 2008 ISTANBUL 85 "
        "(E) 2008      ISTANBUL 146 (F) ISTANBUL 425 (G) ANKARA 1704  Classified By: ConGen "
        "Istanbul Deputy Principal Officer Win Dayton; Rea son 1.5 (d)."
    )
    out = parse_references(block, year=2009, own_id="09ISTANBUL440")
    assert [r.id for r in out] == [
        "09ANKARA1516",
        "09ISTANBUL421",
        "09ISTANBUL290",
        "08ISTANBUL85",
        "08ISTANBUL146",
        "09ISTANBUL425",
        "09ANKARA1704",
    ]
    assert out[0].text == "ANKARA 1516 (EXDIS)"
    assert out[6].text == "ANKARA 1704"  # the glued ``Classified By`` is not part of it


def test_89TAIPEI3647_notal():
    out = parse_references("TAIPEI 3626 (NOTAL)", year=1989, own_id="89TAIPEI3647")
    assert [(r.label, r.text, r.id, r.kind) for r in out] == [(None, "TAIPEI 3626 (NOTAL)", "89TAIPEI3626", "cable")]


def test_04WELLINGTON591_titles_in_parentheses():
    block = (
        "A. WELLINGTON 539 (NATS BACK AWAY FROM PRE-ELECTION\n        CHANGE)\n"
        "     B. WELLINGTON 89 (OPPOSITION BLASTS RACIAL POLICIES)\n"
        "     C. 03 WELLINGTON 713 (STILL STRUGGLING OVER\n     LEADERSHIP)"
    )
    out = parse_references(block, year=2004, own_id="04WELLINGTON591")
    assert [(r.label, r.id) for r in out] == [
        ("A", "04WELLINGTON539"),
        ("B", "04WELLINGTON89"),
        ("C", "03WELLINGTON713"),
    ]
    assert out[0].text == "WELLINGTON 539 (NATS BACK AWAY FROM PRE-ELECTION CHANGE)"


def test_09MALABO48_serial_chain_one_text_per_item():
    # html: REF: MALABO 19, 21, 26, 27, 31
    out = parse_references("MALABO 19, 21, 26, 27, 31", year=2009, own_id="09MALABO48")
    assert [r.id for r in out] == ["09MALABO19", "09MALABO21", "09MALABO26", "09MALABO27", "09MALABO31"]
    assert {r.text for r in out} == {"MALABO 19, 21, 26, 27, 31"}
    assert {r.label for r in out} == {None}


def test_89SHENYANG1285_and_previous_is_not_a_serial():
    out = parse_references("SHENYANG 01251, AND PREVIOUS ", year=1989, own_id="89SHENYANG1285")
    assert [(r.text, r.id) for r in out] == [("SHENYANG 01251, AND PREVIOUS", "89SHENYANG1251")]


def test_01DUBAI1141_dates_after_a_reference_are_not_serials():
    block = "A) DUBAI 1058 28 AUG 01 B) DUBAI 1197 08 NOV 00\nC) DUBAI 1254 10 NOV 00"
    assert ids(block, 2001, "01DUBAI1141") == ["01DUBAI1058", "01DUBAI1197", "01DUBAI1254"]


@pytest.mark.parametrize(
    ("cable", "block", "year", "expected"),
    [
        ("05VIENNA37", "A. (A) ZARZECKI-PHILLIPS E-MAIL 1/5/05", 2005, "email"),
        ("09MOSCOW405", "A. BEYRLE-BURNS FEBRUARY 18 E-MAIL", 2009, "email"),
        ("04KIGALI1166", "BITTRICK-RUFFING EMAIL OF 08/12/04", 2004, "email"),
        ("90HAVANA257", "EVANS/GRANT TELCON 1/2/90", 1990, "telcon"),
        ("90BAGHDAD4397", "B. WILSON/MACK TELECON", 1990, "telcon"),
        ("04WELLINGTON557", "06/02/04 LETTER FROM CA/OCS/ACS/EAP", 2004, "letter"),
        ("09LONDON2222", "C. EMBASSY LONDON DAILY REPORT 9/16/2009 (NOTAL)", 2009, "report"),
        ("02LAGOS146", "FBIS 071146Z DEC 02", 2002, "other"),
        ("85BEIRUT1676", "FBIS NICOSIA 17 MARCH 85", 1985, "other"),
        ("05USNATO3", "C-M(2004)109", 2005, "other"),
    ],
    ids=lambda v: v if isinstance(v, str) and v[:2].isdigit() and " " not in v else None,
)
def test_non_cable_kinds(cable, block, year, expected):
    out = parse_references(block, year=year, own_id=cable)
    assert len(out) == 1
    assert (out[0].kind, out[0].id) == (expected, None)


def test_09MOSCOW405_email_then_cable_keeps_text():
    out = parse_references("A. BEYRLE-BURNS FEBRUARY 18 E-MAIL      ¶B. MOSCOW 357", year=2009, own_id="09MOSCOW405")
    assert [(r.label, r.text, r.id, r.kind) for r in out] == [
        ("A", "BEYRLE-BURNS FEBRUARY 18 E-MAIL", None, "email"),
        ("B", "MOSCOW 357", "09MOSCOW357", "cable"),
    ]


def test_07DUBAI59_page_break_inside_block_is_ignored():
    # other/mongoexport-jsonl: REF: DUBAI 00018  DUBAI 00000059  001.2 OF 002   CLASSIFIED BY: ...
    block = "DUBAI 00018  DUBAI 00000059  001.2 OF 002   CLASSIFIED BY: Paul R Sutphin, Consul General"
    out = parse_references(block, year=2007, own_id="07DUBAI59")
    assert [(r.text, r.id) for r in out] == [("DUBAI 00018", "07DUBAI18")]


def test_01VATICAN1419_old_page_header_inside_block():
    block = (
        "(A) HOH/FROWICK EMAILS; (B) SARAJEVO 1096 AND \n                       CONFIDENTIAL \n \n"
        "PAGE 02        VATICA  01419  01 OF 02  131649Z \nPREVIOUS; (C) STATE 43081; (D) FROWICK/SJOHNSON \nEMAILS "
    )
    out = parse_references(block, year=2001, own_id="01VATICAN1419")
    assert [(r.label, r.text, r.id, r.kind) for r in out] == [
        ("A", "HOH/FROWICK EMAILS", None, "email"),
        ("B", "SARAJEVO 1096 AND PREVIOUS", "01SARAJEVO1096", "cable"),
        ("C", "STATE 43081", "01STATE43081", "cable"),
        ("D", "FROWICK/SJOHNSON EMAILS", None, "email"),
    ]


def test_newdelhi_style_page_break_line_is_not_a_reference():
    # 06NEWDELHI2587 page-break line ``NEW DELHI 00002587 002 OF 012`` on its own line
    block = "A. NEW DELHI 2446\nNEW DELHI 00002587 002 OF 012\nB. NEW DELHI 2361"
    assert ids(block, 2006, "06NEWDELHI2587") == ["06NEWDELHI2446", "06NEWDELHI2361"]


def test_01VATICAN5960_ref_a_ref_b():
    m = REF_MARKER.match("REF A: VATICAN 05286; REF B: VATICAN 05546 ")
    assert m is not None
    out = parse_references(m.group("rest"), year=2001, own_id="01VATICAN5960")
    assert [(r.label, r.text, r.id) for r in out] == [
        ("A", "VATICAN 05286", "01VATICAN5286"),
        ("B", "VATICAN 05546", "01VATICAN5546"),
    ]


def test_05DUBAI126_inner_ref_word_before_label():
    assert refs("A) Dubai 3286  Ref B) Dubai 4371", 2005, "05DUBAI126") == [
        ("A", "05DUBAI3286", "cable"),
        ("B", "05DUBAI4371", "cable"),
    ]


def test_03KATHMANDU2366_repeated_marker_inside_item():
    out = parse_references("A. REF: KATHMANDU 2282 \n     ¶B. KATHMANDU 2298 ", year=2003, own_id="03KATHMANDU2366")
    assert [(r.label, r.text, r.id) for r in out] == [
        ("A", "KATHMANDU 2282", "03KATHMANDU2282"),
        ("B", "KATHMANDU 2298", "03KATHMANDU2298"),
    ]


def test_92JAKARTA13800_id_written_glued():
    assert ids("A) STATE 338430, B) 91JAKARTA14899 ", 1992, "92JAKARTA13800") == ["92STATE338430", "91JAKARTA14899"]


def test_10CARACAS69_references_without_separator():
    block = "10 CARACAS 9; 09 CARACAS 1374; 10 CARACAS 27; 10 CARACAS 39 10 CARACAS 35; 10 CARACAS 5"
    out = parse_references(block, year=2010, own_id="10CARACAS69")
    assert [(r.text, r.id) for r in out] == [
        ("10 CARACAS 9", "10CARACAS9"),
        ("09 CARACAS 1374", "09CARACAS1374"),
        ("10 CARACAS 27", "10CARACAS27"),
        ("10 CARACAS 39", "10CARACAS39"),
        ("10 CARACAS 35", "10CARACAS35"),
        ("10 CARACAS 5", "10CARACAS5"),
    ]


def test_09SAOPAULO663_parenthesised_year():
    # html: REF: SAO PAULO 653; SAO PAULO 433; SAO PAULO 421; BRASILIA 709 (08) SAO PAULO 542
    # (09SAOPAULO653 writes the same list as ``BRASILIA 709 2008 SAO PAULO 542``)
    block = "SAO PAULO 653; SAO PAULO 433; SAO PAULO 421; BRASILIA 709 (08) SAO PAULO 542 "
    assert ids(block, 2009, "09SAOPAULO663") == [
        "09SAOPAULO653",
        "09SAOPAULO433",
        "09SAOPAULO421",
        "09BRASILIA709",
        "08SAOPAULO542",
    ]


def test_own_id_is_never_returned():
    # csv 01VATICAN1436 (WikiLeaks lists the cable itself among its references)
    assert ids("HAVANA 00506 ", 2001, "01VATICAN1436") == ["01HAVANA506"]
    # 04CHENNAI1418: REF: A) CHENNAI 519 / B) CHENNAI 1394, read as if cited by 04CHENNAI1394
    out = parse_references("A) CHENNAI 519 \n\n     B) CHENNAI 1394 ", year=2004, own_id="04CHENNAI1394")
    assert [(r.label, r.id) for r in out] == [("A", "04CHENNAI519")]


def test_duplicates_are_returned_once():
    # 03SANTODOMINGO4680: REF: A) STATE 245508 B) SANTO DOMINGO 4548, given twice
    block = "A) STATE 245508 B) SANTO DOMINGO 4548 C) STATE 245508"
    assert ids(block, 2003, "03SANTODOMINGO4680") == ["03STATE245508", "03SANTODOMINGO4548"]


def test_no_year_known():
    out = parse_references("STATE 171566", year=None, own_id=None)
    assert [(r.id, r.kind) for r in out] == [(None, "cable")]


def test_empty_block():
    assert parse_references("", year=2004, own_id=None) == []
    assert parse_references(" \n \n", year=2004, own_id=None) == []


# --- the marker --------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "rest"),
    [
        ("REF: STATE 106206 CIRCULAR; STATE CA-3400 NOV 2, 1966 ", "STATE 106206 CIRCULAR; STATE CA-3400 NOV 2, 1966 "),
        ("REFS:  (A)  ALEXANDRIA 435 ", "(A)  ALEXANDRIA 435 "),
        ("REF(S): STATE 223177 ", "STATE 223177 "),  # 96ACCRA7188
        ("Refs:  (A) Rio de Janeiro 00190  (B) Rio de Janeiro ", "(A) Rio de Janeiro 00190  (B) Rio de Janeiro "),
        ("REFS.:  A.  BEIJING 14038  B.  BEIJING 14039 ", "A.  BEIJING 14038  B.  BEIJING 14039 "),  # 89BEIJING14047
        ("REF.  STATE 203771 ", "STATE 203771 "),  # 97MADRID11809
        ("REFTEL: HARARE 6584", "HARARE 6584"),  # 00HARARE6677
        ("Reftel: State 157638 ", "State 157638 "),  # 02TEGUCIGALPA2472
        ("Ref: a. State 131559 ", "a. State 131559 "),  # 07STATE135366
        ("REF STATE 19842 ", "STATE 19842 "),  # 04PARAMARIBO97
        ("REF (A) HOH/FROWICK EMAILS; (B) SARAJEVO 1096 AND ", "(A) HOH/FROWICK EMAILS; (B) SARAJEVO 1096 AND "),
        ("Ref A:  Geneva 2373; Ref B:  Geneva 2355 \\", "A:  Geneva 2373; Ref B:  Geneva 2355 \\"),  # 07GENEVA2626
    ],
)
def test_ref_marker_matches(line, rest):
    m = REF_MARKER.match(line)
    assert m is not None
    assert m.group("rest") == rest


@pytest.mark.parametrize(
    "line",
    [
        "REFTEL.  THE FCO WAS THOROUGHLY RATTLED BY THE FIGHTING ",  # 86LONDON1567
        "REFTEL).  THE TWO MEN ARGUE THAT IT IS NOT TOO LATE FOR THE ",  # 03JEDDAH828
        "REF B, ALGERIA ALSO HOSTS ABOUT 600 PALESTINIAN ",  # 88ALGIERS1498
        "REF B), AND HIS DESIRE TO ATTEND ANY RESULTING CHURCH- ",  # 99JAKARTA1577
        "REFERENCES TO THE LAW",
        "REFUGEES.   HE ANTICIPATED DISCUSSING THIS PROBLEM WITH ",  # 89BANGKOK3838
        "refid: 02BOGOTA3281",
    ],
)
def test_ref_marker_rejects_prose(line):
    assert REF_MARKER.match(line) is None


# --- finding blocks ------------------------------------------------------------


def test_find_blocks_08STATE15220_blank_line_inside_and_classified_by_after():
    body = (
        "Subject: (s) further scheming by german firm to export\ntest chamber to iranian ballistic missile program\n\n"
        "Ref: a. 05 state 201650\n\n¶B. 05 berlin 3726\nc. 05 state 211408\n\n"
        "Classified By: ISN/MTR DIRECTOR PAM DURHAM\nfor reasons 1.4 (b), (d).\n\n¶1. (U) This is an action request."
    )
    blocks = find_ref_blocks(body)
    assert len(blocks) == 1
    line, text = blocks[0]
    assert line == 3
    assert ids(text, 2008, "08STATE15220") == ["05STATE201650", "05BERLIN3726", "05STATE211408"]


def test_find_blocks_03SANTODOMINGO4736_item_cut_by_blank_line():
    body = (
        "REF: A) STATE 245508 B) SANTO DOMINGO 4548 C) SANTO \n \n     DOMINGO 4680 \n \n"
        "1. (SBU) Dominican businessman Frank Rainieri told EcoPol "
    )
    [(_, text)] = find_ref_blocks(body)
    assert ids(text, 2003, "03SANTODOMINGO4736") == ["03STATE245508", "03SANTODOMINGO4548", "03SANTODOMINGO4680"]


def test_find_blocks_88ACCRA8991_stops_at_prose():
    body = (
        "REF:  STATE 357278 \n \nGHANA FALLS OUTSIDE THE LIST OF COUNTRIES FOR WHICH AN \n"
        "ANNUAL TERRORISM REPORT IS REQUIRED.  FOLLOWING RESPONDS \nTO QUESTIONS POSED PARA 5, REFTEL: \n"
    )
    blocks = find_ref_blocks(body)
    assert [b[1].strip() for b in blocks] == ["STATE 357278"]


def test_find_blocks_00KINSHASA8008_reftel_colon_in_prose_is_no_block():
    body = (
        "REF: STATE 217248 \n \nTHE FOLLOWING RESPONSES ARE KEYED TO QUESTIONS IN PARA 3 OF \nREFTEL: \n \n"
        "A.  DURING 2000, THE EMBASSY IS UNAWARE OF ANY ACTS OF \n"
        "TERRORISM THAT OCCURRED IN THE GOVERNMENT-CONTROLLED AREA OF \n"
    )
    blocks = find_ref_blocks(body)
    assert len(blocks) == 1
    assert ids(blocks[0][1], 2000, "00KINSHASA8008") == ["00STATE217248"]


def test_find_blocks_85STATE38496_numbered_items():
    body = "REF:  1. ROME 1902, 2. STATE 31565  3. STATE 014859 \n \n1.  (C) ENTIRE TEXT."
    [(_, text)] = find_ref_blocks(body)
    out = parse_references(text, year=1985, own_id="85STATE38496")
    assert [(r.label, r.id) for r in out] == [("1", "85ROME1902"), ("2", "85STATE31565"), ("3", "85STATE14859")]


# --- size ---------------------------------------------------------------------


def test_ten_thousand_items():
    # the 08STATE15220 item form, repeated with ``;`` as in 10CARACAS69
    block = "; ".join(f"07 berlin {n}" for n in range(1, 10_001))
    out = parse_references(block, year=2008, own_id=None)
    assert len(out) == 10_000
    assert out[0].id == "07BERLIN1" and out[-1].id == "07BERLIN10000"


def test_ten_thousand_numbered_items():
    block = "\n".join(f"{n}. STATE {n}" for n in range(1, 10_001))
    out = parse_references(block, year=2008, own_id=None)
    assert len(out) == 10_000
    assert (out[-1].label, out[-1].id) == ("10000", "08STATE10000")


def test_one_megabyte_of_spaces():
    block = "STATE 171566" + " " * 1_000_000 + "; STATE 12345" + "\t" * 1000 + "(NOTAL)"
    out = parse_references(block, year=2004, own_id=None)
    assert [r.id for r in out] == ["04STATE171566", "04STATE12345"]
    assert parse_references(" " * 1_000_000, year=2004, own_id=None) == []
    assert find_ref_blocks("REF:" + " " * 1_000_000) == []
    assert REF_MARKER.match(" " * 1_000_000) is None


# --- end to end: whole cable excerpts through parse_cable ------------------------

from cable_cli.parser import parse_cable  # noqa: E402

_NEWDELHI_HEADER = (
    "VZCZCXRO5949\nOO RUEHBI RUEHCI RUEHLH RUEHPW\nDE RUEHNE #2587/01 1080708\nZNY SSSSS ZZH\n"
    "O 180708Z APR 06 ZDK\nFM AMEMBASSY NEW DELHI\nTO RUEHC/SECSTATE WASHDC IMMEDIATE 2627\n\n"
)


def test_e2e_06NEWDELHI2587_glued_markers_on_one_line():
    # html/avilaroman-wikileaks-mirror/06NEWDELHI2587.html: every item on the REF line
    text = _NEWDELHI_HEADER + (
        "S E C R E T SECTION 01 OF 12 NEW DELHI 002587 \nSIPDIS \nSIPDIS \n"
        "STATE FOR S/CT, DS/IP/ITA AND DS/IP/SA \nEO 12958 DECL: 04/18/2015 \n"
        "TAGS PTER, PGOV, PINR, PREL, PINS, MASS, KJUS, KTIA, TBIO, \n"
        "KCRM, TINT, EFIN, EAIR, SNAR, KISL, IN, PK, BK, NE \n"
        "SUBJECT: SCENESETTER FOR APRIL 19 US-INDIA CT JOINT WORKING \nGROUP\n"
        "REF: " + NEWDELHI2587 + "\nClassified By: Charge Bob Blake for Reasons 1.4 (B, D)\n"
        "¶1. (C) Summary: The US-India counterterrorism dialogue reflects our shared values.\n"
    )
    cable = parse_cable(text)
    assert cable.id == "06NEWDELHI2587"
    assert [r.label for r in cable.references] == list("ABCDEFGHIJKLMNOPQRSTUV")
    assert cable.references[9].id == "05CHENNAI2901"
    assert cable.references[-1].id == "04NEWDELHI876"
    assert cable.classified_by is not None


_BRUSSELS_HEADER = "P 031025Z SEP 03\nFM USEU BRUSSELS\nTO SECSTATE WASHDC PRIORITY\n\n"


def test_e2e_03BRUSSELS4143_items_separated_by_blank_lines():
    # csv none-later-wikileaks-processing/Embassy_Brussels.csv (WikiLeaks' column keeps only A)
    text = _BRUSSELS_HEADER + (
        "C O N F I D E N T I A L SECTION 01 OF 03 BRUSSELS 004143 \n \nSIPDIS \n \n"
        "E.O. 12958: DECL: 09/02/2013 \nTAGS: PREL, EUN \n"
        "SUBJECT: FIRST STEPS TOWARD AN EU USE-OF-FORCE DOCTRINE: \nOPPORTUNITIES FOR THE U.S. \n \n"
        "REF: A. BRUSSELS 3917 \n \n     B. BRUSSELS 3210 \n     C. BRUSSELS 2769 \n"
        "     D. BRUSSELS 3263 \n     E. ROME 3823 \n \n"
        "Classified By: USEU PolOff Van Reidhead; reasons 1.5 (b) and (d) \n \n"
        "1.  (C) Summary: EU foreign ministers will discuss a doctrine. \n"
    )
    cable = parse_cable(text)
    assert [(r.label, r.id) for r in cable.references] == [
        ("A", "03BRUSSELS3917"),
        ("B", "03BRUSSELS3210"),
        ("C", "03BRUSSELS2769"),
        ("D", "03BRUSSELS3263"),
        ("E", "03ROME3823"),
    ]
    assert cable.classified_by is not None
    assert cable.paragraphs and cable.paragraphs[0].number == 1


def test_e2e_04RIODEJANEIRO1105_item_cut_by_blank_line():
    # csv Consulate_Rio_De_Janeiro.csv (chillicoder-style single breaks, blank line inside item B)
    text = "R 130959Z AUG 04\nFM AMCONSUL RIO DE JANEIRO\nTO SECSTATE WASHDC\n\n" + (
        "UNCLAS SECTION 01 OF 02 RIO DE JANEIRO 001105 \n \nSIPDIS \n \nE.O. 12958: N/A \n"
        "TAGS: PGOV, BR \nSUBJECT: BRZAIL'S MINAS GERAIS:  PT INCUMBENT COULD \n"
        "WIN A TIGHT RACE IN BRAZIL'S THIRD CITY \n \n"
        "Refs:  (A) Rio de Janeiro 00190  (B) Rio de Janeiro \n \n00723  (C) Brasilia 01392 \n \n"
        "1.  (U)  SUMMARY:  The mayoral race in the capital \n"
    )
    cable = parse_cable(text)
    assert [(r.label, r.id) for r in cable.references] == [
        ("A", "04RIODEJANEIRO190"),
        ("B", "04RIODEJANEIRO723"),
        ("C", "04BRASILIA1392"),
    ]


def test_e2e_01VATICAN1419_page_break_inside_block():
    # csv Embassy_Vatican.csv: the page break between ``AND`` and ``PREVIOUS`` leaves a blank line
    text = "R 131705Z MAR 01\nFM AMEMBASSY VATICAN\nTO SECSTATE WASHDC 1234\n\n" + (
        "C O N F I D E N T I A L SECTION 01 OF 02 VATICAN 001419 \n \nSIPDIS \n \n"
        "E.O. 12958:  DECL. 03/13/11 \n \nTAGS: PREL, PHUM, PGOV, BH, VT \n"
        "SUBJECT: HOLY SEE SEEKS UNDERSTANDING ON MANAGING \nMOSTAR BISHOP \n \n"
        "CLASSIFIED BY A/DCM GEORGE H. FROWICK FOR \nREASONS 1.5 (B) AND (D). \n \n"
        "REF (A) HOH/FROWICK EMAILS; (B) SARAJEVO 1096 AND \n                       CONFIDENTIAL \n \n"
        "PAGE 02        VATICA  01419  01 OF 02  131649Z \n"
        "PREVIOUS; (C) STATE 43081; (D) FROWICK/SJOHNSON \nEMAILS \n \n"
        "1.  (C) SUMMARY:  THE HOLY SEE DOES NOT SHARE THE \n"
    )
    cable = parse_cable(text)
    assert [(r.label, r.id, r.kind) for r in cable.references] == [
        ("A", None, "email"),
        ("B", "01SARAJEVO1096", "cable"),
        ("C", "01STATE43081", "cable"),
        ("D", None, "email"),
    ]


def test_e2e_89BEIJING14047_refs_dot_colon_and_filler_dashes():
    # csv Embassy_Beijing.csv: ``REFS.:`` and telegram filler ``-`` on continuation lines
    text = "O 210918Z MAY 89\nFM AMEMBASSY BEIJING\nTO SECSTATE WASHDC IMMEDIATE 1234\n\n" + (
        "C O N F I D E N T I A L SECTION 01 OF 03 BEIJING 14047 \n \nE.O. 12356: DECL: OADR \n"
        "TAGS: PGOV, PINS, CH \nSUBJECT: SITREP NO. 6: THE SCENE ON TIANANMEN, THE \n \n"
        "REFS.:  A.  BEIJING 14038  B.  BEIJING 14039 \n-       C.  BEIJING 14037  D.  BEIJING 14029 \n"
        "-       E.  BEIJING 14019 \n \n1.  CONFIDENTIAL - ENTIRE TEXT. \n"
    )
    cable = parse_cable(text)
    assert [r.id for r in cable.references] == [
        "89BEIJING14038", "89BEIJING14039", "89BEIJING14037", "89BEIJING14029", "89BEIJING14019",
    ]


def test_e2e_66BUENOSAIRES2481_ref_after_nara_preface():
    # csv gavinmendelgleason-mapper/cables_sample.csv: the NARA preface ends the preamble early
    text = (
        "P R 281848Z DEC 66\nFM AMEMBASSY BUENOS AIRES\nTO SECSTATE WASHDC PRIORITY\n\n"
        "UNCLASSIFIED BUENOS AIRES 2481 \n \nOriginal Telegram was Confidential but has since been \n"
        "de-classified \n \n--------------------------------------------- ---- \n"
        "Copy from the National Archives \n--------------------------------------------- ---- \n \n"
        "E.O. 12958: DECL: DECLASSIFIED BY NARA 09/02/2009 \nTAGS: EFIS, PBTS, AR \n"
        "SUBJECT:  EXTENDED NATIONAL JURISDICTIONS OVER HIGH SEAS \n \n"
        "REF: STATE 106206 CIRCULAR; STATE CA-3400 NOV 2, 1966 \n \n \n"
        "1.  PRESS REPORTS AND VARIETY EMBASSY SOURCES CONFIRM \n"
    )
    cable = parse_cable(text)
    assert [(r.id, r.kind) for r in cable.references] == [("66STATE106206", "cable"), (None, "other")]


def test_e2e_09QUITO947_teaser_copy_is_not_a_second_block():
    # html/avilaroman-wikileaks-mirror/09QUITO947.html: a teaser of the cable, then the full text
    preamble = (
        "C O N F I D E N T I A L QUITO 000947 \n \nSIPDIS \nPM AND WHA/PPC \n \n"
        "E.O. 12958: DECL: 2019/11/10 \nTAGS: PREL PGOV MARR MASS EC\n"
        "SUBJECT: Ecuador - Information on Security Dialogue \n \n"
        "REF: STATE 112900; QUITO 885; QUITO 570; 08 QUITO 1128 \n \n"
    )
    text = (
        "O R 102218Z NOV 09\nFM AMEMBASSY QUITO\nTO RUEHC/SECSTATE WASHDC IMMEDIATE 0318\n\n"
        + preamble + "CLASSI...\n\n\nid: 234188\nrefid: 09QUITO947\n\n" + preamble
        + "CLASSIFIED BY: Andrew Chritton, Charge d'Affaires; REASON: 1.4(A), \n(B), (D) \n \n"
        "1. (C) Summary: text. \n"
    )
    cable = parse_cable(text)
    assert [r.id for r in cable.references] == ["09STATE112900", "09QUITO885", "09QUITO570", "08QUITO1128"]


def test_read_ref_block_returns_the_next_line():
    from cable_cli.parser.references import read_ref_block

    lines = ["REF: A. BANGKOK 6619 ", " ", "     B. BANGKOK 6554 ", "     C. BANGKOK 6477 ", " ",
             "Classified By: DCM ALEXANDER A. ARVIZU.  REASON 1.4 (D). "]  # 04BANGKOK6647
    text, nxt = read_ref_block(lines, 0, "A. BANGKOK 6619 ")
    assert nxt == 5
    assert ids(text, 2004, "04BANGKOK6647") == ["04BANGKOK6619", "04BANGKOK6554", "04BANGKOK6477"]

"""Paragraphs: numbers, markings, headings, page breaks, run-on text.

Each excerpt is copied from the cable named in the case (corpus under
/work/shared/corpus) and cut short; expected values were read by hand.
Rows are (number, classification, heading, start of text).
"""

import pytest

from cable_cli.parser import parse_cable


def _rows(cable, expected):
    """The cable's rows, each text cut to the length of the expected start."""
    widths = [len(row[3]) for row in expected] + [40] * len(cable.paragraphs)
    return [(p.number, p.classification, p.heading, p.text[:w]) for p, w in zip(cable.paragraphs, widths)]


ASTANA_PAGE_BREAK = """S E C R E T SECTION 01 OF 03 ASTANA 000072

 ¶4.  (S) Idenov said he wanted to explain why he has been less
 visible for at least the last half year.  In October, KMG President

 ASTANA 00000072  002 OF 003


 Kairgeldy Kabyldin told Idenov, "Kulibayev doesn't want to
 work with you any more."

 ¶5.  (S) Soon, intermediaries arranged an Idenov-Kulibayev
 meeting.
"""

CASES = [
    # ``¶N.`` numbers, ``(S)`` marking, page-break line inside a paragraph that runs on across blank lines
    ("10ASTANA72", ASTANA_PAGE_BREAK,
     [(4, "S", None, "Idenov said he wanted to explain why he h"),
      (5, "S", None, "Soon, intermediaries arranged an Idenov-")]),
    # capitals heading before a paragraph; the paragraph carries it
    ("10ASTANA72", """S E C R E T SECTION 01 OF 03 ASTANA 000072

 ¶7.  (S) The Ambassador asked if the corruption and infighting
 would end.

 OTHER TIDBITS

 ¶8.  (S) MODEST WEALTH.  Idenov alleged that MEMR's Mynbayev
 is among the richest in Kazakhstan.
""", [(7, "S", None, "The Ambassador asked if the corruption an"),
      (8, "S", "OTHER TIDBITS", "MODEST WEALTH.  Idenov alleged that MEMR'")]),
    # ``(SBU)`` and ``(C)`` on one cable; ``N.(SBU)`` with no space; dash-wrapped headings
    ("08MOSCOW499", """UNCLAS SECTION 01 OF 03 MOSCOW 000499

------- SUMMARY -------

1.(SBU) A new and more restrictive draft of the Strategic Sectors Law (SSL) is circulating.

------------- NEW DRAFT SSL -------------

2.(SBU) Ministry of Industry and Energy Legal Chief Vladimir Taraskin told us February 21st.

----------------- INDUSTRY CONCERNS -----------------

6.(SBU) The foreign investment community has reacted with concern to the restrictive new draft. AmCham and its MOSCOW 00000499 002 OF 002 European counterpart, the Association of European Businesses (AEB) are reviewing the legislation.

7.(C) BP's Russia chief Richard Spies shared some specific concerns with the Ambassador on February 21st.
""", [(1, "SBU", "SUMMARY", "A new and more restrictive draft of the S"),
      (2, "SBU", "NEW DRAFT SSL", "Ministry of Industry and Energy Legal Ch"),
      (6, "SBU", "INDUSTRY CONCERNS", "The foreign investment community has rea"),
      (7, "C", None, "BP's Russia chief Richard Spies shared so")]),
    # ``C)`` with the opening parenthesis missing; a page-break line inside paragraph 6
    ("09STRASBOURG6", """C O N F I D E N T I A L SECTION 01 OF 02 STRASBOURG 000006

¶5. (C) While the COE can be effective in the various important tasks as noted above, it muddles through at best.
¶6. C) Two other illustrations of the COE's reach extending far
STRASBOURG 00000006 002.2 OF 002
beyond its influence is the omnipresent agenda item of "the situation in Cyprus."
¶7. C) Finally, we turn to one issue where the COE has been both an irritant and a champion - Guantanamo.
""", [(5, "C", None, "While the COE can be effective in the var"),
      (6, "C", None, "Two other illustrations of the COE's reac"),
      (7, "C", None, "Finally, we turn to one issue where the C")]),
    ("05MUMBAI1682", """C O N F I D E N T I A L SECTION 01 OF 03 MUMBAI 001682

Where in the world is Dawood Ibrahim?
-------------------------------------

¶7. SBU) Many of Ibrahim's family and former associates still live in Mumbai.
""", [(7, "SBU", "Where in the world is Dawood Ibrahim?", "Many of Ibrahim's family and former asso")]),
    # ``(S//REL TO USA, ACGU)`` and ``(S/REL NATO)`` release markings
    ("08USNATO453", """S E C R E T SECTION 01 OF 05 USNATO 000453

¶1. (S/REL NATO) Summary. National Intelligence Officer (NiO) for South Asia, Dr. Peter Lavoy, briefed NATO.

¶2. (S/REL NATO) Lavoy said.
""", [(1, "S/REL NATO", None, "Summary. National Intelligence Officer ("),
      (2, "S/REL NATO", None, "Lavoy said.")]),
    ("08RANGOON749", """S E C R E T RANGOON 000749

¶2. (S//REL TO USA, ACGU) Interview occurred in a consular interview room at the U.S. Embassy Rangoon.

¶3. (SBU) XXXXXXXXXXXX
""", [(2, "S//REL TO USA, ACGU", None, "Interview occurred in a consular intervi"),
      (3, "SBU", None, "XXXXXXXXXXXX")]),
    # ``(C/NF)`` marking
    ("08LONDON1837", """C O N F I D E N T I A L SECTION 01 OF 03 LONDON 001837

¶11. (C/NF) FCO officials expressed optimism that Medvedev will bring a partial liberalization.

¶12. (C/NF) FCO officials said that the EU should hold off on signing a new PCA.
""", [(11, "C/NF", None, "FCO officials expressed optimism that Med"),
      (12, "C/NF", None, "FCO officials said that the EU should hol")]),
    # plain ``N.`` numbers without markings (1980s CSV rows)
    ("85BEIRUT1653", """S E C R E T BEIRUT 01653

1.  SECRET ENTIRE TEXT.

2.  SYRIA HAS BEEN RATTLING ITS SABER.
""", [(1, None, None, "SECRET ENTIRE TEXT."), (2, None, None, "SYRIA HAS BEEN RATTLING ITS SABER.")]),
    # print copy: banner and PAGE line inside paragraph 14, which runs on across the break
    ("00LIMA2475", """S E C R E T SECTION 01 OF 03 LIMA 002475

14. (S) THE FUJIMORI CAMP SEEMS INTENT ON MAKING CHARACTER A
                          SECRET

PAGE 03        LIMA  02475  03 OF 03  251229Z
CENTRAL ISSUE IN THE SECOND ROUND.

15. (S) NEXT.
""", [(14, "S", None, "THE FUJIMORI CAMP SEEMS INTENT ON MAKING "), (15, "S", None, "NEXT.")]),
]


@pytest.mark.parametrize("cable_id,text,rows", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_paragraph_rows(cable_id, text, rows):
    assert _rows(parse_cable(text), rows) == rows


def test_page_break_line_is_in_no_paragraph():
    # 10ASTANA72: ``ASTANA 00000072  002 OF 003`` goes; the sentence is joined up
    cable = parse_cable(ASTANA_PAGE_BREAK)
    text = "\n".join(p.text for p in cable.paragraphs)
    assert "00000072" not in text
    assert "In October, KMG President Kairgeldy Kabyldin told Idenov" in cable.paragraphs[0].text


def test_glued_page_break_is_cut_from_the_text():
    cable = parse_cable(CASES[2][1])  # 08MOSCOW499
    para6 = next(p for p in cable.paragraphs if p.number == 6)
    assert "AmCham and its European counterpart" in para6.text
    assert "00000499" not in para6.text


def test_print_page_break_joins_the_sentence():
    cable = parse_cable(CASES[-1][1])  # 00LIMA2475
    assert cable.paragraphs[0].text == ("THE FUJIMORI CAMP SEEMS INTENT ON MAKING CHARACTER A "
                                        "CENTRAL ISSUE IN THE SECOND ROUND.")


def test_strasbourg_page_break_inside_a_one_line_paragraph():
    cable = parse_cable(CASES[3][1])  # 09STRASBOURG6
    assert "00000006" not in cable.paragraphs[1].text
    assert cable.paragraphs[1].text.endswith('"the situation in Cyprus."')


def test_lower_case_block_after_blank_line_runs_on():
    # 10ASTANA72 ¶10: ``"Well done,`` / page break / ``never rare -- this is Astana, not London!"``
    text = """S E C R E T SECTION 01 OF 03 ASTANA 000072

 ¶10.  (C) HOW TO ORDER LAMB.  When both he and the
 Ambassador ordered lamb chops, Idenov advised, "Well done,

 ASTANA 00000072  003 OF 003


 never rare -- this is Astana, not London!"

 ¶11.  (S) COMMENT:  Idenov is effusive, even theatrical, by
 nature.
"""
    cable = parse_cable(text)
    assert [p.number for p in cable.paragraphs] == [10, 11]
    assert cable.paragraphs[0].text.endswith('"Well done, never rare -- this is Astana, not London!"')


def test_numbering_problems_are_defects():
    # 09ISLAMABAD10: ``3 (S)`` without its full stop, then ``¶3.`` again
    text = """S E C R E T ISLAMABAD 000010

¶2. (S) We believe it is premature for the Indians to be considering a broad dissemination.

¶3. (S) Therefore, we believe Department should urge the GOI to delay the release.

¶3. (S) Therefore, we believe Department should urge the GOI to delay the release.
"""
    cable = parse_cable(text)
    assert [d.code for d in cable.defects if d.code.startswith("paragraph")] == ["paragraph-repeat"]


# 10ROME1, the December 2010 page (chillicoder build): single line breaks, so
# an underlined heading follows the paragraph before it with no blank line.
ROME_UNDERLINED_NO_BLANK = """C O N F I D E N T I A L SECTION 01 OF 03 ROME 000001
SIPDIS
SUBJECT: VISITING WITH A RECUPERATING BERLUSCONI
¶1. C) Summary: The Ambassador visited recuperating Prime Minister Silvio Berlusconi at his Lombardy estate for a private luncheon December 30. End Summary
The Recuperating Prime Minister
-------------------------------
¶2. C) Following the Ambassador's call to Gianni Letta suggesting the Ambassador visit the Prime Minister during his recuperation.
"""


def test_underlined_heading_without_a_blank_line_before_it():
    cable = parse_cable(ROME_UNDERLINED_NO_BLANK)
    assert [(p.number, p.heading) for p in cable.paragraphs] == [(1, None), (2, "The Recuperating Prime Minister")]
    assert cable.paragraphs[0].text.endswith("December 30. End Summary")
    assert cable.summary == "The Ambassador visited recuperating Prime Minister Silvio Berlusconi at his Lombardy estate for a private luncheon December 30."

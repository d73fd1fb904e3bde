"""Consistency defects: what disagrees inside a cable is recorded, not raised.

Each excerpt is copied from the cable named in the case (corpus under
/work/shared/corpus) and cut short; expected defects read by hand.  No
cable in the corpus has a security group (``ZNY CCCCC``) that disagrees
with its banner, so that check only has agreeing cases here.
"""

import pytest

from cable_cli.parser import parse_cable


def _codes(text):
    return [d.code for d in parse_cable(text).defects]


ATHENS = """VZCZCXYZ0000
RR RUEHWEB

DE RUEHTH #1501 2661510
ZNR UUUUU ZZH
R 231510Z SEP 00 ZDS
FM AMEMBASSY ATHENS
TO RUEHC/SECSTATE WASHDC 0727


UNCLAS ATHENS 001501

SENSITIVE
SIPDIS
"""

CHISINAU = """VZCZCXRO0694
RR RUEHDBU RUEHFL RUEHKW RUEHLA RUEHNP RUEHROV RUEHSL
DE RUEHCH #0694/01 2511527
ZNY SSSSS ZZH
R 081527Z SEP 09
FM AMEMBASSY CHISINAU
TO RUEHC/SECSTATE WASHDC 8349
INFO RUEHZL/EUROPEAN POLITICAL COLLECTIVE

Thursday, 13 August 2009, 08:54
S E C R E T ULAANBAATAR 000234
STATE FOR EAP/CM AND EAP/K; NSC FOR JEFF BADER
"""

ASTANA = """VZCZCXRO6688
PP RUEHBI RUEHCI RUEHDBU RUEHFL RUEHKW RUEHLA RUEHLH RUEHNEH RUEHNP
DE RUEHTA #0072/01 0250814
ZNY SSSSS ZZH
P 250814Z JAN 10
FM AMEMBASSY ASTANA
TO RUEHC/SECSTATE WASHDC PRIORITY 7265

S E C R E T SECTION 01 OF 03 ASTANA 000072

 ¶1.  (S) SUMMARY:  During a private dinner, KazMunaiGaz First
 Vice President Maksat Idenov named the four gate-keepers.
 END SUMMARY.

 ¶2.  (S) On January 21, KazMunaiGaz First Vice President
 Maksat Idenov and the Ambassador had a one-on-one dinner.
"""

BISHKEK = """VZCZCXRO9087
PP RUEHAST RUEHBI RUEHCI RUEHLH RUEHLN RUEHPW RUEHVK RUEHYG
DE RUEHEK #1021/01 2800932
ZNR UUUUU ZZH
P 060932Z OCT 08
FM AMEMBASSY BISHKEK
TO RUEHC/SECSTATE WASHDC PRIORITY 1417

UNCLAS SECTION 01 GF 02 BISHIEK 00Q021
"""

CHENNAI = """UNCLAS SECTION 01 OF 02 CHENNAI 001418

3. (SBU) The Superintendent of Police of the Cuddalore
District told local media that the 70-year-old
4. (SBU) Although the AIADMK party is an offshoot of
the rationalist DMK, its chief minister, Jayalalithaa
4. (SBU) Rather than using the arrest to stir public
ire, the opposition party DMK instead canceled a
6. (SBU) Despite Shankaracharya's prominent stature as
a religious leader, his arrest of the Pontiff did not
"""

ADANA = """UNCLAS ADANA 000392

E.O. 12958: N/A
TAGS: PREL, PINS, PGOV, PHUM, TU, IZ, ADANA
SUBJECT: SOUTHEAST TURKEY PRESS SUMMARY NOVEMBER 14, 2002

3.  VILLAGE RETURN PROJECT
(Milli Gazete/Turkiye)  The Siirt Governor's Office
reportedly placed weight on the Village Return Project.


3.  SOUTHEAST ECONOMIC WOE
(Evrensel)  Over the past four years, the number of
Guroymak (Bitlis) merchants decreased by 30%.
"""

JERUSALEM = """C O N F I D E N T I A L JERUSALEM 001970

--------
SUMMARY
--------

2.  (C)  PALESTINIANS INCREASINGLY COMPLAIN THAT
ARAFAT'S COTERIE OF "GATEKEEPERS" ARE EXERCISING A
DISPROPORTIONATE AMOUNT OF POWER.

3.  (C) ABU SAOOD.
"""


def test_julian_date_disagrees_with_date_time_group():
    # 00ATHENS1501: DE line day 266, but 23 SEP 2000 is day 267 (leap year)
    codes = _codes(ATHENS)
    assert "julian-mismatch" in codes
    assert "security-mismatch" not in codes  # ZNR UUUUU / UNCLAS agree


def test_banner_of_another_cable():
    # 09CHISINAU694 (April 2011 page): the body is Ulaanbaatar 234; the header wins
    cable = parse_cable(CHISINAU)
    codes = [d.code for d in cable.defects]
    assert {"station-mismatch", "serial-mismatch"} <= set(codes)
    assert cable.id == "09CHISINAU694"
    assert "security-mismatch" not in codes  # ZNY SSSSS / SECRET agree


def test_consistent_cable_has_no_consistency_defects():
    # 10ASTANA72: DE #0072 / banner 000072, Julian 025 = 25 JAN, ZNY SSSSS = SECRET
    codes = _codes(ASTANA)
    assert not {"julian-mismatch", "serial-mismatch", "security-mismatch", "section-mismatch",
                "summary-unterminated", "paragraph-gap", "paragraph-repeat"} & set(codes)
    assert parse_cable(ASTANA).sections == 3


def test_garbled_banner_falls_back_to_the_header():
    # 08SECTION01GF02BISHIEK21: ``SECTION 01 GF 02 BISHIEK 00Q021`` (WikiLeaks' id is garbled too)
    cable = parse_cable(BISHKEK)
    assert (cable.id, cable.station, cable.sections) == ("08BISHKEK1021", "BISHKEK", None)
    assert "serial-mismatch" not in [d.code for d in cable.defects]


def test_paragraph_repeat_then_gap():
    # 04CHENNAI1418: 3, 4, 4, 6
    cable = parse_cable(CHENNAI)
    assert [p.number for p in cable.paragraphs] == [3, 4, 4, 6]
    problems = [(d.code, d.message) for d in cable.defects if d.code.startswith("paragraph")]
    assert problems == [("paragraph-repeat", "paragraph 4 is repeated"), ("paragraph-gap", "paragraph 6 is out of sequence")]


def test_numbering_restarts_under_headings():
    # 02ADANA392: press items numbered again under each heading
    cable = parse_cable(ADANA)
    assert [d.code for d in cable.defects if d.code.startswith("paragraph")] == ["paragraph-repeat"]


def test_summary_without_end_summary():
    # 99JERUSALEM1970: boxed SUMMARY heading, no END SUMMARY
    cable = parse_cable(JERUSALEM)
    assert "summary-unterminated" in [d.code for d in cable.defects]
    assert cable.summary.startswith("PALESTINIANS INCREASINGLY COMPLAIN")


@pytest.mark.parametrize("cable_id,text", [("00ATHENS1501", ATHENS), ("09CHISINAU694", CHISINAU),
                                           ("10ASTANA72", ASTANA), ("08SECTION01GF02BISHIEK21", BISHKEK),
                                           ("04CHENNAI1418", CHENNAI), ("02ADANA392", ADANA),
                                           ("99JERUSALEM1970", JERUSALEM)])
def test_defects_are_data(cable_id, text):
    # every case parses to a record whose defects serialise
    record = parse_cable(text).to_dict()
    assert all(set(d) == {"code", "line", "message"} for d in record["defects"])


def test_section_count_is_recorded_and_agrees():
    # 89BEIJING10642: SECTION 01 OF 04 (no cable in the corpus has a section number above its count)
    cable = parse_cable("""O 190821Z APR 89
FM AMEMBASSY BEIJING
TO SECSTATE WASHDC NIACT IMMEDIATE 6174


C O N F I D E N T I A L SECTION 01 OF 04 BEIJING 10642
""")
    assert cable.sections == 4
    assert "section-mismatch" not in [d.code for d in cable.defects]

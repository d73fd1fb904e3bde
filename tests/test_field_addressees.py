"""TO / INFO addressees over real routing headers (cable id in each case).

Each excerpt is copied from the cable named in the case (corpus under
/work/shared/corpus), cut down to the header and the banner; the expected
addressees were read by hand.  Tuples are (ri, address, precedence, mcn).

No cable in the corpus carries an ``XMT`` exclusion (``COLLECTIVE, XMT
AMCONSUL X``), so the tests of that form set it into a real header.
"""

import pytest

from cable_cli.parser import parse_cable


def _rows(addressees):
    return [(a.ri, a.address, a.precedence, a.mcn) for a in addressees]


CASES = [
    ("10ASTANA72", """VZCZCXRO6688
PP RUEHBI RUEHCI RUEHDBU RUEHFL RUEHKW RUEHLA RUEHLH RUEHNEH RUEHNP
RUEHPW RUEHROV RUEHSL
DE RUEHTA #0072/01 0250814
ZNY SSSSS ZZH
P 250814Z JAN 10
FM AMEMBASSY ASTANA
TO RUEHC/SECSTATE WASHDC PRIORITY 7265
INFO RUCNCLS/ALL SOUTH AND CENTRAL ASIA COLLECTIVE PRIORITY
RUCNCIS/CIS COLLECTIVE PRIORITY 2396
RUEHZL/EUROPEAN POLITICAL COLLECTIVE PRIORITY
RUEHBJ/AMEMBASSY BEIJING PRIORITY 1758

S E C R E T SECTION 01 OF 03 ASTANA 000072
""",
     [("RUEHC", "SECSTATE WASHDC", "PRIORITY", "7265")],
     [("RUCNCLS", "ALL SOUTH AND CENTRAL ASIA COLLECTIVE", "PRIORITY", None),
      ("RUCNCIS", "CIS COLLECTIVE", "PRIORITY", "2396"),
      ("RUEHZL", "EUROPEAN POLITICAL COLLECTIVE", "PRIORITY", None),
      ("RUEHBJ", "AMEMBASSY BEIJING", "PRIORITY", "1758")]),
    # older header: no routing indicators, NIACT IMMEDIATE, "(BY) POUCH)" residue kept as written
    ("89BEIJING10642", """O 190821Z APR 89
FM AMEMBASSY BEIJING
TO SECSTATE WASHDC NIACT IMMEDIATE 6174
INFO AMEMBASSY TOKYO PRIORITY
AMEMBASSY SEOUL PRIORITY
AIT TAIPEI PRIORITY
AMCONSUL GUANGZHOU


C O N F I D E N T I A L SECTION 01 OF 04 BEIJING 10642
""",
     [(None, "SECSTATE WASHDC", "NIACT IMMEDIATE", "6174")],
     [(None, "AMEMBASSY TOKYO", "PRIORITY", None), (None, "AMEMBASSY SEOUL", "PRIORITY", None),
      (None, "AIT TAIPEI", "PRIORITY", None), (None, "AMCONSUL GUANGZHOU", None, None)]),
    # several TO addressees, each NIACT IMMEDIATE, no INFO
    ("85BEIRUT1653", """O 161508Z MAR 85
FM AMEMBASSY BEIRUT
TO SECSTATE WASHDC NIACT IMMEDIATE 2224
AMEMBASSY DAMASCUS NIACT IMMEDIATE
AMEMBASSY TEL AVIV NIACT IMMEDIATE
AMEMBASSY RIYADH NIACT IMMEDIATE


S E C R E T BEIRUT 01653
""",
     [(None, "SECSTATE WASHDC", "NIACT IMMEDIATE", "2224"), (None, "AMEMBASSY DAMASCUS", "NIACT IMMEDIATE", None),
      (None, "AMEMBASSY TEL AVIV", "NIACT IMMEDIATE", None), (None, "AMEMBASSY RIYADH", "NIACT IMMEDIATE", None)],
     []),
    # ``INFO/RUEHSA/...``: a slash instead of the space after INFO
    ("90MOSCOW5204", """R 131626Z FEB 90
FM AMEMBASSY MOSCOW
TO SECSTATE WASHDC 6874
INFO/RUEHSA/AMEMBASSY PRETORIA 1186
AMCONSUL CAPE TOWN
AMCONSUL JOHANNESBURG


C O N F I D E N T I A L MOSCOW 05204
""",
     [(None, "SECSTATE WASHDC", None, "6874")],
     [("RUEHSA", "AMEMBASSY PRETORIA", None, "1186"), (None, "AMCONSUL CAPE TOWN", None, None),
      (None, "AMCONSUL JOHANNESBURG", None, None)]),
    # page-break residue glued to TO: not an addressee
    ("09STATE15113", """P 182318Z FEB 09
FM SECSTATE WASHDC
TO PAGE 02        STATE   015113  182333Z
ALL DIPLOMATIC POSTS COLLECTIVE PRIORITY
AMEMBASSY TRIPOLI PRIORITY

S E C R E T STATE 015113
""",
     [(None, "ALL DIPLOMATIC POSTS COLLECTIVE", "PRIORITY", None), (None, "AMEMBASSY TRIPOLI", "PRIORITY", None)],
     []),
    # the press copy's weekday date line right after the addressees
    ("01PRETORIA1173", """O 231553Z FEB 01
FM AMEMBASSY PRETORIA
TO SECSTATE WASHDC IMMEDIATE 7691
INFO SOUTHERN AFRICAN DEVELOPMENT COMMUNITY PRIORITY
Friday, 23 February 2001, 15:53
C O N F I D E N T I A L SECTION 01 OF 02 PRETORIA 001173
""",
     [(None, "SECSTATE WASHDC", "IMMEDIATE", "7691")],
     [(None, "SOUTHERN AFRICAN DEVELOPMENT COMMUNITY", "PRIORITY", None)]),
    # one-word military addressees on their own lines
    ("72TEHRAN1164", """R 250930Z FEB 72
FM AMEMBASSY TEHRAN
TO SECSTATE WASHDC 7561
INFO SECDEF
EUCOM
CSAF

UNCLASSIFIED SECTION 01 OF 01 TEHRAN 1164
""",
     [(None, "SECSTATE WASHDC", None, "7561")],
     [(None, "SECDEF", None, None), (None, "EUCOM", None, None), (None, "CSAF", None, None)]),
    # an indicator on one INFO line only, then a collective without one
    ("91USNATO1505", """P 031705Z APR 91
FM USMISSION USNATO
TO SECSTATE WASHDC PRIORITY 0714
INFO RUEKJCS/SECDEF WASHDC
CSCE COLLECTIVE


C O N F I D E N T I A L SECTION 01 OF 04 USNATO 01505
""",
     [(None, "SECSTATE WASHDC", "PRIORITY", "0714")],
     [("RUEKJCS", "SECDEF WASHDC", None, None), (None, "CSCE COLLECTIVE", None, None)]),
    # print copy: PAGE 01 header and distribution list before the DTG
    ("90CAPETOWN97", """ CONFIDENTIAL

PAGE 01        CAPE T  00097  01 OF 03  182017Z
ACTION AF-00

INFO  LOG-00   ADS-00   INR-05   EUR-00   SS-00    CIAE-00  DODE-00
      H-01     NSCE-00  NSAE-00  HA-09    L-03     TRSE-00  PM-10
      PA-01    OMB-01   INRE-00  USIE-00  SP-02    SNP-01   PRS-01
      P-02     T-01     /037 W
                    ------------------352654  200910Z /23
R 171512Z JAN 90
FM AMCONSUL CAPE TOWN
TO SECSTATE WASHDC 5365
INFO AMEMBASSY PRETORIA
AMCONSUL JOHANNESBURG


C O N F I D E N T I A L SECTION 01 OF 03 CAPE TOWN 00097
""",
     [(None, "SECSTATE WASHDC", None, "5365")],
     [(None, "AMEMBASSY PRETORIA", None, None), (None, "AMCONSUL JOHANNESBURG", None, None)]),
    # a collective as the first TO addressee, then addressees with indicators
    ("10STATE16219", """O 230039Z FEB 10
FM SECSTATE WASHDC
TO ALL DIPLOMATIC AND CONSULAR POSTS COLLECTIVE IMMEDIATE
RUEHRY/AMEMBASSY CONAKRY IMMEDIATE 3615
RUEHTRO/AMEMBASSY TRIPOLI IMMEDIATE 2799

UNCLAS SECTION 01 OF 05 STATE 016219
""",
     [(None, "ALL DIPLOMATIC AND CONSULAR POSTS COLLECTIVE", "IMMEDIATE", None),
      ("RUEHRY", "AMEMBASSY CONAKRY", "IMMEDIATE", "3615"), ("RUEHTRO", "AMEMBASSY TRIPOLI", "IMMEDIATE", "2799")],
     []),
    ("86DAMASCUS3747", """O 201102Z JUN 86
FM AMEMBASSY DAMASCUS
TO SECSTATE WASHDC IMMEDIATE 5703
INFO AMEMBASSY ANKARA PRIORITY
ARAB-ISRAELI COLLECTIVE PRIORITY
AMCONSUL JEDDAH


S E C R E T DAMASCUS 03747
""",
     [(None, "SECSTATE WASHDC", "IMMEDIATE", "5703")],
     [(None, "AMEMBASSY ANKARA", "PRIORITY", None), (None, "ARAB-ISRAELI COLLECTIVE", "PRIORITY", None),
      (None, "AMCONSUL JEDDAH", None, None)]),
    # military office symbols after ``//`` stay in the address
    ("97DHAKA4187", """O 041119Z SEP 97
FM AMEMBASSY DHAKA
TO SECSTATE WASHDC IMMEDIATE 8518
USDOC WASHDC IMMEDIATE 0134
USCINCPAC HONOLULU HI//J45/J3/J31/J4/J5/J513//
DIA WASHDC//DH3//
CIA

C O N F I D E N T I A L DHAKA 04187
""",
     [(None, "SECSTATE WASHDC", "IMMEDIATE", "8518"), (None, "USDOC WASHDC", "IMMEDIATE", "0134"),
      (None, "USCINCPAC HONOLULU HI//J45/J3/J31/J4/J5/J513//", None, None), (None, "DIA WASHDC//DH3//", None, None),
      (None, "CIA", None, None)],
     []),
    ("09MEXICO160", """R 212238Z JAN 09
FM AMEMBASSY MEXICO
TO RUEHC/SECSTATE WASHDC 4683
RUEATRS/DEPT OF TREASURY WASHINGTON DC
RUCPDOC/USDOC WASHINGTON DC
INFO RUEHXC/ALL US CONSULATES IN MEXICO COLLECTIVE

UNCLAS SECTION 01 OF 02 MEXICO 000160
""",
     [("RUEHC", "SECSTATE WASHDC", None, "4683"), ("RUEATRS", "DEPT OF TREASURY WASHINGTON DC", None, None),
      ("RUCPDOC", "USDOC WASHINGTON DC", None, None)],
     [("RUEHXC", "ALL US CONSULATES IN MEXICO COLLECTIVE", None, None)]),
    ("06PORTLOUIS752", """P 150826Z DEC 06
FM AMEMBASSY PORT LOUIS
TO RUEHC/SECSTATE WASHDC PRIORITY 2846
INFO RUCNSAD/SOUTHERN AFRICAN DEVELOPMENT COMMUNITY
RUEHAN/AMEMBASSY ANTANANARIVO 0530
RUEHNE/AMEMBASSY NEW DELHI 0252
RHMFISS/HQ USCENTCOM MACDILL AFB FL

C O N F I D E N T I A L SECTION 01 OF 03 PORT LOUIS 000752
""",
     [("RUEHC", "SECSTATE WASHDC", "PRIORITY", "2846")],
     [("RUCNSAD", "SOUTHERN AFRICAN DEVELOPMENT COMMUNITY", None, None),
      ("RUEHAN", "AMEMBASSY ANTANANARIVO", None, "0530"), ("RUEHNE", "AMEMBASSY NEW DELHI", None, "0252"),
      ("RHMFISS", "HQ USCENTCOM MACDILL AFB FL", None, None)]),
    ("10SEOUL290", """O 220854Z FEB 10
FM AMEMBASSY SEOUL
TO RUEHC/SECSTATE WASHDC IMMEDIATE 7152
INFO RUCNKOR/KOREA COLLECTIVE PRIORITY
RHMFISS/COMUSKOREA J5 SEOUL KOR PRIORITY
RHHMUNA/CDR USPACOM HONOLULU HI PRIORITY

Monday, 22 February 2010, 08:54
C O N F I D E N T I A L SEOUL 000290
""",
     [("RUEHC", "SECSTATE WASHDC", "IMMEDIATE", "7152")],
     [("RUCNKOR", "KOREA COLLECTIVE", "PRIORITY", None), ("RHMFISS", "COMUSKOREA J5 SEOUL KOR", "PRIORITY", None),
      ("RHHMUNA", "CDR USPACOM HONOLULU HI", "PRIORITY", None)]),
]


@pytest.mark.parametrize("cable_id,text,to,info", CASES, ids=[c[0] for c in CASES])
def test_addressees(cable_id, text, to, info):
    cable = parse_cable(text)
    assert _rows(cable.to) == to
    assert _rows(cable.info) == info
    assert all(not a.excluded for a in cable.to + cable.info)


def test_addressees_do_not_swallow_the_banner():
    # 10SEOUL290: the banner after the press date line is the body, not an addressee
    cable = parse_cable(CASES[-1][1])
    assert cable.classification == "CONFIDENTIAL"
    assert cable.id == "10SEOUL290"


# The exclusion forms of a collective (``XMT``: "except"), as the telegram
# format writes them; no corpus cable has one, so they are set into the real
# 10ASTANA72 header (the first case above).
def _with_lines(replacements: dict[str, str]) -> str:
    text = CASES[0][1]
    for old, new in replacements.items():
        assert old in text
        text = text.replace(old, new)
    return text


def test_an_exclusion_after_the_collective_on_its_line():
    cable = parse_cable(_with_lines({"RUCNCIS/CIS COLLECTIVE PRIORITY 2396":
                                     "RUCNCIS/CIS COLLECTIVE PRIORITY 2396, XMT AMEMBASSY ASTANA"}))
    cis = cable.info[1]
    assert (cis.address, cis.excluded) == ("CIS COLLECTIVE", ["AMEMBASSY ASTANA"])


def test_an_exclusion_line_goes_to_the_collective_above_it():
    cable = parse_cable(_with_lines({"RUCNCIS/CIS COLLECTIVE PRIORITY 2396\n":
                                     "RUCNCIS/CIS COLLECTIVE PRIORITY 2396\nXMT AMEMBASSY ASTANA, AMEMBASSY BISHKEK\n"}))
    assert [a.address for a in cable.info] == ["ALL SOUTH AND CENTRAL ASIA COLLECTIVE", "CIS COLLECTIVE",
                                               "EUROPEAN POLITICAL COLLECTIVE", "AMEMBASSY BEIJING"]
    assert cable.info[1].excluded == ["AMEMBASSY ASTANA", "AMEMBASSY BISHKEK"]

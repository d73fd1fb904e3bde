"""Banner, captions, WikiLeaks labels, sections, id / station / origin / date.

Each excerpt is copied from the cable named in the case (corpus under
/work/shared/corpus): the header lines that matter, the banner and the
caption lines.  Expected values were read by hand and agree with WikiLeaks'
own metadata for the cable.
"""

import pytest

from cable_cli.parser import parse_cable

CASES = [
    ("10ASTANA72", """VZCZCXRO6688
PP RUEHBI RUEHCI RUEHDBU RUEHFL RUEHKW RUEHLA RUEHLH RUEHNEH RUEHNP
DE RUEHTA #0072/01 0250814
ZNY SSSSS ZZH
P 250814Z JAN 10
FM AMEMBASSY ASTANA
TO RUEHC/SECSTATE WASHDC PRIORITY 7265

S E C R E T SECTION 01 OF 03 ASTANA 000072

 SIPDIS
""", dict(classification="SECRET", captions=["SIPDIS"], sections=3, id="10ASTANA72", station="ASTANA",
          origin="Embassy Astana", date="2010-01-25T08:14:00Z", precedence="PRIORITY")),
    # NOFORN on its own line makes the WikiLeaks label SECRET//NOFORN
    ("06COPENHAGEN1327", """O 290813Z SEP 06
FM AMEMBASSY COPENHAGEN
TO RUEHC/SECSTATE WASHDC IMMEDIATE 2838
INFO REUHVV/ISLAMIC CONFERENCE COLLECTIVE PRIORITY

S E C R E T COPENHAGEN 001327

SIPDIS

NOFORN
SIPDIS
""", dict(classification="SECRET//NOFORN", captions=["SIPDIS", "NOFORN"], sections=None, id="06COPENHAGEN1327",
          origin="Embassy Copenhagen")),
    ("09STATE15113", """P 182318Z FEB 09
FM SECSTATE WASHDC
TO ALL DIPLOMATIC POSTS COLLECTIVE PRIORITY

S E C R E T STATE 015113

NOFORN, NOT FOR INTERNET DISTRIBUTION
""", dict(classification="SECRET//NOFORN", captions=["NOFORN"], id="09STATE15113", station="STATE",
          origin="Secretary of State")),
    # SENSITIVE on an UNCLAS cable: UNCLASSIFIED//FOR OFFICIAL USE ONLY
    ("10STATE16219", """O 230039Z FEB 10
FM SECSTATE WASHDC
TO ALL DIPLOMATIC AND CONSULAR POSTS COLLECTIVE IMMEDIATE

UNCLAS SECTION 01 OF 05 STATE 016219

SENSITIVE SIPDIS E.O. 12958: N/A
""", dict(classification="UNCLASSIFIED//FOR OFFICIAL USE ONLY", captions=["SENSITIVE", "SIPDIS"], sections=5,
          id="10STATE16219", date="2010-02-23T00:39:00Z", precedence="IMMEDIATE")),
    ("72TEHRAN1164", """R 250930Z FEB 72
FM AMEMBASSY TEHRAN
TO SECSTATE WASHDC 7561

UNCLASSIFIED SECTION 01 OF 01 TEHRAN 1164
""", dict(classification="UNCLASSIFIED", sections=1, id="72TEHRAN1164", origin="Embassy Tehran",
          date="1972-02-25T09:30:00Z", precedence="ROUTINE")),
    ("85BEIRUT1653", """O 161508Z MAR 85
FM AMEMBASSY BEIRUT
TO SECSTATE WASHDC NIACT IMMEDIATE 2224

S E C R E T BEIRUT 01653
""", dict(classification="SECRET", sections=None, id="85BEIRUT1653", origin="Embassy Beirut",
          precedence="IMMEDIATE")),
    # LIMITED OFFICIAL USE: WikiLeaks labels it UNCLASSIFIED; the banner word is kept as LOU
    ("1973STATE097844_b", """P R 221828 Z MAY 73
FM SECSTATE WASHDC
TO  AMEMBASSY LUXEMBOURG PRIORITY
INFO  AMEMBASSY ROME


LIMITED OFFICIAL USE STATE 097844
""", dict(classification="UNCLASSIFIED", captions=["LOU"], id="73STATE97844", origin="Secretary of State",
          date="1973-05-22T18:28:00Z", precedence="PRIORITY")),
    ("91USNATO1505", """P 031705Z APR 91
FM USMISSION USNATO
TO SECSTATE WASHDC PRIORITY 0714


C O N F I D E N T I A L SECTION 01 OF 04 USNATO 01505
""", dict(classification="CONFIDENTIAL", sections=4, id="91USNATO1505", station="USNATO",
          origin="Mission USNATO")),
    ("90CAPETOWN97", """R 171512Z JAN 90
FM AMCONSUL CAPE TOWN
TO SECSTATE WASHDC 5365


C O N F I D E N T I A L SECTION 01 OF 03 CAPE TOWN 00097
""", dict(classification="CONFIDENTIAL", sections=3, id="90CAPETOWN97", station="CAPETOWN",
          origin="Consulate Cape Town")),
    ("06PORTLOUIS752", """P 150826Z DEC 06
FM AMEMBASSY PORT LOUIS
TO RUEHC/SECSTATE WASHDC PRIORITY 2846

C O N F I D E N T I A L SECTION 01 OF 03 PORT LOUIS 000752

SIPDIS
""", dict(classification="CONFIDENTIAL", captions=["SIPDIS"], sections=3, id="06PORTLOUIS752",
          origin="Embassy Port Louis")),
    # press copy: weekday date line between the addressees and the banner
    ("10SEOUL290", """O 220854Z FEB 10
FM AMEMBASSY SEOUL
TO RUEHC/SECSTATE WASHDC IMMEDIATE 7152

Monday, 22 February 2010, 08:54
C O N F I D E N T I A L SEOUL 000290

SIPDIS
""", dict(classification="CONFIDENTIAL", captions=["SIPDIS"], id="10SEOUL290", date="2010-02-22T08:54:00Z")),
    # no routing header: the banner alone gives classification and the id's station and serial
    ("09MEXICO160", """UNCLAS SECTION 01 OF 14 MEXICO 000160

SIPDIS
""", dict(classification="UNCLASSIFIED", captions=["SIPDIS"], sections=14, station="MEXICO")),
    ("89BEIJING10642", """O 190821Z APR 89
FM AMEMBASSY BEIJING
TO SECSTATE WASHDC NIACT IMMEDIATE 6174


C O N F I D E N T I A L SECTION 01 OF 04 BEIJING 10642
""", dict(classification="CONFIDENTIAL", sections=4, id="89BEIJING10642", date="1989-04-19T08:21:00Z")),
    ("86DAMASCUS3747", """O 201102Z JUN 86
FM AMEMBASSY DAMASCUS
TO SECSTATE WASHDC IMMEDIATE 5703


C O N F I D E N T I A L SECTION 01 OF 02 DAMASCUS 03747
""", dict(classification="CONFIDENTIAL", sections=2, id="86DAMASCUS3747", origin="Embassy Damascus")),
    # spaced banner, NARA-declassified 1970s cable
    ("73TEHRAN2077", """P 020834Z APR 73
FM AMEMBASSY TEHRAN
TO SECSTATE WASHDC PRIORITY 1692
INFO AMEMBASSY ISLAMABAD PRIORITY

S E C R E T TEHRAN 2077

Declassified/Released US Department of State EO Systematic Review 30 JUN 2005
""", dict(classification="SECRET", id="73TEHRAN2077", date="1973-04-02T08:34:00Z", precedence="PRIORITY")),
]


@pytest.mark.parametrize("cable_id,text,expected", CASES, ids=[c[0] for c in CASES])
def test_classification_and_identity(cable_id, text, expected):
    record = parse_cable(text).to_dict()
    assert {k: record[k] for k in expected} == expected


def test_no_banner_is_a_defect_not_a_guess():
    # the partial-extract note that opens 02ANKARA8150 (alx scrape), standing alone
    cable = parse_cable("This record is a partial extract of the original cable. The full text of the original "
                        "cable is not available.\n")
    assert cable.classification is None
    assert cable.partial is True
    assert {"no-classification"} <= {d.code for d in cable.defects}

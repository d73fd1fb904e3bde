"""Old and partial formats: 1966-2003 cables as the corpus holds them.

ACP-126 headers without VZCZC, ``PAGE 01`` print copies with ACTION/INFO
and ORIGIN/INFO distribution lists, DRAFTED BY / APPROVED BY, partial
extracts, cables without SUBJECT or TAGS, bodies cut short with ``...``,
``XXXXXXXXXXXX`` redactions.  Each excerpt is copied from the cable named
in the case (corpus under /work/shared/corpus); expected values read by hand.
"""

from cable_cli.parser import parse_cable

PLUSD_1973 = """LIMITED OFFICIAL USE

PAGE 01   STATE  097844

51
ORIGIN    SPM-01

INFO  OCT-01    EUR-25   ADP-00   RSC-01  /028  R

DRAFTED BY S/ PM: PPCLAXTON,  JR.
05/22/73   EXT 23262
APPROVED BY EUR/ WE: DWLOVING
---------------------       001415
P R 221828 Z MAY 73
FM SECSTATE WASHDC
TO  AMEMBASSY LUXEMBOURG PRIORITY
INFO  AMEMBASSY ROME


LIMITED OFFICIAL USE STATE 097844

E. O. 11652:  N/ A
TAGS:   SPOP  IT

SUBJECT:   INFORMATION TO FORMER SENATOR TYDINGS

1.   PLEASE INFORM TYDINGS HOTEL KONS AMBASSADOR VOLPE
INVITES HIM LUNCH MAY 25.   REQUEST ASSIST TYDINGS
ADVISE AMEMBASSY ROME WHETHER HE CAN ACCEPT.

2.   ALSO INFORM HIM APPOINTMENT MADE FATHER MCCORMACK
MAY 24  AT TEN THIRTY A. M.
"""

PRINT_1990 = """ CONFIDENTIAL

PAGE 01        CAPE T  00097  01 OF 03  182017Z
ACTION AF-00

INFO  LOG-00   ADS-00   INR-05   EUR-00   SS-00    CIAE-00  DODE-00
      H-01     NSCE-00  NSAE-00  HA-09    L-03     TRSE-00  PM-10
      P-02     T-01     /037 W
                    ------------------352654  200910Z /23
R 171512Z JAN 90
FM AMCONSUL CAPE TOWN
TO SECSTATE WASHDC 5365
INFO AMEMBASSY PRETORIA
AMCONSUL JOHANNESBURG


C O N F I D E N T I A L SECTION 01 OF 03 CAPE TOWN 00097


LONDON FOR KOLKER, PARIS FOR FENDRICK

E.O. 12356:  DECL:  OADR
TAGS:  PGOV, PHUM. SF
SUBJ:  ESSA MOOSA TALKS ABOUT MANDELA AND OTHER TOPICS

1.  CONFIDENTIAL - ENTIRE TEXT.
"""

PARTIAL_1992 = """This record is a partial extract of the original cable. The full text of the original cable is not available.


                       UNCLASSIFIED

PAGE 01        LIMA  00047  022119Z
ACTION OIS-01

INFO  LOG-00   ARA-01   ADS-00   SVC-00   IMIS-02    /004W
                  ------------------BD63EE  022123Z /63
FM AMEMBASSY LIMA
TO SECSTATE WASHDC 4550


UNCLAS LIMA 00047

SIPDIS


E.O. 12356: N/A
TAGS: AINF
SUBJECT: RETIREMENT OF FILES

REF: RMH CHAPTER 3, SECTION 4, ITEM 03405.

1.  THERE ARE A LARGE QUANTITY OF VOUCHER FILES
(APPROXIMATELY 25 BOXES) BEING HELD AT THE EMBASSY
WAREHOUSE WHICH DATE FROM 1976 THRU 1989.
"""

PARTIAL_2000 = """This record is a partial extract of the original cable. The full text of the original cable is not available.

291359Z Nov 00


                           CONFIDENTIAL     PTQ1859

PAGE 01        HARARE  06677  01 OF 03  291400Z
ACTION AF-00

INFO  LOG-00   NP-00    AID-00   ACQ-00   CEA-01   CIAE-00  COME-00
      SAS-00   SWCI-00    /012W
                  ------------------A54E38  291401Z /38
FM AMEMBASSY HARARE
TO SECSTATE WASHDC IMMEDIATE 7738
INFO NSC WASHDC IMMEDIATE
SOUTHERN AFRICAN DEVELOPMENT COMMUNITY
AMEMBASSY NAIROBI

Wednesday, 29 November 2000, 13:59
C O N F I D E N T I A L SECTION 01 OF 03 HARARE 006677
SIPDIS
NSC FOR SENIOR AFRICA DIRECTOR GAYLE SMITH
EO 12958 DECL: 11/29/10
TAGS PGOV, PREL, ECON, PINR, ZI, SA
SUBJECT: ASSISTANT SECRETARY MEETS WITH ZIMBABWE
 CONFIDENTIAL
PAGE 02 HARARE 06677 01 OF 03 291400Z OPPOSITION LEADER
REFTEL: HARARE 6584
CLASSIFIED BY AMBASSADOR TOM MCDONALD FOR REASONS 1.5 (B) AND (D).

¶1. (C) SUMMARY: ASSISTANT SECRETARY SUSAN E. RICE MET WITH MDC PRESIDENT MORGAN TSVANGIRAI. END SUMMARY.
"""

TRUNCATED_1975 = """O R 181205Z NOV 75 ZFF4
FM AMEMBASSY LIBREVILLE
TO USMISSION USUN NEWYORK NIACT IMMEDIATE
SECSTATE WASHDC IMMEDIATE 7102
INFO AMEMBASSY PARIS
AMEMBASSY SEOUL

C O N F I D E N T I A L 75 LIBREVILLE 1895
E.O. 11652: NGDS

TAGS: PFOR UNGA GB KS KN

SUBJ: KOREA AT 30TH UNGA: GABON

REF: STATE 272523; USUN 6028

¶1. PRESIDENT BONGO HAS JUST PERSONALLY ASSURED ME THAT
GOG PERMREP HAS NOW RECEIVED F...
"""


def test_plusd_1973_distribution_drafted_approved():
    # 1973STATE097844 (PlusD page): ORIGIN/INFO list, DRAFTED BY / APPROVED BY above the DTG
    c = parse_cable(PLUSD_1973)
    assert (c.date, c.precedence, c.from_) == ("1973-05-22T18:28:00Z", "PRIORITY", "SECSTATE WASHDC")
    assert [a.address for a in c.to] == ["AMEMBASSY LUXEMBOURG"]
    assert [a.address for a in c.info] == ["AMEMBASSY ROME"]
    assert (c.id, c.classification, c.captions) == ("73STATE97844", "UNCLASSIFIED", ["LOU"])
    assert (c.subject, c.tags) == ("INFORMATION TO FORMER SENATOR TYDINGS", ["SPOP", "IT"])


def test_plusd_1973_paragraphs_start_after_the_preamble():
    c = parse_cable(PLUSD_1973)
    assert [p.number for p in c.paragraphs] == [1, 2]
    assert c.paragraphs[0].text.startswith("PLEASE INFORM TYDINGS HOTEL KONS AMBASSADOR VOLPE INVITES HIM")


def test_print_copy_1990_header():
    # 90CAPETOWN97 (cables.csv): PAGE 01, ACTION/INFO distribution with one-letter offices, relay line
    c = parse_cable(PRINT_1990)
    assert (c.date, c.from_, c.id, c.origin) == ("1990-01-17T15:12:00Z", "AMCONSUL CAPE TOWN", "90CAPETOWN97",
                                                 "Consulate Cape Town")
    assert [a.address for a in c.info] == ["AMEMBASSY PRETORIA", "AMCONSUL JOHANNESBURG"]
    assert not any(d.code == "no-header" for d in c.defects)


def test_print_copy_1990_preamble():
    c = parse_cable(PRINT_1990)
    assert (c.subject, c.tags, c.sections) == ("ESSA MOOSA TALKS ABOUT MANDELA AND OTHER TOPICS",
                                               ["PGOV", "PHUM", "SF"], 3)
    assert c.paragraphs[0].number == 1


def test_partial_extract_1992_keeps_its_header():
    # 92LIMA47: partial extract, print copy, no date-time group
    c = parse_cable(PARTIAL_1992)
    assert c.partial is True
    assert (c.from_, [a.address for a in c.to]) == ("AMEMBASSY LIMA", ["SECSTATE WASHDC"])
    assert c.date is None
    assert {"no-date-time-group", "no-date"} <= {d.code for d in c.defects}
    assert (c.classification, c.subject, c.tags) == ("UNCLASSIFIED", "RETIREMENT OF FILES", ["AINF"])


def test_partial_extract_2000_with_bare_date_time_group():
    # 00HARARE6677: ``291359Z Nov 00`` line, banner with a ``PTQ1859`` code over the print copy
    c = parse_cable(PARTIAL_2000)
    assert c.partial is True
    assert (c.date, c.id) == ("2000-11-29T13:59:00Z", "00HARARE6677")
    assert [a.address for a in c.info] == ["NSC WASHDC", "SOUTHERN AFRICAN DEVELOPMENT COMMUNITY", "AMEMBASSY NAIROBI"]


def test_print_page_break_inside_the_subject():
    c = parse_cable(PARTIAL_2000)
    assert c.subject == "ASSISTANT SECRETARY MEETS WITH ZIMBABWE OPPOSITION LEADER"
    assert c.summary == "ASSISTANT SECRETARY SUSAN E. RICE MET WITH MDC PRESIDENT MORGAN TSVANGIRAI."


def test_truncated_body_ends_in_dots_and_has_no_signer():
    # 7575LIBREVILLE1895 (final build): WikiLeaks' malformed id; the text gives 75LIBREVILLE1895
    c = parse_cable(TRUNCATED_1975)
    assert c.id == "75LIBREVILLE1895"
    assert c.paragraphs[-1].text.endswith("GOG PERMREP HAS NOW RECEIVED F...")
    assert c.signer is None
    assert [(a.address, a.precedence) for a in c.to] == [("USMISSION USUN NEWYORK", "NIACT IMMEDIATE"),
                                                         ("SECSTATE WASHDC", "IMMEDIATE")]
    assert c.subject == "KOREA AT 30TH UNGA: GABON"


def test_no_subject_no_tags():
    # 06SANTODOMINGO409: banner glued after a ``Cable dated:`` line, no E.O./TAGS/SUBJECT lines
    text = """O 072212Z FEB 06
FM AMEMBASSY SANTO DOMINGO
TO RUEHC/SECSTATE WASHDC IMMEDIATE 3433

Cable dated:2006-02-07T22:12:00C O N F I D E N T I A L SANTO DOMINGO 000409SIPDISSIPDISSTATE FOR WHA/CAR-NICHOLS, SEARBY

Classified By: Charge d'Affaires Lisa Kubiske. Reason: 1.4(b) and (d).

¶1. (C)  Summary and comment. In a February 6 meeting requested by Charge Kubiske.

Duvalier,s Return to Haiti "Unhelpful"
- - - - - - - - - - - - - - - - - - - - - - - - - - -

¶3. (C)  Kubiske expressed USG concern over a return to Haiti of either Duvalier or Aristide.
"""
    c = parse_cable(text)
    assert (c.subject, c.tags) == (None, [])
    assert (c.classification, c.id) == ("CONFIDENTIAL", "06SANTODOMINGO409")
    assert [(p.number, p.heading) for p in c.paragraphs] == [(1, None), (3, 'Duvalier,s Return to Haiti "Unhelpful"')]


def test_redaction_stays_in_the_text():
    # 01PRETORIA1173 ¶3
    text = """C O N F I D E N T I A L SECTION 01 OF 02 PRETORIA 001173

¶3. (C) THE MINISTER IN THE OFFICE OF THE PRESIDENCY ESSOP PAHAD HAS LAUNCHED BLISTERING ATTACKS ON THE PRESS WHEN HIS BOSS IS CRITICIZED. XXXXXXXXXXXX. HIS FORMER SPOKESPERSON, THE LATE PARKS MANKAHLANA HAD LOST ALMOST ALL CREDIBILITY.
"""
    c = parse_cable(text)
    assert "CRITICIZED. XXXXXXXXXXXX. HIS FORMER" in c.paragraphs[0].text


def test_1966_cable_without_vzczc():
    # 66BUENOSAIRES2481: DTG/FM/TO/INFO only, NARA declassification, GP-3 before the signer
    text = """R 021839Z DEC 66
FM AMEMBASSY BUENOS AIRES
TO SECSTATE WASHDC 1218
INFO USCINCSO
CINCLANT

CONFIDENTIAL BUENOS AIRES 2481

E.O. 12958: DECL: DECLASSIFIED BY NARA 09/02/2009
TAGS: EFIS PBTS AR
SUBJECT:  EXTENDED NATIONAL JURISDICTIONS OVER HIGH SEAS

1.  FONOFF REACTION, WE WOULD THEN COUCH AIDE-MEMOIRE IN TERMS
WHICH WOULD APPEAR MOST LIKELY TO SUCCEED.

GP-3
SACCIO
"""
    c = parse_cable(text)
    assert (c.id, c.date, c.origin) == ("66BUENOSAIRES2481", "1966-12-02T18:39:00Z", "Embassy Buenos Aires")
    assert [a.address for a in c.info] == ["USCINCSO", "CINCLANT"]
    assert c.signer == "SACCIO"


def test_unnumbered_summary_paragraph_1975():
    # 75TEHRAN2069: ``SUMMARY:`` as an unnumbered paragraph before ``1.``
    text = """C O N F I D E N T I A L TEHRAN 2069

E.O. 11652: GDS
TAGS: PINT IR
SUBJECT: IRANIAN RESURGENCE PARTY CREATED BY SHAH

SUMMARY: CREATION OF IRANIAN RESURGENCE PARTY ANNOUNCED BY SHAH
MARCH 2.  END SUMMARY.

1.  SHAH'S LENGTHY STATEMENT AT HIS MARCH 2 PRESS CONFERENCE.
"""
    c = parse_cable(text)
    assert c.summary == "CREATION OF IRANIAN RESURGENCE PARTY ANNOUNCED BY SHAH MARCH 2."
    assert c.paragraphs[-1].number == 1


def test_entire_text_marking_1979():
    # 79TEHRAN8980: ``¶1. (C - ENTIRE TEXT).``
    text = """C O N F I D E N T I A L TEHRAN 08980

E.O. 12065: GDS 8/12/85 (TOMSETH, VICTOR L.) OR-P
TAGS: PEPR IR
SUBJECT: NEGOTIATIONS

¶1. (C - ENTIRE TEXT).

¶2. INTRODUCTION: RECENT NEGOTIATIONS.
"""
    c = parse_cable(text)
    assert [p.number for p in c.paragraphs] == [1, 2]
    assert c.paragraphs[0].text == "(C - ENTIRE TEXT)."


def test_nara_stamp_is_not_body_text():
    # 73TEHRAN2077: NARA review line and CORRECTED COPY note between banner and E.O.
    text = """P 020834Z APR 73
FM AMEMBASSY TEHRAN
TO SECSTATE WASHDC PRIORITY 1692
INFO AMEMBASSY ISLAMABAD PRIORITY

S E C R E T TEHRAN 2077

Declassified/Released US Department of State EO Systematic Review 30 JUN 2005

C O R R E C T E D C O P Y ( FIRST PARAGRAPH AND PARA. 2.)

¶E. O. 11652: GDS
TAGS: PFOR IR PK XF
SUBJECT: AUDIENCE WITH SHAH APRIL 5
 ...
"""
    c = parse_cable(text)
    assert (c.subject, c.tags) == ("AUDIENCE WITH SHAH APRIL 5", ["PFOR", "IR", "PK", "XF"])
    assert c.declassification.order is not None


def test_compact_eo_and_unmarked_paragraphs_1985():
    # 85BEIRUT1725: ``E.O. 12356:DECL:OADR`` without spaces, ``¶1.`` without a marking
    text = """UNCLAS BEIRUT 01725

E.O. 12356:DECL:OADR
TAGS: PTER PREL LE
SUBJECT:  FULL TEXT OF ISLAMIC JIHAD 17 MARCH STATEMENT

¶1.  AP PROVIDED EMBASSY WITH FULL TEXT OF ISLAMIC JIHAD STATEMENT AS TELEPHONED MARCH 17 TO REUTERS AND AFP.
"""
    c = parse_cable(text)
    assert c.declassification.order == "E.O. 12356"
    assert (c.tags, c.subject) == (["PTER", "PREL", "LE"], "FULL TEXT OF ISLAMIC JIHAD 17 MARCH STATEMENT")
    assert [(p.number, p.classification) for p in c.paragraphs] == [(1, None)]


# Consulate_Dubai.csv row 3 (05DUBAI57): a mail system's "Cable Text:" page
# wraps the telegram, with a first banner and a distribution block above the
# routing header.
DUBAI_WRAPPED = """null
Diana T Fritz  12/06/2006 06:10:33 PM  From  DB/Inbox:  Search Results

Cable 
Text:                                                                      
C O N F I D E N T I A L        DUBAI 00057

SIPDIS
CXABU:
    ACTION: ECON
    INFO:   DCM P/M POL AMB

VZCZCADO423
PP RUEHAD
DE RUEHDE #0057/01 0051352
ZNY CCCCC ZZH
P 051352Z JAN 05
FM AMCONSUL DUBAI
TO RUEHC/SECSTATE WASHDC PRIORITY 0755
INFO RUEHAD/AMEMBASSY ABU DHABI PRIORITY 0467

C O N F I D E N T I A L SECTION 01 OF 03 DUBAI 000057

SIPDIS

E.O. 12958: DECL:  1/5/2015
TAGS: ECON, ETRD, EFIN, PREL, TC
SUBJECT: PRESIDENT OF DUBAI CHAMBER OF COMMERCE EXPRESSES CONCERN
ABOUT FTA NEGOTIATIONS
"""


def test_routing_header_below_a_wrapper():
    cable = parse_cable(DUBAI_WRAPPED)
    assert (cable.id, cable.date, cable.from_) == ("05DUBAI57", "2005-01-05T13:52:00Z", "AMCONSUL DUBAI")
    assert cable.transmission.tid == "VZCZCADO423"
    assert [a.address for a in cable.info] == ["AMEMBASSY ABU DHABI"]
    assert cable.subject == "PRESIDENT OF DUBAI CHAMBER OF COMMERCE EXPRESSES CONCERN ABOUT FTA NEGOTIATIONS"
    assert cable.tags == ["ECON", "ETRD", "EFIN", "PREL", "TC"]
    assert [d.code for d in cable.defects] == ["text-before-header"]

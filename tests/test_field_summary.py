"""Summary, COMMENT and NOTE blocks over real cable excerpts.

Each excerpt is copied from the cable named in the case (corpus under
/work/shared/corpus), cut to the banner and the paragraphs that matter;
expected texts were read by hand.
"""

import pytest

from cable_cli.parser import parse_cable

SUMMARY_CASES = [
    # ``SUMMARY:`` ... ``END SUMMARY`` inside paragraph 1
    ("01PRETORIA1173", """C O N F I D E N T I A L SECTION 01 OF 02 PRETORIA 001173

¶1. (C) SUMMARY: RECENT ACTIONS AND STATEMENTS BY PRESIDENT MBEKI HAVE RAISED CAUTION FLAGS ABOUT HIS ABILITY TO ACCEPT CRITICISM AND MANAGE COLLEGIALLY. END SUMMARY

¶2. (C) THE CONTROVERSIAL INVESTIGATION OF SOUTH AFRICA'S 1999 $4 BILLION ARMS PURCHASE.
""", "RECENT ACTIONS AND STATEMENTS BY PRESIDENT MBEKI HAVE RAISED CAUTION FLAGS ABOUT HIS ABILITY TO ACCEPT "
     "CRITICISM AND MANAGE COLLEGIALLY.", True),
    # ``Summary and Action Request.`` ... ``End Summary and Action Request.``
    ("02TEGUCIGALPA2494", """UNCLAS TEGUCIGALPA 002494

1. (U) Summary and Action Request.  The Honduran government
has requested support of the USG (and other donors) to
extend to June 2003 in its Paris Club debt service deferral.
Washington agencies are requested to provide
guidance for a response.  End Summary and Action Request.

2. (U) Background.
""", "The Honduran government has requested support of the USG (and other donors) to extend to June 2003 in its "
     "Paris Club debt service deferral. Washington agencies are requested to provide guidance for a response.", True),
    # dash-underlined ``Summary and Action Request`` heading; the summary spans paragraphs
    ("05MUMBAI1682", """C O N F I D E N T I A L SECTION 01 OF 03 MUMBAI 001682

Summary and Action Request
---------------------------

¶1. (U) This is an Action Request.  See paragraph 13.

¶2. (C) Like a bad dream, terrorist and underworld figure Dawood Ibrahim returned to the headlines.

¶3. (C) ACTION REQUEST: we believe the USG should send a strong signal.  End Summary and Action Request.

Where in the world is Dawood Ibrahim?
-------------------------------------
""", "This is an Action Request.  See paragraph 13.\n\nLike a bad dream, terrorist and underworld figure Dawood "
     "Ibrahim returned to the headlines.\n\nACTION REQUEST: we believe the USG should send a strong signal.", True),
    # ``------- SUMMARY -------`` with no END SUMMARY: the summary is that paragraph
    ("08MOSCOW499", """UNCLAS SECTION 01 OF 03 MOSCOW 000499

------- SUMMARY -------

1.(SBU) A new and more restrictive draft of the Strategic Sectors Law (SSL) is circulating.

------------- NEW DRAFT SSL -------------

2.(SBU) Ministry of Industry and Energy Legal Chief Vladimir Taraskin told us February 21st.
""", "A new and more restrictive draft of the Strategic Sectors Law (SSL) is circulating.", False),
    # ``Summary and Comment:`` in paragraph 1
    ("04SINGAPORE3001", """CONFIDENTIAL SINGAPORE 003001

1. (C) Summary and Comment: Singapore's political opposition
is disunited, dispirited, and incapable of offering a
credible alternative to the ruling People's Action Party
(PAP).  End Summary and Comment.
""", "Singapore's political opposition is disunited, dispirited, and incapable of offering a credible "
     "alternative to the ruling People's Action Party (PAP).", True),
    # dash-boxed heading, no END SUMMARY: the next paragraph
    ("99JERUSALEM1970", """C O N F I D E N T I A L JERUSALEM 001970

--------
SUMMARY
--------

2.  (C)  PALESTINIANS INCREASINGLY COMPLAIN THAT
ARAFAT'S COTERIE OF "GATEKEEPERS" ARE EXERCISING A
DISPROPORTIONATE AMOUNT OF POWER.

3.  (C) ABU SAOOD.
""", "PALESTINIANS INCREASINGLY COMPLAIN THAT ARAFAT'S COTERIE OF \"GATEKEEPERS\" ARE EXERCISING A "
     "DISPROPORTIONATE AMOUNT OF POWER.", False),
    # ``SUMMARY AND COMMENT`` boxed, closed by a boxed ``END SUMMARY AND COMMENT``; two paragraphs
    ("89MOSCOW31607", """C O N F I D E N T I A L SECTION 01 OF 03 MOSCOW 31607

--------------------
SUMMARY AND COMMENT
--------------------

2.  AT THE END OF OCTOBER A STIR WAS CREATED AS THREE
SOVIET SPOKESMEN STATED THAT EAST EUROPE.

3.  THE VIABILITY OF THE WARSAW PACT CANNOT BE RULED OUT.

------------------------
END SUMMARY AND COMMENT
------------------------

4.  IN OCTOBER.
""", "AT THE END OF OCTOBER A STIR WAS CREATED AS THREE SOVIET SPOKESMEN STATED THAT EAST EUROPE.\n\n"
     "THE VIABILITY OF THE WARSAW PACT CANNOT BE RULED OUT.", True),
    # boxed SUMMARY after an ``ENTIRE TEXT`` paragraph; END SUMMARY at the end of paragraph 5
    ("90CAPETOWN97", """C O N F I D E N T I A L SECTION 01 OF 03 CAPE TOWN 00097

1.  CONFIDENTIAL - ENTIRE TEXT.

--------
SUMMARY
--------
2.  ATTORNEY ESSA MOOSA WHO SPOKE WITH HIM LAST WEEK,
SAYS MANDELA FULLY EXPECTS THAT ON FEBRUARY 2 DE KLERK
WILL ANNOUNCE THE UNBANNING OF THE ANC.

3.  RAISING THE PENDING VISIT OF JESSE JACKSON, MOOSA
EXPRESSED CONCERN.  END SUMMARY.
""", "ATTORNEY ESSA MOOSA WHO SPOKE WITH HIM LAST WEEK, SAYS MANDELA FULLY EXPECTS THAT ON FEBRUARY 2 DE KLERK "
     "WILL ANNOUNCE THE UNBANNING OF THE ANC.\n\nRAISING THE PENDING VISIT OF JESSE JACKSON, MOOSA EXPRESSED "
     "CONCERN.", True),
    # ``End summary.`` with no start: the paragraph it closes
    ("03KABUL1008", """CONFIDENTIAL KABUL 001008

1. (C) On April 8, Ambassador met with Privatization
Commission Chairman and former Minister of Public Works,
Khaliq Fazal.  End summary.

2. (C) Fazal said.
""", "On April 8, Ambassador met with Privatization Commission Chairman and former Minister of Public Works, "
     "Khaliq Fazal.", True),
    # a marking with a release list: ``(S/REL NATO) Summary.``
    ("08USNATO453", """S E C R E T SECTION 01 OF 05 USNATO 000453

¶1. (S/REL NATO) Summary. National Intelligence Officer (NiO) for South Asia, Dr. Peter Lavoy, briefed NATO Permanent Representatives. End Summary.

¶2. (S/REL NATO) Lavoy said.
""", "National Intelligence Officer (NiO) for South Asia, Dr. Peter Lavoy, briefed NATO Permanent Representatives.",
     True),
    # ``SUMMARY AND INTRODUCTION:`` in a numbered paragraph
    ("88CARACAS1552", """C O N F I D E N T I A L SECTION 01 OF 04 CARACAS 01552

2.  SUMMARY AND INTRODUCTION:  THIS CABLE ASKS THE
QUESTION: "IS THE UNITED STATES PREPARED FOR A SUDDEN CHANGE?"

3.  SECOND.
""", "THIS CABLE ASKS THE QUESTION: \"IS THE UNITED STATES PREPARED FOR A SUDDEN CHANGE?\"", False),
]

NO_SUMMARY_CASES = [
    # the word SUMMARY in the subject starts no summary
    ("09GUADALAJARA379", """UNCLAS SECTION 01 OF 04 GUADALAJARA 000379

SIPDIS

E.O. 12958: N/A
TAGS: KFRD, CVIS, CPAS, CMGT, ASEC, MX
SUBJECT: FRAUD SUMMARY - (GUADALAJARA)

REF: 08 STATE 74840

¶1. (U) Post Conditions: Guadalajara's consular district.
"""),
    ("02ADANA383", """UNCLAS ADANA 000383

E.O. 12958: N/A
TAGS: PREL, PINS, PGOV, PHUM, TU, IZ, ADANA, Press Summaries
SUBJECT: SOUTHEAST TURKEY PRESS SUMMARY NOVEMBER 2-3, 2002

1.  Kurdish-related news.
"""),
    ("91LIMA7182", """SECRET LIMA 07182

E.O. 12356: DECL: OADR
TAGS: PTER, PE
SUBJECT: A SUMMARY OF RECENT ESTIMATES OF SENDERO LUMINOSO STRENGTH

1.  (S) ENTIRE TEXT.
"""),
]


@pytest.mark.parametrize("cable_id,text,summary,terminated", SUMMARY_CASES, ids=[c[0] for c in SUMMARY_CASES])
def test_summary(cable_id, text, summary, terminated):
    cable = parse_cable(text)
    assert cable.summary == summary
    unterminated = any(d.code == "summary-unterminated" for d in cable.defects)
    assert unterminated is (not terminated)


@pytest.mark.parametrize("cable_id,text", NO_SUMMARY_CASES, ids=[c[0] for c in NO_SUMMARY_CASES])
def test_subject_word_summary_starts_no_summary(cable_id, text):
    cable = parse_cable(text)
    assert "SUMMARY" in cable.subject.upper()
    assert cable.summary is None


BLOCK_CASES = [
    # parenthesised COMMENT spanning lines
    ("01BANJUL327", "COMMENT", """CONFIDENTIAL BANJUL 000327

4.  JOBE CALLED LIBERIA
THE MAJOR OBSTACLE TO PEACE.  (COMMENT: THAT JOBE
WOULD UTTER SUCH AN IMPOVERISHED RATIONALE REVEALS
THE EXTENT THAT HE HAS RECEIVED NEW MARCHING ORDERS
REGARDING LIBERIA.  END COMMENT.)
""", ["THAT JOBE WOULD UTTER SUCH AN IMPOVERISHED RATIONALE REVEALS THE EXTENT THAT HE HAS RECEIVED NEW "
      "MARCHING ORDERS REGARDING LIBERIA."]),
    # parenthesised mixed-case notes, two in one cable
    ("00BUCHAREST1644", "NOTE", """CONFIDENTIAL BUCHAREST 001644

5. (C) conscripts," the President observed.  (Note: The MOD's goal
is an all-professional armed forces by 2007.  End Note.)
Basescu asked if it would be possible for the USG to increase
support for defense reform.
""", ["The MOD's goal is an all-professional armed forces by 2007."]),
    # dash-underlined COMMENT heading opens the block (page break inside the paragraph)
    ("00LIMA2475", "COMMENT", """S E C R E T SECTION 01 OF 03 LIMA 002475

-------
COMMENT
-------

14. (S) THE FUJIMORI CAMP SEEMS INTENT ON MAKING CHARACTER A
                          SECRET

PAGE 03        LIMA  02475  03 OF 03  251229Z
CENTRAL ISSUE IN THE SECOND ROUND (I.E., CONTINUE WITH SMEAR
TACTICS).  WE
SHOULD ALSO REFUSE COMMENT.
""", ["THE FUJIMORI CAMP SEEMS INTENT ON MAKING CHARACTER A CENTRAL ISSUE IN THE SECOND ROUND (I.E., CONTINUE "
      "WITH SMEAR TACTICS).  WE SHOULD ALSO REFUSE COMMENT."]),
    # COMMENT: spanning two paragraphs up to END COMMENT
    ("10ASTANA72", "COMMENT", """S E C R E T SECTION 01 OF 03 ASTANA 000072

¶10. (S) COMMENT:  Nazarbayev is in charge.

¶11. (S) The significant point is that Nazarbayev is
 standing with Idenov, not Kulibayev.  END COMMENT.
 HOAGLAND
""", ["Nazarbayev is in charge.\n\nThe significant point is that Nazarbayev is standing with Idenov, not Kulibayev."]),
]


@pytest.mark.parametrize("cable_id,word,text,expected", BLOCK_CASES, ids=[c[0] for c in BLOCK_CASES])
def test_comment_and_note_blocks(cable_id, word, text, expected):
    cable = parse_cable(text)
    assert (cable.comments if word == "COMMENT" else cable.notes) == expected


def test_inline_summary_start_in_any_case(corpus):
    """10JAKARTA186 (a single-line page build): ``2. Summary:`` stands inside
    paragraph 1's text, ``End Summary.`` further on.  The markers are
    case-blind, so ``SuMMary`` reads the same (a literal pre-test once looked
    only for ``UMMARY`` and ``ummary``)."""
    from cable_cli.sources import iter_inputs

    [raw] = iter_inputs([str(corpus / "html" / "avilaroman-wikileaks-mirror" / "10JAKARTA186.html")])
    original = parse_cable(raw.text)
    assert original.summary.startswith("Mission Indonesia requests immediate additional funding")
    assert "2. Summary:" in raw.text
    odd_case = parse_cable(raw.text.replace("Summary", "SuMMary"))
    assert odd_case.summary == original.summary

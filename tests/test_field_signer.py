"""The signer: the name standing alone at the end of a cable.

Each excerpt is the end of the cable named in the case, copied from
/work/shared/corpus (a banner line is put on top so the text parses as a
cable body); the expected signer was read by hand.
"""

import pytest

from cable_cli.parser import parse_cable

CASES = [
    # glued after the last sentence, as the single-line page builds have it
    ("04DUBLIN1739", "C O N F I D E N T I A L DUBLIN 001739\n\n¶4. (C) Shannon was helpful, as is, in general "
     "terms, the UNSCR  resolution asking members to support Iraq.  KENNY", "KENNY"),
    ("10TRIPOLI95", "S E C R E T TRIPOLI 000095\n\n¶9. (C) Comment: ... may welcome him as Libya's knight in "
     "shining armor.  End comment. CRETZ", "CRETZ"),
    # multi-word surnames
    ("08REYKJAVIK251", "UNCLAS REYKJAVIK 000251\n\n"
     "¶4. (U) Post emailed a copy of the IMF press release to the desk. \n \nVAN VOORST\n", "VAN VOORST"),
    ("88DHAKA2166", "UNCLAS DHAKA 02166\n\n5.  (SAARC) TO ADDRESS THE PROBLEM OF INTERNATIONAL \n"
     "TERRORISM.  BANGLADESH'S UNGA VOTING RECORD ON TERRORISM \nIS UNAVAILABLE AT POST. \n \n \nDE PREE\n", "DE PREE"),
    ("04SAOPAULO1472", "UNCLAS SAO PAULO 001472\n\nthe outcome of national elections.  End Comment. \n \n"
     "12. (U) This message was coordinated with Embassy Brasilia. \n \nDEL VECCHIO\n", "DEL VECCHIO"),
    ("03MAPUTO558", "CONFIDENTIAL MAPUTO 000558\n\n1. (C) His\ncooperative attitude with the USG seems sincere and his staff \n"
     "has developed good working relations with post and with other \ninternational donors. \nLA LIME\n", "LA LIME"),
    # after QUOTE ... UNQUOTE: the repeating cable's own signer
    ("04NEWDELHI6976", "CONFIDENTIAL NEW DELHI 006976\n\n1. QUOTE\nof this discrete group could begin. \n"
     "10.  (U) A/S Dewey has cleared this cable. \nMULFORD \nUNQUOTE \nMULFORD \n", "MULFORD"),
    # before a trailing classification line and page residue
    ("00HARARE6677", "CONFIDENTIAL HARARE 006677\n\n¶12. (U) A/S RICE HAS CLEARED THIS MESSAGE.\nMCDONALD\n CONFIDENTIAL\n>\n",
     "MCDONALD"),
    # before NNNN; mixed-case name as the CSV copies write it
    ("04PARIS4951", "CONFIDENTIAL PARIS 004951\n\nthe French request for high-level consultations before a \n"
     "Title III waiver is ruled out.  End Comment. \nLeach \n \n \nNNNN \n", "Leach"),
    ("03GUATEMALA66", "UNCLAS GUATEMALA 000066\n\nEmbassy Guatemala is a mid-sized embassy with 4 FS OMS \nassigned. \n"
     " \n \nThank you. \nHamilton \n", "Hamilton"),
    # after MINIMIZE CONSIDERED (no full stop on the line before)
    ("04HELSINKI1023", "UNCLAS HELSINKI 001023\n\n--  Why is this not officially a \"blue helmet\" operation, \n"
     "since that would seem to facilitate both financial and troop \ndonations? \n \nMINIMIZE CONSIDERED \nMACK \n", "MACK"),
    # after the GP-3 declassification group of 1960s cables
    ("66BUENOSAIRES2481", "CONFIDENTIAL BUENOS AIRES 2481\n\nFONOFF REACTION, WE WOULD THEN COUCH AIDE-MEMOIRE IN TERMS \n"
     "WHICH WOULD APPEAR MOST LIKELY TO SUCCEED. \n \nGP-3 \nSACCIO \n", "SACCIO"),
    # before the NARA review stamp and the operator's omission note
    ("75TEHRAN2069", "CONFIDENTIAL TEHRAN 02069\n\nWHILE ADDING SEVERAL DISADVANTAGES BOTH DOMESTICALLY AND INTERNATIONALLY. \n"
     " \n \nHELMS \n \nDeclassified/Released US Department of State EO \nSystematic Review 05 JUL 2006 \n", "HELMS"),
    ("90KHARTOUM3292", "CONFIDENTIAL KHARTOUM 03292\n\nDEPENDENCE ON LIBYA WILL PROVIDE SMALL CONSOLATION. \n \n \n \n"
     "CHEEK \n \nNOTE: (#) OMISSION. CORRECTION TO FOLLOW. \n", "CHEEK"),
    # the name typed twice, on one line or on two
    ("05SOFIA1207", "CONFIDENTIAL SOFIA 001207\n\n¶11. (C) there is reason to hope that the tide will slowly begin "
     "to turn against organized crime in the coming years. \n\nPARDEW PARDEW\n", "PARDEW"),
    ("04TAIPEI3051", "CONFIDENTIAL TAIPEI 003051\n\nmonths, as well as for information on Ching Hwee's exports of \n"
     "machine tools to non-restricted countries. \n \nPAAL \nPAAL \n", "PAAL"),
    # full stop and ``##`` omission marks after the name
    ("90PRETORIA7087", "CONFIDENTIAL PRETORIA 07087\n\nSISULU'S LACK OF ADMINISTRATIVE ACUMEN COULD PROVE A \n"
     "DISTINCT LIABILITY. \n \nSWING.\n", "SWING"),
    ("92LIMA12419", "CONFIDENTIAL LIMA 12419\n\nHOUSES, WILL ALREADY BE DEMANDING ITS SHARE OF \nTHE ECONOMIC PIE. \n \n \n"
     "QUAINTON## \n", "QUAINTON"),
    # after the post's classified-website line
    ("08LONDON1837", "CONFIDENTIAL LONDON 001837\n\n¶12. (C/NF) FCO officials said that the EU should hold off.\n"
     "Visit London's Classified Website: http://www.intelink.sgov.gov/wiki/Portal:Unit ed_Kingdom\nLeBaron\n",
     "LeBaron"),
    # no signer: the cable simply ends / is cut short / says SIGNATURE
    ("03USUNNEWYORK298", "UNCLAS USUN NEW YORK 000298\n\nIN THIS CONNECTION, WE CAUTION AGAINST USING THE GENERAL \n"
     "ASSEMBLY OR THE SECURITY COUNCIL AS FORUMS FOR SPREADING \nFALSE ACCUSATIONS AND FABRICATED EVIDENCE IN OPEN DISREGARD \n"
     "FOR THE MECHANISMS PRESCRIBED BY THE SECURITY COUNCIL \n \n                       UNCLASSIFIED \n", None),
    ("06MANAGUA1002", "CONFIDENTIAL MANAGUA 001002\n\nassociated with many of these individuals in Nicaragua \n"
     "throughout the 1980s. The Pablo Escobar footage was filmed \nJune 24, 1984. \nTRIVELLI\n\nDANIEL ORTEGA AN...\n", None),
    ("04MUMBAI2286", "UNCLAS MUMBAI 002286\n\nproblems facing the state. \n \nSIGNATURE\n", None),
]


@pytest.mark.parametrize("cable_id,text,signer", CASES, ids=[c[0] for c in CASES])
def test_signer(cable_id, text, signer):
    cable = parse_cable(text)
    assert cable.signer == signer
    if signer:
        assert all(not p.text.rstrip(" .#").endswith(signer) for p in cable.paragraphs[-1:]), "signer left in the body"

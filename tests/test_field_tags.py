"""parse_tags over real TAGS blocks (cable id in each case id).

Inputs are copied from the cables in /work/shared/corpus (text after the
marker, continuation lines joined with a space); expected values read by hand.
"""

import pytest

from cable_cli.parser.fields import parse_tags

CASES = [
    ("01PRETORIA1173", "PREL, PGOV, SF", ["PREL", "PGOV", "SF"]),
    ("06NEWDELHI2587", "PTER, PGOV, PINR, PREL, PINS, MASS, KJUS, KTIA, TBIO, KCRM, TINT, EFIN, EAIR, SNAR, KISL, IN, PK, BK, NE",
     ["PTER", "PGOV", "PINR", "PREL", "PINS", "MASS", "KJUS", "KTIA", "TBIO", "KCRM", "TINT", "EFIN", "EAIR", "SNAR",
      "KISL", "IN", "PK", "BK", "NE"]),
    ("09TRIPOLI1025", "PREL PINS MNUC PARM PINR RS KGIC KNNP KRAD ENRG LY",
     ["PREL", "PINS", "MNUC", "PARM", "PINR", "RS", "KGIC", "KNNP", "KRAD", "ENRG", "LY"]),
    ("08BERLIN643", "parm, prel, ettc, mtcre, ksca, ir, gm", ["PARM", "PREL", "ETTC", "MTCRE", "KSCA", "IR", "GM"]),
    ("09BEIJING2963", "ovip (steinberg, james b.), prel, parm, pgov, econ, etra, mnuc, marr, ch, jp, kn, ks, ir",
     ["OVIP", "STEINBERG, JAMES B.", "PREL", "PARM", "PGOV", "ECON", "ETRA", "MNUC", "MARR", "CH", "JP", "KN", "KS", "IR"]),
    ("1974ATHENS02959_b", "PINS, GR, (KALOUDIS, NICK), (AMBATIELOS, ANTHONY)",
     ["PINS", "GR", "KALOUDIS, NICK", "AMBATIELOS, ANTHONY"]),
    ("1974ATHENS02959_b-plusd",
     "AMBATIELOS, ANTHONY | GR - Greece; Crete | KALOUDIS, NICK | PINS - Political Affairs--Internal Security",
     ["AMBATIELOS, ANTHONY", "GR", "KALOUDIS, NICK", "PINS"]),
    # space-separated person words cannot be told from codes: kept as words
    ("06PARTO9", "OVIP RICE CONDOLEEZZA KISL PGOV PHUM LE SY, IS",
     ["OVIP", "RICE", "CONDOLEEZZA", "KISL", "PGOV", "PHUM", "LE", "SY", "IS"]),
    ("08MOSCOW3343", "XTAGPGOV, XTAGPHUM, XTAGSOCI, XTAGRS 08MOSCOW3343", ["PGOV", "PHUM", "SOCI", "RS"]),
    ("01VATICAN1436", "PHUM, PREL, KIRF, CU, VT CONFIDENTIAL PAGE 02 VATICA 01436 02 OF 03 161443Z",
     ["PHUM", "PREL", "KIRF", "CU", "VT"]),
    ("06PORTLOUIS752", "PREL MARR EPET PBTS ECON PHSA PINS IN MP IO SF PORT LOUIS 00000752 001.2 OF 003",
     ["PREL", "MARR", "EPET", "PBTS", "ECON", "PHSA", "PINS", "IN", "MP", "IO", "SF"]),
    ("05ANKARA3199", "PREL PGOV PINS PHUM TUSUBJECT: CABINET SHUFFLES AND THE LONG SQUEEZE",
     ["PREL", "PGOV", "PINS", "PHUM", "TU"]),
    ("02ADANA383", "PREL, PINS, PGOV, PHUM, TU, IZ, ADANA, Press Summaries",
     ["PREL", "PINS", "PGOV", "PHUM", "TU", "IZ", "ADANA", "Press Summaries"]),
    ("97SOFIA3097", "PREL, PG0V, BU", ["PREL", "PG0V", "BU"]),
    ("91BERLIN3009", "ELAB, PGOV, GM, EIND, GM ELAB, GM ELAB, GM ELAB, GM ELAB, GM ELAB", ["ELAB", "PGOV", "GM", "EIND"]),
    ("00BUCHAREST1644", "PGOV, PREL, MOPS, MARR, EFIN, OVIP, RO, IZ, military cooperation, flood",
     ["PGOV", "PREL", "MOPS", "MARR", "EFIN", "OVIP", "RO", "IZ", "military cooperation", "flood"]),
    ("09ABUDHABI744", "PTER PGOV PREL PARM EAID MOPS IR IS AF PK SY LE SAQA, AE",
     ["PTER", "PGOV", "PREL", "PARM", "EAID", "MOPS", "IR", "IS", "AF", "PK", "SY", "LE", "SAQA", "AE"]),
    ("00HARARE5461", "PGOV, PINS, ZI, MDC, ZANU-PF", ["PGOV", "PINS", "ZI", "MDC", "ZANU-PF"]),
    ("03ROME2045", "PREL MARR MOPS IT MARR MOPS IT IZ IZPREL IZPREL IRAQI FREEDOM",
     ["PREL", "MARR", "MOPS", "IT", "IZ", "IZPREL", "IRAQI", "FREEDOM"]),
    ("85TOKYO364", "EFIS, JA, IWC-2", ["EFIS", "JA", "IWC-2"]),
]


@pytest.mark.parametrize("raw,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_tags(raw, expected):
    assert parse_tags(raw) == expected


# Forms named in the brief that do not occur in the corpus: written, not copied.
def test_person_tags_not_in_corpus():
    assert parse_tags("OVIP (CLINTON, HILLARY), PREL") == ["OVIP", "CLINTON, HILLARY", "PREL"]
    assert parse_tags("PREL, CLINTON, HILLARY, PGOV") == ["PREL", "CLINTON, HILLARY", "PGOV"]


TRICKY = ["", " ", ",", "(", ")", "((((", "|", "TAGS:", "SUBJECT:", "PAGE", "PAGE 02", "00000752 001 OF",
          " " * 100_000, "1" * 100_000, "(b) " * 20_000, ", (" * 20_000, "PREL, " * 20_000, "\x00\u00b6\ufeff", "X" * 10_000]


@pytest.mark.parametrize("raw", TRICKY, ids=range(len(TRICKY)))
def test_never_raises(raw):
    got = parse_tags(raw)
    assert isinstance(got, list) and all(isinstance(t, str) and t for t in got)


# The fast path for code-like words (2-6 upper-case letters or digits) must
# leave to the full rules every such list that they change: written, not copied.
def test_code_like_lists_the_full_rules_change():
    assert parse_tags("PINT, UR") == ["PINT", "UR"]  # unknown short codes: kept as written
    assert parse_tags("PREL, KOVACS, IVAN") == ["PREL", "KOVACS, IVAN"]  # a 6-letter unknown word: a person
    assert parse_tags("SBU PREL UR") == ["PREL", "UR"]  # a banner word is junk
    assert parse_tags("TAGS PREL, UR") == ["PREL", "UR"]  # a repeated marker
    assert parse_tags("XTAGPINT, UR") == ["PINT", "UR"]  # the XTAG prefix

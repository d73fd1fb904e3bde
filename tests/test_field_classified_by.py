"""parse_classified_by over real CLASSIFIED BY blocks (cable id in each case id).

Inputs are copied from the cables in /work/shared/corpus (text after the
marker, block lines joined with a space); the expected values were read by hand.
"""

import pytest

from cable_cli.parser.fields import parse_classified_by

CASES = [
    # id, raw, title, name, reasons
    ("06NEWDELHI2587", "Charge Bob Blake for Reasons 1.4 (B, D)", "Charge", "Bob Blake", ["1.4(b)", "1.4(d)"]),
    ("09BAKU687", "POL/ECON COUNSELOR ROB GARVERICK, REASON 1.4 (B and D)", "POL/ECON COUNSELOR", "ROB GARVERICK", ["1.4(b)", "1.4(d)"]),
    ("09STATE15113", "S/CT DAS, Susan F. Burk, Reason: 1/4 (B), (D), (E), and (G)", "S/CT DAS", "Susan F. Burk",
     ["1.4(b)", "1.4(d)", "1.4(e)", "1.4(g)"]),
    ("08STATE15220", "ISN/MTR DIRECTOR PAM DURHAM for reasons 1.4 (b), (d).", "ISN/MTR DIRECTOR", "PAM DURHAM", ["1.4(b)", "1.4(d)"]),
    ("01PRETORIA1173", "AMBASSADOR DELANO E. LEWIS. REASONS 1.5 (B) AND (D).", "AMBASSADOR", "DELANO E. LEWIS", ["1.5(b)", "1.5(d)"]),
    ("10ROME1", "Ambassador David H. Thorne. Reasons 1.4 (b) and (d).", "Ambassador", "David H. Thorne", ["1.4(b)", "1.4(d)"]),
    ("10STATE9939", "(U) CLASSIFIED BY EAP DAS DAVID B. SHEAR, REASON: 1.4 (C).", "EAP DAS", "DAVID B. SHEAR", ["1.4(c)"]),
    ("96JAKARTA7841", "POL COUNSELOR ED MCWILLIAMS; REASON 1.5(D)", "POL COUNSELOR", "ED MCWILLIAMS", ["1.5(d)"]),
    ("09ASUNCION681", "Perry Holloway, DCM; REASON: 1.4(B), (D)", "DCM", "Perry Holloway", ["1.4(b)", "1.4(d)"]),
    ("00HARARE5461", "DCM EARL IRVING. REASONS: 1.5 (B) AND (D).", "DCM", "EARL IRVING", ["1.5(b)", "1.5(d)"]),
    ("09BERLIN1577", "Ambassador Philip D. Murphy for reasons 1.4 b/d.", "Ambassador", "Philip D. Murphy", ["1.4(b)", "1.4(d)"]),
    ("06PORTLOUIS752", "DCM Stephen Schwartz. Reason: 1.4 (b/d)", "DCM", "Stephen Schwartz", ["1.4(b)", "1.4(d)"]),
    ("04ANKARA7211", "Ambassador Eric Edelman; reasons: E.O. 12958 1.4 (a,b,c,d).", "Ambassador", "Eric Edelman",
     ["1.4(a)", "1.4(b)", "1.4(c)", "1.4(d)"]),
    ("05VIENNA3833", "Charge d'Affaires Scott F. Kilner. Reasons: 1.4 (b) an d (d).", "Charge d'Affaires", "Scott F. Kilner",
     ["1.4(b)", "1.4(d)"]),
    ("07BRATISLAVA648", "Lawrence R. Silverman, Deputy Chief of Mission, reason 1 .4(b) and (d)", "Deputy Chief of Mission",
     "Lawrence R. Silverman", ["1.4(b)", "1.4(d)"]),
    ("04RANGOON1100", "CDA, A.I. RON MCMULLEN FOR REASON 1.5 (A/C).", "CDA, A.I.", "RON MCMULLEN", ["1.5(a)", "1.5(c)"]),
    ("06DUSHANBE1464", "Richard E. Hoagland, Ambassador, Embassy Dushanbe, State Department. REASON: 1.4 (b), (d)",
     "Ambassador, Embassy Dushanbe, State Department", "Richard E. Hoagland", ["1.4(b)", "1.4(d)"]),
    ("08LONDON1837", "Political Counselor Richard M. Mills Jr. for reasons 1.4 (b) and (d)", "Political Counselor",
     "Richard M. Mills Jr.", ["1.4(b)", "1.4(d)"]),
    ("09BRUSSELS854", "USEU POL M-C Christopher Davis for reasons 1.4 (b) and ( d).", "USEU POL M-C", "Christopher Davis",
     ["1.4(b)", "1.4(d)"]),
    ("08STATE93970", "Classified by IO/DAS Gerald Anderson for reasons 1.4(b) and (d)", "IO/DAS", "Gerald Anderson",
     ["1.4(b)", "1.4(d)"]),
    ("08BEIJING647", "DCM Daniel Piccutu for Reasons 1.5 (b) and 1.5 (d).", "DCM", "Daniel Piccutu", ["1.5(b)", "1.5(d)"]),
    ("04WELLINGTON591", "POLITICAL AND ECONOMIC COUNSELOR, TIMOTHY P. ZUNIGA-BROWN FOR REASONS 1.5(B, D)",
     "POLITICAL AND ECONOMIC COUNSELOR", "TIMOTHY P. ZUNIGA-BROWN", ["1.5(b)", "1.5(d)"]),
    ("01VATICAN5693", "AMBASSADOR. REASON 1.5(B,D).", "AMBASSADOR", None, ["1.5(b)", "1.5(d)"]),
    ("10STATE8675", "Jerry Guilbert for reasons 1.4 (b) and (d)", None, "Jerry Guilbert", ["1.4(b)", "1.4(d)"]),
    ("98JERUSALEM2378", "ACTING PRINCIPAL OFFICER JERRY FEIERSTEIN, REASON 1.6X1.", "ACTING PRINCIPAL OFFICER",
     "JERRY FEIERSTEIN", ["1.6X1"]),
    ("95GABORONE6513", "HOWARD F. JETER, AMBASSADOR", "AMBASSADOR", "HOWARD F. JETER", []),
    ("07HARARE638", "Ambassador Christopher W. Dell under Section 1.4b/d", "Ambassador", "Christopher W. Dell",
     ["1.4(b)", "1.4(d)"]),
    ("09BERLIN1162", "MINISTER-COUNSELOR FOR POLITICAL AFFAIRS GEORGE GLASS FO R REASONS 1.4 (B) and (D)",
     "MINISTER-COUNSELOR FOR POLITICAL AFFAIRS", "GEORGE GLASS", ["1.4(b)", "1.4(d)"]),
]


@pytest.mark.parametrize("raw,title,name,reasons", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_classified_by(raw, title, name, reasons):
    got = parse_classified_by(raw)
    assert (got.title, got.name, got.reasons) == (title, name, reasons)
    assert got.raw == raw.strip()


def test_raw_is_stripped_and_glued_text_ignored():
    # 09BELGRADE399: the extractor ran on into the next heading
    got = parse_classified_by("  Acting DCM Troy Pederson for reasons 1.4 (b/d). Summary -------  ")
    assert got.raw == "Acting DCM Troy Pederson for reasons 1.4 (b/d). Summary -------"
    assert (got.title, got.name, got.reasons) == ("Acting DCM", "Troy Pederson", ["1.4(b)", "1.4(d)"])


TRICKY = ["", " ", "\n\t", "(", ")", "1.4", "1/4/", "reasons", "Classified by", "(U)", "1.4 (", "an d", ",,,;;;",
          "X" * 5000, " " * 100_000, "1" * 100_000, "1.4 " * 20_000, "(b) " * 20_000, "\x00\u00b6\ufeff", "A. " * 20_000]


@pytest.mark.parametrize("raw", TRICKY, ids=range(len(TRICKY)))
def test_never_raises(raw):
    got = parse_classified_by(raw)
    assert isinstance(got.reasons, list)

"""How often what cable derives from the text agrees with WikiLeaks' metadata.

Over the corpus' cables.csv rows and Cablegate HTML pages (the inputs that
carry WikiLeaks' own id, date, classification and origin), for each field:
agreements / cables where both sides have a value, split by whether the
text has a routing header.  Used by tests/test_agreement.py (floors) and
run by hand for the README table::

    python bench/agreement.py [CORPUS_DIR] [--show FIELD]
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cable_cli.data import malformed_ids  # noqa: E402
from cable_cli.pipeline import parse_raw  # noqa: E402
from cable_cli.sources import InputError, iter_inputs  # noqa: E402

FIELDS = ("id", "date", "classification", "origin")
DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


# The "Created" time on the Cablegate mirror pages has a corrupt minute:
# for the 21 cables that are both in a cables.csv slice and on a mirror
# page, cables.csv (and the markchips build) give the date-time group's
# minute, the mirror pages another (often the hour repeated: 11:55 -> 11:11,
# 05:38 -> 05:05).  On those builds the date is compared to the hour.
MINUTE_UNRELIABLE = ("avilaroman-wikileaks-mirror", "chillicoder-cablegate",
                     "gabrielduque-wikileaks-mirror-jp", "heuer-cablemap")


def agrees(field: str, ours: str, theirs: str, source: str = "") -> bool:
    if field == "id":
        # WikiLeaks published some ids damaged (85NOFORNMOGADISHU1643); the
        # shipped table of them (from cablemap) gives the id the text has.
        return ours == malformed_ids().get(theirs, theirs)
    if field == "date":
        digits = 13 if any(f"/{build}/" in source for build in MINUTE_UNRELIABLE) else 16
        return ours[:digits] == theirs[:digits]
    return ours == theirs


def measure(corpus: Path = DEFAULT_CORPUS, show: str | None = None) -> dict[str, dict[str, tuple[int, int]]]:
    """{group: {field: (agree, compared)}} for groups 'header', 'no header', 'all'."""
    counts: dict[str, Counter] = {g: Counter() for g in ("header", "no header", "all")}
    paths = [str(corpus / "csv"), str(corpus / "html")]
    for item in iter_inputs(paths):
        if isinstance(item, InputError) or not item.metadata:
            continue
        cable = parse_raw(item)
        # "header": the text has a routing header with its date-time group.
        # Partial extracts lack one (some keep FM/TO); their date is the
        # metadata's, so they are measured apart.
        dated = not any(d.code in ("no-header", "no-date-time-group") for d in cable.defects)
        group = "header" if dated else "no header"
        derived = _derived(cable)
        for field in FIELDS:
            theirs, ours = item.metadata.get(field), derived.get(field)
            if not theirs:
                continue
            ok = ours is not None and agrees(field, ours, theirs, item.source)
            for g in (group, "all"):
                counts[g][field, "n"] += 1
                counts[g][field, "ok"] += ok
            if show == field and not ok:
                print(f"{item.source}\t{ours!r}\t{theirs!r}")
    return {g: {f: (c[f, "ok"], c[f, "n"]) for f in FIELDS} for g, c in counts.items()}


def _derived(cable) -> dict[str, str | None]:
    """The record's own values, before any fallback to the metadata."""
    values = {f: getattr(cable, f) for f in FIELDS}
    for d in cable.defects:
        if d.code == "metadata-fallback":
            values[d.message.split(" ", 1)[0]] = None
    return values


def table(result: dict[str, dict[str, tuple[int, int]]]) -> str:
    lines = ["| cables | " + " | ".join(FIELDS) + " |", "|---" * (len(FIELDS) + 1) + "|"]
    for group, fields in result.items():
        n = max(c for _, c in fields.values())
        cells = [f"{ok / total:.1%} ({ok}/{total})" if total else "-" for ok, total in fields.values()]
        lines.append(f"| {group} ({n}) | " + " | ".join(cells) + " |")
    return "\n".join(lines)


if __name__ == "__main__":
    args = sys.argv[1:]
    show = args[args.index("--show") + 1] if "--show" in args else None
    rest = [a for a in args if not a.startswith("--") and a != show]
    print(table(measure(Path(rest[0]) if rest else DEFAULT_CORPUS, show)))

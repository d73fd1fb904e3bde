"""How well the references cable extracts from REF blocks agree with
WikiLeaks' references column.

Over the corpus' CSV rows (csv/**.csv), parsed end to end
(``iter_inputs`` + ``parse_raw``): the cable ids of ``record.references``
against ``record.metadata["references"]``, as sets of ids per row, summed
(micro precision, recall, F1).  Used by tests/test_references_corpus.py
(floors) and run by hand::

    python bench/references.py [CORPUS_DIR] [--examples N]

Two measures are printed:

* **raw**: the column as it is (ids upper-cased, nothing else).
* **adjusted**: the column's own, evident errors are set aside, each by a
  mechanical rule below, and every id a rule touches is counted and listed
  by cable id, so a reader can check each one.  Only the station-spelling
  rule turns a disagreement into an agreement; the other rules remove ids
  from the comparison (they count neither for nor against the parser).

Column-side rules (ids in the column that the text's REF blocks lack):

* ``self``: the id is the row's own cable id.  A cable never cites itself;
  WikiLeaks took it from a page header (``PAGE 02 VATICA 01419``).
* ``malformed``: the id is not year + known station + serial
  (``04REFS:3PARAMARIBO735``, ``04REFSTATE19842``, ``04TREASURY211622ZJAN4``).
* ``station-spelling`` (counted as agreement): the id equals one of ours but
  for the station, the two stations are names of one post
  (:data:`SAME_POST`), and WikiLeaks itself writes our spelling for that
  post in that year or later (a row id, or another column id, of the corpus;
  the evidence is printed).
* ``outside-REF``: the id is read (by ``parse_references``) from the text
  outside every REF block: a mention in the body (``(MOGADISHU 1520)``).

Parser-side rules (ids we read from a REF block that the column lacks):

* ``column-empty``: the column holds no well-formed id other than the row's
  own (it is empty, or holds only ``self``/``malformed`` ids) on a row whose
  REF block names a cable: every id of the row is set aside.
* ``first-line-only``: every column id is read from the first line of the
  first REF block, and the id set aside is not on that line (a later line
  of the block, or a later block).
* ``last-on-line``: the column is one id, the last cable id on the first
  line of the first REF block, and the id set aside is earlier on that line.
* ``split-over-lines``: the id is read from a REF block but from none of its
  lines alone: it is written across a line break (``(C) 92 JEDDAH`` /
  ``607``).

A column id in another spelling of the post (``04SECSTATE6662``) is taken in
our spelling for these rules when ``station-spelling``'s evidence holds.
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cable_cli.parser.references import find_ref_blocks, parse_references  # noqa: E402
from cable_cli.parser.stations import canonical_station  # noqa: E402
from cable_cli.pipeline import parse_raw  # noqa: E402
from cable_cli.sources import InputError, iter_inputs  # noqa: E402

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"

# Names of one post: the column's spelling -> the one cable writes.
SAME_POST = {"SECSTATE": "STATE", "AITTAIPEI": "TAIPEI", "CHENNAI": "MADRAS", "KOLKATA": "CALCUTTA"}

_ID = re.compile(r"(\d{2})([A-Z]+)(\d+)")
COLUMN_RULES = ("self", "malformed", "station-spelling", "outside-REF")
PARSER_RULES = ("column-empty", "first-line-only", "last-on-line", "split-over-lines")


@dataclass
class Row:
    cable_id: str  # WikiLeaks' id of the row (its metadata)
    ours: set[str]
    theirs: set[str]
    text: str


@dataclass
class Result:
    rows: int = 0
    raw: Counter = field(default_factory=Counter)  # tp fp fn
    adjusted: Counter = field(default_factory=Counter)
    rules: Counter = field(default_factory=Counter)  # rule -> ids
    rule_rows: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    examples: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    evidence: dict[str, str] = field(default_factory=dict)  # spelling -> id that shows it

    def prf(self, which: str) -> tuple[float, float, float]:
        c = self.raw if which == "raw" else self.adjusted
        p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0
        r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def load(corpus: Path = DEFAULT_CORPUS) -> list[Row]:
    rows = []
    for item in iter_inputs([str(corpus / "csv")]):
        if isinstance(item, InputError) or not item.metadata:
            continue
        cable = parse_raw(item)
        ours = {r.id.upper() for r in cable.references if r.id}
        theirs = {ref.upper() for ref in item.metadata.get("references") or ()}
        rows.append(Row((item.metadata.get("id") or cable.id or "").upper(), ours, theirs, item.text))
    return rows


def _year(cable_id: str) -> int | None:
    return int(cable_id[:2]) if cable_id[:2].isdigit() else None


def _full(yy: int) -> int:
    return 1900 + yy if yy >= 66 else 2000 + yy


def _spellings(rows: list[Row]) -> dict[str, dict[int, str]]:
    """station -> {full year: an id WikiLeaks wrote with it} over row ids and column ids."""
    seen: dict[str, dict[int, str]] = defaultdict(dict)
    for row in rows:
        for ref in (row.cable_id, *row.theirs):
            m = _ID.fullmatch(ref)
            if m:
                seen[m.group(2)].setdefault(_full(int(m.group(1))), ref)
    return seen


def _first_line(row: Row) -> list[str]:
    """Cable ids of the first line of the text's first REF block, in order."""
    blocks = find_ref_blocks(row.text)
    if not blocks:
        return []
    line = blocks[0][1].split("\n", 1)[0]
    yy = _year(row.cable_id)
    return [r.id.upper() for r in parse_references(line, year=yy, own_id=row.cable_id) if r.id]


def _split_over_lines(row: Row) -> set[str]:
    """Cable ids read from a REF block but from none of its lines alone:
    written across a line break (``(C) 92 JEDDAH`` / ``607``)."""
    yy = _year(row.cable_id)
    found: set[str] = set()
    for _, block in find_ref_blocks(row.text):
        whole = {r.id.upper() for r in parse_references(block, year=yy, own_id=row.cable_id) if r.id}
        for line in block.split("\n"):
            whole -= {r.id.upper() for r in parse_references(line, year=yy, own_id=row.cable_id) if r.id}
        found |= whole
    return found


def _outside_ref_ids(row: Row) -> set[str]:
    """Cable ids read from the text outside every REF block."""
    lines = row.text.split("\n")
    for start, block in find_ref_blocks(row.text):
        for k in range(start, min(len(lines), start + block.count("\n") + 1)):
            lines[k] = ""
    yy = _year(row.cable_id)
    found = set()
    for line in lines:
        found.update(r.id.upper() for r in parse_references(line, year=yy, own_id=None) if r.id)
    return found


def _spelling_match(ref: str, ours: set[str] | None, seen: dict[str, dict[int, str]]) -> tuple[str, str] | None:
    m = _ID.fullmatch(ref)
    if not m or m.group(2) not in SAME_POST:
        return None
    mine = SAME_POST[m.group(2)]
    candidate = f"{m.group(1)}{mine}{m.group(3)}"
    if ours is not None and candidate not in ours:
        return None
    year = _full(int(m.group(1)))
    proof = [ref_id for y, ref_id in sorted(seen.get(mine, {}).items()) if y >= year]
    return (candidate, proof[0]) if proof else None


def measure(corpus: Path = DEFAULT_CORPUS, rows: list[Row] | None = None) -> Result:
    rows = load(corpus) if rows is None else rows
    seen = _spellings(rows)
    res = Result(rows=len(rows))

    def note(rule: str, row: Row, ref: str) -> None:
        res.rules[rule] += 1
        res.rule_rows[rule].add(row.cable_id)
        if len(res.examples[rule]) < 1000:
            res.examples[rule].append(f"{row.cable_id}:{ref}")

    for row in rows:
        tp, fp, fn = row.ours & row.theirs, row.ours - row.theirs, row.theirs - row.ours
        res.raw.update(tp=len(tp), fp=len(fp), fn=len(fn))
        adj_tp = len(tp)
        missing = set(fn)
        extra = set(fp)
        outside = _outside_ref_ids(row) if missing else set()
        outside_only = set()
        for ref in fn:
            spelled = _spelling_match(ref, None, seen)
            if spelled and spelled[0] not in row.ours and spelled[0] in outside:
                outside_only.add(ref)
        for ref in sorted(fn):
            spelled = _spelling_match(ref, None if ref in outside_only else row.ours, seen)
            if ref == row.cable_id:
                note("self", row, ref)
            elif not (m := _ID.fullmatch(ref)) or canonical_station(m.group(2)) is None:
                note("malformed", row, ref)
            elif spelled and spelled[0] in extra:
                note("station-spelling", row, f"{ref}={spelled[0]} (WikiLeaks writes {spelled[1]})")
                extra.discard(spelled[0])
                adj_tp += 1
            elif ref in outside or (spelled is not None and spelled[0] in outside):
                note("outside-REF", row, ref)
            else:
                continue
            missing.discard(ref)
        if extra:
            trusted = set()  # the column's well-formed ids, other than the row's own, in our spelling
            for ref in row.theirs:
                m = _ID.fullmatch(ref)
                if ref != row.cable_id and m and canonical_station(m.group(2)):
                    spelled = _spelling_match(ref, None, seen)
                    trusted.add(spelled[0] if spelled else ref)
            first = _first_line(row) if trusted else []
            split = _split_over_lines(row) if trusted else set()
            for ref in sorted(extra):
                if not trusted:
                    note("column-empty", row, ref)
                elif ref in split:
                    note("split-over-lines", row, ref)
                elif trusted <= set(first) and ref not in first:
                    note("first-line-only", row, ref)
                elif len(trusted) == 1 and first and first[-1] in trusted and ref in first:
                    note("last-on-line", row, ref)
                else:
                    continue
                extra.discard(ref)
        res.adjusted.update(tp=adj_tp, fp=len(extra), fn=len(missing))
        for ref in sorted(extra):
            res.examples["remaining: parser only"].append(f"{row.cable_id}:{ref}")
        for ref in sorted(missing):
            res.examples["remaining: column only"].append(f"{row.cable_id}:{ref}")
    return res


def table(res: Result) -> str:
    lines = [
        f"References over {res.rows} CSV rows (micro, sets of cable ids per row):",
        "",
        "| measure | TP | FP | FN | precision | recall | F1 |",
        "|---|---|---|---|---|---|---|",
    ]
    for which, c in (("raw (column as is)", res.raw), ("adjusted (rules below)", res.adjusted)):
        p, r, f = res.prf("raw" if which.startswith("raw") else "adjusted")
        lines.append(f"| {which} | {c['tp']} | {c['fp']} | {c['fn']} | {p:.3f} | {r:.3f} | {f:.3f} |")
    lines += ["", "| rule | ids | rows | examples |", "|---|---|---|---|"]
    for rule in (*COLUMN_RULES, *PARSER_RULES):
        ex = ", ".join(res.examples[rule][:3])
        lines.append(f"| {rule} | {res.rules[rule]} | {len(res.rule_rows[rule])} | {ex} |")
    return "\n".join(lines)


def details(res: Result, limit: int) -> str:
    out = []
    for name in (*COLUMN_RULES, *PARSER_RULES, "remaining: parser only", "remaining: column only"):
        items = res.examples[name]
        out.append(f"\n{name} ({len(items)}):")
        out.extend(f"  {x}" for x in items[:limit])
        if len(items) > limit:
            out.append(f"  ... {len(items) - limit} more")
    return "\n".join(out)


if __name__ == "__main__":
    args = sys.argv[1:]
    limit = int(args[args.index("--examples") + 1]) if "--examples" in args else 40
    rest = [a for a in args if not a.startswith("--") and a != str(limit)]
    result = measure(Path(rest[0]) if rest else DEFAULT_CORPUS)
    print(table(result))
    print(details(result, limit))

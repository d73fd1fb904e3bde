"""Views for people: Rich tables and the ``show`` reader view.

Rich is imported only here, and only when a table is drawn.  Every piece of
cable text reaches Rich as ``Text`` made :func:`visible`, never as markup.
On a terminal the views use colour and boxes; anywhere else they are plain
text (no colour, no box drawing).
"""

from __future__ import annotations

from typing import Any, TextIO

from .safe import visible

BANNER_STYLES = {
    "UNCLASSIFIED": "bold green",
    "UNCLASSIFIED//FOR OFFICIAL USE ONLY": "bold green",
    "LIMITED OFFICIAL USE": "bold cyan",
    "CONFIDENTIAL": "bold blue",
    "CONFIDENTIAL//NOFORN": "bold blue",
    "SECRET": "bold red",
    "SECRET//NOFORN": "bold red",
    "TOP SECRET": "bold white on red",
}


class Screen:
    """Where output goes and what it may use (the httpie ``Environment`` idea).

    ``fancy`` is colour and boxes (a terminal, unless NO_COLOR or --color
    never); tests build one directly to check both cases.
    """

    def __init__(self, out: TextIO, *, fancy: bool, color: bool, width: int | None = None):
        self.out = out
        self.fancy = fancy
        self.color = color
        self.width = width

    def console(self, file: Any = None):
        from rich.console import Console

        return Console(file=file or self.out, markup=False, highlight=False, emoji=False,
                       force_terminal=self.color or None, no_color=not self.color,
                       width=self.width if self.width else (None if self.fancy else 200),
                       color_system="auto" if self.color else None, soft_wrap=False)

    def print(self, renderable: Any) -> None:
        """Draw ``renderable``; off a terminal, without trailing padding."""
        if self.fancy or self.color:
            self.console().print(renderable)
            return
        import io

        buffer = io.StringIO()
        self.console(buffer).print(renderable)
        self.out.write("\n".join(line.rstrip() for line in buffer.getvalue().split("\n")))


def _text(value: Any, style: str = ""):
    from rich.text import Text

    if value is None:
        return Text("")
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value)
    return Text(visible(str(value)), style=style)


def _table(screen: Screen, columns: list[str], **kwargs):
    from rich import box
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD if screen.fancy else None, show_edge=screen.fancy,
                  header_style="bold" if screen.color else "", pad_edge=False, **kwargs)
    for column in columns:
        table.add_column(column, overflow="fold")
    return table


def _summary_value(key: str, value: Any) -> Any:
    """How one field of ``meta`` reads in a table cell."""
    if key in ("to", "info"):
        return "\n".join(_addressee(a) for a in value) if value else None
    if key == "transmission":
        return " ".join(f"{k}={'/'.join(v) if isinstance(v, list) else v}" for k, v in value.items() if v)
    if key == "references":
        return "\n".join(f"{r['label'] + '. ' if r['label'] else ''}{r['text']}"
                         f"{' -> ' + r['id'] if r['id'] else ''}" for r in value) if value else None
    if key in ("declassification", "classified_by"):
        return value.get("raw")
    if key in ("comments", "notes"):
        return "\n\n".join(value) if value else None
    if key == "defects":
        return "\n".join(f"line {d['line']}: {d['code']}: {d['message']}" if d["line"] else
                         f"{d['code']}: {d['message']}" for d in value) if value else None
    if key == "metadata" and value:
        return " ".join(f"{k}={'|'.join(v) if isinstance(v, list) else v}" for k, v in value.items() if v)
    return value


def _addressee(a: dict[str, Any]) -> str:
    parts = [f"{a['ri']}/{a['address']}" if a["ri"] else a["address"]]
    parts += [p for p in (a["precedence"], a["mcn"]) if p]
    if a.get("excluded"):
        parts.append("(not " + ", ".join(a["excluded"]) + ")")
    return " ".join(parts)


def meta_table(screen: Screen, records: list[dict[str, Any]]) -> None:
    """One cable as field/value rows; several as one row per cable."""
    if len(records) == 1:
        table = _table(screen, ["field", "value"])
        record = records[0]
        for key, value in record.items():
            style = BANNER_STYLES.get(value, "") if key == "classification" and screen.color else ""
            table.add_row(_text(key, "bold" if screen.color else ""), _text(_summary_value(key, value), style))
        screen.print(table)
        return
    columns = ["id", "date", "classification", "origin", "subject", "tags", "refs", "defects"]
    table = _table(screen, columns)
    for r in records:
        style = BANNER_STYLES.get(r["classification"], "") if screen.color else ""
        table.add_row(_text(r["id"]), _text(r["date"]), _text(r["classification"], style), _text(r["origin"]),
                      _text(r["subject"]), _text(r["tags"]), _text(len(r["references"])), _text(len(r["defects"])))
    screen.print(table)


def rows_table(screen: Screen, rows: list[dict[str, Any]], columns: tuple[str, ...]) -> None:
    """Paragraph or reference rows; ``source`` is left out when there is one."""
    shown = [c for c in columns if c != "source" or len({r["source"] for r in rows}) > 1]
    table = _table(screen, list(shown))
    for row in rows:
        table.add_row(*(_text(row.get(c)) for c in shown))
    screen.print(table)


def show(screen: Screen, record: dict[str, Any], tag_meanings: dict[str, str],
         routing: dict[str, tuple[str, ...]]) -> None:
    """The reader's view of one cable."""
    if not (screen.fancy or screen.color):
        screen.out.write(show_plain(record, tag_meanings))
        return
    from rich.console import Group
    from rich.panel import Panel
    from rich.rule import Rule
    from rich.table import Table
    from rich.text import Text

    console = screen.console()
    head = Table.grid(padding=(0, 2))
    head.add_column(style="bold", no_wrap=True)
    head.add_column()
    cls_style = BANNER_STYLES.get(record["classification"] or "", "bold")
    rows: list[tuple[str, Any]] = [
        ("Cable", _text(record["id"], "bold")),
        ("Date", _text(record["date"])),
        ("Classification", _text(" ".join(x for x in [record["classification"], *record["captions"]] if x), cls_style)),
        ("Precedence", _text(record["precedence"])),
        ("From", _text(f"{record['from'] or ''}  ({record['origin']})" if record["origin"] else record["from"])),
        ("To", _text("\n".join(_with_ri(a, routing) for a in record["to"]))),
    ]
    if record["info"]:
        rows.append(("Info", _text("\n".join(_with_ri(a, routing) for a in record["info"]))))
    rows.append(("Subject", _text(record["subject"], "bold")))
    rows.append(("TAGS", _text("\n".join(_tag_line(t, tag_meanings) for t in record["tags"]))))
    if record["references"]:
        rows.append(("References", _text(_summary_value("references", record["references"]))))
    if record["classified_by"]["raw"]:
        rows.append(("Classified by", _text(record["classified_by"]["raw"])))
    if record["declassification"]["raw"]:
        rows.append(("Declassify", _text(record["declassification"]["raw"])))
    for label, value in rows:
        head.add_row(label, value)
    parts: list[Any] = [Panel(head, title=_text(record["id"] or "cable"), title_align="left")]
    if record["summary"]:
        parts.append(Panel(_text(record["summary"]), title="Summary", border_style="yellow"))
    for p in record["paragraphs"]:
        if p["heading"]:
            parts.append(Rule(_text(p["heading"], "bold"), align="left"))
        lead = Text()
        if p["number"] is not None:
            lead.append(f"{p['number']}. ", style="bold")
        if p["classification"]:
            lead.append(f"({visible(p['classification'])}) ", style="dim")
        lead.append_text(_text(p["text"]))
        parts.append(lead)
        parts.append(Text(""))
    for label, items in (("Comment", record["comments"]), ("Note", record["notes"])):
        for item in items:
            parts.append(Panel(_text(item), title=label, border_style="magenta"))
    if record["signer"]:
        parts.append(Text(visible(record["signer"]), style="bold"))
    if record["defects"]:
        parts.append(Panel(_text(_summary_value("defects", record["defects"])), title="Defects", border_style="red"))
    console.print(Group(*parts))


def _with_ri(a: dict[str, Any], routing: dict[str, tuple[str, ...]]) -> str:
    """The addressee, its routing indicator spelled out from ACP 117 when
    the cable's wording is not one of the indicator's known addresses.  The
    cable's own wording stays first; an indicator that serves several
    addresses says so."""
    text = _addressee(a)
    known = routing.get(a["ri"] or "", ())
    if not known or a["address"] in known:
        return text
    more = f" (one of {len(known)})" if len(known) > 1 else ""
    return f"{text}  [{a['ri']} = {known[0]}{more}]"


def _tag_line(tag: str, meanings: dict[str, str]) -> str:
    meaning = meanings.get(tag)
    return f"{tag}  {meaning}" if meaning else tag


def show_plain(record: dict[str, Any], tag_meanings: dict[str, str]) -> str:
    """``show`` for a pipe or a file: plain text, no colour, no boxes."""
    lines = [
        f"Cable:          {record['id'] or ''}",
        f"Date:           {record['date'] or ''}",
        f"Classification: {' '.join(x for x in [record['classification'], *record['captions']] if x)}",
        f"Precedence:     {record['precedence'] or ''}",
        f"From:           {record['from'] or ''}" + (f" ({record['origin']})" if record["origin"] else ""),
    ]
    lines += [f"To:             {_addressee(a)}" for a in record["to"]]
    lines += [f"Info:           {_addressee(a)}" for a in record["info"]]
    lines.append(f"Subject:        {record['subject'] or ''}")
    lines += [f"TAGS:           {_tag_line(t, tag_meanings)}" for t in record["tags"]]
    for r in record["references"]:
        lines.append(f"Reference:      {(r['label'] + '. ') if r['label'] else ''}{r['text']}"
                     + (f" -> {r['id']}" if r["id"] else f" ({r['kind']})"))
    if record["classified_by"]["raw"]:
        lines.append(f"Classified by:  {record['classified_by']['raw']}")
    if record["declassification"]["raw"]:
        lines.append(f"Declassify:     {record['declassification']['raw']}")
    if record["summary"]:
        lines += ["", "SUMMARY", record["summary"]]
    lines.append("")
    for p in record["paragraphs"]:
        if p["heading"]:
            lines += [p["heading"], ""]
        number = f"{p['number']}. " if p["number"] is not None else ""
        mark = f"({p['classification']}) " if p["classification"] else ""
        lines += [f"{number}{mark}{p['text']}", ""]
    lines += [f"COMMENT: {c}" for c in record["comments"]]
    lines += [f"NOTE: {n}" for n in record["notes"]]
    if record["signer"]:
        lines.append(record["signer"])
    return visible("\n".join(lines).rstrip("\n") + "\n")

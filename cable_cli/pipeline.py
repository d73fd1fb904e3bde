"""Inputs to records: read (``sources``), parse (``parse``), pick (``--id``).

Shared by every command and by :func:`cable_cli.load`, so that all of them
read the same inputs the same way.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import BinaryIO

from .model import Cable
from .parser import parse_cable
from .sources import InputError, RawCable, iter_inputs


def parse_raw(raw: RawCable) -> Cable:
    return parse_cable(raw.text, source=raw.source, input_format=raw.input_format,
                       metadata=raw.metadata, defects=raw.defects)


def wanted(cable: Cable, ids: Sequence[str]) -> bool:
    """``--id`` matches the id derived from the text or the source's own id."""
    if not ids:
        return True
    meta_id = (cable.metadata or {}).get("id")
    return cable.id in ids or meta_id in ids


def records(paths: Sequence[str], *, input_format: str | None = None, glob: str | None = None,
            ids: Sequence[str] = (), stdin: BinaryIO | None = None) -> Iterator[Cable | InputError]:
    """Parsed records and input errors, lazily and in input order."""
    wanted_ids = [i.upper() for i in ids]
    for item in iter_inputs(paths, input_format=input_format, glob=glob, stdin=stdin):
        if isinstance(item, InputError):
            yield item
            continue
        cable = parse_raw(item)
        if wanted(cable, wanted_ids):
            yield cable

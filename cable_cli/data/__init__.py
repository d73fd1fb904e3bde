"""Shipped fact tables (TAGS, routing indicators, stations, aliases, malformed ids).

Each file keeps its sources in its ``#`` header lines.  Tables are loaded on
first use and cached: reading package data is not input I/O, and keeping it
lazy keeps ``cable meta`` start-up fast.
"""

from __future__ import annotations

import os
from functools import cache

_HERE = os.path.dirname(os.path.abspath(__file__))


def _lines(name: str) -> list[str]:
    """The table's lines, without blank and ``#`` (source) lines."""
    # Plain file reading beside this module: importlib.resources costs ~9 ms
    # of start-up for the same bytes.
    with open(os.path.join(_HERE, name), encoding="utf-8") as table:
        text = table.read()
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _rows(name: str) -> list[list[str]]:
    return [line.split("\t") for line in _lines(name)]


@cache
def tag_meanings() -> dict[str, str]:
    """TAGS code -> meaning (first source wins, as the file is ordered)."""
    table: dict[str, str] = {}
    for row in _rows("tags.tsv"):
        if len(row) >= 2:
            table.setdefault(row[0].strip(), row[1].strip())
    return table


@cache
def tag_codes() -> frozenset[str]:
    """The TAGS codes of :func:`tag_meanings`, read without their meanings:
    the parser needs only these, and every single-cable call pays for them."""
    return frozenset(row.split("\t", 1)[0].strip() for row in _lines("tags.tsv") if "\t" in row)


@cache
def routing_indicators() -> dict[str, tuple[str, ...]]:
    """Routing indicator -> every plain-language address listed for it.

    One indicator can serve several addresses (RUEKJCS: Joint Staff and
    SECDEF), so a reader must not be shown one of them as *the* meaning.
    """
    table: dict[str, list[str]] = {}
    for row in _rows("routing.tsv"):
        if len(row) >= 2:
            names = table.setdefault(row[0].strip(), [])
            if row[1].strip() not in names:
                names.append(row[1].strip())
    return {ri: tuple(names) for ri, names in table.items()}


@cache
def stations() -> frozenset[str]:
    """Station names as they occur in canonical ids (``NEWDELHI``)."""
    return frozenset(row[0].strip() for row in _rows("stations.txt"))


@cache
def station_aliases() -> dict[str, str]:
    """Spelling or alias (``SECSTATE``, ``HAGUE``) -> canonical station."""
    return {row[0].strip(): row[1].strip() for row in _rows("station_aliases.tsv") if len(row) >= 2}


@cache
def malformed_ids() -> dict[str, str]:
    """Reference ids WikiLeaks published damaged -> the correct id."""
    return {row[0].strip(): row[1].strip() for row in _rows("malformed_ids.tsv") if len(row) >= 2}


@cache
def station_origins() -> dict[str, str]:
    """Station -> WikiLeaks' office name (``ASTANA`` -> ``Embassy Astana``)."""
    return {row[0].strip(): row[1].strip() for row in _rows("origins.tsv") if len(row) >= 2}

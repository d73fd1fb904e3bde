"""Renderers: machine formats (``serial``) and views for people (``terminal``).

``-f/--format`` names map to one writer each; ``auto`` is a table on a
terminal and JSON Lines when piped.
"""

from __future__ import annotations

from enum import Enum


class ListingFormat(str, Enum):
    auto = "auto"
    table = "table"
    json = "json"
    jsonl = "jsonl"
    yaml = "yaml"
    tsv = "tsv"


class ExportFormat(str, Enum):
    jsonl = "jsonl"
    json = "json"
    yaml = "yaml"
    csv = "csv"


EXTENSIONS = {"jsonl": ".jsonl", "json": ".json", "yaml": ".yaml", "csv": ".csv"}


def resolve(fmt: str, is_terminal: bool) -> str:
    """``auto`` -> ``table`` on a terminal, ``jsonl`` in a pipe."""
    if fmt == "auto":
        return "table" if is_terminal else "jsonl"
    return fmt

"""cable: read US diplomatic cables.

The library API::

    import cable_cli
    record = cable_cli.parse(text)            # a Cable; record.to_dict()
    for record in cable_cli.load("cables.csv"):
        print(record.id, record.subject)
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:  # pragma: no cover
    from .model import Cable

__all__ = ["__version__", "parse", "load", "Cable"]


def parse(text: str, *, source: str | None = None) -> "Cable":
    """Parse one cable's text into a record (never raises for bad text)."""
    from .parser import parse_cable

    return parse_cable(text, source=source)


def load(path: str) -> Iterator["Cable"]:
    """Every cable in ``path`` (any supported input: text, HTML, CSV, ...).

    An input that cannot be read raises ``ValueError`` naming it, so a
    script notices; the ``cable`` command is the best-effort batch tool.
    """
    from .pipeline import records
    from .sources import InputError

    for item in records([path]):
        if isinstance(item, InputError):
            if item.skipped:
                continue
            raise ValueError(f"{item.source}: {item.message}")
        yield item


def __getattr__(name: str):  # lazy: importing the package stays cheap
    if name == "Cable":
        from .model import Cable

        return Cable
    raise AttributeError(name)

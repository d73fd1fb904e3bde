"""Station names and canonical reference ids (``09ASTANA319``)."""

from __future__ import annotations

from functools import lru_cache

from .. import patterns
from ..data import malformed_ids, station_aliases, stations

_NOT_LETTERS = patterns.compile(r"[^A-Z]")
# WikiLeaks files USEU Brussels cables under BRUSSELS (94BRUSSELS8603,
# 09BRUSSELS854: origin "USEU Brussels"), though the alias table, made for
# REF lines, says USEUBRUSSELS.  Ids must match WikiLeaks'.
_ID_STATION = {"USEUBRUSSELS": "BRUSSELS"}


@lru_cache(maxsize=4096)  # the same few hundred names come back in every cable
def canonical_station(name: str) -> str | None:
    """``NEW DELHI`` -> ``NEWDELHI``, ``SECSTATE`` -> ``STATE``; None if unknown.

    Spaces, dots and hyphens are dropped the way WikiLeaks builds ids, then
    the alias table maps spellings seen in real cables.
    """
    key = _NOT_LETTERS.sub("", name.upper())
    if not key:
        return None
    if key not in stations():
        key = station_aliases().get(key)
    return _ID_STATION.get(key, key) if key else None


def station_key(name: str) -> str:
    """The id form of a station name even when it is not a known station."""
    key = _NOT_LETTERS.sub("", name.upper())
    key = station_aliases().get(key, key)
    return _ID_STATION.get(key, key)


def make_id(year: int | str | None, station: str | None, serial: int | str | None) -> str | None:
    """Year (2 or 4 digits) + station + serial without leading zeros."""
    if year is None or not station or serial is None:
        return None
    try:
        yy = int(year) % 100
        number = int(serial)
    except ValueError:
        return None
    ref_id = f"{yy:02d}{station}{number}"
    return malformed_ids().get(ref_id, ref_id)

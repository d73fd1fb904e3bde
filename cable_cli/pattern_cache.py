"""The CLI's cache of compiled regular expressions (see ``cable_cli.patterns``).

One file per Python version and cable version, under
``$XDG_CACHE_HOME/cable`` (``~/.cache/cable``); it also names the exact
Python build that wrote it and is used by that build only.  It is written
with ``marshal``, Python's own format for its bytecode caches (``.pyc``):
five times faster to read than JSON, and no code in it is ever run.
Deleting it is always safe.  A cache that cannot be read or written is
ignored without a word: it only saves time.
"""

from __future__ import annotations

import marshal
import os
import sys
import tempfile
from pathlib import Path

from . import __version__, patterns


def _build() -> str:
    return f"{sys.version} | {patterns.engine_magic()} | cable {__version__}"


def _path() -> Path | None:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    if not os.path.isabs(base):  # the XDG spec: ignore a relative one (and ~ left unexpanded)
        return None
    return Path(base) / "cable" / f"patterns-{sys.implementation.cache_tag}-{__version__}.marshal"


def install() -> None:
    """Have ``patterns`` take its entries from the cache (when it first compiles)."""
    patterns.use_loader(_load)


def _load() -> dict | None:
    """The saved entries ({} when there are none yet); None without a cache directory."""
    path = _path()
    table: dict = {}
    if path is None:
        return None
    try:
        with open(path, "rb") as f:
            saved = marshal.loads(f.read())  # (marshal.load(f) reads in small steps: 20x slower)
        if saved["build"] == _build():
            for pattern, flags, final_flags, code, groups, group_index, index_group in saved["patterns"]:
                table[(pattern, flags)] = (final_flags, code, groups, group_index, tuple(index_group))
    except Exception:  # noqa: BLE001 - none yet, or damaged: compile as usual
        table = {}
    return table


def save() -> None:
    """Write the table back when this run compiled patterns it lacked (atomically)."""
    path = _path()
    if path is None or not patterns.has_new_entries():
        return
    rows = [[pattern, flags, *entry] for (pattern, flags), entry in patterns.table().items()]
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".patterns-", suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            marshal.dump({"build": _build(), "patterns": rows}, f)
        os.replace(tmp, path)
    except Exception:  # noqa: BLE001 - a cache must never fail the command
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass

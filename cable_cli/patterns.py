"""Regular expressions, compiled once per process or taken ready-made.

``re.compile`` costs about 0.1 ms a pattern, in pure Python, and the package
has about 170 patterns: 20 ms, once the largest part of a single-cable
command's own start-up.  CPython compiles in two steps: ``re._parser`` and
``re._compiler`` turn the pattern into a list of integer opcodes (the slow
step), and ``_sre.compile`` builds the pattern object from that list (fast).
This module keeps those lists in memory.  The CLI hands it a loader for its
cache, called at the first compile, and saves the lists it lacked when the
command ends (``cable_cli.pattern_cache``), so only the first call after an
install or upgrade compiles.  The module itself does no I/O; without a
loader it is plain ``re.compile``.

The two steps are CPython's private machinery, so every use is guarded: a
list is recorded only when the pattern it builds compares equal to
``re.compile``'s own (pattern objects compare by pattern, flags and opcodes),
a cache is used only by the Python build that wrote it, and any failure
falls back to ``re.compile``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

try:  # CPython only; elsewhere this module is plain re.compile
    import _sre
    from re import _compiler, _parser
except ImportError:  # pragma: no cover - other Pythons
    _sre = None

# (pattern, flags) -> the arguments of _sre.compile after the pattern.
Entry = tuple[int, list[int], int, dict[str, int], tuple[Any, ...]]
_ready: dict[tuple[str, int], Entry] = {}
_new: dict[tuple[str, int], Entry] = {}
_recording = False
_loader: Callable[[], dict[tuple[str, int], Entry] | None] | None = None


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:  # noqa: A001 - re.compile's name on purpose
    """``re.compile(pattern, flags)``, without compiling when a ready entry exists."""
    if _loader is not None:
        _load()
    key = (pattern, int(flags))
    entry = _ready.get(key)
    if entry is not None:
        try:
            return _sre.compile(pattern, *entry)
        except Exception:  # noqa: BLE001 - a bad entry: compile as usual
            del _ready[key]
    compiled = re.compile(pattern, flags)
    if _recording and isinstance(pattern, str):
        _record(key, compiled)
    return compiled


def _record(key: tuple[str, int], compiled: re.Pattern[str]) -> None:
    """Keep the opcodes of ``compiled`` when the two-step path rebuilds it exactly."""
    try:
        pattern, flags = key
        parsed = _parser.parse(pattern, flags)
        code = _compiler._code(parsed, flags)
        state = parsed.state
        index_group = [None] * state.groups
        for name, index in state.groupdict.items():
            index_group[index] = name
        # (plain ints: the opcodes are int subclasses, which marshal refuses)
        entry: Entry = (int(flags | state.flags), list(map(int, code)), state.groups - 1,
                        dict(state.groupdict), tuple(index_group))
        if _sre.compile(pattern, *entry) == compiled:
            _new[key] = entry
    except Exception:  # noqa: BLE001 - not this Python's machinery: just don't record
        return


def use_loader(loader: Callable[[], dict[tuple[str, int], Entry] | None]) -> None:
    """Have ``loader`` (the CLI's cache) give the ready entries at the first
    compile, and record from then on the patterns they lack.  Lazily, so a
    call that compiles nothing (``--version``, TAB completion) reads nothing."""
    global _loader
    if _sre is not None:
        _loader = loader


def _load() -> None:
    global _loader, _recording
    loader, _loader = _loader, None
    table = loader()
    if table is not None:  # (None: no cache to save to, so nothing to record)
        _ready.update(table)
        _recording = True


def has_new_entries() -> bool:
    """Did this process compile patterns the table lacked?"""
    return bool(_new)


def table() -> dict[tuple[str, int], Entry]:
    """The ready entries and the ones recorded since."""
    return {**_ready, **_new}


def engine_magic() -> int | None:
    """The regular expression engine's version (``_sre.MAGIC``)."""
    return getattr(_sre, "MAGIC", None)

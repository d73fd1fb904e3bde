"""Turning command-line paths into the files to read: directories walked in sorted order."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from typing import BinaryIO

from ..model import record


@record
class Candidate:
    path: str                 # "-" for stdin
    walked: bool              # found while walking a directory (not named explicitly)
    error: str | None = None  # a directory that could not be listed


def os_reason(error: OSError) -> str:
    """A short reason for an OS error, without the path (the source names it)."""
    if isinstance(error, FileNotFoundError):
        return "no such file"
    if isinstance(error, PermissionError):
        return "permission denied"
    if isinstance(error, NotADirectoryError):
        return "not a directory"
    if isinstance(error, IsADirectoryError):
        return "is a directory"
    return (error.strerror or str(error)).lower()


def expand(paths: Sequence[str], glob: str | None = None) -> Iterator[Candidate]:
    """Files to read, lazily: named files as given, directories recursed.

    Inside directories, entries are visited in sorted name order, hidden entries
    (``.git``, ``.DS_Store``) are left out, symlinked directories are followed
    once, and ``glob`` (an fnmatch pattern on the file name) filters the files.
    """
    for path in paths:
        if path != "-" and os.path.isdir(path):
            yield from _walk(path, glob, set())
        else:
            yield Candidate(path, walked=False)


def _walk(directory: str, glob: str | None, seen: set[str]) -> Iterator[Candidate]:
    real = os.path.realpath(directory)
    if real in seen:
        return
    seen.add(real)
    try:
        with os.scandir(directory) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError as error:
        yield Candidate(directory, walked=False, error=os_reason(error))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = os.path.join(directory, entry.name)
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            yield from _walk(path, glob, seen)
        elif glob is None or _matches(entry.name, glob):
            yield Candidate(path, walked=True)


def read_path_list(path: str, *, nul: bool = False, stdin: BinaryIO | None = None) -> list[str]:
    """Paths listed one per line (or NUL-separated with ``nul``) in ``path``; ``-`` reads stdin.

    Empty entries are dropped; names are decoded like the OS does (undecodable
    bytes survive as surrogate escapes). Raises OSError when ``path`` cannot be read.
    """
    if path == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = stream.read()
    else:
        with open(path, "rb") as handle:
            data = handle.read()
    if nul:
        entries = data.split(b"\0")
    else:
        entries = [line[:-1] if line.endswith(b"\r") else line for line in data.split(b"\n")]
    return [os.fsdecode(entry) for entry in entries if entry]


def _matches(name: str, pattern: str) -> bool:
    import fnmatch  # only when --glob is given: keeps start-up short

    return fnmatch.fnmatch(name, pattern)

"""Atomic output files: a temporary file beside the target, then a rename.

A reader (or a crash, or kill -9) sees either the old file or the complete
new one, never a truncated one.  An existing file is only replaced with
``force``.
"""

from __future__ import annotations

import os
from typing import TextIO


class OutputExists(Exception):
    pass


class AtomicFile:
    """``with AtomicFile(path, force=False) as f: f.write(...)``."""

    def __init__(self, path: str | os.PathLike[str], *, force: bool = False, newline: str | None = None):
        from pathlib import Path  # imported only when a file is written

        self.path = Path(path)
        self.force = force
        self.newline = newline
        self._tmp: str | None = None
        self._file: TextIO | None = None

    def __enter__(self) -> TextIO:
        if self.path.exists() and not self.force:
            raise OutputExists(f"{self.path}: exists (use --force to replace it)")
        import tempfile

        fd, self._tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent or ".")
        # (a 1 MiB buffer: an export writes records of ~10 KB, one at a time,
        # and the default 8 KiB one writes each with its own system call)
        self._file = os.fdopen(fd, "w", encoding="utf-8", newline=self.newline, buffering=1 << 20)
        return self._file

    def __exit__(self, exc_type, exc, tb) -> None:
        assert self._file is not None and self._tmp is not None
        try:
            if exc_type is None:
                self._file.flush()
                os.fsync(self._file.fileno())
            self._file.close()
            if exc_type is None:
                os.replace(self._tmp, self.path)
                self._tmp = None
        finally:
            if self._tmp is not None:
                try:
                    os.unlink(self._tmp)
                except OSError:
                    pass

"""The input layer: raw cable texts from every form people hold cables in.

Files, directories (walked in sorted order), stdin; plain text, scraped copies,
the alx dump, Cablegate and PlusD pages, the ``cables.csv`` dump, JSON / JSON
Lines / JSONP; gzip, bzip2 and xz. Formats are told apart by content. Nothing
here parses cable fields: :func:`cable_cli.parser.parse_cable` does that with
each :class:`RawCable`. Bad input never raises; it becomes an :class:`InputError`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import BinaryIO

from .base import INPUT_FORMATS, METADATA_KEYS, InputError, RawCable
from .reader import read_input
from .walk import expand, read_path_list

__all__ = ["INPUT_FORMATS", "METADATA_KEYS", "InputError", "RawCable", "iter_inputs", "read_path_list"]


def iter_inputs(paths: Sequence[str], *, input_format: str | None = None, glob: str | None = None,
                stdin: BinaryIO | None = None) -> Iterator[RawCable | InputError]:
    """RawCables and InputErrors from ``paths``, lazily, in order.

    ``paths``: files, directories (recursed; ``glob`` filters the file names found
    there), ``-`` for ``stdin`` (a binary stream; default ``sys.stdin.buffer``).
    ``input_format`` (one of :data:`INPUT_FORMATS`) skips format detection;
    compressed inputs are still decompressed.
    """
    if input_format is not None and input_format not in INPUT_FORMATS:
        raise ValueError(f"unknown input format {input_format!r}; expected one of {', '.join(INPUT_FORMATS)}")
    for candidate in expand(paths, glob):
        if candidate.error is not None:
            yield InputError(candidate.path, candidate.error)
            continue
        yield from read_input(candidate.path, walked=candidate.walked, input_format=input_format,
                              stdin=stdin)

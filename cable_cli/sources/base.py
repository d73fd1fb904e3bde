"""The records the input layer hands out, and the limits it works within."""

from __future__ import annotations

from dataclasses import field
from typing import Any

from cable_cli.model import METADATA_KEYS, Defect, record

#: Names accepted by ``iter_inputs(input_format=...)`` and produced in ``RawCable.input_format``.
INPUT_FORMATS: tuple[str, ...] = ("text", "scraped", "alx", "html", "plusd", "csv", "json")

#: Single-cable inputs larger than this are refused without being read whole.
MAX_SINGLE_BYTES = 16 * 1024 * 1024  # the longest real cables are well under 1 MB; parsing costs ~8x in RAM

# Keys of ``RawCable.metadata`` (all present, ``None`` when the source does
# not say) are defined with the record, in ``cable_cli.model.METADATA_KEYS``.


@record
class RawCable:
    """One cable as plain text (header then body), with where it came from."""

    text: str
    source: str
    input_format: str
    metadata: dict[str, Any] | None
    defects: list[Defect] = field(default_factory=list)


@record
class InputError:
    """An input that gave no cable; reported, never raised."""

    source: str
    message: str
    skipped: bool = False


class NotACable(Exception):
    """Raised inside the readers when an input holds no cable.

    ``skippable`` marks inputs that are clearly something else (images, PDFs,
    prose): met while walking a directory they are only warnings.
    """

    def __init__(self, message: str, *, skippable: bool = True) -> None:
        super().__init__(message)
        self.message = message
        self.skippable = skippable


def make_metadata(**values: Any) -> dict[str, Any]:
    """A metadata dict with every key of :data:`METADATA_KEYS`, in that order."""
    unknown = set(values) - set(METADATA_KEYS)
    if unknown:
        raise TypeError(f"unknown metadata keys: {sorted(unknown)}")
    return {key: values.get(key) for key in METADATA_KEYS}


def clean_value(value: Any) -> str | None:
    """A metadata string stripped, or None when empty or a placeholder."""
    if value is None:
        return None
    text = str(value).strip()
    if not text or text.startswith("-- N/A"):
        return None
    return text

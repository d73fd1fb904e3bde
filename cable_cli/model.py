"""The cable record: the one place that names every field.

Scripts depend on these names and on their order, so they are defined here
once; the parser fills the dataclasses and every renderer consumes the dict
made by :meth:`Cable.to_dict`.  Every key is always present (``None`` or
``[]`` when unknown).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


def record(cls: type) -> type:
    """A record class: a dataclass with slots, whose ``repr`` and ``==`` are
    the two functions below.

    The ones ``dataclass`` generates are compiled from source for every
    class at import, a third of this module's import time, which every
    ``cable meta`` call pays.  These behave the same: fields in order,
    equal when of the same class with equal fields, unhashable.
    """
    cls = dataclass(slots=True, repr=False, eq=False)(cls)
    cls.__repr__ = _record_repr
    cls.__eq__ = _record_eq
    cls.__hash__ = None  # mutable records, as with dataclass(eq=True)
    return cls


def _record_repr(self: Any) -> str:
    fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
    return f"{type(self).__name__}({fields})"


def _record_eq(self: Any, other: object) -> bool:
    if type(other) is not type(self):
        return NotImplemented
    return all(getattr(self, name) == getattr(other, name) for name in self.__slots__)


@record
class Defect:
    """Something odd about the input, kept as data rather than raised."""

    code: str
    line: int | None
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "line": self.line, "message": self.message}


@record
class Addressee:
    """One TO/INFO line: ``RUEHC/SECSTATE WASHDC IMMEDIATE 4694``."""

    ri: str | None
    address: str
    precedence: str | None = None
    mcn: str | None = None
    # Posts a collective is *not* sent to (``COLLECTIVE, XMT AMCONSUL X``).
    excluded: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "ri": self.ri,
            "address": self.address,
            "precedence": self.precedence,
            "mcn": self.mcn,
            "excluded": list(self.excluded),
        }


@record
class Transmission:
    """The ACP-126 transmission lines above the date-time group."""

    tid: str | None = None
    relay_precedence: str | None = None
    relay: list[str] = field(default_factory=list)
    station_ri: str | None = None
    ssn: str | None = None
    part: int | None = None
    julian_time: str | None = None
    security: str | None = None
    op_signals: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "tid": self.tid,
            "relay_precedence": self.relay_precedence,
            "relay": list(self.relay),
            "station_ri": self.station_ri,
            "ssn": self.ssn,
            "part": self.part,
            "julian_time": self.julian_time,
            "security": self.security,
            "op_signals": list(self.op_signals),
        }


REFERENCE_KINDS = ("cable", "email", "telcon", "report", "memo", "letter", "meeting", "other")


@record
class Reference:
    """One item of a REF block. ``id`` is canonical for cables, else None."""

    label: str | None
    text: str
    id: str | None
    kind: str

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "text": self.text, "id": self.id, "kind": self.kind}


@record
class Declassification:
    """``E.O. 12958: DECL: 02/24/2033`` and its many variants."""

    order: str | None = None
    date: str | None = None
    code: str | None = None
    raw: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"order": self.order, "date": self.date, "code": self.code, "raw": self.raw}


@record
class ClassifiedBy:
    """``Classified By: Ambassador Richard E. Hoagland, 1.4 (b),(d)``."""

    name: str | None = None
    title: str | None = None
    reasons: list[str] = field(default_factory=list)
    raw: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "title": self.title, "reasons": list(self.reasons), "raw": self.raw}


@record
class Paragraph:
    number: int | None
    classification: str | None
    heading: str | None
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "classification": self.classification,
            "heading": self.heading,
            "text": self.text,
        }


# WikiLeaks' own metadata for a cable (HTML table, cables.csv columns), in
# the same forms as the record's fields.  Kept beside, never merged into,
# what the text says.
METADATA_KEYS = ("id", "date", "released", "classification", "origin", "references", "subject", "tags")


@record
class Cable:
    id: str | None = None
    source: str | None = None
    input_format: str | None = None
    date: str | None = None
    classification: str | None = None
    captions: list[str] = field(default_factory=list)
    precedence: str | None = None
    from_: str | None = None
    origin: str | None = None
    station: str | None = None
    to: list[Addressee] = field(default_factory=list)
    info: list[Addressee] = field(default_factory=list)
    transmission: Transmission = field(default_factory=Transmission)
    sections: int | None = None
    partial: bool = False
    subject: str | None = None
    tags: list[str] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    declassification: Declassification = field(default_factory=Declassification)
    classified_by: ClassifiedBy = field(default_factory=ClassifiedBy)
    summary: str | None = None
    comments: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    signer: str | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)
    metadata: dict[str, Any] | None = None
    defects: list[Defect] = field(default_factory=list)

    def defect(self, code: str, line: int | None, message: str) -> None:
        self.defects.append(Defect(code, line, message))

    def to_dict(self) -> dict[str, Any]:
        """The record as plain data, keys in contract order (see FIELDS)."""
        return {
            "id": self.id,
            "source": self.source,
            "input_format": self.input_format,
            "date": self.date,
            "classification": self.classification,
            "captions": list(self.captions),
            "precedence": self.precedence,
            "from": self.from_,
            "origin": self.origin,
            "station": self.station,
            "to": [a.to_dict() for a in self.to],
            "info": [a.to_dict() for a in self.info],
            "transmission": self.transmission.to_dict(),
            "sections": self.sections,
            "partial": self.partial,
            "subject": self.subject,
            "tags": list(self.tags),
            "references": [r.to_dict() for r in self.references],
            "declassification": self.declassification.to_dict(),
            "classified_by": self.classified_by.to_dict(),
            "summary": self.summary,
            "comments": list(self.comments),
            "notes": list(self.notes),
            "signer": self.signer,
            "paragraphs": [p.to_dict() for p in self.paragraphs],
            "metadata": dict(self.metadata) if self.metadata is not None else None,
            "defects": [d.to_dict() for d in self.defects],
        }


# The record's keys in order: the contract renderers and tests rely on.
FIELDS: tuple[str, ...] = tuple(Cable().to_dict())
# What ``cable meta`` shows: everything but the paragraphs.
META_FIELDS: tuple[str, ...] = tuple(k for k in FIELDS if k != "paragraphs")


# One row per paragraph / per reference for ``cable paragraphs`` and
# ``cable refs``: each row carries the cable's id and source so that a
# stream of rows needs no flattening (``jq 'select(.text|test("Taliban"))'``).
PARAGRAPH_ROW_FIELDS = ("id", "source", "number", "classification", "heading", "text")
REFERENCE_ROW_FIELDS = ("id", "source", "label", "text", "ref_id", "kind")


def paragraph_rows(record: dict[str, Any]) -> list[dict[str, Any]]:
    return [{"id": record["id"], "source": record["source"], **p} for p in record["paragraphs"]]


def reference_rows(record: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {"id": record["id"], "source": record["source"], "label": r["label"], "text": r["text"],
         "ref_id": r["id"], "kind": r["kind"]}
        for r in record["references"]
    ]

"""The JSON Schema (draft 2020-12) of the record, derived from ``model``.

Nothing here lists the record's fields by hand: the keys and their order
come from each dataclass' ``to_dict()`` and the types from its annotations,
so adding, renaming or retyping a field in :mod:`cable_cli.model` changes
the schema (and ``docs/record.schema.json`` goes stale until regenerated).
Every key is required and no other key is allowed, which is the record's
contract: every key always present, ``null`` or ``[]`` when unknown.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from typing import Any

from . import model

DRAFT = "https://json-schema.org/draft/2020-12/schema"

_SCALARS: dict[Any, str] = {str: "string", int: "integer", bool: "boolean", float: "number", type(None): "null"}

# Values a string field may take, where the model fixes them.
_ENUMS: dict[tuple[type, str], tuple[str, ...]] = {
    (model.Reference, "kind"): model.REFERENCE_KINDS,
}

# WikiLeaks' metadata values are typed ``Any`` in the model (a plain dict);
# these keys hold lists of strings, every other key a string or null.
_METADATA_LISTS = frozenset({"references", "tags"})

_DESCRIPTIONS = {
    model.Cable: "One US diplomatic cable as parsed by cable; every key is always present.",
    model.Addressee: "One TO/INFO line, e.g. RUEHC/SECSTATE WASHDC IMMEDIATE 4694.",
    model.Transmission: "The ACP-126 transmission lines above the date-time group.",
    model.Reference: "One item of a REF block; id is the canonical cable id for cables, else null.",
    model.Declassification: "E.O. 12958: DECL: 02/24/2033 and its variants.",
    model.ClassifiedBy: "Classified By: Ambassador Richard E. Hoagland, 1.4 (b),(d).",
    model.Paragraph: "One numbered or unnumbered paragraph with its classification marking.",
    model.Defect: "Something odd about the input, kept as data rather than raised.",
}


def record_schema() -> dict[str, Any]:
    """The JSON Schema of :meth:`cable_cli.model.Cable.to_dict` output."""
    schema = {"$schema": DRAFT, "title": "cable record"}
    schema.update(_object(model.Cable))
    return schema


def _object(cls: type) -> dict[str, Any]:
    """An object schema for a model dataclass: its ``to_dict()`` keys, in order."""
    hints = typing.get_type_hints(cls)
    by_key = {f.name.rstrip("_"): f.name for f in dataclasses.fields(cls)}
    keys = list(_blank(cls).to_dict())
    if sorted(keys) != sorted(by_key):
        raise TypeError(f"{cls.__name__}.to_dict() keys {keys} do not match its fields {sorted(by_key)}")
    properties = {}
    for key in keys:
        if cls is model.Cable and key == "metadata":
            properties[key] = _metadata()
        else:
            properties[key] = _type(hints[by_key[key]], cls, key)
    out: dict[str, Any] = {"type": "object"}
    if cls in _DESCRIPTIONS:
        out["description"] = _DESCRIPTIONS[cls]
    out.update({"properties": properties, "required": keys, "additionalProperties": False})
    return out


def _blank(cls: type) -> Any:
    """An instance with every required field filled, to read ``to_dict()`` keys."""
    fill = {f.name: None for f in dataclasses.fields(cls)
            if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING}
    return cls(**fill)


def _type(hint: Any, owner: type, key: str) -> dict[str, Any]:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        members = typing.get_args(hint)
        nullable = type(None) in members
        rest = [m for m in members if m is not type(None)]
        if len(rest) != 1:
            raise TypeError(f"{owner.__name__}.{key}: unsupported union {hint}")
        inner = _type(rest[0], owner, key)
        if not nullable:
            return inner
        if "enum" in inner:
            return {**inner, "type": [inner["type"], "null"], "enum": [*inner["enum"], None]}
        if isinstance(inner.get("type"), str) and "properties" not in inner:
            return {**inner, "type": [inner["type"], "null"]}
        return {"anyOf": [inner, {"type": "null"}]}
    if origin is list:
        (item,) = typing.get_args(hint)
        return {"type": "array", "items": _type(item, owner, key)}
    if dataclasses.is_dataclass(hint):
        return _object(hint)
    if hint in _SCALARS:
        out: dict[str, Any] = {"type": _SCALARS[hint]}
        if (owner, key) in _ENUMS:
            out["enum"] = list(_ENUMS[(owner, key)])
        if owner is model.Cable and key == "input_format":
            from .sources import INPUT_FORMATS

            out["enum"] = list(INPUT_FORMATS)
        return out
    raise TypeError(f"{owner.__name__}.{key}: no JSON Schema type for {hint!r}")


def _metadata() -> dict[str, Any]:
    nullable_string = {"type": ["string", "null"]}
    string_list = {"anyOf": [{"type": "array", "items": {"type": "string"}}, {"type": "null"}]}
    keys = list(model.METADATA_KEYS)
    return {
        "anyOf": [
            {
                "type": "object",
                "description": "WikiLeaks' own metadata (HTML table, cables.csv columns), never merged "
                               "into what the text says.",
                "properties": {k: (string_list if k in _METADATA_LISTS else nullable_string) for k in keys},
                "required": keys,
                "additionalProperties": False,
            },
            {"type": "null"},
        ]
    }

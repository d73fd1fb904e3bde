"""The record's JSON Schema: derived from the model, strict, and true of every record."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

import cable_cli
from cable_cli import model
from cable_cli.cli import app
from cable_cli.schema import record_schema
from cable_cli.sources import InputError

from conftest import SAMPLE


@pytest.fixture(scope="module")
def validator():
    schema = record_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.fixture
def sample_record() -> dict:
    (cable,) = cable_cli.load(str(SAMPLE))
    return cable.to_dict()


def _objects(schema: dict, path: str = "$"):
    """Every object schema inside ``schema``, with where it is."""
    if schema.get("type") == "object" or "properties" in schema:
        yield path, schema
    for key, sub in schema.get("properties", {}).items():
        yield from _objects(sub, f"{path}.{key}")
    if isinstance(schema.get("items"), dict):
        yield from _objects(schema["items"], f"{path}[]")
    for sub in schema.get("anyOf", []):
        yield from _objects(sub, path)


def test_schema_is_draft_2020_12_and_lists_the_model_fields_in_order():
    schema = record_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert tuple(schema["properties"]) == model.FIELDS
    assert tuple(schema["required"]) == model.FIELDS
    assert schema["additionalProperties"] is False


def test_every_object_requires_every_key_and_allows_no_other():
    objects = dict(_objects(record_schema()))
    # the nested objects the record has: to/info items, transmission, references,
    # declassification, classified_by, paragraphs, defects, metadata
    for where in ("$.to[]", "$.info[]", "$.transmission", "$.references[]", "$.declassification",
                  "$.classified_by", "$.paragraphs[]", "$.defects[]", "$.metadata"):
        assert where in objects, where
    for where, obj in objects.items():
        assert obj["additionalProperties"] is False, where
        assert obj["required"] == list(obj["properties"]), where


def test_nested_keys_come_from_the_model():
    props = record_schema()["properties"]
    assert props["to"]["items"]["required"] == ["ri", "address", "precedence", "mcn", "excluded"]
    assert props["transmission"]["required"] == list(model.Transmission().to_dict())
    assert props["classified_by"]["required"] == ["name", "title", "reasons", "raw"]
    assert props["paragraphs"]["items"]["required"] == ["number", "classification", "heading", "text"]
    assert props["defects"]["items"]["required"] == ["code", "line", "message"]
    assert props["references"]["items"]["properties"]["kind"]["enum"] == list(model.REFERENCE_KINDS)
    metadata = props["metadata"]["anyOf"][0]
    assert metadata["required"] == list(model.METADATA_KEYS)
    assert {"type": "null"} in props["metadata"]["anyOf"]


def test_types_include_null_where_the_model_allows_it():
    props = record_schema()["properties"]
    assert props["id"]["type"] == ["string", "null"]
    assert props["sections"]["type"] == ["integer", "null"]
    assert props["partial"]["type"] == "boolean"
    assert props["captions"] == {"type": "array", "items": {"type": "string"}}
    assert props["transmission"]["properties"]["part"]["type"] == ["integer", "null"]
    assert props["defects"]["items"]["properties"]["line"]["type"] == ["integer", "null"]


def test_the_sample_validates(validator, sample_record):
    assert sample_record["id"] == "09ASTANA319"
    validator.validate(sample_record)


@pytest.mark.parametrize("change", [
    lambda r: r.pop("signer"),
    lambda r: r.update(extra=1),
    lambda r: r.update(partial="no"),
    lambda r: r["to"][0].update(rank="IMMEDIATE"),
    lambda r: r["references"][0].update(kind="telegram"),
    lambda r: r["paragraphs"][3].pop("heading"),
    lambda r: r["classified_by"].update(reasons="1.4(b)"),
    lambda r: r.update(metadata={"id": "09ASTANA319"}),
])
def test_a_changed_record_does_not_validate(validator, sample_record, change):
    broken = copy.deepcopy(sample_record)
    change(broken)
    assert not validator.is_valid(broken)


def test_cable_schema_prints_it():
    result = CliRunner().invoke(app, ["schema"])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == record_schema()


@pytest.mark.slow
def test_every_corpus_record_validates(validator, corpus: Path):
    from cable_cli.pipeline import records

    count = 0
    with_metadata = 0
    ids = set()
    for item in records([str(corpus)]):
        if isinstance(item, InputError):
            continue
        record = item.to_dict()
        errors = sorted(validator.iter_errors(record), key=lambda e: list(e.absolute_path))
        assert not errors, f"{record['source']}: {errors[0].json_path}: {errors[0].message}"
        count += 1
        with_metadata += record["metadata"] is not None
        ids.add(record["id"])
    assert count > 1800  # 1858 cable instances in the corpus' MANIFEST
    assert with_metadata > 1000  # cables.csv rows and HTML pages carry WikiLeaks' metadata
    assert {"09UNVIEVIENNA281", "06NEWDELHI5237", "02ANKARA8150"} <= ids

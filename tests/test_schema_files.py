"""Every JSON Schema Lika ships is itself a valid Draft 2020-12 schema: checked here
once, not by the program on every start or export."""

from __future__ import annotations

import json

import jsonschema
import pytest

from desktop_app.resources import resource_path
from desktop_app.storage.exchange import inlined_schema

SCHEMAS = sorted(resource_path("schemas").glob("*.json"))


@pytest.mark.parametrize("path", SCHEMAS, ids=lambda p: p.name)
def test_each_schema_file_is_valid(path) -> None:
    jsonschema.Draft202012Validator.check_schema(json.loads(path.read_text(encoding="utf-8")))


def test_the_exchange_schema_with_its_references_inlined_is_valid() -> None:
    schema = inlined_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert "$ref" not in json.dumps(schema)  # every reference was resolved


def test_a_broken_schema_is_caught() -> None:
    with pytest.raises(jsonschema.SchemaError):
        jsonschema.Draft202012Validator.check_schema({"type": "no-such-type"})

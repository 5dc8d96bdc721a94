"""JSON Schemas shipped in ``resources/schemas/``, with references between them resolved."""

from __future__ import annotations

import json
from functools import cache

import jsonschema
from referencing import Registry, Resource

from desktop_app.resources import resource_path

_BASE = "https://lika.example/schemas/"


@cache
def _registry() -> Registry:
    resources = []
    for path in sorted(resource_path("schemas").glob("*.json")):
        contents = json.loads(path.read_text(encoding="utf-8"))
        resources.append((_BASE + path.name, Resource.from_contents(contents)))
    return Registry().with_resources(resources)


@cache
def validator(name: str) -> jsonschema.Draft202012Validator:
    """A validator for ``resources/schemas/<name>`` (e.g. ``checklist.schema.json``)."""
    schema = _registry().contents(_BASE + name)
    return jsonschema.Draft202012Validator(schema, registry=_registry())

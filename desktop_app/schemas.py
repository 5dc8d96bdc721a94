"""JSON Schemas shipped in ``resources/schemas/``, with references between them resolved.

jsonschema and referencing are imported on first real use, not with this module: a
frozen build trusts the content it was built with (``checklists/trusted.py``) and then
needs neither to start, which saves a tenth of a second.
"""

from __future__ import annotations

import json
from functools import cache, cached_property
from typing import TYPE_CHECKING, Any

from desktop_app.resources import resource_path

if TYPE_CHECKING:
    import jsonschema
    from referencing import Registry

_BASE = "https://lika.example/schemas/"


@cache
def _registry() -> Registry:
    from referencing import Registry, Resource

    resources = []
    for path in sorted(resource_path("schemas").glob("*.json")):
        contents = json.loads(path.read_text(encoding="utf-8"))
        resources.append((_BASE + path.name, Resource.from_contents(contents)))
    return Registry().with_resources(resources)


class _LazyValidator:
    """Behaves as the jsonschema validator it stands for, made when first used."""

    def __init__(self, name: str) -> None:
        self.name = name

    @cached_property
    def _validator(self) -> jsonschema.Draft202012Validator:
        import jsonschema

        schema = _registry().contents(_BASE + self.name)
        return jsonschema.Draft202012Validator(schema, registry=_registry())

    def __getattr__(self, attribute: str) -> Any:
        return getattr(self._validator, attribute)


@cache
def validator(name: str) -> jsonschema.Draft202012Validator:
    """A validator for ``resources/schemas/<name>`` (e.g. ``checklist.schema.json``)."""
    return _LazyValidator(name)  # type: ignore[return-value]

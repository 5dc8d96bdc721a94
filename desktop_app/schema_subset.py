"""A yes/no check of JSON data against a JSON Schema that uses only a few keywords.

Why: every exchange file Lika writes (``lika export``, and the one each PDF carries) is
checked against ``exchange.schema.json`` before it is written, so Lika never writes a
file another Lika would refuse. jsonschema did that check, but importing it (with
``referencing``, ``attrs`` and ``rpds``) cost about a third of a second-long
``lika export-pdf`` on its own (issue 18), for a check that takes milliseconds.

This module knows exactly the keywords that schema uses, with jsonschema's meaning
for Draft 2020-12 (``re.search`` for ``pattern``, code points for ``maxLength``, 1 and
1.0 equal but neither equal to ``True``, keywords that do not apply to a value's type
ignored). A schema with any other keyword is refused when it is compiled
(``UnsupportedSchemaError``), never passed over, so "valid" here means valid for
jsonschema too; ``tests/test_schema_subset.py`` holds both to the same verdicts on
valid and broken documents. It only answers yes or no: when the answer is no, the
caller asks jsonschema for the message people read (that path may be slow).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

Check = Callable[[Any], bool]

# Keywords that say nothing about validity (annotations), so they are skipped.
_ANNOTATIONS = frozenset(
    {"$schema", "$id", "$comment", "title", "description", "contentEncoding", "examples"}
)


class UnsupportedSchemaError(ValueError):
    """The schema uses a keyword (or a form of one) this module does not check."""


def compile_schema(schema: Any) -> Check:
    """A function telling whether a value is valid under ``schema`` (with every
    ``$ref`` already inlined)."""
    if schema is True:
        return _always
    if schema is False:
        return _never
    if not isinstance(schema, Mapping):
        raise UnsupportedSchemaError(f"not a schema: {schema!r}")
    found = [_keyword(schema, key, value) for key, value in schema.items()]
    checks = [c for c in found if c is not None]
    if len(checks) == 1:
        return checks[0]
    return lambda value: all(check(value) for check in checks)


def _always(value: Any) -> bool:
    return True


def _never(value: Any) -> bool:
    return False


_TYPES: dict[str, Check] = {
    "string": lambda v: isinstance(v, str),
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "integer": lambda v: (
        (isinstance(v, int) and not isinstance(v, bool))
        or (isinstance(v, float) and v.is_integer())
    ),
}


def _is_number(value: Any) -> bool:
    return _TYPES["number"](value)


def _keyword(schema: Mapping[str, Any], key: str, value: Any) -> Check | None:
    if key in _ANNOTATIONS:
        return None
    if key == "type":
        names = [value] if isinstance(value, str) else list(value)
        if any(name not in _TYPES for name in names):
            raise UnsupportedSchemaError(f"type {value!r}")
        tests = [_TYPES[name] for name in names]
        return lambda v: any(test(v) for test in tests)
    if key == "const":
        return lambda v: _equal(v, value)
    if key == "enum":
        options = list(value)
        return lambda v: any(_equal(v, option) for option in options)
    if key == "pattern":
        search = re.compile(value).search
        return lambda v: not isinstance(v, str) or search(v) is not None
    if key == "maxLength":
        return lambda v: not isinstance(v, str) or len(v) <= value
    if key == "minLength":
        return lambda v: not isinstance(v, str) or len(v) >= value
    if key == "minimum":
        return lambda v: not _is_number(v) or v >= value
    if key == "maximum":
        return lambda v: not _is_number(v) or v <= value
    if key == "maxItems":
        return lambda v: not isinstance(v, list) or len(v) <= value
    if key == "maxProperties":
        return lambda v: not isinstance(v, dict) or len(v) <= value
    if key == "required":
        names = list(value)
        return lambda v: not isinstance(v, dict) or all(name in v for name in names)
    if key == "items":
        if "prefixItems" in schema:
            raise UnsupportedSchemaError("items with prefixItems")
        item = compile_schema(value)
        return lambda v: not isinstance(v, list) or all(item(x) for x in v)
    if key == "uniqueItems":
        return (lambda v: not isinstance(v, list) or _unique(v)) if value else None
    if key == "oneOf":
        options = [compile_schema(option) for option in value]
        return lambda v: sum(1 for option in options if option(v)) == 1
    if key == "propertyNames":
        name_check = compile_schema(value)
        return lambda v: not isinstance(v, dict) or all(name_check(k) for k in v)
    if key == "properties":
        return _properties(value)
    if key == "additionalProperties":
        if "patternProperties" in schema:
            raise UnsupportedSchemaError("additionalProperties with patternProperties")
        known = frozenset(schema.get("properties", {}))
        other = compile_schema(value)
        return lambda v: (
            not isinstance(v, dict)
            or all(other(item) for name, item in v.items() if name not in known)
        )
    raise UnsupportedSchemaError(f"the keyword {key!r}")


def _properties(properties: Mapping[str, Any]) -> Check:
    checks = {name: compile_schema(sub) for name, sub in properties.items()}

    def check(v: Any) -> bool:
        if not isinstance(v, dict):
            return True
        return all(checks[name](item) for name, item in v.items() if name in checks)

    return check


def _equal(one: Any, two: Any) -> bool:
    """JSON equality as jsonschema has it: ``True`` is not 1, 1 is 1.0."""
    if isinstance(one, str) or isinstance(two, str):
        return bool(one == two)
    if isinstance(one, list) and isinstance(two, list):
        return len(one) == len(two) and all(_equal(a, b) for a, b in zip(one, two, strict=True))
    if isinstance(one, dict) and isinstance(two, dict):
        return one.keys() == two.keys() and all(_equal(one[k], two[k]) for k in one)
    if isinstance(one, bool) or isinstance(two, bool):
        return type(one) is type(two) and one == two
    if isinstance(one, list | dict) or isinstance(two, list | dict):
        return False
    return bool(one == two)


def _unique(items: list[Any]) -> bool:
    return all(not _equal(a, b) for i, a in enumerate(items) for b in items[i + 1 :])

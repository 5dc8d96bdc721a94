"""``schema_subset`` gives jsonschema's verdict on the exchange schema, and a refused
assessment is never written (issue 18: the check without importing jsonschema)."""

from __future__ import annotations

import copy
import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.app import transfer
from desktop_app.app.reporting import export_summary
from desktop_app.app.service import AssessmentService
from desktop_app.domain.errors import InputError
from desktop_app.schema_subset import UnsupportedSchemaError, compile_schema
from desktop_app.storage import exchange
from tests.helpers import complete_assessment
from tests.strategies import exchange_documents

CORPUS = Path(__file__).parent / "data" / "exchange"
SCHEMA = exchange.inlined_schema()
QUICK = compile_schema(SCHEMA)
FULL = jsonschema.Draft202012Validator(SCHEMA)

# Values put in place of any value of a valid document: wrong types, edge numbers, too
# long text, a trailing newline (``$`` matches before it, for both), booleans for numbers.
REPLACEMENTS: list[Any] = [
    None, True, False, 0, 1, 1.0, 1.5, -1, 2, 10**13, -(10**13), 1900, 3000, "", "x",
    "x" * 65, "x" * 1001, "A\n", "2026-01-01\n", "draft", "approved", [], {}, [1], {"a": 1},
    "0" * 64, "f" * 64 + "\n",
]  # fmt: skip


def valid(data: Any) -> bool:
    return not any(True for _ in FULL.iter_errors(data))


def places(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    if isinstance(node, dict):
        for key, value in node.items():
            yield from places(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from places(value, (*path, index))


def replaced(data: Any, path: tuple[Any, ...], value: Any) -> Any:
    result = copy.deepcopy(data)
    if not path:
        return value
    parent = result
    for step in path[:-1]:
        parent = parent[step]
    parent[path[-1]] = value
    return result


def removed(data: Any, path: tuple[Any, ...]) -> Any:
    result = copy.deepcopy(data)
    parent = result
    for step in path[:-1]:
        parent = parent[step]
    del parent[path[-1]]
    return result


def documents() -> list[Any]:
    """Every document of the test corpus that parses as JSON, valid or not."""
    found = []
    for path in sorted(CORPUS.glob("*.json")):
        try:
            found.append(json.loads(path.read_text(encoding="utf-8")))
        except (ValueError, RecursionError):  # not JSON, or nested too deep to read
            continue
    return found


def test_the_corpus_gets_jsonschemas_verdicts() -> None:
    corpus = documents()
    assert any(valid(d) for d in corpus) and any(not valid(d) for d in corpus)
    for data in corpus:
        assert QUICK(data) == valid(data)


def test_every_place_of_a_valid_file_changed_gets_jsonschemas_verdict() -> None:
    base = json.loads((CORPUS / "valid.json").read_text(encoding="utf-8"))
    assert QUICK(base) and valid(base)
    rng = random.Random(18)
    refused = 0
    for path in places(base):
        variants = [replaced(base, path, v) for v in rng.sample(REPLACEMENTS, 4)]
        if path:
            variants.append(removed(base, path))
        if isinstance(path and path[-1], str):  # a field: add one the schema does not know
            variants.append(replaced(base, (*path[:-1], "unknown_field"), 1))
        for data in variants:
            assert QUICK(data) == valid(data), (path, data if not path else None)
            refused += not valid(data)
    assert refused > 100  # the mutations did reach the schema's rules


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_any_assessment_the_app_can_hold_gets_jsonschemas_verdict(data, content) -> None:
    document = data.draw(exchange_documents(content))
    raw = json.loads(json.dumps(exchange.to_dict(document)))  # to_dict checks it too
    assert QUICK(raw) and valid(raw)


def test_an_assessment_too_long_to_import_is_refused_and_no_pdf_written(
    service: AssessmentService, content, tmp_path: Path
) -> None:
    """The PDF carries the exchange file: what ``lika import`` would refuse is not
    written, neither as JSON nor inside a PDF."""
    a = service.repository.create(complete_assessment(content))
    a.decision.evidence = "x" * 1_000_001
    service.repository.save(a)
    for write in (
        lambda out: transfer.export_file(service.repository, a.id, out),
        lambda out: export_summary(service, a.id, out),
    ):
        out = tmp_path / "out" / "refused.out"
        out.parent.mkdir(exist_ok=True)
        with pytest.raises(InputError, match=r"cannot be exported: .*decision\.evidence"):
            write(out)
        assert list(out.parent.iterdir()) == []  # no file, and no temporary file left


def test_jsons_edges_as_jsonschema_has_them() -> None:
    check = compile_schema({"enum": [1, "a", [1, {"b": False}]]})
    assert check(1) and check(1.0) and check([1.0, {"b": False}])
    assert not check(True) and not check([True, {"b": False}]) and not check([1, {"b": 0}])
    assert compile_schema({"const": False})(False) and not compile_schema({"const": False})(0)
    integer = compile_schema({"type": "integer", "minimum": 0})
    assert integer(3) and integer(3.0) and not integer(True) and not integer(-1)
    assert not integer(3.5) and not integer("3")
    assert compile_schema({"maxLength": 2})("åå") and compile_schema({"maxLength": 2})(5)
    assert compile_schema({"pattern": "^a$"})("a\n")  # re.search, as jsonschema
    unique = compile_schema({"uniqueItems": True})
    assert unique([1, True]) and not unique([1, 1.0]) and unique(["1", 1])


@pytest.mark.parametrize(
    "schema",
    [
        {"minItems": 1},
        {"format": "date"},
        {"$ref": "#/$defs/x"},
        {"items": {}, "prefixItems": [{}]},
        {"patternProperties": {}, "additionalProperties": False},
        {"type": "decimal"},
        {"properties": {"a": {"anyOf": [{}]}}},
    ],
)
def test_a_keyword_it_does_not_check_is_refused_not_skipped(schema: dict[str, Any]) -> None:
    with pytest.raises(UnsupportedSchemaError):
        compile_schema(schema)


def test_a_schema_it_cannot_check_leaves_the_check_to_jsonschema(monkeypatch) -> None:
    """Should the schema come to use a keyword this module does not know, exports are
    checked by jsonschema, not refused or let through."""
    schema = {**SCHEMA, "minProperties": 1}
    monkeypatch.setattr(exchange, "inlined_schema", lambda: schema)
    exchange._quick_check.cache_clear()
    try:
        assert exchange._quick_check() is None
        data = json.loads((CORPUS / "valid.json").read_text(encoding="utf-8"))
        exchange._check_written(data)  # valid: passes
        data["assessment"]["decision"]["description"] = "å" * 1_000_001
        with pytest.raises(exchange.ExchangeError, match="cannot be exported"):
            exchange._check_written(data)
    finally:
        exchange._quick_check.cache_clear()

"""The text limits: one source (domain.limits), the exchange schema agrees, an import
over them is refused, and any assessment at them exports to PDF."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop_app.domain import limits
from desktop_app.storage import exchange
from tests.test_exchange import CORPUS

SCHEMA = Path(__file__).resolve().parents[1] / "resources" / "schemas" / "exchange.schema.json"


def test_the_schema_states_the_limits() -> None:
    defs = json.loads(SCHEMA.read_text(encoding="utf-8"))["$defs"]
    for name, limit in limits.SCHEMA_DEFS.items():
        assert defs[name]["maxLength"] == limit, name


@pytest.mark.parametrize(
    ("place", "limit"),
    [
        (("decision", "title"), limits.LINE_MAX),
        (("measures", 0, "owner"), limits.LINE_MAX),
        (("measures", 0, "description"), limits.CELL_MAX),
        (("grounds", 0, "groups"), limits.CELL_MAX),
        (("grounds", 0, "justification"), limits.CELL_MAX),
    ],
)
def test_an_import_over_a_limit_is_refused(content, place, limit) -> None:
    data = json.loads((CORPUS / "valid.json").read_text(encoding="utf-8"))
    target = data["assessment"]
    for step in place[:-1]:
        target = target[step]
    target[place[-1]] = "å" * (limit + 1)
    with pytest.raises(exchange.ExchangeError, match=f"longer than {limit} characters"):
        exchange.parse(json.dumps(data).encode(), content.checklists.checklists)
    target[place[-1]] = "å" * limit
    exchange.parse(json.dumps(data).encode(), content.checklists.checklists)


def test_max_length_by_field_path() -> None:
    assert limits.max_length(("decision", "title")) == limits.LINE_MAX
    assert limits.max_length(("measure", "uid-1", "owner")) == limits.LINE_MAX
    assert limits.max_length(("measure", "uid-1", "description")) == limits.CELL_MAX
    assert limits.max_length(("ground", "age", "groups")) == limits.CELL_MAX
    assert limits.max_length(("decision", "description")) == limits.TEXT_MAX
    assert limits.max_length(("conclusion", "summary")) == limits.TEXT_MAX


def test_the_schema_states_how_many_affected_groups() -> None:
    """The editor stops at the number of groups the exchange schema accepts."""
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    decision = schema["$defs"]["decision"]["properties"]
    assert decision["affected_groups"]["maxItems"] == limits.GROUPS_MAX
    assert limits.max_items(("decision", "affected_groups")) == limits.GROUPS_MAX
    assert limits.max_items(("decision", "title")) is None

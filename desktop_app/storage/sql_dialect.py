"""The filters the two engines build alike, written once for both dialects.

The SQLite register (``storage/register.py``; ``followup.due_measures`` and
``portfolio.selections`` take a ``Dialect`` too) and the server register
(``storage/postgres/reader_sql.py``, ``reader_more.py``) filter the same read
model by the same ``RegisterQuery`` and ``MeasureQuery``; only the spelling differs:
the placeholder (``?`` or ``%s``), the schema the tables live in, and how a text
column compares as SQLite does (bytes, ASCII letters folded for a unit). A
``Dialect`` holds those differences so a filter added to one engine is in the other.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from desktop_app.domain.register import RegisterQuery
from desktop_app.storage.register_schema import STATUS_RANKS


class Dialect(NamedTuple):
    """What differs between the engines' SQL of the same filter. (A named tuple, not
    a frozen dataclass: it is defined on the way to the register's first page, where
    each frozen dataclass costs about 0.35 ms to make, a named tuple 0.05.)"""

    param: str  # the placeholder
    schema: str  # prefix of a table's name
    text: Callable[[str], str]  # a text column compared by bytes (SQLite's BINARY)
    same_unit: Callable[[str], str]  # column = a parameter, ASCII case folded (NOCASE)


def _pg_nocase(column: str) -> str:
    return f'lower({column} COLLATE "C")'


SQLITE = Dialect(
    param="?",
    schema="",
    text=lambda column: column,
    same_unit=lambda column: f"{column} = ? COLLATE NOCASE",
)
POSTGRES = Dialect(
    param="%s",
    schema="lika.",
    text=lambda column: f'({column} COLLATE "C")',
    same_unit=lambda column: f"{_pg_nocase(column)} = {_pg_nocase('%s::text')}",
)


class Where:
    """A WHERE clause with its parameters in order."""

    def __init__(self) -> None:
        self.conditions: list[str] = []
        self.params: list[Any] = []

    def add(self, condition: str, *params: Any) -> None:
        self.conditions.append(condition)
        self.params.extend(params)

    def sql(self) -> str:
        return ("WHERE " + " AND ".join(self.conditions)) if self.conditions else ""


def register_filters(query: RegisterQuery, d: Dialect) -> Where:
    """Every filter of ``query`` on ``register_rows r`` but the search (each engine
    searches its own index)."""
    p, schema = d.param, d.schema
    where = Where()
    if not query.all_revisions:
        where.add("r.is_head = 1")
    if query.status is not None:
        where.add(f"r.status_rank = {p}", STATUS_RANKS[query.status.value])
    if query.unit:
        where.add(d.same_unit("r.unit"), query.unit)
    if query.framework:
        where.add(f"r.framework_id = {p}", query.framework)
    if query.decision_type is not None:
        where.add(
            f"r.assessment_id IN (SELECT id FROM {schema}assessments WHERE decision_type = {p})",
            query.decision_type,
        )
    if query.ground or query.impact:
        sub = (
            f"SELECT g.assessment_id FROM {schema}ground_assessments g "
            "WHERE g.relevance = 'relevant'"
        )
        params: list[Any] = []
        if query.ground:
            sub += f" AND g.ground_key = {p}"
            params.append(query.ground)
        if query.impact:
            sub += f" AND g.direction = {p}"
            params.append(query.impact.value)
        where.add(f"r.assessment_id IN ({sub})", *params)
    if query.date_from:
        where.add(f"{d.text('r.reference_date')} >= {p}", query.date_from.isoformat())
    if query.date_to:
        where.add(f"{d.text('r.reference_date')} <= {p}", query.date_to.isoformat())
    if query.overdue:
        where.add(f"{d.text('r.next_deadline')} < {p}", query.today.isoformat())
    if query.evaluation_due:
        # followup_key is next_followup with "none" as a far-future date: indexable.
        where.add(
            f"r.status_rank = {STATUS_RANKS['approved']} AND {d.text('r.followup_key')} <= {p}",
            query.today.isoformat(),
        )
    return where

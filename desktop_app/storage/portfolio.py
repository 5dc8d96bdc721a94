"""Reading the light records behind the portfolio figures, fast enough for a register of
100,000 assessments (the overview tab and the portfolio report both use them).

The selection uses the register's read model (``register_rows``: newest revision,
reference date = decision date else creation day), so the overview's period means
exactly what the register's date filter means. Rows are read as plain tuples and the
few distinct ground impacts are shared objects, so memory grows with the number of
assessments, not with the number of grounds.
"""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from desktop_app.domain.model import (
    Direction,
    MeasureStatus,
    Outcome,
    Relevance,
    Severity,
    Status,
)
from desktop_app.domain.portfolio import GroundImpact, MeasureFacts, Period, PortfolioEntry
from desktop_app.storage.register_schema import EFFECTIVE_MEASURE_STATUS_SQL
from desktop_app.storage.sql_dialect import SQLITE, Dialect

_RELEVANCE = {r.value: r for r in Relevance}
_DIRECTION: dict[str | None, Direction | None] = {d.value: d for d in Direction}
_DIRECTION[None] = None
_SEVERITY: dict[str | None, Severity | None] = {s.value: s for s in Severity}
_SEVERITY[None] = None
_STATUS = {s.value: s for s in Status}
_MEASURE_STATUS = {s.value: s for s in MeasureStatus}
_OUTCOME: dict[str | None, Outcome | None] = {o.value: o for o in Outcome}
_OUTCOME[None] = None


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def selections(
    period: Period | None, unit: str | None, d: Dialect, effective_status: str
) -> list[tuple[str, list[Any]]]:
    """The four selections ``assemble`` reads, in its order, on either engine
    (``effective_status``: the engine's SQL of a measure's status, the newest
    evaluation's word on it, as in the register)."""
    conditions, params = ["r.is_head = 1"], []
    if period is not None:
        conditions.append(f"{d.text('r.reference_date')} BETWEEN {d.param} AND {d.param}")
        params += [period.start.isoformat(), period.end.isoformat()]
    if unit is not None:
        conditions.append(f"r.unit = {d.param}")  # exact, as the report's --unit
        params.append(unit)
    where, s = " AND ".join(conditions), d.schema
    return [
        (
            "SELECT g.assessment_id, g.ground_key, g.relevance, g.direction, g.severity "
            f"FROM {s}register_rows r JOIN {s}ground_assessments g "
            f"ON g.assessment_id = r.assessment_id WHERE {where}",
            params,
        ),
        (
            "SELECT m.assessment_id, m.uid, m.description, m.owner, m.deadline, "
            f"{effective_status} FROM {s}register_rows r "
            f"JOIN {s}measures m ON m.assessment_id = r.assessment_id WHERE {where} "
            "ORDER BY m.assessment_id, m.position",
            params,
        ),
        (
            f"SELECT DISTINCT st.assessment_id FROM {s}register_rows r "
            f"JOIN {s}statistics_tables st ON st.assessment_id = r.assessment_id "
            f"WHERE {where} AND coalesce(st.women, st.men, st.girls, st.boys, st.other) "
            "IS NOT NULL",
            params,
        ),
        (
            "SELECT r.assessment_id, r.title, r.case_number, r.unit, r.status, "
            "r.framework_id, a.decision_date, substr(r.created, 1, 10), a.followup_date, "
            f"a.outcome, a.decision_type FROM {s}register_rows r "
            f"JOIN {s}assessments a ON a.id = r.assessment_id WHERE {where} "
            "ORDER BY r.assessment_id",
            params,
        ),
    ]


def _rows(conn: sqlite3.Connection, sql: str, params: list[Any]) -> Iterator[tuple[Any, ...]]:
    cursor = conn.execute(sql, params)
    while batch := cursor.fetchmany(5000):
        yield from batch


def read_portfolio_entries(
    conn: sqlite3.Connection, period: Period | None = None, unit: str | None = None
) -> list[PortfolioEntry]:
    """The newest revision of every assessment in ``period`` and ``unit``, by id."""
    found = selections(period, unit, SQLITE, EFFECTIVE_MEASURE_STATUS_SQL)
    grounds, measures, statistics, entries = (_rows(conn, sql, ps) for sql, ps in found)
    return assemble(grounds, measures, statistics, entries)


def assemble(
    ground_rows: Iterable[tuple[Any, ...]],
    measure_rows: Iterable[tuple[Any, ...]],
    statistics_rows: Iterable[tuple[Any, ...]],
    entry_rows: Iterable[tuple[Any, ...]],
) -> list[PortfolioEntry]:
    """The entries from the four selections, read in this order (each may be a lazy
    stream over one connection): grounds, measures by assessment and position, ids of
    assessments with statistics, and the assessments by id. The server register's
    reader runs the same selections on PostgreSQL and builds its entries here too."""
    impacts: dict[tuple[str, str | None, str | None], GroundImpact] = {}
    grounds: dict[int, dict[str, GroundImpact]] = {}
    for assessment_id, key, relevance, direction, severity in ground_rows:
        impact = impacts.get((relevance, direction, severity))
        if impact is None:
            impact = impacts[(relevance, direction, severity)] = GroundImpact(
                _RELEVANCE[relevance], _DIRECTION[direction], _SEVERITY[severity]
            )
        found = grounds.get(assessment_id)
        if found is None:
            found = grounds[assessment_id] = {}
        found[key] = impact
    measures: dict[int, list[MeasureFacts]] = {}
    for assessment_id, uid, description, owner, deadline, status in measure_rows:
        measures.setdefault(assessment_id, []).append(
            MeasureFacts(uid, description, owner, _date(deadline), _MEASURE_STATUS[status])
        )
    with_statistics = {r[0] for r in statistics_rows}
    entries = []
    for (id_, title, case_number, unit_, status, framework, decided, created,
         followup, outcome, decision_type) in entry_rows:  # fmt: skip
        entries.append(
            PortfolioEntry(
                id=id_,
                title=title,
                case_number=case_number,
                unit=sys.intern(unit_),  # a few units, shared by thousands
                status=_STATUS[status],
                framework_id=framework,
                decision_date=_date(decided),
                created=date.fromisoformat(created),
                followup_date=_date(followup),
                grounds=grounds.get(id_, {}),
                measures=tuple(measures.get(id_, ())),
                outcome=_OUTCOME[outcome],
                has_statistics=id_ in with_statistics,
                decision_type=decision_type,
            )
        )
    return entries

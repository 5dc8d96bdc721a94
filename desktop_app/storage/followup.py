"""Open measures across the register, by deadline, for the follow-up view.

Reads ``measures`` through the ``measures_deadline`` index and keeps only the newest
revision of each assessment (``register_rows.is_head``). A measure's status is the
newest evaluation's word on it, else its own, as in the register's counts.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from desktop_app.domain.followup import DueMeasureRow, DueWindow, MeasurePage, MeasureQuery
from desktop_app.domain.model import MeasureStatus, Status
from desktop_app.storage.register import PAGE_SIZE, Register
from desktop_app.storage.register_schema import EFFECTIVE_MEASURE_STATUS_SQL
from desktop_app.storage.rows import first_unreadable
from desktop_app.storage.sql_dialect import SQLITE, Dialect

_OPEN = f"{EFFECTIVE_MEASURE_STATUS_SQL} IN ('planned', 'ongoing')"


def _where(query: MeasureQuery) -> tuple[list[str], list[Any]]:
    return due_measures(query, SQLITE, _OPEN)


def due_measures(query: MeasureQuery, d: Dialect, open_sql: str) -> tuple[list[str], list[Any]]:
    """The conditions (and parameters) on ``measures m`` joined with ``register_rows
    r`` of a follow-up window: open (``open_sql``, the engine's effective status)
    measures with a deadline in the window, of the newest revisions."""
    p, deadline = d.param, d.text("m.deadline")
    conditions = ["r.is_head = 1", "m.deadline IS NOT NULL", open_sql]
    params: list[Any] = []
    today, horizon = query.today.isoformat(), query.horizon.isoformat()
    if query.window is DueWindow.OVERDUE:
        conditions.append(f"{deadline} < {p}")
        params.append(today)
    elif query.window is DueWindow.DUE_SOON:
        conditions.append(f"{deadline} BETWEEN {p} AND {p}")
        params += [today, horizon]
    elif query.window is DueWindow.OVERDUE_OR_DUE_SOON:
        conditions.append(f"{deadline} <= {p}")
        params.append(horizon)
    if query.unit:
        conditions.append(d.same_unit("r.unit"))
        params.append(query.unit)
    return conditions, params


def measures_page(
    register: Register,
    query: MeasureQuery,
    after: tuple[str, int] | None = None,
    limit: int = PAGE_SIZE,
) -> MeasurePage:
    """Open measures of ``query`` by deadline (then id), following ``after``."""
    conditions, params = _where(query)
    if after is not None:
        conditions.append("(m.deadline, m.id) > (?, ?)")
        params += list(after)
    sql = (
        "SELECT m.id, m.assessment_id, m.uid, m.description, m.owner, m.deadline, "
        f"{EFFECTIVE_MEASURE_STATUS_SQL}, r.title, r.case_number, r.unit, r.status "
        "FROM measures m JOIN register_rows r ON r.assessment_id = m.assessment_id "
        f"WHERE {' AND '.join(conditions)} ORDER BY m.deadline, m.id LIMIT ?"
    )
    fetched = register.execute(sql, [*params, limit]).fetchall()
    try:
        rows = [due_row(v) for v in fetched]
    except ValueError as error:
        raise first_unreadable(fetched, due_row, due_tables, error) from None
    next_after = (fetched[-1][5], fetched[-1][0]) if len(rows) == limit else None
    return MeasurePage(rows, next_after)


def due_row(v: tuple[Any, ...]) -> DueMeasureRow:
    """A row of the measures page (both engines select the same columns)."""
    return DueMeasureRow(
        id=v[0],
        assessment_id=v[1],
        measure_uid=v[2],
        description=v[3],
        owner=v[4],
        deadline=date.fromisoformat(v[5]),
        status=MeasureStatus(v[6]),
        title=v[7],
        case_number=v[8],
        unit=v[9],
        assessment_status=Status(v[10]),
    )


def due_tables(v: tuple[Any, ...]) -> tuple[Any, list[tuple[str, dict[str, Any]]]]:
    return v[1], [("assessments", {"status": v[10]})]


def measures_count(register: Register, query: MeasureQuery) -> int:
    conditions, params = _where(query)
    sql = (
        "SELECT count(*) FROM measures m JOIN register_rows r "
        f"ON r.assessment_id = m.assessment_id WHERE {' AND '.join(conditions)}"
    )
    return int(register.execute(sql, params).fetchone()[0])

"""Open measures across the register, by deadline, for the follow-up view.

Reads ``measures`` through the ``measures_deadline`` index and keeps only the newest
revision of each assessment (``register_rows.is_head``). A measure's status is the
newest evaluation's word on it, else its own, as in the register's counts.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from desktop_app.domain.followup import DueMeasureRow, MeasurePage, MeasureQuery
from desktop_app.domain.model import MeasureStatus, Status
from desktop_app.storage.register import PAGE_SIZE, Register
from desktop_app.storage.register_schema import EFFECTIVE_MEASURE_STATUS_SQL
from desktop_app.storage.rows import first_unreadable
from desktop_app.storage.sql_dialect import SQLITE, due_measures

_OPEN = f"{EFFECTIVE_MEASURE_STATUS_SQL} IN ('planned', 'ongoing')"


def _where(query: MeasureQuery) -> tuple[list[str], list[Any]]:
    return due_measures(query, SQLITE, _OPEN)


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

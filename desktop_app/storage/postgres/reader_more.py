"""The follow-up list and the portfolio's selections on the server, as
``storage/followup.py`` and ``storage/portfolio.py`` read them on SQLite.

A measure's status is the newest evaluation's word on it, else its own (the read
model's definition, ``tables_v1``); deadlines compare ``COLLATE "C"`` as SQLite's
BINARY does, and measures come by deadline, then id (index ``measures_order_deadline``).
"""

from __future__ import annotations

from typing import Any

from desktop_app.domain.followup import MeasureQuery
from desktop_app.domain.portfolio import Period
from desktop_app.storage.followup import due_measures
from desktop_app.storage.portfolio import selections
from desktop_app.storage.postgres.tables_v1 import _EFFECTIVE_STATUS
from desktop_app.storage.sql_dialect import POSTGRES

_OPEN = f"{_EFFECTIVE_STATUS} IN ('planned', 'ongoing')"
_DEADLINE = '(m.deadline COLLATE "C")'


def measures_where(query: MeasureQuery) -> tuple[list[str], list[Any]]:
    return due_measures(query, POSTGRES, _OPEN)


def measures_page_sql(
    query: MeasureQuery, after: tuple[str, int] | None, limit: int
) -> tuple[str, list[Any]]:
    conditions, params = measures_where(query)
    if after is not None:
        conditions.append(f"({_DEADLINE}, m.id) > (%s::text, %s::bigint)")
        params += list(after)
    sql = (
        "SELECT m.id, m.assessment_id, m.uid, m.description, m.owner, m.deadline, "
        f"{_EFFECTIVE_STATUS}, r.title, r.case_number, r.unit, r.status "
        "FROM lika.measures m JOIN lika.register_rows r ON r.assessment_id = m.assessment_id "
        f"WHERE {' AND '.join(conditions)} ORDER BY {_DEADLINE}, m.id LIMIT %s"
    )
    return sql, [*params, limit]


def measures_count_sql(query: MeasureQuery) -> tuple[str, list[Any]]:
    conditions, params = measures_where(query)
    sql = (
        "SELECT count(*) FROM lika.measures m JOIN lika.register_rows r "
        f"ON r.assessment_id = m.assessment_id WHERE {' AND '.join(conditions)}"
    )
    return sql, params


def portfolio_sql(period: Period | None, unit: str | None) -> list[tuple[str, list[Any]]]:
    """The four selections of ``storage.portfolio.assemble``, in its order."""
    return selections(period, unit, POSTGRES, _EFFECTIVE_STATUS)

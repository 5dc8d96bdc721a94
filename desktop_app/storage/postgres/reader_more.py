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
from desktop_app.storage.postgres.tables_v1 import _EFFECTIVE_STATUS
from desktop_app.storage.sql_dialect import POSTGRES, due_measures

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
    conditions, params = ["r.is_head = 1"], []
    if period is not None:
        conditions.append('(r.reference_date COLLATE "C") BETWEEN %s AND %s')
        params += [period.start.isoformat(), period.end.isoformat()]
    if unit is not None:
        conditions.append("r.unit = %s")  # exact, as the report's --unit
        params.append(unit)
    where = " AND ".join(conditions)
    return [
        (
            "SELECT g.assessment_id, g.ground_key, g.relevance, g.direction, g.severity "
            "FROM lika.register_rows r JOIN lika.ground_assessments g "
            f"ON g.assessment_id = r.assessment_id WHERE {where}",
            params,
        ),
        (
            "SELECT m.assessment_id, m.uid, m.description, m.owner, m.deadline, "
            f"{_EFFECTIVE_STATUS} FROM lika.register_rows r "
            f"JOIN lika.measures m ON m.assessment_id = r.assessment_id WHERE {where} "
            "ORDER BY m.assessment_id, m.position",
            params,
        ),
        (
            "SELECT DISTINCT st.assessment_id FROM lika.register_rows r "
            "JOIN lika.statistics_tables st ON st.assessment_id = r.assessment_id "
            f"WHERE {where} AND coalesce(st.women, st.men, st.girls, st.boys, st.other) "
            "IS NOT NULL",
            params,
        ),
        (
            "SELECT r.assessment_id, r.title, r.case_number, r.unit, r.status, "
            "r.framework_id, a.decision_date, substr(r.created, 1, 10), a.followup_date, "
            "a.outcome, a.decision_type FROM lika.register_rows r "
            f"JOIN lika.assessments a ON a.id = r.assessment_id WHERE {where} "
            "ORDER BY r.assessment_id",
            params,
        ),
    ]

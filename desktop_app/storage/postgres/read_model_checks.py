"""``lika check``'s ``register`` check on a server: the read model agrees with the assessments.

The register's list, its counts and its search read ``lika.register_rows`` and
``lika.register_search``, which the server rebuilds from ``lika.assessments`` (through the
views ``register_source`` and ``register_search_source``) at the commit of every change
(``deferred_v1.py``). The count of a search relies on it too: every assessment has one
search document and one register row (``reader_sql.search_count_sql``). Someone with the
triggers off can still change either table, and then the list shows, counts or finds
what the assessments do not say; this check finds every such assessment and tells IT
how to rebuild the two tables from the assessments (nothing is lost: both are derived).
"""

from __future__ import annotations

from desktop_app.storage.checks import CheckResult, Outcome
from desktop_app.storage.postgres.approval_checks import Query

REBUILD = (
    "IT rebuilds them as the tables' owner: SELECT lika.refresh_register_row(id), "
    "lika.refresh_search(id) FROM lika.assessments"
)

_ROWS_DIFFER = """
SELECT DISTINCT assessment_id FROM (
    (SELECT * FROM lika.register_rows EXCEPT SELECT * FROM lika.register_source)
    UNION ALL
    (SELECT * FROM lika.register_source EXCEPT SELECT * FROM lika.register_rows)
) differing ORDER BY assessment_id
"""

_NO_DOCUMENT = """
SELECT a.id AS assessment_id FROM lika.assessments a
WHERE NOT EXISTS (SELECT 1 FROM lika.register_search s WHERE s.assessment_id = a.id)
ORDER BY a.id
"""

# A document is rebuilt with the same function the server's refresh uses, so a
# document that differs was written by someone else (or the function changed without
# a rebuild, which a migration would do itself).
_STALE_DOCUMENT = """
SELECT s.assessment_id FROM lika.register_search s
LEFT JOIN lika.register_search_source src ON src.assessment_id = s.assessment_id
WHERE src.assessment_id IS NULL
   OR s.document IS DISTINCT FROM lika.search_vector(src.title, src.body)
ORDER BY s.assessment_id
"""


def _ids(found: list[dict[str, object]]) -> str:
    shown = ", ".join(str(r["assessment_id"]) for r in found[:5])
    return shown + (f" and {len(found) - 5} more" if len(found) > 5 else "")


def check_read_model(query: Query) -> CheckResult:
    """Every register row and search document is what the assessments give."""
    problems: list[str] = []
    rows = query(_ROWS_DIFFER, ())
    if rows:
        problems.append(
            f"the register's rows of {len(rows)} assessment(s) differ from the assessments "
            f"({_ids(rows)})"
        )
    missing = query(_NO_DOCUMENT, ())
    if missing:
        problems.append(f"{len(missing)} assessment(s) have no search document ({_ids(missing)})")
    stale = query(_STALE_DOCUMENT, ())
    if stale:
        problems.append(
            f"the search document of {len(stale)} assessment(s) differs from their text "
            f"({_ids(stale)})"
        )
    if problems:
        return CheckResult("register", Outcome.PROBLEM, "; ".join(problems) + f". {REBUILD}")
    return CheckResult(
        "register", Outcome.OK, "the register's rows and search documents match the assessments"
    )

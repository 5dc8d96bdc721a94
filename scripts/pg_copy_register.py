"""Copy a SQLite register's rows into a migrated server database, for tests and the
benchmark only (not a migration tool: no audit chain, no roles, no checks).

As the cluster's superuser: with ``session_replication_role = replica`` the server's
triggers (the read model's, the search index's, the approval lock's) stay quiet while
the raw rows arrive by ``COPY``; then the read model and the search index are built in
one statement each from the server's own views (``lika.register_source``,
``lika.register_search_source``), so what the reader reads is what the triggers
would have written, and ``VACUUM ANALYZE`` gives the planner its statistics.
"""

from __future__ import annotations

import sqlite3
from typing import Any

# Parents before children (the foreign keys are not checked while copying, but this
# order would satisfy them anyway).
TABLES = (
    "assessments", "ground_assessments", "answers", "measures", "status_changes",
    "evaluations", "evaluation_measures", "review_comments", "statistics_tables",
    "evidence_items",
)  # fmt: skip


def _columns(sqlite: sqlite3.Connection, server: Any, table: str) -> list[str]:
    """The columns both engines have (the server adds ``owner``); a column only SQLite
    has would be lost, so it is an error."""
    mine = [r[1] for r in sqlite.execute(f"PRAGMA table_info({table})")]
    theirs = {
        r[0]
        for r in server.execute(
            "SELECT column_name FROM information_schema.columns "
            "WHERE table_schema = 'lika' AND table_name = %s",
            [table],
        )
    }
    missing = [c for c in mine if c not in theirs]
    if missing:
        raise ValueError(f"lika.{table} lacks the SQLite columns {missing}")
    return mine


def copy_register(sqlite: sqlite3.Connection, server: Any) -> dict[str, int]:
    """Copy every table of ``sqlite`` into the empty register of ``server`` (a psycopg
    connection as superuser, autocommit) and build the read model; rows per table."""
    copied: dict[str, int] = {}
    with server.transaction():
        server.execute("SET LOCAL session_replication_role = replica")
        for table in TABLES:
            columns = ", ".join(_columns(sqlite, server, table))
            count = 0
            with server.cursor().copy(f"COPY lika.{table} ({columns}) FROM STDIN") as copy:
                for row in sqlite.execute(f"SELECT {columns} FROM {table}"):
                    copy.write_row(row)
                    count += 1
            copied[table] = count
        server.execute("DELETE FROM lika.register_rows")
        server.execute("INSERT INTO lika.register_rows SELECT * FROM lika.register_source")
        server.execute("DELETE FROM lika.register_search")
        server.execute(
            "INSERT INTO lika.register_search (assessment_id, document) "
            "SELECT assessment_id, lika.search_vector(title, body) "
            "FROM lika.register_search_source"
        )
    server.execute("VACUUM ANALYZE")  # statistics, hint bits and the visibility map
    return copied

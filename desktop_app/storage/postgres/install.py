"""Applying the migrations to a server, through ``psycopg`` (imported only here)."""

from __future__ import annotations

from typing import Any

import psycopg

from desktop_app.storage.postgres import migrations
from desktop_app.storage.postgres.connection import connect


def apply(conninfo: str) -> list[str]:
    """Bring the database at ``conninfo`` (a libpq connection string) up to date; the
    migrations that were applied now (none when it already was)."""
    from desktop_app.storage.postgres.errors import described

    try:
        with connect(conninfo, autocommit=True) as conn:
            before = applied(conn)
            for statement in migrations.statements():
                conn.execute(statement)
            return [name for name in applied(conn) if name not in before]
    except psycopg.Error as error:  # one sentence, no password (lika server-schema --apply)
        raise described(error, conninfo) from None


def applied(conn: psycopg.Connection[Any]) -> list[str]:
    """The migrations recorded in the database, in the order they were applied (none
    when there is no Lika schema); on a connection of any row factory."""
    from psycopg.rows import tuple_row

    with conn.cursor(row_factory=tuple_row) as cur:
        found = cur.execute(
            "SELECT to_regclass(%s) IS NOT NULL", [migrations.MIGRATIONS_TABLE]
        ).fetchone()
        if not found or not found[0]:
            return []
        rows = cur.execute(
            f"SELECT name FROM {migrations.MIGRATIONS_TABLE} ORDER BY applied_at, name"
        ).fetchall()
    return [str(r[0]) for r in rows]

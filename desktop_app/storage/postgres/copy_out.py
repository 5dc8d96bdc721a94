"""A server register copied into a portable SQLite file (``lika backup --out FILE`` of
``--db postgresql://…``): a normal Lika register file that opens in Lika anywhere.

The server is read in one snapshot (a read-only REPEATABLE READ transaction), so the
copy is consistent while others keep working. The file is made as Lika makes any new
register (every SQLite migration), then filled table by table with the server's rows
as they are, ids and audit entries included, with the triggers set aside as a bulk load
does (``storage.bulk``); the read model and search index are computed once at the end.
Before the file is put in place its integrity and its audit chain are checked; the
server's chain is checked on the same snapshot. Not copied: ``assessments.owner`` (a
SQLite register has no logins), so a copy moved back onto a server is owned by whoever
moves it (an administrator hands assessments over).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import psycopg
from sqlite_utils import Database

from desktop_app.atomic_file import atomic_write
from desktop_app.domain.audit import ChainReport
from desktop_app.domain.errors import LikaError
from desktop_app.storage import audit, register_schema, review_schema
from desktop_app.storage.backup import integrity_problems
from desktop_app.storage.database import StorageError, open_database, write_transaction
from desktop_app.storage.postgres import connection, import_links_v1
from desktop_app.storage.postgres.copy_tables import (
    COPIED,
    PgConnection,
    TableCount,
    order_of,
    require_migrated,
    server_chain,
    server_counts,
    sqlite_columns,
    sqlite_counts,
)
from desktop_app.storage.postgres.copy_tables import server_columns as columns_on_server

_FETCH = 2000


def copy_out(url: str, target: Path) -> tuple[list[TableCount], ChainReport, ChainReport]:
    """Write the server register at ``url`` to the new register file ``target``; rows per
    table, the server's chain and the file's, both checked."""
    try:
        with connection.connect(url) as server:
            require_migrated(server, connection.shown(url))
            server.rollback()
            server.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
            server.read_only = True
            on_server = server_counts(server)
            server_report = server_chain(server)
            found: dict[str, Any] = {}
            atomic_write(
                target,
                lambda partial: _write(server, partial, found),
                suffix=".db",
                mode=0o600,
                error=StorageError,
            )
    except psycopg.Error as error:
        raise LikaError(f"Cannot read {connection.shown(url)}: {str(error).strip()}") from None
    counts = [TableCount(t, on_server[t], found["counts"][t], found["counts"][t]) for t in COPIED]
    return counts, server_report, found["chain"]


def _write(server: PgConnection, partial: Path, found: dict[str, Any]) -> None:
    open_database(partial).close()  # a new register, as Lika makes one
    db = Database(sqlite3.connect(partial))
    try:
        with write_transaction(db):
            register_schema.drop_triggers(db)
            review_schema.drop_lock_triggers(db)
            for table in COPIED:
                _copy_table(server, db.conn, table)
            _take_over_marks(server, db.conn)
            issued = server.execute("SELECT last_id FROM lika.audit_issued").fetchone()
            db.execute("DELETE FROM sqlite_sequence WHERE name = 'audit_log'")
            db.execute(
                "INSERT INTO sqlite_sequence (name, seq) VALUES ('audit_log', ?)",
                [int(issued[0]) if issued else 0],
            )
            register_schema.rebuild(db)
            register_schema.install_triggers(db)
            review_schema.install_triggers(db)
        db.execute("INSERT INTO register_search(register_search) VALUES ('optimize')")
        db.execute("PRAGMA journal_mode = DELETE")
        problems = integrity_problems(db.conn)
        chain = audit.verify(db.conn)
        found["counts"] = sqlite_counts(db.conn)
        found["chain"] = chain
    finally:
        db.close()
    if problems:
        raise StorageError(f"The copy failed its integrity check ({problems[0]}); no file written")
    if not chain.ok:
        raise StorageError(f"The copy's audit chain is broken ({chain.problem}); no file written")


def _copy_table(server: PgConnection, lite: sqlite3.Connection, table: str) -> None:
    there = columns_on_server(server, table)
    columns = [c for c in sqlite_columns(lite, table) if c in there]
    marks = ", ".join("?" for _ in columns)
    insert = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"
    with server.cursor(name=f"lika_copy_{table}") as cursor:
        cursor.itersize = _FETCH
        cursor.execute(f"SELECT {', '.join(columns)} FROM lika.{table} ORDER BY {order_of(table)}")
        while rows := cursor.fetchmany(_FETCH):
            lite.executemany(insert, [_value_row(r) for r in rows])


def _value_row(row: Sequence[Any]) -> tuple[Any, ...]:
    return tuple(bytes(v) if isinstance(v, memoryview) else v for v in row)


def _take_over_marks(server: PgConnection, lite: sqlite3.Connection) -> None:
    """The server's evidence marks, where the new file's differ (its trigger refuses a
    change, so it is set aside for this one and put back as it was)."""
    wanted: dict[str, str] = dict(
        server.execute("SELECT name, value FROM lika.evidence_marks").fetchall()
    )
    wanted.pop(import_links_v1.MARK, None)  # the server's own: a file holds no links
    have = dict(lite.execute("SELECT name, value FROM evidence_marks").fetchall())
    if wanted == have:
        return
    guards = lite.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'evidence_marks'"
    ).fetchall()
    for name, _sql in guards:
        lite.execute(f'DROP TRIGGER "{name}"')
    lite.execute("DELETE FROM evidence_marks")
    lite.executemany("INSERT INTO evidence_marks (name, value) VALUES (?, ?)", wanted.items())
    for _name, sql in guards:
        lite.execute(sql)

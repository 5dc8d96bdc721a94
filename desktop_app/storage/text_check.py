"""Finding text in the register that is not valid UTF-8.

SQLite stores whatever bytes it is given as TEXT; a failing disk or a script can leave
bytes that are not UTF-8, and every reader of that row then fails. ``lika check`` names
each such place (table, row, column) so the damage is found before a reader meets it.
"""

from __future__ import annotations

import sqlite3

MAX_FINDINGS = 100


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def garbled_text(conn: sqlite3.Connection) -> list[str]:
    """Where ``conn``'s tables hold text that is not UTF-8 (at most ``MAX_FINDINGS``)."""
    tables = [
        (str(row[0]), "WITHOUT ROWID" in str(row[1]).upper())
        for row in conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
            "'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name"
        )
    ]
    shapes = [
        (
            table,
            without_rowid,
            [str(r[1]) for r in conn.execute(f"PRAGMA table_info({_quoted(table)})")],
        )
        for table, without_rowid in tables
    ]
    found: list[str] = []
    previous = conn.text_factory
    conn.text_factory = bytes  # names are read above: they would come back as bytes
    try:
        for table, without_rowid, columns in shapes:
            key = _quoted(columns[0]) if without_rowid else "rowid"
            for column in columns:
                sql = (
                    f"SELECT {key}, {_quoted(column)} FROM {_quoted(table)} "
                    f"WHERE typeof({_quoted(column)}) = 'text'"
                )
                for rowid, value in conn.execute(sql):
                    try:
                        value.decode("utf-8")
                    except UnicodeDecodeError:
                        found.append(f"{table} row {rowid}, column {column}")
                        if len(found) >= MAX_FINDINGS:
                            return found
    finally:
        conn.text_factory = previous
    return found

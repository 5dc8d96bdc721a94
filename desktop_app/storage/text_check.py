"""Finding text in the register that is not valid UTF-8.

SQLite stores whatever bytes it is given as TEXT; a failing disk or a script can leave
bytes that are not UTF-8, and every reader of that row then fails. ``lika check`` names
each such place (table, row, column) so the damage is found before a reader meets it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

MAX_FINDINGS = 100
CHUNK = 5000  # rows read and decoded as one text


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
            places = (
                _garbled_rows(conn, table, columns[0], columns, "", [])
                if without_rowid  # no such table holds much text
                else _table(conn, table, columns)
            )
            for place in places:
                found.append(place)
                if len(found) >= MAX_FINDINGS:
                    return found
    finally:
        conn.text_factory = previous
    return found


def _table(conn: sqlite3.Connection, table: str, columns: list[str]) -> Iterator[str]:
    """Where ``table`` holds text that is not UTF-8, read ``CHUNK`` rows at a time.

    SQLite joins every text of a chunk (each column of each row) with line feeds, and
    the result is decoded in one go: texts joined by an ASCII character are UTF-8
    exactly when each is (a line feed neither ends nor continues a multi-byte
    sequence), and most chunks are. Only a chunk that is not is read cell by cell, to
    name the places. One pass over the table, not one per column."""
    texts = " || char(10) || ".join(
        f"coalesce(CASE WHEN typeof({_quoted(c)}) = 'text' THEN {_quoted(c)} END, '')"
        for c in columns
    )
    joined_sql = (
        f"SELECT max(rowid), group_concat({texts}, char(10)) FROM (SELECT rowid, * FROM "
        f"{_quoted(table)} WHERE rowid > ? ORDER BY rowid LIMIT ?)"
    )
    after = -(2**63)
    while True:
        last, joined = conn.execute(joined_sql, [after, CHUNK]).fetchone()
        if last is None:
            return
        try:
            (joined or b"").decode("utf-8")
        except UnicodeDecodeError:
            span = "AND rowid > ? AND rowid <= ?"
            yield from _garbled_rows(conn, table, "rowid", columns, span, [after, last])
        after = last


def _garbled_rows(
    conn: sqlite3.Connection,
    table: str,
    key: str,
    columns: list[str],
    span: str,
    params: list[int],
) -> Iterator[str]:
    """Cell by cell: where ``table`` (the rows ``span`` selects) is not UTF-8."""
    for column in columns:
        sql = (
            f"SELECT {_quoted(key) if key != 'rowid' else key}, {_quoted(column)} "
            f"FROM {_quoted(table)} WHERE typeof({_quoted(column)}) = 'text' {span}"
        )
        for rowid, value in conn.execute(sql, params):
            try:
                value.decode("utf-8")
            except UnicodeDecodeError:
                yield f"{table} row {rowid}, column {column}"

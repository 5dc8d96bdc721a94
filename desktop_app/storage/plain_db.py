"""A read-only register connection in the shape the repository's reads expect.

sqlite-utils (with click and pluggy) costs a command that only reads more than its reads
(issue 18). The repository reads through ``db.execute`` and ``db.conn`` alone, so on a
connection from ``read_door`` it is handed this instead of sqlite-utils' ``Database``.
"""

from __future__ import annotations

import sqlite3
from typing import Any


class PlainDb:
    """The two things the repository's reads ask of sqlite-utils' ``Database``, on a
    plain ``sqlite3`` connection: ``conn`` and ``execute`` (as ``Database.execute``)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def execute(self, sql: str, parameters: Any = None) -> sqlite3.Cursor:
        if parameters is None:
            return self.conn.execute(sql)
        return self.conn.execute(sql, parameters)

    def close(self) -> None:
        self.conn.close()

"""SQLite's own check of a register file, in a module light to import: the start-up
check, backups, restores and the listing door (``read_door``) run the same one.
"""

from __future__ import annotations

import sqlite3

# Up to this size the start-up check runs SQLite's full integrity check (which also
# compares every index with its table); a larger register gets the quick check, which
# reads every page once but does not compare indexes.
FULL_CHECK_BYTES = 64 * 1024 * 1024


def integrity_problems(conn: sqlite3.Connection, *, quick: bool = False) -> list[str]:
    """What ``PRAGMA integrity_check`` (or ``quick_check``) finds; empty when all is well."""
    pragma = "quick_check" if quick else "integrity_check"
    try:
        rows = conn.execute(f"PRAGMA {pragma}").fetchall()
    except sqlite3.DatabaseError as error:
        return [str(error)]
    problems = [str(row[0]) for row in rows]
    return [] if problems == ["ok"] else problems


__all__ = ["FULL_CHECK_BYTES", "integrity_problems"]

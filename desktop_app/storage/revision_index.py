"""One assessment per revision of a decision: the UNIQUE index on
``assessments(series_uid, revision)``, and the duplicates an older register may hold.

Migration ``0004_unique_revision`` creates the index only in a register without
duplicates (an import could store them before it existed), so such a register still
opens. ``lika check`` names the duplicates; once they are resolved, ``ensure`` creates
the index the next time Lika opens the register, as ``ensure_register_triggers``
repairs missing triggers.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:  # the listing door reads the index without sqlite-utils (issue 18)
    from sqlite_utils import Database

INDEX = "assessments_series_revision"
CREATE_INDEX = f"CREATE UNIQUE INDEX {INDEX} ON assessments(series_uid, revision)"


class Duplicate(NamedTuple):
    """Several assessments that are the same revision of one decision (a named tuple:
    see ``sql_dialect.Dialect``)."""

    series_uid: str
    revision: int
    ids: tuple[int, ...]


def duplicates(conn: sqlite3.Connection) -> list[Duplicate]:
    """Every revision number used more than once in a series, oldest first."""
    found = conn.execute(
        "SELECT series_uid, revision, group_concat(id) FROM "
        "(SELECT series_uid, revision, id FROM assessments ORDER BY id) "
        "GROUP BY series_uid, revision HAVING count(*) > 1 ORDER BY min(id)"
    ).fetchall()
    return [Duplicate(s, r, tuple(int(i) for i in ids.split(","))) for s, r, ids in found]


def has_index(conn: sqlite3.Connection) -> bool:
    found = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?", [INDEX]
    ).fetchone()
    return found is not None


def ensure(db: Database) -> bool:
    """Create the index if it is missing and no duplicates stand in its way; True if it
    was created. One look at ``sqlite_master`` when it is there."""
    if "assessments" not in db.table_names() or has_index(db.conn):
        return False
    if duplicates(db.conn):
        return False
    with db.atomic():
        db.execute(CREATE_INDEX)
    return True

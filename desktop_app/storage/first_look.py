"""A first look at a register, before it is opened for writing: the window's first page.

The window lists the register's first page from here (``app/list_reader.py``) before
the service, the start check and sqlite-utils are loaded (issue 18), then opens the
register the normal way (``ui/opening.py``). So this reads through a connection that
cannot write, and only a register that is plainly a Lika register of exactly this
version gets a first look: the file is SQLite and records every upgrade this Lika
knows and no other. Anything else (no file yet, not SQLite, older or newer, locked,
damaged) is not judged here: there is simply no first look, and the normal path gives
its message as before.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from desktop_app.storage.register import Register

SQLITE_HEADER = b"SQLite format 3\x00"
# The upgrades this Lika knows, as ``storage.migrations.known_migrations()`` names them
# (a test checks that the two agree, so a new upgrade cannot slip past this list).
KNOWN_MIGRATIONS = frozenset(
    {
        "0001_initial",
        "0002_i8_register",
        "0003_review",
        "0004_unique_revision",
        "0005_signed_approvals",
        "0008_decision_type",
        "0009_statistics_evidence",
        "0010_i15_approver_role",
    }
)
MIGRATION_SET = "lika"
# A first look never waits for another program's lock: the normal path does.
LOOK_TIMEOUT_S = 0.2


def _is_sqlite(path: Path) -> bool:
    try:
        if not path.is_file():
            return False
        with path.open("rb") as file:
            return file.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def open_current(path: Path | str) -> Register | None:
    """A read-only ``Register`` on ``path`` if it is a Lika register of exactly this
    version; otherwise None (and nothing was written)."""
    path = Path(path)
    if not _is_sqlite(path):
        return None
    try:
        conn = sqlite3.connect(
            path.resolve().as_uri() + "?mode=ro", uri=True, timeout=LOOK_TIMEOUT_S
        )
    except sqlite3.Error:
        return None
    try:
        applied = {
            name
            for (name,) in conn.execute(
                "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [MIGRATION_SET]
            )
        }
    except sqlite3.Error:
        conn.close()
        return None
    if applied != KNOWN_MIGRATIONS:
        conn.close()
        return None
    return Register(conn, path)

"""What a register must hold, decided from facts that do not go away quietly.

Lika reads registers from before the audit log (upgrade ``0003_review``), the approval
record's protection (``0005_signed_approvals``) and evidence (``0009``). A missing table
or column could therefore mean an old register, and the checks used to take it so:
dropping ``status_changes.audit_id`` made ``lika check`` skip the approval record.

Whether an upgrade ran is decided here from what an attacker cannot remove without it
showing:

- the upgrades the register records as applied (sqlite-utils' ``_sqlite_migrations``),
  and that every build ran ``0001``-``0004`` first, in order, before any later one: a
  record of a later upgrade means the earlier ones ran;
- the tables and columns an upgrade alone creates: one of them present means it ran,
  so the others must be too;
- for ``0005``, the audit log's own entries: an entry covering status changes
  (``record_hash``) or sealing them; they are under the hash chain, and dropping the
  column they are in breaks it.

An upgrade the checks rely on that ran and whose record of it is gone, or whose tables
or columns are gone, is tampering. What this cannot tell: a register stripped of every
trace of an upgrade (all its tables, columns, entries and records) looks like one from
before it; only an older copy shows that (``lika check --against``).
"""

from __future__ import annotations

import sqlite3

from desktop_app.storage import migration_names
from desktop_app.storage.approval_schema import COLUMNS_V1

AUDIT = "0003_review"
APPROVALS = "0005_signed_approvals"
EVIDENCE = "0009_statistics_evidence"
# Run first, in this order, by every build of Lika; the later ones in any order.
FOUNDATION = ("0001_initial", "0002_i8_register", AUDIT, "0004_unique_revision")

# What the checks rely on, by the upgrade that creates it: (table, column or "").
REQUIRED: dict[str, tuple[tuple[str, str], ...]] = {
    AUDIT: (("review_comments", ""), ("audit_log", "")),
    APPROVALS: (*((t, c) for t, c, _kind in COLUMNS_V1), ("evidence_marks", "")),
    EVIDENCE: (("statistics_tables", ""), ("evidence_items", ""), ("evidence_files", "")),
}


def _known() -> tuple[str, ...]:
    return migration_names.KNOWN


def _before(name: str) -> tuple[str, ...]:
    """The upgrades every build ran before ``name``."""
    if name in FOUNDATION:
        return FOUNDATION[: FOUNDATION.index(name)]
    return FOUNDATION


applied = migration_names.applied  # the upgrades the register records as applied


class _Schema:
    """The register's tables and columns, read once."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.tables = {
            r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        self._columns: dict[str, set[str]] = {}

    def has(self, table: str, column: str) -> bool:
        if table not in self.tables:
            return False
        if not column:
            return True
        if table not in self._columns:
            self._columns[table] = {
                r[1] for r in self.conn.execute(f"PRAGMA table_info({table})").fetchall()
            }
        return column in self._columns[table]

    def traces(self, name: str) -> bool:
        """Whether something only upgrade ``name`` creates is there."""
        if any(self.has(t, c) for t, c in REQUIRED.get(name, ())):
            return True
        if name == APPROVALS and "audit_log" in self.tables:
            covering = "record_hash != '' OR " if self.has("audit_log", "record_hash") else ""
            found = self.conn.execute(
                f"SELECT 1 FROM audit_log WHERE {covering}action = 'seal' LIMIT 1"
            ).fetchone()
            return found is not None
        return False


def _ran(name: str, done: set[str], schema: _Schema) -> bool:
    if name in done or schema.traces(name):
        return True
    return any(
        name in _before(later) and (later in done or schema.traces(later)) for later in _known()
    )


def problems(conn: sqlite3.Connection) -> list[str]:
    """Upgrades that ran but whose record, tables or columns are gone: each a sentence."""
    done = applied(conn)
    schema = _Schema(conn)
    found: list[str] = []
    # Only the upgrades whose tables the checks rely on: re-running another one (0004's
    # index, 0008's column) on opening hides nothing.
    for name in (n for n in _known() if n in REQUIRED):
        if not _ran(name, done, schema):
            continue
        if name not in done:
            found.append(
                f"the register's record of its upgrade {name} was removed outside Lika (later "
                "upgrades or its own tables show that it ran)"
            )
        for table, column in REQUIRED.get(name, ()):
            if not schema.has(table, column):
                what = f"the column {table}.{column}" if column else f"the table {table}"
                found.append(
                    f"{what} is missing, which the upgrade {name} created: it was removed "
                    "outside Lika"
                )
    return found


def ran(conn: sqlite3.Connection, name: str) -> bool:
    """Whether upgrade ``name`` ran on this register (whatever is left of it now)."""
    return _ran(name, applied(conn), _Schema(conn))


__all__ = ["APPROVALS", "AUDIT", "EVIDENCE", "applied", "problems", "ran"]

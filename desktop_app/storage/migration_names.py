"""The names of the register's upgrades (migrations), in a module light to import.

``storage.migrations`` registers its steps under these names and refuses one that is not
listed here; the listing door (``storage.read_door``) and the schema facts read the
applied ones with plain ``sqlite3`` from sqlite-utils' own table, so ``lika list`` can
tell an up-to-date register from an older or newer one without importing sqlite-utils
(issue 18). One list, so a new upgrade cannot leave that door wrong: add its name here,
at the end, in the order ``migrations.py`` registers it.
"""

from __future__ import annotations

import sqlite3

MIGRATION_SET = "lika"
# Where sqlite-utils records what it applied (``Migrations.migrations_table``).
MIGRATIONS_TABLE = "_sqlite_migrations"

# In the order the steps are registered (and run on a new register).
KNOWN: tuple[str, ...] = (
    "0001_initial",
    "0002_i8_register",
    "0003_review",
    "0004_unique_revision",
    "0008_decision_type",
    "0009_statistics_evidence",
    "0005_signed_approvals",
    "0010_i15_approver_role",
)


def applied(conn: sqlite3.Connection) -> set[str]:
    """The upgrades the register records as applied (none in a new file, or when the
    record was removed). A register that cannot be read (busy, damaged) raises: taking
    it for one without upgrades would call it tampered with, or new."""
    try:
        found = conn.execute(
            f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ?", [MIGRATION_SET]
        ).fetchall()
    except sqlite3.OperationalError as error:
        if "no such table" not in str(error):
            raise
        return set()
    return {r[0] for r in found}


__all__ = ["KNOWN", "MIGRATIONS_TABLE", "MIGRATION_SET", "applied"]

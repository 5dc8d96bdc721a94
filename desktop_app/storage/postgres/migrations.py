"""The PostgreSQL register's versioned migrations, and the one script that applies them.

Each migration is SQL text, frozen once shipped (add a new one at the end; never edit one
that has shipped), recorded in ``lika.schema_migrations`` when applied. The script that
``lika server-schema`` prints and the one ``apply`` runs are the same text: one ``DO``
block per migration, each a single statement and so its own transaction, which takes an
advisory lock (two installers at once wait for each other), skips a migration already
recorded, and otherwise runs it and records it. Running the script again changes nothing.

This module imports no database driver: printing the script needs no connection.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from desktop_app.storage.postgres import (
    audit_v1,
    autosave_v1,
    concurrency_v1,
    copy_v1,
    deferred_v1,
    import_evaluations_v1,
    import_links_v1,
    import_v1,
    notify_v1,
    order_v1,
    roles_v1,
    save_guard_v1,
    search_v1,
    search_v2,
    tables_v1,
)

MIGRATIONS_TABLE = "lika.schema_migrations"
# pg_advisory_xact_lock key: any fixed number, the same for every installer of Lika.
_LOCK = 2020_0020
_QUOTE = "$lika_sql$"  # the migrations' SQL must not contain it (checked below)


@dataclass(frozen=True)
class Migration:
    name: str
    sql: str


MIGRATIONS: tuple[Migration, ...] = (
    Migration("0001_register", tables_v1.SQL),
    Migration("0002_roles", audit_v1.SQL + roles_v1.SQL),
    Migration("0003_search", search_v1.SQL),
    Migration("0004_copy", copy_v1.SQL),
    Migration("0005_register_order", order_v1.SQL),
    Migration("0006_autosave", autosave_v1.SQL),
    Migration("0007_search_unicode61", search_v2.SQL),
    Migration("0008_concurrency", concurrency_v1.SQL),
    Migration("0009_import", import_v1.SQL),
    Migration("0010_notify", notify_v1.SQL),
    Migration("0011_deferred_refresh", deferred_v1.SQL),
    Migration("0012_import_evaluations", import_evaluations_v1.SQL),
    Migration("0013_import_links", import_links_v1.SQL),
    Migration("0014_save_guard", save_guard_v1.SQL),
)

_PREAMBLE = f"""-- The Lika register's schema on PostgreSQL (issue 20), by `lika server-schema`.
-- Run as a role that may create schemas and roles in this database, e.g.
--   psql -v ON_ERROR_STOP=1 -d DATABASE -f lika-schema.sql
-- Each migration runs in a transaction of its own and is recorded in
-- {MIGRATIONS_TABLE}; running this script again changes nothing.

DO $lika_migration$
BEGIN
    PERFORM pg_advisory_xact_lock({_LOCK});
    IF to_regnamespace('lika') IS NULL THEN
        CREATE SCHEMA lika;
    END IF;
    IF to_regclass('{MIGRATIONS_TABLE}') IS NULL THEN
        CREATE TABLE {MIGRATIONS_TABLE} (
            name text PRIMARY KEY,
            applied_at timestamptz NOT NULL DEFAULT now(),
            applied_by text NOT NULL DEFAULT session_user
        );
    END IF;
END
$lika_migration$;
"""


def _block(migration: Migration) -> str:
    if _QUOTE in migration.sql or "$lika_migration$" in migration.sql:
        raise ValueError(f"migration {migration.name} contains the script's own quote")
    return f"""
-- Migration {migration.name}
DO $lika_migration$
BEGIN
    PERFORM pg_advisory_xact_lock({_LOCK});
    IF NOT EXISTS (SELECT 1 FROM {MIGRATIONS_TABLE} WHERE name = '{migration.name}') THEN
        EXECUTE {_QUOTE}{migration.sql}{_QUOTE};
        INSERT INTO {MIGRATIONS_TABLE} (name) VALUES ('{migration.name}');
    END IF;
END
$lika_migration$;
"""


def statements() -> list[str]:
    """The script as its statements: the preamble, then one ``DO`` block per migration."""
    return [_PREAMBLE, *(_block(m) for m in MIGRATIONS)]


def script() -> str:
    """The whole script, as ``lika server-schema`` prints it."""
    return "".join(statements())


def names() -> list[str]:
    """Every migration this version of Lika knows, in order."""
    return [m.name for m in MIGRATIONS]


def schema_gap(applied: Iterable[str]) -> tuple[list[str], list[str]]:
    """What a server's ``applied`` migrations lack and have beyond this Lika's:
    (unknown ones, sorted; missing ones, in order). Both empty: exactly this version."""
    done = set(applied)
    known = names()
    return sorted(done - set(known)), [name for name in known if name not in done]

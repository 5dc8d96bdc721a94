"""Opening the register file safely.

Before anything is written, the file is checked: it must be SQLite, it must be a Lika
register, and it must not come from a newer Lika. Only then are pending migrations
applied. New files are created readable by their owner only.
"""

from __future__ import annotations

import os
import sqlite3
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.domain.errors import InputError
from desktop_app.storage import migration_names, revision_index
from desktop_app.storage.errors import (
    DamagedDatabaseError,
    DatabaseBusyError,
    DiskFullError,
    ForeignDatabaseError,
    NewerDatabaseError,
    NotADatabaseError,
    ReadOnlyDatabaseError,
    StorageError,
)
from desktop_app.storage.filesystem import is_network_path
from desktop_app.storage.migration_names import KNOWN, MIGRATION_SET, MIGRATIONS_TABLE
from desktop_app.storage.register_schema import ensure_register_triggers
from desktop_app.storage.review_schema import install_triggers as ensure_review_triggers
from desktop_app.storage.sqlite_errors import BUSY_TIMEOUT_MS, SQLITE_HEADER, describe_sqlite_error

if TYPE_CHECKING:  # imported where a register is opened for writing: not to check one
    from sqlite_utils import Database


def _check_header(path: Path) -> None:
    try:
        with path.open("rb") as file:
            header = file.read(len(SQLITE_HEADER))
    except OSError as error:
        raise StorageError(f"Cannot read {path}: {error.strerror}") from None
    if header and header != SQLITE_HEADER:
        raise NotADatabaseError(f"{path} is not a Lika database (it is not an SQLite file)")


def _create_private_file(path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except FileExistsError:
        pass
    except OSError as error:
        raise InputError(f"Cannot create the database {path}: {error.strerror}") from None


def known_migrations() -> set[str]:
    """Names of every upgrade this version of Lika knows."""
    return set(KNOWN)


def _check_lika_schema(conn: sqlite3.Connection, path: Path) -> bool:
    """Refuse foreign and newer databases before any write happens (plain sqlite3:
    the start check runs it without loading sqlite-utils).

    Returns whether the register already holds a schema (False for a new file).
    """
    tables = {
        row[0]
        for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        if not row[0].startswith("sqlite_")
    }
    if not tables - {MIGRATIONS_TABLE}:
        return False  # new, or a first migration that was interrupted and rolled back
    applied = migration_names.applied(conn)
    if not applied:
        raise ForeignDatabaseError(f"{path} is an SQLite file, but not a Lika database")
    unknown = applied - known_migrations()
    if unknown:
        raise NewerDatabaseError(
            f"{path} was written by a newer version of Lika and was not opened; please update Lika"
        )
    return True


def _backup_before_migration(db: Database, path: Path) -> None:
    from desktop_app.storage import backup  # backup builds on this module

    try:
        backup.make_backup(path, backup.Reason.MIGRATION, source=db.conn)
    except DamagedDatabaseError:
        raise
    except StorageError as error:
        raise StorageError(
            f"Lika must upgrade {path}, but could not back it up first, so nothing was "
            f"changed: {error}"
        ) from None


def connect_readonly(path: Path) -> sqlite3.Connection:
    """A connection that cannot write to ``path`` (checks, backups, restores)."""
    uri = "file:" + urllib.parse.quote(str(Path(path).resolve())) + "?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as error:
        raise describe_sqlite_error(error, path) from None
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return conn


def check_understood(path: Path, *, empty_ok: bool = True) -> None:
    """Raise unless ``path`` is a Lika register this version fully understands; with
    ``empty_ok=False`` also when it holds none yet (empty, or SQLite without tables):
    a backup to restore must hold one.

    Reads only: used before restoring a backup and by ``lika check``.
    """
    path = Path(path)
    if not path.is_file():
        raise InputError(f"No database at {path}")
    _check_header(path)
    conn = connect_readonly(path)
    try:
        if not _check_lika_schema(conn, path) and not empty_ok:
            raise NotADatabaseError(f"{path} holds no Lika register: it is empty")
    except sqlite3.Error as error:
        raise describe_sqlite_error(error, path) from None
    finally:
        conn.close()


def check_not_a_folder(path: Path) -> None:
    """Refuse a folder given as the register (``--db .``, ``--db ''``, a mistyped path)."""
    if Path(path).is_dir():
        raise InputError(f"{path} is a folder, not a database file")


def open_database(path: Path, *, create: bool = True) -> Database:
    """Open (and if needed create and migrate) the register at ``path``; with
    ``create=False`` only a register that is there, holding its schema.

    Before a migration changes an existing register, a checked backup is made with
    SQLite's backup API; if that fails, nothing is changed.
    """
    from sqlite_utils import Database

    from desktop_app.storage.migrations import migrations

    path = Path(path)
    check_not_a_folder(path)
    if path.exists():
        _check_header(path)
    elif create:
        _create_private_file(path)
    else:
        raise InputError(f"No database at {path}")
    # Without ``create`` SQLite may not make the file either (deleted meanwhile).
    target = path if create else "file:" + urllib.parse.quote(str(path.resolve())) + "?mode=rw"
    try:
        conn = sqlite3.connect(target, timeout=BUSY_TIMEOUT_MS / 1000, uri=not create)
    except sqlite3.Error as error:
        raise describe_sqlite_error(error, path) from None
    try:
        db = Database(conn, execute_plugins=False)
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        db.execute("PRAGMA foreign_keys = ON")
        existing = _check_lika_schema(conn, path)
        if not existing and not create:  # emptied since it was found: not made anew
            raise StorageError(f"{path} holds no Lika register: it is empty")
        if existing:
            _refuse_stripped(db, path)
        pending = migrations.pending(db)
        if pending and existing:
            _backup_before_migration(db, path)
        # WAL locally; on a network share the rollback journal, whose file locks work
        # between computers (WAL's shared memory does not).
        if is_network_path(path):
            if db.journal_mode != "delete":
                db.disable_wal()
        elif db.journal_mode != "wal":
            db.enable_wal()
        if existing and not pending:
            _guard_evidence(db, path)
        if pending:
            migrations.apply(db)
        # A table transform drops triggers silently; the register must not drift.
        ensure_register_triggers(db)
        # Likewise the locks on approved assessments and the audit log's protection.
        ensure_review_triggers(db)
        # And one assessment per revision, once an old register's duplicates are gone.
        revision_index.ensure(db)
    except BaseException as error:
        conn.close()
        if isinstance(error, sqlite3.Error):
            raise describe_sqlite_error(error, path) from None
        raise
    return db


def _refuse_stripped(db: Database, path: Path) -> None:
    """A register that lost a table or column an upgrade it ran created (or the record
    of that upgrade) was changed outside Lika: opening it would take it for an older
    one, upgrade it and bury what was removed."""
    from desktop_app.storage import schema_facts

    found = schema_facts.problems(db.conn)
    if found:
        raise StorageError(
            f"{path} was changed outside Lika: {found[0]}. Nothing was changed; run lika "
            "check, and restore a backup"
        )


def _guard_evidence(db: Database, path: Path) -> None:
    """On an up-to-date register, a missing audit log or guard trigger was removed by
    someone outside Lika: refuse the first, record the second before putting it back."""
    from desktop_app.storage import guards

    if "audit_log" not in db.table_names() and "review_comments" in db.table_names():
        raise StorageError(
            f"The audit log of {path} is missing: it was removed outside Lika. Nothing was "
            "changed; run lika check, and restore a backup"
        )
    guards.repair(db)


@contextmanager
def write_transaction(db: Database) -> Iterator[Database]:
    """``db.atomic()``, but a transaction starts with ``BEGIN IMMEDIATE``: it holds the
    write lock before its first read, so a writer in another process waits (busy
    timeout) instead of both reading the same newest audit entry and chaining onto it.
    Nested in a running transaction, it is a savepoint."""
    conn = db.conn
    if conn.in_transaction:
        with db.atomic():
            yield db
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


__all__ = [
    "BUSY_TIMEOUT_MS",
    "MIGRATION_SET",
    "SQLITE_HEADER",
    "DamagedDatabaseError",
    "DatabaseBusyError",
    "DiskFullError",
    "ForeignDatabaseError",
    "NewerDatabaseError",
    "NotADatabaseError",
    "ReadOnlyDatabaseError",
    "StorageError",
    "check_not_a_folder",
    "check_understood",
    "connect_readonly",
    "describe_sqlite_error",
    "open_database",
    "write_transaction",
]

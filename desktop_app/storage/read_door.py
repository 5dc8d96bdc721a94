"""The listing's door to the register: read-only, plain ``sqlite3``, no sqlite-utils.

``lika list`` only reads. Opening the register the usual way (``database.open_database``)
imports sqlite-utils with click and pluggy, which cost a listing more than the listing
itself (issue 18). This door opens a read-only connection, but only to a register that
opening would leave exactly as it is: a Lika register with every upgrade this version
knows and none it does not (``migration_names``), that the start-up check finds
undamaged (the same SQLite check as ``checks.refuse_if_damaged``), in the journal mode
opening would set, with no trace of tampering to refuse (``schema_facts``) and nothing
to put back (the register's and the review's triggers, the guards, the revision index).

Anything else, and any error but a busy register, makes it answer None: the caller then
opens the register the usual way, which creates, upgrades, repairs or refuses it with the
usual messages. The door never decides what the usual way would decide otherwise.

The window's first page (``first_look``, issue 18) comes through the same door, with two
differences: the start check follows right after (and the usual opening when the user
first writes), so the door leaves that check's integrity scan to it (about half a second
at 100,000 assessments, which the first page would otherwise wait for twice), and it
never waits for another program's lock (the usual way does).
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from desktop_app.storage import (
    guards,
    migration_names,
    register_schema,
    review_schema,
    revision_index,
    schema_facts,
)
from desktop_app.storage.errors import DatabaseBusyError
from desktop_app.storage.filesystem import is_network_path
from desktop_app.storage.integrity import FULL_CHECK_BYTES, integrity_problems
from desktop_app.storage.register import READER_CACHE_KIB, Register
from desktop_app.storage.sqlite_errors import (
    BUSY_TIMEOUT_MS,
    SQLITE_HEADER,
    describe_sqlite_error,
)

# The first look never waits for another program's lock: the usual way does.
LOOK_TIMEOUT_S = 0.2


def open_as_is(path: Path | str) -> Register | None:
    """The register at ``path`` for reading, or None when it must be opened the usual
    way first (or refused). Raises only ``DatabaseBusyError``: waiting for a busy
    register twice would say nothing more."""
    return _open(Path(path), timeout_s=BUSY_TIMEOUT_MS / 1000, scan=True)


def first_look(path: Path | str) -> Register | None:
    """``open_as_is`` for the window's first page, which the start check follows at
    once: no integrity scan, no waiting, None for a busy register too."""
    try:
        return _open(Path(path), timeout_s=LOOK_TIMEOUT_S, scan=False)
    except DatabaseBusyError:
        return None


def _open(path: Path, *, timeout_s: float, scan: bool) -> Register | None:
    if not _plain_register_file(path):
        return None
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True, timeout=timeout_s)
    except sqlite3.Error:
        return None
    try:
        conn.execute(f"PRAGMA cache_size = {-READER_CACHE_KIB}")
        if _as_it_is(conn, path, scan=scan):
            return Register(conn, path)
    except sqlite3.Error as error:
        if _busy(error):
            conn.close()
            raise describe_sqlite_error(error, path) from None
    except (OSError, UnicodeDecodeError):
        pass
    conn.close()
    return None


def _plain_register_file(path: Path) -> bool:
    """An SQLite file that opening would neither create nor refuse for its place: its
    folder exists, both can be written (as opening needs), and it is not empty."""
    folder = path.parent
    try:
        if not (folder.is_dir() and path.is_file()):
            return False
        if not (os.access(path, os.W_OK) and os.access(folder, os.W_OK | os.X_OK)):
            return False
        with path.open("rb") as file:
            return file.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def _as_it_is(conn: sqlite3.Connection, path: Path, *, scan: bool) -> bool:
    """Whether opening the register would only read it (``database.open_database``),
    after the start-up check found nothing (``checks.diagnose``; its integrity scan
    only with ``scan``)."""
    if migration_names.applied(conn) != set(migration_names.KNOWN):
        return False  # an older register is upgraded, a newer one refused
    journal = str(conn.execute("PRAGMA journal_mode").fetchone()[0]).lower()
    if journal != ("delete" if is_network_path(path) else "wal"):
        return False  # opening sets it
    if scan and integrity_problems(conn, quick=path.stat().st_size > FULL_CHECK_BYTES):
        return False  # refused, naming the newest good backup
    if schema_facts.problems(conn):
        return False  # refused: changed outside Lika
    kinds = conn.execute("SELECT name, type FROM sqlite_master").fetchall()
    tables = {name for name, kind in kinds if kind == "table"}
    triggers = {name for name, kind in kinds if kind == "trigger"}
    if "audit_log" not in tables or "register_rows" not in tables:
        return False
    wanted = [name for name, _ in register_schema.CURRENT_TRIGGERS()]
    wanted += [name for make in review_schema.CURRENT_TRIGGERS for name, _ in make()]
    if any(name not in triggers for name in wanted):
        return False  # put back, and the read model rebuilt
    if guards.find(conn):
        return False  # put back, with an audit entry saying so
    # Without its index (and no duplicates in the way), opening creates it.
    return revision_index.has_index(conn) or bool(revision_index.duplicates(conn))


def _busy(error: sqlite3.Error) -> bool:
    text = str(error)
    return "locked" in text or "busy" in text


__all__ = ["LOOK_TIMEOUT_S", "first_look", "open_as_is"]

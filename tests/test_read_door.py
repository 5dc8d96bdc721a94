"""The listing's read-only door (``storage.read_door``, issue 18): it reads a register
only when opening it the usual way would read it too, and answers None otherwise, so
that ``lika list`` falls back to the usual door and its upgrades, repairs and messages.

The property is checked against the usual door itself: for each state a register can
be in, the door serves exactly when the start-up check and ``open_database`` neither
refuse the register nor change a byte of it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlite_utils import Database

from desktop_app.domain.errors import LikaError
from desktop_app.domain.register import RegisterQuery
from desktop_app.storage import checks, migration_names, register_schema, review_schema
from desktop_app.storage.database import open_database
from desktop_app.storage.migrations import listed, migrations
from desktop_app.storage.read_door import first_look, open_as_is
from desktop_app.storage.register import Register
from desktop_app.storage.revision_index import INDEX
from tests.safety_helpers import damage, make_newer, register_state
from tests.tampering_helpers import make_register, sql, trigger_sql
from tests.test_damaged_doors import damage_an_index
from tests.test_tampering_schema import DROP_AUDIT_ID


def test_the_light_list_of_upgrades_is_the_registered_one() -> None:
    """``migration_names.KNOWN`` is what the door compares a register with: the steps
    ``migrations.py`` registers, in their order."""
    registered = [m.name for m in migrations.pending(Database(memory=True))]
    assert registered == list(migration_names.KNOWN)


def test_a_step_missing_from_the_light_list_is_refused() -> None:
    with pytest.raises(RuntimeError, match="migration_names"):
        listed("9999_not_listed")


@pytest.fixture
def register(tmp_path, content, capsys) -> Path:
    return make_register(tmp_path / "register.db", content, capsys)


def _usual_door_only_reads(path: Path) -> bool:
    """Whether the start-up check and ``open_database`` leave ``path`` as it was."""
    before = register_state(path) if path.exists() else None
    try:
        checks.refuse_if_damaged(path)
        open_database(path).close()
    except LikaError:
        return False
    return path.exists() and register_state(path) == before


def _older(path: Path) -> None:
    """A register from before the newest upgrade (as the previous Lika left it)."""
    path.unlink()
    db = Database(path)
    migrations.apply(db, stop_before=migration_names.KNOWN[-1])
    db.enable_wal()  # as opening leaves it: only the upgrade tells it apart
    db.close()


def _foreign(path: Path) -> None:
    path.unlink()
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE music (title TEXT)")
    conn.commit()
    conn.close()


def _weakened_guard(path: Path) -> None:
    statement = trigger_sql(path, "status_changes_no_delete")
    weaker = statement.replace("WHEN EXISTS", "WHEN 0 AND EXISTS")
    sql(path, "DROP TRIGGER status_changes_no_delete", weaker)


STATES: dict[str, Callable[[Path], None]] = {
    "missing": lambda p: p.unlink(),
    "empty": lambda p: p.write_bytes(b""),
    "not SQLite": lambda p: p.write_text("hello"),
    "another program's": _foreign,
    "newer": make_newer,
    "older": _older,
    "damaged": damage,
    "an index damaged": damage_an_index,
    "rollback journal": lambda p: sql(p, "PRAGMA journal_mode = DELETE"),
    "a register trigger dropped": lambda p: sql(
        p, f"DROP TRIGGER {register_schema.CURRENT_TRIGGERS()[0][0]}"
    ),
    "a review trigger dropped": lambda p: sql(
        p, f"DROP TRIGGER {review_schema.CURRENT_TRIGGERS[-1]()[0][0]}"
    ),
    "a guard weakened": _weakened_guard,
    "the revision index dropped": lambda p: sql(p, f"DROP INDEX {INDEX}"),
    "a column stripped": lambda p: sql(p, *DROP_AUDIT_ID),
    # Its guard goes with it: only the upgrade's record says the table must be there.
    "a table stripped": lambda p: sql(p, "DROP TABLE evidence_marks"),
}


@pytest.mark.parametrize("state", sorted(STATES))
def test_the_door_declines_what_the_usual_door_would_change_or_refuse(register, state) -> None:
    STATES[state](register)
    opened = open_as_is(register)
    if opened is not None:
        opened.close()
    assert opened is None
    assert not _usual_door_only_reads(register), "a state the door need not decline"


def test_the_door_reads_an_up_to_date_register_as_the_usual_door_does(register) -> None:
    query = RegisterQuery()
    before = register_state(register)
    opened = open_as_is(register)
    assert opened is not None
    with opened:
        light = list(opened.rows(query))
    assert register_state(register) == before  # it only read
    assert _usual_door_only_reads(register)
    db = open_database(register)
    try:
        usual = list(Register(db.conn, register).rows(query))
    finally:
        db.close()
    assert light == usual and len(light) == 3


def test_the_door_does_not_create_a_missing_register(tmp_path) -> None:
    path = tmp_path / "none.db"
    assert open_as_is(path) is None
    assert not path.exists()
    assert open_as_is(tmp_path) is None  # a folder
    assert open_as_is(tmp_path / "no" / "such.db") is None


def test_lika_list_still_upgrades_an_older_register(register, capsys) -> None:
    """The door declines; ``lika list`` opens the register the usual way, as before."""
    from desktop_app.storage import backup
    from tests.tampering_helpers import run

    _older(register)
    code, out, err = run(register, capsys, "list")
    assert code == 0 and out.strip() == "No assessments.", err
    conn = sqlite3.connect(register)
    try:
        assert migration_names.applied(conn) == set(migration_names.KNOWN)
    finally:
        conn.close()
    assert [b.reason for b in backup.list_backups(register)] == [backup.Reason.MIGRATION]


def test_a_busy_register_is_named_busy_at_once(register, monkeypatch) -> None:
    """Declining would make ``lika list`` wait out the busy timeout a second time (and a
    third, in the start-up check) before saying the same."""
    from desktop_app.app.errors import DatabaseBusyError
    from desktop_app.storage import read_door

    monkeypatch.setattr(read_door, "BUSY_TIMEOUT_MS", 50)
    holder = sqlite3.connect(register, isolation_level=None)
    try:
        holder.execute("PRAGMA locking_mode = EXCLUSIVE")
        holder.execute("BEGIN EXCLUSIVE")
        holder.execute("UPDATE assessments SET title = title WHERE id = 1")
        with pytest.raises(DatabaseBusyError, match="busy in another program"):
            open_as_is(register)
    finally:
        holder.close()


# What only the start check's integrity scan finds: the first look leaves it to the usual
# opening, which follows it at once (``tests/ui/test_first_list.py`` shows its message).
SCANNED = {"damaged", "an index damaged"}


@pytest.mark.parametrize("state", sorted(set(STATES) - SCANNED))
def test_the_window_s_first_look_declines_what_the_usual_door_would_change(register, state) -> None:
    """The window's first page comes through the same door: one place decides whether
    a register is exactly as opening would leave it."""
    STATES[state](register)
    looked = first_look(register)
    if looked is not None:
        looked.close()
    assert looked is None


def test_the_first_look_reads_what_the_door_reads_without_the_scan(register, monkeypatch) -> None:
    from desktop_app.storage import read_door

    scanned: list[bool] = []
    monkeypatch.setattr(read_door, "integrity_problems", lambda *a, **k: scanned.append(1) or [])
    before = register_state(register)
    looked = first_look(register)
    assert looked is not None and not scanned
    with looked:
        rows = list(looked.rows(RegisterQuery()))
    assert len(rows) == 3 and register_state(register) == before
    opened = open_as_is(register)
    assert opened is not None and scanned  # the listing's door scans
    opened.close()


def test_the_first_look_does_not_wait_for_a_busy_register(register) -> None:
    """The usual opening waits (and says so); the first page simply is not listed first."""
    holder = sqlite3.connect(register, isolation_level=None)
    try:
        holder.execute("PRAGMA locking_mode = EXCLUSIVE")
        holder.execute("BEGIN EXCLUSIVE")
        holder.execute("UPDATE assessments SET title = title WHERE id = 1")
        assert first_look(register) is None
    finally:
        holder.close()

"""Backups: made with the backup API, checked, private, rotated; restore keeps what it replaces;
an upgrade never runs without a backup first."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlite_utils import Migrations

from desktop_app.__main__ import main
from desktop_app.domain.audit import AuditAction
from desktop_app.domain.errors import InputError
from desktop_app.domain.identity import Identity
from desktop_app.storage import audit, backup, database
from desktop_app.storage import migrations as migrations_module
from desktop_app.storage.backup import Reason
from desktop_app.storage.database import DamagedDatabaseError, NewerDatabaseError, StorageError
from desktop_app.storage.migrations import MIGRATION_SET, migrations
from desktop_app.storage.repository import AssessmentRepository
from desktop_app.storage.restore import restore_backup
from tests.conftest import FakeClock
from tests.helpers import complete_assessment
from tests.safety_helpers import damage, filled_register, make_newer, register_state

BERIT = Identity("Berit Bakke", "berit")


def titles(path: Path) -> list[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [r[0] for r in conn.execute("SELECT title FROM assessments ORDER BY id")]
    finally:
        conn.close()


def lika(*args: str) -> int:
    try:
        return main(list(args))
    except SystemExit as exit_info:
        return int(exit_info.code or 0)


@pytest.fixture
def register(tmp_path, content) -> Path:
    return filled_register(tmp_path / "lika.db", content, count=5)


def test_backup_is_a_checked_private_single_file(register) -> None:
    info = backup.make_backup(register, Reason.MANUAL)
    assert info is not None
    assert info.path.parent == register.parent / "lika.db.backups"
    assert stat.S_IMODE(info.path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(info.path.stat().st_mode) == 0o600
    assert titles(info.path) == titles(register)
    conn = sqlite3.connect(info.path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    assert backup.list_backups(register) == [info]


def test_backup_includes_what_is_still_in_the_write_ahead_log(register, content) -> None:
    repo = AssessmentRepository.open(register, clock=FakeClock())
    extra = complete_assessment(content)
    extra.decision.title = "Bara i loggen"
    repo.create(extra)
    assert Path(f"{register}-wal").stat().st_size > 0  # not yet in the main file
    info = backup.make_backup(register, Reason.MANUAL)
    repo.close()
    assert "Bara i loggen" in titles(info.path)


def test_an_unchanged_start_backup_is_not_kept(register, content) -> None:
    first = backup.make_backup(register, Reason.START, now=datetime(2026, 11, 2, 8))
    assert backup.make_backup(register, Reason.START, now=datetime(2026, 11, 2, 9)) is None
    repo = AssessmentRepository.open(register)
    repo.create(complete_assessment(content))
    repo.close()
    second = backup.make_backup(register, Reason.START, now=datetime(2026, 11, 2, 10))
    assert second is not None
    assert [b.path for b in backup.list_backups(register)] == [second.path, first.path]


def test_rotation_keeps_the_newest_and_never_touches_other_files(register, content) -> None:
    start = datetime(2026, 11, 1, 8)
    repo = AssessmentRepository.open(register)
    made = []
    for day in range(6):
        repo.create(complete_assessment(content))  # a change, so every backup is kept
        reason = Reason.DAILY if day % 2 else Reason.START
        made.append(backup.make_backup(register, reason, now=start + timedelta(days=day)))
    repo.close()
    manual = backup.make_backup(register, Reason.MANUAL, now=start - timedelta(days=30))
    upgrade = backup.make_backup(register, Reason.MIGRATION, now=start - timedelta(days=20))
    stranger = backup.backup_dir(register) / "my notes.txt"
    stranger.write_text("keep me")
    removed = backup.rotate(register, keep=3)
    assert sorted(removed) == sorted(b.path for b in made[:3])
    left = {b.path for b in backup.list_backups(register)}
    assert left == {b.path for b in made[3:]} | {manual.path, upgrade.path}
    assert stranger.read_text() == "keep me"


def test_daily_backup_is_due_after_a_day(register) -> None:
    now = datetime(2026, 11, 2, 8)
    assert backup.daily_backup_due(register, now)
    backup.make_backup(register, Reason.START, now=now)
    assert not backup.daily_backup_due(register, now + timedelta(hours=23))
    assert backup.daily_backup_due(register, now + timedelta(hours=24))


def test_a_damaged_register_gives_no_backup(register) -> None:
    damage(register)
    with pytest.raises(DamagedDatabaseError, match="no backup was made"):
        backup.make_backup(register, Reason.MANUAL)
    assert list(backup.backup_dir(register).iterdir()) == []


def test_no_backup_when_it_would_fill_the_disk(register, monkeypatch) -> None:
    class Usage:
        free = 1024

    monkeypatch.setattr(backup.shutil, "disk_usage", lambda _path: Usage())
    with pytest.raises(StorageError, match="not enough free space"):
        backup.make_backup(register, Reason.MANUAL)


def test_newest_good_backup_skips_damaged_ones(register) -> None:
    good = backup.make_backup(register, Reason.MANUAL, now=datetime(2026, 11, 1))
    bad = backup.make_backup(register, Reason.MANUAL, now=datetime(2026, 11, 2))
    damage(bad.path, range(2, 4))
    assert backup.newest_good_backup(register).path == good.path


# Upgrades (migrations)


@pytest.fixture
def future_migration(monkeypatch):
    """This Lika, plus one more migration: what the next version will do to a register."""
    extended = Migrations(MIGRATION_SET)
    extended._migrations = list(migrations._migrations)

    @extended(name="9000_i6_test_add_column")
    def add_column(db) -> None:
        db.execute("ALTER TABLE assessments ADD COLUMN extra TEXT")

    names = {m.name for m in extended._migrations}
    monkeypatch.setattr(migrations_module, "migrations", extended)
    monkeypatch.setattr(database, "known_migrations", lambda: names)


def test_an_upgrade_is_preceded_by_a_backup(register, future_migration) -> None:
    before = titles(register)
    database.open_database(register).close()
    (made,) = backup.list_backups(register)
    assert made.reason is Reason.MIGRATION
    conn = sqlite3.connect(made.path)
    columns = {r[1] for r in conn.execute("PRAGMA table_info(assessments)")}
    conn.close()
    assert "extra" not in columns  # the state before the upgrade
    assert titles(made.path) == before


def test_no_upgrade_without_a_backup(register, future_migration, monkeypatch) -> None:
    before = register_state(register)

    class Usage:
        free = 1024

    monkeypatch.setattr(backup.shutil, "disk_usage", lambda _path: Usage())
    with pytest.raises(StorageError, match="could not back it up first, so nothing was changed"):
        database.open_database(register)
    assert register_state(register) == before


def test_a_damaged_register_is_not_upgraded(register, future_migration) -> None:
    damage(register, range(8, 10))
    before = register_state(register)
    with pytest.raises(DamagedDatabaseError):
        database.open_database(register)
    assert register_state(register) == before


def test_a_new_register_needs_no_backup(tmp_path) -> None:
    path = tmp_path / "new.db"
    database.open_database(path).close()
    assert backup.list_backups(path) == []


# Restore


def test_restore_refuses_to_overwrite_without_force(register) -> None:
    info = backup.make_backup(register, Reason.MANUAL)
    before = register_state(register)
    with pytest.raises(InputError, match="use --force"):
        restore_backup(info.path, register, actor=BERIT)
    assert register_state(register) == before


def test_restore_keeps_the_replaced_register(register, content) -> None:
    info = backup.make_backup(register, Reason.MANUAL)
    repo = AssessmentRepository.open(register)
    later = complete_assessment(content)
    later.decision.title = "Efter säkerhetskopian"
    repo.create(later)
    repo.close()
    current = titles(register)
    kept = restore_backup(info.path, register, actor=BERIT, force=True)
    assert titles(register) == titles(info.path)
    assert titles(kept) == current and "Efter säkerhetskopian" in current
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600


def test_restore_into_a_register_that_is_open_elsewhere(register, content) -> None:
    """Another program with the register open sees the restored content at once, and
    an edit it still holds meets the version guard instead of overwriting it."""
    info = backup.make_backup(register, Reason.MANUAL)
    repo = AssessmentRepository.open(register)
    editing = repo.get(1)
    editing.decision.title = "Ändrad"
    repo.save(editing)
    restore_backup(info.path, register, actor=BERIT, force=True)
    assert repo.get(1).decision.title == "Ärende 0"
    repo.close()


def test_restore_over_a_damaged_register_moves_it_aside_unchanged(register) -> None:
    info = backup.make_backup(register, Reason.MANUAL)
    damage(register)
    damaged = register.read_bytes()
    kept = restore_backup(info.path, register, actor=BERIT, force=True)
    assert kept.read_bytes() == damaged
    assert titles(register) == titles(info.path)


def test_restore_over_a_newer_register_keeps_it_byte_for_byte(register) -> None:
    info = backup.make_backup(register, Reason.MANUAL)
    make_newer(register)
    newer = register_state(register)
    kept = restore_backup(info.path, register, actor=BERIT, force=True)
    assert register_state(kept) == newer


@pytest.mark.parametrize("spoil", ["damage", "newer", "text", "empty", "no tables"])
def test_restore_refuses_a_bad_backup(register, tmp_path, spoil) -> None:
    """Also an empty file and an SQLite file without tables: restored with ``--force``
    they emptied the register, and no copy of it was kept."""
    bad = tmp_path / "bad.db"
    bad.write_bytes(register.read_bytes())
    if spoil == "damage":
        damage(bad)
    elif spoil == "newer":
        make_newer(bad)
    elif spoil == "empty":
        bad.write_bytes(b"")
    elif spoil == "no tables":
        bad.unlink()
        sqlite3.connect(bad).execute("PRAGMA user_version = 1").connection.close()
    else:
        bad.write_text("not a database")
    before = register_state(register)
    with pytest.raises((InputError, StorageError)):
        restore_backup(bad, register, actor=BERIT, force=True)
    assert register_state(register) == before


def test_restore_to_a_new_place(register, tmp_path) -> None:
    info = backup.make_backup(register, Reason.MANUAL)
    target = tmp_path / "elsewhere" / "lika.db"
    target.parent.mkdir()
    assert restore_backup(info.path, target, actor=BERIT) is None
    assert titles(target) == titles(register)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


# A restore in the audit log


def log_of(path: Path) -> tuple[int, str, list]:
    """The entry count, the newest entry's hash and the entries of ``path``'s log."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        (count,) = conn.execute("SELECT count(*) FROM audit_log").fetchone()
        (head,) = conn.execute("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
        assert audit.verify(conn).ok
        uid = conn.execute("SELECT uid FROM assessments WHERE id = 1").fetchone()[0]
        return count, head, audit.entries_for(conn, uid=uid)
    finally:
        conn.close()


def test_a_restore_is_recorded_with_what_it_replaced(register, content) -> None:
    """The entries made after the backup are gone from the restored log; the restore
    entry says so: who, which backup and when it was made, and how many entries the
    replaced log had with the hash of its newest, which the kept file still holds."""
    info = backup.make_backup(register, Reason.MANUAL, now=datetime(2026, 11, 2, 8, 30))
    repo = AssessmentRepository.open(register)
    repo.create(complete_assessment(content))  # after the backup: in no backup
    repo.close()
    kept = restore_backup(info.path, register, actor=BERIT, force=True)
    kept_count, kept_head, _ = log_of(kept)
    count, _head, history = log_of(register)
    assert count == kept_count  # one entry lost, one restore entry added
    entry = history[-1]  # shown in the history of every assessment it concerns
    assert entry.action is AuditAction.RESTORE
    assert (entry.actor, entry.os_user) == ("Berit Bakke", "berit")
    assert (entry.assessment_id, entry.assessment_uid) == (None, "")
    taken = datetime(2026, 11, 2, 8, 30).astimezone().isoformat()
    assert entry.summary == (
        f"restored backup {info.path.name} ({taken}); the log it replaced had "
        f"{kept_count} entries, newest hash {kept_head}; kept as {kept.name}"
    )
    assert AssessmentRepository.open(register).count() == 5


def test_a_copy_made_with_out_is_named_with_its_file_time(register, tmp_path) -> None:
    copy = tmp_path / "friday.db"
    backup.write_backup(register, copy, db_path=register)
    stamp = datetime(2026, 11, 6, 16, 45, 10).timestamp()
    os.utime(copy, (stamp, stamp))
    restore_backup(copy, register, actor=BERIT, force=True)
    *_, history = log_of(register)
    taken = datetime(2026, 11, 6, 16, 45, 10).astimezone().isoformat()
    assert history[-1].summary.startswith(f"restored backup friday.db ({taken}); the log it")


def test_a_restore_to_a_new_place_is_recorded_too(register, tmp_path) -> None:
    info = backup.make_backup(register, Reason.MANUAL)
    target = tmp_path / "elsewhere.db"
    restore_backup(info.path, target, actor=BERIT)
    *_, history = log_of(target)
    assert history[-1].action is AuditAction.RESTORE
    assert history[-1].summary.endswith("; there was no register before")


def test_a_restore_over_an_unreadable_file_says_its_log_could_not_be_read(register) -> None:
    info = backup.make_backup(register, Reason.MANUAL)
    register.write_text("not a database")
    kept = restore_backup(info.path, register, actor=BERIT, force=True)
    *_, history = log_of(register)
    assert history[-1].summary.endswith(
        f"; the log it replaced could not be read; kept as {kept.name}"
    )


def test_an_older_backup_is_upgraded_and_then_records_the_restore(register, tmp_path) -> None:
    older = tmp_path / "older.db"
    older.write_bytes((Path(__file__).parent / "data" / "register-0.1.0.db").read_bytes())
    kept = restore_backup(older, register, actor=BERIT, force=True)
    assert [b.reason for b in backup.list_backups(register)].count(Reason.MIGRATION) == 1
    conn = sqlite3.connect(register)
    (entry,) = conn.execute("SELECT action, summary FROM audit_log ORDER BY id DESC LIMIT 1")
    conn.close()
    assert entry[0] == "restore" and "older.db" in entry[1] and kept.name in entry[1]


def test_a_restore_that_cannot_be_recorded_says_so(register, monkeypatch) -> None:
    """The backup is in place by then; the user is told that the log lacks the entry."""
    from desktop_app.storage import restore

    info = backup.make_backup(register, Reason.MANUAL)

    def full(*_args, **_kwargs) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(restore.audit, "append", full)
    with pytest.raises(StorageError) as raised:
        restore_backup(info.path, register, actor=BERIT, force=True)
    message = str(raised.value)
    assert message.startswith(f"The backup was restored to {register} (the register it ")
    assert "but the restore could not be recorded in its audit log: The disk" in message
    assert titles(register) == titles(info.path)
    count, _head, _history = log_of(register)
    assert count == log_of(info.path)[0]  # nothing half-written


def test_restoring_without_force_records_nothing(register) -> None:
    info = backup.make_backup(register, Reason.MANUAL)
    with pytest.raises(InputError):
        restore_backup(info.path, register, actor=BERIT)
    *_, history = log_of(register)
    assert all(e.action is not AuditAction.RESTORE for e in history)


# The command line


def test_cli_backup_restore(register, tmp_path, capsys) -> None:
    out = tmp_path / "copy.db"
    assert lika("backup", "--db", str(register), "--out", str(out)) == 0
    assert "integrity check: ok" in capsys.readouterr().out
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert lika("backup", "--db", str(register)) == 0
    assert len(backup.list_backups(register)) == 1
    assert lika("restore", str(out), "--db", str(register)) == 2
    assert "use --force" in capsys.readouterr().err
    assert lika("restore", str(out), "--db", str(register), "--force") == 0
    printed = capsys.readouterr().out
    assert "The database it replaced is kept as" in printed
    assert lika("restore", str(out), "--db", str(register), "--force", "--as", " ") == 2
    assert "--as needs a name" in capsys.readouterr().err
    assert lika("backup", "--db", str(register), "--out", str(register)) == 2
    assert "is the database itself" in capsys.readouterr().err


def test_cli_restore_leaves_a_trace_in_the_history(register, tmp_path, capsys) -> None:
    """The review's repro: an approval made after the backup is undone by the restore,
    and the history says that a restore happened, by whom, and what it replaced."""
    out = tmp_path / "b.db"
    assert lika("backup", "--db", str(register), "--out", str(out)) == 0
    assert lika("submit", "1", "--db", str(register)) == 0
    assert lika("approve", "1", "--db", str(register), "--as", "Máret") == 0
    capsys.readouterr()
    args = ("restore", "--force", str(out), "--db", str(register), "--as", "Berit Bakke")
    assert lika(*args) == 0
    capsys.readouterr()
    assert lika("history", "1", "--db", str(register)) == 0
    last = capsys.readouterr().out.splitlines()[-1]
    assert "  restore  restored backup b.db (" in last
    assert last.split("  ")[1].startswith("Berit Bakke (")
    assert "; the log it replaced had 7 entries, newest hash " in last  # 5 created, 2 steps
    assert lika("list", "--db", str(register), "--format", "json") == 0
    assert {r["status"] for r in json.loads(capsys.readouterr().out)} == {"draft"}
    assert lika("check", "--db", str(register)) == 0
    assert "entries, hash chain intact" in capsys.readouterr().out


def test_cli_backup_of_a_missing_register(tmp_path, capsys) -> None:
    assert lika("backup", "--db", str(tmp_path / "none.db"), "--out", str(tmp_path / "x")) == 2
    assert "No database at" in capsys.readouterr().err
    assert not (tmp_path / "none.db").exists()


def test_cli_backup_of_a_newer_register_works_and_leaves_it_alone(register, tmp_path) -> None:
    """A backup only reads, so even a register this Lika cannot use can be copied."""
    make_newer(register)
    before = register_state(register)
    assert lika("backup", "--db", str(register), "--out", str(tmp_path / "copy.db")) == 0
    assert register_state(register) == before


def test_newer_register_is_refused_and_untouched(register) -> None:
    make_newer(register)
    before = register_state(register)
    with pytest.raises(NewerDatabaseError):
        database.open_database(register)
    assert register_state(register) == before
    assert [p.name for p in register.parent.iterdir()] == ["lika.db"]


def test_a_backup_from_an_open_connection_leaves_its_cache_size_alone(tmp_path) -> None:
    """The backup's small page cache is for its own connections; the register's
    connection (before a schema upgrade) keeps the cache it had."""
    path = tmp_path / "r.db"
    AssessmentRepository.open(path).close()
    conn = sqlite3.connect(path)
    try:
        before = conn.execute("PRAGMA cache_size").fetchone()[0]
        made = backup.make_backup(path, Reason.MANUAL, source=conn)
        assert made is not None and made.path.exists()
        assert conn.execute("PRAGMA cache_size").fetchone()[0] == before
    finally:
        conn.close()


@pytest.mark.parametrize("state", ["missing", "empty", "no tables"])
def test_opening_without_create_makes_nothing(tmp_path, state) -> None:
    """What a window opens when its first action needs the register: never a new one,
    not even an empty file SQLite would make for a path deleted a moment before."""
    path = tmp_path / "lika.db"
    if state == "empty":
        path.write_bytes(b"")
    elif state == "no tables":
        sqlite3.connect(path).execute("PRAGMA user_version = 1").connection.close()
    before = path.read_bytes() if path.exists() else None
    with pytest.raises((InputError, StorageError)):
        database.open_database(path, create=False)
    assert (path.read_bytes() if path.exists() else None) == before
    real_connect = sqlite3.connect

    def deleted_meanwhile(*args, **kwargs):
        path.unlink(missing_ok=True)
        return real_connect(*args, **kwargs)

    if state == "empty":  # deleted between the look and SQLite's open: still not made
        sqlite3.connect = deleted_meanwhile
        try:
            with pytest.raises(StorageError):
                database.open_database(path, create=False)
        finally:
            sqlite3.connect = real_connect
        assert not path.exists()

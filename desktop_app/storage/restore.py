"""Putting a backup back in place of the register, without ever losing the file it replaces.

A healthy register is overwritten in place through SQLite's backup API (so another
Lika that has it open sees the restored content at once, and its unsaved edits meet
the version guard). The copy of it that is kept is taken while that overwrite holds
the register's write lock, before anything is written: a save another process
commits first is in the kept file, and one that comes later waits for the restore.
A register that Lika cannot use (damaged, not SQLite, from a newer Lika) is never
opened for writing: its files are moved aside byte for byte and the backup is copied
into its place.

The restored register's audit log is the backup's: whatever was recorded after the
backup was made is gone from it (it stays in the replaced file). So that the loss is
never silent, the restore appends a ``restore`` entry to the restored log naming the
backup, its time, who restored it, and how many entries the replaced log held and the
hash of its newest one, read from the replaced file before it is replaced.
"""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from desktop_app.domain.audit import AuditAction
from desktop_app.domain.audit_summary import ReplacedLog, restore_summary
from desktop_app.domain.errors import InputError, LikaError
from desktop_app.domain.identity import Identity
from desktop_app.storage import audit
from desktop_app.storage.backup import (
    Reason,
    backup_dir,
    backup_time,
    check_backup,
    integrity_problems,
    write_backup,
)
from desktop_app.storage.database import (
    BUSY_TIMEOUT_MS,
    DatabaseBusyError,
    StorageError,
    check_not_a_folder,
    check_understood,
    connect_readonly,
    describe_sqlite_error,
    open_database,
    write_transaction,
)

SIDE_FILES = ("-wal", "-shm", "-journal")


def _replaced_name(db_path: Path, now: datetime) -> Path:
    folder = backup_dir(db_path)
    base = f"{db_path.stem}-{now.strftime('%Y%m%d-%H%M%S')}"
    candidate = folder / f"{base}-{Reason.REPLACED.value}.db"
    n = 1
    while any(Path(f"{candidate}{s}").exists() for s in ("", *SIDE_FILES)):
        n += 1
        candidate = folder / f"{base}-{n}-{Reason.REPLACED.value}.db"
    return candidate


def _is_healthy(db_path: Path) -> bool:
    """Whether Lika understands ``db_path`` fully and SQLite finds no damage."""
    try:
        check_understood(db_path)
        conn = connect_readonly(db_path)
    except (InputError, StorageError):
        return False
    try:
        return not integrity_problems(conn, quick=True)
    finally:
        conn.close()


def _move_aside(db_path: Path, dest: Path) -> None:
    dest.parent.mkdir(mode=0o700, exist_ok=True)
    for suffix in ("", *SIDE_FILES):
        source = Path(f"{db_path}{suffix}")
        if source.exists():
            source.replace(Path(f"{dest}{suffix}"))


def read_replaced_log(db_path: Path) -> ReplacedLog | None:
    """The log of the register at ``db_path``, read only; None when it cannot be read
    (a damaged file, not SQLite). A register from before the audit log has 0 entries."""
    try:
        conn = connect_readonly(db_path)
    except LikaError:
        return None
    try:
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'audit_log'").fetchone():
            return ReplacedLog(0, "")
        (count,) = conn.execute("SELECT count(*) FROM audit_log").fetchone()
        head = conn.execute("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
        return ReplacedLog(int(count), str(head[0]) if head else "")
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def restore_backup(
    backup: Path,
    db_path: Path,
    *,
    actor: Identity,
    force: bool = False,
    now: datetime | None = None,
) -> Path | None:
    """Replace the register at ``db_path`` with ``backup``, and record that in its
    audit log as done by ``actor``.

    Refuses to replace an existing register unless ``force``; the replaced register is
    kept in the backup folder and its path returned (None when there was none). An
    older backup is upgraded the usual way (with a backup first) before the entry is
    written.
    """
    backup, db_path = Path(backup), Path(db_path)
    check_not_a_folder(db_path)
    if not backup.is_file():
        raise InputError(f"No backup file at {backup}")
    if db_path.exists() and backup.resolve() == db_path.resolve():
        raise InputError(f"{backup} is the database itself")
    check_backup(backup)
    taken = backup_time(backup)
    exists = any(Path(f"{db_path}{s}").exists() for s in ("", *SIDE_FILES))
    if not exists:
        write_backup(backup, db_path, db_path=db_path)
        _record(db_path, actor, restore_summary(backup.name, taken, None, None), None)
        return None
    if not force:
        raise InputError(
            f"{db_path} already exists; use --force to replace it (it will be kept in "
            f"{backup_dir(db_path)})"
        )
    kept = _replaced_name(db_path, now or datetime.now())
    replaced = read_replaced_log(db_path)
    try:
        if _is_healthy(db_path):
            _copy_into(backup, db_path, keep=kept)
        else:
            _move_aside(db_path, kept)
            write_backup(backup, db_path, db_path=db_path)
    except OSError as error:
        raise StorageError(f"Cannot restore {db_path}: {error.strerror}") from None
    _record(db_path, actor, restore_summary(backup.name, taken, replaced, kept.name), kept)
    return kept


def _record(db_path: Path, actor: Identity, summary: str, kept: Path | None) -> None:
    """Append the ``restore`` entry to the restored register's log (opening it upgrades
    an older backup first, as any opening does)."""
    try:
        db = open_database(db_path, create=False)
        try:
            with write_transaction(db):
                audit.append(
                    db,
                    actor,
                    datetime.now(UTC).replace(microsecond=0),
                    assessment_id=None,
                    assessment_uid="",
                    revision=0,
                    action=AuditAction.RESTORE,
                    summary=summary,
                )
        finally:
            db.close()
    except sqlite3.Error as error:
        failure: LikaError = describe_sqlite_error(error, db_path)
    except LikaError as error:
        failure = error
    else:
        return
    where = f" (the register it replaced is kept as {kept})" if kept is not None else ""
    raise StorageError(
        f"The backup was restored to {db_path}{where}, but the restore could not be "
        f"recorded in its audit log: {failure}"
    ) from None


def _copy_into(backup: Path, db_path: Path, *, keep: Path) -> None:
    """Overwrite the live register through SQLite, in one step other connections
    respect, after copying it to ``keep`` under the same write lock.

    The backup API takes the register's write lock at its first step and holds it to
    the end; the copy to ``keep`` is made right after that first step, when no other
    writer can commit any more and nothing of the backup is visible yet.
    """
    wal = _in_wal_mode(db_path)
    source = connect_readonly(backup)
    state = {"kept": False, "waited": 0.0}

    def progress(status: int, remaining: int, total: int) -> None:
        if status in _BUSY:
            state["waited"] += _STEP_SLEEP_S
            if state["waited"] > _GIVE_UP_S:
                raise DatabaseBusyError(
                    f"{db_path} is busy in another program; try again in a moment"
                )
            return
        if not state["kept"]:
            if status != _SQLITE_OK:  # done in one step: too late to keep the register
                raise StorageError(f"Cannot restore {db_path}: the backup is too small")
            _keep_locked(db_path, keep, wal=wal)
            state["kept"] = True

    try:
        target = sqlite3.connect(db_path, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            source.backup(target, pages=1, progress=progress, sleep=_STEP_SLEEP_S)
        finally:
            target.close()
    except sqlite3.Error as error:
        raise describe_sqlite_error(error, db_path) from None
    finally:
        source.close()


def _in_wal_mode(db_path: Path) -> bool:
    """Whether the file's header says write-ahead log (bytes 18 and 19 are 2)."""
    try:
        with db_path.open("rb") as file:
            header = file.read(20)
    except OSError:
        return False
    return len(header) == 20 and header[18] == header[19] == 2


def _keep_locked(db_path: Path, keep: Path, *, wal: bool) -> None:
    """Copy the register to ``keep`` while the restore holds its write lock.

    With a write-ahead log, other connections may still read, so the copy is made
    through SQLite. With the rollback journal, the lock is exclusive and keeps even
    readers out, but it also means the file on disk is the last committed register
    (the restore has not written to it yet): its bytes are copied, then checked."""
    if wal:
        write_backup(db_path, keep, db_path=db_path)
        return
    raw = keep.with_name(keep.name + ".raw")
    try:
        shutil.copyfile(db_path, raw)
        write_backup(raw, keep, db_path=db_path)
    finally:
        raw.unlink(missing_ok=True)


_SQLITE_OK = 0
_BUSY = (5, 6)  # SQLITE_BUSY, SQLITE_LOCKED: the step is retried after a pause
_STEP_SLEEP_S = 0.25
# How long a restore waits for another program's write transaction, beyond the
# busy timeout of each step, before it gives up without having changed anything.
_GIVE_UP_S = 120.0

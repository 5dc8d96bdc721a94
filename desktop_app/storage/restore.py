"""Putting a backup back in place of the register, without ever losing the file it replaces.

A healthy register is copied aside with the backup API and then overwritten in place
through SQLite (so another Lika that has it open sees the restored content at once,
and its unsaved edits meet the version guard). A register that Lika cannot use
(damaged, not SQLite, from a newer Lika) is never opened for writing: its files are
moved aside byte for byte and the backup is copied into its place.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from desktop_app.domain.errors import InputError
from desktop_app.storage.backup import (
    Reason,
    backup_dir,
    check_backup,
    integrity_problems,
    write_backup,
)
from desktop_app.storage.database import (
    BUSY_TIMEOUT_MS,
    StorageError,
    check_understood,
    connect_readonly,
    describe_sqlite_error,
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


def restore_backup(
    backup: Path, db_path: Path, *, force: bool = False, now: datetime | None = None
) -> Path | None:
    """Replace the register at ``db_path`` with ``backup``.

    Refuses to replace an existing register unless ``force``; the replaced register is
    kept in the backup folder and its path returned (None when there was none).
    """
    backup, db_path = Path(backup), Path(db_path)
    if not backup.is_file():
        raise InputError(f"No backup file at {backup}")
    if db_path.exists() and backup.resolve() == db_path.resolve():
        raise InputError(f"{backup} is the database itself")
    check_backup(backup)
    exists = any(Path(f"{db_path}{s}").exists() for s in ("", *SIDE_FILES))
    if not exists:
        write_backup(backup, db_path, db_path=db_path)
        return None
    if not force:
        raise InputError(
            f"{db_path} already exists; use --force to replace it (it will be kept in "
            f"{backup_dir(db_path)})"
        )
    kept = _replaced_name(db_path, now or datetime.now())
    try:
        if _is_healthy(db_path):
            write_backup(db_path, kept, db_path=db_path)
            _copy_into(backup, db_path)
        else:
            _move_aside(db_path, kept)
            write_backup(backup, db_path, db_path=db_path)
    except OSError as error:
        raise StorageError(f"Cannot restore {db_path}: {error.strerror}") from None
    return kept


def _copy_into(backup: Path, db_path: Path) -> None:
    """Overwrite the live register through SQLite, in one step other connections respect."""
    source = connect_readonly(backup)
    try:
        target = sqlite3.connect(db_path, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            source.backup(target)
        finally:
            target.close()
    except sqlite3.Error as error:
        raise describe_sqlite_error(error, db_path) from None
    finally:
        source.close()

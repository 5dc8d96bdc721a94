"""Backups of the register, made with SQLite's online backup API.

The backup API copies a consistent snapshot while other connections keep working, and
includes what is still in the write-ahead log, which a plain file copy would miss.
Every backup is a single self-contained file (rollback journal, not WAL), checked with
``PRAGMA integrity_check`` before it is kept, and readable by its owner only.

Automatic backups live in ``<database>.backups/`` next to the register. Backups made
at start-up and daily rotate (the newest ``keep`` are kept); backups made before a
schema upgrade, by hand, and files replaced by a restore are never deleted by Lika.

An automatic backup first compares the register's files (size and modification time
of the database and its write-ahead log) with a small record kept beside the backups
when the last automatic backup was made (``STATE_FILE``): when nothing changed it does
no work at all, where copying, checking and comparing a large register cost seconds.
Every backup can be cut off (``cancelled``) between steps: the window stops it when it
closes, and a backup that was cut off leaves no file behind.
"""

from __future__ import annotations

import contextlib
import json
import re
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from pathlib import Path

from desktop_app.atomic_file import atomic_write
from desktop_app.domain.errors import InputError
from desktop_app.progress import Cancelled
from desktop_app.storage.database import (
    DamagedDatabaseError,
    StorageError,
    check_understood,
    connect_readonly,
    describe_sqlite_error,
)
from desktop_app.storage.integrity import integrity_problems as integrity_problems

DEFAULT_KEEP = 10
DAILY = timedelta(hours=24)
# Room left on the disk after a backup, so a backup never fills the disk that
# autosave needs.
SPARE_BYTES = 20 * 1024 * 1024
# Page cache of each connection a backup uses (SQLite's default is 2 MB): a backup and
# its integrity check read every page about once, so a big cache mostly holds memory
# (on a 117 MB register: 3.6 MB less and 20 % slower than the default, in the background).
BACKUP_CACHE_KIB = 256
# Pages copied per step of the backup API (4 MiB of 4 KiB pages): between steps a backup
# can be cut off. SQLite starts a stepped copy again when another connection writes
# between steps (see ``_copy``).
STEP_PAGES = 1024
# Restarts of a stepped copy (rollback journal only) before the rest is copied in one step.
MAX_RESTARTS = 3
# The record of the last automatic backup, in the backup folder.
STATE_FILE = "last-automatic-backup.json"
COMPARE_CHUNK = 1024 * 1024

Cancel = Callable[[], bool]


def _never() -> bool:
    return False


class Reason(StrEnum):
    """Why a backup was made; part of its file name."""

    START = "start"
    DAILY = "daily"
    MIGRATION = "before-upgrade"
    MANUAL = "manual"
    REPLACED = "replaced"


ROTATED = (Reason.START, Reason.DAILY)
_NAME = re.compile(
    r"-(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d+))?-(?P<reason>"
    + "|".join(re.escape(r.value) for r in Reason)
    + r")\.db$"
)
_STAMP = "%Y%m%d-%H%M%S"


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken: datetime
    reason: Reason
    size: int


def backup_dir(db_path: Path) -> Path:
    """The folder of automatic backups of ``db_path``, next to it."""
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + ".backups")


def list_backups(db_path: Path) -> list[BackupInfo]:
    """Backups of ``db_path`` that Lika made, newest first (other files are ignored)."""
    folder = backup_dir(db_path)
    found: list[BackupInfo] = []
    if not folder.is_dir():
        return found
    for path in folder.iterdir():
        match = _NAME.search(path.name)
        if match is None or not path.is_file():
            continue
        taken = datetime.strptime(match["stamp"], _STAMP)
        found.append(BackupInfo(path, taken, Reason(match["reason"]), path.stat().st_size))
    found.sort(key=lambda b: (b.taken, b.path.name), reverse=True)
    return found


def backup_time(path: Path) -> datetime:
    """When a backup was made, with the local time zone: the time in the name of one
    Lika made, else the file's modification time (a copy made with ``--out``)."""
    match = _NAME.search(Path(path).name)
    if match is not None:
        return datetime.strptime(match["stamp"], _STAMP).astimezone()
    return datetime.fromtimestamp(Path(path).stat().st_mtime).astimezone().replace(microsecond=0)


def _check_space(db_path: Path, folder: Path) -> None:
    try:
        size = db_path.stat().st_size
        wal = Path(f"{db_path}-wal")
        size += wal.stat().st_size if wal.exists() else 0
        free = shutil.disk_usage(folder).free
    except OSError:
        return
    if free < size + SPARE_BYTES:
        raise StorageError(
            f"There is not enough free space in {folder} for a backup "
            f"({free // (1024 * 1024)} MB free)"
        )


def write_backup(
    source: Path | sqlite3.Connection,
    dest: Path,
    *,
    db_path: Path,
    cancelled: Cancel = _never,
) -> None:
    """Copy ``source`` (a path, opened read-only, or an open connection) to ``dest``.

    The copy is written beside ``dest`` first and only renamed into place once
    ``PRAGMA integrity_check`` finds nothing wrong, so ``dest`` is always whole. Raises
    ``Cancelled`` (leaving no file) once ``cancelled()`` turns true.
    """

    dest = Path(dest)
    try:
        dest.parent.mkdir(parents=True, exist_ok=True, mode=0o700)  # the backup folder
    except OSError as error:
        raise StorageError(f"Cannot write {dest}: {error.strerror}") from None
    _check_space(db_path, dest.parent)
    own = not isinstance(source, sqlite3.Connection)

    def write(partial: Path) -> None:
        src = source if isinstance(source, sqlite3.Connection) else connect_readonly(Path(source))
        try:
            target = sqlite3.connect(partial)
            try:
                # A small cache (BACKUP_CACHE_KIB); a caller's own connection keeps its own.
                for conn in (src, target) if own else (target,):
                    conn.execute(f"PRAGMA cache_size = -{BACKUP_CACHE_KIB}")
                _copy(src, target, cancelled)
                target.execute("PRAGMA journal_mode = DELETE")
                # The check stops within a few thousand steps of SQLite's VM once cancelled.
                target.set_progress_handler(lambda: 1 if cancelled() else 0, 10_000)
                problems = integrity_problems(target)
            finally:
                target.close()
            if cancelled():
                raise Cancelled  # atomic_write removes the partial file
        except sqlite3.Error as error:
            raise describe_sqlite_error(error, db_path) from None
        finally:
            if own:
                src.close()
        if problems:
            raise DamagedDatabaseError(
                f"{db_path} is damaged (integrity check: {problems[0]}); no backup was made"
            )

    atomic_write(dest, write, suffix=".db", mode=0o600, error=StorageError)


class _KeepsChangingError(Exception):
    """A stepped copy restarted ``MAX_RESTARTS`` times: someone keeps writing."""


def _copy(src: sqlite3.Connection, target: sqlite3.Connection, cancelled: Cancel) -> None:
    """Copy ``src`` into ``target`` in steps that can be cut off, and finish even while
    other connections keep writing (measured: a write every millisecond made a stepped
    copy restart forever).

    In WAL mode the copy reads one snapshot, held by a read transaction from the first
    step to the last: writers go on (into the log) and the copy never restarts. With the
    rollback journal (a register on a network share) a held read lock would shut writers
    out, so the copy steps as before, and after ``MAX_RESTARTS`` restarts copies the rest
    in one step, keeping writers waiting (up to their busy timeout) only for that step.
    """
    last_remaining: int | None = None
    restarts = 0

    def step(_status: int, remaining: int, _total: int) -> None:
        nonlocal last_remaining, restarts
        if cancelled():
            raise Cancelled
        if last_remaining is not None and remaining > last_remaining:
            restarts += 1
            if restarts >= MAX_RESTARTS:
                raise _KeepsChangingError
        last_remaining = remaining

    wal = src.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    if wal and not src.in_transaction:
        src.execute("BEGIN")
        src.execute("SELECT count(*) FROM sqlite_master").fetchone()  # takes the snapshot
        try:
            src.backup(target, pages=STEP_PAGES, progress=step)
        finally:
            src.rollback()
        return
    try:
        src.backup(target, pages=STEP_PAGES, progress=step)
    except _KeepsChangingError:
        src.backup(target, pages=-1)


def _new_name(db_path: Path, reason: Reason, now: datetime) -> Path:
    folder = backup_dir(db_path)
    stem = Path(db_path).stem
    base = f"{stem}-{now.strftime(_STAMP)}"
    candidate = folder / f"{base}-{reason.value}.db"
    n = 1
    while candidate.exists():
        n += 1
        candidate = folder / f"{base}-{n}-{reason.value}.db"
    return candidate


def _signature(db_path: Path) -> list[int]:
    """Size and modification time of the register and of its write-ahead log (when it
    holds anything): every committed change alters one of them."""
    found = Path(db_path).stat()
    signature = [found.st_size, found.st_mtime_ns]
    with contextlib.suppress(OSError):
        wal = Path(f"{db_path}-wal").stat()
        if wal.st_size:
            signature += [wal.st_size, wal.st_mtime_ns]
    return signature


def _read_state(db_path: Path) -> dict[str, object]:
    try:
        state = json.loads((backup_dir(db_path) / STATE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return state if isinstance(state, dict) else {}


def _write_state(db_path: Path, signature: list[int], backup: Path) -> None:
    path = backup_dir(db_path) / STATE_FILE
    with contextlib.suppress(OSError):
        path.write_text(json.dumps({"signature": signature, "backup": backup.name}), "utf-8")


def unchanged_since_last_backup(db_path: Path) -> bool:
    """True when the register's files are as they were when the newest automatic backup
    was made, and that backup is still there: a few ``stat`` calls."""
    state = _read_state(db_path)
    name = state.get("backup")
    try:
        signature = _signature(db_path)
    except OSError:
        return False
    return (
        state.get("signature") == signature
        and isinstance(name, str)
        and (backup_dir(db_path) / name).is_file()
    )


def _same_content(first: Path, second: Path, cancelled: Cancel) -> bool:
    if first.stat().st_size != second.stat().st_size:
        return False
    with first.open("rb") as a, second.open("rb") as b:
        while True:
            if cancelled():
                raise Cancelled
            chunk = a.read(COMPARE_CHUNK)
            if chunk != b.read(COMPARE_CHUNK):
                return False
            if not chunk:
                return True


def make_backup(
    db_path: Path,
    reason: Reason,
    *,
    source: sqlite3.Connection | None = None,
    now: datetime | None = None,
    cancelled: Cancel = _never,
) -> BackupInfo | None:
    """Back ``db_path`` up into its backup folder.

    A start-up or daily backup is not made when the register's files did not change
    since the last one, and not kept when it is identical to the newest backup (returns
    None in both cases), so opening the app ten times a day costs nothing and does not
    push older backups out of rotation. Raises ``Cancelled`` (leaving no file) once
    ``cancelled()`` turns true.
    """
    db_path = Path(db_path)
    if reason in ROTATED and unchanged_since_last_backup(db_path):
        return None
    folder = backup_dir(db_path)
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
    except OSError as error:
        raise StorageError(f"Cannot create the backup folder {folder}: {error.strerror}") from None
    now = now or datetime.now()
    dest = _new_name(db_path, reason, now)
    previous = list_backups(db_path)
    signature = _signature(db_path)  # before copying: a change meanwhile is seen next time
    source_of = source if source is not None else db_path
    write_backup(source_of, dest, db_path=db_path, cancelled=cancelled)
    if reason in ROTATED:
        try:
            same = bool(previous) and _same_content(previous[0].path, dest, cancelled)
        except BaseException:
            dest.unlink(missing_ok=True)
            raise
        if same:
            dest.unlink()
            _write_state(db_path, signature, previous[0].path)
            return None
        _write_state(db_path, signature, dest)
    return BackupInfo(dest, now.replace(microsecond=0), reason, dest.stat().st_size)


def rotate(db_path: Path, keep: int) -> list[Path]:
    """Delete start-up and daily backups beyond the newest ``keep``; returns what went."""
    rotated = [b for b in list_backups(db_path) if b.reason in ROTATED]
    removed: list[Path] = []
    for old in rotated[max(keep, 1) :]:
        with contextlib.suppress(FileNotFoundError):
            old.path.unlink()
            removed.append(old.path)
    return removed


def daily_backup_due(db_path: Path, now: datetime | None = None) -> bool:
    """True when no start-up or daily backup is younger than a day."""
    now = now or datetime.now()
    recent = [b for b in list_backups(db_path) if b.reason in ROTATED]
    return not recent or now - recent[0].taken >= DAILY


def check_backup(path: Path) -> None:
    """Raise unless ``path`` is an undamaged Lika register this version understands (an
    empty file would empty the register it is restored into)."""
    check_understood(path, empty_ok=False)
    conn = connect_readonly(path)
    try:
        problems = integrity_problems(conn)
    finally:
        conn.close()
    if problems:
        raise DamagedDatabaseError(f"{path} is damaged (integrity check: {problems[0]})")


def newest_good_backup(db_path: Path) -> BackupInfo | None:
    """The newest backup that passes ``check_backup``, if any."""
    for info in list_backups(db_path):
        if info.reason is Reason.REPLACED:
            continue
        try:
            check_backup(info.path)
        except (InputError, StorageError):
            continue
        return info
    return None

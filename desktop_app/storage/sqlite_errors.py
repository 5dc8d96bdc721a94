"""Turning SQLite's errors into messages a user can act on, in a module light to import.

Every door to the register names an error the same way: opening it through sqlite-utils
(``database``) and reading it with plain ``sqlite3`` (``register``, ``read_door``, which
``lika list`` uses without importing sqlite-utils; issue 18).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

from desktop_app.domain.errors import LikaError, WorkflowError
from desktop_app.storage.errors import (
    DamagedDatabaseError,
    DatabaseBusyError,
    DiskFullError,
    ReadOnlyDatabaseError,
    StorageError,
)
from desktop_app.storage.review_schema import REFUSED_PREFIX

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000

# Below this much free space, a disk I/O error is taken to mean the disk is full.
FULL_DISK_BYTES = 1024 * 1024


def _disk_io_error(path: Path) -> StorageError:
    try:
        free = shutil.disk_usage(path.parent if path.parent.exists() else Path.cwd()).free
    except OSError:
        free = None
    if free is not None and free < FULL_DISK_BYTES:
        return DiskFullError(
            f"The disk holding {path} is full ({free // 1024} KB free); free some space"
        )
    return StorageError(
        f"{path}: disk I/O error (the disk may be full, failing, or disconnected, such as "
        "a network drive or a USB stick)"
    )


def describe_sqlite_error(error: sqlite3.Error, path: Path | str) -> LikaError:
    """Turn an sqlite3 error into a message a user can act on."""
    text = str(error)
    if text.startswith(REFUSED_PREFIX):  # a trigger refused a change the rules forbid
        return WorkflowError(text.removeprefix(REFUSED_PREFIX))
    if "UNIQUE constraint failed: assessments.series_uid, assessments.revision" in text:
        return WorkflowError(  # a race the checks before writing could not see
            "Revision conflict: another assessment already is this revision of the "
            "decision; nothing was changed"
        )
    if text.startswith("Could not decode to UTF-8"):  # garbled bytes in a TEXT value
        return DamagedDatabaseError(
            f"{path} is damaged: it holds text that is not valid UTF-8 ({text[:160]}); "
            "run 'lika check' to find every such place"
        )
    if "file is not a database" in text or "malformed" in text:
        return DamagedDatabaseError(f"{path} is damaged: {text}")
    if "readonly" in text:
        return ReadOnlyDatabaseError(f"{path} cannot be written (read-only file or folder)")
    if "locked" in text or "busy" in text:
        return DatabaseBusyError(f"{path} is busy in another program; try again in a moment")
    if "full" in text:
        return DiskFullError(f"The disk holding {path} is full")
    if "disk I/O error" in text:  # what SQLite says when it cannot even create its log
        return _disk_io_error(Path(path))
    if "unable to open" in text:
        folder = Path(path).parent
        if folder.is_dir() and not os.access(folder, os.W_OK | os.X_OK):
            # SQLite must create its journal or log index beside the register.
            return ReadOnlyDatabaseError(
                f"{path} cannot be opened: its folder {folder} is read-only, and Lika "
                "must be able to write beside the register"
            )
        return StorageError(f"{path} cannot be opened: {text}")
    return StorageError(f"{path}: {text}")

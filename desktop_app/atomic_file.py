"""Writing a file whole or not at all: the one way Lika writes the files it makes
(PDFs, CSV files, exchange files, register exports and backups).

The content goes to a temporary file in the target's folder (``.lika-*.part``, so it
is on the same file system and the rename is atomic), which is flushed to disk and
renamed over the target only when complete; the folder is synced so the rename
survives a power cut. A failure, an exception or a cancel removes the temporary file,
so a previous version is never destroyed and no half file is left. A process killed
while writing can still leave its temporary file: the next write into that folder
removes such files once they are an hour old (no write takes that long).

An ``OSError`` becomes one clear message naming the file (full disk, read-only folder,
no permission), of the kind the caller asks for (bad input by default).
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from desktop_app.domain.errors import InputError, LikaError

PREFIX = ".lika-"
SUFFIX = ".part"
STALE_SECONDS = 3600


def describe_os_error(error: OSError, path: Path) -> str:
    """What went wrong writing ``path``, in words a user can act on."""
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"Cannot write {path}: the disk is full (or your quota is used up)"
    if error.errno in (errno.EROFS,):
        return f"Cannot write {path}: the disk or share is read-only"
    if error.errno in (errno.EACCES, errno.EPERM):
        return f"Cannot write {path}: you have no permission to write in {path.parent}"
    return f"Cannot write {path}: {error.strerror or error}"


def sync_folder(folder: Path) -> None:
    """Make a rename durable (POSIX); Windows has no directory handles to sync."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def remove_stale(folder: Path, now: float | None = None) -> list[Path]:
    """Remove temporary files a killed Lika left in ``folder`` (older than an hour)."""
    now = time.time() if now is None else now
    removed: list[Path] = []
    with contextlib.suppress(OSError):
        for path in folder.glob(f"{PREFIX}*{SUFFIX}"):
            with contextlib.suppress(OSError):
                if path.is_file() and now - path.stat().st_mtime > STALE_SECONDS:
                    path.unlink()
                    removed.append(path)
    return removed


def atomic_write(
    out: Path,
    write: Callable[[Path], bool | None],
    *,
    suffix: str = "",
    mode: int = 0o644,
    error: type[LikaError] = InputError,
    exclusive: bool = False,
) -> bool:
    """Call ``write`` with a temporary path beside ``out``; when it returns (anything
    but False, which means cancelled), make the file durable and rename it to ``out``.
    Returns whether ``out`` was written. ``exclusive``: never replace an existing
    ``out`` (``FileExistsError`` if there is one: another process made it meanwhile)."""
    out = Path(out)
    folder = out.parent
    if not folder.is_dir():
        raise error(f"Cannot write {out}: the folder {folder} does not exist")
    if out.is_dir():
        raise error(f"Cannot write {out}: it is a folder")
    remove_stale(folder)
    try:
        handle, name = tempfile.mkstemp(prefix=PREFIX, suffix=suffix + SUFFIX, dir=folder)
        os.close(handle)
    except OSError as failure:
        raise error(describe_os_error(failure, out)) from None
    temp = Path(name)
    try:
        if write(temp) is False:
            return False
        with temp.open("rb+") as file:
            os.fsync(file.fileno())
        temp.chmod(mode)
        if exclusive:
            os.link(temp, out)  # atomic, and fails if ``out`` exists
        else:
            temp.replace(out)
        sync_folder(folder)
        return True
    except FileExistsError:
        if exclusive:
            raise
        raise error(describe_os_error(FileExistsError(errno.EEXIST, "exists"), out)) from None
    except OSError as failure:
        raise error(describe_os_error(failure, out)) from None
    finally:
        temp.unlink(missing_ok=True)


def write_bytes(
    out: Path, data: bytes, *, suffix: str = "", mode: int = 0o644, exclusive: bool = False
) -> None:
    """Write ``data`` to ``out`` atomically (``exclusive``: see ``atomic_write``)."""

    def write(temp: Path) -> None:
        temp.write_bytes(data)

    atomic_write(out, write, suffix=suffix, mode=mode, exclusive=exclusive)

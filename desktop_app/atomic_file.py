"""Writing a file whole or not at all: the one way Lika writes the files it makes
(PDFs, CSV files, exchange files, register exports and backups).

The content goes to a temporary file in the target's folder (``.lika-*.part``, so it
is on the same file system and the rename is atomic), which is flushed to disk and
renamed over the target only when complete; the folder is synced so the rename
survives a power cut. A failure, an exception or a cancel removes the temporary file,
so a previous version is never destroyed and no half file is left. A process killed
while writing can still leave its temporary file: the next write into that folder
removes such files once they are an hour old (no write takes that long).

The file gets ``mode`` as the user's umask allows it, as any new file would (``0o666``
by default: 0644 under the usual umask, 0600 under a private one); a file that holds
a whole assessment is written 0600 whatever the umask.

An ``OSError`` becomes one clear message naming the file (full disk, read-only folder,
no permission), of the kind the caller asks for (bad input by default).
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
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
    mode: int = 0o666,
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
        temp = _new_temporary(folder, suffix, mode)
    except OSError as failure:
        raise error(describe_os_error(failure, out)) from None
    try:
        if write(temp) is False:
            return False
        with temp.open("rb+") as file:
            os.fsync(file.fileno())
        # As created (``mode`` under the umask), also if ``write`` made the file anew.
        temp.chmod(stat.S_IMODE(temp.stat().st_mode) & mode)
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


def _new_temporary(folder: Path, suffix: str, mode: int) -> Path:
    """A new empty file in ``folder``, created with ``mode`` (the kernel applies the
    umask, so nothing has to read or change the process's umask)."""
    for _attempt in range(100):
        path = folder / f"{PREFIX}{os.urandom(6).hex()}{suffix}{SUFFIX}"
        try:
            handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _BINARY, mode)
        except FileExistsError:
            continue
        os.close(handle)
        return path
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(folder))


_BINARY = getattr(os, "O_BINARY", 0)


def write_bytes(
    out: Path, data: bytes, *, suffix: str = "", mode: int = 0o666, exclusive: bool = False
) -> None:
    """Write ``data`` to ``out`` atomically (``exclusive``: see ``atomic_write``)."""

    def write(temp: Path) -> None:
        temp.write_bytes(data)

    atomic_write(out, write, suffix=suffix, mode=mode, exclusive=exclusive)

"""Whether the register lives on a network share, which decides its journal mode.

SQLite's write-ahead log keeps its index in shared memory, which processes on two
different computers cannot share: on a network file system, WAL mode lets two PCs
overwrite each other's changes. There the rollback journal is used instead, which
relies only on file locks. Locally, WAL is better (readers never block the writer).
"""

from __future__ import annotations

import sys
from pathlib import Path

# File system types (as Linux names them in /proc/self/mounts) that are shared over a network.
NETWORK_TYPES = frozenset(
    {
        "nfs", "nfs4", "cifs", "smb3", "smbfs", "ncpfs", "afs", "ceph", "glusterfs",
        "fuse.sshfs", "fuse.glusterfs", "fuse.cephfs", "9p", "davfs", "fuse.davfs2",
        "fuse.rclone", "fuse.s3fs", "lustre", "gpfs", "ocfs2", "gfs2",
    }
)  # fmt: skip


def mount_type(path: Path, mounts: str) -> str | None:
    """The file system type of the mount that holds ``path``, from /proc/self/mounts text."""
    best, best_type = "", None
    target = str(path)
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = fields[1].replace("\\040", " ")
        inside = target == point or target.startswith(point.rstrip("/") + "/") or point == "/"
        if inside and len(point) >= len(best):
            best, best_type = point, fields[2]
    return best_type


def _windows_remote(path: Path) -> bool:
    import ctypes

    text = str(path)
    if text.startswith("\\\\"):
        return True  # \\server\share
    drive = path.drive
    if not drive:
        return False
    drive_remote = 4  # DRIVE_REMOTE
    return bool(ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == drive_remote)  # type: ignore[attr-defined]


def is_network_path(path: Path) -> bool:
    """True when ``path`` (a file that may not exist yet) is on a network share."""
    try:
        path = Path(path).resolve()  # symlinks followed; a mapped drive may become \\server
        if sys.platform == "win32":
            return _windows_remote(path)
        mounts = Path("/proc/self/mounts")
        if mounts.exists():
            found = mount_type(path, mounts.read_text(encoding="utf-8", errors="replace"))
            return found in NETWORK_TYPES
    except (OSError, ValueError, AttributeError):
        pass
    return False

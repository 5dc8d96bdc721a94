"""The bytes of attached evidence files, kept in the register by their SHA-256.

Content-addressed: a file is stored once however many assessments attach it, its
bytes never change (a trigger refuses), and reading checks the hash again, so a
damaged file is reported rather than opened. Files no assessment attaches any more are
removed by ``prune`` once they are a day old: an editor may still undo the removal.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from desktop_app.domain.errors import NotFoundError, UnreadableDataError

if TYPE_CHECKING:  # types only: the export reads without sqlite-utils (issue 18)
    from sqlite_utils import Database

# How long a file nothing refers to is kept (an open editor can undo its removal).
KEEP_UNREFERENCED = timedelta(days=1)


def store(db: Database, data: bytes, at: datetime) -> str:
    """Store ``data`` (in the caller's transaction) unless it is there; its SHA-256."""
    digest = hashlib.sha256(data).hexdigest()
    db.execute(
        "INSERT OR IGNORE INTO evidence_files (sha256, size, added, data) VALUES (?, ?, ?, ?)",
        [digest, len(data), at.isoformat(), data],
    )
    return digest


def read(db: Database, digest: str) -> bytes:
    """The bytes with this hash, checked; ``NotFoundError`` if the register has none."""
    found = db.execute("SELECT data FROM evidence_files WHERE sha256 = ?", [digest]).fetchone()
    if found is None:
        raise NotFoundError(f"The register has no file with SHA-256 {digest}")
    data = bytes(found[0])
    if hashlib.sha256(data).hexdigest() != digest:
        raise UnreadableDataError(
            f"The stored file with SHA-256 {digest} is damaged; run lika check"
        )
    return data


def missing(db: Database, digests: Iterable[str]) -> list[str]:
    """Which of ``digests`` the register does not hold."""
    wanted = list(dict.fromkeys(digests))
    marks = ", ".join("?" * len(wanted))
    found = db.execute(f"SELECT sha256 FROM evidence_files WHERE sha256 IN ({marks})", wanted)
    have = {r[0] for r in found.fetchall()}
    return [d for d in wanted if d not in have]


def prune(db: Database, now: datetime) -> int:
    """Remove files that no assessment attaches and that are older than a day."""
    cursor = db.execute(
        "DELETE FROM evidence_files WHERE added < ? AND NOT EXISTS "
        "(SELECT 1 FROM evidence_items i WHERE i.sha256 = evidence_files.sha256)",
        [(now - KEEP_UNREFERENCED).isoformat()],
    )
    return cursor.rowcount

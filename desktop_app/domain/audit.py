"""The audit trail: what happened to each assessment, by whom and when, hash-chained.

Every entry stores the hash of the entry before it and its own hash, a sha256 over a
canonical JSON of its fields (including that previous hash and its id). Changing,
removing or reordering an entry breaks the chain from that point on, which
``verify_chain`` reports. The database refuses UPDATE and DELETE on the table too;
the chain is what catches someone who went around that.

Each entry also stores a short English summary (``draft -> in_review``, ``comment 3 on
ground:age: …``) for the command line and anyone reading the database. Its format is
owned by ``audit_summary``: the builders every writer uses and ``read_summary``, which
the GUI reads it back with to say it in its own language.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

GENESIS_HASH = "0" * 64
VALUE_LIMIT = 200  # characters of an old or new value kept in a SAVE entry


class AuditAction(StrEnum):
    CREATE = "create"
    SAVE = "save"
    STATUS = "status"
    COMMENT = "comment"
    ADDRESS = "address"
    IMPORT = "import"
    NEW_REVISION = "new_revision"
    DELETE = "delete"
    RESTORE = "restore"  # the register replaced by a backup: an entry of no assessment
    SEAL = "seal"  # status changes recorded before the log covered them, sealed into it
    REPAIR = "repair"  # guard triggers found missing or altered, and put back


@dataclass(frozen=True)
class AuditChange:
    """One changed field: its FieldPath and short text forms of the values."""

    path: tuple[str, ...]
    old: str
    new: str


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: datetime
    actor: str
    os_user: str
    assessment_id: int | None
    assessment_uid: str
    revision: int
    action: AuditAction
    summary: str
    changes: tuple[AuditChange, ...]
    prev_hash: str
    hash: str
    # The hash of the status-change rows this entry records (``records_hash``), "" for
    # an entry that records none: editing, removing or reordering one breaks it.
    record_hash: str = ""


def _sha256_hex(text: str) -> str:
    """SHA-256 of ``text`` (UTF-8), in hex. ``hashlib`` is imported here, not at the
    top: it loads OpenSSL (about 3.6 MB resident), which a start that only checks and
    lists the register does not need (issue 18)."""
    import hashlib

    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def records_hash(records: Sequence[Sequence[Any]]) -> str:
    """sha256 (hex) over the canonical JSON of status-change rows, in id order."""
    canonical = json.dumps([list(r) for r in records], ensure_ascii=False, separators=(",", ":"))
    return _sha256_hex(canonical)


def evaluations_digest(evaluations: Sequence[Sequence[Any]]) -> str:
    """``"N sha256:HEX"``: the line an import entry's ``evaluations`` change carries for
    the N evaluations it stored (rows of their covered values, in id order, each ending
    with its measures' results ordered by measure uid), as the server computes it."""
    canonical = json.dumps(
        [list(e) for e in evaluations], ensure_ascii=False, separators=(",", ":")
    )
    return f"{len(evaluations)} sha256:{_sha256_hex(canonical)}"


def shorten(text: str, limit: int = VALUE_LIMIT) -> str:
    """A value cut to ``limit`` characters, so a long text does not bloat the log."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def entry_hash(
    prev_hash: str,
    *,
    id: int,
    at: datetime,
    actor: str,
    os_user: str,
    assessment_id: int | None,
    assessment_uid: str,
    revision: int,
    action: AuditAction | str,
    summary: str,
    changes: Sequence[AuditChange],
    record_hash: str = "",
) -> str:
    """sha256 (hex) over the canonical JSON of an entry's fields and ``prev_hash``; the
    ``record_hash`` of the rows it records counts only when there is one, so entries
    written before it existed keep their hashes."""
    fields: dict[str, Any] = {
        "id": id,
        "prev_hash": prev_hash,
        "at": at.isoformat(),
        "actor": actor,
        "os_user": os_user,
        "assessment_id": assessment_id,
        "assessment_uid": assessment_uid,
        "revision": revision,
        "action": str(action),
        "summary": summary,
        "changes": [[list(c.path), c.old, c.new] for c in changes],
    }
    if record_hash:
        fields["record_hash"] = record_hash
    canonical = json.dumps(fields, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return _sha256_hex(canonical)


def hash_of(entry: AuditEntry) -> str:
    """What ``entry.hash`` should be, recomputed from its fields."""
    return entry_hash(
        entry.prev_hash,
        id=entry.id,
        at=entry.at,
        actor=entry.actor,
        os_user=entry.os_user,
        assessment_id=entry.assessment_id,
        assessment_uid=entry.assessment_uid,
        revision=entry.revision,
        action=entry.action,
        summary=entry.summary,
        changes=entry.changes,
        record_hash=entry.record_hash,
    )


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    checked: int
    first_broken_id: int | None
    problem: str


def verify_chain(
    entries: Sequence[AuditEntry], *, last_issued_id: int | None = None
) -> ChainReport:
    """Check a whole log, oldest first. ``last_issued_id`` (the highest id the database
    ever handed out) catches removal of the newest entries, which a chain alone cannot."""
    previous = GENESIS_HASH
    for checked, entry in enumerate(entries):
        if entry.prev_hash != previous:
            where = "the first entry" if checked == 0 else f"entry {entries[checked - 1].id}"
            return ChainReport(
                False,
                checked,
                entry.id,
                f"audit entry {entry.id} does not follow {where}: "
                "an entry before it was removed or changed",
            )
        if hash_of(entry) != entry.hash:
            return ChainReport(
                False, checked, entry.id, f"audit entry {entry.id} was changed after it was written"
            )
        previous = entry.hash
    last_id = entries[-1].id if entries else 0
    if last_issued_id is not None and last_issued_id > last_id:
        return ChainReport(
            False,
            len(entries),
            last_id + 1,
            f"audit entries after {last_id} (up to {last_issued_id}) were removed",
        )
    return ChainReport(True, len(entries), None, "")

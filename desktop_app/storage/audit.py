"""Writing and reading the audit log (table ``audit_log``, see ``review_schema``).

``append`` is called by the repository inside the transaction of the change it
records, so the change and its entry are stored together or not at all. The writer
holds SQLite's write lock (``BEGIN IMMEDIATE``) while it reads the newest entry, so
two processes cannot both chain onto the same one.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from desktop_app.domain.audit import (
    GENESIS_HASH,
    AuditAction,
    AuditChange,
    AuditEntry,
    ChainReport,
    entry_hash,
    records_hash,
    shorten,
    verify_chain,
)
from desktop_app.domain.diff import display
from desktop_app.domain.errors import UnreadableDataError
from desktop_app.domain.identity import Identity
from desktop_app.domain.merge import changes
from desktop_app.domain.model import Assessment

if TYPE_CHECKING:  # types only: the export reads without sqlite-utils (issue 18)
    from sqlite_utils import Database


def field_changes(before: Assessment, after: Assessment) -> tuple[AuditChange, ...]:
    """What a save changed, field by field, with values cut short."""
    return tuple(
        AuditChange(tuple(c.path), shorten(display(c.old)), shorten(display(c.new)))
        for c in changes(before, after)
    )


def chain_end(db: Database | sqlite3.Connection) -> tuple[int, str]:
    """The next entry's id and the hash it chains onto. Ids are never reused, even after
    the newest entries were deleted, so such a deletion stays visible to ``verify``."""
    last = db.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    next_id = max(last[0] if last else 0, _last_issued_id(db)) + 1
    return next_id, last[1] if last else GENESIS_HASH


def chain_head(db: Database | sqlite3.Connection) -> str:
    """The newest entry as ``ID:HASH`` ("" for an empty log): printed on PDFs and kept
    with exports, so ``lika check --against`` can compare later."""
    row = db.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    return f"{row[0]}:{row[1]}" if row else ""


def next_id(db: Database | sqlite3.Connection) -> int:
    """The id the next entry gets (inside a write transaction, stable until it is written)."""
    return chain_end(db)[0]


def _last_issued_id(db: Database | sqlite3.Connection) -> int:
    issued = db.execute("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").fetchone()
    return issued[0] if issued else 0


def entry_row(
    prev_hash: str,
    entry_id: int,
    at: datetime,
    *,
    actor: str,
    os_user: str,
    assessment_id: int | None,
    assessment_uid: str,
    revision: int,
    action: AuditAction,
    summary: str,
    changes: Sequence[AuditChange] = (),
    record_hash: str = "",
) -> dict[str, Any]:
    """The row of one entry chained onto ``prev_hash``, with its hash: the one place
    that lays out an entry, for ``append`` and for bulk loads alike. ``record_hash``
    covers the status-change rows the entry records (``status_records_hash``)."""
    fields: dict[str, Any] = {
        "at": at,
        "actor": actor,
        "os_user": os_user,
        "assessment_id": assessment_id,
        "assessment_uid": assessment_uid,
        "revision": revision,
        "action": action,
        "summary": summary,
        "changes": tuple(changes),
    }
    digest = entry_hash(prev_hash, id=entry_id, record_hash=record_hash, **fields)
    row: dict[str, Any] = {
        "id": entry_id,
        **fields,
        "at": at.isoformat(),
        "action": action.value,
        "changes": json.dumps([[list(c.path), c.old, c.new] for c in changes], ensure_ascii=False),
        "prev_hash": prev_hash,
        "hash": digest,
    }
    if record_hash:
        row["record_hash"] = record_hash
    return row


# The columns of a status change that its audit entry's ``record_hash`` covers; the
# role title (``ROLE_COLUMN``, migration 0010) follows them only when it is not empty,
# so the hashes of rows recorded before it existed still hold.
RECORD_COLUMNS = (
    "id", "assessment_id", "from_status", "to_status", "actor", "os_user", "at", "comment",
    "fingerprint", "signature", "public_key", "trust", "generation",
)  # fmt: skip
ROLE_COLUMN = "role"


def record_values(row: dict[str, Any]) -> list[Any]:
    """A status-change row's covered values, in ``RECORD_COLUMNS`` order (then its role)."""
    return covered([*(row[c] for c in RECORD_COLUMNS), row.get(ROLE_COLUMN) or ""])


def covered(selected: Sequence[Any]) -> list[Any]:
    """The covered values of a row selected by ``record_select``: the role goes only
    when there is one."""
    *values, role = selected
    return [*values, role] if role else values


def record_select(db: Database | sqlite3.Connection) -> str:
    """The SELECT list of a status change's covered values, for ``covered``: the
    ``RECORD_COLUMNS``, then the role ('' in a register from before 0010)."""
    role = ROLE_COLUMN if has_column(db, "status_changes", ROLE_COLUMN) else "''"
    return f"{', '.join(RECORD_COLUMNS)}, {role}"


def status_records_hash(db: Database | sqlite3.Connection, audit_id: int) -> str:
    """The hash of the status-change rows an audit entry records, "" if none (or in a
    register from before the rows named their entry)."""
    if not has_column(db, "status_changes", "audit_id"):
        return ""
    found = db.execute(
        f"SELECT {record_select(db)} FROM status_changes WHERE audit_id = ? ORDER BY id",
        [audit_id],
    ).fetchall()
    return records_hash([covered(r) for r in found]) if found else ""


def has_column(db: Database | sqlite3.Connection, table: str, column: str) -> bool:
    return any(r[1] == column for r in db.execute(f"PRAGMA table_info({table})").fetchall())


def append(
    db: Database,
    actor: Identity,
    at: datetime,
    *,
    assessment_id: int | None,
    assessment_uid: str,
    revision: int,
    action: AuditAction,
    summary: str,
    changes: Sequence[AuditChange] = (),
) -> None:
    """Add one entry, chained to the newest one. Call inside a write transaction. The
    status-change rows written for it beforehand (``audit_id`` = ``next_id(db)``) are
    covered by its hash."""
    new_id, prev_hash = chain_end(db)
    row = entry_row(
        prev_hash, new_id, at, actor=actor.name, os_user=actor.os_user,
        assessment_id=assessment_id, assessment_uid=assessment_uid, revision=revision,
        action=action, summary=summary, changes=changes,
        record_hash=status_records_hash(db, new_id),
    )  # fmt: skip
    db.execute(
        f"INSERT INTO audit_log ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
        list(row.values()),
    )


def _parse(row: Sequence[Any]) -> AuditEntry:
    """An entry from its row; TypeError or ValueError when a value was changed to nonsense."""
    at, action, changes = row[1], row[7], row[9]
    try:
        when = datetime.fromisoformat(at)
    except (TypeError, ValueError):
        raise ValueError(f"its time {at!r} is not a time") from None
    try:
        kind = AuditAction(action)
    except ValueError:
        raise ValueError(f"its action {action!r} is unknown") from None
    try:
        changed = tuple(AuditChange(tuple(p), old, new) for p, old, new in json.loads(changes))
    except (TypeError, ValueError):
        raise ValueError("its list of changes is not in the form Lika writes") from None
    return AuditEntry(
        id=row[0],
        at=when,
        actor=row[2],
        os_user=row[3],
        assessment_id=row[4],
        assessment_uid=row[5],
        revision=row[6],
        action=kind,
        summary=row[8],
        changes=changed,
        prev_hash=row[10],
        hash=row[11],
        record_hash=row[12] if len(row) > 12 else "",
    )


def _entry(row: Sequence[Any]) -> AuditEntry:
    """An entry from its row, or a message naming it when it cannot be read (someone
    changed it outside Lika): the history says so instead of failing somewhere inside."""
    try:
        return _parse(row)
    except (TypeError, ValueError) as error:
        raise UnreadableDataError(
            f"Audit entry {row[0]} cannot be read ({error}); run lika check"
        ) from None


_COLUMNS = (
    "id, at, actor, os_user, assessment_id, assessment_uid, revision, action, summary, "
    "changes, prev_hash, hash"
)
# Every column, as a server register (and a file from 0005 on) has them.
ALL_COLUMNS = _COLUMNS + ", record_hash"


def _columns(conn: Database | sqlite3.Connection) -> str:
    """The columns to read: with ``record_hash`` once a register has it (0005)."""
    return _COLUMNS + (", record_hash" if has_column(conn, "audit_log", "record_hash") else "")


def entries_for(
    conn: sqlite3.Connection, *, uid: str = "", assessment_id: int = 0
) -> list[AuditEntry]:
    """The entries of one assessment (by uid, else by id), oldest first, with the
    entries of the whole register (``assessment_uid`` empty: a restore) made since its
    first one, which concern it as much as any other."""
    own = "assessment_uid = ?" if uid else "assessment_id = ?"
    param = uid or assessment_id
    found = conn.execute(
        f"SELECT {_columns(conn)} FROM audit_log WHERE {own} OR (assessment_uid = '' AND "
        f"id > (SELECT min(id) FROM audit_log WHERE {own})) ORDER BY id",
        [param, param],
    )
    return [_entry(r) for r in found.fetchall()]


def verify(conn: sqlite3.Connection) -> ChainReport:
    """Check the whole chain, and that no entry after the newest one was removed."""
    rows = conn.execute(f"SELECT {_columns(conn)} FROM audit_log ORDER BY id")
    return verify_rows(rows, last_issued_id=_last_issued_id(conn))


def verify_rows(rows: Iterable[Sequence[Any]], *, last_issued_id: int | None) -> ChainReport:
    """The chain of the audit log's ``rows`` (its columns in table order, from either
    engine), oldest first. A row that no longer parses (a value changed to nonsense) is
    reported as changed, after any break in the chain before it."""
    entries: list[AuditEntry] = []
    for row in rows:
        try:
            entries.append(_parse(row))
        except (TypeError, ValueError) as error:
            report = verify_chain(entries)
            if not report.ok:
                return report
            return ChainReport(
                False, len(entries), row[0], f"audit entry {row[0]} was changed ({error})"
            )
    return verify_chain(entries, last_issued_id=last_issued_id)


# For the server register's reads, which select the same columns (``postgres``).
entry_from_row = _entry

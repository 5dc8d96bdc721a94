"""Writing and reading the approval record (``status_changes``) so the audit log
covers it.

Every status change is written with the id of the audit entry that records it
(``audit_id``), before that entry, whose hash then covers the rows
(``audit.status_records_hash``). A replacing import starts a new ``generation``: the rows
it replaces stay (the table is append-only) but are no longer the history.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from desktop_app.domain.audit import records_hash
from desktop_app.domain.model import StatusChange
from desktop_app.storage import audit, rows, schema_facts

if TYPE_CHECKING:  # types only: the export reads without sqlite-utils (issue 18)
    from sqlite_utils import Database


def current_generation(db: Database | sqlite3.Connection, assessment_id: int) -> int:
    found = db.execute(
        "SELECT coalesce(max(generation), 0) FROM status_changes WHERE assessment_id = ?",
        [assessment_id],
    ).fetchone()
    return int(found[0])


def insert(
    db: Database,
    assessment_id: int,
    changes: Sequence[StatusChange],
    *,
    new_generation: bool = False,
) -> None:
    """Write ``changes`` for the audit entry appended next (call that right after)."""
    generation = current_generation(db, assessment_id) + (1 if new_generation else 0)
    entry_id = audit.next_id(db)
    for change in changes:
        row: dict[str, Any] = {
            **rows.status_change_row(assessment_id, change),
            "audit_id": entry_id,
            "generation": generation,
        }
        db.execute(
            f"INSERT INTO status_changes ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
            list(row.values()),
        )


HISTORY_SQL = (
    "SELECT * FROM status_changes WHERE assessment_id = :id AND generation = "
    "(SELECT coalesce(max(generation), 0) FROM status_changes WHERE assessment_id = :id) "
    "ORDER BY id"
)


def record_problems(conn: sqlite3.Connection, assessment_id: int | None = None) -> list[str]:
    """Where the approval record and the audit log's account of it disagree: rows
    edited, removed, reordered or added outside Lika. All of the register, or the rows
    and entries of one assessment. Empty for a register from before 0005; a register
    that had it and lost a column of it (``schema_facts``) cannot be checked, which is
    the problem then."""
    if not audit.has_column(conn, "status_changes", "audit_id"):
        return _lost_columns(conn)
    where_rows = "" if assessment_id is None else "WHERE assessment_id = ?"
    params = [] if assessment_id is None else [assessment_id]
    columns = audit.record_select(conn)
    by_entry: dict[int | None, list[Any]] = {}
    for row in conn.execute(
        f"SELECT audit_id, {columns} FROM status_changes {where_rows} ORDER BY id", params
    ):
        by_entry.setdefault(row[0], []).append(audit.covered(row[1:]))
    where_entries = "record_hash != ''" + (
        ""
        if assessment_id is None
        else " AND (assessment_id = ? OR id IN "
        "(SELECT audit_id FROM status_changes WHERE assessment_id = ?))"
    )
    entry_params = [] if assessment_id is None else [assessment_id, assessment_id]
    entries = {
        r[0]: (r[1], r[2], r[3])
        for r in conn.execute(
            "SELECT id, record_hash, assessment_id, assessment_uid FROM audit_log "
            f"WHERE {where_entries}",
            entry_params,
        )
    }
    # A deleted assessment takes its status changes with it; the log says so.
    deleted = {
        r[0] for r in conn.execute("SELECT assessment_uid FROM audit_log WHERE action = 'delete'")
    }
    return compare(by_entry, entries, deleted, _unrecorded_entries(conn, assessment_id))


def compare(
    by_entry: dict[int | None, list[Any]],
    entries: dict[int, tuple[str, Any, str]],
    deleted: set[str],
    unrecorded: list[str],
) -> list[str]:
    """The problems of the approval record: its rows per audit entry (``by_entry``,
    covered values in order), the entries that record rows (hash, assessment, uid), the
    uids of deleted assessments and the entries that record none (``unrecorded``). One
    comparison for a file and a server register, so both say the same things."""
    found: list[str] = []
    for entry_id, records in by_entry.items():
        first = records[0]
        what = f"status change {first[0]} of assessment {first[1]}"
        if entry_id is None or entry_id not in entries:
            found.append(
                f"{what} ({first[2] or 'new'} -> {first[3]}, by {first[4]}) is in the "
                "approval records but not in the audit log: it was added outside Lika"
            )
        elif records_hash(records) != entries[entry_id][0]:
            found.append(
                f"the approval records of audit entry {entry_id} (assessment "
                f"{entries[entry_id][1]}) were changed, removed or reordered outside Lika"
            )
    found += unrecorded
    for entry_id, (_hash, owner, uid) in entries.items():
        if entry_id not in by_entry and uid not in deleted:
            found.append(
                f"the approval records of audit entry {entry_id} (assessment {owner}) were "
                "deleted outside Lika"
            )
    return found


def unrecorded_message(entry: Any, owner: Any) -> str:
    """An audit entry that claims a status change no row of the record holds."""
    return (
        f"audit entry {entry} (assessment {owner}) claims a status change that the approval "
        "record does not hold: it was written outside Lika"
    )


def approval_states(conn: sqlite3.Connection) -> dict[int, str]:
    """Per assessment whose current history holds an approval: how the newest one is
    known (``Trust`` value), or ``unrecorded`` when no audit entry records it (it was
    written outside Lika). For ``lika list --format json``. A register that lost the
    column tying rows to the log (``schema_facts``) has no recorded approval."""
    if not audit.has_column(conn, "status_changes", "audit_id"):
        if not schema_facts.ran(conn, schema_facts.APPROVALS):
            return {}
        found = conn.execute(
            "SELECT DISTINCT assessment_id FROM status_changes WHERE to_status = 'approved'"
        )
        return {r[0]: "unrecorded" for r in found}
    found = conn.execute(
        "SELECT s.assessment_id, s.trust, coalesce(l.record_hash, '') FROM status_changes s "
        "LEFT JOIN audit_log l ON l.id = s.audit_id "
        "WHERE s.to_status = 'approved' AND s.generation = (SELECT max(generation) "
        "FROM status_changes g WHERE g.assessment_id = s.assessment_id) ORDER BY s.id"
    )
    return {ident: trust if recorded else "unrecorded" for ident, trust, recorded in found}


def _lost_columns(conn: sqlite3.Connection) -> list[str]:
    if not schema_facts.ran(conn, schema_facts.APPROVALS):
        return []  # from before 0005: nothing ties its rows to the log yet
    return [
        "the approval record cannot be checked against the audit log: its column "
        "status_changes.audit_id was removed outside Lika"
    ]


def _unrecorded_entries(conn: sqlite3.Connection, assessment_id: int | None) -> list[str]:
    """Status entries since the record began (``evidence_marks``) that record no rows:
    written outside Lika, which never writes a status change without its row."""
    mark = conn.execute("SELECT value FROM evidence_marks WHERE name = 'records_from'").fetchone()
    if mark is None:
        return []
    which = "" if assessment_id is None else " AND assessment_id = ?"
    params: list[Any] = [int(mark[0])] + ([] if assessment_id is None else [assessment_id])
    found = conn.execute(
        "SELECT id, assessment_id FROM audit_log WHERE action = 'status' AND record_hash = '' "
        f"AND id >= ?{which} ORDER BY id",
        params,
    )
    return [unrecorded_message(entry, owner) for entry, owner in found]

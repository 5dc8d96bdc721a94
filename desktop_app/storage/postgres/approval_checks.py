"""The approval record against the audit log on a server register, as
``storage.approval_records.record_problems`` checks it in a file.

Every status change the server writes names the audit entry that records it
(``audit_id``), and that entry's ``record_hash`` is the server's ``lika.records_hash``
of those rows, computed exactly as Lika computes it for a file; here it is computed
again in Python from the rows (``records_hash`` on the server is its functions' alone).
So a row added, edited, reordered or removed behind the server's functions (by the
tables' owner, a superuser, or a restore of a doctored dump) shows as a hash that no
longer holds.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, LiteralString

from desktop_app.storage import approval_records, audit

Query = Callable[[LiteralString, Any], list[dict[str, Any]]]


def record_problems(query: Query, assessment_id: int | None = None) -> list[str]:
    """Where the approval record and the audit log's account of it disagree: all of
    the register, or one assessment's rows and entries. The messages are the file's."""
    one: LiteralString = "" if assessment_id is None else "WHERE assessment_id = %(id)s"
    params = {"id": assessment_id}
    by_entry: dict[int | None, list[list[Any]]] = {}
    for row in query(f"SELECT * FROM lika.status_changes {one} ORDER BY id", params):
        by_entry.setdefault(row["audit_id"], []).append(audit.record_values(row))
    which: LiteralString = (
        ""
        if assessment_id is None
        else "AND (assessment_id = %(id)s OR id IN "
        "(SELECT audit_id FROM lika.status_changes WHERE assessment_id = %(id)s))"
    )
    entries = {
        r["id"]: (r["record_hash"], r["assessment_id"], r["assessment_uid"])
        for r in query(
            "SELECT id, record_hash, assessment_id, assessment_uid FROM lika.audit_log "
            f"WHERE record_hash <> '' {which}",
            params,
        )
    }
    # A deleted assessment takes its status changes with it; the log says so.
    deleted = {
        r["assessment_uid"]
        for r in query("SELECT assessment_uid FROM lika.audit_log WHERE action = 'delete'", ())
    }
    return approval_records.compare(
        by_entry, entries, deleted, _unrecorded_entries(query, assessment_id)
    )


def _unrecorded_entries(query: Query, assessment_id: int | None) -> list[str]:
    """Status entries that record no rows: the server's ``change_status`` never writes
    one. Entries copied from a file before its record began (its ``records_from``
    mark, copied with it) are older than the record and are not counted."""
    one: LiteralString = "" if assessment_id is None else "AND l.assessment_id = %(id)s"
    found = query(
        "SELECT l.id, l.assessment_id FROM lika.audit_log l WHERE l.action = 'status' "
        "AND l.record_hash = '' AND l.id >= coalesce((SELECT value::bigint FROM "
        f"lika.evidence_marks WHERE name = 'records_from'), 0) {one} ORDER BY l.id",
        {"id": assessment_id},
    )
    return [approval_records.unrecorded_message(r["id"], r["assessment_id"]) for r in found]

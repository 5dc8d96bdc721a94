"""Merging another register file into a server register that already holds some.

Each assessment goes in once, by its uid: one already on the server with the same
content is left as it is (running a merge again changes nothing); one with the same
uid but other content, or whose place in its series (series and revision) another
assessment holds, is a **conflict**, named and not copied, and so are the later
revisions of its series in the file. The rest get new ids on the server.

The file's audit entries cannot keep their hashes in the server's chain (their ids and
predecessors are the file's), so they are not copied. Instead each merged assessment
gets one ``import`` entry in the name of the login merging, chained on the server,
whose summary names the file, the head of the file's chain (``ID:HASH``, as PDFs and
``lika check --against`` use it) and how many of its entries concern the assessment;
its ``record_hash`` covers the assessment's approval records, copied with it. The file
itself is the evidence of that earlier history: keep it (docs/it-deployment.md).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop_app.storage import audit
from desktop_app.storage.postgres.copy_tables import (
    COPIED,
    PgConnection,
    batches,
    jsonable,
    order_of,
    shared_columns,
)

# Per table, what does not count as content: ids that differ between registers.
_NOT_CONTENT = {
    "assessments": ("id", "previous_id", "owner"),
    "measures": ("id", "assessment_id"),
    "evaluations": ("id", "assessment_id"),
    "evaluation_measures": ("evaluation_id", "assessment_id"),
    "review_comments": ("id", "assessment_id"),
    "status_changes": ("id", "assessment_id", "audit_id"),
}
_RENUMBERED = ("measures", "evaluations", "review_comments", "status_changes")
_IMPORTS_PER_CALL = 500

Query = Callable[[str, list[Any]], Sequence[Sequence[Any]]]


@dataclass
class Plan:
    source: Path
    head: str
    columns: dict[str, list[str]]
    new_ids: dict[int, int] = field(default_factory=dict)  # file id -> server id
    server_ids: dict[str, int] = field(default_factory=dict)  # uid -> id on the server
    already_there: list[str] = field(default_factory=list)
    conflicts: dict[str, str] = field(default_factory=dict)


def plan(lite: sqlite3.Connection, server: PgConnection, source: Path) -> Plan:
    """Which of the file's assessments are new, already there, or in conflict."""
    columns = {t: shared_columns(lite, server, t) for t in COPIED}
    result = Plan(source, audit.chain_head(lite), columns)
    found = lite.execute(
        "SELECT id, uid, series_uid, revision, previous_id FROM assessments ORDER BY id"
    ).fetchall()
    uid_of = {r[0]: r[1] for r in found}
    there: dict[str, int] = dict(
        server.execute(
            "SELECT uid, id FROM lika.assessments WHERE uid = ANY(%s)", [list(uid_of.values())]
        ).fetchall()
    )
    slots = {
        (s, r): u
        for s, r, u in server.execute(
            "SELECT series_uid, revision, uid FROM lika.assessments WHERE series_uid = ANY(%s)",
            [sorted({r[2] for r in found})],
        ).fetchall()
    }
    top = server.execute("SELECT coalesce(max(id), 0) FROM lika.assessments").fetchone()
    next_id = int(top[0]) + 1 if top else 1
    lite_query = _lite_query(lite)
    server_query = _server_query(server)
    for file_id, uid, series, revision, previous in found:
        before = uid_of.get(previous) if previous is not None else None
        if uid in there:
            same = _content(lite_query, columns, file_id) == _content(
                server_query, columns, there[uid]
            )
            if same:
                result.already_there.append(uid)
                result.server_ids[uid] = there[uid]
            else:
                result.conflicts[uid] = "it is on the server with other content"
        elif (series, revision) in slots:
            result.conflicts[uid] = (
                f"revision {revision} of its series is on the server as another assessment "
                f"({slots[series, revision]})"
            )
        elif before is not None and before in result.conflicts:
            result.conflicts[uid] = f"it follows {before}, which is in conflict"
        else:
            result.new_ids[file_id] = next_id
            result.server_ids[uid] = next_id
            slots[series, revision] = uid
            next_id += 1
    return result


def write(lite: sqlite3.Connection, server: PgConnection, plan: Plan, owner: str) -> dict[str, int]:
    """Copy the plan's new assessments with their children; rows written per table."""
    copied = {t: 0 for t in COPIED}
    if not plan.new_ids:
        return copied
    renumber = {t: _next_id(server, t) for t in _RENUMBERED}
    evaluation_ids: dict[int, int] = {}
    uid_of = dict(lite.execute("SELECT id, uid FROM assessments").fetchall())
    records: dict[int, list[dict[str, Any]]] = {}
    for table in COPIED:
        if table in ("audit_log", "evidence_files"):
            continue
        rows = []
        for row in _file_rows(lite, table, plan.columns[table]):
            key = "id" if table == "assessments" else "assessment_id"
            if row[key] not in plan.new_ids:
                continue
            if table == "assessments":
                previous = uid_of.get(row["previous_id"])
                row["previous_id"] = plan.server_ids.get(previous) if previous else None
                row["owner"] = owner
            if table == "evaluation_measures":
                row["evaluation_id"] = evaluation_ids[row["evaluation_id"]]
            row[key] = plan.new_ids[row[key]]
            if table in _RENUMBERED:
                old, row["id"] = row["id"], renumber[table]
                renumber[table] += 1
                if table == "evaluations":
                    evaluation_ids[old] = row["id"]
            if table == "status_changes":
                row.pop("audit_id", None)
                records.setdefault(row["assessment_id"], []).append(row)
            else:
                rows.append(row)
        copied[table] = _send(server, table, rows)
    copied["status_changes"] = sum(len(r) for r in records.values())
    copied["evidence_files"] = _send_files(lite, server, list(plan.new_ids.values()))
    copied["audit_log"] = _imports(lite, server, plan, records)
    return copied


def _imports(
    lite: sqlite3.Connection, server: PgConnection, plan: Plan, records: dict[int, list[Any]]
) -> int:
    """One ``import`` entry per merged assessment, covering its approval records."""
    entries = dict(
        lite.execute("SELECT assessment_uid, count(*) FROM audit_log GROUP BY assessment_uid")
    )
    status = dict(lite.execute("SELECT id, status FROM assessments").fetchall())
    uid_of = dict(lite.execute("SELECT id, uid FROM assessments").fetchall())
    items = []
    for file_id, new_id in plan.new_ids.items():
        uid = uid_of[file_id]
        summary = (
            f"merged from {plan.source.name} ({status[file_id]}): its history is that file's "
            f"audit log up to {plan.head or 'its start'}, {entries.get(uid, 0)} entries "
            "about this assessment"
        )
        items.append({"assessment": new_id, "summary": summary, "records": records.get(new_id, [])})
    written = 0
    for start in range(0, len(items), _IMPORTS_PER_CALL):
        chunk = items[start : start + _IMPORTS_PER_CALL]
        server.execute("SELECT lika.copy_imports(%s::jsonb)", [json.dumps(chunk)])
        written += len(chunk)
    return written


def _send(server: PgConnection, table: str, rows: list[dict[str, Any]]) -> int:
    added = 0
    for batch in batches(iter(rows), table):
        found = server.execute(
            "SELECT lika.copy_rows(%s, %s::jsonb)", [table, json.dumps(batch)]
        ).fetchone()
        added += int(found[0]) if found else 0
    return added


def _send_files(lite: sqlite3.Connection, server: PgConnection, new_ids: list[int]) -> int:
    """The stored files the merged assessments attach (those not on the server yet)."""
    wanted = {
        r[0]
        for r in server.execute(
            "SELECT DISTINCT sha256 FROM lika.evidence_items WHERE sha256 <> '' "
            "AND assessment_id = ANY(%s)",
            [new_ids],
        ).fetchall()
    }
    columns = [c for c in ("sha256", "size", "added", "data")]
    rows = (
        dict(zip(columns, map(jsonable, r), strict=True))
        for r in lite.execute(f"SELECT {', '.join(columns)} FROM evidence_files ORDER BY sha256")
        if r[0] in wanted
    )
    added = 0
    for batch in batches(rows, "evidence_files"):
        found = server.execute(
            "SELECT lika.copy_rows('evidence_files', %s::jsonb)", [json.dumps(batch)]
        ).fetchone()
        added += int(found[0]) if found else 0
    return added


def _next_id(server: PgConnection, table: str) -> int:
    found = server.execute(f"SELECT coalesce(max(id), 0) + 1 FROM lika.{table}").fetchone()
    return int(found[0]) if found else 1


def _file_rows(lite: sqlite3.Connection, table: str, columns: list[str]) -> list[dict[str, Any]]:
    found = lite.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY {order_of(table)}")
    return [dict(zip(columns, map(jsonable, r), strict=True)) for r in found]


def _lite_query(lite: sqlite3.Connection) -> Query:
    def run(sql: str, params: list[Any]) -> Sequence[Sequence[Any]]:
        return lite.execute(sql.format(s=""), params).fetchall()

    return run


def _server_query(server: PgConnection) -> Query:
    def run(sql: str, params: list[Any]) -> Sequence[Sequence[Any]]:
        return server.execute(sql.format(s="lika.").replace("?", "%s"), params).fetchall()

    return run


def _content(query: Query, columns: dict[str, list[str]], assessment: int) -> list[Any]:
    """An assessment with its children and approval records, without the ids that
    differ between registers: what "the same assessment" means when merging."""
    found: list[Any] = []
    for table in COPIED:
        if table in ("audit_log", "evidence_files"):
            continue
        skip = _NOT_CONTENT.get(table, ("assessment_id",))
        chosen = [c for c in columns[table] if c not in skip]
        key = "id" if table == "assessments" else "assessment_id"
        rows = query(f"SELECT {', '.join(chosen)} FROM {{s}}{table} WHERE {key} = ?", [assessment])
        found.append(sorted((tuple(r) for r in rows), key=repr))
    return found

"""A SQLite register copied onto the server (``lika migrate``), in one transaction.

Into an empty server register the file goes **verbatim**: every row with its id, the
audit log entry for entry, so the chain simply continues on the server (the server
checks each entry as it arrives, ``copy_v1``). Into a register that already holds
assessments, with ``merge``, it is **merged** (``copy_merge``): each assessment once,
conflicts named, an ``import`` entry per merged assessment. Either way the chains of
both sides are checked in Python afterwards and the rows counted per table.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psycopg

from desktop_app.domain.audit import ChainReport
from desktop_app.domain.errors import LikaError
from desktop_app.storage import audit
from desktop_app.storage.database import check_understood, connect_readonly
from desktop_app.storage.postgres import connection, copy_merge, import_links_v1
from desktop_app.storage.postgres.copy_tables import (
    COPIED,
    PgConnection,
    TableCount,
    batches,
    jsonable,
    order_of,
    refused,
    require_migrated,
    server_chain,
    server_counts,
    shared_columns,
    sqlite_counts,
)


@dataclass
class CopyReport:
    """What a copy did: ``verbatim``, ``merge`` or ``backup``; rows per table; the
    assessments a merge found already there and those in conflict (uid: why)."""

    mode: str
    source: str
    target: str
    counts: list[TableCount]
    source_chain: ChainReport
    target_chain: ChainReport
    already_there: list[str] = field(default_factory=list)
    conflicts: dict[str, str] = field(default_factory=dict)
    copied: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.source_chain.ok and self.target_chain.ok and not self.conflicts


def copy_in(source: Path, url: str, *, merge: bool = False, owner: str = "") -> CopyReport:
    """Copy the register file ``source`` onto the server at ``url``; ``owner``: the login
    that owns the copied assessments there (default: the login copying)."""
    check_understood(source)
    lite = connect_readonly(source)
    try:
        source_chain = audit.verify(lite)
        if not source_chain.ok:
            raise LikaError(
                f"The audit log of {source} is broken ({source_chain.problem}); "
                f"nothing was copied. Run lika check --db {source}"
            )
        before = sqlite_counts(lite)
        try:
            with connection.connect(url) as server:
                report = _copy(lite, server, source, url, merge=merge, owner=owner)
                after = server_counts(server)
                report.counts = [
                    TableCount(t, before[t], report.copied.get(t, 0), after[t]) for t in COPIED
                ]
                report.target_chain = server_chain(server)
                report.source_chain = source_chain
                return report
        except psycopg.Error as error:
            if getattr(error, "sqlstate", None) in {"P0001", "42501", "55000", "22023"}:
                raise refused(error) from None
            raise LikaError(
                f"Cannot copy onto {connection.shown(url)}: {str(error).strip()}"
            ) from None
    finally:
        lite.close()


def _copy(
    lite: sqlite3.Connection, server: PgConnection, source: Path, url: str, *, merge: bool,
    owner: str,
) -> CopyReport:  # fmt: skip
    require_migrated(server, connection.shown(url))
    owner = owner or str(server.execute("SELECT session_user").fetchone()[0])  # type: ignore[index]
    mode = str(server.execute("SELECT lika.copy_begin(%s)", [merge]).fetchone()[0])  # type: ignore[index]
    report = CopyReport(mode, str(source), connection.shown(url), [], _unchecked(), _unchecked())
    if mode == "verbatim":
        report.copied = _verbatim(lite, server, owner)
        last = lite.execute("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").fetchone()
        marks = dict(lite.execute("SELECT name, value FROM evidence_marks").fetchall())
        if marks:  # else the server keeps its own (copy_finish)
            # A file holds no evaluation's link to its import entry (the server's own
            # column): the entries copied from it cannot have their evaluations
            # checked, the server's later ones can.
            newest = lite.execute("SELECT coalesce(max(id), 0) FROM audit_log").fetchone()[0]
            marks[import_links_v1.MARK] = str(max(int(newest), int(last[0]) if last else 0) + 1)
        server.execute(
            "SELECT lika.copy_finish(%s, %s::jsonb)", [last[0] if last else 0, json.dumps(marks)]
        )
    else:
        plan = copy_merge.plan(lite, server, source)
        report.copied = copy_merge.write(lite, server, plan, owner)
        report.already_there, report.conflicts = plan.already_there, plan.conflicts
        server.execute("SELECT lika.copy_finish(NULL, NULL)")
    server.commit()
    return report


def _unchecked() -> ChainReport:
    return ChainReport(False, 0, None, "not checked")


def _verbatim(lite: sqlite3.Connection, server: PgConnection, owner: str) -> dict[str, int]:
    copied: dict[str, int] = {}
    for table in COPIED:
        columns = shared_columns(lite, server, table)
        extra = {"owner": owner} if table == "assessments" else {}
        copied[table] = 0
        for batch in batches(_rows(lite, table, columns, extra), table):
            added = server.execute(
                "SELECT lika.copy_rows(%s, %s::jsonb)", [table, json.dumps(batch)]
            ).fetchone()
            copied[table] += int(added[0]) if added else 0
    return copied


def _rows(
    lite: sqlite3.Connection, table: str, columns: list[str], extra: dict[str, Any]
) -> Iterator[dict[str, Any]]:
    found = lite.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY {order_of(table)}")
    for values in found:
        yield {**dict(zip(columns, map(jsonable, values), strict=True)), **extra}

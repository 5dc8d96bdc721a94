"""The guard triggers: which must exist, as Lika wrote them, and what to do when one
does not.

Guards are the triggers that protect evidence: the locks on approved assessments and
the append-only audit log (``review_schema``), the append-only approval record and the
refusal to delete an approved assessment (``approval_schema``). Someone with the file
can drop or weaken one. ``lika check`` reports that (``find``), and opening the register
puts them back only after writing an audit entry that says what was missing or altered
(``repair``), so the tampering stays on record and ``lika check`` keeps naming it.
"""

from __future__ import annotations

import re
import sqlite3
from datetime import UTC, datetime
from typing import TYPE_CHECKING, NamedTuple

from desktop_app.storage import approval_schema, review_schema, schema_facts

if TYPE_CHECKING:  # ``find`` serves the listing door, which does without sqlite-utils
    from sqlite_utils import Database

REPAIR_PREFIX = "guard triggers put back: "


class GuardFindings(NamedTuple):
    """What is wrong with the guards (a named tuple: see ``sql_dialect.Dialect``)."""

    missing: tuple[str, ...] = ()
    altered: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.missing or self.altered)

    def describe(self) -> str:
        parts = []
        if self.missing:
            parts.append(f"missing: {', '.join(self.missing)}")
        if self.altered:
            parts.append(f"altered: {', '.join(self.altered)}")
        return "; ".join(parts)


def expected(conn: Database | sqlite3.Connection) -> dict[str, str]:
    """Name -> statement of every guard this register should have: by the upgrades it
    ran (``schema_facts``), not by the columns it has now, which a script can drop. A
    guard on a table that is gone is left out (the table is reported missing)."""
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    found: dict[str, str] = {}
    if "audit_log" in tables:
        for make in review_schema.CURRENT_TRIGGERS:
            found.update(make())
    if schema_facts.ran(_connection(conn), schema_facts.APPROVALS):
        found.update(approval_schema.guard_triggers_v1())
    return {name: statement for name, statement in found.items() if _table_of(statement) in tables}


def _connection(conn: Database | sqlite3.Connection) -> sqlite3.Connection:
    return conn if isinstance(conn, sqlite3.Connection) else conn.conn


def _table_of(statement: str) -> str:
    """The table a ``CREATE TRIGGER`` statement is on."""
    found = re.search(r"\bON\s+(\w+)", statement)
    return found.group(1) if found else ""


def _same(a: str, b: str) -> bool:
    def squeeze(text: str) -> str:
        return re.sub(r"\s+", " ", text).strip().rstrip(";").casefold()

    return squeeze(a) == squeeze(b)


def find(conn: Database | sqlite3.Connection) -> GuardFindings:
    """Guards that are missing or differ from what Lika writes."""
    present = {
        r[0]: r[1] or ""
        for r in conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
    }
    missing, altered = [], []
    for name, statement in expected(conn).items():
        if name not in present:
            missing.append(name)
        elif not _same(present[name], statement):
            altered.append(name)
    return GuardFindings(tuple(missing), tuple(altered))


def repair(db: Database) -> GuardFindings:
    """Put missing or altered guards back, recording first in the audit log what was
    found (inside one write transaction). Call only on an up-to-date register: during an
    upgrade, a migration may legitimately re-create tables and their triggers."""
    from desktop_app.domain.audit import AuditAction
    from desktop_app.storage import audit
    from desktop_app.storage.approval_schema import lika_actor
    from desktop_app.storage.database import write_transaction

    findings = find(db)
    if not findings:
        return findings
    statements = expected(db)
    with write_transaction(db):
        audit.append(
            db, lika_actor(), datetime.now(UTC).replace(microsecond=0), assessment_id=None,
            assessment_uid="", revision=0, action=AuditAction.REPAIR,
            summary=REPAIR_PREFIX + findings.describe(),
        )  # fmt: skip
        for name in findings.altered:
            db.execute(f"DROP TRIGGER {name}")
        for name in (*findings.missing, *findings.altered):
            db.execute(statements[name])
    return findings


def repairs(conn: sqlite3.Connection) -> list[tuple[int, str, str]]:
    """The repair entries in the log: (id, when, what was found)."""
    from desktop_app.domain.audit import AuditAction
    from desktop_app.storage import audit

    if not audit.has_column(conn, "audit_log", "record_hash"):
        return []
    found = conn.execute(
        "SELECT id, at, summary FROM audit_log WHERE action = ? ORDER BY id",
        [AuditAction.REPAIR.value],
    )
    return [(i, at, summary.removeprefix(REPAIR_PREFIX)) for i, at, summary in found]

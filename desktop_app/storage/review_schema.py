"""Tables and triggers of review and sign-off (migration ``0003_review``).

- ``review_comments``: a reviewer's comments on a step, ground or measure, and the
  caseworker's reply; they go with their assessment when it is deleted.
- ``audit_log``: the hash-chained audit trail (see ``domain.audit``). It has no
  foreign key to ``assessments``: deleting an assessment keeps its entries (they
  store the id and the uid). ``AUTOINCREMENT`` makes SQLite remember the highest id
  ever issued (``sqlite_sequence``), so removing the newest entries is detectable.
- Append-only triggers: UPDATE and DELETE of ``audit_log`` are refused.
- Lock triggers, the last line of defence behind the repository's and the service's
  checks: the content of an approved assessment, and its grounds, answers and
  measures, cannot change. A status change of an approved one is not allowed by the
  workflow either. The bulk loader sets the lock triggers aside while it writes
  (``drop_lock_triggers`` / ``install_triggers``), and single writes store an approved
  assessment's rows before they set its status.

Frozen as version 1, like ``register_schema``: a later change adds a ``*_V2``.
Trigger messages start with ``REFUSED_PREFIX`` so ``describe_sqlite_error`` can turn
them into a ``WorkflowError``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the listing door reads these names without sqlite-utils (issue 18)
    from sqlite_utils import Database

REFUSED_PREFIX = "lika-refused: "

SCHEMA_V1 = """
CREATE TABLE review_comments (
    id INTEGER PRIMARY KEY,
    assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
    target TEXT NOT NULL,
    text TEXT NOT NULL,
    author TEXT NOT NULL,
    os_user TEXT NOT NULL,
    created TEXT NOT NULL,
    addressed_at TEXT,
    addressed_by TEXT NOT NULL DEFAULT '',
    reply TEXT NOT NULL DEFAULT ''
);
CREATE INDEX review_comments_assessment ON review_comments(assessment_id, id);

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    os_user TEXT NOT NULL,
    assessment_id INTEGER,
    assessment_uid TEXT NOT NULL,
    revision INTEGER NOT NULL,
    action TEXT NOT NULL,
    summary TEXT NOT NULL,
    changes TEXT NOT NULL DEFAULT '[]',
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX audit_log_uid ON audit_log(assessment_uid, id);
CREATE INDEX audit_log_assessment ON audit_log(assessment_id, id)
"""

# Columns of ``assessments`` that an approval freezes (not previous_id, which a
# deleted earlier revision sets to NULL, nor the bookkeeping of version and time).
LOCKED_COLUMNS = (
    "uid", "series_uid", "revision", "status", "language", "framework_id",
    "framework_version", "modules", "title", "case_number", "organisation", "unit",
    "decision_body", "decision_date", "author", "description", "affected",
    "affected_groups", "evidence", "evidence_missing", "outcome",
    "outcome_justification", "summary", "followup_date",
)  # fmt: skip
CHILD_TABLES = ("ground_assessments", "answers", "measures")

LOCKED_MESSAGE = f"{REFUSED_PREFIX}An approved assessment cannot be changed; start a new revision"
_APPEND_ONLY = f"{REFUSED_PREFIX}The audit log is append-only: its entries cannot be "


def raise_refusal(message: str) -> str:
    """The trigger body that refuses a change with ``message``."""
    return f"SELECT RAISE(ABORT, '{message}');"


def child_lock_triggers(tables: tuple[str, ...]) -> list[tuple[str, str]]:
    """(name, SQL) of the triggers that refuse adding, changing or removing a row of
    ``tables`` (each with an ``assessment_id``) that belongs to an approved assessment."""
    triggers: list[tuple[str, str]] = []
    for table in tables:
        for event, ref in (("INSERT", "NEW"), ("UPDATE", "OLD"), ("DELETE", "OLD")):
            name = f"review_lock_{table}_{event.lower()}"
            triggers.append(
                (
                    name,
                    f"CREATE TRIGGER {name} BEFORE {event} ON {table} WHEN (SELECT status "
                    f"FROM assessments WHERE id = {ref}.assessment_id) = 'approved' "
                    f"BEGIN {raise_refusal(LOCKED_MESSAGE)} END",
                )
            )
    return triggers


def lock_triggers_v1() -> list[tuple[str, str]]:
    changed = " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in LOCKED_COLUMNS)
    triggers = [
        (
            "review_lock_assessments",
            "CREATE TRIGGER review_lock_assessments BEFORE UPDATE ON assessments "
            f"WHEN OLD.status = 'approved' AND ({changed}) "
            f"BEGIN {raise_refusal(LOCKED_MESSAGE)} END",
        )
    ]
    return triggers + child_lock_triggers(CHILD_TABLES)


def audit_triggers_v1() -> list[tuple[str, str]]:
    return [
        (
            "audit_log_no_update",
            "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
            f"BEGIN {raise_refusal(_APPEND_ONLY + 'changed')} END",
        ),
        (
            "audit_log_no_delete",
            "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
            f"BEGIN {raise_refusal(_APPEND_ONLY + 'removed')} END",
        ),
    ]


def decision_type_lock_triggers() -> list[tuple[str, str]]:
    """The approval lock for ``assessments.decision_type`` (migration 0008), which the
    lock of version 1 predates; repaired on open like the others."""
    return [
        (
            "review_lock_decision_type",
            "CREATE TRIGGER review_lock_decision_type BEFORE UPDATE OF decision_type "
            "ON assessments WHEN OLD.status = 'approved' "
            "AND NEW.decision_type IS NOT OLD.decision_type "
            f"BEGIN {raise_refusal(LOCKED_MESSAGE)} END",
        )
    ]


def lock_triggers_v2() -> list[tuple[str, str]]:
    """Version 1's, and the lock on statistics, evidence and stored files (``0009``)."""
    from desktop_app.storage import evidence_schema

    return lock_triggers_v1() + evidence_schema.lock_triggers_v1()


CURRENT_TRIGGERS = (lock_triggers_v2, audit_triggers_v1, decision_type_lock_triggers)


def create_schema_v1(db: Database) -> None:
    """The tables of version 1 and their triggers."""
    for statement in SCHEMA_V1.split(";\n"):
        if statement.strip():
            db.execute(statement)
    for make in (lock_triggers_v1, audit_triggers_v1):
        for _name, statement in make():
            db.execute(statement)


def _existing(db: Database) -> set[str]:
    found = db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall()
    return {r[0] for r in found}


def drop_lock_triggers(db: Database) -> None:
    """Set the lock triggers aside (bulk loading); ``install_triggers`` brings them back."""
    existing = _existing(db)
    for make in CURRENT_TRIGGERS[:1]:
        for name, _statement in make():
            if name in existing:
                db.execute(f"DROP TRIGGER {name}")


def install_triggers(db: Database) -> bool:
    """Create whichever current trigger is missing; True if any was. A no-op on a
    register without the review tables (an older one, not migrated yet)."""
    if "audit_log" not in db.table_names():
        return False
    existing = _existing(db)
    missing = [s for make in CURRENT_TRIGGERS for n, s in make() if n not in existing]
    for statement in missing:
        db.execute(statement)
    return bool(missing)


def missing_audit_triggers(names: set[str]) -> list[str]:
    """Append-only triggers absent from ``names`` (the triggers a register has)."""
    return [name for name, _ in audit_triggers_v1() if name not in names]

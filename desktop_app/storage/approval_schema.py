"""The approval record's protection (migration ``0005_signed_approvals``).

- ``status_changes`` gains the approver's signature and public key, how the register
  knows the change (``trust``: witnessed, signed, unverified, imported), the audit entry
  that recorded it (``audit_id``) and its ``generation`` (a replacing import starts a
  new one: the rows it replaces stay, append-only, and are no longer the history).
- ``audit_log`` gains ``record_hash``: the hash of the status-change rows an entry
  records, part of the entry's own hash, so editing, removing or reordering an approval
  record breaks the chain's account of it.
- Triggers: ``status_changes`` is append-only (a row goes only with its deleted
  assessment), and an approved assessment cannot be deleted, whatever ``foreign_keys``
  says.
- Status changes recorded before this migration are sealed into the audit log by one
  ``seal`` entry per assessment; ``evidence_marks.records_from`` is the first entry id
  from which every ``status`` or ``import`` entry records its rows.

Frozen as version 1, like ``review_schema``.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from desktop_app.storage.review_schema import REFUSED_PREFIX

if TYPE_CHECKING:  # the guards' names and columns are read without sqlite-utils (issue 18)
    from sqlite_utils import Database

    from desktop_app.domain.identity import Identity

_APPEND_ONLY = f"{REFUSED_PREFIX}The approval record is append-only: a status change cannot be "
_NO_DELETE = (
    f"{REFUSED_PREFIX}An approved assessment cannot be deleted: it is the record of what "
    "was approved"
)


def lika_actor() -> Identity:
    """The actor of what Lika does on its own. Made when needed: the listing's door and
    the window's first look read only this module's guard names (issue 18)."""
    from desktop_app.domain.identity import Identity

    return Identity(name="Lika", os_user="")


COLUMNS_V1 = (
    ("status_changes", "signature", "TEXT NOT NULL DEFAULT ''"),
    ("status_changes", "public_key", "TEXT NOT NULL DEFAULT ''"),
    ("status_changes", "trust", "TEXT NOT NULL DEFAULT 'witnessed'"),
    ("status_changes", "audit_id", "INTEGER"),
    ("status_changes", "generation", "INTEGER NOT NULL DEFAULT 0"),
    ("audit_log", "record_hash", "TEXT NOT NULL DEFAULT ''"),
)


def _raise(message: str) -> str:
    return f"SELECT RAISE(ABORT, '{message}');"


def guard_triggers_v1() -> list[tuple[str, str]]:
    return [
        (
            "status_changes_no_update",
            "CREATE TRIGGER status_changes_no_update BEFORE UPDATE ON status_changes "
            f"BEGIN {_raise(_APPEND_ONLY + 'changed')} END",
        ),
        (
            "status_changes_no_delete",
            "CREATE TRIGGER status_changes_no_delete BEFORE DELETE ON status_changes "
            "WHEN EXISTS (SELECT 1 FROM assessments WHERE id = OLD.assessment_id) "
            f"BEGIN {_raise(_APPEND_ONLY + 'removed')} END",
        ),
        (
            "evidence_marks_no_change",
            "CREATE TRIGGER evidence_marks_no_change BEFORE UPDATE ON evidence_marks "
            f"BEGIN {_raise(_APPEND_ONLY + 'changed')} END",
        ),
        (
            "assessments_no_delete_approved",
            "CREATE TRIGGER assessments_no_delete_approved BEFORE DELETE ON assessments "
            f"WHEN OLD.status = 'approved' BEGIN {_raise(_NO_DELETE)} END",
        ),
    ]


def upgrade_v1(db: Database) -> None:
    """The columns, the seal of the rows already recorded, then the triggers."""
    from desktop_app.storage import audit  # the upgrade's; the model comes with it

    for table, column, kind in COLUMNS_V1:
        db.execute(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")
    db.execute("CREATE INDEX status_changes_audit ON status_changes(audit_id)")
    # From which audit entry on every status entry must record its rows (the check's
    # boundary between a log from before this migration and one kept since).
    db.execute("CREATE TABLE evidence_marks (name TEXT PRIMARY KEY, value TEXT NOT NULL)")
    seal_v1(db)
    db.execute(
        "INSERT INTO evidence_marks (name, value) VALUES ('records_from', ?)",
        [str(audit.next_id(db))],
    )
    for _name, statement in guard_triggers_v1():
        db.execute(statement)


def seal_v1(db: Database) -> None:
    """One ``seal`` entry per assessment with status changes, covering them: from now
    on they are as protected as those recorded later."""
    from desktop_app.domain.audit import AuditAction
    from desktop_app.storage import audit

    found = db.execute(
        "SELECT s.id, s.assessment_id, a.uid, a.revision FROM status_changes s "
        "JOIN assessments a ON a.id = s.assessment_id ORDER BY s.assessment_id, s.id"
    ).fetchall()
    by_assessment: dict[tuple[int, str, int], list[int]] = defaultdict(list)
    for row_id, assessment_id, uid, revision in found:
        by_assessment[(assessment_id, uid, revision)].append(row_id)
    at, actor = datetime.now(UTC).replace(microsecond=0), lika_actor()
    for (assessment_id, uid, revision), ids in by_assessment.items():
        entry_id = audit.next_id(db)
        marks = ", ".join("?" * len(ids))
        db.execute(
            f"UPDATE status_changes SET audit_id = ? WHERE id IN ({marks})", [entry_id, *ids]
        )
        audit.append(
            db, actor, at, assessment_id=assessment_id, assessment_uid=uid, revision=revision,
            action=AuditAction.SEAL, summary=f"sealed {len(ids)} status change(s)",
        )  # fmt: skip


def add_role_v1(db: Database) -> None:
    """``status_changes.role`` (migration ``0010_i15_approver_role``)."""
    db.execute("ALTER TABLE status_changes ADD COLUMN role TEXT NOT NULL DEFAULT ''")

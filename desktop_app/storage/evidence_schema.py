"""Tables of sex-disaggregated statistics and evidence (migration ``0009_statistics_evidence``).

- ``statistics_tables``: one row per table of figures, children of an assessment like
  its measures (kept in step by ``children.ChildWriter``).
- ``evidence_items``: attached files, links and records-system references.
- ``evidence_files``: the bytes of attached files, once per SHA-256 however many
  assessments (revisions, copies) attach them. A new revision therefore costs no
  space for its files. The bytes are the last column, so scanning hashes and sizes
  never reads them.

Lock triggers, as for the other children: an approved assessment's statistics and
evidence cannot change, a stored file's bytes never change, and a file an approved
assessment attaches cannot be removed.

Frozen as version 1; the search index's version 3 (``register_schema``) reads these
tables too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop_app.storage.review_schema import REFUSED_PREFIX, child_lock_triggers, raise_refusal

if TYPE_CHECKING:  # the listing door reads these names without sqlite-utils (issue 18)
    from sqlite_utils import Database

SCHEMA_V1 = """
CREATE TABLE statistics_tables (
    assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
    uid TEXT NOT NULL,
    position INTEGER NOT NULL,
    target TEXT NOT NULL DEFAULT '',
    topic TEXT NOT NULL,
    label TEXT NOT NULL DEFAULT '',
    unit TEXT NOT NULL,
    women REAL,
    men REAL,
    girls REAL,
    boys REAL,
    other REAL,
    total REAL,
    source TEXT NOT NULL DEFAULT '',
    year INTEGER,
    PRIMARY KEY (assessment_id, uid)
);

CREATE TABLE evidence_items (
    assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
    uid TEXT NOT NULL,
    position INTEGER NOT NULL,
    target TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    reference TEXT NOT NULL DEFAULT '',
    media_type TEXT NOT NULL DEFAULT '',
    size INTEGER NOT NULL DEFAULT 0,
    sha256 TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (assessment_id, uid)
);
CREATE INDEX evidence_items_sha256 ON evidence_items(sha256) WHERE sha256 != '';

CREATE TABLE evidence_files (
    sha256 TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    added TEXT NOT NULL,
    data BLOB NOT NULL
)
"""

CHILD_TABLES = ("statistics_tables", "evidence_items")
_FILE_CHANGED = f"{REFUSED_PREFIX}A stored evidence file cannot be changed"
_FILE_IN_USE = f"{REFUSED_PREFIX}An approved assessment attaches this file; it cannot be removed"


def lock_triggers_v1() -> list[tuple[str, str]]:
    """Approved assessments' statistics and evidence, and stored files, stay as they are."""
    triggers = child_lock_triggers(CHILD_TABLES)
    triggers.append(
        (
            "review_lock_evidence_files_update",
            "CREATE TRIGGER review_lock_evidence_files_update BEFORE UPDATE ON evidence_files "
            f"BEGIN {raise_refusal(_FILE_CHANGED)} END",
        )
    )
    triggers.append(
        (
            "review_lock_evidence_files_delete",
            "CREATE TRIGGER review_lock_evidence_files_delete BEFORE DELETE ON evidence_files "
            "WHEN EXISTS (SELECT 1 FROM evidence_items i JOIN assessments a "
            "ON a.id = i.assessment_id WHERE i.sha256 = OLD.sha256 AND a.status = 'approved') "
            f"BEGIN {raise_refusal(_FILE_IN_USE)} END",
        )
    )
    return triggers


def create_schema_v1(db: Database) -> None:
    """The tables of version 1 and their lock triggers."""
    for statement in SCHEMA_V1.split(";\n"):
        if statement.strip():
            db.execute(statement)
    for _name, statement in lock_triggers_v1():
        db.execute(statement)

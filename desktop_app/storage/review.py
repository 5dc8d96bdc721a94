"""Review comments, revisions of one decision and the audit trail, in the register.

Shares the repository's connection and transactions. Adding and addressing a comment
check the assessment's status again inside the transaction (another window may have
approved or returned it meanwhile) and write their audit entry with the change.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import datetime
from typing import Any

from desktop_app.domain.audit import AuditAction, AuditEntry, ChainReport
from desktop_app.domain.audit_summary import address_summary, comment_summary, revision_summary
from desktop_app.domain.errors import NotFoundError, WorkflowError
from desktop_app.domain.identity import Identity
from desktop_app.domain.model import Assessment, Status
from desktop_app.domain.register import RegisterRow
from desktop_app.domain.review import CommentTarget, ReviewComment
from desktop_app.storage import audit, rows
from desktop_app.storage.register import Register
from desktop_app.storage.repository import AssessmentRepository
from desktop_app.storage.sqlite_errors import describe_sqlite_error

# Statuses in which the caseworker may mark a comment addressed.
ADDRESSABLE = frozenset({Status.RETURNED, Status.DRAFT})


def check_commentable(stored: Assessment, assessment: Assessment) -> None:
    """A comment is made on the assessment as loaded, while it is in review (checked
    inside the writing transaction, on either engine)."""
    if stored.uid != assessment.uid:
        raise NotFoundError(f"Assessment {assessment.id} was deleted elsewhere")
    if stored.status is not Status.IN_REVIEW:
        raise WorkflowError(
            f"Comments are made while an assessment is in review; assessment "
            f"{assessment.id} is {stored.status.value}"
        )


def check_addressable(comment: ReviewComment, stored: Assessment) -> None:
    """A comment is addressed once, after its assessment was returned."""
    if comment.addressed:
        raise WorkflowError(f"Review comment {comment.id} is already addressed")
    if stored.status not in ADDRESSABLE:
        raise WorkflowError(
            f"Comments are addressed once the assessment is returned; assessment "
            f"{stored.id} is {stored.status.value}"
        )


def check_revisable(row: Mapping[str, Any] | None, previous: Assessment) -> None:
    """``previous`` as stored (``row``: uid, version, status, newest revision of its
    series) may get a new revision: unchanged since loaded, approved, the newest."""
    if row is None or row["uid"] != previous.uid:
        raise NotFoundError(f"Assessment {previous.id} was deleted elsewhere")
    if row["status"] != Status.APPROVED.value or row["version"] != previous.version:
        raise WorkflowError(
            f"Revision conflict: assessment {previous.id} is not approved as loaded "
            "(it changed elsewhere); reload it"
        )
    if row["newest"] != previous.revision:
        raise WorkflowError(
            f"Revision conflict: assessment {previous.id} (revision "
            f"{previous.revision}) already has a newer revision ({row['newest']})"
        )


def stored_assessment(row: Mapping[str, Any] | None, assessment_id: int) -> Assessment:
    """The stored assessment's register data (``row``: id, uid, revision, status; no
    children: a light read) that the checks above compare, on either engine."""
    if row is None:
        raise NotFoundError(f"No assessment with id {assessment_id}")
    return Assessment(
        "", "", id=row["id"], uid=row["uid"], revision=row["revision"],
        status=rows.known(rows.STATUSES, row["status"], row["id"], "status"),
    )  # fmt: skip


def found_comment(row: Mapping[str, Any] | None, comment_id: int) -> ReviewComment:
    """The comment of a lookup by id, or the same refusal on either engine."""
    if row is None:
        raise NotFoundError(f"No review comment with id {comment_id}")
    return rows.comment_from_row(row)


class ReviewStore:
    def __init__(self, repository: AssessmentRepository) -> None:
        self.repository = repository

    def _query(self, sql: str, params: Any = ()) -> list[dict[str, Any]]:
        return self.repository._query(sql, params)

    def _stored(self, assessment_id: int) -> Assessment:
        """The stored assessment's register data (no children: a light read)."""
        found = self._query(
            "SELECT id, uid, revision, status FROM assessments WHERE id = ?", [assessment_id]
        )
        return stored_assessment(found[0] if found else None, assessment_id)

    # Comments

    def comments(self, assessment_id: int) -> list[ReviewComment]:
        found = self._query(
            "SELECT * FROM review_comments WHERE assessment_id = ? ORDER BY id", [assessment_id]
        )
        return [rows.comment_from_row(r) for r in found]

    def comment(self, comment_id: int) -> ReviewComment:
        found = self._query("SELECT * FROM review_comments WHERE id = ?", [comment_id])
        return found_comment(found[0] if found else None, comment_id)

    def add_comment(
        self,
        assessment: Assessment,
        target: CommentTarget,
        text: str,
        actor: Identity,
        at: datetime,
    ) -> ReviewComment:
        assert assessment.id is not None
        with self.repository.transaction() as db:
            stored = self._stored(assessment.id)
            check_commentable(stored, assessment)
            comment = ReviewComment(
                id=0,  # issued by the table below
                assessment_id=assessment.id,
                target=target,
                text=text,
                author=actor.name,
                os_user=actor.os_user,
                created=at,
            )
            comment_id = rows.inserted_id(
                db.table("review_comments").insert(rows.comment_row(comment))
            )
            summary = comment_summary(comment_id, target, text)
            self.repository.record_in_audit_log(
                db, stored, AuditAction.COMMENT, summary, at=at, actor=actor
            )
        return replace(comment, id=comment_id)

    def address(self, comment_id: int, reply: str, actor: Identity, at: datetime) -> ReviewComment:
        with self.repository.transaction() as db:
            comment = self.comment(comment_id)
            stored = self._stored(comment.assessment_id)
            check_addressable(comment, stored)
            db.execute(
                "UPDATE review_comments SET addressed_at = ?, addressed_by = ?, reply = ? "
                "WHERE id = ?",
                [at.isoformat(), actor.name, reply, comment_id],
            )
            summary = address_summary(comment_id, reply)
            self.repository.record_in_audit_log(
                db, stored, AuditAction.ADDRESS, summary, at=at, actor=actor
            )
        return replace(comment, addressed_at=at, addressed_by=actor.name, reply=reply)

    # Revisions

    def create_revision(self, revision: Assessment, previous: Assessment) -> Assessment:
        """Store ``revision`` (a copy of ``previous`` with revision + 1) if ``previous``
        is, in the same transaction, unchanged, approved and the newest of its series."""
        assert previous.id is not None
        with self.repository.transaction():
            stored = self._query(
                "SELECT uid, version, status, (SELECT max(revision) FROM assessments n "
                "WHERE n.series_uid = a.series_uid) AS newest FROM assessments a WHERE id = ?",
                [previous.id],
            )
            check_revisable(stored[0] if stored else None, previous)
            return self.repository.create(
                revision,
                action=AuditAction.NEW_REVISION,
                summary=revision_summary(revision.revision, previous.id),
            )

    def revisions(self, series_uid: str) -> list[RegisterRow]:
        """Every revision of one decision, oldest first."""
        where = "WHERE r.assessment_id IN (SELECT id FROM assessments WHERE series_uid = ?)"
        tail = "ORDER BY r.revision, r.assessment_id"
        return self.repository.register().select(where, [series_uid], tail)

    def newest_revision(self, series_uid: str) -> int:
        found = self._query(
            "SELECT max(revision) AS newest FROM assessments WHERE series_uid = ?", [series_uid]
        )
        return int(found[0]["newest"] or 0)

    # Audit trail

    def history(self, assessment_id: int) -> list[AuditEntry]:
        """The audit entries of an assessment, oldest first; of a deleted one too (by
        id), as long as its id has not been reused."""
        found = self._query("SELECT uid FROM assessments WHERE id = ?", [assessment_id])
        conn = self.repository.db.conn
        if found:
            return audit.entries_for(conn, uid=found[0]["uid"])
        entries = audit.entries_for(conn, assessment_id=assessment_id)
        if not entries:
            raise NotFoundError(f"No assessment with id {assessment_id}")
        return entries

    def record_problems(self, assessment_id: int) -> list[str]:
        """Where one assessment's approval record disagrees with the audit log."""
        from desktop_app.storage.approval_records import record_problems

        return record_problems(self.repository.db.conn, assessment_id)

    def verify_audit(self) -> ChainReport:
        return audit.verify(self.repository.db.conn)

    def chain_head(self) -> str:
        """The audit log's newest entry as ``ID:HASH`` ("" for an empty log)."""
        return audit.chain_head(self.repository.db)

    def audit_check(self) -> Callable[[], ChainReport]:
        """``verify_audit`` for a worker thread: on a read-only connection of its own
        (this store's connection belongs to the thread that opened it)."""
        path = self.repository.path

        def check() -> ChainReport:
            with Register.open_reader(path) as reader:
                try:
                    return audit.verify(reader.conn)
                except sqlite3.Error as error:  # told to the user, like every storage error
                    raise describe_sqlite_error(error, path) from None

        return check

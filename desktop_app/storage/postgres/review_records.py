"""``app.ports.ReviewRecords`` on a server register: comments, revisions and the audit
trail, as ``storage.review.ReviewStore`` keeps them in a file.

The server names the people: a comment's author, the one who addresses it and every
audit entry are the login (``session_user``); the ``actor`` the use cases pass is not
written (row-level security refuses any other name). The status checks are the file's,
made again inside the transaction. The approval record's cross-check against the audit
log (``record_problems``) is ``approval_checks``'.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING, Any, LiteralString

from desktop_app.domain.audit import AuditAction, AuditEntry, ChainReport, verify_chain
from desktop_app.domain.audit_summary import address_summary, comment_summary, revision_summary
from desktop_app.domain.errors import NotFoundError, WorkflowError
from desktop_app.domain.identity import Identity
from desktop_app.domain.model import Assessment
from desktop_app.domain.register import RegisterRow
from desktop_app.domain.review import CommentTarget, ReviewComment
from desktop_app.storage import audit, rows
from desktop_app.storage.review import (
    check_addressable,
    check_commentable,
    check_revisable,
    found_comment,
    stored_assessment,
)

if TYPE_CHECKING:
    from desktop_app.storage.postgres.store import ServerStore

ENTRY_COLUMNS: LiteralString = audit.ALL_COLUMNS


class ServerReviewRecords:
    def __init__(self, store: ServerStore) -> None:
        self._store = store

    def _query(self, sql: LiteralString, params: Any = ()) -> list[dict[str, Any]]:
        return self._store._query(sql, params)

    def _stored(self, db: Any, assessment_id: int) -> Assessment:
        found = db.execute(
            "SELECT id, uid, revision, status FROM lika.assessments WHERE id = %s",
            [assessment_id],
        ).fetchone()
        return stored_assessment(found, assessment_id)

    # Comments

    def comments(self, assessment_id: int) -> list[ReviewComment]:
        found = self._query(
            "SELECT * FROM lika.review_comments WHERE assessment_id = %s ORDER BY id",
            [assessment_id],
        )
        return [rows.comment_from_row(r) for r in found]

    def comment(self, comment_id: int) -> ReviewComment:
        found = self._query("SELECT * FROM lika.review_comments WHERE id = %s", [comment_id])
        return found_comment(found[0] if found else None, comment_id)

    def add_comment(
        self,
        assessment: Assessment,
        target: CommentTarget,
        text: str,
        actor: Identity,
        at: datetime,
    ) -> ReviewComment:
        """A reviewer's comment, in the login's name (the server's policy)."""
        assert assessment.id is not None
        me = self._store.actor
        with self._store._transaction() as db:
            stored = self._stored(db, assessment.id)
            check_commentable(stored, assessment)
            comment = ReviewComment(
                id=0, assessment_id=assessment.id, target=target, text=text,
                author=me.name, os_user=me.os_user, created=at,
            )  # fmt: skip
            row = rows.comment_row(comment)
            del row["addressed_at"], row["addressed_by"], row["reply"]  # not a reviewer's
            found = db.execute(
                "INSERT INTO lika.review_comments (assessment_id, target, text, author, "
                "os_user, created) VALUES (%(assessment_id)s, %(target)s, %(text)s, "
                "%(author)s, %(os_user)s, %(created)s) RETURNING id",
                row,
            ).fetchone()
            assert found is not None  # RETURNING of an INSERT
            comment_id = int(found["id"])
            summary = comment_summary(comment_id, target, text)
            self._store._audit(db, stored, AuditAction.COMMENT, summary)
        return replace(comment, id=comment_id)

    def address(self, comment_id: int, reply: str, actor: Identity, at: datetime) -> ReviewComment:
        """The assessment's caseworker marks a comment addressed, in the login's name."""
        me = self._store.actor
        with self._store._transaction() as db:
            comment = self.comment(comment_id)
            stored = self._stored(db, comment.assessment_id)
            check_addressable(comment, stored)
            updated = db.execute(
                "UPDATE lika.review_comments SET addressed_at = %s, addressed_by = %s, "
                "reply = %s WHERE id = %s",
                [at.isoformat(), me.name, reply, comment_id],
            )
            if updated.rowcount != 1:
                raise WorkflowError(
                    f"Your login {me.name} may not address comments on assessment "
                    f"{stored.id}: its own caseworker does"
                )
            self._store._audit(db, stored, AuditAction.ADDRESS, address_summary(comment_id, reply))
        return replace(comment, addressed_at=at, addressed_by=me.name, reply=reply)

    # Revisions

    def create_revision(self, revision: Assessment, previous: Assessment) -> Assessment:
        """Store ``revision`` if ``previous`` is, in this transaction, unchanged,
        approved and the newest of its series (the unique index catches a race)."""
        assert previous.id is not None
        with self._store._transaction() as db:
            row = db.execute(
                "SELECT uid, version, status, (SELECT max(revision) FROM lika.assessments n "
                "WHERE n.series_uid = a.series_uid) AS newest FROM lika.assessments a "
                "WHERE id = %s",
                [previous.id],
            ).fetchone()
            check_revisable(row, previous)
            # A nested transaction (a savepoint) in this one.
            return self._store.create(
                revision,
                action=AuditAction.NEW_REVISION,
                summary=revision_summary(revision.revision, previous.id),
            )

    def revisions(self, series_uid: str) -> list[RegisterRow]:
        return self._store.register_rows(
            "WHERE r.assessment_id IN (SELECT id FROM lika.assessments WHERE series_uid = %s) "
            "ORDER BY r.revision, r.assessment_id",
            [series_uid],
        )

    def newest_revision(self, series_uid: str) -> int:
        found = self._query(
            "SELECT max(revision) AS newest FROM lika.assessments WHERE series_uid = %s",
            [series_uid],
        )
        return int(found[0]["newest"] or 0)

    # Audit trail

    def _entries(self, where: LiteralString = "", params: Any = ()) -> list[AuditEntry]:
        found = self._query(
            f"SELECT {ENTRY_COLUMNS} FROM lika.audit_log {where} ORDER BY id", params
        )
        return [audit.entry_from_row(list(r.values())) for r in found]

    def history(self, assessment_id: int) -> list[AuditEntry]:
        """As the file's: an assessment's entries (by uid; a deleted one's by id), with
        the register-wide entries made since its first."""
        found = self._query("SELECT uid FROM lika.assessments WHERE id = %s", [assessment_id])
        own: LiteralString = "assessment_uid = %(key)s" if found else "assessment_id = %(key)s"
        key = found[0]["uid"] if found else assessment_id
        entries = self._entries(
            f"WHERE {own} OR (assessment_uid = '' AND id > "
            f"(SELECT min(id) FROM lika.audit_log WHERE {own}))",
            {"key": key},
        )
        if not found and not entries:
            raise NotFoundError(f"No assessment with id {assessment_id}")
        return entries

    def verify_audit(self) -> ChainReport:
        """The whole chain, and that no entry after the newest was removed (the server's
        counter of issued ids)."""
        issued = self._query("SELECT last_id FROM lika.audit_issued")
        return verify_chain(self._entries(), last_issued_id=int(issued[0]["last_id"]))

    def chain_head(self) -> str:
        found = self._query("SELECT id, hash FROM lika.audit_log ORDER BY id DESC LIMIT 1")
        return f"{found[0]['id']}:{found[0]['hash']}" if found else ""

    def audit_check(self) -> Callable[[], ChainReport]:
        """``verify_audit`` on a connection of its own, for a worker thread."""
        from desktop_app.storage.postgres.store import ServerStore

        url = self._store.url

        def check() -> ChainReport:
            store = ServerStore.open(url)
            try:
                return ServerReviewRecords(store).verify_audit()
            finally:
                store.close()

        return check

    def record_problems(self, assessment_id: int) -> list[str]:
        """Where one assessment's approval record and the audit log disagree."""
        from desktop_app.storage.postgres.approval_checks import record_problems

        return record_problems(self._store._query, assessment_id)

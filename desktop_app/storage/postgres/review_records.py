"""``app.ports.ReviewRecords`` on a server register: the reads that editing and
submitting need (comments, the newest revision, the chain's head).

Writing comments and revisions and reading or checking the audit trail have no server
implementation yet: they raise ``NotOnServerError`` by name rather than doing half.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any, NoReturn

from desktop_app.domain.audit import AuditEntry, ChainReport
from desktop_app.domain.errors import NotFoundError
from desktop_app.domain.identity import Identity
from desktop_app.domain.model import Assessment
from desktop_app.domain.register import RegisterRow
from desktop_app.domain.review import CommentTarget, ReviewComment
from desktop_app.storage import rows
from desktop_app.storage.errors import NotOnServerError


class ServerReviewRecords:
    def __init__(self, store: Any) -> None:
        # A ``ServerStore`` (typed loosely: the port hands out ``AssessmentStore``).
        self._store = store

    def _query(self, sql: str, params: Any = ()) -> list[dict[str, Any]]:
        return list(self._store._query(sql, params))

    def comments(self, assessment_id: int) -> list[ReviewComment]:
        found = self._query(
            "SELECT * FROM lika.review_comments WHERE assessment_id = %s ORDER BY id",
            [assessment_id],
        )
        return [rows.comment_from_row(r) for r in found]

    def comment(self, comment_id: int) -> ReviewComment:
        found = self._query("SELECT * FROM lika.review_comments WHERE id = %s", [comment_id])
        if not found:
            raise NotFoundError(f"No review comment with id {comment_id}")
        return rows.comment_from_row(found[0])

    def newest_revision(self, series_uid: str) -> int:
        found = self._query(
            "SELECT max(revision) AS newest FROM lika.assessments WHERE series_uid = %s",
            [series_uid],
        )
        return int(found[0]["newest"] or 0)

    def chain_head(self) -> str:
        found = self._query("SELECT id, hash FROM lika.audit_log ORDER BY id DESC LIMIT 1")
        return f"{found[0]['id']}:{found[0]['hash']}" if found else ""

    # Not yet on a server register.

    @staticmethod
    def _not_yet(what: str) -> NoReturn:
        raise NotOnServerError(what)

    def record_problems(self, assessment_id: int) -> list[str]:
        self._not_yet("Checking the approval record")

    def add_comment(
        self,
        assessment: Assessment,
        target: CommentTarget,
        text: str,
        actor: Identity,
        at: datetime,
    ) -> ReviewComment:
        self._not_yet("Writing a review comment")

    def address(self, comment_id: int, reply: str, actor: Identity, at: datetime) -> ReviewComment:
        self._not_yet("Answering a review comment")

    def create_revision(self, revision: Assessment, previous: Assessment) -> Assessment:
        self._not_yet("Starting a new revision")

    def revisions(self, series_uid: str) -> list[RegisterRow]:
        self._not_yet("The list of revisions")

    def history(self, assessment_id: int) -> list[AuditEntry]:
        self._not_yet("The audit history")

    def verify_audit(self) -> ChainReport:
        self._not_yet("Checking the audit log")

    def audit_check(self) -> Callable[[], ChainReport]:
        self._not_yet("Checking the audit log")

"""Review and sign-off use cases, shared by the GUI and the CLI (``service.review``).

Implements CONTRACT-4. Additions to the contract (nothing in it changed):

- ``submit`` also refuses while review comments are not yet addressed, and submits a
  returned assessment directly (recorded as returned -> draft -> in_review);
- ``read_only_reason(a)`` says why ``is_read_only`` is true ("" when editable);
- ``comment(comment_id)`` reads one comment;
- ``ApprovalRecord.self_approved`` also counts an author field written "Name, title"
  (the name before the first comma), and an approver who submitted the assessment
  (``domain.review.is_self_approval``, the PDF's rule too);
- ``verify_fingerprint`` accepts a fingerprint as typed from paper (any case, with or
  without dashes and spaces): the printed 140-bit form, or all 64 hex digits; the older
  48-bit form is read but never proof (``Verdict.TOO_SHORT``); anything else is refused
  (InputError). Only an approval witnessed here or signed by a trusted key counts, and
  only while its record agrees with the audit log (issue 13).
- Domain extras: ``CommentTarget.parse`` raises ``CommentTargetError`` (an InputError and
  a ValueError); ``verify_chain(entries, last_issued_id=...)`` also catches removal of the
  newest entries; ``diff.compare(..., ground_order=, question_order=)`` orders grounds
  and answers as the checklists do (this service passes them), and its rows end with
  ``("assessment", "status")`` and ``("assessment", "revision")``; an IMPORT entry that
  replaced a stored assessment lists the fields it changed, like a SAVE.

Every refusal raises ``WorkflowError`` (or ``NotFoundError`` / ``InputError``) with a
clear message, and changes nothing.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import datetime
from typing import Protocol

from desktop_app.app.errors import ConflictError
from desktop_app.app.ports import AssessmentStore, Clock, ReviewRecords
from desktop_app.app.registers import review_records
from desktop_app.domain.audit import AuditEntry, ChainReport
from desktop_app.domain.checklist import Checklist
from desktop_app.domain.completeness import Gap
from desktop_app.domain.diff import DiffRow, compare
from desktop_app.domain.errors import ContentError, InputError, OpenCommentsError, WorkflowError
from desktop_app.domain.fingerprint import content_digest, fingerprint, read_given
from desktop_app.domain.identity import Identity
from desktop_app.domain.model import Assessment, Status, StatusChange, new_uid
from desktop_app.domain.register import RegisterRow
from desktop_app.domain.review import (
    ApprovalRecord,
    CommentTarget,
    FingerprintCheck,
    ReviewComment,
    Verdict,
    approval_record,
    check_target,
    judge_fingerprint,
    unverified_claim,
)
from desktop_app.domain.workflow import EDITABLE, Lock, change_status, lock
from desktop_app.keys import KeyStore


class Workbench(Protocol):
    """What review needs from the assessment service that owns it (``service.review``):
    the register, who acts and when, and an assessment's checklists and gaps. Named here
    so review and the service do not reach into each other."""

    repository: AssessmentStore
    identity: Identity
    clock: Clock
    keys: KeyStore

    def gaps(self, assessment: Assessment) -> list[Gap]: ...

    def checklists_for(self, assessment: Assessment) -> list[Checklist]: ...


MAX_COMMENT = 10_000  # characters; a comment is a note, not a document


class ReviewService:
    """Statuses, comments, revisions, approvals and the audit trail of assessments."""

    def __init__(self, service: Workbench) -> None:
        self._service = service
        self.store: ReviewRecords = review_records(service.repository)

    @property
    def repository(self) -> AssessmentStore:
        return self._service.repository

    def _now(self) -> datetime:
        return self._service.clock()

    # Read-only and status changes

    def lock(self, a: Assessment) -> Lock:
        """Whether, and why, ``a`` is read-only now (``domain.workflow.lock``, with the
        newest revision in the register)."""
        stored = a.id is not None and a.status in EDITABLE
        return lock(a, self.store.newest_revision(a.series_uid) if stored else None)

    def read_only_reason(self, a: Assessment) -> str:
        """Why ``a`` cannot be edited now, or "" if it can."""
        reason = self.lock(a)
        if reason is Lock.APPROVED:
            return "An approved assessment cannot be changed; start a new revision"
        if reason is Lock.IN_REVIEW:
            return "The assessment is in review; it can be edited once the reviewer returns it"
        if reason is Lock.OLDER_REVISION:
            newest = self.store.newest_revision(a.series_uid)
            return (
                f"This is revision {a.revision}; revision {newest} is newer, "
                "so changes belong there"
            )
        return ""

    def is_read_only(self, a: Assessment) -> bool:
        """In review or approved, or not the newest revision of its decision."""
        return bool(self.read_only_reason(a))

    def can_comment(self, a: Assessment) -> bool:
        """Whether a reviewer may comment on, approve or return ``a``: a stored one in
        review. The actions still check it, in the transaction that acts."""
        return a.id is not None and a.status is Status.IN_REVIEW

    def can_revise(self, a: Assessment) -> bool:
        """Whether ``new_revision(a)`` is allowed: approved and the newest revision."""
        return (
            a.id is not None
            and a.status is Status.APPROVED
            and self.store.newest_revision(a.series_uid) == a.revision
        )

    def submit(self, a: Assessment, comment: str = "") -> StatusChange:
        """Draft or returned -> in review; refused while incomplete (naming what is
        missing) or while a review comment is not addressed."""
        if a.status not in EDITABLE:
            raise WorkflowError(
                f"Only a draft or returned assessment can be submitted; this one is "
                f"{a.status.value}"
            )
        if a.id is not None:
            open_comments = [c for c in self.comments(a.id) if not c.addressed]
            if open_comments:
                raise OpenCommentsError(
                    f"{len(open_comments)} review comment(s) are not addressed yet "
                    f"(first: {open_comments[0].id}); address them before submitting again",
                    len(open_comments),
                )
        changes: list[StatusChange] = []
        before = a.status
        try:
            if a.status is Status.RETURNED:
                changes.append(self.status_change(a, Status.DRAFT))
            changes.append(self.status_change(a, Status.IN_REVIEW, comment))
            self.repository.record_status_change(a, *changes)
        except Exception:
            a.status = before
            raise
        return changes[-1]

    def approve(self, a: Assessment, comment: str = "") -> StatusChange:
        """In review -> approved, storing the fingerprint of the stored content."""
        if a.status is Status.IN_REVIEW and a.id is not None:
            stored = self.repository.get(a.id)
            if stored.version != a.version:
                raise ConflictError(
                    "This assessment was changed elsewhere; reload it before approving it"
                )
            if fingerprint(stored) != fingerprint(a):
                raise WorkflowError(
                    "What is shown differs from what is stored; reload the assessment "
                    "before approving it"
                )
        return self.record_status(a, Status.APPROVED, comment)

    def _signed(self, a: Assessment, change: StatusChange) -> StatusChange:
        """An approval made here, signed with the approver's key (``approvals``)."""
        from desktop_app.app.approvals import signed

        return signed(self._service.keys, a, change)

    def unsigned_reason(self, change: StatusChange) -> str:
        """For an approval made here that could not be signed: why (the user is told:
        it stands in this register, but a copy in an exchange file arrives unverified);
        "" otherwise."""
        from desktop_app.app.approvals import signing_problem

        if change.to_status is not Status.APPROVED or change.signature:
            return ""
        return signing_problem(self._service.keys) or "the approver key could not be used"

    def return_for_changes(self, a: Assessment, comment: str = "") -> StatusChange:
        """In review -> returned, for the caseworker to address the comments."""
        return self.record_status(a, Status.RETURNED, comment)

    def status_change(self, a: Assessment, to: Status, comment: str = "") -> StatusChange:
        """Move ``a`` to ``to`` in memory by the workflow rules, as done by the service's
        identity now (``WorkflowError`` if not allowed); the caller stores it."""
        return change_status(
            a,
            to,
            actor=self._service.identity.name,
            os_user=self._service.identity.os_user,
            at=self._now(),
            gaps=self._service.gaps(a),
            comment=comment,
            role=self._service.identity.role,
        )

    def record_status(self, a: Assessment, to: Status, comment: str = "") -> StatusChange:
        """Move ``a`` to ``to`` and store it; ``a`` keeps its status if that fails."""
        before = a.status
        change = self._signed(a, self.status_change(a, to, comment))
        try:
            self.repository.record_status_change(a, change)
        except Exception:
            a.status = before
            raise
        return change

    def open_return(self, a: Assessment) -> StatusChange | None:
        """The return from review the caseworker is working on: the last return since
        the last submission, while ``a`` is returned or a draft again; else None."""
        if a.id is None or a.status not in (Status.RETURNED, Status.DRAFT):
            return None
        for change in reversed(self.repository.status_history(a.id)):
            if change.to_status is Status.IN_REVIEW:
                return None
            if change.to_status is Status.RETURNED:
                return change
        return None

    # Comments

    def comments(self, assessment_id: int) -> list[ReviewComment]:
        """Every comment on the assessment, oldest first."""
        return self.store.comments(assessment_id)

    def comment(self, comment_id: int) -> ReviewComment:
        return self.store.comment(comment_id)

    def add_comment(self, a: Assessment, target: CommentTarget, text: str) -> ReviewComment:
        """A reviewer's comment on a step, ground or measure, while in review."""
        text = text.strip()
        if not text:
            raise InputError("A review comment needs some text")
        if len(text) > MAX_COMMENT:
            raise InputError(f"A review comment can be at most {MAX_COMMENT} characters")
        if a.id is None:
            raise InputError("Only a stored assessment can be commented on")
        if not self.can_comment(a):
            raise WorkflowError(
                f"Comments are made while an assessment is in review; this one is {a.status.value}"
            )
        check_target(a, target, [g.key for c in self._checklists(a) for g in c.grounds])
        return self.store.add_comment(a, target, text, self._service.identity, self._now())

    def address_comment(self, comment_id: int, reply: str = "") -> ReviewComment:
        """The caseworker marks a comment addressed (returned or draft only)."""
        return self.store.address(comment_id, reply.strip(), self._service.identity, self._now())

    # Revisions

    def new_revision(self, a: Assessment) -> Assessment:
        """A stored draft copy of an approved assessment, revision + 1, linked to it."""
        if a.id is None or a.status is not Status.APPROVED:
            raise WorkflowError(
                f"Revision conflict: only an approved assessment can be revised; this one "
                f"is {a.status.value}"
            )
        revision = copy.deepcopy(a)
        revision.id = None
        revision.uid = new_uid()
        revision.series_uid = a.series_uid
        revision.revision = a.revision + 1
        revision.previous_id = a.id
        revision.status = Status.DRAFT
        revision.created = revision.updated = None
        revision.version = 0
        return self.store.create_revision(revision, a)

    def revisions(self, series_uid: str) -> list[RegisterRow]:
        """All revisions of one decision, oldest first."""
        return self.store.revisions(series_uid)

    def previous_revision(self, a: Assessment) -> int | None:
        """The id of the revision before ``a`` (None for the first, or when it is gone)."""
        return next(
            (s.id for s in self.revisions(a.series_uid) if s.revision == a.revision - 1),
            a.previous_id,
        )

    def newest_revision(self, a: Assessment) -> int:
        """The newest revision number of ``a``'s decision in the register."""
        return max(self.store.newest_revision(a.series_uid), a.revision)

    def compare(self, left_id: int, right_id: int) -> list[DiffRow]:
        """Every field and answer of two assessments side by side, in the PDF's order."""
        left, right = self.repository.get(left_id), self.repository.get(right_id)
        checklists = [c for a in (right, left) for c in self._checklists(a)]
        return compare(
            left,
            right,
            ground_order=[g.key for c in checklists for g in c.grounds],
            question_order=[q.id for c in checklists for q in c.questions()],
        )

    def _checklists(self, a: Assessment) -> list[Checklist]:
        """The assessment's checklists, or none if one is not installed here."""
        try:
            return list(self._service.checklists_for(a))
        except ContentError:
            return []

    # Approval and fingerprint

    def approval(self, a: Assessment) -> ApprovalRecord | None:
        """The approval of this revision, if it was approved."""
        if a.id is None:
            return None
        return approval_record(a, self.repository.status_history(a.id))

    def claimed_approval(self, a: Assessment) -> ApprovalRecord | None:
        """The unverified approval an exchange file claimed for ``a``, if its history
        ends in one (``a`` is then in review)."""
        if a.id is None:
            return None
        return unverified_claim(a.decision.author, self.repository.status_history(a.id))

    def record_problems(self, assessment_id: int) -> list[str]:
        """Where this assessment's approval record disagrees with the audit log."""
        return self.store.record_problems(assessment_id)

    def verify_fingerprint(self, assessment_id: int, given: str) -> FingerprintCheck:
        """Whether ``given`` (from a printout) is the fingerprint this revision was
        approved with, by an approval this register trusts, on content unchanged since."""
        read = read_given(given)
        if read is None:
            raise InputError(
                f"{given!r} is not a fingerprint (7 groups of 4 letters and digits, as "
                "printed on the PDF, e.g. 5NRH-CGNQ-4TR4-80B2-FJMZ-QB1J-YQ45)"
            )
        a = self.repository.get(assessment_id)
        history = self.repository.status_history(assessment_id)
        record = approval_record(a, history)
        claim = unverified_claim(a.decision.author, history)
        problems = tuple(self.record_problems(assessment_id))
        approved = record.fingerprint if record is not None else ""
        weak = False
        if record is None or a.status is not Status.APPROVED:
            verdict = Verdict.NOT_APPROVED
        elif problems:
            verdict = Verdict.TAMPERED
        elif not approved:
            verdict = Verdict.NO_FINGERPRINT
        else:
            verdict, weak = judge_fingerprint(read, record, content_digest(a))
        return FingerprintCheck(
            verdict=verdict,
            given=read[1],
            approved=approved,
            revision=a.revision,
            current=fingerprint(a),
            approval=record if a.status is Status.APPROVED else None,
            claim=claim,
            weak_match=weak,
            problems=problems,
        )

    # Audit trail

    def history(self, assessment_id: int) -> list[AuditEntry]:
        """What happened to the assessment, oldest first."""
        return self.store.history(assessment_id)

    def chain_head(self) -> str:
        """The audit log's newest entry as ``ID:HASH`` ("" for an empty log), printed on
        PDFs and kept with exports so ``lika check --against`` can compare later."""
        return self.store.chain_head()

    def verify_audit(self) -> ChainReport:
        """Check the whole audit log's hash chain."""
        return self.store.verify_audit()

    def audit_check(self) -> Callable[[], ChainReport]:
        """``verify_audit`` to call on a worker thread (it reads the whole log: seconds
        on a large register); it opens a read-only connection of its own."""
        return self.store.audit_check()

    def revisions_with_approvals(
        self, series_uid: str
    ) -> list[tuple[RegisterRow, ApprovalRecord | None]]:
        """Every revision of one decision, oldest first, with its approval (None unless
        approved: approval is final, so only an approved revision has one). Reads the
        summaries and the status history of the approved revisions, no assessment."""
        found: list[tuple[RegisterRow, ApprovalRecord | None]] = []
        for summary in self.revisions(series_uid):
            approval = None
            if summary.status is Status.APPROVED:
                history = self.repository.status_history(summary.id)
                approval = ApprovalRecord.from_history(summary.author, history)
            found.append((summary, approval))
        return found

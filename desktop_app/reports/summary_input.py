"""What the PDF summary shows, gathered by the caller (CLI, editor, review).

``reporting.summary_input`` fills the review comments and the recorded approval from
the review service; both stay optional here, so a caller without them gets what the
status history shows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from desktop_app.domain.checklist import Checklist, Ground
from desktop_app.domain.fingerprint import is_legacy, matches_content, shown
from desktop_app.domain.identity import with_role
from desktop_app.domain.model import Assessment, Language, Status, StatusChange
from desktop_app.domain.review import approval_record, decisive_change
from desktop_app.domain.vocabulary import Vocabulary
from desktop_app.reports.output import Attachment


@dataclass(frozen=True)
class ReviewNote:
    """A reviewer's comment, on the whole assessment or on one step or ground."""

    author: str
    at: datetime
    text: str
    about: str = ""  # a step key ("decision", "measures", ...) or a ground key; "" = all
    addressed_by: str = ""  # the caseworker who marked it addressed ("" = still open)
    reply: str = ""  # what they wrote when they did


@dataclass(frozen=True)
class Approval:
    """The recorded approval: who, when, and the fingerprint they approved.
    ``self_approved`` follows ``domain.review.is_self_approval``."""

    approver: str
    at: datetime
    fingerprint: str = ""  # as printed (the older 48-bit form as it was recorded)
    self_approved: bool = False
    comment: str = ""
    matches_content: bool | None = None  # None: compare ``fingerprint`` with the page's
    legacy: bool = False  # recorded in the older, weaker 48-bit form
    signed: bool = False  # arrived in a file, signed by a key the register trusts
    approver_role: str = ""  # the approver's role title when they approved

    @property
    def signed_by(self) -> str:
        """The approver with their role title: "Anna Berg, enhetschef"."""
        return with_role(self.approver, self.approver_role)


@dataclass(frozen=True)
class SummaryInput:
    assessment: Assessment
    checklists: Sequence[Checklist]
    vocabulary: Vocabulary
    history: Sequence[StatusChange]
    generated: date
    language: Language
    review_notes: Sequence[ReviewNote] = field(default=())
    approval: Approval | None = None
    # The exchange file the PDF carries (``lika import FILE.pdf``); None: a plain PDF/A-2b.
    attachment: Attachment | None = None
    # The decision type's name in the PDF's language ("" for none chosen).
    decision_type_name: str = ""
    # An approval an exchange file claimed that the register could not verify.
    claim: Approval | None = None
    # The audit log's newest hash when the PDF was made (``lika check --against``).
    chain_head: str = ""

    @property
    def grounds(self) -> list[Ground]:
        return [g for c in self.checklists for g in c.grounds]

    @property
    def decisive_change(self) -> StatusChange | None:
        return decisive_change(self.history)

    @property
    def effective_approval(self) -> Approval | None:
        """The approval given by the caller, else the one the history records."""
        if self.approval is not None:
            return self.approval
        if self.assessment.status is not Status.APPROVED:
            return None
        change = self.decisive_change
        if change is None or change.to_status is not Status.APPROVED:
            return None
        record = approval_record(self.assessment, self.history)
        return Approval(
            approver=change.actor,
            at=change.at,
            fingerprint=shown(change.fingerprint),
            self_approved=record is not None and record.self_approved,
            matches_content=matches_content(change.fingerprint, self.assessment),
            legacy=is_legacy(change.fingerprint),
            comment=change.comment,
            approver_role=change.role,
        )

    @property
    def reviewer(self) -> str:
        approval = self.effective_approval
        if approval is not None:
            return approval.signed_by
        change = self.decisive_change
        return change.by if change else ""

"""The revisions of one decision as a table: number, status, when, and who approved
which content (the approval's fingerprint)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt

from desktop_app.domain.identity import with_role
from desktop_app.domain.register import RegisterRow
from desktop_app.domain.review import ApprovalRecord
from desktop_app.ui.context import UiContext
from desktop_app.ui.list_table_model import Index, ListTableModel

REVISION, STATUS, UPDATED, APPROVER, APPROVED_AT, FINGERPRINT, SELF_APPROVED = range(7)


@dataclass(frozen=True)
class RevisionInfo:
    summary: RegisterRow
    approval: ApprovalRecord | None


def person(name: str, os_user: str, role: str = "") -> str:
    """A display name (with its role title) and the computer account beside it when
    the account differs from the name."""
    shown = with_role(name, role)
    if not os_user or os_user == name:
        return shown
    return f"{shown} ({os_user})"


class RevisionsModel(ListTableModel[RevisionInfo]):
    def __init__(self, context: UiContext, revisions: Sequence[RevisionInfo] = ()) -> None:
        super().__init__()
        self.context = context
        self.headers = (
            self.tr("Revision"),
            self.tr("Status"),
            self.tr("Updated"),
            self.tr("Approved by"),
            self.tr("Approved on"),
            self.tr("Approved fingerprint"),
            self.tr("Self-approved"),
        )
        self._rows = list(revisions)

    def revision_at(self, row: int) -> RevisionInfo:
        return self.row_at(row)

    def row_of(self, assessment_id: int) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.summary.id == assessment_id), None)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        info = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(info, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == FINGERPRINT and info.approval is not None:
                return self.tr(
                    "The fingerprint of the content that was approved. It is printed on "
                    "every page of the PDF of this revision."
                )
            if column == SELF_APPROVED and info.approval and info.approval.self_approved:
                return self.tr("Approved by the same person who wrote the assessment.")
            return self._text(info, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == REVISION:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, info: RevisionInfo, column: int) -> str:
        summary, approval = info.summary, info.approval
        if column == REVISION:
            return str(summary.revision)
        if column == STATUS:
            return self.context.label(summary.status)
        if column == UPDATED:
            return self.context.short_date(summary.updated)
        if approval is None:
            return ""
        if column == APPROVER:
            return person(approval.approver, approval.os_user, approval.approver_role)
        if column == APPROVED_AT:
            return self.context.short_date(approval.at)
        if column == FINGERPRINT:
            if approval.legacy:
                return self.tr("%1 (older, 48-bit form)").replace("%1", approval.printed)
            return approval.printed
        return self.tr("Yes, by the author") if approval.self_approved else self.tr("No")

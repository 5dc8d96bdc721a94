"""The review comments of one assessment as a list beside the review document: what
each is about and whether it is addressed, the text, who wrote it and when."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from desktop_app.domain.review import ReviewComment
from desktop_app.ui.field_names import shorten
from desktop_app.ui.review.targets import TargetNames

Index = QModelIndex | QPersistentModelIndex


class CommentsModel(QAbstractListModel):
    def __init__(self, names: TargetNames) -> None:
        super().__init__()
        self.names = names
        self._comments: list[ReviewComment] = []

    def set_comments(self, comments: Sequence[ReviewComment]) -> None:
        self.beginResetModel()
        self._comments = list(comments)
        self.endResetModel()

    def comment(self, row: int) -> ReviewComment:
        return self._comments[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._comments)

    def summary(self, comment: ReviewComment) -> str:
        """Three lines: state and target, the start of the text, who and when."""
        names = self.names
        head = f"{'✓' if comment.addressed else '✉'} {names.state(comment)} · "
        body = shorten(comment.text, 90)
        return f"{head}{names.name(comment.target)}\n{body}\n{names.written(comment)}"

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        comment = self._comments[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.summary(comment)
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n\n".join(x for x in (comment.text, self.names.reply(comment)) if x)
        return None

"""The register as a Qt table model that fetches rows page by page as the view scrolls,
so a register of 100,000 assessments opens as fast as one of ten."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desktop_app.domain.model import AssessmentSummary, Status
from desktop_app.storage.repository import AssessmentRepository
from desktop_app.ui.context import UiContext

PAGE_SIZE = 200
COLUMNS = (
    "title",
    "case_number",
    "unit",
    "decision_body",
    "status",
    "revision",
    "author",
    "updated",
)
Index = QModelIndex | QPersistentModelIndex


class AssessmentTableModel(QAbstractTableModel):
    def __init__(self, context: UiContext, repository: AssessmentRepository) -> None:
        super().__init__()
        self.context = context
        self.repository = repository
        self._rows: list[AssessmentSummary] = []
        self._total = 0
        self._status: Status | None = None
        self._search = ""
        self.refresh()

    def set_filter(self, *, status: Status | None, search: str) -> None:
        self._status, self._search = status, search
        self.refresh()

    def refresh(self) -> None:
        """Forget loaded rows and load the first page again."""
        self.beginResetModel()
        self._total = self.repository.count(status=self._status, search=self._search)
        self._rows = self._page(0)
        self.endResetModel()

    def _page(self, offset: int) -> list[AssessmentSummary]:
        return self.repository.list_summaries(
            status=self._status, search=self._search, limit=PAGE_SIZE, offset=offset
        )

    @property
    def total(self) -> int:
        return self._total

    def summary(self, row: int) -> AssessmentSummary:
        return self._rows[row]

    def row_of(self, assessment_id: int) -> int | None:
        return next((i for i, s in enumerate(self._rows) if s.id == assessment_id), None)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if parent.isValid():
            return
        more = self._page(len(self._rows))
        if not more:
            self._total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation is not Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        column = COLUMNS[section]
        if column in ("status", "revision"):
            return self.context.term(f"pdf.{column}")
        if column == "updated":
            return self.tr("Updated")
        return self.context.field(("decision", column))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        summary = self._rows[index.row()]
        column = COLUMNS[index.column()]
        if column == "status":
            return self.context.label(summary.status)
        if column == "updated":
            return self.context.short_date(summary.updated)
        return getattr(summary, column)

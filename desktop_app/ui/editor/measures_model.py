"""The measures of the open assessment as a Qt table model (read-only view; the form
beside it edits the selected measure)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desktop_app.domain.model import Measure
from desktop_app.ui.context import UiContext
from desktop_app.ui.editor.document import AssessmentDocument

COLUMNS = ("description", "owner", "deadline", "status")
Index = QModelIndex | QPersistentModelIndex


class MeasuresModel(QAbstractTableModel):
    def __init__(self, context: UiContext, document: AssessmentDocument) -> None:
        super().__init__()
        self.context = context
        self.document = document
        document.measuresChanged.connect(self._reset)
        document.valueChanged.connect(self._on_value_changed)

    def _reset(self) -> None:
        self.beginResetModel()
        self.endResetModel()

    def _on_value_changed(self, path: tuple[str, ...]) -> None:
        if path[0] != "measure" or path[2] not in COLUMNS:
            return
        for row, measure in enumerate(self.document.assessment.measures):
            if measure.uid == path[1]:
                index = self.index(row, COLUMNS.index(path[2]))
                self.dataChanged.emit(index, index)

    def measure(self, row: int) -> Measure:
        return self.document.assessment.measures[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.document.assessment.measures)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.context.field(("measure", COLUMNS[section]))
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        measure = self.measure(index.row())
        column = COLUMNS[index.column()]
        if column == "deadline":
            return self.context.short_date(measure.deadline)
        if column == "status":
            return self.context.label(measure.status)
        text = getattr(measure, column)
        return text.splitlines()[0] if text and role == Qt.ItemDataRole.DisplayRole else text

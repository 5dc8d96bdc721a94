"""Sex-disaggregated statistics on the decision page and each ground page.

A section lists the tables of one target (the decision, or one ground); each table has
what it counts, what it is about (people affected or one of the 3R), counts or
percentages, source and year, and a small grid of figures by sex whose sum row and
check line update as the figures are typed. Every change replaces the table as a whole
through ``AssessmentDocument.edit_items``, so it can be undone like any other edit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.statistics import (
    EARLIEST_YEAR,
    LATEST_YEAR,
    SEX_ROWS,
    FigureUnit,
    StatisticsTable,
    StatisticsTopic,
    check_table,
)
from desktop_app.domain.statistics_text import finding_text, number
from desktop_app.ui.context import UiContext
from desktop_app.ui.editor.document import AssessmentDocument
from desktop_app.ui.editor.widgets import enum_combo, wrapped_label

Index = QModelIndex | QPersistentModelIndex
SUM_ROW = len(SEX_ROWS)
TOTAL_ROW = SUM_ROW + 1


class StatisticsTableModel(QAbstractTableModel):
    """One table's figures: a row per sex, the sum (computed) and the stated total."""

    def __init__(
        self,
        context: UiContext,
        table: StatisticsTable,
        changed: Callable[[StatisticsTable], None],
        *,
        editable: bool = True,
    ) -> None:
        super().__init__()
        self.context = context
        self.table = table
        self._changed = changed
        self.editable = editable

    def show(self, table: StatisticsTable) -> None:
        self.table = table
        self.dataChanged.emit(self.index(0, 0), self.index(TOTAL_ROW, 0))
        self.headerDataChanged.emit(Qt.Orientation.Vertical, TOTAL_ROW, TOTAL_ROW)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else TOTAL_ROW + 1

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 1

    def _row_name(self, row: int) -> str:
        if row < SUM_ROW:
            return self.context.term(f"statistics.row.{SEX_ROWS[row]}")
        if row == SUM_ROW:
            return self.context.term("statistics.row.sum")
        key = "total" if self.table.unit is FigureUnit.COUNT else "base"
        return self.context.term(f"statistics.row.{key}")

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation is Qt.Orientation.Horizontal:
            return self.context.label(self.table.unit)
        return self._row_name(section)

    def _value(self, row: int) -> float | None:
        if row < SUM_ROW:
            return self.table.figure(SEX_ROWS[row])
        if row == SUM_ROW:
            return self.table.sum
        return self.table.total

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        value = self._value(index.row())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return number(value, self.context.language)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and index.row() == SUM_ROW:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{self._row_name(index.row())}: {number(value, self.context.language) or '–'}"
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.editable and index.row() != SUM_ROW:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.row() == SUM_ROW:
            return False
        parsed = parse_figure(str(value))
        if parsed is False:
            return False
        row = index.row()
        if row < SUM_ROW:
            table = self.table.with_figure(SEX_ROWS[row], parsed)
        else:
            table = replace(self.table, total=parsed)
        if table != self.table:
            self.table = table
            self._changed(table)
        return True


def parse_figure(text: str) -> float | bool | None:
    """A typed figure: empty is none; a decimal comma or point; spaces as thousands
    separators. False for anything that is not a number."""
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "").replace("%", "")
    if not cleaned:
        return None
    try:
        return float(cleaned.replace(",", "."))
    except ValueError:
        return False


class StatisticsTableEditor(QFrame):
    """One table: its description fields, the grid of figures and the check line."""

    def __init__(
        self,
        context: UiContext,
        table: StatisticsTable,
        changed: Callable[[StatisticsTable], None],
        removed: Callable[[str], None],
        *,
        editable: bool,
    ) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.context = context
        self.table = table
        self._changed = changed
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)

        def name(widget: QWidget, key: str) -> QWidget:
            widget.setAccessibleName(context.term(key))
            form.addRow(context.term(key), widget)
            return widget

        self.label = QLineEdit()
        name(self.label, "statistics.label")
        self.label.editingFinished.connect(lambda: self._set(label=self.label.text()))
        self.topic: QComboBox = enum_combo(
            ((t, context.label(t)) for t in StatisticsTopic), context.term("statistics.topic")
        )
        name(self.topic, "statistics.topic")
        self.topic.activated.connect(
            lambda _i: self._set(topic=StatisticsTopic(self.topic.currentData()))
        )
        self.unit: QComboBox = enum_combo(
            ((u, context.label(u)) for u in FigureUnit), context.term("statistics.unit")
        )
        name(self.unit, "statistics.unit")
        self.unit.activated.connect(lambda _i: self._set(unit=FigureUnit(self.unit.currentData())))
        self.source = QLineEdit()
        name(self.source, "statistics.source")
        self.source.editingFinished.connect(lambda: self._set(source=self.source.text()))
        self.year = QSpinBox()
        self.year.setRange(EARLIEST_YEAR - 1, LATEST_YEAR)
        self.year.setSpecialValueText("–")
        self.year.setGroupSeparatorShown(False)
        name(self.year, "statistics.year")
        self.year.editingFinished.connect(self._year_edited)

        self.model = StatisticsTableModel(context, table, self._grid_changed, editable=editable)
        self.grid = QTableView()
        self.grid.setModel(self.model)
        self.grid.setAccessibleName(context.term("statistics.heading"))
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.horizontalHeader().setMinimumSectionSize(1)  # narrow panes at 200 %
        self.grid.setMinimumWidth(1)
        rows = self.grid.verticalHeader()
        rows.setDefaultSectionSize(self.grid.fontMetrics().height() + 8)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.grid.setEditTriggers(
            QAbstractItemView.EditTrigger.AllEditTriggers
            if editable
            else QAbstractItemView.EditTrigger.NoEditTriggers
        )
        self.grid.setFixedHeight(
            self.grid.horizontalHeader().sizeHint().height()
            + self.grid.verticalHeader().length()
            + 2 * self.grid.frameWidth()
            + 2
        )
        layout.addWidget(self.grid)
        self.check = wrapped_label("")
        self.check.setAccessibleName(context.term("statistics.heading"))
        layout.addWidget(self.check)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.remove = QPushButton(self.tr("Remove table"))
        self.remove.clicked.connect(lambda: removed(self.table.uid))
        buttons.addWidget(self.remove)
        layout.addLayout(buttons)
        self.show_table(table)

    def show_table(self, table: StatisticsTable) -> None:
        """Show ``table`` (after an undo, or an edit elsewhere) without editing it."""
        self.table = table
        for widget, text in ((self.label, table.label), (self.source, table.source)):
            if widget.text() != text:
                widget.setText(text)
        for combo, value in ((self.topic, table.topic), (self.unit, table.unit)):
            combo.setCurrentIndex(max(0, combo.findData(value)))
        self.year.blockSignals(True)
        self.year.setValue(table.year if table.year is not None else self.year.minimum())
        self.year.blockSignals(False)
        self.model.show(table)
        self._show_check()

    def _show_check(self) -> None:
        findings = check_table(self.table)
        if findings:
            texts = [finding_text(self.context.content.vocabulary, f, self.context.language)
                     for f in findings]  # fmt: skip
            self.check.setText("⚠ " + " ".join(texts))
        else:
            self.check.setText("✓ " + self.context.term("statistics.checks"))

    def _year_edited(self) -> None:
        value = self.year.value()
        self._set(year=None if value < EARLIEST_YEAR else value)

    def _set(self, **values: Any) -> None:
        table = replace(self.table, **values)
        if table != self.table:
            self._grid_changed(table)

    def _grid_changed(self, table: StatisticsTable) -> None:
        self.table = table
        self.model.show(table)
        self._show_check()
        self._changed(table)


class StatisticsSection(QGroupBox):
    """The statistics tables of one target: the decision (``""``) or a ground's key."""

    def __init__(self, context: UiContext, document: AssessmentDocument, target: str = "") -> None:
        super().__init__(context.term("statistics.heading"))
        self.context = context
        self.document = document
        self.target = target
        self.editors: dict[str, StatisticsTableEditor] = {}
        layout = QVBoxLayout(self)
        self.list = QVBoxLayout()
        layout.addLayout(self.list)
        self.empty = wrapped_label(self.tr("No statistics yet."), muted=True)
        layout.addWidget(self.empty)
        self.add = QPushButton(self.tr("Add statistics table"))
        self.add.clicked.connect(self.add_table)
        row = QHBoxLayout()
        row.addWidget(self.add)
        row.addStretch(1)
        layout.addLayout(row)
        document.itemsChanged.connect(self._on_items_changed)
        self.refresh()

    def tables(self) -> list[StatisticsTable]:
        return [t for t in self.document.assessment.statistics if t.target == self.target]

    def add_table(self) -> None:
        tables = [*self.document.assessment.statistics, StatisticsTable(target=self.target)]
        self.document.edit_items("statistics", tables, self.tr("Add statistics table"))

    def _changed(self, table: StatisticsTable) -> None:
        tables = [table if t.uid == table.uid else t for t in self.document.assessment.statistics]
        self.document.edit_items("statistics", tables, self.tr("Change statistics"))

    def _removed(self, uid: str) -> None:
        tables = [t for t in self.document.assessment.statistics if t.uid != uid]
        self.document.edit_items("statistics", tables, self.tr("Remove statistics table"))

    def _on_items_changed(self, kind: str) -> None:
        if kind == "statistics":
            self.refresh()

    def refresh(self) -> None:
        """Bring the editors in line with the document: update in place when the same
        tables are there (so typing is never interrupted), else rebuild."""
        tables = self.tables()
        editable = not self.document.read_only
        if [t.uid for t in tables] == list(self.editors):
            for t in tables:
                if self.editors[t.uid].table != t:
                    self.editors[t.uid].show_table(t)
        else:
            for editor in self.editors.values():
                editor.setParent(None)
                editor.deleteLater()
            self.editors = {}
            for t in tables:
                editor = StatisticsTableEditor(
                    self.context, t, self._changed, self._removed, editable=editable
                )
                self.editors[t.uid] = editor
                self.list.addWidget(editor)
        self.empty.setVisible(not tables)

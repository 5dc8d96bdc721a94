"""Two revisions side by side: what changed between them, field by field.

The table shows one line per field; the full texts of the selected field are shown
below it, side by side, so long answers can be read (and reached with the keyboard)
without tooltips.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QItemSelection, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.diff import DiffRow
from desktop_app.domain.errors import LikaError
from desktop_app.domain.model import Assessment
from desktop_app.ui.context import UiContext
from desktop_app.ui.editor.widgets import text_box, wrapped_label
from desktop_app.ui.field_names import FieldNames
from desktop_app.ui.literal_text import literal
from desktop_app.ui.revisions.compare_model import LEFT, MARK, RIGHT, WHAT, CompareModel
from desktop_app.ui.screen_fit import fit_to_screen


class CompareDialog(QDialog):
    """``left`` is the earlier revision, ``right`` the later one."""

    def __init__(
        self,
        context: UiContext,
        left: Assessment,
        right: Assessment,
        rows: Sequence[DiffRow],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.left, self.right = left, right
        title = right.decision.title or left.decision.title or self.tr("Untitled assessment")
        self.setWindowTitle(self.tr("Compare revisions – %1").replace("%1", title))
        names = FieldNames.for_assessments(context, (right, left))
        self.model = CompareModel(
            names, self._revision_title(left), self._revision_title(right), rows
        )

        self.only_changes = QCheckBox(self.tr("Show only &changes"))
        self.only_changes.setChecked(self.model.only_changes)
        self.only_changes.toggled.connect(self._show_only_changes)
        self.summary = QLabel()
        self.summary.setAccessibleName(self.tr("Summary of the changes"))
        self.empty = wrapped_label("", muted=True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Fields of both revisions"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        unit = self.table.fontMetrics().averageCharWidth()
        header.setSectionResizeMode(MARK, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(WHAT, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(WHAT, 60 * unit)
        for column in (LEFT, RIGHT):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.modelReset.connect(self._after_reset)

        details = QWidget()
        grid = QGridLayout(details)
        grid.setContentsMargins(0, 0, 0, 0)
        self.field_label = wrapped_label("")
        grid.addWidget(self.field_label, 0, 0, 1, 2)
        self.left_text = self._detail_box(self._revision_title(left))
        self.right_text = self._detail_box(self._revision_title(right))
        for column, box in enumerate((self.left_text, self.right_text)):
            label = QLabel(box.accessibleName())
            label.setBuddy(box)
            grid.addWidget(label, 1, column)
            grid.addWidget(box, 2, column)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.table)
        splitter.addWidget(details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        top = QGridLayout()
        top.addWidget(self.only_changes, 0, 0)
        top.addWidget(self.summary, 0, 1, Qt.AlignmentFlag.AlignRight)
        layout.addLayout(top)
        layout.addWidget(self.empty)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, 1100, 700)
        self._after_reset()

    def _revision_title(self, assessment: Assessment) -> str:
        return (
            self.tr("Revision %1 (%2)")
            .replace("%1", str(assessment.revision))
            .replace("%2", self.context.label(assessment.status))
        )

    def _detail_box(self, name: str) -> QPlainTextEdit:
        box = text_box(name, 5)
        box.setReadOnly(True)
        return box

    def _show_only_changes(self, on: bool) -> None:
        self.model.set_only_changes(on)

    def _after_reset(self) -> None:
        changed = self.model.changed_count()
        self.summary.setText(
            self.tr("%n field(s) changed", "", changed) if changed else self.tr("No changes")
        )
        empty = self.model.rowCount() == 0
        self.empty.setText(self.tr("The two revisions have the same content.") if empty else "")
        self.empty.setVisible(empty)
        if not empty:
            self.table.selectRow(0)
        else:
            self._show_details(None)

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        self._show_details(self.model.row_at(rows[0].row()) if rows else None)

    def _show_details(self, row: DiffRow | None) -> None:
        names = self.model.names
        self.field_label.setText(names.describe(row.path) if row else "")
        self.left_text.setPlainText(names.value(row.path, row.left) if row else "")
        self.right_text.setPlainText(names.value(row.path, row.right) if row else "")


def open_comparison(
    parent: QWidget, context: UiContext, left_id: int, right_id: int
) -> CompareDialog | None:
    """Compare two stored revisions (the earlier one on the left), or tell the user why
    they cannot be compared."""
    service = context.service
    try:
        left = service.get(left_id)
        right = service.get(right_id)
        if (left.revision, left_id) > (right.revision, right_id):
            left, right = right, left
        assert left.id is not None and right.id is not None
        rows = service.review.compare(left.id, right.id)
    except LikaError as error:
        title = QCoreApplication.translate("CompareDialog", "The revisions cannot be compared")
        QMessageBox.warning(parent, title, literal(str(error)))
        return None
    dialog = CompareDialog(context, left, right, rows, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog

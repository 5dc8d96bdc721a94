"""Step 3: the measures, as a table with a form for the selected one."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.edits import FieldPath
from desktop_app.domain.model import Measure, MeasureStatus
from desktop_app.ui.context import UiContext
from desktop_app.ui.editor.binding import Binder, make_date_edit
from desktop_app.ui.editor.document import AssessmentDocument
from desktop_app.ui.editor.measures_model import MeasuresModel
from desktop_app.ui.editor.widgets import NAVIGATION, enum_combo, heading, set_guidance, text_box


class MeasuresPage(QWidget):
    def __init__(
        self, context: UiContext, document: AssessmentDocument, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.document = document
        self.current_uid: str | None = None
        step = context.content.step("measures")
        layout = QVBoxLayout(self)
        layout.addWidget(heading(context.local(step.title)))
        set_guidance(self, context.local(step.title), context.local(step.guidance))

        self.model = MeasuresModel(context, document)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Measures"))
        self.table.setProperty(NAVIGATION, True)
        self.table.setTabKeyNavigation(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        # At least five rows, however little room the window has (it scrolls instead).
        rows = self.table.verticalHeader().defaultSectionSize()
        self.table.setMinimumHeight(self.table.horizontalHeader().sizeHint().height() + 5 * rows)
        layout.addWidget(self.table)

        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("A&dd measure"))
        self.add_button.clicked.connect(self.add_measure)
        self.remove_button = QPushButton(self.tr("&Remove measure"))
        self.remove_button.clicked.connect(self.remove_measure)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        self.form_widget = QWidget()
        self._build_form(self.form_widget)
        layout.addWidget(self.form_widget, 1)
        document.measuresChanged.connect(self._update_enabled)
        self._update_enabled()

    def _path(self, attr: str) -> FieldPath | None:
        return ("measure", self.current_uid, attr) if self.current_uid else None

    def _build_form(self, widget: QWidget) -> None:
        context = self.context
        self.binder = Binder(self.document, self)
        form = QFormLayout(widget)

        def label(attr: str) -> str:
            return context.field(("measure", attr))

        self.description = text_box(label("description"), lines=3)
        form.addRow(label("description"), self.description)
        self.binder.text(self.description, lambda: self._path("description"))
        grounds = QWidget()
        grounds_layout = QVBoxLayout(grounds)
        grounds_layout.setContentsMargins(0, 0, 0, 0)
        self.ground_boxes: dict[str, QCheckBox] = {}
        for checklist in self.document.checklists:
            for ground in checklist.grounds:
                box = QCheckBox(ground.label(context.language))
                box.setAccessibleName(ground.label(context.language))
                self.ground_boxes[ground.key] = box
                grounds_layout.addWidget(box)
        form.addRow(label("grounds"), grounds)
        self.binder.checks(self.ground_boxes, lambda: self._path("grounds"))
        self.owner = QLineEdit()
        self.owner.setAccessibleName(label("owner"))
        form.addRow(label("owner"), self.owner)
        self.binder.line(self.owner, lambda: self._path("owner"))
        self.deadline = make_date_edit(context.language)
        self.deadline.setAccessibleName(label("deadline"))
        form.addRow(label("deadline"), self.deadline.row)
        self.binder.date(self.deadline, lambda: self._path("deadline"))
        self.status: QComboBox = enum_combo(
            ((s, context.label(s)) for s in MeasureStatus), label("status")
        )
        form.addRow(label("status"), self.status)
        self.binder.combo(self.status, lambda: self._path("status"))
        self.followup = text_box(label("followup_note"), lines=2)
        form.addRow(label("followup_note"), self.followup)
        self.binder.text(self.followup, lambda: self._path("followup_note"))

    def select_measure(self, uid: str) -> None:
        for row, measure in enumerate(self.document.assessment.measures):
            if measure.uid == uid:
                self.table.selectRow(row)
                return

    def _on_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        self.current_uid = self.model.measure(rows[0].row()).uid if rows else None
        self.binder.refresh()
        self._update_enabled()

    def add_measure(self) -> None:
        measure = Measure()
        self.document.edit_add_measure(measure)
        self.select_measure(measure.uid)
        self.description.setFocus(Qt.FocusReason.OtherFocusReason)

    def remove_measure(self) -> None:
        """Remove the selected measure at once: Undo brings it back."""
        if self.current_uid is None:
            return
        self.document.edit_remove_measure(self.current_uid)
        self.current_uid = None
        self.table.clearSelection()
        self._update_enabled()
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _update_enabled(self) -> None:
        editable = not self.document.read_only
        self.add_button.setEnabled(editable)
        selected = self.current_uid is not None and any(
            m.uid == self.current_uid for m in self.document.assessment.measures
        )
        if not selected:
            self.current_uid = None
        self.remove_button.setEnabled(editable and selected)
        # Read-only pages stay readable (made so by the editor), so only "nothing
        # selected" greys the form out.
        self.form_widget.setEnabled(selected)

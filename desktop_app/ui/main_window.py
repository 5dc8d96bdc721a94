"""The main window: the register of assessments, and the way into each one."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import LikaError
from desktop_app.domain.model import Status
from desktop_app.ui.assessment_table_model import AssessmentTableModel
from desktop_app.ui.context import UiContext
from desktop_app.ui.editor.editor_window import EditorWindow

# Starting widths in average characters, so they follow the font size.
COLUMN_WIDTHS = {1: 16, 2: 22, 3: 22, 4: 16, 5: 8, 6: 20, 7: 16}


class MainWindow(QMainWindow):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.editors: dict[int, EditorWindow] = {}
        self.setWindowTitle(f"Lika – {context.service.repository.path}")

        self.model = AssessmentTableModel(context, context.service.repository)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Assessments"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        unit = self.fontMetrics().averageCharWidth()
        for column, chars in COLUMN_WIDTHS.items():
            header.resizeSection(column, chars * unit)
        self.table.activated.connect(self._open_index)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search title or case number"))
        self.search.setAccessibleName(self.tr("Search"))
        self.search.setClearButtonEnabled(True)
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName(self.tr("Status"))
        self.status_filter.addItem(self.tr("All statuses"), None)
        for status in Status:
            self.status_filter.addItem(context.label(status), status.value)
        self._search_timer = QTimer(self, singleShot=True, interval=250)
        self._search_timer.timeout.connect(self._apply_filter)
        self.search.textChanged.connect(lambda _: self._search_timer.start())
        self.status_filter.currentIndexChanged.connect(lambda _: self._apply_filter())
        self.count_label = QLabel()

        filters = QHBoxLayout()
        search_label = QLabel(self.tr("&Search:"))
        search_label.setBuddy(self.search)
        filters.addWidget(search_label)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.status_filter)
        filters.addWidget(self.count_label)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addLayout(filters)
        layout.addWidget(self.table)
        self.setCentralWidget(central)
        self._build_actions()
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        self._update_actions()
        self._update_count()
        self.resize(1100, 650)

    def _build_actions(self) -> None:
        self.new_action = QAction(self.tr("&New assessment"), self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(self.new_assessment)
        self.open_action = QAction(self.tr("&Open"), self)
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(self.open_selected)
        self.delete_action = QAction(self.tr("&Delete…"), self)
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.delete_action.triggered.connect(self.delete_selected)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        menu = self.menuBar().addMenu(self.tr("&File"))
        for action in (self.new_action, self.open_action, self.delete_action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(quit_action)
        toolbar = self.addToolBar(self.tr("Register"))
        toolbar.setObjectName("register-toolbar")
        for action in (self.new_action, self.open_action, self.delete_action):
            toolbar.addAction(action)

    def report_content_errors(self) -> None:
        """Tell the user which checklist files were skipped, one dialog each."""
        for error in self.context.content.checklists.errors:
            QMessageBox.warning(self, self.tr("A checklist file was skipped"), str(error))

    def _apply_filter(self) -> None:
        data = self.status_filter.currentData()
        self.model.set_filter(status=Status(data) if data else None, search=self.search.text())
        self._update_count()
        self._update_actions()

    def _update_count(self) -> None:
        self.count_label.setText(self.tr("%n assessment(s)", "", self.model.total))

    def _selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.summary(rows[0].row()).id if rows else None

    def _update_actions(self) -> None:
        selected = self._selected_id() is not None
        self.open_action.setEnabled(selected)
        self.delete_action.setEnabled(selected)

    def _show_error(self, title: str, error: LikaError) -> None:
        QMessageBox.warning(self, title, str(error))

    def new_assessment(self) -> None:
        try:
            assessment = self.context.service.new_assessment()
        except LikaError as error:
            self._show_error(self.tr("Could not create an assessment"), error)
            return
        self.model.refresh()
        self._update_count()
        assert assessment.id is not None
        self.open_assessment(assessment.id)

    def _open_index(self, index: QModelIndex) -> None:
        self.open_assessment(self.model.summary(index.row()).id)

    def open_selected(self) -> None:
        assessment_id = self._selected_id()
        if assessment_id is not None:
            self.open_assessment(assessment_id)

    def open_assessment(self, assessment_id: int) -> EditorWindow | None:
        """Show the editor for ``assessment_id``, reusing an open window."""
        if assessment_id in self.editors:
            editor = self.editors[assessment_id]
            editor.raise_()
            editor.activateWindow()
            return editor
        try:
            assessment = self.context.service.repository.get(assessment_id)
            editor = EditorWindow(self.context, assessment)
        except LikaError as error:
            self._show_error(self.tr("Could not open the assessment"), error)
            return None
        editor.closed.connect(self._on_editor_closed)
        editor.assessmentSaved.connect(lambda _id: self._refresh_keeping_selection())
        self.editors[assessment_id] = editor
        editor.show()
        return editor

    def _on_editor_closed(self, assessment_id: int) -> None:
        self.editors.pop(assessment_id, None)
        self._refresh_keeping_selection()

    def _refresh_keeping_selection(self) -> None:
        selected = self._selected_id()
        self.model.refresh()
        self._update_count()
        row = self.model.row_of(selected) if selected is not None else None
        if row is not None:
            self.table.selectRow(row)

    def delete_selected(self) -> None:
        assessment_id = self._selected_id()
        if assessment_id is None:
            return
        summary = self.model.summary(self.table.selectionModel().selectedRows()[0].row())
        answer = QMessageBox.question(
            self,
            self.tr("Delete assessment"),
            self.tr("Delete “%1”? This cannot be undone.").replace(
                "%1", summary.title or self.tr("Untitled assessment")
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        editor = self.editors.pop(assessment_id, None)
        if editor is not None:
            editor.close()
        try:
            self.context.service.repository.delete(assessment_id)
        except LikaError as error:
            self._show_error(self.tr("Could not delete the assessment"), error)
        self.model.refresh()
        self._update_count()
        self._update_actions()

    def closeEvent(self, event: QCloseEvent) -> None:
        for editor in list(self.editors.values()):
            if not editor.close():
                event.ignore()
                return
        event.accept()

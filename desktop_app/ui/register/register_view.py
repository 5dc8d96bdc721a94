"""The register tab: search and filters, the list, its count, and CSV export."""

from __future__ import annotations

import struct
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QAction, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.app.ports import RegisterReader
from desktop_app.domain.errors import InputError, LikaError
from desktop_app.domain.register import RegisterQuery, SortKey
from desktop_app.progress import Progress
from desktop_app.ui.context import ListContext
from desktop_app.ui.literal_text import literal
from desktop_app.ui.opening_page import once_emitted
from desktop_app.ui.register.filter_bar import FilterBar
from desktop_app.ui.register.paged_model import ReaderFactory, Runner
from desktop_app.ui.register.tab import RegisterTab
from desktop_app.ui.register.table_model import COLUMNS, RegisterTableModel
from desktop_app.ui.register.units import read_units
from desktop_app.ui.shortcuts import set_shortcut

# Starting widths in average characters, so they follow the font size.
COLUMN_WIDTHS = {
    SortKey.TITLE: 44, SortKey.CASE_NUMBER: 16, SortKey.UNIT: 24, SortKey.DECISION_BODY: 22,
    SortKey.STATUS: 16, SortKey.REVISION: 9, SortKey.AUTHOR: 18, SortKey.REVIEWER: 18,
    SortKey.UPDATED: 14, SortKey.OUTCOME: 26, SortKey.ADVERSE_GROUNDS: 30,
    SortKey.OPEN_MEASURES: 15, SortKey.NEXT_FOLLOWUP: 30, SortKey.DECISION_TYPE: 26,
}  # fmt: skip


class RegisterTable(QTableView):
    """A register list that says when it has painted its rows (``painted``)."""

    painted = Signal()

    def paintEvent(self, event: QPaintEvent) -> None:
        # Here, not in an event filter on ``viewport()``: the first call of a method
        # that returns a plain QWidget makes PySide6 set up every widget class, with its
        # enums, to find the object's own class (about 7 ms before the first page).
        super().paintEvent(event)
        self.painted.emit()


def register_table(parent: QWidget, model: RegisterTableModel, name: str) -> RegisterTable:
    """The list, sortable by every column (in SQL, ``RegisterTableModel.sort_by``).

    Without PySide6's ``Qt`` namespace (see ``table_model``): the header shows a model
    of Qt's own, sorting follows the header's signal, and the sort indicator is set by
    ``show_sort_indicator``."""
    table = RegisterTable(parent)
    header = table.horizontalHeader()
    # Hidden while the list's model is set, or the header asks it for every title to
    # know its own height (its model is replaced right after).
    header.hide()
    table.setModel(model)
    header.setModel(model.header_labels(header))
    header.show()
    table.setAccessibleName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    unit = table.fontMetrics().averageCharWidth()
    for column, key in enumerate(COLUMNS):
        header.resizeSection(column, COLUMN_WIDTHS[key] * unit)
    show_sort_indicator(header, COLUMNS.index(model.query.sort), model.query.descending)
    table.setSortingEnabled(True)  # shows the indicator; the model's own sort does nothing
    header.sortIndicatorChanged.connect(lambda column, order: _sort_as_shown(model, column, order))
    return table


def _sort_as_shown(model: RegisterTableModel, column: int, order: object) -> None:
    """The user chose a column (or the other order) in the header."""
    from PySide6.QtCore import Qt

    model.sort_by(column, order == Qt.SortOrder.DescendingOrder)


def show_sort_indicator(header: QHeaderView, column: int, descending: bool) -> None:
    """``header.setSortIndicator`` without a ``Qt.SortOrder`` (see ``table_model``):
    through the header's saved state, whose first fields Qt keeps as they are so that
    states saved by older versions can be restored (a marker, a version, the orientation,
    then the sort order and column, as 32-bit big-endian numbers). Any other layout: the
    usual call."""
    state = bytearray(header.saveState().data())
    if len(state) >= 20 and struct.unpack_from(">ii", state, 0) == (0xFF, 0):
        struct.pack_into(">ii", state, 12, 1 if descending else 0, column)
        if header.restoreState(QByteArray(bytes(state))):
            return
    from PySide6.QtCore import Qt

    order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
    header.setSortIndicator(column, order)


class _SelectOnFocus(QObject):
    """Selects the first row when the list gets focus with none selected."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn:
            view = self.parent()
            if isinstance(view, RegisterView):
                view.select_first_if_none()
        return False


class _ListedWatch(QObject):
    """Emits the view's ``listed`` once, after the list's first paint with its first
    page (or its empty state) loaded: then the rows are on the screen."""

    def __init__(self, view: RegisterView) -> None:
        super().__init__(view)
        self._view = view
        self.done = False
        view.table.painted.connect(self._painted)

    def _painted(self) -> None:
        if not self.done and not self._view.model.loading:
            self.done = True
            self._view.table.painted.disconnect(self._painted)
            QTimer.singleShot(0, self._view.listed.emit)  # after this paint has been shown


class RegisterView(RegisterTab):
    """Every assessment, as the filters and the sort order select them."""

    activated = Signal(int)  # assessment id
    selectionChanged = Signal()
    exported = Signal(str, int)  # path, number of rows
    listed = Signal()  # once: the first page (or "no assessments") has been painted

    def __init__(
        self,
        context: ListContext,
        readers: ReaderFactory,
        runner: Runner,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
        *,
        first_reader: RegisterReader | None = None,
    ) -> None:
        """``first_reader``: read the first page from it now, on this thread (the
        window's first look, ``ui/first_list``), instead of on a worker."""
        super().__init__(context, readers, runner, today, parent)
        self._started = True  # the register is the first tab: filled at once
        self.filters = FilterBar(context, today(), self)
        self.model = RegisterTableModel(context, readers, runner, RegisterQuery(today=today()))
        self.table = register_table(self, self.model, self.tr("Assessments"))
        self.count_label = QLabel()
        self.count_label.setAccessibleName(self.tr("Number of assessments"))
        self.empty_label = QLabel(self.tr("No assessments match the search and filters."))
        self.empty_label.hide()
        self._selected: int | None = None

        layout = QVBoxLayout(self)
        layout.addWidget(self.filters)
        centred = QHBoxLayout()  # stretch on both sides (no ``Qt`` alignment, see above)
        centred.addStretch()
        centred.addWidget(self.empty_label)
        centred.addStretch()
        layout.addLayout(centred)
        layout.addWidget(self.table, 1)
        status = QHBoxLayout()
        status.addWidget(self.count_label)
        status.addStretch(1)
        layout.addLayout(status)

        # Ctrl+L goes to the list from anywhere in the view, and the list never takes
        # focus without a row chosen (Enter opens it, arrows move from it).
        self.to_list = QAction(self.tr("Go to the &list"), self)
        set_shortcut(self.to_list, "Ctrl+L")  # in the whole window (the default)
        self.to_list.triggered.connect(self.focus_list)
        self.addAction(self.to_list)
        self._focus_rows = _SelectOnFocus(self)
        self.table.installEventFilter(self._focus_rows)

        self.filters.changed.connect(self.apply_filters)
        self.table.activated.connect(
            lambda index: self.activated.emit(self.model.row_at(index.row()).id)
        )
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.modelAboutToBeReset.connect(self._remember_selection)
        self.model.modelReset.connect(self._after_reset)
        self.model.countChanged.connect(lambda _n: self._update_labels())
        self.model.loadingChanged.connect(lambda _on: self._update_labels())
        self.model.failed.connect(self._show_failure)
        self._listed_watch = _ListedWatch(self)
        if first_reader is None:
            self.model.refresh()
            self._load_units()
        else:
            # The first page now; the count and the units once it is on the screen (or
            # after a while if the window is not drawn), so that no worker competes with it.
            self.model.refresh(
                self.model.read_page(first_reader, self.model.query, None), count=False
            )
            once_emitted(self.listed, self._after_listed)

    def _after_listed(self) -> None:
        self.model.count_now()
        self._load_units()

    @property
    def was_listed(self) -> bool:
        """Whether the first page has been painted (``listed`` was or is being emitted)."""
        return self._listed_watch.done

    def focus_list(self) -> None:
        from PySide6.QtCore import Qt

        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.select_first_if_none()

    def select_first_if_none(self) -> None:
        if not self.table.selectionModel().selectedRows() and self.model.rowCount() > 0:
            self.table.selectRow(0)

    # Query

    def apply_filters(self) -> None:
        try:
            query = self.filters.apply_to(self.model.query, self._today())
        except InputError:
            return
        if query != self.model.query:
            self.model.set_query(query)

    def refresh(self) -> None:
        self.model.refresh()
        self._load_units()

    def _load_units(self) -> None:
        self._runner.run(read_units(self._readers), self.filters.set_units, self._show_failure)

    # Selection kept across refreshes, by assessment id

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()).id if rows else None

    def select(self, assessment_id: int) -> bool:
        row = self.model.row_of(assessment_id)
        if row is not None:
            self.table.selectRow(row)
        return row is not None

    def _remember_selection(self) -> None:
        self._selected = self.selected_id()

    def _after_reset(self) -> None:
        if self._selected is not None:
            self.select(self._selected)
        self._update_labels()
        self.selectionChanged.emit()

    def _selection_changed(self) -> None:
        self.selectionChanged.emit()

    def _update_labels(self) -> None:
        total = self.model.total
        if self.model.loading and total < 0:
            self.count_label.setText(self.tr("Searching…"))
        elif total < 0:
            self.count_label.setText(self.tr("Counting…"))
        else:
            self.count_label.setText(self.tr("%n assessment(s)", "", total))
        empty = not self.model.loading and self.model.rowCount() == 0
        if empty:
            self.empty_label.setText(
                self.tr("No assessments match the search and filters.")
                if self.model.query.is_filtered
                else self.tr("No assessments yet: start one with New assessment.")
            )
        self.empty_label.setVisible(empty)

    def _show_failure(self, error: object) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(self, self.tr("The register could not be read"), literal(str(error)))

    # Export

    def export_csv(self, path: Path | None = None) -> None:
        """Write the rows of the current view (all of them, not only those loaded) to
        a CSV file, on a worker thread with a progress dialog."""
        # The dialogs here, not at the top: setting up their types and enums is about
        # 2 ms the list's first page does not wait for.
        from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog

        if path is None:
            chosen, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Export view as CSV"), "lika-register.csv", self.tr("CSV (*.csv)")
            )
            if not chosen:
                return
            path = Path(chosen)
        # Here, not at the top: the list's first page does not wait for the CSV writer.
        from desktop_app.app.register_export import export_csv_file

        query, today, total = self.model.query, self._today(), max(self.model.total, 0)
        progress = QProgressDialog(self.tr("Exporting…"), self.tr("Cancel"), 0, total, self)
        progress.setWindowTitle(self.tr("Export view as CSV"))
        progress.setMinimumDuration(500)

        def work(task_progress: Progress) -> int:
            task_progress.start(total, "rows")
            with self._readers() as reader:
                return export_csv_file(reader.rows(query), path, today, task_progress)

        def done(count: int) -> None:
            progress.close()
            self.exported.emit(str(path), count)

        def failed(error: BaseException) -> None:
            progress.close()
            if not isinstance(error, LikaError):
                raise error
            QMessageBox.warning(self, self.tr("The export failed"), literal(str(error)))

        task = self._runner.run(
            work, done, failed, lambda done_, _total, _label: progress.setValue(done_)
        )
        progress.canceled.connect(task.cancel)

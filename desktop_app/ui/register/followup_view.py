"""The follow-up tab: measures due and overdue across the register, with their owners,
and the approved decisions whose follow-up date has come (to be evaluated)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.app.ports import RegisterReader
from desktop_app.domain.evaluation import can_be_evaluated
from desktop_app.domain.followup import DueMeasureRow, DueWindow, MeasureQuery
from desktop_app.domain.model import Status
from desktop_app.domain.register import RegisterQuery, SortKey
from desktop_app.ui.context import UiContext
from desktop_app.ui.register.paged_model import Index, PagedTableModel, ReaderFactory, Runner
from desktop_app.ui.register.register_view import register_table
from desktop_app.ui.register.tab import RegisterTab
from desktop_app.ui.register.table_model import COLUMNS, RegisterTableModel
from desktop_app.ui.register.units import fill_units, read_units
from desktop_app.ui.typography import make_heading

DECISION_COLUMNS = (SortKey.TITLE, SortKey.CASE_NUMBER, SortKey.UNIT, SortKey.REVIEWER,
                    SortKey.OPEN_MEASURES, SortKey.NEXT_FOLLOWUP)  # fmt: skip


class DueMeasuresModel(PagedTableModel[MeasureQuery, DueMeasureRow]):
    """Open measures by deadline: the most overdue first."""

    def __init__(
        self, context: UiContext, readers: ReaderFactory, runner: Runner, query: MeasureQuery
    ) -> None:
        super().__init__(readers, runner, query)
        self.context = context
        c = context
        self._columns: list[tuple[str, Callable[[DueMeasureRow], str]]] = [
            (c.field(("measure", "deadline")), lambda r: c.short_date(r.deadline)),
            (self.tr("Due"), self._state),
            (c.field(("measure", "description")), lambda r: r.description),
            (c.field(("measure", "owner")), lambda r: r.owner or self.tr("(no owner)")),
            (c.field(("measure", "status")), lambda r: c.label(r.status)),
            (c.field(("decision", "title")), lambda r: r.title),
            (c.field(("decision", "case_number")), lambda r: r.case_number),
            (c.field(("decision", "unit")), lambda r: r.unit),
        ]

    def _state(self, row: DueMeasureRow) -> str:
        return self.context.label(row.state(self.query.today, self.query.due_soon_days))

    def read_page(
        self, reader: RegisterReader, query: MeasureQuery, after: Any
    ) -> tuple[list[DueMeasureRow], Any]:
        page = reader.measures_page(query, after)
        return page.rows, page.next_after

    def read_count(self, reader: RegisterReader, query: MeasureQuery) -> int:
        return reader.measures_count(query)

    def columnCount(self, parent: Index | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section][0]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return self._columns[index.column()][1](self._rows[index.row()])
        return None


MEASURE_WIDTHS = (15, 13, 44, 20, 11, 40, 15)  # characters; the unit takes the rest


def _table(model: PagedTableModel[Any, Any], name: str) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setAccessibleName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    unit = table.fontMetrics().averageCharWidth()
    for column, chars in enumerate(MEASURE_WIDTHS):
        table.horizontalHeader().resizeSection(column, chars * unit)
    return table


class FollowUpView(RegisterTab):
    openRequested = Signal(int)  # assessment id
    evaluateRequested = Signal(int)

    def __init__(
        self,
        context: UiContext,
        readers: ReaderFactory,
        runner: Runner,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, readers, runner, today, parent)

        self.window_choice = QComboBox()
        self.window_choice.setAccessibleName(self.tr("Which measures"))
        for text, window in (
            (self.tr("Overdue and due within 30 days"), DueWindow.OVERDUE_OR_DUE_SOON),
            (self.tr("Overdue"), DueWindow.OVERDUE),
            (self.tr("Due within 30 days"), DueWindow.DUE_SOON),
            (self.tr("All open measures"), DueWindow.ALL_OPEN),
        ):
            self.window_choice.addItem(text, window)
        self.unit = QComboBox()
        self.unit.setAccessibleName(self.tr("Unit"))
        self.unit.addItem(self.tr("All units"), None)
        self.measures = DueMeasuresModel(context, readers, runner, MeasureQuery(today=today()))
        self.measures_table = _table(self.measures, self.tr("Measures due and overdue"))
        self.measures_count = QLabel()

        self.only_due = QCheckBox(self.tr("Only those due for evaluation now"))
        self.only_due.setChecked(True)
        self.decisions = RegisterTableModel(context, readers, runner, self._decision_query())
        self.decisions_table = register_table(
            self, self.decisions, self.tr("Decisions to evaluate")
        )
        for column, key in enumerate(COLUMNS):
            self.decisions_table.setColumnHidden(column, key not in DECISION_COLUMNS)
        self.decisions_table.horizontalHeader().setStretchLastSection(True)
        self.decisions_count = QLabel()

        self.open_button = QPushButton(self.tr("&Open assessment"))
        self.evaluate_button = QPushButton(self.tr("Re&cord evaluation…"))

        upper = QWidget()
        top = QVBoxLayout(upper)
        heading = QLabel(self.tr("Measures due and overdue"))
        make_heading(heading)
        top.addWidget(heading)
        controls = QHBoxLayout()
        controls.addWidget(self.window_choice)
        controls.addWidget(self.unit)
        controls.addStretch(1)
        controls.addWidget(self.measures_count)
        top.addLayout(controls)
        top.addWidget(self.measures_table)
        lower = QWidget()
        bottom = QVBoxLayout(lower)
        heading = QLabel(self.tr("Decisions to follow up"))
        make_heading(heading)
        bottom.addWidget(heading)
        controls = QHBoxLayout()
        controls.addWidget(self.only_due)
        controls.addStretch(1)
        controls.addWidget(self.decisions_count)
        bottom.addLayout(controls)
        bottom.addWidget(self.decisions_table)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(upper)
        splitter.addWidget(lower)
        for table in (self.measures_table, self.decisions_table):
            # A few rows at least; on a small screen the splitter gives the rest.
            table.setMinimumHeight(4 * table.fontMetrics().lineSpacing())
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.evaluate_button)
        layout.addLayout(buttons)

        self.window_choice.currentIndexChanged.connect(lambda _i: self._measures_query_changed())
        self.unit.currentIndexChanged.connect(lambda _i: self._measures_query_changed())
        self.only_due.toggled.connect(lambda _on: self.decisions.set_query(self._decision_query()))
        self.measures.countChanged.connect(self._update_counts)
        self.decisions.countChanged.connect(self._update_counts)
        self.measures_table.activated.connect(
            lambda i: self.openRequested.emit(self._measure_id(i.row()))
        )
        self.decisions_table.activated.connect(
            lambda i: self.openRequested.emit(self.decisions.row_at(i.row()).id)
        )
        self.open_button.clicked.connect(self._open)
        self.evaluate_button.clicked.connect(self._evaluate)
        for table in (self.measures_table, self.decisions_table):
            table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
            table.clicked.connect(lambda _i, t=table: self._focus(t))
        self._focused: QTableView = self.decisions_table
        self._update_buttons()

    def _decision_query(self) -> RegisterQuery:
        return RegisterQuery(
            status=Status.APPROVED,
            evaluation_due=self.only_due.isChecked(),
            sort=SortKey.NEXT_FOLLOWUP,
            descending=False,
            today=self._today(),
        )

    def _measures_query_changed(self) -> None:
        self.measures.set_query(
            replace(
                self.measures.query,
                window=DueWindow(self.window_choice.currentData()),
                unit=self.unit.currentData(),
            )
        )

    def refresh(self) -> None:
        self.measures.set_query(replace(self.measures.query, today=self._today()))
        self.decisions.set_query(self._decision_query())
        self._runner.run(read_units(self._readers), self._set_units, lambda _error: None)

    def _set_units(self, units: list[str]) -> None:
        fill_units(self.unit, units)

    def _update_counts(self) -> None:
        measures, decisions = self.measures.total, self.decisions.total
        self.measures_count.setText(
            self.tr("%n measure(s)", "", measures) if measures >= 0 else self.tr("Counting…")
        )
        self.decisions_count.setText(
            self.tr("%n decision(s)", "", decisions) if decisions >= 0 else self.tr("Counting…")
        )

    def _focus(self, table: QTableView) -> None:
        self._focused = table
        self._update_buttons()

    def _measure_id(self, row: int) -> int:
        return self.measures.row_at(row).assessment_id

    def selected_assessment(self) -> tuple[int, Status] | None:
        table = self._focused
        rows = table.selectionModel().selectedRows()
        if not rows:
            return None
        if table is self.measures_table:
            measure = self.measures.row_at(rows[0].row())
            return measure.assessment_id, measure.assessment_status
        decision = self.decisions.row_at(rows[0].row())
        return decision.id, decision.status

    def _update_buttons(self) -> None:
        selected = self.selected_assessment()
        self.open_button.setEnabled(selected is not None)
        self.evaluate_button.setEnabled(selected is not None and can_be_evaluated(selected[1]))

    def _open(self) -> None:
        selected = self.selected_assessment()
        if selected is not None:
            self.openRequested.emit(selected[0])

    def _evaluate(self) -> None:
        selected = self.selected_assessment()
        if selected is not None:
            self.evaluateRequested.emit(selected[0])

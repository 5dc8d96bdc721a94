"""The overview tab: for a period and unit, how many assessments per status and which
grounds were found relevant with which impact, as charts and as tables.

The figures come from ``domain.portfolio.portfolio_figures`` over
``AssessmentRepository.portfolio_entries``, exactly what the portfolio report uses,
so the window and the report cannot disagree.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import InputError, LikaError
from desktop_app.domain.model import Direction, Relevance, Status
from desktop_app.domain.portfolio import Period, PortfolioFigures, portfolio_figures
from desktop_app.ui.context import UiContext
from desktop_app.ui.date_field import date_field, period_of, show_problem, to_qdate
from desktop_app.ui.flow_layout import TightFlowLayout
from desktop_app.ui.literal_text import literal
from desktop_app.ui.register.charts import Bar, BarChart, segment_kinds
from desktop_app.ui.register.paged_model import ReaderFactory, Runner
from desktop_app.ui.register.tab import RegisterTab
from desktop_app.ui.register.units import fill_units, read_units
from desktop_app.ui.typography import make_heading

# Columns of the grounds-by-impact picture: the directions, then "relevant, impact not
# given" (None), in the order a reader looks for risks.
IMPACT_ORDER: tuple[Direction | None, ...] = (
    Direction.NEGATIVE, Direction.MIXED, Direction.POSITIVE, Direction.NEUTRAL,
    Direction.UNKNOWN, None,
)  # fmt: skip


def compute_figures(
    readers: ReaderFactory, period: Period | None, unit: str | None, today: date
) -> PortfolioFigures:
    """The overview's figures, on a connection of the calling (worker) thread."""
    with readers() as reader:
        figures = portfolio_figures(reader.portfolio_entries(period, unit), today)
    # The overview shows counts: do not keep every entry of the period alive.
    return replace(figures, entries=[])


class OverviewView(RegisterTab):
    def __init__(
        self,
        context: UiContext,
        readers: ReaderFactory,
        runner: Runner,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, readers, runner, today, parent)
        self.names = context.words
        self._generation = 0
        self.figures: PortfolioFigures | None = None
        now = today()

        self.preset = QComboBox()
        self.preset.setAccessibleName(self.tr("Period"))
        for text, key in (
            (self.tr("This year"), "this_year"),
            (self.tr("Last year"), "last_year"),
            (self.tr("Last 12 months"), "twelve_months"),
            (self.tr("All time"), "all"),
            (self.tr("Chosen dates"), "custom"),
        ):
            self.preset.addItem(text, key)
        language = context.language
        self.date_from = date_field(
            language, date(now.year, 1, 1), self.tr("From date"), inline=False
        )
        self.date_to = date_field(
            language, date(now.year, 12, 31), self.tr("To date"), inline=False
        )
        self.unit = QComboBox()
        self.unit.setAccessibleName(self.tr("Unit"))
        self.unit.addItem(self.tr("All units"), None)
        self.refresh_button = QPushButton(self.tr("&Update"))
        self.message = QLabel()
        self.message.setAccessibleName(self.tr("Overview problem"))
        self.message.hide()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Summary"))

        self.status_chart = BarChart(self.tr("Assessments per status"))
        self.status_table = self._table(self.tr("Assessments per status, as numbers"))
        self.impact_chart = BarChart(self.tr("Grounds found relevant, by impact"))
        self.impact_table = self._table(self.tr("Grounds by impact, as numbers"))

        controls = TightFlowLayout()  # wraps on a narrow window or at large text
        period_label = QLabel(self.tr("&Period:"))
        period_label.setBuddy(self.preset)
        controls.addWidget(period_label)
        controls.addWidget(self.preset)
        controls.addWidget(self.date_from.row)
        controls.addWidget(QLabel("–"))
        controls.addWidget(self.date_to.row)
        controls.addWidget(self.unit)
        controls.addWidget(self.refresh_button)
        content = QWidget()
        column = QVBoxLayout(content)
        for chart, table in (
            (self.status_chart, self.status_table),
            (self.impact_chart, self.impact_table),
        ):
            heading = QLabel(chart.title)
            make_heading(heading)
            column.addWidget(heading)
            column.addWidget(chart)
            column.addWidget(table)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.message)
        layout.addWidget(self.summary)
        layout.addWidget(scroll, 1)

        self.preset.currentIndexChanged.connect(lambda _i: self._preset_changed())
        self.refresh_button.clicked.connect(self.refresh)
        self.unit.currentIndexChanged.connect(lambda _i: self.refresh())
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(lambda _d: self._dates_changed())
            # What a field cannot read goes to the message line (the last date read stays).
            edit.problemChanged.connect(lambda problem: show_problem(self.message, problem))
        self._preset_changed()

    def _table(self, name: str) -> QTableWidget:
        table = QTableWidget()
        table.setAccessibleName(name)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.setSizeAdjustPolicy(QTableWidget.SizeAdjustPolicy.AdjustToContents)
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        return table

    # Period and unit

    def _preset_changed(self) -> None:
        key, today = self.preset.currentData(), self._today()
        ranges = {
            "this_year": (date(today.year, 1, 1), date(today.year, 12, 31)),
            "last_year": (date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)),
            "twelve_months": (today - timedelta(days=365), today),
        }
        custom = key == "custom"
        for edit in (self.date_from, self.date_to):
            edit.setEnabled(custom)
        if key in ranges:
            start, end = ranges[key]
            for edit, value in ((self.date_from, start), (self.date_to, end)):
                edit.blockSignals(True)
                edit.setDate(to_qdate(value))
                edit.blockSignals(False)
        if self._started:
            self.refresh()

    def _dates_changed(self) -> None:
        if self.preset.currentData() == "custom":
            self.refresh()

    def period(self) -> Period | None:
        """The chosen period (``None`` for all time); ``InputError`` if it is reversed."""
        if self.preset.currentData() == "all":
            return None
        return period_of(self.date_from, self.date_to)

    def set_units(self, units: list[str]) -> None:
        fill_units(self.unit, units)

    # Computing

    def start(self) -> None:
        """Compute the first time the tab is shown (not at start-up)."""
        if not self.started:
            super().start()
            self._runner.run(read_units(self._readers), self.set_units, lambda _error: None)

    def refresh(self) -> None:
        try:
            period = self.period()
        except InputError as error:
            self.message.setText("⚠ " + str(error))
            self.message.show()
            return
        self.message.hide()
        self._started = True
        self._generation += 1
        generation, unit, today = self._generation, self.unit.currentData(), self._today()
        self.summary.setText(self.tr("Counting…"))
        self._runner.run(
            lambda _p: compute_figures(self._readers, period, unit, today),
            lambda figures: self._show(generation, figures),
            lambda error: self._failed(generation, error),
        )

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        if not isinstance(error, LikaError):
            raise error
        self.summary.setText("")
        QMessageBox.warning(
            self, self.tr("The overview could not be computed"), literal(str(error))
        )

    # Showing

    def _show(self, generation: int, figures: PortfolioFigures) -> None:
        if generation != self._generation:
            return
        self.figures = figures
        c = self.context
        self.summary.setText(
            f"{c.term('register.total')}: {figures.total}. "
            f"{c.term('register.overdue_count')}: {len(figures.overdue)}. "
            f"{c.term('register.due_soon_count')}: {len(figures.due_soon)}. "
            + c.term("portfolio.with_statistics", n=figures.with_statistics, total=figures.total)
            + " "
            # Why an assessment approved today may not count "this year".
            + self.tr(
                "Assessments count in the period of their planned decision date "
                "(or of the day they were created, if they have none)."
            )
        )
        statuses = [(c.label(s), figures.by_status.get(s, 0)) for s in Status]
        self.status_chart.set_data(
            segment_kinds([c.term("register.total")]),
            [Bar(label, (count,)) for label, count in statuses],
        )
        self._fill(self.status_table, [c.term("pdf.status"), c.term("register.total")],
                   [[label, count] for label, count in statuses])  # fmt: skip
        grounds = sorted(
            set(figures.impacts) | set(figures.not_relevant),
            key=lambda k: (-sum(figures.impacts.get(k, {}).values()), self.names.ground(k)),
        )
        kinds = [c.label(d) if d else c.term("register.relevant_unset") for d in IMPACT_ORDER]
        counts = {
            k: tuple(figures.impacts.get(k, {}).get(d, 0) for d in IMPACT_ORDER) for k in grounds
        }
        rows: list[list[object]] = [
            [self.names.ground(k), *counts[k], figures.not_relevant.get(k, 0)] for k in grounds
        ]
        self.impact_chart.set_data(
            segment_kinds(kinds),
            [Bar(self.names.ground(k), counts[k]) for k in grounds if sum(counts[k])],
        )
        headers = [c.term("pdf.ground"), *kinds, c.label(Relevance.NOT_RELEVANT)]
        self._fill(self.impact_table, headers, rows)

    @staticmethod
    def _fill(table: QTableWidget, headers: list[str], rows: list[list[object]]) -> None:
        table.clear()
        table.setColumnCount(len(headers))
        table.setRowCount(len(rows))
        table.setHorizontalHeaderLabels(headers)
        for r, values in enumerate(rows):
            for col, value in enumerate(values):
                item = QTableWidgetItem(str(value))
                if isinstance(value, int):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                table.setItem(r, col, item)
        table.resizeColumnsToContents()
        table.resizeRowsToContents()
        # Every row visible: the page scrolls, not the table.
        height = table.horizontalHeader().height() + 2 * table.frameWidth()
        height += sum(table.rowHeight(r) for r in range(table.rowCount()))
        if table.horizontalScrollBar().maximum() > 0:
            height += table.horizontalScrollBar().sizeHint().height()
        table.setFixedHeight(height)

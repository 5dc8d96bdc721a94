"""Search and filters above the register list; each maps to a ``RegisterQuery`` field
and to a ``lika list`` option of the same meaning."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from enum import StrEnum
from typing import TypeVar

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.codes import Direction, Status
from desktop_app.domain.errors import InputError
from desktop_app.domain.register import RegisterQuery
from desktop_app.ui.context import ListContext
from desktop_app.ui.date_field import date_field, show_problem
from desktop_app.ui.flow_layout import FlowLayout
from desktop_app.ui.register.units import fill_units

SEARCH_DELAY_MS = 250
MINIMUM_COMBO_CHARACTERS = 16


E = TypeVar("E", bound=StrEnum)


def _enum(kind: type[E], value: object) -> E | None:
    """Qt keeps a StrEnum in a combo box as a plain str; this gives the enum back."""
    return kind(str(value)) if value else None


def combo(accessible_name: str, everything: str, items: list[tuple[str, object]]) -> QComboBox:
    box = QComboBox()
    box.setAccessibleName(accessible_name)
    # Long names (a ground, a law, a unit) must not set the window's minimum width (it
    # was 1,277 px, wider than many laptop screens at 150 %): the box shows the start of
    # the chosen one, its list shows them all in full.
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(MINIMUM_COMBO_CHARACTERS)
    box.addItem(everything, None)
    for text, value in items:
        box.addItem(text, value)
    return box


class FilterBar(QWidget):
    """Emits ``changed`` whenever the user changes the search (after a short pause)
    or a filter; ``apply_to`` turns the current state into a query."""

    changed = Signal()

    def __init__(self, context: ListContext, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        names = context.words
        self.search = QLineEdit()
        self.search.setPlaceholderText(
            self.tr("Search titles, case numbers, descriptions, justifications, measures…")
        )
        self.search.setAccessibleName(self.tr("Search"))
        self.search.setClearButtonEnabled(True)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.changed)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        self.search.returnPressed.connect(self._search_now)

        self.status = combo(self.tr("Status"), self.tr("All statuses"),
                            [(context.label(s), s) for s in Status])  # fmt: skip
        self.unit = combo(self.tr("Unit"), self.tr("All units"), [])
        self.framework = combo(self.tr("Framework"), self.tr("All frameworks"),
                               [(name, key) for key, name in names.frameworks()])  # fmt: skip
        self.decision_type = combo(
            self.tr("Type of decision"),
            self.tr("All types of decision"),
            [(name, key) for key, name in names.decision_types()],
        )
        self.ground = combo(self.tr("Ground"), self.tr("Any ground"),
                            [(name, key) for key, name in names.grounds()])  # fmt: skip
        self.impact = combo(self.tr("Impact"), self.tr("Any impact"),
                            [(context.label(d), d) for d in Direction])  # fmt: skip
        self.period = QCheckBox(self.tr("&Decision date from"))
        self.period.setToolTip(
            self.tr("The planned decision date, or the day the assessment was created")
        )
        language = context.language
        self.date_from = date_field(
            language, date(today.year, 1, 1), self.tr("From date"), inline=False
        )
        self.date_to = date_field(
            language, date(today.year, 12, 31), self.tr("To date"), inline=False
        )
        self.overdue = QCheckBox(self.tr("Has &overdue measures"))
        self.evaluation_due = QCheckBox(self.tr("Due for &evaluation"))
        self.clear = QPushButton(self.tr("C&lear filters"))
        self.clear.clicked.connect(self.clear_filters)
        self.message = QLabel()
        self.message.setAccessibleName(self.tr("Filter problem"))
        self.message.hide()

        for box in (self.status, self.unit, self.framework, self.decision_type, self.ground,
                    self.impact):  # fmt: skip
            box.currentIndexChanged.connect(lambda _i: self.changed.emit())
        for check in (self.period, self.overdue, self.evaluation_due):
            check.toggled.connect(lambda _on: self.changed.emit())
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(lambda _d: self._date_changed())
            # What a field cannot read goes to the message line (the last date read stays).
            edit.problemChanged.connect(lambda problem: show_problem(self.message, problem))
        self.period.toggled.connect(self._enable_dates)
        self._enable_dates(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        search_label = QLabel(self.tr("&Search:"))
        search_label.setBuddy(self.search)
        first = QHBoxLayout()
        first.addWidget(search_label)
        first.addWidget(self.search, 1)
        # The filters wrap to more rows when the window is narrow or the text large.
        period = QWidget()
        period_layout = QHBoxLayout(period)
        period_layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.period, self.date_from.row, QLabel("–"), self.date_to.row):
            period_layout.addWidget(widget)
        self.flow = FlowLayout()
        for filter_widget in (self.status, self.unit, self.framework, self.decision_type,
                              self.ground, self.impact, period, self.overdue,
                              self.evaluation_due, self.clear):  # fmt: skip
            self.flow.addWidget(filter_widget)
        layout.addLayout(first)
        layout.addLayout(self.flow)
        layout.addWidget(self.message)

    def _search_now(self) -> None:
        self._timer.stop()
        self.changed.emit()

    def _enable_dates(self, on: bool) -> None:
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)

    def _date_changed(self) -> None:
        if self.period.isChecked():
            self.changed.emit()

    def set_units(self, units: list[str]) -> None:
        """Offer the units found in the register, keeping the current choice."""
        if not fill_units(self.unit, units):
            self.changed.emit()

    def clear_filters(self) -> None:
        widgets = (self.search, self.status, self.unit, self.framework, self.decision_type,
                   self.ground, self.impact, self.period, self.overdue,
                   self.evaluation_due)  # fmt: skip
        for widget in widgets:
            widget.blockSignals(True)
        self.search.clear()
        for box in (self.status, self.unit, self.framework, self.decision_type, self.ground,
                    self.impact):  # fmt: skip
            box.setCurrentIndex(0)
        for check in (self.period, self.overdue, self.evaluation_due):
            check.setChecked(False)
        for widget in widgets:
            widget.blockSignals(False)
        self._enable_dates(False)
        self._timer.stop()
        self.changed.emit()

    def apply_to(self, query: RegisterQuery, today: date) -> RegisterQuery:
        """``query`` (its sort) with the filters shown here; raises ``InputError`` for a
        date range that ends before it starts, and shows why."""
        dated = self.period.isChecked()
        try:
            result = replace(
                query,
                search=self.search.text(),
                status=_enum(Status, self.status.currentData()),
                unit=self.unit.currentData(),
                framework=self.framework.currentData(),
                decision_type=self.decision_type.currentData(),
                ground=self.ground.currentData(),
                impact=_enum(Direction, self.impact.currentData()),
                date_from=self.date_from.value() if dated else None,
                date_to=self.date_to.value() if dated else None,
                overdue=self.overdue.isChecked(),
                evaluation_due=self.evaluation_due.isChecked(),
                today=today,
            )
        except InputError:
            problem = self.tr(
                "The end date is before the start date; the list still shows the last valid filter."
            )
            self.message.setText("⚠ " + problem)
            self.message.show()
            raise
        self.message.hide()
        return result

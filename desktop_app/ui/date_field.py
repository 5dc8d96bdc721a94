"""A date field that reads what the user typed, exactly, or says at once that it cannot.

Qt's QDateEdit edits a date section by section: typing "2027-03-15" into a field that
shows "dd.MM.yyyy" gives another day without a word. This field is a line edit:
the text is read by ``domain.date_input`` (2027-03-15, 15.3.2027, 15/3/2027, 20270315,
"15 mars 2027"), and while it is being typed the line under the field says which day
it reads or that it cannot read it. Text that is not a date is never stored: the
field keeps it, marked, until it is corrected. Alt+Down (or F4, or the calendar
button) opens a calendar. An empty field means no date.

Its API is the part of QDateEdit the editor uses (``date``, ``setDate``,
``dateChanged``, ``calendarWidget``), with ``NO_DATE`` for "no date".

The register's filters have two of these, so making one does not touch PySide6's
``Qt`` namespace (imported where a key, a focus or the calendar needs it): its first use
builds 93 enum classes, about 11 ms before the register's first page (issue 18).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from datetime import date
from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QPoint, QSize, QTimer, Signal
from PySide6.QtGui import QAction, QFocusEvent, QIcon, QKeyEvent
from PySide6.QtWidgets import QLabel, QLayout, QLineEdit, QVBoxLayout, QWidget

from desktop_app.domain.date_input import DateInputError, input_text, parse_typed_date
from desktop_app.domain.errors import InputError
from desktop_app.domain.formats import format_day
from desktop_app.domain.language import Language
from desktop_app.resources import resource_path

if TYPE_CHECKING:
    from PySide6.QtWidgets import QCalendarWidget

    from desktop_app.domain.portfolio import Period

NO_DATE = QDate(1900, 1, 1)
INVALID = "dateInvalid"


@cache
def calendar_icon() -> QIcon:
    """The calendar button's picture (``resources/icons/calendar.svg``). Not one of the
    style's standard icons: asking the style from Python sets up PySide6's ``QStyle``
    type with its large enums, about 4 ms before the register's first page, whose
    filters have two date fields (issue 18)."""
    icon = QIcon()
    for size in (16, 24, 32, 48):
        icon.addFile(str(resource_path("icons", f"calendar-{size}.png")), QSize(size, size))
    return icon


def to_qdate(value: date | None) -> QDate:
    return QDate(value.year, value.month, value.day) if value else NO_DATE


def from_qdate(value: QDate) -> date | None:
    if value == NO_DATE or not value.isValid():
        return None
    return date(value.year(), value.month(), value.day())


class DateField(QLineEdit):
    """A typed date (see the module's docstring); ``row`` holds it with its message line."""

    dateChanged = Signal(QDate)

    # What cannot be read, for the owner of a field that is not ``inline`` to show in
    # a line of its own ("" when the text reads).
    problemChanged = Signal(str)

    def __init__(
        self, language: Language, parent: QWidget | None = None, *, inline: bool = True
    ) -> None:
        super().__init__(parent)
        self.language = Language(language)
        # Say under the field which day it reads or that it cannot (a form's field), or
        # leave that to the owner's own message line (a filter among others in a row).
        self.inline = inline
        self._problem = ""
        self._date: date | None = None
        self._warning = ""
        self.warning_source: Callable[[], str] = lambda: ""
        self.setPlaceholderText(
            self.tr("e.g. %1").replace("%1", input_text(date(2027, 3, 15), language))
        )
        self.setClearButtonEnabled(False)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self._plain = False  # the message is plain text: said before its first text
        self.message.hide()
        self.row = QWidget()
        layout = QVBoxLayout(self.row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self)
        layout.addWidget(self.message)
        self.row.setFocusProxy(self)
        self.calendar_action = QAction(
            calendar_icon(),
            self.tr("Choose from a calendar (Alt+Down)"),
            self,
        )
        self.calendar_action.triggered.connect(self.open_calendar)
        self.addAction(self.calendar_action, QLineEdit.ActionPosition.TrailingPosition)
        self._calendar: QCalendarWidget | None = None
        self.textEdited.connect(self._on_typing)
        self.editingFinished.connect(self.commit)

    # ------------------------------------------------------------ QDateEdit's API
    def date(self) -> QDate:
        return to_qdate(self._date)

    def setDate(self, value: QDate) -> None:
        """Show ``value`` (``NO_DATE``: empty); emits ``dateChanged`` if it changed."""
        self._set(from_qdate(value), emit=True)

    def value(self) -> datetime.date | None:
        return self._date

    def calendarWidget(self) -> QCalendarWidget:
        if self._calendar is None:
            from PySide6.QtCore import Qt
            from PySide6.QtWidgets import QCalendarWidget  # set up when first opened

            self._calendar = QCalendarWidget(self)
            self._calendar.setWindowFlags(Qt.WindowType.Popup)
            self._calendar.setGridVisible(True)
            self._calendar.setAccessibleName(self.accessibleName())
            self._calendar.activated.connect(self._picked)
            self._calendar.clicked.connect(self._picked)
        return self._calendar

    # ------------------------------------------------------------ behaviour
    def is_unreadable(self) -> bool:
        """The text is not a date (and so has not been stored)."""
        return bool(self.property(INVALID))

    def update_warning(self) -> None:
        """Ask ``warning_source`` (set by the editor's binder) for the remark to show."""
        self.set_warning(self.warning_source())

    def set_warning(self, text: str) -> None:
        """A remark about the stored date (for instance that it has passed)."""
        self._warning = text
        self._show_message()

    def commit(self) -> None:
        """Read the text: store the day it names, or mark it as unreadable."""
        try:
            value = parse_typed_date(self.text(), self.language)
        except DateInputError:
            self._mark(True)
            return
        self._mark(False)
        self._set(value, emit=True)

    def open_calendar(self) -> None:
        if self.isReadOnly():
            return
        calendar = self.calendarWidget()
        calendar.setSelectedDate(self.date() if self._date else QDate.currentDate())
        calendar.adjustSize()
        calendar.move(self.mapToGlobal(QPoint(0, self.height())))
        calendar.show()
        from PySide6.QtCore import Qt

        calendar.setFocus(Qt.FocusReason.PopupFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        from PySide6.QtCore import Qt

        key, mods = event.key(), event.modifiers()
        if (key == Qt.Key.Key_Down and mods & Qt.KeyboardModifier.AltModifier) or (
            key == Qt.Key.Key_F4
        ):
            self.open_calendar()
            return
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and (
            mods & Qt.KeyboardModifier.ControlModifier
        ):
            self.clear()
            self.commit()
            return
        super().keyPressEvent(event)

    def _picked(self, value: QDate) -> None:
        if self._calendar is not None:
            self._calendar.hide()
        self._mark(False)
        self._set(from_qdate(value), emit=True)
        from PySide6.QtCore import Qt

        self.setFocus(Qt.FocusReason.PopupFocusReason)

    def _set(self, value: datetime.date | None, emit: bool) -> None:
        changed = value != self._date
        self._date = value
        if parse_typed_date_safe(self.text(), self.language) != value or (
            value is None and self.text().strip()
        ):
            self.setText(input_text(value, self.language))  # keeps the user's own form
        self._mark(False)
        self._show_message()
        if changed and emit:
            self.dateChanged.emit(self.date())

    def _on_typing(self, text: str) -> None:
        if self.is_unreadable():
            self._mark(False)
        self._show_message(typing=True)

    def _mark(self, invalid: bool) -> None:
        if bool(self.property(INVALID)) == invalid:
            return
        self.setProperty(INVALID, invalid)
        self.setStyleSheet("QLineEdit { border: 2px solid #b00020; }" if invalid else "")
        self._show_message()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if not self.inline:
            self._show_message(describe=True)  # for a screen reader, as the field is reached

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and not self.inline:
            self._show_message(describe=True)  # before Qt shows the tooltip
        return super().event(event)

    def _show_message(self, typing: bool = False, describe: bool = False) -> None:
        """Say which day the text reads, or that it cannot be read. A filter's field
        (not ``inline``) says the day in words only once it has the focus or its tooltip
        is asked for: the words come from Babel's locale data, which would otherwise load
        at start-up for the register's filters (tens of milliseconds before the list)."""
        text = self.text().strip()
        try:
            typed = parse_typed_date(text, self.language)
            unreadable = False
        except DateInputError:
            typed, unreadable = None, True
        if unreadable and (self.is_unreadable() or not typing):
            message = self.tr("Not a date Lika can read: type it as %1 or %2. Nothing was saved.")
            message = message.replace("%1", "2027-03-15").replace("%2", "15.3.2027")
        elif unreadable:
            message = self.tr("Not a date yet (for example %1 or %2)")
            message = message.replace("%1", "2027-03-15").replace("%2", "15.3.2027")
        elif typed is not None and not (self.inline or describe or self.hasFocus()):
            message = ""  # in words when reached (see above)
        elif typed is not None:
            message = format_day(typed, self.language)
            if self._warning and typed == self._date:
                message = f"{message}. {self._warning}"
        else:
            message = ""
        if message and not self._plain:
            from PySide6.QtCore import Qt

            self.message.setTextFormat(Qt.TextFormat.PlainText)
            self._plain = True
        self.message.setText(message)
        self.message.setVisible(bool(message) and self.inline)
        alarm = self.is_unreadable() or (self._warning and not unreadable and typed is not None)
        self.message.setStyleSheet("color: #b00020;" if alarm else "")
        self.setAccessibleDescription(message)
        if self.message.isVisibleTo(self.row) and _in_dialog(self):
            QTimer.singleShot(0, self, self._make_room)  # once the layout knows the text
        if not self.inline:
            self.setToolTip(message)
            problem = message if self.is_unreadable() else ""
            if problem != self._problem:
                self._problem = problem
                self.problemChanged.emit(problem)

    def _make_room(self) -> None:
        """A dialog does not grow by itself for a line that wraps (Qt sizes a window by
        its layout's minimum, not its height for the width): make room for the message,
        up to the screen's height. (A window whose page scrolls needs none.)"""
        window = self.window()
        layout = window.layout()
        if layout is None or not layout.hasHeightForWidth() or not window.isVisible():
            return
        _invalidate(layout)  # its layouts keep the heights they had cached
        needed = layout.totalHeightForWidth(window.width())
        screen = window.screen().availableGeometry().height()
        if window.height() < needed <= screen:
            window.resize(window.width(), needed)


def _in_dialog(widget: QWidget) -> bool:
    from PySide6.QtWidgets import QDialog  # not set up for the register's filters

    return isinstance(widget.window(), QDialog)


def _invalidate(layout: QLayout) -> None:
    layout.invalidate()
    for index in range(layout.count()):
        item = layout.itemAt(index)
        inner = item.layout() if item is not None else None
        if inner is not None:
            _invalidate(inner)


def date_field(
    language: Language, value: date | None, accessible_name: str, *, inline: bool = True
) -> DateField:
    """A typed date field showing ``value``, for a dialog or a filter; put its ``row``
    into the layout. Not ``inline``: its owner shows ``problemChanged`` in a line of
    its own (the field says the day it reads in its tooltip)."""
    field = DateField(language, inline=inline)
    field.setAccessibleName(accessible_name)
    field.setDate(to_qdate(value))
    return field


def show_problem(line: QLabel, problem: str) -> None:
    """Show a field's ``problemChanged`` in its owner's message ``line`` (hidden when "")."""
    if problem:
        line.setText("⚠ " + problem)
    line.setVisible(bool(problem))


def period_of(start: DateField, end: DateField) -> Period:
    """The period from two fields; ``InputError`` (in the window's language) when one
    is empty or unreadable, or the period ends before it starts."""
    first, last = start.value(), end.value()
    if start.is_unreadable() or end.is_unreadable() or first is None or last is None:
        raise InputError(
            QCoreApplication.translate(
                "DateField", "Type both dates of the period, for example %1."
            ).replace("%1", input_text(date(2027, 3, 15), start.language))
        )
    if last < first:
        raise InputError(
            QCoreApplication.translate("DateField", "The period ends before it starts.")
        )
    from desktop_app.domain.portfolio import Period  # not needed to list the register

    return Period(first, last)


def parse_typed_date_safe(text: str, language: Language) -> date | None:
    """The day ``text`` names, or None when it names none (blank or unreadable)."""
    try:
        return parse_typed_date(text, language)
    except DateInputError:
        return None

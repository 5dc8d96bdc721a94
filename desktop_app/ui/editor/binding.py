"""Two-way binding between editor widgets and field paths of the open assessment.

A widget edit goes to ``AssessmentDocument.set_value``; a change of the value from
elsewhere (undo, another view) comes back through ``valueChanged`` and updates the
widget. A path may be a function, for forms that show whichever measure is selected.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QDate, QObject, QSignalBlocker
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from desktop_app.domain.edits import FieldPath
from desktop_app.ui.editor.document import AssessmentDocument

PathSource = FieldPath | Callable[[], FieldPath | None]

NO_DATE = QDate(1900, 1, 1)


def make_date_edit(parent: QWidget | None = None) -> QDateEdit:
    """A date field that can also be empty (shown blank, stored as None)."""
    widget = QDateEdit(parent)
    widget.setCalendarPopup(True)
    widget.setMinimumDate(NO_DATE)
    widget.setSpecialValueText(" ")
    widget.setDate(NO_DATE)
    return widget


def _to_qdate(value: date | None) -> QDate:
    return QDate(value.year, value.month, value.day) if value else NO_DATE


def _from_qdate(value: QDate) -> date | None:
    return None if value == NO_DATE else date(value.year(), value.month(), value.day())


class Binder(QObject):
    """Keeps a page's widgets and the document in step; dies with its page."""

    def __init__(self, document: AssessmentDocument, parent: QObject) -> None:
        super().__init__(parent)
        self.document = document
        self._views: list[tuple[PathSource, Callable[[Any], None]]] = []
        document.valueChanged.connect(self._on_value_changed)

    def _resolve(self, source: PathSource) -> FieldPath | None:
        return source() if callable(source) else source

    def _add(self, source: PathSource, show: Callable[[Any], None]) -> None:
        self._views.append((source, show))
        path = self._resolve(source)
        if path is not None:
            show(self.document.value(path))

    def _edit(self, source: PathSource, value: Any) -> None:
        path = self._resolve(source)
        if path is not None:
            self.document.set_value(path, value)

    def _on_value_changed(self, changed: tuple[str, ...]) -> None:
        for source, show in self._views:
            if self._resolve(source) == changed:
                show(self.document.value(changed))

    def refresh(self) -> None:
        """Show the current values again (after a path function changed its answer)."""
        for source, show in self._views:
            path = self._resolve(source)
            if path is not None:
                show(self.document.value(path))

    # One method per kind of widget.

    def line(self, widget: QLineEdit, source: PathSource) -> None:
        def show(value: str) -> None:
            if widget.text() != value:
                widget.setText(value)

        widget.textEdited.connect(lambda text: self._edit(source, text))
        self._add(source, show)

    def text(self, widget: QPlainTextEdit, source: PathSource) -> None:
        def show(value: str) -> None:
            if widget.toPlainText() != value:
                with QSignalBlocker(widget):
                    widget.setPlainText(value)

        widget.textChanged.connect(lambda: self._edit(source, widget.toPlainText()))
        self._add(source, show)

    def lines(self, widget: QPlainTextEdit, source: PathSource) -> None:
        """A list of strings edited as one line per item."""

        def show(value: list[str]) -> None:
            if _lines(widget.toPlainText()) != value:
                with QSignalBlocker(widget):
                    widget.setPlainText("\n".join(value))

        widget.textChanged.connect(lambda: self._edit(source, _lines(widget.toPlainText())))
        self._add(source, show)

    def combo(self, widget: QComboBox, source: PathSource) -> None:
        """A combo box whose item data are the stored values (enum values, text or None)."""

        def show(value: StrEnum | str | None) -> None:
            index = widget.findData(value.value if isinstance(value, StrEnum) else value)
            with QSignalBlocker(widget):
                widget.setCurrentIndex(max(index, 0))

        widget.activated.connect(lambda _: self._edit(source, widget.currentData()))
        self._add(source, show)

    def date(self, widget: QDateEdit, source: PathSource) -> None:
        def show(value: date | None) -> None:
            if _from_qdate(widget.date()) != value:
                with QSignalBlocker(widget):
                    widget.setDate(_to_qdate(value))

        widget.dateChanged.connect(lambda d: self._edit(source, _from_qdate(d)))
        self._add(source, show)

    def radios(self, group: QButtonGroup, values: Sequence[str], source: PathSource) -> None:
        """Buttons of ``group`` (ids 0..n-1) stand for ``values`` in order."""

        def show(value: StrEnum | str | None) -> None:
            key = value.value if isinstance(value, StrEnum) else value
            with QSignalBlocker(group):
                if key in values:
                    group.button(values.index(key)).setChecked(True)
                else:
                    _uncheck_all(group)

        group.idClicked.connect(lambda i: self._edit(source, values[i]))
        self._add(source, show)

    def checks(self, boxes: dict[str, QCheckBox], source: PathSource) -> None:
        """Check boxes that together edit a list of values, kept in the boxes' order."""

        def show(value: Sequence[StrEnum | str]) -> None:
            chosen = {v.value if isinstance(v, StrEnum) else v for v in value}
            for key, box in boxes.items():
                with QSignalBlocker(box):
                    box.setChecked(key in chosen)

        def edit() -> None:
            self._edit(source, [key for key, box in boxes.items() if box.isChecked()])

        for box in boxes.values():
            box.toggled.connect(lambda _checked: edit())
        self._add(source, show)


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _uncheck_all(group: QButtonGroup) -> None:
    exclusive = group.exclusive()
    group.setExclusive(False)
    button: QAbstractButton
    for button in group.buttons():
        button.setChecked(False)
    group.setExclusive(exclusive)

"""The longest text a field may hold (``domain.limits``), enforced where it is typed: a
counter in the corner of the box once the text nears its limit, and a paste that would
pass it is cut at the limit (the exchange schema refuses longer texts as well)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QLocale, QObject
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QWidget

# The counter appears when this share of the limit is used.
SHOW_FROM = 0.8


class LengthLimit(QObject):
    """Keeps the text of ``widget`` at most ``limit()`` characters and counts it."""

    def __init__(self, widget: QLineEdit | QPlainTextEdit, limit: Callable[[], int]) -> None:
        super().__init__(widget)
        self.widget = widget
        self.limit = limit
        # Made when first needed: a widget made with the page would join the page's
        # Tab chain at its end and move the window's later stops (guidance) before it.
        self._counter: QLabel | None = None
        widget.installEventFilter(self)
        if isinstance(widget, QLineEdit):
            widget.setMaxLength(limit())
            widget.textChanged.connect(self.update)
        else:
            widget.textChanged.connect(self._cut)
        self.update()

    @property
    def counter(self) -> QLabel:
        if self._counter is None:
            self._counter = QLabel(self.widget)
            self._counter.setObjectName("lengthCounter")
            self._counter.setStyleSheet("QLabel { background: palette(base); padding: 0 3px; }")
        return self._counter

    def _text(self) -> str:
        widget = self.widget
        return widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()

    def _cut(self) -> None:
        """Remove what went over the limit: the characters just typed or pasted."""
        assert isinstance(self.widget, QPlainTextEdit)
        excess = len(self.widget.toPlainText()) - self.limit()
        if excess > 0:
            cursor = self.widget.textCursor()
            end = cursor.position()
            cursor.setPosition(max(end - excess, 0))
            cursor.setPosition(end if end >= excess else excess, cursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
        self.update()

    def update(self) -> None:
        used, limit = len(self._text()), self.limit()
        if used < limit * SHOW_FROM:
            if self._counter is not None:
                self._counter.hide()
            return
        locale = QLocale()
        text = self.tr("%1 of %2 characters")
        self.counter.setText(
            text.replace("%1", locale.toString(used)).replace("%2", locale.toString(limit))
        )
        self.counter.setAccessibleName(self.counter.text())
        self.counter.adjustSize()
        self._place()
        self.counter.show()

    def _place(self) -> None:
        area: QWidget = self.widget
        x = area.width() - self.counter.width() - 4
        y = area.height() - self.counter.height() - 2
        self.counter.move(max(x, 0), max(y, 0))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget and event.type() == QEvent.Type.Resize and self._counter:
            self._place()
        return False

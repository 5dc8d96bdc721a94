"""The longest text a field may hold (``domain.limits``), enforced where it is typed: a
counter in the corner of the box once the text nears its limit, and a paste that would
pass it is cut at the limit (the exchange schema refuses longer texts as well). A list
edited one item per line is also held to its number of items."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QLocale, QObject
from PySide6.QtGui import QTextBlock, QTextCursor
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit

# The counter appears when this share of the limit is used.
SHOW_FROM = 0.8


class LengthLimit(QObject):
    """Keeps the text of ``widget`` at most ``limit()`` characters and counts it; with
    ``per_line`` (a list edited one item per line), each line, counting the one the
    cursor is on, and at most ``items()`` non-blank lines when that gives a number."""

    def __init__(
        self,
        widget: QLineEdit | QPlainTextEdit,
        limit: Callable[[], int],
        *,
        per_line: bool = False,
        items: Callable[[], int | None] = lambda: None,
    ) -> None:
        super().__init__(widget)
        self.widget = widget
        self.limit = limit
        self.per_line = per_line
        self.items = items
        self._cutting = False
        # Made when first needed: a widget made with the page would join the page's
        # Tab chain at its end and move the window's later stops (guidance) before it.
        self._counter: QLabel | None = None
        # A text box's viewport is resized after the box (it holds the scroll bars).
        self._area = widget.viewport() if isinstance(widget, QPlainTextEdit) else widget
        self._area.installEventFilter(self)
        if isinstance(widget, QLineEdit):
            widget.setMaxLength(limit())
            widget.textChanged.connect(self.update)
        else:
            widget.textChanged.connect(self._cut)
            if per_line:
                widget.cursorPositionChanged.connect(self.update)
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
        if isinstance(widget, QLineEdit):
            return widget.text()
        return widget.textCursor().block().text() if self.per_line else widget.toPlainText()

    def _cut(self) -> None:
        """Remove what went over the limit: the characters just typed or pasted."""
        assert isinstance(self.widget, QPlainTextEdit)
        if self._cutting:  # the removal below changes the text again
            return
        self._cutting = True
        try:
            if self.per_line:
                self._cut_lines()
                self._cut_items()
            else:
                self._cut_span(0, len(self.widget.toPlainText()))
        finally:
            self._cutting = False
        self.update()

    def _cut_span(self, start: int, end: int) -> None:
        """Bring the text from ``start`` to ``end`` (a whole text, or one line) to the
        limit: remove the characters just typed or pasted before the cursor when it is
        in the span, else the end of the span."""
        assert isinstance(self.widget, QPlainTextEdit)
        excess = end - start - self.limit()
        if excess <= 0:
            return
        cursor = self.widget.textCursor()
        at = cursor.position()
        if not start <= at <= end or at - start < excess:
            at = end
        cursor.setPosition(at - excess)
        cursor.setPosition(at, cursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()

    def _cut_lines(self) -> None:
        assert isinstance(self.widget, QPlainTextEdit)
        block = self.widget.document().lastBlock()
        while block.isValid():  # from the end: a cut leaves earlier positions as they were
            start = block.position()
            self._cut_span(start, start + len(block.text()))
            block = block.previous()

    def _item_blocks(self) -> list[QTextBlock]:
        assert isinstance(self.widget, QPlainTextEdit)
        found, block = [], self.widget.document().firstBlock()
        while block.isValid():
            if block.text().strip():  # blank lines are not items
                found.append(block)
            block = block.next()
        return found

    def _cut_items(self) -> None:
        """Remove the lines past ``items()``: those just typed or pasted (ending at the
        cursor), so that the items that were there before are kept; then the last."""
        assert isinstance(self.widget, QPlainTextEdit)
        most = self.items()
        blocks = self._item_blocks() if most is not None else []
        if most is None or len(blocks) <= most:
            return
        cursor = self.widget.textCursor()
        at = cursor.block()
        if cursor.positionInBlock() == 0 and at.previous().isValid():
            at = at.previous()  # a paste ending in a line break stops before this line
        # A text set whole leaves the cursor at its start: nothing was typed before it.
        before = (
            [b for b in blocks if b.blockNumber() <= at.blockNumber()] if cursor.position() else []
        )
        after = [b for b in blocks if b.blockNumber() > at.blockNumber()]
        excess = len(blocks) - most
        doomed = (before[::-1] + after[::-1])[:excess]
        for block in sorted(doomed, key=lambda b: b.blockNumber(), reverse=True):
            _remove_line(self.widget, block)

    def _messages(self) -> list[str]:
        """What the counter says: the characters (near their limit), and for a list
        edited one item per line the number of items (near theirs)."""
        locale, texts = QLocale(), []
        used, limit = len(self._text()), self.limit()
        if used >= limit * SHOW_FROM:
            text = self.tr("%1 of %2 characters")
            texts.append(
                text.replace("%1", locale.toString(used)).replace("%2", locale.toString(limit))
            )
        most = self.items() if self.per_line else None
        if most is not None:
            count = len(self._item_blocks())
            if count >= most * SHOW_FROM:
                text = self.tr("%1 of %2 lines")
                texts.append(
                    text.replace("%1", locale.toString(count)).replace("%2", locale.toString(most))
                )
        return texts

    def update(self) -> None:
        texts = self._messages()
        if not texts:
            if self._counter is not None:
                self._counter.hide()
            return
        self.counter.setText(" · ".join(texts))
        self.counter.setAccessibleName(self.counter.text())
        self.counter.adjustSize()
        self._place()
        self.counter.show()

    def _place(self) -> None:
        """In the bottom right corner of where the text is (left of a scroll bar)."""
        area = self._area.geometry() if self._area is not self.widget else self.widget.rect()
        x = area.right() + 1 - self.counter.width() - 4
        y = area.bottom() + 1 - self.counter.height() - 2
        self.counter.move(max(x, 0), max(y, 0))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._area and event.type() == QEvent.Type.Resize and self._counter:
            self._place()
        return False


def _remove_line(widget: QPlainTextEdit, block: QTextBlock) -> None:
    """Remove ``block`` with one of the line breaks around it."""
    cursor = QTextCursor(block)
    if block.next().isValid():
        cursor.setPosition(block.next().position(), QTextCursor.MoveMode.KeepAnchor)
    elif block.previous().isValid():
        cursor.setPosition(block.previous().position() + block.previous().length() - 1)
        cursor.setPosition(block.position() + block.length() - 1, QTextCursor.MoveMode.KeepAnchor)
    else:
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
    cursor.removeSelectedText()

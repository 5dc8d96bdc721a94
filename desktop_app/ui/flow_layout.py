"""A layout that places its items in rows and wraps to the next row when the width
runs out (Qt's "Flow Layout" example), so filter rows never cut their labels at large
text or on small screens ("Alla gru", "Beslutsda").

The gap between items is the layout's own spacing, which Qt takes from the style
(``PM_LayoutHorizontalSpacing``) unless one is given: asking the style from Python
instead (``QStyle.layoutSpacing``, per item, as Qt's example does) sets up PySide6's
``QStyle`` type with its large enums, about 4 ms before the register's first page
(issue 18), for the same 6 pixels in Fusion and the Windows styles. A style that has no
such metric and spaces by the kinds of control (macOS) is asked from Python.

``FlowLayout`` takes the room it is given, as Qt's own layouts do; ``TightFlowLayout``
never more than its rows need (Qt's example). Saying so means answering Qt with a
``Qt.Orientation``, which sets up PySide6's ``Qt`` namespace (see ``ui/date_field``), so
the register's filter bar, on the way to the first page, uses the first: the list below
it has the stretch.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QMargins, QPoint, QRect, QSize
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget

if TYPE_CHECKING:
    from PySide6.QtCore import Qt


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None, spacing: int = -1) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        if parent is not None:
            self.setContentsMargins(QMargins(0, 0, 0, 0))

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._do_layout(QRect(0, 0, width, 0), test_only=True)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._do_layout(rect, test_only=False)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _gap(self) -> int:
        """Between two items, across and down: the given spacing, or the style's."""
        if self._spacing >= 0:
            return self._spacing
        gap = self.spacing()  # the style's layout spacing, asked by Qt itself
        if gap < 0:  # a style that spaces by the kinds of control (macOS): ask it
            gap = self._style_gap()
        return max(gap, 4)

    def _style_gap(self) -> int:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QSizePolicy

        widget = self.parentWidget()
        if widget is None:
            return -1
        button = QSizePolicy.ControlType.PushButton
        return widget.style().layoutSpacing(button, button, Qt.Orientation.Horizontal)

    def _do_layout(self, rect: QRect, test_only: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, row_height = area.x(), area.y(), 0
        dx = dy = self._gap()
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            width = min(hint.width(), area.width())
            if x + width > area.right() + 1 and row_height > 0:
                x, y, row_height = area.x(), y + row_height + dy, 0
            if not test_only:
                item.setGeometry(QRect(QPoint(x, y), QSize(width, hint.height())))
            x += width + dx
            row_height = max(row_height, hint.height())
        return y + row_height - rect.y() + margins.bottom()


class TightFlowLayout(FlowLayout):
    """A flow layout that never grows beyond its rows, however much room it is given."""

    def expandingDirections(self) -> Qt.Orientation:
        from PySide6.QtCore import Qt

        return Qt.Orientation(0)

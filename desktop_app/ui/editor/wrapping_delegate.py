"""Tree rows that show their whole text at the pane's width: wrapped at word
boundaries, and inside a word that is longer than the line ("Funktionsnedsättning"
at 200 % text in a narrow pane), never cut off.

Qt's own item drawing measures a tree's row for one line whatever the width, and wraps
only at spaces; this delegate measures and draws the text with a ``QTextLayout`` that
wraps at word boundaries or anywhere.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRect, QSize
from PySide6.QtGui import QPainter, QPalette, QTextLayout, QTextOption
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTreeWidget

Index = QModelIndex | QPersistentModelIndex
TALL = 100_000  # a text rectangle's height while measuring


def text_layout(text: str, option: QStyleOptionViewItem, width: int) -> tuple[QTextLayout, int]:
    """``text`` laid out in lines of ``width`` pixels; and the height it takes."""
    layout = QTextLayout(text, option.font)
    wrapping = QTextOption()
    wrapping.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(wrapping)
    layout.beginLayout()
    height = 0.0
    while (line := layout.createLine()).isValid():
        line.setLineWidth(max(width, 1))
        line.setPosition(QPointF(0, height))
        height += line.height()
    layout.endLayout()
    return layout, int(height + 0.999)


class WrappingDelegate(QStyledItemDelegate):
    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self.tree = tree

    def _row_width(self, index: Index) -> int:
        depth, parent = 0, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        indent = self.tree.indentation() * (depth + (1 if self.tree.rootIsDecorated() else 0))
        return max(self.tree.viewport().width() - indent, 40)

    def _text_rect(self, option: QStyleOptionViewItem) -> QRect:
        style = self.tree.style()
        return style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, self.tree)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        measured = QStyleOptionViewItem(option)
        self.initStyleOption(measured, index)
        measured.rect = QRect(0, 0, self._row_width(index), TALL)
        area = self._text_rect(measured)
        _layout, height = text_layout(measured.text, measured, area.width())
        one_line = super().sizeHint(option, index)
        extra = max(one_line.height() - measured.fontMetrics.height(), 0)
        return QSize(measured.rect.width(), max(one_line.height(), height + extra))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        shown = QStyleOptionViewItem(option)
        self.initStyleOption(shown, index)
        text, area = shown.text, self._text_rect(shown)
        shown.text = ""  # background, selection, focus and icon as the style draws them
        self.tree.style().drawControl(
            QStyle.ControlElement.CE_ItemViewItem, shown, painter, self.tree
        )
        layout, height = text_layout(text, shown, area.width())
        selected = bool(shown.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setPen(shown.palette.color(role))
        top = area.top() + max((area.height() - height) // 2, 0)
        layout.draw(painter, QPointF(area.left(), top))
        painter.restore()

"""Small building blocks shared by the editor's pages."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QScrollArea,
    QWidget,
)


def wrapped_label(text: str, *, rich: bool = False, muted: bool = False) -> QLabel:
    """A label that wraps; content text is plain unless ``rich`` is asked for."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if muted:
        label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


def text_box(accessible_name: str, lines: int = 4) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setAccessibleName(accessible_name)
    box.setTabChangesFocus(True)
    # Height follows the font, so the layout survives large text settings.
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 14)
    return box


def enum_combo(
    values: Iterable[tuple[StrEnum, str]], accessible_name: str, empty: str | None = None
) -> QComboBox:
    """A combo box whose item data are enum values; an optional first item means None."""
    combo = QComboBox()
    combo.setAccessibleName(accessible_name)
    if empty is not None:
        combo.addItem(empty, None)
    for value, label in values:
        combo.addItem(label, value.value)
    return combo


def radio_row(labels: Iterable[str], accessible_name: str) -> tuple[QWidget, QButtonGroup]:
    """A row of radio buttons with ids 0..n-1, none checked."""
    row = QWidget()
    row.setAccessibleName(accessible_name)
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    group = QButtonGroup(row)
    for index, label in enumerate(labels):
        button = QRadioButton(label)
        button.setAccessibleName(f"{accessible_name}: {label}")
        group.addButton(button, index)
        layout.addWidget(button)
    layout.addStretch(1)
    return row, group


def scrolling(page: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidget(page)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    return area

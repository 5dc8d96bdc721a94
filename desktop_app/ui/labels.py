"""A label that wraps, for dialogs of their own as well as the editor's pages: a module
of its own, so that the first-run question does not load the editor's building blocks
(``ui/editor/widgets.py``) at every start."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel


def wrapped_label(text: str, *, rich: bool = False, muted: bool = False) -> QLabel:
    """A label that wraps; content text is plain unless ``rich`` is asked for."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if muted:
        label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label

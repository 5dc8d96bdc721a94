"""The line beside a ground that shows the screener's suggestion, if any."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from desktop_app.ui.editor.suggestions import Suggestions


class SuggestionLabel(QLabel):
    """ "Suggested as relevant: …" with the words found; hidden when there are none."""

    def __init__(self, suggestions: Suggestions, ground_key: str) -> None:
        super().__init__()
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        font = self.font()
        font.setItalic(True)
        self.setFont(font)
        self.suggestions = suggestions
        self.ground_key = ground_key
        suggestions.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        words = self.suggestions.words(self.ground_key)
        if words:
            quoted = ", ".join(self.tr("“%1”").replace("%1", word) for word in words)
            self.setText(
                self.tr("Suggested as relevant: the decision text mentions %1.").replace(
                    "%1", quoted
                )
            )
        else:
            self.clear()
        # Never show() a label that has no parent yet: it would open as a window.
        if not words:
            self.hide()
        elif self.parent() is not None:
            self.show()

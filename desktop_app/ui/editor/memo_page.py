"""The text for the decision memo, ready to copy.

The paragraph that goes into the memo's section on consequences for equality, written
from the assessment in the assessment's own language (the same text as
``lika summary ID``). It follows every edit; where something is still missing it says
so, so an unfinished assessment cannot pass for a finished one.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from desktop_app.domain.memo import memo_text
from desktop_app.ui.context import UiContext
from desktop_app.ui.editor.document import AssessmentDocument
from desktop_app.ui.editor.widgets import NAVIGATION, heading, set_guidance, wrapped_label


class MemoPage(QWidget):
    def __init__(
        self, context: UiContext, document: AssessmentDocument, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.document = document
        layout = QVBoxLayout(self)
        title = self.tr("Text for the decision memo")
        layout.addWidget(heading(title))
        explanation = self.tr(
            "Paste this text into the decision memo, in its section on the consequences "
            "for equality. It is written from what you have filled in, in the language "
            "of the assessment, and changes as you edit. Where something is still "
            "missing, the text says so."
        )
        layout.addWidget(wrapped_label(explanation))
        set_guidance(self, title, explanation)
        self.language_note = QLabel()
        layout.addWidget(self.language_note)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setTabChangesFocus(True)
        self.text.setAccessibleName(title)
        self.text.setMinimumHeight(self.text.fontMetrics().lineSpacing() * 14)
        layout.addWidget(self.text, 1)
        buttons = QHBoxLayout()
        self.copy_button = QPushButton(self.tr("&Copy the text"))
        self.copy_button.setProperty(NAVIGATION, True)  # copying changes nothing
        self.copy_button.clicked.connect(self.copy)
        self.copied = QLabel()
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.copied, 1)
        layout.addLayout(buttons)
        document.gapsChanged.connect(self._on_changed)
        document.checklistsChanged.connect(self._on_changed)
        self.refresh()

    def memo(self) -> str:
        assessment = self.document.assessment
        return memo_text(
            assessment,
            self.document.checklists,
            self.context.content.vocabulary,
            assessment.language,
        )

    def refresh(self) -> None:
        language = self.context.label(self.document.assessment.language)
        self.language_note.setText(self.tr("Language: %1").replace("%1", language))
        text = self.memo()
        if self.text.toPlainText() != text:
            self.text.setPlainText(text)
        self.copied.clear()

    def _on_changed(self) -> None:
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        self.refresh()
        super().showEvent(event)

    def copy(self) -> None:
        self.refresh()
        QGuiApplication.clipboard().setText(self.text.toPlainText())
        self.copied.setText(self.tr("Copied. Paste it into the memo with Ctrl+V."))

"""The text for the decision memo, ready to copy.

The paragraph that goes into the memo's section on consequences for equality, written
from the assessment in the assessment's own language (the same text as
``lika summary ID``). It follows every edit; where something is still missing it says
so, so an unfinished assessment cannot pass for a finished one. *Copy* puts HTML beside
the plain text on the clipboard, so a paste into Word or Outlook keeps the list and the
two tables; *Export memo section…* writes the same as a Word file (``memo_export``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.app import memo_export
from desktop_app.domain.errors import LikaError
from desktop_app.domain.memo_document import MemoDocument
from desktop_app.reports.memo_html import memo_html
from desktop_app.ui.context import UiContext
from desktop_app.ui.editor.document import AssessmentDocument
from desktop_app.ui.editor.widgets import NAVIGATION, heading, set_guidance, wrapped_label
from desktop_app.ui.literal_text import literal


class MemoPage(QWidget):
    def __init__(
        self,
        context: UiContext,
        document: AssessmentDocument,
        parent: QWidget | None = None,
        ask_file: Callable[[str], Path | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.ask_file = ask_file or self._ask_file
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
        self.export_button = QPushButton(self.tr("Export &memo section…"))
        self.export_button.setProperty(NAVIGATION, True)  # writes a file, changes nothing
        self.export_button.setToolTip(
            self.tr("A Word document with the text, the impact table and the measures table")
        )
        self.export_button.clicked.connect(self.export)
        self.copied = QLabel()
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.copied, 1)
        layout.addLayout(buttons)
        document.gapsChanged.connect(self._on_changed)
        document.checklistsChanged.connect(self._on_changed)
        self.refresh()

    def memo_document(self) -> MemoDocument:
        return memo_export.memo_for(self.context.service, self.document.assessment)

    def memo(self) -> str:
        return self.memo_document().text

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
        memo = self.memo_document()
        data = QMimeData()
        data.setText(memo.text)
        data.setHtml(memo_html(memo))
        QGuiApplication.clipboard().setMimeData(data)
        self.copied.setText(self.tr("Copied. Paste it into the memo with Ctrl+V."))

    def suggested_name(self) -> str:
        a = self.document.assessment
        stem = a.decision.case_number or f"lika-{a.id}"
        return "".join("-" if c in '/\\:*?"<>|' else c for c in stem).strip() + "-memo.docx"

    def _ask_file(self, suggested: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export memo section"), suggested, self.tr("Word documents (*.docx)")
        )
        return Path(name) if name else None

    def export(self) -> Path | None:
        """Ask for a file name and write the memo section there as a Word document."""
        out = self.ask_file(self.suggested_name())
        if out is None:
            return None
        if out.suffix.lower() != memo_export.DOCX_SUFFIX:
            out = out.with_name(out.name + memo_export.DOCX_SUFFIX)
        try:
            memo_export.write_memo(self.memo_document(), out)
        except LikaError as error:
            QMessageBox.warning(
                self, self.tr("The memo section was not written"), literal(str(error))
            )
            return None
        self.copied.setText(self.tr("Written to %1").replace("%1", str(out)))
        return out

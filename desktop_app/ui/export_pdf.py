"""Export PDF from the editor: save, ask where, write on a worker, offer to open it.

The editor calls ``SummaryExport.ask`` from its Export PDF action. What the summary
shows is gathered on the GUI thread (the register connection cannot cross threads) and
copied, so typing on while the PDF is written cannot change it half-way.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from desktop_app.app.reporting import summary_input
from desktop_app.domain.checklist import Checklist
from desktop_app.domain.errors import LikaError
from desktop_app.domain.model import Assessment
from desktop_app.progress import Progress
from desktop_app.reports.assessment_pdf import render_summary
from desktop_app.ui.context import UiContext
from desktop_app.ui.literal_text import literal
from desktop_app.ui.report_task import (
    Opener,
    ReportTask,
    Runner,
    open_in_viewer,
    shared_runner,
)


class _Document(Protocol):
    assessment: Assessment
    checklists: list[Checklist]

    def save_now(self) -> bool: ...


class SummaryExport(QObject):
    def __init__(
        self,
        window: QMainWindow,
        context: UiContext,
        document: _Document,
        *,
        runner: Runner | None = None,
        opener: Opener = open_in_viewer,
    ) -> None:
        # The window is reached through parent(): a Python reference to it would keep
        # its wrapper alive after Qt deleted the closed window.
        super().__init__(window)
        self.context = context
        self.document = document
        self.runner: Runner = runner or shared_runner()
        self.opener = opener
        self.task: ReportTask | None = None

    def suggested_name(self) -> str:
        a = self.document.assessment
        stem = a.decision.case_number or f"lika-{a.id}"
        return "".join("-" if c in '/\\:*?"<>|' else c for c in stem).strip() + ".pdf"

    @property
    def window(self) -> QMainWindow:
        parent = self.parent()
        assert isinstance(parent, QMainWindow)
        return parent

    def ask(self) -> None:
        """Save pending edits, ask for a file name, then export."""
        if not self.document.save_now():
            return
        name, _ = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Export PDF"),
            self.suggested_name(),
            self.tr("PDF documents (*.pdf)"),
        )
        if name:
            self.export(Path(name))

    def export(self, out: Path) -> ReportTask | None:
        """Write the summary to ``out`` in the background; None if it could not start."""
        if out.suffix.lower() != ".pdf":
            out = out.with_name(out.name + ".pdf")
        try:
            data = summary_input(self.context.service, copy.deepcopy(self.document.assessment))
        except LikaError as error:
            QMessageBox.warning(
                self.window, self.tr("The PDF was not written"), literal(str(error))
            )
            return None

        def work(progress: Progress) -> None:
            progress.start(0, self.tr("Writing the PDF…"))
            render_summary(data, out)

        task = ReportTask(
            self.window,
            self.runner,
            title=self.tr("Export PDF"),
            cancellable=False,
            opener=self.opener,
        )
        task.finished.connect(
            lambda path: self.window.statusBar().showMessage(
                self.tr("PDF written to %1").replace("%1", str(path)), 8000
            )
        )
        self.task = task
        task.start(work, out, open_when_done=False)
        return task


def install_pdf_export(
    editor: QMainWindow, context: UiContext, document: _Document
) -> SummaryExport:
    """The editor's one hook: ``self.pdf_export = install_pdf_export(self, ...)``."""
    return SummaryExport(editor, context, document)

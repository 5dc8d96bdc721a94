"""Running a report off the GUI thread with a progress dialog, then offering the result.

Shared by the editor's PDF export and the portfolio report dialog: the work runs on the
``TaskRunner``, a progress dialog appears if it takes more than a moment (with Cancel
where the work can stop), errors come back as one dialog, and the finished file is
opened in the system's viewer only when the user asks for it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QPushButton, QWidget
from shiboken6 import isValid

from desktop_app.progress import Cancelled, Progress
from desktop_app.ui.literal_text import literal
from desktop_app.ui.tasks import Runner, Task, TaskRunner, error_text

Opener = Callable[[Path], bool]


def open_in_viewer(path: Path) -> bool:
    """Open ``path`` in the program the system uses for its type (a PDF viewer)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class ReportTask(QObject):
    """One report being written: progress while it runs, the outcome when it ends."""

    finished = Signal(Path)
    failed = Signal(str)

    def __init__(
        self,
        parent: QWidget,
        runner: Runner,
        *,
        title: str,
        cancellable: bool,
        opener: Opener = open_in_viewer,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._opener = opener
        cancel = self.tr("Cancel") if cancellable else ""
        self.progress = QProgressDialog(title, cancel, 0, 0, parent)
        self.progress.setWindowTitle(title)
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(400)  # quick exports show no dialog at all
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        if not cancellable:
            self.progress.setCancelButton(None)
        self.progress.reset()
        self.task: Task | None = None
        self.result_box: QMessageBox | None = None

    @property
    def _window(self) -> QWidget:
        parent = self.parent()
        assert isinstance(parent, QWidget)
        return parent

    def start(self, work: Callable[[Progress], None], out: Path, *, open_when_done: bool) -> None:
        """Run ``work`` (which writes ``out``); when done, open ``out`` in the system's
        viewer if the user asked for that, else say where it is, with an Open button."""
        self.progress.setValue(0)
        self.progress.canceled.connect(self._cancel)

        def done(_value: object) -> None:
            if not isValid(self):  # the window closed while the file was written
                return
            self._finish()
            self.finished.emit(out)
            if open_when_done:
                self.open_result(out)
            else:
                self._show_result(out)

        self.task = self._runner.run(
            lambda progress: work(progress), done, self._on_error, self._on_progress
        )

    def _cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def _on_progress(self, done: int, total: int, label: str) -> None:
        if not isValid(self):
            return
        if total and self.progress.maximum() != total:
            self.progress.setMaximum(total)
        if label:
            self.progress.setLabelText(label)
        self.progress.setValue(min(done, total) if total else 0)

    def _finish(self) -> None:
        self.progress.canceled.disconnect(self._cancel)
        self.progress.reset()
        self.progress.hide()

    def _on_error(self, error: BaseException) -> None:
        if not isValid(self):
            return
        self._finish()
        if isinstance(error, Cancelled):
            self.failed.emit("")
            return
        message = error_text(error)
        self.failed.emit(message)
        QMessageBox.warning(self._window, self.tr("The report was not written"), literal(message))

    def _show_result(self, out: Path) -> None:
        box = QMessageBox(self._window)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("Report written"))
        box.setText(self.tr("Written to %1").replace("%1", str(out)))
        box.setStandardButtons(QMessageBox.StandardButton.Close)
        self.open_button: QPushButton = box.addButton(
            self.tr("&Open"), QMessageBox.ButtonRole.AcceptRole
        )
        self.open_button.clicked.connect(lambda: self.open_result(out))
        self.result_box = box
        box.open()  # window-modal, does not block the event loop

    def open_result(self, out: Path) -> None:
        if not self._opener(out):
            QMessageBox.warning(
                self._window,
                self.tr("Could not open the file"),
                self.tr("No program is set up to open %1.").replace("%1", str(out)),
            )


def shared_runner() -> TaskRunner:
    """A runner that outlives the window that started the work, so a job that ends
    after its window closed has somewhere to report (and is then ignored)."""
    app = QApplication.instance()
    runner = app.findChild(TaskRunner, "lika-report-runner") if app else None
    if runner is None:
        runner = TaskRunner(app)
        runner.setObjectName("lika-report-runner")
    return runner

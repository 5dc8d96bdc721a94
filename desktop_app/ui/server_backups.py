"""File → Backups… on a server register: IT backs the server up, the window only saves
a copy.

A register file is backed up by the window (``ui/backups_dialog.py``); a database
server is backed up by IT with PostgreSQL's own tools (``pg_dump``, continuous
archiving, docs/it-deployment.md), and a restore there is IT's too. What a user can
do is ``lika backup --out``: save a portable register file of the server register
(``app.server_copy.backup_server``), to hand on or archive.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.app.server_copy import BackupReport, backup_server
from desktop_app.progress import Progress
from desktop_app.register_location import shown
from desktop_app.ui.literal_text import literal
from desktop_app.ui.tasks import ImmediateRunner, TaskRunner, error_text


class ServerBackupsDialog(QDialog):
    """Says who backs the server up, and saves a copy as a register file."""

    def __init__(
        self, url: str, runner: TaskRunner | ImmediateRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.url, self.runner = url, runner
        self.setWindowTitle(self.tr("Backups"))
        self.text = QLabel(
            self.tr(
                "The register %1 is on a database server. IT backs the server up with "
                "PostgreSQL's own tools (pg_dump or continuous archiving) and restores it "
                "when needed; Lika makes no backups of its own here.\n\nYou can save a copy "
                "of the whole register as a register file, to hand on or to archive."
            ).replace("%1", shown(url))
        )
        self.text.setWordWrap(True)
        self.save_button = QPushButton(self.tr("&Save a copy as a register file…"))
        self.save_button.clicked.connect(self.choose_copy)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.save_button)
        layout.addWidget(buttons)

    def choose_copy(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save a copy as a register file"), "lika-copy.db",
            self.tr("Lika registers (*.db)"),
        )  # fmt: skip
        if name:
            self.save_copy(Path(name))

    def save_copy(self, target: Path) -> None:
        """Write the copy in the background (one snapshot of the server register)."""
        self.save_button.setEnabled(False)
        url = self.url

        def work(_progress: Progress) -> BackupReport:
            if target.exists():  # the file dialog asked before replacing it
                target.unlink()
            return backup_server(url, target)

        self.runner.run(work, self._saved, self._failed)

    def _saved(self, report: Any) -> None:
        self.save_button.setEnabled(True)
        QMessageBox.information(
            self,
            self.tr("Copy saved"),
            self.tr("A copy of the register was saved as %1.").replace("%1", str(report.target)),
        )

    def _failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        message = error_text(error)
        QMessageBox.warning(self, self.tr("No copy was saved"), literal(message))

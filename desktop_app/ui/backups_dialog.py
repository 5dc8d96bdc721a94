"""The backups of the open register: when they were made, why, and restoring one.

Also where the user sets how many automatic backups are kept. Restoring closes the
open editors first (saving their edits), keeps the current register in the backup
folder, upgrades an older backup's schema the usual way (with a backup first), and
records the restore in the audit log as done by the identity from the settings.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.app.backups import BackupInfo, Reason, backups
from desktop_app.domain.errors import LikaError
from desktop_app.ui.literal_text import literal
from desktop_app.ui.screen_fit import fit_to_screen

if TYPE_CHECKING:
    from desktop_app.ui.data_actions import DataActions


class BackupsDialog(QDialog):
    def __init__(self, actions: DataActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_actions = actions
        self.db_path = actions.db_path
        self.backups: list[BackupInfo] = []
        self.setWindowTitle(self.tr("Backups"))
        self.kinds = {
            Reason.START: self.tr("When Lika started"),
            Reason.DAILY: self.tr("Daily"),
            Reason.MIGRATION: self.tr("Before an upgrade"),
            Reason.MANUAL: self.tr("Made by hand"),
            Reason.REPLACED: self.tr("Replaced by a restore"),
        }

        folder = backups(self.db_path).folder
        where = QLabel(
            self.tr("Backups of %1 are kept in %2. Each one is checked for damage when it is made.")
            .replace("%1", str(self.db_path))
            .replace("%2", str(folder))
        )
        where.setWordWrap(True)
        self.model = QStandardItemModel(0, 3, self)
        self.model.setHorizontalHeaderLabels([self.tr("Made"), self.tr("Why"), self.tr("Size")])
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Backups"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

        self.keep = QSpinBox()
        self.keep.setRange(1, 365)
        self.keep.setValue(actions.context.settings.backups_to_keep)
        self.keep.setAccessibleName(self.tr("Automatic backups to keep"))
        self.keep.valueChanged.connect(self._set_keep)
        keep_label = QLabel(self.tr("&Keep the newest automatic backups:"))
        keep_label.setBuddy(self.keep)
        keep_row = QHBoxLayout()
        keep_row.addWidget(keep_label)
        keep_row.addWidget(self.keep)
        keep_row.addStretch(1)

        self.backup_button = QPushButton(self.tr("&Back up now"))
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button = QPushButton(self.tr("&Restore…"))
        self.restore_button.clicked.connect(self.restore_selected)
        folder_button = QPushButton(self.tr("&Open the folder"))
        folder_button.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        for button in (self.backup_button, self.restore_button, folder_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)

        layout = QVBoxLayout(self)
        layout.addWidget(where)
        layout.addWidget(self.table, 1)
        layout.addLayout(keep_row)
        layout.addWidget(buttons)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update())
        unit = self.fontMetrics().averageCharWidth()
        fit_to_screen(self, 90 * unit, 24 * self.fontMetrics().lineSpacing())
        self.refresh()

    def refresh(self) -> None:
        self.backups = backups(self.db_path).listed()
        self.model.removeRows(0, self.model.rowCount())
        context = self.data_actions.context
        for info in self.backups:
            made = context.short_date(info.taken)
            cells = [made, self.kinds[info.reason], context.locale.formattedDataSize(info.size)]
            row = [QStandardItem(text) for text in cells]
            row[0].setToolTip(str(info.path))
            self.model.appendRow(row)
        if self.backups:
            self.table.selectRow(0)
        self._update()

    def _update(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def _set_keep(self, value: int) -> None:
        self.data_actions.context.settings.backups_to_keep = value

    def back_up_now(self) -> None:
        self.backup_button.setEnabled(False)

        def done(_result: object) -> None:
            self.backup_button.setEnabled(True)
            self.refresh()

        self.data_actions.backup_now(Reason.MANUAL, on_done=done)

    def restore_selected(self) -> None:
        info = self.selected()
        if info is None:
            return
        when = self.model.item(self.table.selectionModel().selectedRows()[0].row(), 0).text()
        answer = QMessageBox.question(
            self,
            self.tr("Restore backup"),
            self.tr(
                "Replace the register with the backup from %1? Open assessments are "
                "saved and closed first. The register as it is now is kept in the backup "
                "folder, so nothing is deleted."
            ).replace("%1", when),
        )
        if answer == QMessageBox.StandardButton.Yes and self.restore(info):
            self.refresh()

    def restore(self, info: BackupInfo) -> bool:
        window = self.data_actions.window
        if not window.windows.close_all():
            return False
        try:
            # Upgrades an older backup as usual, and records the restore in its log.
            context = self.data_actions.context  # who restores; not opened for this
            identity = (
                context.service.identity if context.service_open else context.settings.identity()
            )
            kept = backups(self.db_path).restore(info.path, actor=identity, force=True)
        except LikaError as error:
            QMessageBox.warning(self, self.tr("Not restored"), literal(str(error)))
            return False
        window.restore_watch.rearm()
        window.refresh()
        QMessageBox.information(
            self,
            self.tr("Backup restored"),
            self.tr("The backup was restored. The register as it was is kept as %1.").replace(
                "%1", str(kept)
            ),
        )
        return True

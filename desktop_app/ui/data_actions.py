"""The main window's data-safety features, installed with one call:

- File menu: import and export of exchange files, and the backups dialog;
- dropping ``.json`` exchange files (or PDFs Lika wrote, which carry one) on the window
  imports them;
- backups at start-up and daily, in the background, rotated by the retention setting;
- remembering which assessments and pages are open, to reopen them after a crash.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from desktop_app.app.backups import BackupInfo, Reason, backups
from desktop_app.app.errors import DamagedDatabaseError
from desktop_app.domain.errors import LikaError
from desktop_app.progress import Cancelled, Progress
from desktop_app.ui.literal_text import literal
from desktop_app.ui.session import SessionKeeper
from desktop_app.ui.shortcuts import set_shortcut
from desktop_app.ui.tasks import ImmediateRunner, TaskRunner, error_text

if TYPE_CHECKING:
    from desktop_app.app import transfer
    from desktop_app.app.transfer import ExchangeDocument
    from desktop_app.ui.editor.editor_window import EditorWindow
    from desktop_app.ui.main_window import MainWindow

DAILY_CHECK_MS = 60 * 60 * 1000  # look once an hour whether a day has passed


def install_data_actions(window: MainWindow) -> DataActions:
    return DataActions(window)


def exchange_files(paths: list[Path]) -> list[Path]:
    return [p for p in paths if p.suffix.lower() in (".json", ".pdf")]


class DataActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.context = window.context
        self.db_path = Path(self.context.register_path)
        # On a server register IT backs the database up (issue 20).
        self.server_url = window.context.server_url
        self.runner: TaskRunner | ImmediateRunner = TaskRunner(self)
        self.session = SessionKeeper(window.context.settings, self.context.register_path, self)
        window.editorOpened.connect(self._on_editor_opened)
        window.destroyed.connect(lambda *_: self.session.release())
        self._build_actions()
        window.setAcceptDrops(True)
        window.installEventFilter(self)
        self.daily = QTimer(self, interval=DAILY_CHECK_MS)
        self.daily.timeout.connect(self.backup_if_due)

    def _build_actions(self) -> None:
        w = self.window
        self.import_action = QAction(self.tr("&Import assessment…"), w)
        set_shortcut(self.import_action, self.tr("Ctrl+I"))
        self.import_action.triggered.connect(self.choose_import)
        self.export_action = QAction(self.tr("Ex&port assessment…"), w)
        set_shortcut(self.export_action, self.tr("Ctrl+E"))
        self.export_action.triggered.connect(self.choose_export)
        self.backups_action = QAction(self.tr("&Backups…"), w)
        self.backups_action.triggered.connect(self.show_backups)
        menu = self._file_menu()
        quit_action = menu.actions()[-1] if menu.actions() else None
        before = quit_action
        for action in reversed(menu.actions()[:-1]):
            if action.isSeparator():
                before = action
                break
        ours = [self.import_action, self.export_action, self.backups_action]
        if before is None:
            menu.addActions(ours)
        else:
            menu.insertActions(before, ours)
        menu.insertSeparator(self.import_action)
        w.register_view.selectionChanged.connect(self._update)
        self._update()

    def _file_menu(self) -> QMenu:
        for action in self.window.menuBar().actions():
            if action.menu() is not None:
                return action.menu()  # type: ignore[return-value]
        return self.window.menuBar().addMenu(self.tr("&File"))

    def _update(self) -> None:
        self.export_action.setEnabled(self._selected_id() is not None)

    def _selected_id(self) -> int | None:
        return self.window.register_view.selected_id()

    # Start-up: session and backups

    def start(self) -> None:
        """After the window is shown: reopen interrupted work, back up, watch the day."""
        reopened = 0
        if self.session.interrupted() and self._register_opens():
            reopened = self.session.restore(self.window, self._exists)
        if reopened:
            self.window.statusBar().showMessage(
                self.tr(
                    "Lika was not closed properly last time. Your work was saved as you "
                    "typed and is open again."
                ),
                15000,
            )
        if self.server_url is None:  # a server is backed up by IT (File → Backups…)
            self.backup_now(Reason.START)
            self.daily.start()

    def _register_opens(self) -> bool:
        """Reopening interrupted work opens the register for writing: if it cannot be
        opened now, say why (the work itself was saved as it was typed)."""
        try:
            _ = self.context.service
        except LikaError as error:
            title = QCoreApplication.translate("MainWindow", "Could not open the assessment")
            QMessageBox.warning(self.window, title, literal(str(error)))
            return False
        return True

    def _exists(self, assessment_id: int) -> bool:
        try:
            self.context.service.get(assessment_id)
        except LikaError:
            return False
        return True

    def backup_if_due(self) -> None:
        if self.server_url is None and backups(self.db_path).daily_due():
            self.backup_now(Reason.DAILY)

    def backup_now(self, reason: Reason, on_done: Callable[[Any], None] | None = None) -> None:
        """Back up in the background (the backup reads through its own connection)."""
        path, keep = self.db_path, self.context.settings.backups_to_keep

        def work(progress: Progress) -> BackupInfo | None:
            # Cut off when the window closes (TaskRunner.wait): made again next time.
            made = backups(path).make(reason, cancelled=lambda: progress.cancelled)
            backups(path).rotate(keep)
            return made

        def done(result: Any) -> None:
            if result is not None and reason is Reason.MANUAL:
                self.window.statusBar().showMessage(self.tr("Backup made"), 5000)
            if on_done is not None:
                on_done(result)

        self.runner.run(work, done, self._backup_failed)

    def _backup_failed(self, error: BaseException) -> None:
        if isinstance(error, Cancelled):
            return  # the window is closing; the next start backs up
        if isinstance(error, DamagedDatabaseError):
            QMessageBox.warning(
                self.window,
                self.tr("The register may be damaged"),
                self.tr(
                    "%1\n\nExport the assessments you are working on, then restore a "
                    "backup (File → Backups…) or ask IT to run “lika check”."
                ).replace("%1", str(error)),
            )
            return
        self.window.statusBar().showMessage(
            self.tr("No backup was made: %1").replace("%1", str(error)), 15000
        )

    # Session

    def _on_editor_opened(self, editor: EditorWindow) -> None:
        assessment_id = editor.document.assessment.id
        if assessment_id is None:
            return
        self.session.track(assessment_id, editor)
        editor.closed.connect(self.session.forget)

    # Export

    def choose_export(self) -> None:
        assessment_id = self._selected_id()
        if assessment_id is None:
            return
        editor = self.window.editors.get(assessment_id)
        if editor is not None and not editor.document.save_now():
            return
        row = self.window.register_view.model.row_of(assessment_id)
        case = self.window.register_view.model.summary(row).case_number if row is not None else ""
        case = case or f"lika-{assessment_id}"
        suggested = "".join(c if c.isalnum() or c in "-_ " else "-" for c in case).strip()
        name, _ = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Export assessment"),
            f"{suggested}.json",
            self.tr("Lika exchange files (*.json)"),
        )
        if name:
            self.export_to(assessment_id, Path(name))

    def export_to(self, assessment_id: int, out: Path) -> bool:
        try:
            self.context.service.transfer.export_file(assessment_id, out)
        except LikaError as error:
            QMessageBox.warning(self.window, self.tr("Not exported"), literal(str(error)))
            return False
        self.window.statusBar().showMessage(self.tr("Exported to %1").replace("%1", str(out)), 8000)
        return True

    # Import

    def choose_import(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self.window,
            self.tr("Import assessment"),
            "",
            self.tr("Lika exchange files or PDFs (*.json *.pdf)"),
        )
        for name in names:
            self.import_file(Path(name))

    def import_file(self, path: Path) -> None:
        """Read and check the file off the GUI thread, then store it here."""
        # Here, not at the top: exchange files and approvals are not needed to start.
        from desktop_app.app import transfer

        try:  # opens the register for writing if nothing has yet
            content = self.context.content
        except LikaError as error:
            self._import_failed(path, error)
            return
        self.runner.run(
            lambda _progress: transfer.read_file(content, path),
            lambda document: self._store(path, document),
            lambda error: self._import_failed(path, error),
        )

    def _import_failed(self, path: Path, error: BaseException) -> None:
        message = error_text(error)
        QMessageBox.warning(self.window, self.tr("Not imported"), literal(message))

    def _store(self, path: Path, document: ExchangeDocument) -> None:
        from desktop_app.app.transfer import ImportMode

        mode = ImportMode.NEW
        existing = self.context.service.transfer.find(document)
        if existing is not None:
            chosen = self.ask_existing(existing.title, existing.id)
            if chosen is None:
                return
            mode = chosen
            editor = self.window.editors.get(existing.id)
            if mode is ImportMode.REPLACE and editor is not None and not editor.close():
                return
            review = self.window.reviews.get(existing.id)
            if mode is ImportMode.REPLACE and review is not None:
                review.close()  # read-only: nothing to save; reopened on the new content
        try:
            stored = self.context.service.transfer.import_document(document, mode)
        except LikaError as error:
            self._import_failed(path, error)
            return
        self.window.refresh()
        title = stored.decision.title or self.tr("Untitled assessment")
        said = (
            self.tr("Imported “%1” from %2; its approval is unverified, so it is in review")
            if document.notes
            else self.tr("Imported “%1” from %2")
        )
        self.window.statusBar().showMessage(
            said.replace("%1", title).replace("%2", path.name), 15000 if document.notes else 8000
        )
        if stored.id is not None:
            self.window.open_assessment(stored.id)

    def ask_existing(self, title: str, assessment_id: int) -> transfer.ImportMode | None:
        """Ask what to do with an assessment that is already in the register."""
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Already in the register"))
        box.setText(
            self.tr(
                "“%1” (assessment %2) is already in the register. Replace it with the "
                "version in the file, or import the file as a separate copy?"
            )
            .replace("%1", title or self.tr("Untitled assessment"))
            .replace("%2", str(assessment_id))
        )
        replace = box.addButton(self.tr("&Replace"), QMessageBox.ButtonRole.DestructiveRole)
        copy = box.addButton(self.tr("Import as a &copy"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(copy)
        box.exec()
        clicked = box.clickedButton()
        from desktop_app.app.transfer import ImportMode

        if clicked is replace:
            return ImportMode.REPLACE
        if clicked is copy:
            return ImportMode.AS_NEW
        return None

    # Drag and drop

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() in (
            QEvent.Type.DragEnter,
            QEvent.Type.DragMove,
        ):
            drag: QDragEnterEvent = event  # type: ignore[assignment]
            if exchange_files(self._local_paths(drag)):
                drag.acceptProposedAction()
                return True
        elif watched is self.window and event.type() == QEvent.Type.Drop:
            drop: QDropEvent = event  # type: ignore[assignment]
            paths = exchange_files(self._local_paths(drop))
            if paths:
                drop.acceptProposedAction()
                for path in paths:
                    self.import_file(path)
                return True
        return super().eventFilter(watched, event)

    @staticmethod
    def _local_paths(event: QDropEvent) -> list[Path]:
        data = event.mimeData()
        if data is None or not data.hasUrls():
            return []
        return [Path(url.toLocalFile()) for url in data.urls() if url.isLocalFile()]

    # Backups

    def show_backups(self) -> None:
        if self.server_url is not None:
            from desktop_app.ui.server_backups import ServerBackupsDialog

            ServerBackupsDialog(self.server_url, self.runner, self.window).exec()
            return
        from desktop_app.ui.backups_dialog import BackupsDialog  # when first asked for

        dialog = BackupsDialog(self, self.window)
        dialog.exec()

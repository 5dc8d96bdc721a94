"""What the register offers about revisions: "Revisions…" and "History…" for the
selected assessment, in the Register menu and the list's context menu.

The register lists only the newest revision of each decision; "Revisions…" leads to
the earlier ones.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from desktop_app.ui.message_boxes import menu_holding

ACTIONS_CONTEXT_MENU = 2  # Qt.ContextMenuPolicy.ActionsContextMenu (part of Qt's ABI)

if TYPE_CHECKING:  # the dialogs are imported when first opened (start-up time)
    from desktop_app.ui.main_window import MainWindow
    from desktop_app.ui.revisions.history_dialog import HistoryDialog
    from desktop_app.ui.revisions.revisions_dialog import RevisionsDialog


class RegisterRevisionActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: RevisionsDialog | HistoryDialog | None = None
        self.revisions = QAction(self.tr("Re&visions…"), window)
        self.revisions.triggered.connect(self.show_revisions)
        self.history = QAction(self.tr("&History…"), window)
        self.history.triggered.connect(self.show_history)

        menu = menu_holding(window, window.evaluate_action)
        if menu is not None:
            menu.insertActions(window.evaluate_action, [self.revisions, self.history])
        # The list's context menu: what can be done with the row under the pointer.
        table = window.register_view.table
        # Qt.ContextMenuPolicy.ActionsContextMenu, by number through the property: the
        # enum would set up the whole ``Qt`` namespace at start, about 1 MB (issue 18).
        table.setProperty("contextMenuPolicy", ACTIONS_CONTEXT_MENU)
        separator = QAction(table)
        separator.setSeparator(True)
        table.addActions(
            [
                window.open_action,
                self.revisions,
                self.history,
                separator,
                window.evaluate_action,
                window.delete_action,
            ]
        )
        window.register_view.selectionChanged.connect(self.update)
        self.update()

    def update(self) -> None:
        selected = self.window.register_view.selected_id() is not None
        self.revisions.setEnabled(selected)
        self.history.setEnabled(selected)

    def show_revisions(self) -> RevisionsDialog | None:
        assessment_id = self.window.register_view.selected_id()
        if assessment_id is None:
            return None
        from desktop_app.ui.revisions.revisions_dialog import open_revisions

        dialog = open_revisions(self.window, self.window.context, assessment_id)
        if dialog is not None:
            dialog.openRequested.connect(self.window.open_assessment)
        self.dialog = dialog
        return dialog

    def show_history(self) -> HistoryDialog | None:
        assessment_id = self.window.register_view.selected_id()
        if assessment_id is None:
            return None
        from desktop_app.ui.revisions.history_dialog import open_history

        self.dialog = open_history(
            self.window, self.window.context, assessment_id, self.window.runner
        )
        return self.dialog

"""The main window's menu entries for the dialogs it opens now and then.

Each dialog's module (and what it needs: the report writers, the checklist loader) is
imported when the dialog is first opened, not when the window starts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from desktop_app.ui.shortcuts import set_shortcut

if TYPE_CHECKING:
    from desktop_app.ui.context import UiContext


def install_report_action(window: QMainWindow, context: UiContext) -> QAction:
    """The main window's one hook: a Reports menu with the portfolio report."""
    action = QAction(QCoreApplication.translate("ReportMenu", "&Portfolio report…"), window)
    set_shortcut(action, "Ctrl+R")
    action.setStatusTip(
        QCoreApplication.translate(
            "ReportMenu",
            "Counts, impacts per ground and overdue measures for a period, as PDF or CSV",
        )
    )

    def show_dialog() -> None:
        from PySide6.QtCore import Qt  # here: its enums are about 1 MB (``ui/shortcuts``)
        from PySide6.QtWidgets import QMessageBox

        from desktop_app.domain.errors import LikaError
        from desktop_app.ui.literal_text import literal
        from desktop_app.ui.report_dialog import ReportDialog

        try:  # the dialog lists the register's units: opened first if nothing has yet
            _ = context.service
            dialog = ReportDialog(context, window)
        except LikaError as error:
            QMessageBox.warning(window, action.text().replace("&", ""), literal(str(error)))
            return
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    action.triggered.connect(show_dialog)
    menu = window.menuBar().addMenu(QCoreApplication.translate("ReportMenu", "Repor&ts"))
    menu.addAction(action)
    return action


def install_settings_action(window: QMainWindow, menu: QMenu, context: UiContext) -> QAction:
    """Add "Settings…" (Ctrl+,) to ``menu`` of the main window."""
    action = QAction(QCoreApplication.translate("SettingsDialog", "&Settings…"), window)
    keys = [*QKeySequence.keyBindings(QKeySequence.StandardKey.Preferences)]
    comma = QKeySequence("Ctrl+,")
    action.setShortcuts(keys if comma in keys else [*keys, comma])
    action.setMenuRole(QAction.MenuRole.PreferencesRole)

    def show_dialog() -> None:
        from desktop_app.ui.settings_dialog import open_settings

        open_settings(window, context)

    action.triggered.connect(show_dialog)
    menu.addAction(action)
    return action

"""Small helpers for Qt's message boxes and menus, shared by the windows."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QMainWindow, QMenu


def when_clicked(button: QAbstractButton, slot: Callable[[], object]) -> Callable[[object], None]:
    """A ``buttonClicked`` handler that calls ``slot`` only for ``button`` (a message
    box reports every button through the same signal)."""

    def clicked(which: object) -> None:
        if which is button:
            slot()

    return clicked


def menu_holding(window: QMainWindow, action: QAction) -> QMenu | None:
    """The menu of ``window``'s menu bar that holds ``action``, if any."""
    for entry in window.menuBar().actions():
        menu = entry.menu()
        if isinstance(menu, QMenu) and action in menu.actions():
            return menu
    return None

"""Shortcuts set without PySide6's ``Qt`` namespace (``ui/shortcuts.py``): the same keys
``setShortcut`` gives, and none where the platform binds none."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from desktop_app.ui.shortcuts import set_shortcut

KEYS = [QKeySequence.StandardKey.New, QKeySequence.StandardKey.Open,
        QKeySequence.StandardKey.Delete, QKeySequence.StandardKey.Refresh,
        QKeySequence.StandardKey.Quit, "Ctrl+L", "Ctrl+Shift+F"]  # fmt: skip


@pytest.mark.parametrize("key", KEYS)
def test_the_same_shortcut_as_qt_gives(qtbot, key) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    ours, theirs = QAction("a", owner), QAction("b", owner)
    set_shortcut(ours, key)
    theirs.setShortcut(QKeySequence(key))
    assert ours.shortcuts() == theirs.shortcuts()
    assert ours.shortcut() == theirs.shortcut()

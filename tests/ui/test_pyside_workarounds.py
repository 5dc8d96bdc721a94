"""PySide6 6.12 drops a reference to None on every call without a result; on Python 3.11
that used to abort a long session ("deallocating None")."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel

from desktop_app.ui.pyside_workarounds import IMMORTAL


def test_many_qt_calls_do_not_use_up_none(qtbot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    for _ in range(100_000):  # enough to abort Python 3.11 without the work-around
        label.setText("Ŋuolja")
    assert sys.version_info >= (3, 12) or sys.getrefcount(None) > IMMORTAL // 2

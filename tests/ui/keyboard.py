"""Driving the GUI with the keyboard only, the way a user without a mouse would.

Keys go to whichever widget has focus (never to a widget chosen by the test), so a
test that passes proves the keyboard path exists: focus order, mnemonics, shortcuts.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from desktop_app.ui.editor.widgets import mnemonic_letter


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has keyboard focus"
    return widget


def press(qtbot, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(focused(), key, modifier)


def type_keys(qtbot, text: str) -> None:
    """Type any text into the focus, one key event per character (qtbot.keyClicks
    aborts on letters outside ASCII, and Lika's users type å, ø and ŋ)."""
    for char in text:
        widget = focused()
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def tab_to(qtbot, target: QWidget, limit: int = 80) -> int:
    """Press Tab until ``target`` has focus; how many presses it took."""
    for presses in range(limit):
        if focused() is target:
            return presses
        press(qtbot, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {target!r} (stuck on {focused()!r})")


def alt(qtbot, label_text: str) -> None:
    """Press the Alt+letter a label's mnemonic shows."""
    letter = mnemonic_letter(label_text)
    assert letter, f"no mnemonic in {label_text!r}"
    qtbot.keyClick(focused(), letter, Qt.KeyboardModifier.AltModifier)

"""Giving an action its keyboard shortcut without setting up PySide6's ``Qt`` namespace.

Given a key sequence, ``QAction.setShortcut`` is first matched against its ``Qt.Key``
overload, and that builds all 93 enum classes of the ``Qt`` namespace: about 11 ms on
the way to the register's first page (issue 18), which has a few shortcuts.
``setShortcuts`` with a list has no such overload.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence


def set_shortcut(action: QAction, key: QKeySequence.StandardKey | str) -> None:
    """``action.setShortcut(key)``: the platform's first binding of a standard key (none
    where the platform has none, as ``setShortcut`` leaves it), or a sequence in Qt's
    portable text form ("Ctrl+L")."""
    sequence = QKeySequence(key)
    action.setShortcuts([] if sequence.isEmpty() else [sequence])

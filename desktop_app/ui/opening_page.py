"""What the main window shows while its register is being opened.

Start-up goes on (reading content, opening the register) only once this page has been
drawn: work started before the first paint would leave an empty frame on the screen
until it is done. A window that is never drawn (started minimised) goes on after
``DRAW_WAIT_MS`` all the same.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer, Signal, SignalInstance
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

DRAW_WAIT_MS = 500


def once_emitted(signal: SignalInstance, then: Callable[[], None]) -> None:
    """Call ``then`` once: when ``signal`` (a first paint, a first page listed) is first
    emitted, or after ``DRAW_WAIT_MS`` if it is not (a window never drawn goes on)."""
    pending: list[Callable[[], None]] = [then]

    def once() -> None:
        if pending:
            pending.pop()()

    signal.connect(once)
    QTimer.singleShot(DRAW_WAIT_MS, once)


class OpeningPage(QWidget):
    drawn = Signal()  # once, after the first paint has reached the screen

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self.tr("Opening the register…"))
        centred = QHBoxLayout(self)  # stretch on both sides; a label centres vertically
        centred.addStretch()
        centred.addWidget(self.label)
        centred.addStretch()
        self.was_drawn = False
        self.label.installEventFilter(self)

    def show_register(self, path: Path | str) -> None:
        self.label.setText(self.tr("Opening the register %1…").replace("%1", str(path)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.label and event.type() == QEvent.Type.Paint and not self.was_drawn:
            self.was_drawn = True
            # After this paint event, which also puts the picture on the screen.
            QTimer.singleShot(0, self.drawn.emit)
        return False

    def when_drawn(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` once: after the first paint, or after ``DRAW_WAIT_MS``."""
        once_emitted(self.drawn, callback)

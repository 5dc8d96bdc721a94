"""The yardstick for Lika's start-up: the smallest PySide6 program with a main window.

``benchmarks/minimal.spec`` freezes it exactly as ``build.spec`` freezes Lika (same
PyInstaller options, same plug-ins and trimming), and ``benchmarks/startup.py`` times
both in one run. Once its window has first been drawn it prints the same marker line as
Lika with ``LIKA_SMOKE_TEST_QUIT_AFTER_SHOW=1`` (which prints it when its own window is
first drawn) and quits.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

MARKER = "LIKA_SMOKE_TEST: main window shown"


class FirstPaint(QObject):
    """Prints the marker and quits after the label's first paint (as Lika's opening page)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, report_and_quit)
        return False


def report_and_quit() -> None:
    print(MARKER, flush=True)
    QApplication.exit(0)


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("Minimal window")
    label = QLabel("A minimal PySide6 window")
    window.setCentralWidget(label)
    window.resize(1100, 650)
    watcher = FirstPaint()
    if os.environ.get("LIKA_SMOKE_TEST_QUIT_AFTER_SHOW") == "1":
        label.installEventFilter(watcher)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())

"""The yardstick for Lika's start-up: the smallest PySide6 program with a main window.

``benchmarks/minimal.spec`` freezes it exactly as ``build.spec`` freezes Lika (same
PyInstaller options, same plug-ins and trimming), and ``benchmarks/startup.py`` times
both in one run. It quits once its window is shown, like Lika with
``LIKA_SMOKE_TEST_QUIT_AFTER_SHOW=1``, printing the same marker line.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

MARKER = "LIKA_SMOKE_TEST: main window shown"


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("Minimal window")
    window.setCentralWidget(QLabel("A minimal PySide6 window"))
    window.resize(1100, 650)
    window.show()
    if os.environ.get("LIKA_SMOKE_TEST_QUIT_AFTER_SHOW") == "1":

        def report_and_quit() -> None:
            print(MARKER, flush=True)
            app.exit(0)

        QTimer.singleShot(0, report_and_quit)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())

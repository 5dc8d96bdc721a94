"""A test-only hook: quit by itself once the main window is shown.

``packaging/smoke_test.py`` and ``benchmarks/startup.py`` start the frozen app with
``LIKA_SMOKE_TEST_QUIT_AFTER_SHOW=1``. The app then shows its main window as usual, and
as soon as the event loop has handled the show, prints ``MARKER`` on stdout and quits with
exit code 0. That proves the whole start-up works (Qt plug-ins, content, database) and
gives the benchmark a moment to time. Without the variable nothing here happens.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

ENVIRONMENT_VARIABLE = "LIKA_SMOKE_TEST_QUIT_AFTER_SHOW"
MARKER = "LIKA_SMOKE_TEST: main window shown"


def quit_after_show_if_requested(window: QWidget) -> None:
    """Call right after ``window.show()``."""
    if os.environ.get(ENVIRONMENT_VARIABLE) != "1":
        return

    def report_and_quit() -> None:
        if window.isVisible() and sys.stdout is not None:  # a windowed Windows build has none
            print(MARKER, flush=True)
        QApplication.exit(0 if window.isVisible() else 1)

    QTimer.singleShot(0, report_and_quit)

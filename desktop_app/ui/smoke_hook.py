"""A test-only hook: report when the main window is shown, quit once the register is listed.

``packaging/smoke_test.py`` and ``benchmarks/startup.py`` start the frozen app with
``LIKA_SMOKE_TEST_QUIT_AFTER_SHOW=1``. The app then starts as usual and

- prints ``MARKER`` on stdout once the main window has been drawn on the screen for the
  first time (it appears before the register is opened: see ``ui/app.py``);
- prints ``READY_MARKER`` and quits with exit code 0 once the register's first page is
  in the list, or with 1 if it could not be read. A start that fails before that (a
  damaged register, broken content) ends with its own exit code, as without the hook.

So the smoke test proves the whole start-up works (Qt plug-ins, content, database), and
the benchmark can time the window and measure the memory of a complete start. Without
the variable nothing here happens.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from desktop_app.ui.main_window import MainWindow

ENVIRONMENT_VARIABLE = "LIKA_SMOKE_TEST_QUIT_AFTER_SHOW"
MARKER = "LIKA_SMOKE_TEST: main window shown"
READY_MARKER = "LIKA_SMOKE_TEST: register listed"


def requested() -> bool:
    return os.environ.get(ENVIRONMENT_VARIABLE) == "1"


def _say(line: str) -> None:
    if sys.stdout is not None:  # a windowed Windows build has none
        print(line, flush=True)


def report_shown_if_requested(window: MainWindow) -> None:
    """Call right after ``window.show()``, while the window waits for its register."""
    if requested():
        window.opening.drawn.connect(lambda: _say(MARKER))


def quit_when_listed_if_requested(window: MainWindow) -> None:
    """Call right after ``window.attach()``."""
    if not requested():
        return
    model = window.register_view.model
    failures: list[str] = []
    model.failed.connect(failures.append)  # emitted right after loading ends

    def finish() -> None:
        if not failures:
            _say(READY_MARKER)
        QApplication.exit(1 if failures else 0)

    def loading_changed(loading: bool) -> None:
        if not loading:
            model.loadingChanged.disconnect(loading_changed)
            QTimer.singleShot(0, finish)

    if model.loading:
        model.loadingChanged.connect(loading_changed)
    else:
        QTimer.singleShot(0, finish)

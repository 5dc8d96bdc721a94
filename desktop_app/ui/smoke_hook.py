"""A test-only hook: report when the main window is shown, quit once the register is listed.

``packaging/smoke_test.py`` and ``benchmarks/startup.py`` start the frozen app with
``LIKA_SMOKE_TEST_QUIT_AFTER_SHOW=1``. The app then starts as usual and

- prints ``MARKER`` on stdout once the main window has been drawn on the screen for the
  first time (it appears before the register is opened: see ``ui/app.py``);
- prints ``READY_MARKER`` once the register's first page has been painted in the list
  (it may be before the service is loaded: see ``ui/first_list.py``); when that page
  was in the window's first paint, both lines are printed then, ``MARKER`` first;
- prints ``STARTED_MARKER`` and quits with exit code 0 once the start is complete (the
  register checked, listed and attached to the window, its list read, the start-up
  backup begun; a listed register is opened for writing only by the first action that
  needs it, see ``ui/opening.listed_context``), or quits with 1 if the list could not
  be read. A start that fails before that (a damaged register, broken content) ends
  with its own exit code, as without the hook;
- with ``LIKA_SMOKE_TEST_OPEN_FIRST=1`` as well, opens the first listed assessment
  before it quits (the register opened for writing, the content, the editor or review
  window) and prints ``OPENED_MARKER``, or quits with 1.

So the smoke test proves the whole start-up works (Qt plug-ins, content, database) and
that an assessment opens, and the benchmark can time the window and measure the memory
of a complete start. Without the variable nothing here happens.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from desktop_app.ui.main_window import MainWindow
    from desktop_app.ui.register.register_view import RegisterView

ENVIRONMENT_VARIABLE = "LIKA_SMOKE_TEST_QUIT_AFTER_SHOW"
# With this one too, the line after READY_MARKER says the process's peak resident
# memory until then (``benchmarks/startup.py``), where the platform tells it.
PEAK_VARIABLE = "LIKA_SMOKE_TEST_REPORT_PEAK"
MARKER = "LIKA_SMOKE_TEST: main window shown"
READY_MARKER = "LIKA_SMOKE_TEST: register listed"
PEAK_MARKER = "LIKA_SMOKE_TEST: peak bytes until listed "
STARTED_MARKER = "LIKA_SMOKE_TEST: start complete"
# With this variable set too, the first listed assessment is then opened, which opens
# the register for writing (the start leaves that to the first action that needs it).
OPEN_VARIABLE = "LIKA_SMOKE_TEST_OPEN_FIRST"
OPENED_MARKER = "LIKA_SMOKE_TEST: assessment opened"


def requested() -> bool:
    return os.environ.get(ENVIRONMENT_VARIABLE) == "1"


def _say(line: str) -> None:
    if sys.stdout is not None:  # a windowed Windows build has none
        print(line, flush=True)


def report_shown_if_requested(window: MainWindow) -> None:
    """Call right after ``window.show()``: ``MARKER`` once it has been drawn (if its
    register is not listed in it yet, see ``report_listed_if_requested``)."""
    if requested() and not window.listed:
        window.opening.drawn.connect(lambda: _say(MARKER))


def report_listed_if_requested(view: RegisterView, *, in_first_paint: bool) -> None:
    """Call right after the register view is made: ``READY_MARKER`` once its first
    page has been painted (``RegisterView.listed``); ``in_first_paint``: the window has
    not been shown yet, so that paint is also its first (``MARKER`` before it)."""
    if requested():
        if in_first_paint:
            view.listed.connect(lambda: _say(MARKER))
        view.listed.connect(lambda: _say(READY_MARKER))
        if os.environ.get(PEAK_VARIABLE) == "1":
            view.listed.connect(_say_peak)


def _open_first(window: MainWindow) -> bool:
    """Open the first listed assessment in its window (``OPENED_MARKER``); an error on
    stderr instead of a dialog, which would wait for a click that never comes."""
    from desktop_app.domain.errors import LikaError

    if window.register_view.model.rowCount() == 0:
        print("smoke test: the register lists no assessment to open", file=sys.stderr)
        return False
    try:
        _ = window.context.service  # opened for writing here, the first time
    except LikaError as error:
        print(f"smoke test: the register could not be opened: {error}", file=sys.stderr)
        return False
    row = window.register_view.model.row_at(0)
    opened = window.open_assessment(row.id)
    if opened is None:
        return False
    _say(f"{OPENED_MARKER} ({row.title})")
    opened.close()
    return True


def _say_peak() -> None:
    try:
        import resource
    except ImportError:  # Windows
        return
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB; bytes on macOS
    _say(f"{PEAK_MARKER}{peak if sys.platform == 'darwin' else peak * 1024}")


def quit_when_listed_if_requested(window: MainWindow) -> None:
    """Call right after ``window.attach()``: quit once the start is complete, the
    register's first page painted (and reported), its list read and the window
    attached; with 1 if the list could not be read."""
    if not requested():
        return
    view = window.register_view
    model = view.model
    failures: list[str] = []
    model.failed.connect(failures.append)  # emitted right after loading ends

    def finish() -> None:
        if not failures:
            _say(STARTED_MARKER)
            if os.environ.get(OPEN_VARIABLE) == "1":
                QApplication.exit(0 if _open_first(window) else 1)
                return
        QApplication.exit(1 if failures else 0)

    def check() -> None:
        if not model.loading and (view.was_listed or failures):
            QTimer.singleShot(0, finish)  # after ``listed``'s own slots (the marker)
        elif not model.loading:
            view.listed.connect(lambda: QTimer.singleShot(0, finish))
        else:
            model.loadingChanged.connect(loading_changed)

    def loading_changed(loading: bool) -> None:
        if not loading:
            model.loadingChanged.disconnect(loading_changed)
            check()

    check()

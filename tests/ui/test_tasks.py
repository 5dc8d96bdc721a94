"""The background helper delivers results, errors and progress on the GUI thread."""

from __future__ import annotations

import subprocess
import sys
import threading

from desktop_app.ui.tasks import ImmediateRunner, TaskRunner


def test_result_and_progress_arrive_on_the_gui_thread(qtbot) -> None:
    runner = TaskRunner()
    gui = threading.get_ident()
    seen: dict[str, object] = {}

    def work(progress):
        seen["worker"] = threading.get_ident()
        progress.start(3, "counting")
        for _ in range(3):
            progress.advance()
        return 42

    progress_threads: list[int] = []
    runner.run(
        work,
        on_result=lambda value: seen.update(result=value, thread=threading.get_ident()),
        on_error=lambda error: seen.update(error=error),
        on_progress=lambda done, total, label: progress_threads.append(threading.get_ident()),
    )
    qtbot.waitUntil(lambda: "result" in seen, timeout=5000)
    assert seen["result"] == 42
    assert seen["thread"] == gui != seen["worker"]
    assert progress_threads and set(progress_threads) == {gui}


def test_errors_are_delivered_not_lost(qtbot) -> None:
    runner = TaskRunner()
    errors: list[BaseException] = []

    def work(progress):
        raise ValueError("broken input")

    runner.run(work, on_result=lambda value: None, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], ValueError)


def test_cancel_reaches_the_work(qtbot) -> None:
    runner = TaskRunner()
    started, results = threading.Event(), []

    def work(progress):
        started.set()
        while not progress.cancelled:
            threading.Event().wait(0.01)
        return "stopped"

    task = runner.run(work, on_result=results.append, on_error=results.append)
    assert started.wait(5)
    task.cancel()
    qtbot.waitUntil(lambda: results == ["stopped"], timeout=5000)


def test_immediate_runner_has_the_same_contract() -> None:
    results, errors, steps = [], [], []
    runner = ImmediateRunner()
    runner.run(
        lambda p: (p.start(2), p.advance(), "done")[-1],
        results.append,
        errors.append,
        lambda done, total, label: steps.append((done, total)),
    )
    runner.run(lambda p: 1 / 0, results.append, errors.append)
    assert results == ["done"] and steps == [(0, 2), (1, 2)]
    assert isinstance(errors[0], ZeroDivisionError)


def test_running_work_finishes_before_the_program_ends() -> None:
    """Whatever ends the event loop (here an exit code set by the smoke-test hook), work
    still running must finish before the runner it reports to is deleted: otherwise the
    worker's report fails with "Signal source has been deleted" on stderr."""
    code = """
import sys, time
from PySide6.QtCore import QCoreApplication, QTimer
from desktop_app.ui.tasks import TaskRunner
app = QCoreApplication(sys.argv)
runner = TaskRunner()
events = []
def work(progress):
    time.sleep(0.5)
    events.append("work done")
runner.run(work, lambda result: None, lambda error: None)
QTimer.singleShot(0, lambda: QCoreApplication.exit(0))
app.exec()
events.append("loop ended")
del runner
print(events)
"""
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.strip() == "['work done', 'loop ended']", result.stderr
    assert "Traceback" not in result.stderr


def test_work_outliving_its_window_ends_quietly(qtbot) -> None:
    """A window (and the runner it owns) closed while its work runs: the result has
    nobody to go to and is dropped, rather than the worker thread failing with 'Signal
    source has been deleted' (which pytest-qt reports as an error in the event loop)."""
    import shiboken6
    from PySide6.QtCore import QObject, QThreadPool

    owner = QObject()
    runner = TaskRunner(owner)
    release = threading.Event()
    results: list[object] = []
    runner.run(lambda progress: release.wait(5), results.append, results.append)
    owner.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(runner))
    release.set()
    assert QThreadPool.globalInstance().waitForDone(5000)
    qtbot.wait(50)
    assert results == []

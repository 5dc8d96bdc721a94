"""The one way the window runs slow work (search on a big register, reports, imports)
without freezing: a function runs on a worker thread and its result or error is
delivered back on the GUI thread.

Work functions take a ``Progress`` and must not touch widgets. A ``Database`` cannot
cross threads, so work that reads the register opens its own connection (WAL lets it
read while the window writes). Tests pass ``ImmediateRunner``, which does the same
synchronously.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from desktop_app.progress import Progress

Work = Callable[[Progress], Any]
OnResult = Callable[[Any], None]
OnError = Callable[[BaseException], None]
OnProgress = Callable[[int, int, str], None]


class Task(Protocol):
    def cancel(self) -> None: ...


class _ThreadProgress:
    """Progress that forwards to the GUI thread through queued signals."""

    def __init__(self, signals: _Signals) -> None:
        self._signals = signals
        self._total = 0
        self._done = 0
        self._label = ""
        self.cancel_event = threading.Event()

    def start(self, total: int, label: str = "") -> None:
        self._total, self._done, self._label = total, 0, label
        self._signals.progressed.emit(0, total, label)

    def advance(self, steps: int = 1) -> None:
        self._done += steps
        self._signals.progressed.emit(self._done, self._total, self._label)

    @property
    def cancelled(self) -> bool:
        return self.cancel_event.is_set()


class _Signals(QObject):
    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Work, signals: _Signals, progress: _ThreadProgress) -> None:
        super().__init__()
        self._work = work
        self._signals = signals
        self._progress = progress

    def run(self) -> None:
        try:
            result = self._work(self._progress)
        except BaseException as error:  # delivered to the GUI thread, never lost
            self._signals.failed.emit(error)
        else:
            self._signals.succeeded.emit(result)


class _ThreadTask(QObject):
    """Lives on the GUI thread, so its slots receive the worker's signals there
    (a plain lambda connected to them would run on the worker thread)."""

    def __init__(
        self,
        runner: TaskRunner,
        on_result: OnResult,
        on_error: OnError,
        on_progress: OnProgress | None,
    ) -> None:
        super().__init__(runner)
        self.signals = _Signals()
        self.progress = _ThreadProgress(self.signals)
        self._runner = runner
        self._on_result, self._on_error, self._on_progress = on_result, on_error, on_progress
        self.signals.succeeded.connect(self._succeeded)
        self.signals.failed.connect(self._failed)
        self.signals.progressed.connect(self._progressed)

    def cancel(self) -> None:
        self.progress.cancel_event.set()

    @Slot(object)
    def _succeeded(self, value: Any) -> None:
        self._runner.finished(self)
        self._on_result(value)

    @Slot(object)
    def _failed(self, error: BaseException) -> None:
        self._runner.finished(self)
        self._on_error(error)

    @Slot(int, int, str)
    def _progressed(self, done: int, total: int, label: str) -> None:
        if self._on_progress is not None:
            self._on_progress(done, total, label)


class TaskRunner(QObject):
    """Runs work on Qt's thread pool; callbacks run on the GUI thread."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool.globalInstance()
        self._running: set[_ThreadTask] = set()

    def run(
        self,
        work: Work,
        on_result: OnResult,
        on_error: OnError,
        on_progress: OnProgress | None = None,
    ) -> Task:
        task = _ThreadTask(self, on_result, on_error, on_progress)
        self._running.add(task)
        self._pool.start(_Job(work, task.signals, task.progress))
        return task

    def finished(self, task: _ThreadTask) -> None:
        self._running.discard(task)
        task.deleteLater()

    def wait(self, msecs: int = 30000) -> bool:
        """Wait for running work (used when the window closes, and by tests)."""
        return self._pool.waitForDone(msecs)


class _ImmediateProgress:
    def __init__(self, on_progress: OnProgress | None) -> None:
        self._on_progress = on_progress
        self._total = 0
        self._done = 0
        self._label = ""
        self.cancel_requested = False

    def start(self, total: int, label: str = "") -> None:
        self._total, self._done, self._label = total, 0, label
        if self._on_progress:
            self._on_progress(0, total, label)

    def advance(self, steps: int = 1) -> None:
        self._done += steps
        if self._on_progress:
            self._on_progress(self._done, self._total, self._label)

    @property
    def cancelled(self) -> bool:
        return self.cancel_requested


class _ImmediateTask:
    def __init__(self, progress: _ImmediateProgress) -> None:
        self.progress = progress

    def cancel(self) -> None:
        self.progress.cancel_requested = True


class ImmediateRunner:
    """Same interface as ``TaskRunner``, but runs the work at once on this thread."""

    def run(
        self,
        work: Work,
        on_result: OnResult,
        on_error: OnError,
        on_progress: OnProgress | None = None,
    ) -> Task:
        progress = _ImmediateProgress(on_progress)
        try:
            result = work(progress)
        except Exception as error:
            on_error(error)
        else:
            on_result(result)
        return _ImmediateTask(progress)

    def wait(self, msecs: int = 30000) -> bool:
        return True

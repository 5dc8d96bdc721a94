"""The one way the window runs slow work (search on a big register, reports, imports)
without freezing: a function runs on a worker thread and its result or error is
delivered back on the GUI thread.

Work functions take a ``Progress`` and must not touch widgets. A ``Database`` cannot
cross threads, so work that reads the register opens its own connection (WAL lets it
read while the window writes). Tests pass ``ImmediateRunner``, which does the same
synchronously.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal, Slot

from desktop_app.domain.errors import LikaError
from desktop_app.progress import Progress

Work = Callable[[Progress], Any]
QUIT_WAIT_MS = 800
OnResult = Callable[[Any], None]
OnError = Callable[[BaseException], None]
OnProgress = Callable[[int, int, str], None]


def error_text(error: BaseException) -> str:
    """A failed task's error for the user: Lika's own errors are sentences already; any
    other is named by its type, so that it can be reported."""
    return str(error) if isinstance(error, LikaError) else f"{type(error).__name__}: {error}"


class Task(Protocol):
    def cancel(self) -> None: ...


class Runner(Protocol):
    """What runs work off the GUI thread: ``TaskRunner``, or ``ImmediateRunner`` in
    tests. Every window takes one of these."""

    def run(
        self,
        work: Work,
        on_result: OnResult,
        on_error: OnError,
        on_progress: OnProgress | None = None,
    ) -> Task: ...

    def wait(self, msecs: int = 30000) -> bool: ...


class _ThreadProgress:
    """Progress that the worker reports through the runner's queued signal."""

    def __init__(self, runner: TaskRunner, task_id: int) -> None:
        self._runner = runner
        self._id = task_id
        self._total = 0
        self._done = 0
        self._label = ""
        self.cancel_event = threading.Event()

    def start(self, total: int, label: str = "") -> None:
        self._total, self._done, self._label = total, 0, label
        self._runner.progressed.emit(self._id, 0, total, label)

    def advance(self, steps: int = 1) -> None:
        self._done += steps
        self._runner.progressed.emit(self._id, self._done, self._total, self._label)

    @property
    def cancelled(self) -> bool:
        return self.cancel_event.is_set()


class _ThreadTask:
    def __init__(
        self,
        progress: _ThreadProgress,
        on_result: OnResult,
        on_error: OnError,
        on_progress: OnProgress | None,
    ) -> None:
        self.progress = progress
        self.on_result, self.on_error, self.on_progress = on_result, on_error, on_progress

    def cancel(self) -> None:
        self.progress.cancel_event.set()


class _Job(QRunnable):
    def __init__(
        self, runner: TaskRunner, task_id: int, work: Work, progress: _ThreadProgress
    ) -> None:
        super().__init__()
        self._runner, self._id, self._work, self._progress = runner, task_id, work, progress

    def run(self) -> None:
        try:
            result = self._work(self._progress)
        except BaseException as error:  # delivered to the GUI thread, never lost
            self._deliver("failed", error)
        else:
            self._deliver("succeeded", result)

    def _deliver(self, outcome: str, value: object) -> None:
        # RuntimeError: the runner went with its window while the work ran; nobody waits
        # for the outcome any more (a save or a backup has finished or stopped on its own).
        with contextlib.suppress(RuntimeError):
            getattr(self._runner, outcome).emit(self._id, value)


class TaskRunner(QObject):
    """Runs work on Qt's thread pool. The runner lives on the GUI thread and receives
    its own signals there (queued, because workers emit them), then calls back."""

    succeeded = Signal(int, object)
    failed = Signal(int, object)
    progressed = Signal(int, int, int, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool.globalInstance()
        self._tasks: dict[int, _ThreadTask] = {}
        self._next_id = 0
        self.succeeded.connect(self._deliver_result)
        self.failed.connect(self._deliver_error)
        self.progressed.connect(self._deliver_progress)
        # However the program ends (its last window closed, or an exit code set), running
        # work (a backup, say) is cut off and ends before the objects it reports to are
        # deleted: the process never lingers after its window (issue 18).
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)

    def run(
        self,
        work: Work,
        on_result: OnResult,
        on_error: OnError,
        on_progress: OnProgress | None = None,
    ) -> Task:
        self._next_id += 1
        progress = _ThreadProgress(self, self._next_id)
        task = _ThreadTask(progress, on_result, on_error, on_progress)
        self._tasks[self._next_id] = task
        self._pool.start(_Job(self, self._next_id, work, progress))
        return task

    @Slot(int, object)
    def _deliver_result(self, task_id: int, value: Any) -> None:
        task = self._tasks.pop(task_id, None)
        if task is not None:
            task.on_result(value)

    @Slot(int, object)
    def _deliver_error(self, task_id: int, error: BaseException) -> None:
        task = self._tasks.pop(task_id, None)
        if task is not None:
            task.on_error(error)

    @Slot(int, int, int, str)
    def _deliver_progress(self, task_id: int, done: int, total: int, label: str) -> None:
        task = self._tasks.get(task_id)
        if task is not None and task.on_progress is not None:
            task.on_progress(done, total, label)

    def wait(self, msecs: int = 30000) -> bool:
        """Wait for running work (used by tests)."""
        return self._pool.waitForDone(msecs)

    def stop(self, msecs: int = QUIT_WAIT_MS) -> bool:
        """Ask all running work to stop (``Progress.cancelled``), then wait for it a
        moment: used when the program quits. Work is written to stop within that time
        (a backup stops between steps and leaves no file)."""
        for task in self._tasks.values():
            task.cancel()
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

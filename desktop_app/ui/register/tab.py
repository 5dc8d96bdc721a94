"""What the three register tabs (register, follow-up, overview) share: the context,
how they read the register off the GUI thread, today's date, and being filled only the
first time they are shown."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QWidget

from desktop_app.app.ports import ReaderFactory
from desktop_app.ui.context import ListContext
from desktop_app.ui.tasks import Runner


class RegisterTab(QWidget):
    def __init__(
        self,
        context: ListContext,
        readers: ReaderFactory,
        runner: Runner,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        # ``readers`` opens a read-only connection on the worker thread that calls it.
        self._readers, self._runner, self._today = readers, runner, today
        self._started = False

    @property
    def started(self) -> bool:
        return self._started

    def start(self) -> None:
        """Read the tab's contents the first time it is shown (not at start-up)."""
        if not self._started:
            self._started = True
            self.refresh()

    def refresh(self) -> None:
        raise NotImplementedError

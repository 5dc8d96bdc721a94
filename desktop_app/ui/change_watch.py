"""Listening for changes to a server register that other windows and programs commit
(issue 20): the app's ``ChangeFeed`` runs on a thread of its own, and each change's
assessment id arrives on the GUI thread as the ``changed`` signal (queued)."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal

from desktop_app.app.ports import ChangeFeed
from desktop_app.domain.errors import LikaError

RETRY_S = 5.0  # the server went away: listen again after this long


class ChangeWatch(QObject):
    changed = Signal(int)  # an assessment id

    def __init__(self, feed: ChangeFeed, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._feed = feed
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="lika-changes", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        """Stop listening (the window closes); returns within the feed's wait."""
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=2)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self._feed.listen(self.changed.emit, self._stop.is_set)
            except LikaError:  # the server cannot be reached: a save says so; listen again
                self._stop.wait(RETRY_S)

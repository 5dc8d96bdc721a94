"""Noticing that another program (another window, ``lika restore``) replaced the
register with a backup, so that this window reloads instead of saving old state over it.

The restore appends a ``restore`` entry to the restored register's audit log; the watch
reads the newest one's hash every few seconds (one indexed query) and says when it
changed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from desktop_app.domain.errors import LikaError

CHECK_EVERY_MS = 3000


class RestoreWatch(QObject):
    restored = Signal()

    def __init__(self, marker: Callable[[], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._marker = marker
        self._timer = QTimer(self, interval=CHECK_EVERY_MS)
        self._timer.timeout.connect(self.check)
        self._timer.start()
        self._seen = self._read()

    def _read(self) -> str | None:
        try:
            return self._marker()
        except LikaError:
            return None  # busy or unreadable now: look again next time
        except Exception:  # the register was closed (the window is going): stop looking
            self._timer.stop()
            return None

    def rearm(self) -> None:
        """This window restored the register itself: nothing to tell it."""
        self._seen = self._read()

    def check(self) -> bool:
        """Emit ``restored`` (and return True) if the register was restored since."""
        now = self._read()
        if now is None or now == self._seen:
            return False
        self._seen = now
        self.restored.emit()
        return True

"""How long-running work reports progress without knowing who is watching.

Core code (reports, imports, generators) takes a ``Progress``; the GUI passes one that
forwards to a progress dialog from the worker thread, tests and the CLI pass
``NO_PROGRESS``. Checking ``cancelled`` lets a user stop long work cleanly.
"""

from __future__ import annotations

from typing import Protocol


class Cancelled(Exception):  # noqa: N818 (it is not an error: the user asked for it)
    """Raised by long work that saw ``cancelled``; nothing was written."""


class Progress(Protocol):
    def start(self, total: int, label: str = "") -> None: ...

    def advance(self, steps: int = 1) -> None: ...

    @property
    def cancelled(self) -> bool: ...


class _NoProgress:
    def start(self, total: int, label: str = "") -> None:
        pass

    def advance(self, steps: int = 1) -> None:
        pass

    @property
    def cancelled(self) -> bool:
        return False


NO_PROGRESS: Progress = _NoProgress()

"""How long-running work reports progress without knowing who is watching.

Core code (reports, imports, generators) takes a ``Progress``; the GUI passes one that
forwards to a progress dialog from the worker thread, tests and the CLI pass
``NO_PROGRESS``. Checking ``cancelled`` lets a user stop long work cleanly.
"""

from __future__ import annotations

from typing import Protocol, TextIO


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


class TerminalProgress:
    """A percentage on one line of a terminal, rewritten only when it changes (the CLI
    uses it when stderr is a terminal, so redirected output stays clean)."""

    def __init__(self, out: TextIO, label: str = "") -> None:
        self._out, self._label = out, label
        self._total, self._done, self._shown = 1, 0, -1

    def start(self, total: int, label: str = "") -> None:
        self._total, self._done, self._shown = max(total, 1), 0, -1
        self._label = self._label or label

    def advance(self, steps: int = 1) -> None:
        self._done += steps
        percent = min(100 * self._done // self._total, 100)
        if percent == self._shown:
            return
        self._shown = percent
        end = "\n" if self._done >= self._total else ""
        self._out.write(f"\r{self._label} {percent:3d} %{end}")
        self._out.flush()

    @property
    def cancelled(self) -> bool:
        return False

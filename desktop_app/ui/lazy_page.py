"""A tab page whose content is built the first time it is needed.

The main window has three tabs but shows one at start; building only that one keeps
start-up short and the memory of a session that never opens the others small.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtWidgets import QVBoxLayout, QWidget

W = TypeVar("W", bound=QWidget)


class LazyPage(QWidget, Generic[W]):
    def __init__(self, build: Callable[[], W], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build = build
        self._content: W | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    @property
    def built(self) -> bool:
        return self._content is not None

    def content(self) -> W:
        """The page's widget, built now if it was not yet."""
        if self._content is None:
            self._content = self._build()
            self._layout.addWidget(self._content)
        return self._content

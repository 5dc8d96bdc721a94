"""Reopening the work after a crash: which assessments were open, and on which page.

As the user opens editors and moves between steps and grounds, the session is written
to the settings at once (a page change is rare, so this costs nothing). Closing an
editor removes it, so after a normal quit nothing is left to reopen; after the process
was killed, the next start finds the editors still listed and opens them again on the
same page. A lock file tells a second Lika running at the same time not to take over
the first one's session.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QLockFile, QObject
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from desktop_app.domain.errors import LikaError
from desktop_app.register_location import is_server_url
from desktop_app.ui.settings import Settings

# Qt.ItemDataRole.UserRole by number: this module is loaded at every start, and the
# ``Qt`` namespace's enums are about 1 MB (``ui/register/table_model.py``).
USER_ROLE = 0x100


class Editor(Protocol):
    @property
    def navigation(self) -> QTreeWidget: ...

    def show_page(self, key: tuple[str, str]) -> QWidget: ...


class Window(Protocol):
    editors: dict[int, Any]

    def open_assessment(self, assessment_id: int) -> Any: ...


class SessionKeeper(QObject):
    def __init__(self, settings: Settings, db_path: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        # A server register by its URL (without a password), a file by its full path.
        self._db = db_path if is_server_url(db_path) else str(Path(db_path).resolve())
        self._pages: dict[int, list[str]] = {}
        self._order: list[int] = []
        lock_path = Path(settings.file_name + ".session-lock")
        lock_path.parent.mkdir(parents=True, exist_ok=True)  # a first start has no folder yet
        self._lock = QLockFile(str(lock_path))
        self._lock.setStaleLockTime(0)  # only a live process holds it
        # A second Lika at the same time neither restores nor records a session.
        self.active = self._lock.tryLock(0)
        self._previous = self._read() if self.active else {}

    def _read(self) -> dict[str, Any]:
        try:
            data = json.loads(self._settings.open_session or "{}")
        except ValueError:
            return {}
        return data if isinstance(data, dict) else {}

    def _write(self) -> None:
        if not self.active:
            return
        editors = [{"id": i, "page": self._pages.get(i, [])} for i in self._order]
        self._settings.open_session = json.dumps({"database": self._db, "editors": editors})

    # What the window tells the keeper

    def track(self, assessment_id: int, editor: Editor) -> None:
        if assessment_id not in self._order:
            self._order.append(assessment_id)
        current = editor.navigation.currentItem()
        if current is not None:
            self._pages[assessment_id] = list(current.data(0, USER_ROLE))
        editor.navigation.currentItemChanged.connect(
            lambda item, _old: self._on_page(assessment_id, item)
        )
        self._write()

    def _on_page(self, assessment_id: int, item: QTreeWidgetItem | None) -> None:
        if item is None or assessment_id not in self._order:
            return
        self._pages[assessment_id] = list(item.data(0, USER_ROLE))
        self._write()

    def forget(self, assessment_id: int) -> None:
        if assessment_id in self._order:
            self._order.remove(assessment_id)
            self._pages.pop(assessment_id, None)
            self._write()

    # Start-up

    def interrupted(self) -> list[tuple[int, tuple[str, ...]]]:
        """Editors that were open when the last Lika on this register stopped unexpectedly."""
        if self._previous.get("database") != self._db:
            return []
        found = []
        for entry in self._previous.get("editors", []):
            if isinstance(entry, dict) and isinstance(entry.get("id"), int):
                page = entry.get("page")
                found.append((entry["id"], tuple(page) if isinstance(page, list) else ()))
        return found

    def restore(self, window: Window, exists: Any) -> int:
        """Open the interrupted editors again on their pages; returns how many opened."""
        opened = 0
        for assessment_id, page in self.interrupted():
            try:
                if not exists(assessment_id):
                    continue
            except LikaError:
                continue
            editor = window.open_assessment(assessment_id)
            if editor is None:
                continue
            opened += 1
            if len(page) == 2:
                # The page may no longer exist (the checklist changed meanwhile).
                with contextlib.suppress(KeyError):
                    editor.show_page((page[0], page[1]))
        self._previous = {}
        return opened

    def release(self) -> None:
        if self.active:
            self._lock.unlock()
            self.active = False

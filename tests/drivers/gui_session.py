"""The real window in its own process, for the crash test.

    python -m tests.drivers.gui_session edit DB ID     type into a ground, report saves
    python -m tests.drivers.gui_session inspect DB     start again, report what reopened

Settings and data live where XDG_CONFIG_HOME / XDG_DATA_HOME point, as for a user.
``edit`` prints ``SAVED <json text>`` after every autosave and types on until killed.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextCursor

from desktop_app.ui.app import create_application, start_window
from desktop_app.ui.settings import Settings
from tests.ui.typing_helpers import type_text

TYPING_INTERVAL_MS = 60  # faster than the autosave pause, so only the deadline saves
TEXT = " Kvällsöppet betyder mycket för äldre, för Ánde och Ŋuolja, för Ольга."


def edit(db: Path, assessment_id: int) -> int:
    app = create_application()
    window = start_window(db, Settings())
    assert not isinstance(window, int)
    editor = window.open_assessment(assessment_id)
    assert editor is not None
    page = editor.show_page(("ground", "age"))
    field = page.justification  # type: ignore[attr-defined]
    field.setFocus()
    field.moveCursor(QTextCursor.MoveOperation.End)
    position = [0]

    def type_one() -> None:
        type_text(field, TEXT[position[0] % len(TEXT)])
        position[0] += 1

    def report() -> None:
        text = editor.document.assessment.grounds["age"].justification
        print("SAVED", json.dumps(text, ensure_ascii=False), flush=True)

    editor.document.saved.connect(report)
    typing = QTimer(interval=TYPING_INTERVAL_MS)
    typing.timeout.connect(type_one)
    typing.start()
    return app.exec()


def inspect(db: Path) -> int:
    app = create_application()
    window = start_window(db, Settings())
    assert not isinstance(window, int)
    report = {
        "editors": {
            str(assessment_id): list(
                editor.navigation.currentItem().data(0, Qt.ItemDataRole.UserRole)
            )
            for assessment_id, editor in window.editors.items()
        },
        "message": window.statusBar().currentMessage(),
    }
    print(json.dumps(report, ensure_ascii=False), flush=True)
    window.close()
    app.quit()
    return 0


if __name__ == "__main__":
    if sys.argv[1] == "edit":
        sys.exit(edit(Path(sys.argv[2]), int(sys.argv[3])))
    sys.exit(inspect(Path(sys.argv[2])))

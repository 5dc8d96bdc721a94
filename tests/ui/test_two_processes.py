"""The window and another real process on the same register: a stale save is refused
and resolved without losing either edit; a register held by the other process is
waited for, the user is told, and the save goes through afterwards."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop_app.ui.editor.conflict_dialog import Choice, ConflictDialog
from desktop_app.ui.editor.editor_window import EditorWindow
from tests.helpers import complete_assessment

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow

HOLD_WRITE_LOCK = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("LOCKED", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("COMMIT")
"""


@pytest.fixture(autouse=True)
def _closing_never_blocks(monkeypatch) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)


def open_editor(qtbot, context) -> EditorWindow:
    assessment = context.service.repository.create(complete_assessment(context.content))
    editor = EditorWindow(context, assessment)
    qtbot.addWidget(editor)
    editor.show()
    return editor


def test_window_and_another_process_both_keep_their_edit(qtbot, context, monkeypatch) -> None:
    editor = open_editor(qtbot, context)
    repository = context.service.repository
    assessment_id = editor.document.assessment.id
    go = Path(f"{repository.path}.go")
    go.touch()
    other = subprocess.run(
        [sys.executable, "-m", "tests.drivers.writer", repository.path, str(assessment_id),
         "cli", "1"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )  # fmt: skip
    assert other.returncode == 0, other.stderr
    shown: list[ConflictDialog] = []

    def keep_mine(dialog: ConflictDialog) -> int:
        shown.append(dialog)
        dialog.choice = Choice.KEEP_MINE
        return 1

    monkeypatch.setattr(ConflictDialog, "exec", keep_mine)
    editor.document.set_value(("decision", "title"), "Ändrad i fönstret")
    editor.document.save_now()
    assert len(shown) == 1
    stored = repository.get(assessment_id)
    assert stored.decision.title == "Ändrad i fönstret"
    assert stored.decision.evidence_missing.endswith("[cli-0]")
    assert not editor.document.dirty


def test_a_register_held_by_another_process_is_waited_for(qtbot, context) -> None:
    editor = open_editor(qtbot, context)
    repository = context.service.repository
    repository.db.execute("PRAGMA busy_timeout = 100")
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_WRITE_LOCK, repository.path, "1.5"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "LOCKED"
        delayed: list[str] = []
        editor.document.saveDelayed.connect(delayed.append)
        editor.document.set_value(("decision", "title"), "Sparas när registret är ledigt")
        assert not editor.document.save_now()
        assert "busy in another program" in delayed[0]
        assert "tries again" in editor.statusBar().currentMessage()
        with qtbot.waitSignal(editor.document.saved, timeout=20_000):
            pass
    finally:
        holder.wait(timeout=30)
        assert holder.stdout is not None
        holder.stdout.close()
    assert holder.returncode == 0
    stored = repository.get(editor.document.assessment.id)
    assert stored.decision.title == "Sparas när registret är ledigt"

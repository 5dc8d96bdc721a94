"""A register restored by another program: the open window notices, reloads, and never
saves its old state over the restored register."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop_app.storage import backup
from desktop_app.storage.backup import Reason
from desktop_app.storage.repository import AssessmentRepository
from desktop_app.storage.restore import restore_backup
from tests.safety_helpers import filled_register
from tests.test_backup import BERIT, titles
from tests.ui.main_window_helpers import build_main_window
from tests.ui.test_conflict import answer_with


@pytest.fixture(autouse=True)
def _no_dialogs(monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: shown.append(a[1]))
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    return shown


def test_an_editor_reloads_after_a_restore_elsewhere(
    qtbot, tmp_path, content, settings, _no_dialogs
) -> None:
    db = filled_register(tmp_path / "lika.db", content, count=2)
    snap = backup.make_backup(db, Reason.MANUAL)
    assert snap is not None
    window = build_main_window(db, settings)
    qtbot.addWidget(window)
    editor = window.open_assessment(1)
    editor.document.edit(("decision", "title"), "Efter kopian")
    assert editor.document.save_now()
    assert not window.restore_watch.check()
    restore_backup(snap.path, db, actor=BERIT, force=True)  # as another program would
    assert window.restore_watch.check()
    assert _no_dialogs == ["Register restored"]
    assert editor.document.assessment.decision.title == "Ärende 0"
    assert not editor.document.dirty
    editor.close()
    assert titles(db)[0] == "Ärende 0"


def test_unsaved_changes_meet_the_conflict_choice_not_a_silent_save(
    qtbot, tmp_path, content, settings, monkeypatch
) -> None:
    db = filled_register(tmp_path / "lika.db", content, count=2)
    snap = backup.make_backup(db, Reason.MANUAL)
    assert snap is not None
    window = build_main_window(db, settings)
    qtbot.addWidget(window)
    editor = window.open_assessment(1)
    shown = answer_with(monkeypatch, None)  # the user closes the dialog undecided
    editor.document.edit(("decision", "title"), "Osparad")
    restore_backup(snap.path, db, actor=BERIT, force=True)
    # Someone saves the restored assessment once more: versions could line up again.
    other = AssessmentRepository.open(db)
    again = other.get(1)
    again.decision.purpose = "Sparad efter återställningen"
    other.save(again)
    other.close()
    window.restore_watch.check()
    assert shown and editor.document.in_conflict
    assert titles(db)[0] == "Ärende 0"


def test_a_window_gone_from_the_restored_register_closes(
    qtbot, tmp_path, content, settings
) -> None:
    db = filled_register(tmp_path / "lika.db", content, count=1)
    snap = backup.make_backup(db, Reason.MANUAL)
    assert snap is not None
    repo = AssessmentRepository.open(db)
    from tests.helpers import complete_assessment

    later = repo.create(complete_assessment(content))
    repo.close()
    window = build_main_window(db, settings)
    qtbot.addWidget(window)
    window.open_assessment(later.id)
    restore_backup(snap.path, db, actor=BERIT, force=True)
    window.restore_watch.check()
    assert later.id not in window.editors


def test_the_watch_stops_quietly_when_the_register_is_closed(tmp_path, content, qapp) -> None:
    from desktop_app.ui.restore_watch import RestoreWatch

    db = filled_register(tmp_path / "lika.db", content, count=1)
    repo = AssessmentRepository.open(db)
    watch = RestoreWatch(repo.last_restore)
    repo.close()
    assert not watch.check()
    assert not watch._timer.isActive()

"""Two writers on one assessment, as the editor sees it: the stale save is refused, the
user is shown what differs and chooses; a busy register is waited for and retried."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from desktop_app.ui.editor.conflict_dialog import Choice, ConflictDialog
from desktop_app.ui.editor.editor_window import EditorWindow
from tests.helpers import complete_assessment
from tests.ui.typing_helpers import type_text


@pytest.fixture(autouse=True)
def _closing_never_blocks(monkeypatch) -> None:
    """A failed test may leave an unsaved window; closing it must not wait for a user."""
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)


def open_editor(qtbot, context) -> EditorWindow:
    assessment = context.service.repository.create(complete_assessment(context.content))
    editor = EditorWindow(context, assessment)
    qtbot.addWidget(editor)
    editor.show()
    return editor


def saved_elsewhere(context, assessment_id: int, **decision: str) -> None:
    """Another window (or PC) loads the assessment, changes it and saves."""
    other = context.service.repository.get(assessment_id)
    for name, value in decision.items():
        setattr(other.decision, name, value)
    context.service.repository.save(other)


def answer_with(monkeypatch, choice: Choice | None) -> list[ConflictDialog]:
    shown: list[ConflictDialog] = []

    def fake_exec(dialog: ConflictDialog) -> int:
        shown.append(dialog)
        dialog.choice = choice
        return 1

    monkeypatch.setattr(ConflictDialog, "exec", fake_exec)
    return shown


def rows(dialog: ConflictDialog) -> list[list[str]]:
    model = dialog.model
    return [
        [model.item(r, c).text() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def test_the_dialog_shows_what_differs_and_who_changed_it(qtbot, context, monkeypatch) -> None:
    editor = open_editor(qtbot, context)
    page = editor.show_page(("step", "decision"))
    saved_elsewhere(context, editor.document.assessment.id, title="Deras rubrik")
    shown = answer_with(monkeypatch, None)
    type_text(page.fields["description"], " Tillägg på samiska: ŋ.")
    assert not editor.document.save_now()
    (dialog,) = shown
    table = {row[0]: row[1:] for row in rows(dialog)}
    assert table["Ärendets rubrik"] == [
        "Deras rubrik",
        "Ändrade öppettider på biblioteken",
        "someone else",
    ]
    description = table["Beskrivning av förslaget"]
    assert "Tillägg på samiska: ŋ." in description[1] and description[2] == "you"
    dialog.copy_mine()
    assert "Tillägg på samiska: ŋ." in QGuiApplication.clipboard().text()
    assert "Not saved" in editor.statusBar().currentMessage()
    editor.document.take_theirs()


def test_keep_mine_saves_both_changes(qtbot, context, monkeypatch) -> None:
    editor = open_editor(qtbot, context)
    page = editor.show_page(("step", "decision"))
    assessment_id = editor.document.assessment.id
    saved_elsewhere(context, assessment_id, title="Deras rubrik")
    answer_with(monkeypatch, Choice.KEEP_MINE)
    page.fields["case_number"].end(False)
    type_text(page.fields["case_number"], "-B")
    assert not editor.document.save_now()  # refused, then kept on top and saved
    stored = context.service.repository.get(assessment_id)
    assert stored.decision.title == "Deras rubrik"
    assert stored.decision.case_number == "KS 2026/0412-B"
    assert not editor.document.dirty
    assert page.fields["title"].text() == "Deras rubrik"  # the window shows their change


def test_take_theirs_shows_their_version(qtbot, context, monkeypatch) -> None:
    editor = open_editor(qtbot, context)
    page = editor.show_page(("step", "decision"))
    assessment_id = editor.document.assessment.id
    saved_elsewhere(context, assessment_id, title="Deras rubrik")
    answer_with(monkeypatch, Choice.TAKE_THEIRS)
    page.fields["title"].end(False)
    type_text(page.fields["title"], " och min")
    editor.document.save_now()
    assert page.fields["title"].text() == "Deras rubrik"
    assert context.service.repository.get(assessment_id).decision.title == "Deras rubrik"
    # The window goes on working on the new version.
    page.fields["title"].end(False)
    type_text(page.fields["title"], "!")
    assert editor.document.save_now()
    assert context.service.repository.get(assessment_id).decision.title == "Deras rubrik!"


def test_a_stale_window_never_overwrites_without_asking(qtbot, context, monkeypatch) -> None:
    editor = open_editor(qtbot, context)
    assessment_id = editor.document.assessment.id
    saved_elsewhere(context, assessment_id, title="Deras rubrik")
    answer_with(monkeypatch, None)  # the user closes the dialog without choosing
    editor.document.set_value(("decision", "title"), "Min rubrik")
    for _ in range(3):
        assert not editor.document.save_now()
    assert context.service.repository.get(assessment_id).decision.title == "Deras rubrik"
    assert editor.document.assessment.decision.title == "Min rubrik"
    editor.document.take_theirs()


def test_a_busy_register_is_waited_for(qtbot, context, tmp_path) -> None:
    import sqlite3

    editor = open_editor(qtbot, context)
    repository = context.service.repository
    repository.db.execute("PRAGMA busy_timeout = 50")
    blocker = sqlite3.connect(repository.path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")  # another program is writing
    delayed: list[str] = []
    editor.document.saveDelayed.connect(delayed.append)
    editor.document.set_value(("decision", "title"), "Väntar på sin tur")
    assert not editor.document.save_now()
    assert "busy" in delayed[0]
    assert "tries again" in editor.statusBar().currentMessage()
    assert editor.document.dirty
    blocker.execute("COMMIT")
    blocker.close()
    with qtbot.waitSignal(editor.document.saved, timeout=5000):
        pass  # the retry
    assert repository.get(editor.document.assessment.id).decision.title == "Väntar på sin tur"


def test_typing_without_a_pause_still_saves_every_second(qtbot, context) -> None:
    """The debounce alone would wait for a pause; a deadline saves during long typing."""
    from desktop_app.ui.editor import document as document_module

    editor = open_editor(qtbot, context)
    page = editor.show_page(("step", "decision"))
    field = page.fields["title"]
    field.setFocus()
    field.end(False)
    saves: list[str] = []
    editor.document.saved.connect(
        lambda: saves.append(
            context.service.repository.get(editor.document.assessment.id).decision.title
        )
    )
    timer = document_module.QTimer()
    timer.setInterval(document_module.SAVE_DELAY_MS // 4)
    timer.timeout.connect(lambda: type_text(field, "x"))
    timer.start()
    qtbot.waitUntil(lambda: len(saves) >= 2, timeout=10_000)
    timer.stop()
    assert saves[0] != saves[1] and saves[1].startswith(saves[0])


def test_a_full_disk_keeps_the_text_and_saves_when_there_is_room(
    qtbot, context, monkeypatch
) -> None:
    """SQLite's page limit stands in for a full disk: the same error, the same path."""
    editor = open_editor(qtbot, context)
    repository = context.service.repository
    pages = repository.db.execute("PRAGMA page_count").fetchone()[0]
    repository.db.execute(f"PRAGMA max_page_count = {pages}")
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warned.append(args[2]))
    text = "Lång text om hur förslaget påverkar äldre. " * 400
    editor.document.set_value(("decision", "description"), text)
    assert not editor.document.save_now()
    assert "is full" in warned[0]
    assert editor.document.dirty and editor.document.assessment.decision.description == text
    assert repository.get(editor.document.assessment.id).decision.description != text
    repository.db.execute(f"PRAGMA max_page_count = {pages * 100}")  # room again
    assert editor.document.save_now()
    assert repository.get(editor.document.assessment.id).decision.description == text


def test_their_version_brings_its_modules_and_undo_starts_afresh(
    qtbot, context, monkeypatch
) -> None:
    editor = open_editor(qtbot, context)
    assessment_id = editor.document.assessment.id
    other = context.service.repository.get(assessment_id)
    other.modules = context.service.module_versions(["children"])
    context.service.repository.save(other)
    answer_with(monkeypatch, Choice.TAKE_THEIRS)
    editor.document.edit(("decision", "title"), "Min rubrik")
    assert editor.document.undo_stack.count() == 1
    editor.document.save_now()
    assert "children" in [c.id for c in editor.document.checklists]
    assert editor.document.undo_stack.count() == 0  # steps against the old version are gone
    assert editor.navigation.has(("ground", editor.document.checklists[-1].grounds[0].key))

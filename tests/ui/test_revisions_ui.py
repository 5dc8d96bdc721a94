"""Revisions in the window: the list of a decision's revisions, opening an earlier one
read-only, comparing two, the history with the audit chain, and the fingerprint."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QMessageBox

from desktop_app.domain import edits
from desktop_app.domain.audit import ChainReport
from desktop_app.domain.fingerprint import fingerprint
from desktop_app.domain.identity import Identity
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.revisions.compare_model import CHANGED_MARK, LEFT, MARK, RIGHT, WHAT
from desktop_app.ui.revisions.compare_view import CompareDialog
from desktop_app.ui.revisions.history_dialog import HistoryDialog
from desktop_app.ui.revisions.revisions_dialog import RevisionsDialog
from desktop_app.ui.revisions.revisions_model import APPROVER, FINGERPRINT, SELF_APPROVED
from desktop_app.ui.tasks import ImmediateRunner, TaskRunner
from tests.helpers import SAMI_NAME, complete_assessment
from tests.ui.editor_helpers import open_editor
from tests.ui.test_accessibility import unnamed_controls

QUESTION = ("answer", "sex.affects", "value")


@pytest.fixture
def revisions(context, content):
    """Revision 1, approved, and revision 2 with one answer changed, made the way the
    window makes them: through the service."""
    service = context.service
    first = service.repository.create(complete_assessment(content))
    reviewer = service.identity
    service.identity = Identity(SAMI_NAME, "maret")  # the caseworker (and author) submits
    service.review.submit(first)
    service.identity = reviewer
    service.review.approve(first, "Bra underlag.")
    second = service.review.new_revision(first)
    edits.set_value(second, QUESTION, "yes")
    service.save(second)
    return first, second


@pytest.fixture
def window(qtbot, context, revisions):
    """The main window on a register that holds both revisions."""
    window = MainWindow(context, runner=ImmediateRunner())
    qtbot.addWidget(window)
    window.show()
    return window


def cell(model, row: int, column: int, role=Qt.ItemDataRole.DisplayRole):
    return model.data(model.index(row, column), role)


def select(table, *rows: int) -> None:
    selection = table.selectionModel()
    selection.clearSelection()
    for row in rows:
        selection.select(
            table.model().index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )


def opened_read_only(window, assessment_id: int) -> bool:
    """Whether the main window shows the assessment read-only: in the editor's read-only
    mode, or in review mode's window (``reviews``), which only reads."""
    if assessment_id in getattr(window, "reviews", {}):
        return True
    return window.editors[assessment_id].document.read_only


def test_the_register_leads_to_every_revision(window, revisions) -> None:
    first, second = revisions
    assert window.register_view.model.rowCount() == 1  # the register lists the newest revision
    assert window.register_view.select(second.id)
    assert window.revision_actions.revisions in window.register_view.table.actions()  # context menu
    dialog = window.revision_actions.show_revisions()
    assert isinstance(dialog, RevisionsDialog)
    model = dialog.model
    assert model.rowCount() == 2
    assert [cell(model, row, 0) for row in range(2)] == ["1", "2"]
    assert cell(model, 0, APPROVER) == "Ája Ŋuolja (aja)"
    assert cell(model, 0, FINGERPRINT) == fingerprint(first)
    assert cell(model, 0, SELF_APPROVED) == "No"  # approved by someone else than the author
    assert cell(model, 1, FINGERPRINT) == ""  # not approved yet
    assert dialog.selected()[0].summary.id == second.id  # the one chosen in the register

    select(dialog.table, 0)
    dialog.open_button.click()
    assert opened_read_only(window, first.id)
    earlier = window.editors.get(first.id)
    if earlier is not None:  # in the editor: every edit refused
        assert earlier.document.assessment.revision == 1
        earlier.document.edit(("decision", "title"), "Ändrad i efterhand")
        assert earlier.document.assessment.decision.title == first.decision.title
        assert not earlier.commands.submit.isEnabled()
    dialog.close()


def test_two_revisions_compare_side_by_side(window, revisions, content) -> None:
    _first, second = revisions
    window.register_view.select(second.id)
    dialog = window.revision_actions.show_revisions()
    select(dialog.table, 0, 1)
    assert not dialog.open_button.isEnabled() and dialog.compare_button.isEnabled()
    dialog.compare_button.click()
    comparison = dialog.comparison
    assert isinstance(comparison, CompareDialog)
    model = comparison.model
    assert model.headerData(LEFT, Qt.Orientation.Horizontal) == "Revision 1 (Godkänd)"
    assert model.headerData(RIGHT, Qt.Orientation.Horizontal) == "Revision 2 (Utkast)"
    question = content.checklists.get("se-dl").ground("sex").questions[0].text.sv
    rows = [[cell(model, r, c) for c in range(4)] for r in range(model.rowCount())]
    assert [CHANGED_MARK, f"Kön › {question}", "", "Ja"] in rows
    assert comparison.summary.text() == "1 field(s) changed"
    assert comparison.only_changes.isChecked()
    # The selected row's full texts are shown below the table.
    answer = next(r for r, row in enumerate(rows) if row[WHAT].startswith("Kön"))
    comparison.table.selectRow(answer)
    assert comparison.right_text.toPlainText() == "Ja"
    assert comparison.field_label.text() == f"Kön › {question}"
    # Everything filled in, changed or not.
    comparison.only_changes.setChecked(False)
    assert model.rowCount() > len(rows)
    assert any(cell(model, r, MARK) == "" for r in range(model.rowCount()))
    assert comparison.summary.text() == "1 field(s) changed"
    comparison.close()
    dialog.close()


def test_one_selected_revision_compares_with_the_one_before(window, revisions) -> None:
    first, second = revisions
    window.register_view.select(second.id)
    dialog = window.revision_actions.show_revisions()
    select(dialog.table, 0)
    assert not dialog.compare_button.isEnabled()  # nothing before revision 1
    select(dialog.table, 1)
    comparison = dialog.compare_selected()
    assert (comparison.left.id, comparison.right.id) == (first.id, second.id)
    comparison.close()
    dialog.close()


def test_the_editor_compares_with_the_previous_revision(qtbot, context, revisions) -> None:
    first, second = revisions
    older = open_editor(qtbot, context, context.service.repository.get(first.id))
    assert not older.revision_actions.compare_previous.isEnabled()
    editor = open_editor(qtbot, context, context.service.repository.get(second.id))
    actions = editor.revision_actions
    menu = next(
        a.menu()
        for a in editor.menuBar().actions()
        if a.menu() and editor.commands.export in a.menu().actions()
    )
    assert {actions.revisions, actions.compare_previous, actions.history} <= set(menu.actions())
    assert actions.compare_previous.isEnabled()
    actions.compare_previous.trigger()
    comparison = actions.dialog
    assert isinstance(comparison, CompareDialog)
    assert (comparison.left.revision, comparison.right.revision) == (1, 2)
    assert comparison.model.changed_count() == 1
    comparison.close()


def test_the_editor_opens_other_revisions_through_the_main_window(window, revisions) -> None:
    first, second = revisions
    editor = window.open_assessment(second.id)
    dialog = editor.revision_actions.show_revisions()
    select(dialog.table, 0)
    dialog.open_selected()
    assert opened_read_only(window, first.id)
    assert not opened_read_only(window, second.id)
    dialog.close()


def test_the_fingerprint_in_the_status_bar_follows_the_content(qtbot, context, revisions) -> None:
    first, second = revisions
    editor = open_editor(qtbot, context, context.service.repository.get(second.id))
    label = editor.revision_actions.fingerprint
    assert label.text() == f"Revision 2 · Fingerprint {fingerprint(second)}"
    assert "PDF" in label.toolTip()
    editor.document.edit(("decision", "title"), "Nya öppettider")
    assert editor.document.save_now()
    changed = fingerprint(editor.document.assessment)
    assert changed != fingerprint(second)
    assert label.text().endswith(changed)
    # An earlier revision says there is a newer one.
    older = open_editor(qtbot, context, context.service.repository.get(first.id))
    assert older.revision_actions.fingerprint.text().startswith("Revision 1 of 2 · ")


def test_the_history_shows_each_change_and_whether_the_log_is_intact(
    window, revisions, content
) -> None:
    _first, second = revisions
    window.register_view.select(second.id)
    dialog = window.revision_actions.show_history()
    assert isinstance(dialog, HistoryDialog)
    assert dialog.chain_ok
    assert dialog.chain.text().startswith("✓ The audit log is intact")
    model = dialog.model
    lines = [[cell(model, r, c) for c in range(4)] for r in range(model.rowCount())]
    question = content.checklists.get("se-dl").ground("sex").questions[0].text.sv
    saved = next(line for line in lines if line[2] == "Saved")
    assert saved[1] == "Ája Ŋuolja (aja)"
    assert saved[3] == f"Kön › {question}: – → Ja"
    assert dialog.details.toPlainText()  # the newest entry, selected, in full
    dialog.close()


def test_a_tampered_log_is_shown_as_not_to_be_trusted(window, revisions, db_path) -> None:
    _first, second = revisions
    with sqlite3.connect(db_path) as conn:  # as someone going around Lika would
        conn.execute("DROP TRIGGER audit_log_no_update")
        conn.execute("UPDATE audit_log SET actor = 'Mallory' WHERE id = 3")
    conn.close()
    window.register_view.select(second.id)
    dialog = window.revision_actions.show_history()
    assert dialog.chain_ok is False
    assert "from entry 3 on cannot be trusted" in dialog.chain.text()
    assert "audit entry 3 was changed" in dialog.chain.text()
    dialog.close()


def test_an_unreadable_entry_is_said_in_a_message_box(
    window, revisions, db_path, monkeypatch
) -> None:
    """An entry changed to nonsense outside Lika: the History action (a slot, where an
    exception would only be printed) shows a message naming it, and no dialog."""
    _first, second = revisions
    with sqlite3.connect(db_path) as conn:
        conn.execute("DROP TRIGGER audit_log_no_update")
        uid = conn.execute("SELECT uid FROM assessments WHERE id = ?", [second.id]).fetchone()[0]
        conn.execute(
            "UPDATE audit_log SET at = 'garbage' WHERE id = "
            "(SELECT min(id) FROM audit_log WHERE assessment_uid = ?)",
            [uid],
        )
    conn.close()
    warnings: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _p, title, text: warnings.append((title, text))
    )
    window.register_view.select(second.id)
    window.revision_actions.history.trigger()
    assert window.revision_actions.dialog is None
    ((title, text),) = warnings
    assert title == "The history cannot be shown"
    assert "cannot be read (its time 'garbage' is not a time); run lika check" in text


def test_the_log_is_checked_off_the_gui_thread(qtbot, context, revisions) -> None:
    _first, second = revisions
    window = MainWindow(context, runner=TaskRunner())
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.register_view.select(second.id))  # the first page
    dialog = window.revision_actions.show_history()
    assert dialog.model.rowCount() > 0  # the history is there at once
    qtbot.waitUntil(lambda: dialog.chain_ok is not None)
    assert dialog.chain_ok and "intact" in dialog.chain.text()
    dialog.close()


def test_the_editor_shows_the_history_after_saving_pending_edits(qtbot, context, revisions) -> None:
    _first, second = revisions
    editor = open_editor(qtbot, context, context.service.repository.get(second.id))
    editor.document.edit(("decision", "case_number"), "KS 2027/0007")
    assert editor.document.dirty
    editor.revision_actions.history.trigger()
    dialog = editor.revision_actions.dialog
    assert isinstance(dialog, HistoryDialog)
    assert not editor.document.dirty  # saved first, so the history has it
    last = dialog.model.line_at(dialog.model.rowCount() - 1)
    assert last.change is not None and last.change.new == "KS 2027/0007"
    assert dialog.chain_ok  # checked at once: an editor on its own has no runner
    dialog.close()


def test_an_assessment_without_history_says_so(qtbot, context) -> None:
    assessment = context.service.new_assessment()
    dialog = HistoryDialog(context, assessment, [], ChainReport(True, 0, None, ""))
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 0
    assert not dialog.empty.isHidden()


def test_every_control_of_the_revision_dialogs_has_a_name(window, revisions) -> None:
    _first, second = revisions
    window.register_view.select(second.id)
    dialogs = [window.revision_actions.show_revisions(), window.revision_actions.show_history()]
    select(dialogs[0].table, 0, 1)
    dialogs.append(dialogs[0].compare_selected())
    for dialog in dialogs:
        assert unnamed_controls(dialog) == [], type(dialog).__name__
        dialog.close()


def test_review_mode_offers_the_revisions_too(window, revisions) -> None:
    first, second = revisions
    review = window.open_assessment(first.id)  # approved, earlier: read-only review mode
    assert review is window.reviews[first.id]
    actions = review.revision_actions
    assert actions.fingerprint.text() == f"Revision 1 of 2 · Fingerprint {fingerprint(first)}"
    menu = next(
        a.menu()
        for a in review.menuBar().actions()
        if a.menu() and review.actions_.export in a.menu().actions()
    )
    assert {actions.revisions, actions.compare_previous, actions.history} <= set(menu.actions())
    assert not actions.compare_previous.isEnabled()  # nothing before revision 1
    dialog = actions.show_revisions()
    select(dialog.table, 1)
    dialog.open_selected()
    assert second.id in window.editors  # the draft revision opens in the editor
    history = actions.show_history()
    assert history.model.rowCount() > 0 and history.chain_ok
    dialog.close()
    history.close()

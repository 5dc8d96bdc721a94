"""Undo and redo: typing merges per field, every kind of edit can be undone, widgets follow."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop_app.domain.model import Relevance
from tests.ui.editor_helpers import open_editor, stored
from tests.ui.typing_helpers import type_text

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def test_typing_in_one_field_is_one_step_and_keys_reach_the_stack(qtbot, context) -> None:
    editor = open_editor(qtbot, context, active=True)
    page = editor.show_page(("step", "decision"))
    title, description = page.fields["title"], page.fields["description"]
    type_text(title, "Skolskjuts")
    type_text(description, "Nya regler för skolskjuts.")
    stack = editor.document.undo_stack
    assert stack.count() == 2  # one command per field, not one per key
    assert editor.commands.undo.text() == "&Undo Beskrivning av förslaget"

    # Ctrl+Z typed inside the text field undoes through the editor's stack.
    qtbot.keyClick(description, Qt.Key.Key_Z, CTRL)
    assert description.toPlainText() == ""
    assert editor.document.assessment.decision.description == ""
    assert title.text() == "Skolskjuts"
    qtbot.keyClick(title, Qt.Key.Key_Z, CTRL)
    assert title.text() == "" and editor.document.assessment.decision.title == ""
    assert not editor.commands.undo.isEnabled()

    # Redo brings both back, Ctrl+Shift+Z as well as the menu.
    qtbot.keyClick(title, Qt.Key.Key_Z, CTRL_SHIFT)
    assert title.text() == "Skolskjuts"
    editor.commands.redo.trigger()
    assert description.toPlainText() == "Nya regler för skolskjuts."
    assert editor.document.save_now()
    assert stored(context, editor).decision.description == "Nya regler för skolskjuts."


def test_leaving_a_field_starts_a_new_step(qtbot, context) -> None:
    editor = open_editor(qtbot, context)
    page = editor.show_page(("step", "decision"))
    title = page.fields["title"]
    type_text(title, "Första")
    editor.document.seal_typing()  # what leaving the field does
    type_text(title, " andra")
    assert editor.document.undo_stack.count() == 2
    editor.commands.undo.trigger()
    assert title.text() == "Första"


def test_typing_back_to_the_start_leaves_nothing_to_undo(qtbot, context) -> None:
    editor = open_editor(qtbot, context)
    page = editor.show_page(("step", "decision"))
    title = page.fields["title"]
    type_text(title, "ab")
    qtbot.keyClick(title, Qt.Key.Key_Backspace)
    qtbot.keyClick(title, Qt.Key.Key_Backspace)
    assert title.text() == ""
    assert editor.document.undo_stack.count() == 0


def test_undo_of_a_choice_on_another_page_shows_where_it_happened(qtbot, context) -> None:
    editor = open_editor(qtbot, context)
    screening = editor.show_page(("step", "grounds"))
    screening.relevance["age"].button(0).click()  # relevant
    assert editor.document.assessment.grounds["age"].relevance is Relevance.RELEVANT
    editor.show_page(("step", "decision"))
    editor.commands.undo.trigger()
    assert editor.document.assessment.grounds["age"].relevance is Relevance.UNKNOWN
    # The editor went to the field: the ground's own page, with its choice focused.
    assert editor.navigation.current_key() == ("ground", "age")
    page = editor.current_page()
    assert page.relevance.checkedButton() is page.relevance.button(2)
    assert editor.focusWidget() is page.relevance.button(2)
    editor.commands.redo.trigger()
    assert page.relevance.checkedButton() is page.relevance.button(0)
    assert screening.relevance["age"].checkedButton() is screening.relevance["age"].button(0)


def test_adding_and_removing_measures_can_be_undone(qtbot, context) -> None:
    editor = open_editor(qtbot, context)
    page = editor.show_page(("step", "measures"))
    page.add_measure()
    type_text(page.description, "Skylta om entrén")
    measures = editor.document.assessment.measures
    assert len(measures) == 1
    page.remove_measure()  # no confirmation: it can be undone
    assert measures == [] and page.model.rowCount() == 0
    assert editor.commands.undo.text() == "&Undo Remove measure"
    editor.commands.undo.trigger()
    assert [m.description for m in measures] == ["Skylta om entrén"]
    assert page.model.rowCount() == 1
    editor.commands.undo.trigger()  # the typing
    editor.commands.undo.trigger()  # the adding
    assert measures == []
    editor.commands.redo.trigger()
    editor.commands.redo.trigger()
    assert [m.description for m in measures] == ["Skylta om entrén"]
    assert editor.document.save_now()
    assert [m.description for m in stored(context, editor).measures] == ["Skylta om entrén"]

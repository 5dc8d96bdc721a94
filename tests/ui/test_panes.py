"""The guidance pane can be hidden and shown (remembered), and the dividers between
the editor's panes move from the keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.keyboard import press
from tests.ui.test_editor import open_editor


def test_guidance_hides_and_the_choice_is_remembered(qtbot, context) -> None:
    editor = open_editor(qtbot, context)
    assert editor.guidance.isVisible()
    editor.activateWindow()
    editor.focus_page()
    qtbot.waitUntil(lambda: editor.isActiveWindow())
    press(qtbot, Qt.Key.Key_F2)
    assert not editor.guidance.isVisible()
    assert context.settings.guidance_visible is False
    again = open_editor(qtbot, context)
    assert not again.guidance.isVisible()
    again.panes.toggle_guidance.trigger()
    assert again.guidance.isVisible() and context.settings.guidance_visible is True


def test_dividers_move_from_the_keyboard(qtbot, context) -> None:
    editor = open_editor(qtbot, context)
    editor.activateWindow()
    qtbot.waitUntil(lambda: editor.isActiveWindow())
    editor.navigation.setFocus()
    qtbot.waitUntil(lambda: editor.navigation.hasFocus())
    before = editor.splitter.sizes()
    press(
        qtbot,
        Qt.Key.Key_Right,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier,
    )
    after = editor.splitter.sizes()
    assert after[0] > before[0] and after[1] < before[1]
    editor.focus_page()
    press(
        qtbot,
        Qt.Key.Key_Left,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier,
    )
    assert editor.splitter.sizes()[1] < after[1]


def test_the_undo_button_keeps_its_short_label(qtbot, context) -> None:
    editor = open_editor(qtbot, context)
    page = editor.show_page(("step", "decision"))
    editor.document.edit(("decision", "title"), "Ny taxa för färdtjänst i hela kommunen")
    assert page is not None
    undo = editor.commands.undo
    assert undo.iconText() == "Undo"
    assert "Undo " in undo.toolTip()  # what would be undone, where there is room for it


def test_all_changes_saved_stays_until_the_next_edit(qtbot, context) -> None:
    editor = open_editor(qtbot, context)
    editor.show_page(("step", "decision"))
    editor.document.edit(("decision", "title"), "Ny taxa")
    assert editor.document.save_now()
    qtbot.wait(50)
    assert editor.statusBar().currentMessage() == "All changes saved"
    qtbot.wait(4500)  # it used to vanish after four seconds
    assert editor.statusBar().currentMessage() == "All changes saved"
    editor.document.edit(("decision", "title"), "Ny taxa 2")
    assert editor.statusBar().currentMessage() == ""

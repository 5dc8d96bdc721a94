"""Opening an editor in widget tests."""

from __future__ import annotations

from desktop_app.ui.editor.editor_window import EditorWindow


def open_editor(qtbot, context, assessment=None, *, active: bool = False) -> EditorWindow:
    """An editor on ``assessment`` (a new one by default); ``active`` makes it the
    active window, which keyboard shortcuts need."""
    assessment = assessment or context.service.new_assessment()
    editor = EditorWindow(context, assessment)
    qtbot.addWidget(editor)
    if active:
        with qtbot.waitActive(editor):
            editor.show()
            editor.activateWindow()
    else:
        editor.show()
    return editor


def stored(context, editor):
    return context.service.repository.get(editor.document.assessment.id)

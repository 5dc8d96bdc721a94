"""Submitting for review: refused with the missing items listed; afterwards read-only."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QMessageBox, QPlainTextEdit

from desktop_app.domain.model import Status
from tests.helpers import complete_assessment
from tests.ui.editor_helpers import open_editor, stored


def test_submission_is_refused_with_the_missing_items_listed(qtbot, context, content) -> None:
    assessment = complete_assessment(content)
    assessment.decision.description = ""
    assessment.measures[0].owner = ""
    assessment.conclusion.summary = ""
    context.service.repository.create(assessment)
    editor = open_editor(qtbot, context, assessment)

    editor.commands.submit.trigger()

    box = editor.commands.refusal_box
    assert box is not None and box.isVisible()
    assert "3 required item(s)" in box.text()
    listed = box.informativeText().splitlines()
    assert listed == [
        "• Beslutet: Förslaget är inte beskrivet.",
        "• Measure 1 (Erbjud meröppet med personal en kväll i…): Åtgärden saknar ansvarig.",
        "• Slutsats och uppföljning: Skriv en sammanfattning för beslutsunderlaget.",
    ]
    # Nothing changed in the register.
    assert stored(context, editor).status is Status.DRAFT
    assert context.service.repository.status_history(assessment.id) == []
    assert not editor.document.read_only

    # "Show what is left" puts the keyboard in the list, on the first item...
    show = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
    show.click()
    assert editor.focusWidget() is editor.gaps.list
    assert editor.gaps.list.currentIndex().row() == 0
    # ... and activating an item jumps to its field.
    index = editor.gaps.model.index(1, 0)
    editor.gaps.list.activated.emit(index)
    page = editor.current_page()
    assert page.current_uid == assessment.measures[0].uid
    assert editor.focusWidget() is page.owner


def test_a_long_list_is_shortened(qtbot, context) -> None:
    editor = open_editor(qtbot, context)  # an empty assessment: everything is missing
    editor.commands.submit.trigger()
    box = editor.commands.refusal_box
    lines = box.informativeText().splitlines()
    assert len(lines) == 13
    assert lines[-1].startswith("… and ")
    assert f"{len(editor.document.gaps)} required item(s)" in box.text()


def test_submitting_a_complete_assessment_asks_then_locks_it_readably(
    qtbot, context, content
) -> None:
    assessment = context.service.repository.create(complete_assessment(content))
    editor = open_editor(qtbot, context, assessment)
    editor.commands.submit.trigger()
    box = editor.commands.confirm_box
    assert box is not None
    cancel = box.button(QMessageBox.StandardButton.Cancel)
    cancel.click()
    assert stored(context, editor).status is Status.DRAFT

    editor.commands.submit.trigger()
    box = editor.commands.confirm_box
    submit = next(
        b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole
    )
    submit.click()
    assert stored(context, editor).status is Status.IN_REVIEW
    assert editor.document.read_only
    assert editor.banner.isVisible() and "read-only" in editor.banner.text()
    assert not editor.commands.submit.isEnabled()
    assert not editor.commands.undo.isEnabled()

    # Pages stay readable: text is read-only (selectable), not greyed-out.
    page = editor.show_page(("ground", "age"))
    assert page.isEnabled()
    assert page.justification.isReadOnly() and page.justification.isEnabled()
    assert not page.direction.isEnabled()
    page.justification.setPlainText("changed anyway")  # even a programmatic change ...
    assert editor.document.assessment.grounds["age"].justification != "changed anyway"
    measures = editor.show_page(("step", "measures"))
    measures.select_measure(assessment.measures[0].uid)
    assert measures.owner.isReadOnly() and measures.owner.isEnabled()
    assert not measures.add_button.isEnabled()
    decision = editor.show_page(("step", "decision"))
    for kind in (QLineEdit, QPlainTextEdit):
        for widget in decision.findChildren(kind):
            assert widget.isReadOnly()


def test_reopening_an_assessment_in_review_is_read_only(qtbot, context, content) -> None:
    assessment = context.service.repository.create(complete_assessment(content))
    context.service.change_status(assessment, Status.IN_REVIEW)
    editor = open_editor(qtbot, context, context.service.repository.get(assessment.id))
    assert editor.document.read_only
    page = editor.show_page(("step", "conclusion"))
    assert page.summary.isReadOnly()
    assert not editor.gaps.done.isVisible()


def test_what_is_left_by_keyboard(qtbot, context, content) -> None:
    from PySide6.QtCore import Qt

    from tests.ui.keyboard import focused, press

    assessment = complete_assessment(content)
    assessment.decision.affected = ""
    assessment.conclusion.followup_date = None
    context.service.repository.create(assessment)
    editor = open_editor(qtbot, context, assessment, active=True)
    press(qtbot, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)  # to "what is left"
    assert focused() is editor.gaps.list
    assert editor.gaps.heading.text() == "What is &left (2)"
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Return)
    page = editor.current_page()
    assert focused() is page.followup_date
    press(qtbot, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)  # to the navigation
    assert focused() is editor.navigation
    press(qtbot, Qt.Key.Key_F6)  # and on through the panes
    assert editor.current_page().isAncestorOf(focused())

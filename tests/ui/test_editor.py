"""The editor: fill in a ground through the widgets and find it stored."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop_app.domain.model import Direction, Relevance, RiskKind, Severity
from desktop_app.ui.editor.editor_window import EditorWindow
from desktop_app.ui.editor.ground_page import GroundPage
from desktop_app.ui.editor.measures_page import MeasuresPage
from tests.ui.typing_helpers import type_text


def open_editor(qtbot, context, assessment=None) -> EditorWindow:
    assessment = assessment or context.service.new_assessment()
    editor = EditorWindow(context, assessment)
    qtbot.addWidget(editor)
    editor.show()
    return editor


def stored(context, editor):
    return context.service.repository.get(editor.document.assessment.id)


def test_fill_a_ground_and_it_is_stored(qtbot, context) -> None:
    editor = open_editor(qtbot, context)
    page = editor.show_page(("ground", "age"))
    assert isinstance(page, GroundPage)
    assert not page.impact.isEnabled()

    qtbot.mouseClick(page.relevance.button(0), Qt.MouseButton.LeftButton)  # relevant
    assert page.impact.isEnabled()
    page.justification.setFocus()
    type_text(page.justification, "Äldre besöker biblioteket på kvällen.")
    page.direction.setCurrentIndex(page.direction.findData("negative"))
    page.direction.activated.emit(page.direction.currentIndex())
    assert page.severity.isEnabled()
    page.severity.setCurrentIndex(page.severity.findData("high"))
    page.severity.activated.emit(page.severity.currentIndex())
    type_text(page.groups, "Personer över 70 år, Čáhppes-familjen")
    page.risk_boxes["indirect_discrimination"].click()

    # Saved shortly after typing stops, without a save button.
    with qtbot.waitSignal(editor.document.saved, timeout=3000):
        pass
    ground = stored(context, editor).grounds["age"]
    assert ground.relevance is Relevance.RELEVANT
    assert ground.justification == "Äldre besöker biblioteket på kvällen."
    assert (ground.direction, ground.severity) == (Direction.NEGATIVE, Severity.HIGH)
    assert ground.groups == "Personer över 70 år, Čáhppes-familjen"
    assert ground.risks == [RiskKind.INDIRECT]


def test_answers_to_questions_are_stored(qtbot, context) -> None:
    editor = open_editor(qtbot, context)
    page = editor.show_page(("ground", "disability"))
    ground = page.ground
    first = ground.questions[0]
    editor.document.set_value(("answer", first.id, "value"), "yes")
    editor.document.set_value(("answer", first.id, "note"), "Hissen är trasig sedan mars.")
    assert editor.document.save_now()
    answer = stored(context, editor).answers[first.id]
    assert (answer.value, answer.note) == ("yes", "Hissen är trasig sedan mars.")


def test_decision_fields_and_closing_saves(qtbot, context) -> None:
    editor = open_editor(qtbot, context)
    page = editor.show_page(("step", "decision"))
    type_text(page.fields["title"], "Ny taxa för färdtjänst")
    page.fields["affected_groups"].setPlainText("Sámiid Searvi\nОльга Кузнецова\n")
    page.fields["decision_date"].setDate(
        page.fields["decision_date"].date().fromString("2027-02-14", "yyyy-MM-dd")
    )
    editor.close()  # pending edits are written on close
    decision = stored(context, editor).decision
    assert decision.title == "Ny taxa för färdtjänst"
    assert decision.affected_groups == ["Sámiid Searvi", "Ольга Кузнецова"]
    assert decision.decision_date == date(2027, 2, 14)


def test_add_and_edit_a_measure(qtbot, context) -> None:
    editor = open_editor(qtbot, context)
    page = editor.show_page(("step", "measures"))
    assert isinstance(page, MeasuresPage)
    assert not page.form_widget.isEnabled()
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert page.form_widget.isEnabled()
    type_text(page.description, "Erbjud meröppet en kväll i veckan")
    type_text(page.owner, "Ánde Ŋuolja")
    page.ground_boxes["age"].click()
    assert editor.document.save_now()
    measure = stored(context, editor).measures[0]
    assert (measure.description, measure.owner, measure.grounds) == (
        "Erbjud meröppet en kväll i veckan",
        "Ánde Ŋuolja",
        ["age"],
    )
    assert page.model.rowCount() == 1
    assert page.model.data(page.model.index(0, 1)) == "Ánde Ŋuolja"


def test_navigation_shows_what_is_missing(qtbot, context) -> None:
    editor = open_editor(qtbot, context)
    item = editor.navigation.item(("ground", "age"))
    assert item.text(0).startswith("!")
    editor.document.set_value(("ground", "age", "relevance"), "not_relevant")
    editor.document.set_value(("ground", "age", "justification"), "Påverkar inte åldersgrupper.")
    assert item.text(0).startswith("–")


def test_save_conflict_is_reported_not_lost(qtbot, context, monkeypatch) -> None:
    from desktop_app.ui.editor.conflict_dialog import ConflictDialog

    editor = open_editor(qtbot, context)
    other = context.service.repository.get(editor.document.assessment.id)
    other.decision.title = "Ändrad i ett annat fönster"
    context.service.repository.save(other)
    shown: list[ConflictDialog] = []
    monkeypatch.setattr(ConflictDialog, "exec", lambda dialog: shown.append(dialog) or 0)
    editor.document.set_value(("decision", "title"), "Min ändring")
    assert not editor.document.save_now()
    assert len(shown) == 1  # the user is shown what differs (see tests/ui/test_conflict.py)
    assert stored(context, editor).decision.title == "Ändrad i ett annat fönster"
    assert editor.document.assessment.decision.title == "Min ändring"
    # Closing asks before the unsaved change is lost.
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda *args: asked.append(args[1]) or QMessageBox.StandardButton.No,
    )
    assert not editor.close()
    assert asked and editor.isVisible()
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    assert editor.close()

"""Decision types in the window (issue 17): chosen in the New dialog (which ticks the
modules a type suggests), changed on the decision page (the ground pages then ask the
type's questions), and shown and filtered in the register."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel

from desktop_app.domain.register import SortKey
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.new_assessment_dialog import NewAssessmentDialog
from desktop_app.ui.register.table_model import COLUMNS
from tests.helpers import complete_assessment
from tests.ui.editor_helpers import open_editor, stored


def test_the_new_dialog_takes_a_type_and_ticks_its_modules(qtbot, context) -> None:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, NewAssessmentDialog)
        assert not dialog.modules.boxes["children"].isChecked()
        dialog.decision_type.setCurrentIndex(dialog.decision_type.findData("physical_planning"))
        assert dialog.modules.boxes["children"].isChecked()
        assert dialog.modules.boxes["minorities"].isChecked()
        assert "Översiktsplaner" in dialog.type_note.text()
        dialog.modules.boxes["minorities"].setChecked(False)  # a suggestion, not a rule
        dialog.accept()

    QTimer.singleShot(0, fill)
    window.new_action.trigger()
    editor = next(iter(window.editors.values()))
    assessment = stored(context, editor)
    assert assessment.decision_type == "physical_planning"
    assert assessment.modules == {"children": "1.0"}


def test_changing_the_type_on_the_decision_page_changes_the_questions(
    qtbot, context, content
) -> None:
    assessment = context.service.repository.create(complete_assessment(content))
    editor = open_editor(qtbot, context, assessment)
    page = editor.show_page(("step", "decision"))
    combo = page.fields["decision_type"]
    assert combo.currentData() == ""
    assert "sex.type_budget_who_pays" not in editor.show_page(("ground", "sex")).question_boxes

    combo.setCurrentIndex(combo.findData("budget_fees"))
    combo.activated.emit(combo.currentIndex())
    assert editor.document.assessment.decision_type == "budget_fees"
    ground = editor.show_page(("ground", "sex"))
    box = ground.question_boxes["sex.type_budget_who_pays"]
    marks = [label.text() for label in box.findChildren(QLabel)]
    assert "Viktig för den här typen av beslut" in marks
    assert editor.document.save_now()
    assert stored(context, editor).decision_type == "budget_fees"

    editor.commands.undo.trigger()
    assert editor.document.assessment.decision_type == ""
    assert "sex.type_budget_who_pays" not in editor.show_page(("ground", "sex")).question_boxes


def test_the_register_shows_and_filters_the_type(qtbot, context, content) -> None:
    for key in ("grants", "procurement"):
        a = complete_assessment(content)
        a.decision_type = key
        context.service.repository.create(a)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    view = window.register_view
    model = view.model
    qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=5000)
    column = COLUMNS.index(SortKey.DECISION_TYPE)
    shown = {model.index(row, column).data() for row in range(2)}
    assert shown == {"Bidrag och stöd", "Upphandling"}
    assert model.headerData(column, Qt.Orientation.Horizontal) == "Typ av beslut"
    bar = view.filters
    bar.decision_type.setCurrentIndex(bar.decision_type.findData("grants"))
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=5000)
    assert model.index(0, column).data() == "Bidrag och stöd"

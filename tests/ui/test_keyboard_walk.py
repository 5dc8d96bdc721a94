"""A whole assessment, from "new" to "submitted for review", by keyboard only.

Every key goes to the widget that has focus; the test never clicks, never sets a
value and never moves focus itself. If it passes, a caseworker without a mouse can do
the same: the tab order, the mnemonics and the shortcuts are all there.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QRadioButton

from desktop_app.domain.model import Direction, MeasureStatus, Outcome, Relevance, Status
from desktop_app.ui.editor.measures_page import MeasuresPage
from desktop_app.ui.editor.screening_page import ScreeningPage
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.new_assessment_dialog import NewAssessmentDialog
from tests.ui.keyboard import alt, focused, press, tab_to, type_keys

CTRL = Qt.KeyboardModifier.ControlModifier


def create_by_keyboard(qtbot, context) -> MainWindow:
    window = MainWindow(context)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()

    def fill_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, NewAssessmentDialog)
        try:
            # The dialog opens with focus on the title, once the window system shows it.
            qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.title)
            type_keys(qtbot, "Nya öppettider på biblioteken")
            press(qtbot, Qt.Key.Key_Return)  # "Create" is the default button
        finally:
            if dialog.isVisible():  # a failed step must not leave the test hanging
                dialog.reject()

    QTimer.singleShot(0, fill_dialog)
    press(qtbot, Qt.Key.Key_N, CTRL)
    assert len(window.editors) == 1
    return window


def test_a_whole_assessment_by_keyboard_only(qtbot, context) -> None:
    window = create_by_keyboard(qtbot, context)
    editor = next(iter(window.editors.values()))
    with qtbot.waitActive(editor):
        editor.activateWindow()
    document = editor.document

    # Step 1. The editor opens with focus in the first field of the decision.
    page = editor.current_page()
    assert focused() is page.fields["title"]
    assert page.fields["title"].text() == "Nya öppettider på biblioteken"
    label = page.layout().itemAt(1).layout().labelForField(page.fields["description"])
    alt(qtbot, label.text())  # Alt+letter jumps to "description"
    assert focused() is page.fields["description"]
    type_keys(qtbot, "Kvällsöppet tas bort på två filialer.")
    tab_to(qtbot, page.fields["affected"])
    type_keys(qtbot, "Besökare, främst studerande och äldre.")
    tab_to(qtbot, page.fields["evidence"])
    type_keys(qtbot, "Besöksstatistik per timme, uppdelad på kön och ålder.")
    assert [g.step for g in document.gaps if g.step == "decision"] == []

    # Step 2. Screen every ground on one page: arrow keys choose, Tab moves on.
    press(qtbot, Qt.Key.Key_PageDown, CTRL)
    screening = editor.current_page()
    assert isinstance(screening, ScreeningPage)
    keys = list(screening.reasons)
    for key in keys:
        # Tab lands on the current answer, "not yet assessed" (the last choice).
        group = screening.relevance[key]
        tab_to(qtbot, group.button(2))
        press(qtbot, Qt.Key.Key_Left)  # not relevant
        if key == "age":
            press(qtbot, Qt.Key.Key_Left)  # relevant
        assert isinstance(focused(), QRadioButton)
        press(qtbot, Qt.Key.Key_Tab)
        assert focused() is screening.reasons[key]
        type_keys(qtbot, "Äldre besöker främst på kvällen." if key == "age" else "Ingen skillnad.")
    grounds = document.assessment.grounds
    assert grounds["age"].relevance is Relevance.RELEVANT
    assert all(grounds[k].relevance is Relevance.NOT_RELEVANT for k in keys if k != "age")

    # ... then deep on the relevant one: its "assess in depth" button opens its page.
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is screening.open_buttons["age"]
    press(qtbot, Qt.Key.Key_Space)
    ground_page = editor.current_page()
    assert ground_page.ground.key == "age"
    tab_to(qtbot, ground_page.direction)
    for _ in range(2):  # Choose… → positive → negative
        press(qtbot, Qt.Key.Key_Down)
    assert grounds["age"].direction is Direction.NEGATIVE
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is ground_page.severity
    press(qtbot, Qt.Key.Key_Down)  # low
    assert [g.code for g in document.gaps if g.ground_key == "age"] == [
        "ground.measure_or_justification.missing"
    ]

    # Step 3. A measure: F8 goes straight to what is still missing here ...
    press(qtbot, Qt.Key.Key_F8)
    assert focused() is ground_page.no_measure
    # ... but a measure is better: to the measures page, Alt+D adds one.
    press(qtbot, Qt.Key.Key_PageDown, CTRL)
    measures = editor.current_page()
    assert isinstance(measures, MeasuresPage)
    with qtbot.waitSignal(measures.add_button.clicked):  # a mnemonic "animates" the click
        alt(qtbot, measures.add_button.text())
    assert focused() is measures.description
    type_keys(qtbot, "Meröppet med personal en kväll i veckan.")
    tab_to(qtbot, measures.ground_boxes["age"])
    press(qtbot, Qt.Key.Key_Space)
    tab_to(qtbot, measures.owner)
    type_keys(qtbot, "Kultur- och fritidsförvaltningen")
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is measures.deadline
    type_keys(qtbot, "20270301")
    press(qtbot, Qt.Key.Key_Tab)
    measure = document.assessment.measures[0]
    assert (measure.grounds, measure.deadline) == (["age"], date(2027, 3, 1))
    assert measure.status is MeasureStatus.PLANNED
    assert not [g for g in document.gaps if g.step in ("grounds", "measures")]

    # Step 4. The conclusion.
    press(qtbot, Qt.Key.Key_PageDown, CTRL)
    conclusion = editor.current_page()
    assert focused() is conclusion.outcome
    for _ in range(2):  # Choose… → proceed unchanged → proceed with the measures
        press(qtbot, Qt.Key.Key_Down)
    tab_to(qtbot, conclusion.summary)
    type_keys(qtbot, "Beslutet kan fattas om meröppet införs.")
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is conclusion.followup_date
    type_keys(qtbot, "20270901")
    press(qtbot, Qt.Key.Key_Tab)
    assert document.assessment.conclusion.outcome is Outcome.PROCEED_WITH_MEASURES
    assert document.gaps == []

    # Submit for review: Ctrl+Return, then Return on the question's default button.
    press(qtbot, Qt.Key.Key_Return, CTRL)
    box = editor.commands.confirm_box
    assert box is not None and box.isVisible()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is box)  # the window system shows it
    press(qtbot, Qt.Key.Key_Return)
    stored = context.service.repository.get(document.assessment.id)
    assert stored.status is Status.IN_REVIEW
    assert stored.measures[0].owner == "Kultur- och fritidsförvaltningen"
    assert stored.grounds["age"].justification == "Äldre besöker främst på kvällen."
    history = context.service.repository.status_history(stored.id)
    assert history[-1].to_status is Status.IN_REVIEW

    # Now read-only, and still readable: text fields are read-only, not greyed out.
    assert document.read_only
    page = editor.show_page(("step", "decision"))
    for field in page.fields.values():
        if isinstance(field, QLineEdit | QPlainTextEdit):
            assert field.isReadOnly() and field.isEnabled()
    assert not editor.commands.submit.isEnabled()
    editor.close()

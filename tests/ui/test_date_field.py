"""The editor's date fields take a date as typed, or say at once that they cannot."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from desktop_app.domain.model import Language
from desktop_app.ui.date_field import DateField
from tests.ui.keyboard import focused, press, type_keys
from tests.ui.test_editor import open_editor, stored


def typed_into(qtbot, field: DateField, text: str) -> None:
    field.setFocus()
    qtbot.waitUntil(lambda: focused() is field)
    field.selectAll()
    type_keys(qtbot, text)
    press(qtbot, Qt.Key.Key_Return)


def test_the_forms_of_the_issue_store_that_exact_day(qtbot, context) -> None:
    editor = open_editor(qtbot, context)
    page = editor.show_page(("step", "decision"))
    field = page.fields["decision_date"]
    for text in ("2027-03-15", "15.3.2027", "15/3/2027", "20270315"):
        typed_into(qtbot, field, text)
        assert editor.document.assessment.decision.decision_date == date(2027, 3, 15), text
        assert not field.is_unreadable()
        assert "15 mars 2027" in field.message.text()
    typed_into(qtbot, field, "2025-11-01")
    assert editor.document.assessment.decision.decision_date == date(2025, 11, 1)


def test_unreadable_text_is_said_at_once_and_not_stored(qtbot, context) -> None:
    editor = open_editor(qtbot, context)
    page = editor.show_page(("step", "decision"))
    field = page.fields["decision_date"]
    typed_into(qtbot, field, "2027-03-15")
    typed_into(qtbot, field, "31.2.2027")
    assert field.is_unreadable()
    assert field.message.isVisible() and "Nothing was saved" in field.message.text()
    assert field.text() == "31.2.2027"  # kept for correction, not replaced
    assert editor.document.assessment.decision.decision_date == date(2027, 3, 15)
    assert "Nothing was saved" in field.accessibleDescription()


def test_emptying_the_field_removes_the_date(qtbot, context) -> None:
    editor = open_editor(qtbot, context)
    page = editor.show_page(("step", "decision"))
    field = page.fields["decision_date"]
    typed_into(qtbot, field, "15.3.2027")
    field.selectAll()
    press(qtbot, Qt.Key.Key_Delete)
    press(qtbot, Qt.Key.Key_Return)
    assert editor.document.assessment.decision.decision_date is None
    assert editor.document.save_now()
    assert stored(context, editor).decision.decision_date is None


@pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen: no keyboard grab
def test_calendar_opens_from_the_keyboard_and_picks_a_day(qtbot, context) -> None:
    field = DateField(Language.NB)
    qtbot.addWidget(field.row)
    field.row.show()
    field.setFocus()
    qtbot.waitUntil(lambda: focused() is field)
    press(qtbot, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    calendar = field.calendarWidget()
    assert calendar.isVisible()
    with qtbot.waitSignal(field.dateChanged):
        calendar.activated.emit(calendar.selectedDate().addDays(1))
    assert not calendar.isVisible()
    assert field.value() is not None
    assert field.text() == field.value().strftime("%d.%m.%Y")

"""The editor's date fields take a date as typed, or say at once that they cannot."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

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


def test_a_past_date_is_warned_about_at_the_field_and_in_the_list(qtbot, context) -> None:
    editor = open_editor(qtbot, context)
    page = editor.show_page(("step", "decision"))
    field = page.fields["decision_date"]
    typed_into(qtbot, field, "1.1.2020")
    assert editor.document.assessment.decision.decision_date == date(2020, 1, 1)  # not refused
    assert "redan passerat" in field.message.text()
    model = editor.gaps.model
    rows = [model.gap(row) for row in range(model.rowCount())]
    assert [g.code for g in rows if g.warning] == ["decision.decision_date.past"]
    assert all(not g.warning for g in editor.document.gaps)
    typed_into(qtbot, field, "1.1.2099")
    assert "passerat" not in field.message.text()
    assert not any(model.gap(row).warning for row in range(model.rowCount()))


def test_the_list_names_a_measure_by_its_current_description(qtbot, context) -> None:
    editor = open_editor(qtbot, context)
    page = editor.show_page(("step", "measures"))
    page.add_measure()
    editor.activateWindow()
    page.description.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.description)
    type_keys(qtbot, "F")
    model = editor.gaps.model
    shown = [model.data(model.index(r, 0)) for r in range(model.rowCount())]
    assert any("(F)" in text for text in shown), shown
    with qtbot.waitSignal(model.modelReset, timeout=1000):  # the view is told to repaint
        type_keys(qtbot, "ärdtjänst")
    shown = [model.data(model.index(r, 0)) for r in range(model.rowCount())]
    assert not any("(F)" in text for text in shown), shown
    assert any("Färdtjänst" in text or "ärdtjänst" in text for text in shown), shown


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # the tooltip, offscreen
def test_a_filters_field_says_the_day_in_words_when_reached(qtbot) -> None:
    """A filter's date field (not inline) leaves the day in words, and with it Babel's
    locale data, until the field is reached: by the keyboard or by a tooltip."""
    from PySide6.QtCore import QDate, QEvent, QPoint
    from PySide6.QtGui import QHelpEvent

    field = DateField(Language.SV, inline=False)
    qtbot.addWidget(field.row)
    field.row.show()
    field.setDate(QDate(2027, 3, 15))
    assert field.toolTip() == "" and field.accessibleDescription() == ""
    QApplication.sendEvent(field, QHelpEvent(QEvent.Type.ToolTip, QPoint(1, 1), QPoint(1, 1)))
    assert "15 mars 2027" in field.toolTip()
    field.setDate(QDate(2027, 4, 1))
    field.setFocus()
    qtbot.waitUntil(lambda: focused() is field)
    assert "1 april 2027" in field.accessibleDescription()


def test_the_message_is_plain_text_and_the_button_has_its_calendar(qtbot) -> None:
    """The field sets up neither PySide6's ``Qt`` namespace nor the style when made
    (issue 18), yet what it says is never read as markup, and its button shows
    Lika's own calendar picture."""
    field = DateField(Language.EN)
    qtbot.addWidget(field.row)  # its parent
    field.setText("<b>soon</b>")
    field.textEdited.emit(field.text())
    assert field.message.text() and field.message.textFormat() == Qt.TextFormat.PlainText
    icon = field.calendar_action.icon()
    assert not icon.isNull() and icon.availableSizes()

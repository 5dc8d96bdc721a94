"""Every date a user types in the window is read as typed (issue 15), not only the
editor's: the register's filter, the overview's period, the portfolio report's
period and the evaluation dialog use the same typed field (``ui.date_field``)."""

from __future__ import annotations

import ast
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

import desktop_app.ui
from desktop_app.ui.date_field import DateField
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.register.overview_view import OverviewView
from desktop_app.ui.report_dialog import ReportDialog
from desktop_app.ui.tasks import ImmediateRunner
from tests.ui.keyboard import focused, press, type_keys
from tests.ui.test_followup_and_overview import TODAY, generated, readers_for

__all__ = ["generated"]  # a fixture, used by name

ISSUE_FORMS = ("2027-03-15", "15.3.2027", "15/3/2027", "20270315")
QT_DATE_WIDGETS = {"QDateEdit", "QDateTimeEdit"}


def test_no_window_uses_qt_s_section_by_section_date_widget() -> None:
    found = []
    for path in Path(desktop_app.ui.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Name) and node.id in QT_DATE_WIDGETS:
                found.append(f"{path.name}:{node.lineno}")
    assert not found, found


def typed_into(qtbot, field: DateField, text: str) -> None:
    """Type ``text`` into ``field`` and Tab away (Return would press a dialog's default
    button)."""
    field.setFocus()
    qtbot.waitUntil(lambda: focused() is field)
    field.selectAll()
    type_keys(qtbot, text)
    press(qtbot, Qt.Key.Key_Tab)


def shown(qtbot, widget):
    qtbot.addWidget(widget)
    widget.show()
    with qtbot.waitActive(widget):
        widget.activateWindow()
    return widget


def assert_reads_every_form(qtbot, field: DateField) -> None:
    for text in ISSUE_FORMS:
        typed_into(qtbot, field, text)
        assert field.value() == date(2027, 3, 15), text
        assert not field.is_unreadable()


def test_the_register_filter_reads_typed_dates(qtbot, context) -> None:
    window = shown(qtbot, MainWindow(context))
    bar = window.register_view.filters
    bar.period.setChecked(True)
    assert isinstance(bar.date_to, DateField)
    assert_reads_every_form(qtbot, bar.date_to)
    query = bar.apply_to(window.register_view.model.query, TODAY)
    assert query.date_to == date(2027, 3, 15)
    typed_into(qtbot, bar.date_to, "31.2.2027")
    assert bar.date_to.is_unreadable() and bar.date_to.text() == "31.2.2027"
    # said at once in the filters' own line, the list keeps the last date it could read
    assert bar.message.isVisible() and "Nothing was saved" in bar.message.text()
    assert bar.apply_to(window.register_view.model.query, TODAY).date_to == date(2027, 3, 15)
    typed_into(qtbot, bar.date_to, "1.4.2027")
    assert not bar.message.isVisible()


def test_the_overview_period_reads_typed_dates(qtbot, generated) -> None:
    view = OverviewView(generated, readers_for(generated), ImmediateRunner(), lambda: TODAY)
    shown(qtbot, view)
    view.start()
    view.preset.setCurrentIndex(view.preset.findData("custom"))
    assert_reads_every_form(qtbot, view.date_to)
    assert view.period().end == date(2027, 3, 15)
    typed_into(qtbot, view.date_from, "not a date")
    assert not view.message.isHidden() and "Nothing was saved" in view.message.text()
    view.refresh()
    assert not view.message.isHidden() and "both dates" in view.message.text()


def test_the_report_period_reads_typed_dates_and_waits_for_a_readable_one(qtbot, context):
    dialog = shown(qtbot, ReportDialog(context, today=date(2026, 11, 23)))
    assert_reads_every_form(qtbot, dialog.end)
    assert dialog.period().end == date(2027, 3, 15)
    assert dialog.create_button.isEnabled()
    typed_into(qtbot, dialog.start, "31.2.2027")
    assert not dialog.create_button.isEnabled()
    message = dialog.start.message
    assert message.isVisible() and "Nothing was saved" in message.text()
    # the dialog grows so that the wrapped message is not cut off
    qtbot.waitUntil(lambda: message.height() >= message.heightForWidth(message.width()))
    dialog.start.clear()
    dialog.start.commit()
    assert not dialog.create_button.isEnabled() and "both dates" in dialog.problem.text()
    typed_into(qtbot, dialog.start, "1.4.2027")
    assert not dialog.create_button.isEnabled() and "before it starts" in dialog.problem.text()
    typed_into(qtbot, dialog.start, "2027-01-01")
    assert dialog.create_button.isEnabled() and dialog.problem.isHidden()
    assert dialog.suggested_name() == "lika-2027-01-01-2027-03-15.pdf"


def test_the_evaluation_dialog_reads_typed_dates_and_refuses_unreadable_ones(
    qtbot, generated, monkeypatch
) -> None:
    from desktop_app.domain.register import RegisterQuery
    from desktop_app.storage.register import Register

    window = MainWindow(generated, runner=ImmediateRunner(), today=lambda: TODAY)
    qtbot.addWidget(window)
    with Register.open_reader(generated.service.repository.path) as reader:
        flagged = next(reader.rows(RegisterQuery(evaluation_due=True, today=TODAY)))
    dialog = shown(qtbot, window.evaluate_assessment(flagged.id))
    dialog.again.setChecked(True)
    assert_reads_every_form(qtbot, dialog.next_followup)
    typed_into(qtbot, dialog.evaluated_on, "20.11.2026")
    assert dialog.evaluated_on.value() == date(2026, 11, 20)
    dialog.what_happened.setPlainText("Besöken ökade.")
    evaluation = dialog.evaluation()
    assert evaluation.evaluated_on == date(2026, 11, 20)
    assert evaluation.next_followup == date(2027, 3, 15)

    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: said.append(args[2]))
    typed_into(qtbot, dialog.evaluated_on, "2026-13-40")
    dialog.save()
    assert dialog.saved is None and len(said) == 1 and "needs a date" in said[0]
    assert not window.followups.evaluations(flagged.id)

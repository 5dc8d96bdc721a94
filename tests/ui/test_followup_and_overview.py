"""The follow-up tab, the evaluation dialog and the overview tab, on a generated
register with a fixed "today"."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QMessageBox

from desktop_app.app import registers
from desktop_app.app.generator import generate
from desktop_app.domain.followup import DueState, DueWindow
from desktop_app.domain.model import MeasureStatus, Status
from desktop_app.domain.portfolio import Period, portfolio_figures
from desktop_app.domain.register import RegisterQuery
from desktop_app.storage.bulk import bulk_insert
from desktop_app.storage.register import Register
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.register.evaluation_dialog import EvaluationDialog
from desktop_app.ui.register.followup_view import FollowUpView
from desktop_app.ui.register.overview_view import IMPACT_ORDER, OverviewView
from desktop_app.ui.tasks import ImmediateRunner

TODAY = date(2026, 11, 23)


@pytest.fixture
def generated(context, content):
    bulk_insert(context.service.repository.db, generate(content, 300, today=TODAY), 300)
    return context


def readers_for(context):
    return lambda: registers.open_reader(context.service.repository.path)


def test_follow_up_lists_measures_by_deadline_with_owner(qtbot, generated) -> None:
    view = FollowUpView(generated, readers_for(generated), ImmediateRunner(), lambda: TODAY)
    qtbot.addWidget(view)
    view.start()
    model = view.measures
    rows = [model.row_at(i) for i in range(model.rowCount())]
    assert rows and all(r.owner for r in rows)
    assert [r.deadline for r in rows] == sorted(r.deadline for r in rows)
    states = {r.state(TODAY) for r in rows}
    assert states == {DueState.OVERDUE, DueState.DUE_SOON}
    assert model.data(model.index(0, 1)) == "Försenad"  # the state in words, not a colour
    view.window_choice.setCurrentIndex(view.window_choice.findData(DueWindow.OVERDUE.value))
    assert {model.row_at(i).state(TODAY) for i in range(model.rowCount())} == {DueState.OVERDUE}
    decisions = [view.decisions.row_at(i) for i in range(view.decisions.rowCount())]
    assert decisions and all(d.evaluation_due(TODAY) for d in decisions)
    assert view.decisions_count.text() == f"{view.decisions.total} decision(s)"


def test_evaluating_a_flagged_decision_from_the_follow_up_tab(qtbot, generated) -> None:
    window = MainWindow(generated, runner=ImmediateRunner(), today=lambda: TODAY)
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentIndex(1)  # built when first shown
    view = window.followup_view
    due = view.decisions.total
    flagged = view.decisions.row_at(0)
    view.decisions_table.selectRow(0)
    view._focus(view.decisions_table)
    assert view.evaluate_button.isEnabled()
    view.evaluate_button.click()
    dialogs = window.findChildren(EvaluationDialog)
    assert len(dialogs) == 1
    dialog = dialogs[0]
    assert dialog.isVisible() and dialog.assessment.id == flagged.id
    assert dialog.draft.followup_date == flagged.next_followup
    dialog.what_happened.setPlainText("Åtgärderna genomfördes; besöken från Jukkasjärvi ökade.")
    for row in range(dialog.measures.rowCount()):
        combo = dialog.measures.cellWidget(row, 2)
        combo.setCurrentIndex(combo.findData(MeasureStatus.DONE.value))
    dialog.save()
    assert dialog.saved is not None and dialog.result() == dialog.DialogCode.Accepted
    stored = window.followups.evaluations(flagged.id)
    assert stored[-1].what_happened.startswith("Åtgärderna genomfördes")
    assert view.decisions.total == due - 1  # no longer flagged
    with Register.open_reader(generated.service.repository.path) as reader:
        row = next(r for r in reader.rows(RegisterQuery(today=TODAY)) if r.id == flagged.id)
    assert row.open_measures == 0 and not row.evaluation_due(TODAY)
    hits = list(Register.open_reader(generated.service.repository.path).rows(
        RegisterQuery(search="Jukkasjärvi ökade", today=TODAY)))  # fmt: skip
    assert [r.id for r in hits] == [flagged.id]


def test_an_empty_evaluation_is_refused_and_nothing_is_lost(qtbot, generated, monkeypatch):
    window = MainWindow(generated, runner=ImmediateRunner(), today=lambda: TODAY)
    qtbot.addWidget(window)
    with Register.open_reader(generated.service.repository.path) as reader:
        flagged = next(reader.rows(RegisterQuery(evaluation_due=True, today=TODAY)))
    dialog = window.evaluate_assessment(flagged.id)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    dialog.impact_note.setText("Kommentar som inte får försvinna")
    dialog.save()
    assert shown == ["Describe what happened after the decision"]
    assert not dialog.isHidden() and dialog.impact_note.text() == "Kommentar som inte får försvinna"
    assert all(e.impact_note != "Kommentar som inte får försvinna"
               for e in window.followups.evaluations(flagged.id))  # fmt: skip


def test_a_draft_cannot_be_evaluated(qtbot, generated, monkeypatch) -> None:
    window = MainWindow(generated, runner=ImmediateRunner(), today=lambda: TODAY)
    qtbot.addWidget(window)
    with Register.open_reader(generated.service.repository.path) as reader:
        draft = next(reader.rows(RegisterQuery(status=Status.DRAFT, today=TODAY)))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: shown.append(args[2]))
    assert window.evaluate_assessment(draft.id) is None
    assert "Only an approved assessment" in shown[0]


@pytest.mark.parametrize("preset", ["this_year", "last_year", "all"])
def test_overview_figures_equal_the_portfolio_reports(qtbot, generated, preset) -> None:
    """The portfolio report computes its figures with portfolio_figures over
    portfolio_entries(period, unit); the overview must show exactly those."""
    view = OverviewView(generated, readers_for(generated), ImmediateRunner(), lambda: TODAY)
    qtbot.addWidget(view)
    view.start()
    view.preset.setCurrentIndex(view.preset.findData(preset))
    unit = view.unit.itemData(1)
    view.unit.setCurrentIndex(1)
    period = {
        "this_year": Period(date(2026, 1, 1), date(2026, 12, 31)),
        "last_year": Period(date(2025, 1, 1), date(2025, 12, 31)),
        "all": None,
    }[preset]
    report = portfolio_figures(generated.service.repository.portfolio_entries(period, unit), TODAY)
    shown = view.figures
    assert shown is not None and report.total > 0
    assert (shown.total, shown.by_status, shown.by_framework) == (
        report.total, report.by_status, report.by_framework
    )  # fmt: skip
    assert (shown.impacts, shown.not_relevant) == (report.impacts, report.not_relevant)
    assert [(d.entry.id, d.measure.uid) for d in shown.overdue] == [
        (d.entry.id, d.measure.uid) for d in report.overdue
    ]
    assert [(d.entry.id, d.measure.uid) for d in shown.due_soon] == [
        (d.entry.id, d.measure.uid) for d in report.due_soon
    ]
    # and the window shows those numbers as text, not only as bars
    table = view.status_table
    by_label = {table.item(r, 0).text(): int(table.item(r, 1).text()) for r in range(4)}
    assert by_label == {generated.label(s): report.by_status.get(s, 0) for s in Status}
    impacts = view.impact_table
    for r in range(impacts.rowCount()):
        name = impacts.item(r, 0).text()
        key = next(k for k, n in view.names.grounds() if n == name)
        numbers = [int(impacts.item(r, c).text()) for c in range(1, impacts.columnCount())]
        expected = [report.impacts.get(key, {}).get(d, 0) for d in IMPACT_ORDER]
        assert numbers == [*expected, report.not_relevant.get(key, 0)]
    assert f"{report.total}" in view.summary.text()
    expected_count = f"{report.with_statistics} av {report.total} beslut hade könsuppdelad"
    assert expected_count in view.summary.text()
    described = view.impact_chart.accessibleDescription()
    top = impacts.item(0, 0).text()
    assert described.startswith(f"{top}: ")


def test_overview_refuses_a_reversed_period(qtbot, generated) -> None:
    view = OverviewView(generated, readers_for(generated), ImmediateRunner(), lambda: TODAY)
    qtbot.addWidget(view)
    view.start()
    before = view.figures
    view.preset.setCurrentIndex(view.preset.findData("custom"))
    view.date_to.setDate(QDate(2025, 1, 1))
    assert not view.message.isHidden() and "before it starts" in view.message.text()
    assert view.figures is not None and view.figures.total == before.total

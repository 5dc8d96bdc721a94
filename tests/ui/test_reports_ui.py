"""PDF export from the editor and the portfolio report dialog: work off the GUI thread,
one dialog for errors, and the system viewer only when the user asks."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QMessageBox

from desktop_app.progress import Cancelled
from desktop_app.ui.editor.editor_window import EditorWindow
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.report_dialog import ReportDialog
from desktop_app.ui.report_task import ReportTask
from desktop_app.ui.tasks import ImmediateRunner
from tests.helpers import complete_assessment
from tests.pdfcheck import pdf_text


def stored_assessment(context, content):
    return context.service.repository.create(complete_assessment(content))


def editor_for(qtbot, context, content, opened):
    editor = EditorWindow(context, stored_assessment(context, content))
    qtbot.addWidget(editor)
    editor.pdf_export.runner = ImmediateRunner()
    editor.pdf_export.opener = lambda path: opened.append(path) or True
    editor.show()
    return editor


def test_export_writes_the_pdf_and_opens_it_only_when_asked(qtbot, context, content, tmp_path):
    opened: list = []
    editor = editor_for(qtbot, context, content, opened)
    assert editor.pdf_export.export(tmp_path / "summary") is not None  # ".pdf" is added
    out = tmp_path / "summary.pdf"
    assert "Ändrade öppettider på biblioteken" in pdf_text(out)
    assert "summary.pdf" in editor.statusBar().currentMessage()
    task = editor.pdf_export.task
    assert task.result_box is not None and task.result_box.isVisible()
    assert opened == []  # nothing opens by itself
    task.open_button.click()
    assert opened == [out]


def test_export_runs_on_the_task_runner(qtbot, context, content, tmp_path):
    editor = EditorWindow(context, stored_assessment(context, content))
    qtbot.addWidget(editor)
    editor.pdf_export.opener = lambda path: True
    out = tmp_path / "threaded.pdf"
    editor.pdf_export.export(out)
    with qtbot.waitSignal(editor.pdf_export.task.finished, timeout=20000) as finished:
        pass
    assert finished.args == [out]
    assert out.stat().st_size > 0
    editor.pdf_export.task.result_box.close()


def test_export_error_is_one_dialog(qtbot, context, content, tmp_path, monkeypatch):
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text))
    editor = editor_for(qtbot, context, content, [])
    editor.pdf_export.export(tmp_path / "missing" / "x.pdf")
    assert len(warnings) == 1 and "does not exist" in warnings[0]


def test_cancelled_work_shows_no_error(qtbot, context, monkeypatch, tmp_path):
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args))
    window = MainWindow(context)
    qtbot.addWidget(window)
    task = ReportTask(window, ImmediateRunner(), title="x", cancellable=True)
    failed: list[str] = []
    task.failed.connect(failed.append)

    def work(_progress):
        raise Cancelled

    task.start(work, tmp_path / "x.pdf", open_when_done=False)
    assert failed == [""] and warnings == []


def test_report_dialog_writes_csv_and_opens_it_when_asked(qtbot, context, content, tmp_path):
    a = complete_assessment(content)
    a.decision.unit = "Socialförvaltningen"
    context.service.repository.create(a)
    context.service.repository.create(complete_assessment(content))
    window = MainWindow(context)
    qtbot.addWidget(window)
    opened: list = []
    dialog = ReportDialog(
        context,
        window,
        runner=ImmediateRunner(),
        opener=lambda path: opened.append(path) or True,
        today=date(2026, 11, 23),
    )
    qtbot.addWidget(dialog)
    assert dialog.unit.findData("Socialförvaltningen") > 0
    dialog.unit.setCurrentIndex(dialog.unit.findData("Socialförvaltningen"))
    dialog.as_csv.setChecked(True)
    dialog.open_when_done.setChecked(True)
    dialog.write(tmp_path / "social")
    out = tmp_path / "social.csv"
    rows = out.read_text(encoding="utf-8-sig").splitlines()
    assert len(rows) == 1 + 7  # one assessment, seven grounds
    assert opened == [out]


def test_report_dialog_pdf_in_another_language(qtbot, context, content, tmp_path):
    context.service.repository.create(complete_assessment(content))
    dialog = ReportDialog(context, runner=ImmediateRunner(), opener=lambda p: True)
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("nb"))
    dialog.write(tmp_path / "r.pdf")
    assert "Alle vurderinger i perioden" in pdf_text(tmp_path / "r.pdf")
    assert not dialog.task.result_box.isHidden()  # says where, offers Open
    dialog.task.result_box.close()


def test_a_period_that_ends_before_it_starts_holds_the_report_back(qtbot, context):
    dialog = ReportDialog(context, today=date(2026, 11, 23))
    qtbot.addWidget(dialog)
    dialog.start.setDate(QDate(2027, 3, 1))
    assert not dialog.create_button.isEnabled()
    assert "before it starts" in dialog.problem.text()
    dialog.end.setDate(QDate(2027, 12, 31))
    assert dialog.create_button.isEnabled() and dialog.problem.isHidden()


def test_main_window_reaches_the_report_dialog(qtbot, context):
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    window.report_action.trigger()
    dialogs = [w for w in window.findChildren(ReportDialog) if w.isVisible()]
    assert len(dialogs) == 1
    dialogs[0].reject()

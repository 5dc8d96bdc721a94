"""The register window: list, new, open, delete with confirmation."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.new_assessment_dialog import NewAssessmentDialog
from tests.helpers import complete_assessment


def accept_new_assessment_dialog(qtbot, title: str = "") -> None:
    """Fill in and accept the modal "new assessment" dialog once it shows."""

    def accept() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, NewAssessmentDialog)
        dialog.title.setText(title)
        dialog.accept()

    QTimer.singleShot(0, accept)


def make_window(qtbot, context) -> MainWindow:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    wait_loaded(qtbot, window)
    return window


def wait_loaded(qtbot, window: MainWindow) -> None:
    """The register reads on a worker thread; wait until the page and count are in."""
    qtbot.waitUntil(
        lambda: not window.register_view.model.loading and window.register_view.model.total >= 0,
        timeout=5000,
    )


def test_lists_assessments_and_filters(qtbot, context, content) -> None:
    repo = context.service.repository
    for title in ("Skolskjuts", "Hemtjänstavgift", "Bibliotek"):
        a = complete_assessment(content)
        a.decision.title = title
        repo.create(a)
    window = make_window(qtbot, context)
    assert window.register_view.model.rowCount() == 3
    window.register_view.filters.search.setText("hemtj")
    qtbot.waitUntil(lambda: window.register_view.model.rowCount() == 1, timeout=2000)
    assert window.register_view.model.summary(0).title == "Hemtjänstavgift"


def test_new_assessment_opens_an_editor(qtbot, context) -> None:
    window = make_window(qtbot, context)
    accept_new_assessment_dialog(qtbot)
    window.new_action.trigger()
    wait_loaded(qtbot, window)
    assert window.register_view.model.rowCount() == 1
    assert len(window.editors) == 1
    editor = next(iter(window.editors.values()))
    assert editor.document.assessment.decision.author == "Ája Ŋuolja"
    editor.close()
    assert window.editors == {}


def test_delete_asks_first(qtbot, context, content, monkeypatch) -> None:
    context.service.repository.create(complete_assessment(content))
    window = make_window(qtbot, context)
    window.register_view.table.selectRow(0)
    monkeypatch.setattr(
        QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.No
    )
    window.delete_action.trigger()
    assert context.service.repository.count() == 1
    monkeypatch.setattr(
        QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes
    )
    window.delete_action.trigger()
    assert context.service.repository.count() == 0
    wait_loaded(qtbot, window)
    assert window.register_view.model.rowCount() == 0


def test_an_approved_assessment_is_not_offered_for_deletion(qtbot, context, content) -> None:
    service = context.service
    assessment = service.repository.create(complete_assessment(content))
    service.review.submit(assessment)
    service.review.approve(assessment)
    window = make_window(qtbot, context)
    window.register_view.table.selectRow(0)
    assert not window.delete_action.isEnabled()
    assert window.open_action.isEnabled()


def test_skipped_checklist_files_are_reported_in_a_dialog(
    qtbot, db_path, settings, tmp_path, monkeypatch
) -> None:
    from tests.ui.main_window_helpers import build_main_window

    own = tmp_path / "own"
    own.mkdir()
    (own / "broken.yaml").write_text("format: lika-checklist\ngrounds: [\n", encoding="utf-8")
    settings.checklist_folder = own
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    window = build_main_window(db_path, settings)
    qtbot.addWidget(window)
    window.report_content_errors()
    assert len(shown) == 1 and "broken.yaml, line 3" in shown[0]
    assert window.context.content.checklists.get("se-dl")  # the rest still works


def test_start_up_on_a_file_that_is_not_a_database_shows_a_dialog(
    qapp, tmp_path, monkeypatch
) -> None:
    from desktop_app.ui.app import run_app

    bogus = tmp_path / "notes.db"
    bogus.write_text("inte en databas")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: shown.append(args[2]))
    assert run_app(bogus) == 2
    assert "is not a Lika database" in shown[0]
    assert bogus.read_text() == "inte en databas"


def test_a_failed_start_is_not_reported_as_listed_by_the_smoke_test_hook(
    qapp, tmp_path, monkeypatch, capsys
) -> None:
    from desktop_app.ui.app import run_app
    from desktop_app.ui.smoke_hook import ENVIRONMENT_VARIABLE, MARKER

    bogus = tmp_path / "notes.db"
    bogus.write_text("inte en databas")
    monkeypatch.setenv(ENVIRONMENT_VARIABLE, "1")
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: None)
    assert run_app(bogus) == 2
    printed = capsys.readouterr().out.splitlines()
    assert printed == [MARKER]  # shown, but never READY_MARKER


def test_the_window_shows_before_the_register_is_opened(qapp, db_path, monkeypatch) -> None:
    """What the user sees at once: the window, naming the register it is opening; the
    register is opened only once that has been drawn."""
    from desktop_app.ui import app as app_module

    seen: list[tuple[bool, bool, str, str]] = []

    def opening(window, *args, **kwargs):
        page = window.opening
        seen.append((window.isVisible(), page.was_drawn, window.windowTitle(), page.label.text()))
        window.hide()  # as fill_window does when it gives up (closing would queue a quit)
        return 0

    monkeypatch.setattr("desktop_app.ui.opening.fill_window", opening)
    assert app_module.run_app(db_path) == 0
    text = QApplication.translate("OpeningPage", "Opening the register %1…")  # sv or en
    assert seen == [(True, True, db_path.name, text.replace("%1", str(db_path)))]


def test_an_unforeseen_error_while_opening_ends_the_program_with_a_message(
    qapp, db_path, monkeypatch, capsys
) -> None:
    """Raised in a Qt slot, it would be printed and swallowed, and the empty window
    would wait for its register forever."""
    from desktop_app.ui.app import run_app

    def failing(*args, **kwargs):
        raise PermissionError(13, "Permission denied", "lika.db.backups")

    shown: list[str] = []
    monkeypatch.setattr("desktop_app.ui.opening.fill_window", failing)
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: shown.append(args[2]))
    guard = QTimer(singleShot=True, interval=10000)  # a hang fails instead of blocking
    guard.timeout.connect(lambda: QApplication.exit(99))
    guard.start()
    try:
        assert run_app(db_path) == 1
    finally:
        guard.stop()
    assert len(shown) == 1 and "PermissionError" in shown[0] and "lika.db.backups" in shown[0]
    assert "Traceback" in capsys.readouterr().err  # the details, for IT


def test_a_window_that_is_never_drawn_opens_its_register_all_the_same(qtbot) -> None:
    from desktop_app.ui.opening_page import OpeningPage

    page = OpeningPage()  # never shown, so never painted (as a window started minimised)
    qtbot.addWidget(page)
    called: list[bool] = []
    page.when_drawn(lambda: called.append(page.was_drawn))
    qtbot.waitUntil(lambda: called == [False], timeout=3000)


def test_the_follow_up_and_overview_tabs_are_built_when_first_shown(qtbot, context) -> None:
    from desktop_app.ui.register.followup_view import FollowUpView
    from desktop_app.ui.register.overview_view import OverviewView

    window = make_window(qtbot, context)
    assert not window.followup_page.built and not window.overview_page.built
    window.tabs.setCurrentIndex(1)
    assert window.followup_page.built and not window.overview_page.built
    assert window.followup_view.started
    assert window.followup_page.findChildren(FollowUpView) == [window.followup_view]
    window.tabs.setCurrentIndex(2)
    assert window.overview_view.started
    assert window.overview_page.findChildren(OverviewView) == [window.overview_view]

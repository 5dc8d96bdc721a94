"""Import, export, drag and drop, backups and the crash session, through the main window."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_app.app import transfer
from desktop_app.domain.audit import AuditAction
from desktop_app.storage import backup
from desktop_app.ui.backups_dialog import BackupsDialog
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.session import SessionKeeper
from desktop_app.ui.tasks import ImmediateRunner
from tests.helpers import complete_assessment
from tests.safety_helpers import register_state

CORPUS = Path(__file__).parent.parent / "data" / "exchange"


@pytest.fixture
def window(qtbot, context) -> MainWindow:
    window = MainWindow(context, runner=ImmediateRunner())
    window.data_actions.runner = ImmediateRunner()
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.fixture
def warned(monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    return shown


def test_file_menu_has_the_data_actions(window) -> None:
    menu = window.menuBar().actions()[0].menu()
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    start = texts.index("&Import assessment…")
    assert texts[start : start + 3] == ["&Import assessment…", "Ex&port assessment…", "&Backups…"]
    assert texts[-1] == "&Quit"
    assert not window.data_actions.export_action.isEnabled()  # nothing selected


def test_export_then_import_as_a_copy(window, tmp_path, monkeypatch) -> None:
    repo = window.context.service.repository
    original = repo.create(complete_assessment(window.context.content))
    window.refresh()
    window.register_view.table.selectRow(0)
    assert window.data_actions.export_action.isEnabled()
    out = tmp_path / "KS-2026-0412.json"
    assert window.data_actions.export_to(original.id, out)
    assert json.loads(out.read_text(encoding="utf-8"))["format"] == "lika-assessment"

    monkeypatch.setattr(window.data_actions, "ask_existing", lambda *a: transfer.ImportMode.AS_NEW)
    window.data_actions.import_file(out)
    assert repo.count() == 2
    copy = repo.list_summaries()[0]
    assert copy.uid != original.uid and copy.title == original.decision.title
    assert copy.id in window.editors  # the imported assessment is opened
    assert "Imported" in window.statusBar().currentMessage()


def test_import_of_an_existing_assessment_asks(window, tmp_path, monkeypatch) -> None:
    repo = window.context.service.repository
    original = repo.create(complete_assessment(window.context.content))
    out = tmp_path / "one.json"
    window.data_actions.export_to(original.id, out)
    editor = window.open_assessment(original.id)
    editor.document.set_value(("decision", "title"), "Ändrad efter exporten")

    monkeypatch.setattr(window.data_actions, "ask_existing", lambda *a: None)
    window.data_actions.import_file(out)
    assert repo.count() == 1 and original.id in window.editors  # cancelled: nothing done

    monkeypatch.setattr(window.data_actions, "ask_existing", lambda *a: transfer.ImportMode.REPLACE)
    window.data_actions.import_file(out)
    assert repo.count() == 1
    assert repo.get(original.id).decision.title == "Ändrade öppettider på biblioteken"
    assert window.editors[original.id] is not editor  # reopened on the replaced version


def test_a_hostile_file_is_refused_in_a_dialog(window, warned) -> None:
    path = Path(window.context.service.repository.path)
    before = register_state(path)
    window.data_actions.import_file(CORPUS / "unknown-ground.json")
    assert "assessment.grounds[0].ground_key: unknown ground 'astrology'" in warned[0]
    assert register_state(path) == before
    assert window.context.service.repository.count() == 0


def drop(window: MainWindow, paths: list[Path]) -> tuple[bool, bool]:
    """Drag files over the window and drop them, as a file manager would."""
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    args = (
        Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )  # fmt: skip
    with warnings.catch_warnings():
        # The QPoint constructor is the only one before Qt 6.12 and deprecated since.
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(QPoint(10, 10), *args)
    QApplication.sendEvent(window, enter)
    dropped = QDropEvent(QPointF(10, 10), *args)
    QApplication.sendEvent(window, dropped)
    return enter.isAccepted(), dropped.isAccepted()


def test_dropping_an_exchange_file_imports_it(window) -> None:
    assert drop(window, [CORPUS / "every-script.json"]) == (True, True)
    repo = window.context.service.repository
    (summary,) = repo.list_summaries()
    assert summary.title.startswith("Samisk: Máret Ŋuolja-Čáhppes")


def test_dropping_a_pdf_exported_by_lika_imports_its_data(window, tmp_path, content) -> None:
    from desktop_app.app.reporting import export_summary
    from tests.helpers import complete_assessment

    service = window.context.service
    stored = service.repository.create(complete_assessment(content))
    export_summary(service, stored.id, tmp_path / "a.pdf")
    service.repository.delete(stored.id)
    assert service.repository.count() == 0
    assert drop(window, [tmp_path / "a.pdf"]) == (True, True)
    assert service.repository.count() == 1
    titles = [s.title for s in service.repository.list_summaries()]
    assert "Ändrade öppettider på biblioteken" in titles


def test_other_files_are_not_taken(window, tmp_path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("hej")
    assert drop(window, [text]) == (False, False)
    assert window.context.service.repository.count() == 0


def test_start_makes_a_backup_and_rotates(window, settings) -> None:
    settings.backups_to_keep = 2
    path = Path(window.context.service.repository.path)
    window.data_actions.start()
    (first,) = backup.list_backups(path)
    assert first.reason is backup.Reason.START
    repo = window.context.service.repository
    for _ in range(3):
        repo.create(complete_assessment(window.context.content))
        window.data_actions.backup_now(backup.Reason.DAILY)
    assert len(backup.list_backups(path)) == 2


def test_backups_dialog_restores_and_keeps_the_current_register(
    window, settings, monkeypatch
) -> None:
    repo = window.context.service.repository
    repo.create(complete_assessment(window.context.content))
    window.data_actions.backup_now(backup.Reason.MANUAL)
    later = complete_assessment(window.context.content)
    later.decision.title = "Efter säkerhetskopian"
    repo.create(later)
    editor = window.open_assessment(later.id)
    editor.document.set_value(("decision", "case_number"), "KS 2026/1")
    dialog = BackupsDialog(window.data_actions, window)
    assert dialog.model.rowCount() == 1
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    infos: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: infos.append(a[2]))
    dialog.restore_selected()
    assert window.editors == {}  # saved and closed first
    assert [s.title for s in repo.list_summaries()] == ["Ändrade öppettider på biblioteken"]
    assert window.register_view.model.rowCount() == 1
    kept = Path(infos[0].split("kept as ")[1].rstrip("."))
    assert kept.exists() and dialog.model.rowCount() == 2
    # The restore is in the log, as done by the one working in the window, and the
    # history of the assessment that survived shows it.
    (first,) = repo.list_summaries()
    restored = window.context.service.review.history(first.id)[-1]
    assert restored.action is AuditAction.RESTORE
    assert (restored.actor, restored.os_user) == (
        window.context.service.identity.name,
        window.context.service.identity.os_user,
    )
    assert restored.summary.endswith(f"; kept as {kept.name}")
    assert window.context.service.review.verify_audit().ok

    dialog.keep.setValue(4)
    assert settings.backups_to_keep == 4


# Reopening after a crash


def test_the_session_follows_the_user(window, settings, content) -> None:
    repo = window.context.service.repository
    a = repo.create(complete_assessment(content))
    editor = window.open_assessment(a.id)
    editor.show_page(("ground", "age"))
    state = json.loads(settings.open_session)
    assert state["editors"] == [{"id": a.id, "page": ["ground", "age"]}]
    assert state["database"] == str(Path(repo.path).resolve())
    editor.close()
    assert json.loads(settings.open_session)["editors"] == []


def test_after_a_crash_the_editor_opens_on_the_same_page(qtbot, context, settings) -> None:
    repo = context.service.repository
    a = repo.create(complete_assessment(context.content))
    first = MainWindow(context, runner=ImmediateRunner())
    first.data_actions.runner = ImmediateRunner()
    editor = first.open_assessment(a.id)
    editor.show_page(("step", "measures"))
    # The process dies here: nothing is closed, only the lock goes with the process.
    first.data_actions.session.release()

    second = MainWindow(context, runner=ImmediateRunner())
    second.data_actions.runner = ImmediateRunner()
    qtbot.addWidget(second)
    second.show()
    second.data_actions.start()
    reopened = second.editors[a.id]
    qtbot.addWidget(reopened)
    key = reopened.navigation.currentItem().data(0, Qt.ItemDataRole.UserRole)
    assert tuple(key) == ("step", "measures")
    assert "not closed properly" in second.statusBar().currentMessage()
    editor.deleteLater()
    first.deleteLater()


def test_a_second_lika_at_the_same_time_leaves_the_session_alone(context, settings) -> None:
    first = SessionKeeper(settings, context.service.repository.path)
    second = SessionKeeper(settings, context.service.repository.path)
    assert first.active and not second.active
    first.release()

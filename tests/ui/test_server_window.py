"""The window on a server register (issue 20): opened without first look, start
check, backups or identity question; the login acts; editing, autosave, submit and
approve go to the server."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop_app.app import registers, transfer
from desktop_app.app.errors import NewerDatabaseError, ServerUnreachableError
from desktop_app.app.service import AssessmentService
from desktop_app.domain.errors import InputError
from desktop_app.domain.language import Language
from desktop_app.domain.model import Status
from desktop_app.register_location import ServerUrl, shown
from desktop_app.ui.app import start_window
from desktop_app.ui.editor.editor_window import EditorWindow
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.review.review_window import ReviewWindow
from desktop_app.ui.server_backups import ServerBackupsDialog
from desktop_app.ui.server_window import refusal
from desktop_app.ui.tasks import ImmediateRunner
from desktop_app.ui.translations import install_translators
from tests.helpers import complete_assessment
from tests.pg_helpers import Server

pytestmark = pytest.mark.postgres

SCREENSHOT = Path("/tmp/h20w-server-window.png")


@pytest.fixture
def server_url(pg_cluster) -> ServerUrl:
    server = Server(pg_cluster, pg_cluster.new_database())
    return ServerUrl(pg_cluster.url_for(server.database, server.solo()))


def seeded(url: ServerUrl, content) -> int:
    """One complete draft on the server, created as the login; its id."""
    store = registers.open_store(url)
    try:
        service = AssessmentService(store, content, store.actor)
        created = store.create(complete_assessment(content))
        assert created.id is not None and service.get(created.id).status is Status.DRAFT
        return created.id
    finally:
        store.close()


def stored(url: ServerUrl, content, assessment_id: int):
    store = registers.open_store(url)
    try:
        return AssessmentService(store, content, store.actor).get(assessment_id)
    finally:
        store.close()


def approver(url: ServerUrl, assessment_id: int) -> str:
    store = registers.open_store(url)
    try:
        changes = store.status_history(assessment_id)
        return next(c.actor for c in changes if c.to_status is Status.APPROVED)
    finally:
        store.close()


def open_window(qtbot, url: ServerUrl, settings) -> MainWindow:
    window = start_window(url, settings)
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    return window


def test_the_window_works_on_a_server_register(qtbot, settings, content, server_url) -> None:
    assessment_id = seeded(server_url, content)
    window = open_window(qtbot, server_url, settings)
    login = window.context.service.identity.name

    assert window.windowTitle() == shown(server_url)
    assert (
        login in window.login_label.text() and "caseworker, reviewer" in window.login_label.text()
    )
    assert not window.data_actions.daily.isActive()  # no backups of the window's own
    qtbot.waitUntil(lambda: window.register_view.model.rowCount() == 1)

    editor = window.open_assessment(assessment_id)
    assert isinstance(editor, EditorWindow)
    qtbot.addWidget(editor)
    editor.document.set_value(("decision", "title"), "Skolskjuts på servern")
    qtbot.waitUntil(lambda: not editor.document.dirty, timeout=10000)  # autosaved
    assert stored(server_url, content, assessment_id).decision.title == "Skolskjuts på servern"

    assert editor.document.submit_for_review()
    assert stored(server_url, content, assessment_id).status is Status.IN_REVIEW
    assert window.windows.close_for(assessment_id) is not False
    review = window.open_assessment(assessment_id)
    assert isinstance(review, ReviewWindow)
    qtbot.addWidget(review)
    assert login in review.identity.text()
    review.actions_.approve.trigger()
    review.actions_.text_dialog.accept_button.click()
    assert stored(server_url, content, assessment_id).status is Status.APPROVED
    assert approver(server_url, assessment_id) == login
    window.refresh()
    model = window.register_view.model
    qtbot.waitUntil(lambda: model.rowCount() == 1 and model.row_at(0).status is Status.APPROVED)
    window.grab().save(str(SCREENSHOT))
    window.close()


def test_backups_on_a_server_and_an_import_onto_it(
    qtbot, settings, content, server_url, tmp_path, monkeypatch
) -> None:
    assessment_id = seeded(server_url, content)
    window = open_window(qtbot, server_url, settings)
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: said.append(args[2]))

    dialog = ServerBackupsDialog(str(server_url), ImmediateRunner(), window)
    qtbot.addWidget(dialog)
    assert "pg_dump" in dialog.text.text() and shown(server_url) in dialog.text.text()
    dialog.save_copy(tmp_path / "copy.db")
    assert (tmp_path / "copy.db").is_file() and "copy.db" in said[-1]
    copy = registers.open_store(tmp_path / "copy.db")
    try:
        assert copy.count() == 1
    finally:
        copy.close()

    # An exchange file is imported onto the server as the login's own copy (lika import).
    exported = tmp_path / "some.json"
    window.context.service.transfer.export_file(assessment_id, exported)
    window.data_actions.runner = ImmediateRunner()
    monkeypatch.setattr(window.data_actions, "ask_existing", lambda *a: transfer.ImportMode.AS_NEW)
    window.data_actions.import_file(exported)
    qtbot.waitUntil(lambda: window.context.service.repository.count() == 2)


def test_the_server_backups_dialog_speaks_the_users_language(qtbot, qapp) -> None:
    from desktop_app.domain.language import Language
    from desktop_app.ui.translations import install_translators

    said = {Language.SV: "IT säkerhetskopierar servern", Language.NB: "IT sikkerhetskopierer"}
    for language, text in said.items():
        install_translators(qapp, language)  # removed again after the test
        dialog = ServerBackupsDialog("postgresql://anna:hemligt@db/lika", ImmediateRunner())
        qtbot.addWidget(dialog)
        assert text in dialog.text.text() and "hemligt" not in dialog.text.text()


def test_a_server_register_that_cannot_be_opened_is_said_once(
    qtbot, settings, pg_cluster, monkeypatch
) -> None:
    """No such database (or no server): one message without the password, an exit
    code, and no file made in the URL's name."""
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: said.append(args[2]))
    url = ServerUrl(pg_cluster.url_for("no_such_register").replace("@/", ":hemligt@/"))
    assert start_window(url, settings) in (1, 2)
    assert len(said) == 1 and "hemligt" not in said[0]


def test_a_dropped_connection_never_loses_an_edit(
    qtbot, settings, content, server_url, pg_cluster, monkeypatch
) -> None:
    """The server drops the window's connection: the autosave fails with "cannot be
    reached", the edit stays in the editor, the status bar says so, and the save is
    tried again until it goes through (the store reconnects on its next call)."""
    from desktop_app.ui.editor import document as document_module

    monkeypatch.setattr(document_module, "UNREACHABLE_RETRY_MS", 200)
    assessment_id = seeded(server_url, content)
    window = open_window(qtbot, server_url, settings)
    editor = window.open_assessment(assessment_id)
    assert isinstance(editor, EditorWindow)
    qtbot.addWidget(editor)
    login = window.context.service.identity.name
    with psycopg_connect(pg_cluster.dsn_for("postgres")) as admin:
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = %s",
            [login],
        )
    editor.document.set_value(("decision", "title"), "Skrivet medan servern var borta")
    assert not editor.document.save_now()
    assert editor.document.dirty
    assert "server cannot be reached" in editor.statusBar().currentMessage()
    qtbot.waitUntil(lambda: not editor.document.dirty, timeout=10000)  # tried again, saved
    assert stored(server_url, content, assessment_id).decision.title == (
        "Skrivet medan servern var borta"
    )
    assert "server cannot be reached" not in editor.statusBar().currentMessage()


def psycopg_connect(dsn: str):
    import psycopg

    return psycopg.connect(dsn, autocommit=True)


def test_other_windows_learn_of_a_change_at_once(
    qtbot, settings, content, server_url, monkeypatch
) -> None:
    """Two windows on one server: a save in one shows in the other's list and open
    editor at once (LISTEN/NOTIFY), not at its next save; with edits of its own there,
    the conflict comes up at once."""
    from desktop_app.ui.editor import save_feedback

    assessment_id = seeded(server_url, content)
    here, there = open_window(qtbot, server_url, settings), open_window(qtbot, server_url, settings)
    watching = here.open_assessment(assessment_id)
    saving = there.open_assessment(assessment_id)
    assert isinstance(watching, EditorWindow) and isinstance(saving, EditorWindow)

    saving.document.set_value(("decision", "title"), "Ändrat i det andra fönstret")
    assert saving.document.save_now()
    qtbot.waitUntil(
        lambda: watching.document.assessment.decision.title == "Ändrat i det andra fönstret"
    )
    assert "Changed elsewhere" in watching.statusBar().currentMessage()
    assert not watching.document.dirty and not saving.document.in_conflict
    model = here.register_view.model
    qtbot.waitUntil(lambda: model.rowCount() == 1 and "andra fönstret" in model.row_at(0).title)

    conflicts: list[object] = []
    monkeypatch.setattr(save_feedback, "resolve_conflict", lambda *args: conflicts.append(args))
    watching.document.set_value(("decision", "title"), "Mitt eget, osparat")
    saving.document.set_value(("decision", "title"), "Deras, sparat")
    assert saving.document.save_now()
    qtbot.waitUntil(lambda: len(conflicts) == 1)
    assert watching.document.in_conflict and watching.document.dirty
    watching.document.take_theirs()  # closing it would ask (a modal dialog)
    for window in (here, there):
        window.close()
        assert not window.change_watch._thread.is_alive()


@pytest.mark.parametrize(
    ("error", "said"),
    [
        (ServerUnreachableError("The server register db/lika cannot be reached: timeout"),
         {Language.SV: "kan inte nås", Language.NB: "kan ikke nås",
          Language.EN: "cannot be reached"}),
        (NewerDatabaseError("The server register db/lika has a newer version of Lika's schema"),
         {Language.SV: "nyare version av Lika", Language.NB: "nyere versjon av Lika",
          Language.EN: "newer version of Lika"}),
        (InputError("The server register db/lika is not set up for this version of Lika"),
         {Language.SV: "kunde inte öppnas", Language.NB: "kunne ikke åpnes",
          Language.EN: "could not be opened"}),
    ],
)  # fmt: skip
def test_a_refused_server_register_is_explained_in_the_users_language(qapp, error, said) -> None:
    """The storage layer's sentence is English and technical (for IT); above it, the
    user reads what happened and what to do in the window's language."""
    for language, text in said.items():
        install_translators(qapp, language)
        shown_text = refusal(error)
        assert text in shown_text.split("\n\n")[0], (language, shown_text)
        assert shown_text.endswith(str(error))

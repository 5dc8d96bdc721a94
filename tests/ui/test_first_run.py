"""Lika asks once for the user's name and role, and uses them from then on."""

from __future__ import annotations

from desktop_app.domain.identity import Identity, os_full_name
from desktop_app.ui.first_run import ask_identity_once


def test_asked_once_and_used_for_authorship(qtbot, context) -> None:
    dialog = ask_identity_once(None, context)
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert dialog.name.text() == os_full_name()  # pre-filled from the computer where it can
    dialog.name.setText("Elle Márjá Somby")
    dialog.role.setText("Utredare")
    dialog.accept()
    assert context.settings.display_name == "Elle Márjá Somby"
    assert context.settings.role == "Utredare"
    identity = context.service.identity
    assert (identity.name, identity.role) == ("Elle Márjá Somby", "Utredare")
    assert identity.signature == "Elle Márjá Somby, Utredare"
    assert context.service.new_assessment().decision.author == "Elle Márjá Somby"
    assert ask_identity_once(None, context) is None  # never again


def test_cancel_does_not_ask_again(qtbot, context) -> None:
    dialog = ask_identity_once(None, context)
    qtbot.addWidget(dialog)
    dialog.reject()
    assert ask_identity_once(None, context) is None
    assert context.settings.identity() == Identity(
        name=context.settings.display_name, os_user=context.settings.identity().os_user
    )


def test_os_full_name_is_the_gecos_name(monkeypatch) -> None:
    import pwd

    from desktop_app.domain import identity

    entry = pwd.struct_passwd(("ante", "x", 1000, 1000, "Ánte Ŋuolja,,,Room 4", "/h", "/bin/sh"))
    monkeypatch.setattr(pwd, "getpwuid", lambda _uid: entry)
    assert identity.os_full_name() == "Ánte Ŋuolja"


def test_the_role_goes_with_an_approval_made_in_review_mode(qtbot, context) -> None:
    from desktop_app.domain.model import Status
    from desktop_app.ui.main_window import MainWindow
    from desktop_app.ui.tasks import ImmediateRunner
    from tests.helpers import complete_assessment
    from tests.ui.test_review_flow import open_review

    service = context.service
    a = service.repository.create(complete_assessment(context.content))
    service.review.submit(a)
    dialog = ask_identity_once(None, context)
    qtbot.addWidget(dialog)
    dialog.name.setText("Birgitta Holm")
    dialog.role.setText("Enhetschef")
    dialog.accept()
    window = MainWindow(context, runner=ImmediateRunner())
    qtbot.addWidget(window)
    review = open_review(qtbot, window, a.id)
    review.actions_.approve.trigger()
    review.actions_.text_dialog.accept_button.click()
    stored = service.repository.get(a.id)
    assert stored.status is Status.APPROVED
    record = service.review.approval(stored)
    assert (record.approver, record.approver_role) == ("Birgitta Holm", "Enhetschef")
    assert "Birgitta Holm, Enhetschef" in review.banner.text()
    assert "Birgitta Holm, Enhetschef" in " ".join(review.browser.toPlainText().split())


def test_a_start_after_the_first_does_not_load_the_dialog_s_widgets() -> None:
    """Every start imports this module to ask whether to ask; the editor's widgets it
    uses come only with the dialog, on the first start (issue 18: memory at start)."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "import desktop_app.ui.first_run\n"
        "assert 'desktop_app.ui.editor.widgets' not in sys.modules\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr

"""Review mode end to end: the caseworker submits, the reviewer comments and returns,
the caseworker addresses the comments in place and resubmits, the reviewer approves;
the approved assessment is read-only and a new revision starts from the GUI."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QMessageBox

from desktop_app.app.service import Identity
from desktop_app.domain.errors import WorkflowError
from desktop_app.domain.model import Status
from desktop_app.domain.review import CommentTarget
from desktop_app.ui.editor.editor_window import EditorWindow
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.review.review_window import ReviewWindow
from desktop_app.ui.tasks import ImmediateRunner
from tests.helpers import SAMI_NAME, complete_assessment
from tests.pdfcheck import pdf_text
from tests.ui.editor_helpers import open_editor as open_editor_directly
from tests.ui.test_accessibility import unnamed_controls

CASEWORKER = Identity(SAMI_NAME, "maret")  # the author of complete_assessment
REVIEWER = Identity("Ольга Кузнецова", "olga")


@pytest.fixture
def window(qtbot, context) -> MainWindow:
    main = MainWindow(context, runner=ImmediateRunner())
    qtbot.addWidget(main)
    main.show()
    return main


def accept(box: QMessageBox) -> None:
    button = next(
        b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole
    )
    button.click()


def open_review(qtbot, window: MainWindow, assessment_id: int) -> ReviewWindow:
    review = window.open_assessment(assessment_id)
    assert isinstance(review, ReviewWindow)
    qtbot.addWidget(review)
    return review


def open_editor(qtbot, window: MainWindow, assessment_id: int) -> EditorWindow:
    editor = window.open_assessment(assessment_id)
    assert isinstance(editor, EditorWindow)
    qtbot.addWidget(editor)
    return editor


def comment_via_link(review: ReviewWindow, target: str, text: str) -> None:
    review.browser.anchorClicked.emit(QUrl(f"comment:{target}"))
    dialog = review.actions_.comment_dialog
    assert dialog is not None and dialog.isVisible()
    assert str(dialog.target()) == target
    assert not dialog.add_button.isEnabled()  # nothing written yet
    dialog.text.setPlainText(text)
    dialog.add_button.click()


def nav_text(editor: EditorWindow, key: tuple[str, str]) -> str:
    return editor.navigation.item(key).text(0)


def test_submit_return_address_resubmit_approve_and_revise(qtbot, window, context) -> None:
    service, repo = context.service, context.service.repository
    a = repo.create(complete_assessment(context.content))
    measure_uid = a.measures[0].uid

    # The caseworker submits.
    service.identity = CASEWORKER
    editor = open_editor(qtbot, window, a.id)
    editor.commands.submit.trigger()
    accept(editor.commands.confirm_box)
    assert repo.get(a.id).status is Status.IN_REVIEW
    editor.close()

    # The reviewer reads it in review mode, organised like the PDF.
    service.identity = REVIEWER
    review = open_review(qtbot, window, a.id)
    shown = review.browser.toPlainText()
    for expected in (
        "Ändrade öppettider på biblioteken",  # cover
        "Slutsats",  # conclusion
        "Påverkan per diskrimineringsgrund",  # overview
        "Äldre besöker främst på kvällen.",  # a relevant ground's findings
        "Inga skillnader i besöksmönster",  # grounds judged not relevant, with reasons
        "Erbjud meröppet med personal en kväll i veckan.",  # measures
        "Granskning och godkännande",  # review and sign-off
    ):
        assert expected in shown, expected
    assert "comment:ground:age" in review.browser.toHtml()
    assert review.actions_.approve.isEnabled() and not review.actions_.new_revision.isEnabled()

    # ... comments on a ground and on a measure; the dialog shows what each is about.
    review.browser.anchorClicked.emit(QUrl("comment:ground:age"))
    assert "Äldre besöker främst på kvällen." in review.actions_.comment_dialog.excerpt.text()
    review.actions_.comment_dialog.reject()
    comment_via_link(review, "ground:age", "Vilka åldersgrupper besöker på kvällen?")
    comment_via_link(review, f"measure:{measure_uid}", "Vem bemannar kvällarna?")
    assert review.comments.rowCount() == 2
    assert "Vem bemannar kvällarna?" in review.browser.toPlainText()

    # ... and returns it with an overall comment.
    review.actions_.return_.trigger()
    dialog = review.actions_.text_dialog
    dialog.text.setPlainText("Komplettera gärna med statistik.")
    dialog.accept_button.click()
    assert repo.get(a.id).status is Status.RETURNED
    assert not review.actions_.approve.isEnabled()
    review.close()

    # The caseworker sees both comments in place, marked in the navigation.
    service.identity = CASEWORKER
    editor = open_editor(qtbot, window, a.id)
    assert not editor.document.read_only
    bar = editor.review_comments
    assert bar.returned.isVisibleTo(editor)
    assert REVIEWER.name in bar.returned.text()
    assert "Komplettera gärna med statistik." in bar.returned.text()
    assert "✉ 1" in nav_text(editor, ("ground", "age"))
    assert "✉ 1" in nav_text(editor, ("step", "measures"))
    assert "✉" not in nav_text(editor, ("step", "decision"))

    editor.show_page(("ground", "age"))
    [card] = bar.cards
    assert card.text.text() == "Vilka åldersgrupper besöker på kvällen?"
    assert card.address_button is not None and card.address_button.isEnabled()

    # The panel of what is left does not call it ready while comments are open.
    assert "2 review comment(s) must be marked as addressed" in editor.gaps.done.text()

    # Resubmitting with comments open is refused, with the reason; nothing changes.
    editor.commands.submit.trigger()
    assert "2 review comment(s)" in editor.commands.refusal_box.text()
    assert repo.get(a.id).status is Status.RETURNED

    card.address_button.click()
    bar.dialog.text.setPlainText("Främst personer över 70, se besöksstatistiken.")
    bar.dialog.accept_button.click()
    [card] = bar.cards
    assert card.comment.addressed and card.address_button is None
    assert "✉" not in nav_text(editor, ("ground", "age"))

    editor.show_page(("step", "measures"))
    [card] = bar.cards
    assert "Erbjud meröppet" in card.findChildren(type(card.text))[0].text()
    show = next(
        b
        for b in card.findChildren(type(card.address_button))
        if "Show" in b.text().replace("&", "")
    )
    show.click()
    assert editor.current_page().current_uid == measure_uid
    card.address_button.click()
    bar.dialog.accept_button.click()  # the reply is optional
    assert all(c.addressed for c in service.review.comments(a.id))
    assert not bar.returned.text().count("to address")
    assert "can be submitted for review" in editor.gaps.done.text()

    # Resubmit: the existing Submit for review action.
    editor.commands.submit.trigger()
    accept(editor.commands.confirm_box)
    assert repo.get(a.id).status is Status.IN_REVIEW
    editor.close()

    # The reviewer sees the replies and approves.
    service.identity = REVIEWER
    review = open_review(qtbot, window, a.id)
    assert "Främst personer över 70" in review.browser.toPlainText()
    review.actions_.approve.trigger()
    review.actions_.text_dialog.accept_button.click()
    stored = repo.get(a.id)
    assert stored.status is Status.APPROVED

    # Approved: read-only, with approver, time and fingerprint; not self-approved.
    approval = service.review.approval(stored)
    assert approval is not None and approval.approver == REVIEWER.name
    assert REVIEWER.name in review.banner.text()
    assert approval.printed in review.browser.toPlainText()
    assert "Self-approved" not in review.browser.toPlainText()
    for action in (review.actions_.comment, review.actions_.approve, review.actions_.return_):
        assert not action.isEnabled()
    assert "comment:" not in review.browser.toHtml()
    review.close()
    review = open_review(qtbot, window, a.id)  # the register opens it in review mode
    assert approval.printed in review.browser.toPlainText()
    readonly = EditorWindow(context, stored)  # even an editor on it cannot change it
    qtbot.addWidget(readonly)
    assert readonly.document.read_only and not readonly.commands.submit.isEnabled()
    readonly.document.edit(("decision", "title"), "Ändrat")
    assert readonly.document.assessment.decision.title == stored.decision.title
    with pytest.raises(WorkflowError):
        service.save(stored)

    # A new revision starts from the GUI and opens, editable, in the editor.
    assert review.actions_.new_revision.isEnabled()
    review.actions_.new_revision.trigger()
    accept(review.actions_.message_box)
    [new_id] = [i for i in window.editors if i != a.id]
    draft = window.editors[new_id]
    qtbot.addWidget(draft)
    assert draft.document.assessment.revision == 2
    assert draft.document.assessment.status is Status.DRAFT
    assert not draft.document.read_only
    draft.document.edit(("decision", "case_number"), "KS 2026/0412 rev 2")
    assert draft.document.save_now()
    assert repo.get(new_id).decision.case_number == "KS 2026/0412 rev 2"
    assert repo.get(a.id).status is Status.APPROVED
    assert not review.actions_.new_revision.isEnabled()  # no longer the newest


def test_approving_an_incomplete_assessment_is_refused(qtbot, window, context) -> None:
    service, repo = context.service, context.service.repository
    incomplete = complete_assessment(context.content)
    incomplete.conclusion.summary = ""
    incomplete.status = Status.IN_REVIEW  # e.g. a checklist changed after it was submitted
    a = repo.create(incomplete)
    service.identity = REVIEWER
    review = open_review(qtbot, window, a.id)
    assert "1 required item(s) missing" in review.browser.toPlainText()

    review.actions_.approve.trigger()
    review.actions_.text_dialog.accept_button.click()
    box = review.actions_.message_box
    assert box is not None and box.isVisible()
    assert box.icon() is QMessageBox.Icon.Warning
    assert "1 required item(s) missing" in box.text()
    assert repo.get(a.id).status is Status.IN_REVIEW
    assert repo.status_history(a.id) == []
    assert review.actions_.approve.isEnabled()  # still in review, nothing changed


def test_cancelled_dialogs_change_nothing(qtbot, window, context) -> None:
    service, repo = context.service, context.service.repository
    a = repo.create(complete_assessment(context.content))
    service.change_status(a, Status.IN_REVIEW)
    service.identity = REVIEWER
    review = open_review(qtbot, window, a.id)
    review.actions_.comment.trigger()  # from the menu: the dialog lets the user choose
    dialog = review.actions_.comment_dialog
    dialog.text.setPlainText("Inte skickad")
    dialog.reject()
    review.actions_.return_.trigger()
    review.actions_.text_dialog.reject()
    review.actions_.approve.trigger()
    review.actions_.text_dialog.reject()
    assert service.review.comments(a.id) == []
    assert repo.get(a.id).status is Status.IN_REVIEW


def approval_fingerprint(context, assessment_id: int) -> str:
    stored = context.service.repository.get(assessment_id)
    return context.service.review.approval(stored).printed


def test_self_approval_is_shown_as_such(qtbot, window, context, tmp_path) -> None:
    service, repo = context.service, context.service.repository
    mine = complete_assessment(context.content)
    mine.decision.author = f"{SAMI_NAME}, utredare"  # "Name, title" is the author too
    a = repo.create(mine)
    service.identity = CASEWORKER
    service.change_status(a, Status.IN_REVIEW)
    review = open_review(qtbot, window, a.id)
    review.actions_.approve.trigger()
    assert "self-approved" in review.actions_.text_dialog.message.text()
    review.actions_.text_dialog.accept_button.click()
    assert repo.get(a.id).status is Status.APPROVED
    assert "Self-approved" in review.banner.text()
    assert "Self-approved" in review.browser.toPlainText()

    # The PDF can be exported from review mode too, with the approval in it.
    review.pdf_export.runner = ImmediateRunner()
    review.pdf_export.opener = lambda path: True
    assert review.pdf_export.export(tmp_path / "approved.pdf") is not None
    text = pdf_text(tmp_path / "approved.pdf")
    assert "Godkänd av" in text and approval_fingerprint(context, a.id) in text


def test_user_text_cannot_become_markup(qtbot, window, context) -> None:
    service, repo = context.service, context.service.repository
    hostile = complete_assessment(context.content)
    hostile.decision.title = '<a href="comment:step:decision">klicka</a> & <b>fet</b>'
    a = repo.create(hostile)
    service.change_status(a, Status.IN_REVIEW)
    review = open_review(qtbot, window, a.id)
    assert hostile.decision.title in review.browser.toPlainText()
    assert "<b>fet</b>" not in review.browser.toHtml()


def in_review_with_a_comment(context):
    """A complete assessment in review with the reviewer's comment on the ground age."""
    service, repo = context.service, context.service.repository
    a = repo.create(complete_assessment(context.content))
    service.change_status(a, Status.IN_REVIEW)
    service.identity = REVIEWER
    service.review.add_comment(a, CommentTarget.ground("age"), "Vilka åldrar?")
    return a


def test_in_review_the_editor_shows_comments_but_cannot_address_them(qtbot, context) -> None:
    a = in_review_with_a_comment(context)
    editor = open_editor_directly(qtbot, context, context.service.repository.get(a.id))
    assert editor.document.read_only
    item = editor.navigation.item(("ground", "age"))
    assert "✉ 1" in item.text(0)
    description = item.data(0, Qt.ItemDataRole.AccessibleDescriptionRole)
    assert description.endswith("1 open review comment(s)")
    editor.show_page(("ground", "age"))
    [card] = editor.review_comments.cards
    assert not card.address_button.isEnabled()
    assert not editor.review_comments.returned.isVisibleTo(editor)  # not returned (yet)
    editor.show_page(("step", "decision"))
    assert editor.review_comments.cards == []
    assert not editor.review_comments.isVisibleTo(editor)


def test_comment_buttons_come_before_the_page_in_tab_order(qtbot, context) -> None:
    from tests.ui.keyboard import focused, press

    a = in_review_with_a_comment(context)
    context.service.review.return_for_changes(a)
    editor = open_editor_directly(qtbot, context, context.service.repository.get(a.id), active=True)
    page = editor.show_page(("ground", "age"))
    [card] = editor.review_comments.cards
    editor.navigation.setFocus()
    press(qtbot, Qt.Key.Key_Tab)  # (nothing is left to do: the list of gaps is hidden)
    assert focused() is card.address_button
    press(qtbot, Qt.Key.Key_Tab)
    assert page.isAncestorOf(focused())


def test_review_window_controls_are_named_and_pages_map_to_sections(qtbot, window, context) -> None:
    a = in_review_with_a_comment(context)
    review = open_review(qtbot, window, a.id)
    assert unnamed_controls(review) == []
    review.show_page(("extra", "memo"))  # a page the review has no section for: ignored
    review.show_page(("ground", "age"))
    review.comment_list.activated.emit(review.comments.index(0, 0))
    assert "Vilka åldrar?" in review.comments.data(review.comments.index(0, 0))


def test_comment_links_work_by_keyboard(qtbot, context) -> None:
    from tests.ui.keyboard import press

    service, repo = context.service, context.service.repository
    a = repo.create(complete_assessment(context.content))
    service.change_status(a, Status.IN_REVIEW)
    review = ReviewWindow(context, a)
    qtbot.addWidget(review)
    with qtbot.waitActive(review):
        review.show()
        review.activateWindow()
    review.browser.setFocus()
    press(qtbot, Qt.Key.Key_Tab)  # the first link: "Comment…" on the conclusion
    press(qtbot, Qt.Key.Key_Return)
    dialog = review.actions_.comment_dialog
    assert dialog is not None and dialog.isVisible()
    assert str(dialog.target()) == "step:conclusion"


def test_approving_what_you_submitted_is_shown_as_self_approval(qtbot, window, context) -> None:
    """The author field names someone else; the reviewer submitted it herself."""
    service, repo = context.service, context.service.repository
    other = complete_assessment(context.content)
    other.decision.author = "Ivar Ŧorgá, utredare"
    a = repo.create(other)
    service.identity = REVIEWER
    service.review.submit(a)
    service.identity = Identity("  ольга  кузнецова ", "olga")  # the same person, typed so
    review = open_review(qtbot, window, a.id)
    review.actions_.approve.trigger()
    assert "self-approved" in review.actions_.text_dialog.message.text()
    review.actions_.text_dialog.accept_button.click()
    assert repo.get(a.id).status is Status.APPROVED
    assert "Self-approved" in review.banner.text()
    assert "Self-approved" in review.browser.toPlainText()


def test_an_approval_without_fingerprint_is_not_shown_as_a_mismatch(
    qtbot, window, context, monkeypatch
):
    """An old register may hold an approval without its fingerprint."""
    from desktop_app.domain import workflow

    service, repo = context.service, context.service.repository
    a = repo.create(complete_assessment(context.content))
    service.identity = CASEWORKER
    service.review.submit(a)
    service.identity = REVIEWER
    monkeypatch.setattr(workflow, "content_digest", lambda _a: "")
    service.review.approve(a)
    monkeypatch.undo()
    shown = " ".join(open_review(qtbot, window, a.id).browser.toPlainText().split())
    assert "Godkännandet sparade inget fingeravtryck" in shown
    assert "Godkänt fingeravtryck" not in shown and "STÄMMER INTE" not in shown


def returned_meanwhile(context, a) -> None:
    """Someone else returns the assessment while the reviewer's dialog is open."""
    context.service.review.return_for_changes(context.service.repository.get(a.id))


def assert_refused_and_kept(review: ReviewWindow, dialog, text: str, reason: str) -> None:
    box = review.actions_.message_box
    assert box is not None and box.isVisible()
    assert box.icon() is QMessageBox.Icon.Warning
    assert reason in box.text()
    assert dialog.isVisible()  # still open with what was typed: copy it, or try again
    assert dialog.text.toPlainText() == text


def test_a_refused_comment_keeps_its_text(qtbot, window, context) -> None:
    service, repo = context.service, context.service.repository
    a = repo.create(complete_assessment(context.content))
    service.change_status(a, Status.IN_REVIEW)
    service.identity = REVIEWER
    review = open_review(qtbot, window, a.id)
    review.browser.anchorClicked.emit(QUrl("comment:ground:age"))
    dialog = review.actions_.comment_dialog
    text = "Ett långt och genomtänkt svar\nsom inte får försvinna."
    dialog.text.setPlainText(text)
    returned_meanwhile(context, a)
    dialog.add_button.click()
    assert_refused_and_kept(review, dialog, text, "in review")
    assert service.review.comments(a.id) == []
    assert not review.actions_.comment.isEnabled()  # the window shows it returned now
    review.actions_.message_box.accept()
    dialog.reject()
    assert service.review.comments(a.id) == []


@pytest.mark.parametrize("action", ["approve", "return_"])
def test_a_refused_approval_or_return_keeps_its_comment(qtbot, window, context, action) -> None:
    service, repo = context.service, context.service.repository
    a = repo.create(complete_assessment(context.content))
    service.change_status(a, Status.IN_REVIEW)
    service.identity = REVIEWER
    review = open_review(qtbot, window, a.id)
    getattr(review.actions_, action).trigger()
    dialog = review.actions_.text_dialog
    text = "Godkänd med tanke på de nya siffrorna."
    dialog.text.setPlainText(text)
    returned_meanwhile(context, a)
    dialog.accept_button.click()
    assert_refused_and_kept(review, dialog, text, "changed elsewhere")
    assert repo.get(a.id).status is Status.RETURNED
    assert [c.to_status for c in repo.status_history(a.id)] == [
        Status.IN_REVIEW,
        Status.RETURNED,
    ]


def test_a_refused_reply_keeps_its_text(qtbot, window, context) -> None:
    a = in_review_with_a_comment(context)
    context.service.review.return_for_changes(a)
    editor = open_editor(qtbot, window, a.id)
    editor.show_page(("ground", "age"))
    bar = editor.review_comments
    [card] = bar.cards
    card.address_button.click()
    text = "Se besöksstatistiken för 2025."
    bar.dialog.text.setPlainText(text)
    [comment] = context.service.review.comments(a.id)
    context.service.review.address_comment(comment.id)  # addressed in another window
    bar.dialog.accept_button.click()
    assert bar.message_box is not None and bar.message_box.isVisible()
    assert "already addressed" in bar.message_box.text()
    assert bar.dialog.isVisible() and bar.dialog.text.toPlainText() == text


def test_a_comment_on_an_assessment_deleted_meanwhile_keeps_its_text(
    qtbot, window, context
) -> None:
    service, repo = context.service, context.service.repository
    a = repo.create(complete_assessment(context.content))
    service.change_status(a, Status.IN_REVIEW)
    review = open_review(qtbot, window, a.id)
    review.actions_.comment.trigger()
    dialog = review.actions_.comment_dialog
    dialog.text.setPlainText("Sparas inte, men syns kvar.")
    repo.delete(a.id)  # in another window or process
    dialog.add_button.click()
    assert_refused_and_kept(review, dialog, "Sparas inte, men syns kvar.", f"{a.id}")


def test_switching_pages_and_reloading_keep_one_set_of_target_names(qtbot, context) -> None:
    """Each page switch or reload names the targets afresh; the objects that do it are
    reused, not left behind as children of the long-lived windows."""
    from desktop_app.ui.review.targets import TargetNames

    a = in_review_with_a_comment(context)
    editor = open_editor_directly(qtbot, context, context.service.repository.get(a.id))
    editor.show_page(("ground", "age"))
    before = len(editor.findChildren(TargetNames))
    for _ in range(5):
        editor.show_page(("step", "decision"))
        editor.show_page(("ground", "age"))
    assert len(editor.findChildren(TargetNames)) == before
    [card] = editor.review_comments.cards  # and the names still come out right
    assert card.comment.text == "Vilka åldrar?"

    review = ReviewWindow(context, context.service.repository.get(a.id))
    qtbot.addWidget(review)
    assert len(review.findChildren(TargetNames)) == 1
    for _ in range(5):
        review.reload()
    assert len(review.findChildren(TargetNames)) == 1


def test_opening_and_reloading_review_mode_read_the_assessment_and_history_once(
    qtbot, window, context, monkeypatch
) -> None:
    """The register opens the review window with the assessment it has just read, and a
    reload reads the status history once for both the history and the approval."""
    service, repo = context.service, context.service.repository
    a = repo.create(complete_assessment(context.content))
    service.identity = CASEWORKER
    service.review.submit(a)
    service.identity = REVIEWER
    service.review.approve(repo.get(a.id))
    calls: list[str] = []
    for name in ("get", "status_history"):
        real = getattr(repo, name)

        def spy(*args, _real=real, _name=name, **kwargs):
            calls.append(_name)
            return _real(*args, **kwargs)

        monkeypatch.setattr(repo, name, spy)
    review = open_review(qtbot, window, a.id)
    assert calls.count("get") == 1
    assert calls.count("status_history") == 1
    assert review.data.approval is not None and review.data.approval.approver == REVIEWER.name
    calls.clear()
    review.reload()
    assert calls == ["get", "status_history"]


def test_comments_name_a_measure_as_the_list_of_what_is_left_does(context) -> None:
    """One wording, "Measure N (start of its text…)", for the review comments, the
    editor's list of what is left and the history."""
    from desktop_app.ui.field_names import numbered_measure
    from desktop_app.ui.review.targets import TargetNames

    a = complete_assessment(context.content)
    a.measures[0].description = "Erbjud meröppet med personal en kväll i veckan.\nMer text."
    names = TargetNames(context, a, context.service.checklists_for(a))
    expected = "Measure 1 (Erbjud meröppet med personal en kväll i…)"
    assert numbered_measure(1, a.measures[0].description) == expected
    assert names.name(CommentTarget.measure(a.measures[0].uid)) == expected


def test_an_approval_that_cannot_be_signed_is_not_passed_over_in_silence(
    qtbot, window, context, tmp_path
) -> None:
    from desktop_app.keys import KeyStore

    keys = tmp_path / "broken-keys"
    keys.mkdir(mode=0o700)
    (keys / "approver-ed25519.pem").write_bytes(b"")  # a crash left it empty
    service, repo = context.service, context.service.repository
    service.keys = KeyStore(keys)
    a = repo.create(complete_assessment(context.content))
    service.review.submit(a)
    service.identity = REVIEWER
    review = open_review(qtbot, window, a.id)
    review.actions_.approve.trigger()
    review.actions_.text_dialog.accept_button.click()
    assert repo.get(a.id).status is Status.APPROVED
    box = review.actions_.message_box
    assert box is not None and box.isVisible() and box.icon() is QMessageBox.Icon.Warning
    assert "could not be signed" in box.text() and "approver-ed25519.pem" in box.text()

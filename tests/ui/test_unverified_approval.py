"""The review window says when an approval that arrived in a file is unverified (issue 13)."""

from __future__ import annotations

from datetime import UTC, datetime

from desktop_app.app import transfer
from desktop_app.app.service import Identity
from desktop_app.domain.fingerprint import content_digest
from desktop_app.domain.model import Status, StatusChange
from desktop_app.domain.register import SortKey
from desktop_app.storage.register import Register
from desktop_app.ui.register.register_view import RegisterView
from desktop_app.ui.register.table_model import COLUMNS
from desktop_app.ui.review.review_window import ReviewWindow
from desktop_app.ui.tasks import ImmediateRunner
from tests.helpers import complete_assessment


def _import_a_claim(context, approver: str = "Direktör Dahl") -> int:
    """An assessment in review whose exchange file claimed an approval by a director."""
    service, repo = context.service, context.service.repository
    a = repo.create(complete_assessment(context.content))
    service.identity = Identity("Ája", "aja")
    service.review.submit(a)
    document = transfer.export_document(repo, a.id)
    document.assessment.status = Status.APPROVED
    at = datetime(2026, 11, 20, 14, 5, tzinfo=UTC)
    digest = content_digest(document.assessment)
    claim = StatusChange(Status.IN_REVIEW, Status.APPROVED, approver, "dahl", at, "", digest)
    document.history.append(claim)
    transfer.import_document(repo, document, transfer.ImportMode.REPLACE)
    assert a.id is not None
    return a.id


def test_the_review_window_shows_an_unverified_claim(qtbot, context) -> None:
    stored = context.service.repository.get(_import_a_claim(context))
    assert stored.status is Status.IN_REVIEW
    review = ReviewWindow(context, stored)
    qtbot.addWidget(review)
    shown = " ".join(review.browser.toPlainText().split())
    assert "EJ VERIFIERAT" in shown and "Direktör Dahl" in shown
    assert "(ej verifierat)" in shown  # the claim in the status history
    assert "Godkänd av" not in shown


def test_the_register_list_marks_the_reviewer_of_an_unverified_claim(qtbot, context) -> None:
    """The reviewer column names who approved or returned; a name only a file claims is
    not shown as if it were proven."""
    _import_a_claim(context)
    witnessed = context.service.repository.create(complete_assessment(context.content))
    context.service.identity = Identity("Ája", "aja")
    context.service.review.submit(witnessed)
    context.service.identity = Identity("Bo Berg", "bo")
    context.service.review.approve(witnessed)
    path = context.service.repository.path
    view = RegisterView(context, lambda: Register.open_reader(path), ImmediateRunner())
    qtbot.addWidget(view)
    column = COLUMNS.index(SortKey.REVIEWER)
    shown = {view.model.index(row, column).data() for row in range(view.model.rowCount())}
    assert shown == {"Direktör Dahl (ej verifierat)", "Bo Berg"}


def test_a_claimed_name_is_shown_literally_in_the_review_window(qtbot, context) -> None:
    """Markup in a name from a file is text, not markup (issue 14)."""
    name = '<b>Dahl</b> &amp; <a href="comment:step:decision">co</a>'
    stored = context.service.repository.get(_import_a_claim(context, name))
    review = ReviewWindow(context, stored)
    qtbot.addWidget(review)
    assert name in review.browser.toPlainText()
    assert "<b>Dahl" not in review.browser.toHtml()

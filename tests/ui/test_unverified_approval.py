"""The review window says when an approval that arrived in a file is unverified (issue 13)."""

from __future__ import annotations

from datetime import UTC, datetime

from desktop_app.app import transfer
from desktop_app.app.service import Identity
from desktop_app.domain.fingerprint import content_digest
from desktop_app.domain.model import Status, StatusChange
from desktop_app.ui.review.review_window import ReviewWindow
from tests.helpers import complete_assessment


def test_the_review_window_shows_an_unverified_claim(qtbot, context) -> None:
    service, repo = context.service, context.service.repository
    a = repo.create(complete_assessment(context.content))
    service.identity = Identity("Ája", "aja")
    service.review.submit(a)
    document = transfer.export_document(repo, a.id)
    document.assessment.status = Status.APPROVED
    at = datetime(2026, 11, 20, 14, 5, tzinfo=UTC)
    digest = content_digest(document.assessment)
    claim = StatusChange(Status.IN_REVIEW, Status.APPROVED, "Direktör Dahl", "dahl", at, "", digest)
    document.history.append(claim)
    transfer.import_document(repo, document, transfer.ImportMode.REPLACE)
    stored = repo.get(a.id)
    assert stored.status is Status.IN_REVIEW
    review = ReviewWindow(context, stored)
    qtbot.addWidget(review)
    shown = " ".join(review.browser.toPlainText().split())
    assert "EJ VERIFIERAT" in shown and "Direktör Dahl" in shown
    assert "(ej verifierat)" in shown  # the claim in the status history
    assert "Godkänd av" not in shown

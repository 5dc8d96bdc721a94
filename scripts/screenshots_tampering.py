"""Screenshots of approvals as evidence (issue 13), offscreen.

.venv/bin/python scripts/screenshots_tampering.py [--lang sv|nb|en] [--out docs/screenshots]

- unverified-approval.png: an assessment in review whose exchange file claimed an
  approval by a director, without a signature this register trusts, as the review window
  shows it (the sign-off block and the history);
- check-tampering.png: ``lika check`` on a register changed with sqlite3 (an approved
  text edited with its lock trigger put back, an approver's name edited, a guard trigger
  dropped), drawn as a terminal.
"""

from __future__ import annotations

import contextlib
import io
import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from demo_session import demo_session
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QLabel

from desktop_app.__main__ import main as lika
from desktop_app.app import transfer
from desktop_app.app.service import Identity
from desktop_app.domain.fingerprint import content_digest
from desktop_app.domain.model import Status, StatusChange
from desktop_app.ui.context import UiContext
from desktop_app.ui.review.review_window import ReviewWindow

CASEWORKER = Identity("Máret Čuđe-Šolli", "maret")


def unverified_approval(context: UiContext, out: Path) -> None:
    service = context.service
    repo = service.repository
    target = repo.list_summaries(status=Status.IN_REVIEW)[0]
    document = transfer.export_document(repo, target.id)
    a = document.assessment
    a.status = Status.APPROVED
    at = datetime(2026, 11, 20, 14, 5, tzinfo=UTC)
    document.history.append(
        StatusChange(
            Status.IN_REVIEW, Status.APPROVED, "Direktör Dahl", "dahl", at, "", content_digest(a)
        )
    )
    transfer.import_document(repo, document, transfer.ImportMode.REPLACE)
    review = ReviewWindow(context, repo.get(target.id))
    review.resize(1200, 820)
    review.show()
    QApplication.processEvents()
    review._scroll_to("signoff")
    QApplication.processEvents()
    review.grab().save(str(out / "unverified-approval.png"))
    review.close()


def check_tampering(work: Path, out: Path) -> None:
    db = work / "tampered.db"
    with contextlib.redirect_stdout(io.StringIO()):
        lika(["demo", "--db", str(db)])
    conn = sqlite3.connect(db)
    lock = conn.execute(
        "SELECT sql FROM sqlite_master WHERE name = 'review_lock_assessments'"
    ).fetchone()[0]
    keep = conn.execute(
        "SELECT sql FROM sqlite_master WHERE name = 'status_changes_no_update'"
    ).fetchone()[0]
    approved = conn.execute("SELECT id FROM assessments WHERE status = 'approved' LIMIT 1")
    ident = approved.fetchone()[0]
    for statement in (
        "DROP TRIGGER review_lock_assessments",
        f"UPDATE assessments SET summary = 'Inga grupper påverkas negativt.' WHERE id = {ident}",
        lock,
        "DROP TRIGGER status_changes_no_update",
        f"UPDATE status_changes SET actor = 'Mallory' WHERE assessment_id = {ident}",
        keep,
        "DROP TRIGGER audit_log_no_delete",
    ):
        conn.execute(statement)
    conn.commit()
    conn.close()
    text = io.StringIO()
    with contextlib.redirect_stdout(text):
        code = lika(["check", "--db", str(db)])
    shown = f"$ lika check --db tampered.db\n{text.getvalue()}$ echo $?\n{code}\n"
    shown = shown.replace(str(db), "tampered.db")
    label = QLabel()
    label.setFont(QFont("DejaVu Sans Mono", 10))
    label.setStyleSheet("background: #1e1e1e; color: #e6e6e6; padding: 14px;")
    label.setWordWrap(True)
    label.setText(shown)
    label.setFixedWidth(1100)
    label.adjustSize()
    label.grab().save(str(out / "check-tampering.png"))


def main() -> None:
    session = demo_session(CASEWORKER)
    unverified_approval(session.context, session.out)
    session.repository.close()
    check_tampering(session.work, session.out)
    session.app.quit()


if __name__ == "__main__":
    main()

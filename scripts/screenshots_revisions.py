"""Screenshots of the revision comparison and the audit history, offscreen.

.venv/bin/python scripts/screenshots_revisions.py [--lang sv|nb|en] [--out docs/screenshots]
(also run by ``scripts/screenshots.py``, or alone with ``--only revisions`` there)

Takes an approved demo assessment, starts revision 2 the way the window does (through
the service), and makes real changes in it: a caseworker revises an impact, an answer
and a measure and adds one; the reviewer comments, returns it, the caseworker addresses
the comment and resubmits, and the reviewer approves. Writes revision-comparison.png
(revision 1 against 2) and audit-history.png (the history of revision 2).
"""

from __future__ import annotations

import dataclasses
import os
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from demo_session import demo_session
from PySide6.QtWidgets import QApplication, QWidget

from desktop_app.app.service import AssessmentService, Identity
from desktop_app.domain import edits
from desktop_app.domain.checklist import QuestionType
from desktop_app.domain.model import Assessment, Language, Measure, Status
from desktop_app.domain.review import CommentTarget
from desktop_app.storage.repository import AssessmentRepository
from desktop_app.ui.context import UiContext
from desktop_app.ui.revisions.compare_view import CompareDialog
from desktop_app.ui.revisions.history_dialog import HistoryDialog

CASEWORKER = Identity("Máret Čuđe-Šolli", "maret")
REVIEWER = Identity("Per-Anders Lindqvist", "palindqvist")


class WorkingDays:
    """A clock for the story: each reading a few seconds later, ``later`` and ``skip``
    move on minutes and days, so the history shows a revision worked on over a couple
    of weeks."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=5)
        return self.now

    def later(self, minutes: int) -> None:
        self.now += timedelta(minutes=minutes)

    def skip(self, days: int, hour: int) -> None:
        self.now = (self.now + timedelta(days=days)).replace(hour=hour, minute=4)


def save(widget: QWidget, path: Path) -> None:
    QApplication.processEvents()
    widget.grab().save(str(path))
    print(f"wrote {path}")


def yes_no_question(service: AssessmentService, revision: Assessment, ground: str) -> str | None:
    """A yes/no question of ``ground`` (the answer the revision changes)."""
    for checklist in service.checklists_for(revision):
        for candidate in checklist.grounds:
            if candidate.key == ground:
                for question in candidate.questions:
                    if question.type is QuestionType.YES_NO_UNSURE:
                        return question.id
    return None


def revise(service: AssessmentService, approved: Assessment, clock: WorkingDays) -> Assessment:
    """Revision 2 of ``approved`` with real changes, reviewed and approved again."""
    review = service.review
    service.identity = CASEWORKER
    revision = review.new_revision(approved)
    relevant = [k for k, g in revision.grounds.items() if g.relevance.value == "relevant"]
    ground = relevant[0]
    edits.set_value(revision, ("ground", ground, "direction"), "negative")
    edits.set_value(revision, ("ground", ground, "severity"), "high")
    edits.set_value(
        revision,
        ("ground", ground, "justification"),
        revision.grounds[ground].justification
        + " Skolskjutsens nya tider gör att elever med funktionsnedsättning får längre dagar.",
    )
    question = yes_no_question(service, revision, ground)
    if question is not None:
        answer = revision.answer(question).value
        edits.set_value(revision, ("answer", question, "value"), "no" if answer == "yes" else "yes")
    service.save(revision)
    clock.skip(days=1, hour=10)
    if revision.measures:
        first = revision.measures[0]
        edits.set_value(revision, ("measure", first.uid, "owner"), "Skolskjutssamordnaren")
        edits.set_value(
            revision,
            ("measure", first.uid, "deadline"),
            (first.deadline or date.today()) + timedelta(days=30),
        )
    edits.add_measure(
        revision,
        Measure(
            description="Anpassad skolskjuts med kortare restid för elever med "
            "funktionsnedsättning.",
            grounds=[ground],
            owner="Barn- och utbildningsförvaltningen",
            deadline=date.today() + timedelta(days=90),
        ),
    )
    service.save(revision)
    clock.skip(days=1, hour=15)
    review.submit(revision)

    clock.skip(days=3, hour=9)
    service.identity = REVIEWER
    review.add_comment(
        revision,
        CommentTarget.ground(ground),
        "Beskriv hur restiden mäts och vilka elever som berörs.",
    )
    review.return_for_changes(revision, "Se kommentaren om restiden.")

    clock.skip(days=2, hour=13)
    service.identity = CASEWORKER
    comment = review.comments(revision.id)[0]  # type: ignore[arg-type]
    review.address_comment(comment.id, "Restiden mäts dörr till dörr; 14 elever berörs.")
    clock.later(minutes=12)
    edits.set_value(
        revision,
        ("conclusion", "summary"),
        revision.conclusion.summary + " Restiden följs upp per elev efter första terminen.",
    )
    service.save(revision)
    clock.later(minutes=3)
    review.submit(revision)

    clock.skip(days=1, hour=11)
    service.identity = REVIEWER
    review.approve(revision, "Godkänd med den anpassade skolskjutsen.")
    return revision


def revision_screenshots(context: UiContext, out: Path, suffix: str) -> None:
    """Revision 2 is made on a second connection to the same register whose clock tells
    the story over two weeks; the dialogs then read it like the window would."""
    start = datetime.now(UTC).replace(hour=8, minute=31, second=0, microsecond=0)
    clock = WorkingDays(start - timedelta(days=14))
    repository = AssessmentRepository.open(Path(context.service.repository.path), clock=clock)
    service = AssessmentService(repository, context.content, CASEWORKER, clock=clock)
    approved = next(
        s
        for s in service.repository.list_summaries()
        if s.status is Status.APPROVED and s.language is Language.SV
    )
    first = service.repository.get(approved.id)
    second = revise(service, first, clock)
    context = dataclasses.replace(context, service=service)
    assert first.id is not None and second.id is not None
    first = service.repository.get(first.id)

    comparison = CompareDialog(context, first, second, service.review.compare(first.id, second.id))
    comparison.resize(1300, 720)
    comparison.show()
    model = comparison.model
    answer = next((r for r in range(model.rowCount()) if model.row_at(r).path[0] == "answer"), 0)
    comparison.table.selectRow(answer)
    save(comparison, out / f"revision-comparison{suffix}.png")
    comparison.close()

    history = HistoryDialog(
        context, second, service.review.history(second.id), service.review.verify_audit()
    )
    history.resize(1300, 700)
    history.show()
    save(history, out / f"audit-history{suffix}.png")
    history.close()
    repository.close()


def main() -> None:
    session = demo_session(CASEWORKER)
    suffix = "" if session.language is Language.SV else f"-{session.language.value}"
    revision_screenshots(session.context, session.out, suffix)
    session.repository.close()
    session.app.quit()


if __name__ == "__main__":
    main()

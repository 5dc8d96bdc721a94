"""What a review comment is about, as the user sees it: the step, ground or measure
by name, and the editor page that shows it.

Shared by the review window (which writes comments) and the editor (which shows them
in place), so both name a target the same way.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QObject

from desktop_app.domain.checklist import Checklist
from desktop_app.domain.model import Assessment, Relevance
from desktop_app.domain.review import STEP_KEYS, CommentTarget, CommentTargetKind, ReviewComment
from desktop_app.ui.context import UiContext
from desktop_app.ui.field_names import numbered_measure, shorten

PageKey = tuple[str, str]
MEASURES_PAGE: PageKey = ("step", "measures")


def page_key(target: CommentTarget) -> PageKey:
    """The editor page on which comments about ``target`` are shown."""
    if target.kind is CommentTargetKind.GROUND:
        return ("ground", target.key)
    if target.kind is CommentTargetKind.MEASURE:
        return MEASURES_PAGE
    return ("step", target.key)


def open_counts(comments: Iterable[ReviewComment]) -> dict[PageKey, int]:
    """How many comments not yet addressed each editor page has."""
    counts: dict[PageKey, int] = {}
    for comment in comments:
        if not comment.addressed:
            key = page_key(comment.target)
            counts[key] = counts.get(key, 0) + 1
    return counts


class TargetNames(QObject):
    """Names targets in the window's language, from the assessment and its checklists."""

    def __init__(
        self,
        context: UiContext,
        assessment: Assessment,
        checklists: Sequence[Checklist],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.assessment = assessment
        self.checklists = list(checklists)

    def grounds(self) -> list[tuple[str, str]]:
        """(key, label) of every ground the checklists ask about, in their order."""
        return [
            (ground.key, ground.label(self.context.language))
            for checklist in self.checklists
            for ground in checklist.grounds
        ]

    def name(self, target: CommentTarget) -> str:
        key = target.key
        if target.kind is CommentTargetKind.STEP:
            return self.context.local(self.context.content.step(key).title)
        if target.kind is CommentTargetKind.GROUND:
            return dict(self.grounds()).get(key, key)
        for number, measure in enumerate(self.assessment.measures, start=1):
            if measure.uid == key:
                return numbered_measure(number, measure.description)
        return self.tr("A measure that was removed")

    # How a comment is described, the same in the review window and the editor.

    def state(self, comment: ReviewComment) -> str:
        return self.tr("Addressed") if comment.addressed else self.tr("Open")

    def written(self, comment: ReviewComment) -> str:
        return (
            self.tr("%1 wrote, %2")
            .replace("%1", comment.author)
            .replace("%2", self.context.short_date(comment.created))
        )

    def addressed_by(self, comment: ReviewComment) -> str:
        return (
            self.tr("Addressed by %1, %2")
            .replace("%1", comment.addressed_by)
            .replace("%2", self.context.short_date(comment.addressed_at))
        )

    def reply(self, comment: ReviewComment) -> str:
        return self.tr("Reply: %1").replace("%1", comment.reply) if comment.reply.strip() else ""

    def targets(self) -> list[CommentTarget]:
        """Everything a reviewer can comment on, in the order of the steps."""
        steps = [CommentTarget.step(key) for key in STEP_KEYS]
        grounds = [CommentTarget.ground(key) for key, _label in self.grounds()]
        measures = [CommentTarget.measure(m.uid) for m in self.assessment.measures]
        return [steps[0], steps[1], *grounds, steps[2], *measures, steps[3]]

    def excerpt(self, target: CommentTarget) -> str:
        """What the target says now, in a few lines, so a comment shows what it is about."""
        a, c = self.assessment, self.context
        lines: list[str] = []
        if target.kind is CommentTargetKind.GROUND:
            ga = a.grounds.get(target.key)
            if ga is not None:
                lines.append(f"{c.field(('ground', 'relevance'))}: {c.label(ga.relevance)}")
                if ga.direction is not None:
                    lines.append(f"{c.field(('ground', 'direction'))}: {c.label(ga.direction)}")
                lines.append(ga.justification)
        elif target.kind is CommentTargetKind.MEASURE:
            measure = next((m for m in a.measures if m.uid == target.key), None)
            if measure is not None:
                lines.append(measure.description)
                owner = c.field(("measure", "owner"))
                deadline = c.field(("measure", "deadline"))
                lines.append(
                    f"{owner}: {measure.owner} · {deadline}: {c.short_date(measure.deadline)}"
                )
        elif target.key == "decision":
            lines += [a.decision.title, a.decision.description]
        elif target.key == "conclusion":
            if a.conclusion.outcome is not None:
                lines.append(c.label(a.conclusion.outcome))
            lines.append(a.conclusion.summary)
        elif target.key == "measures":
            lines += [m.description for m in a.measures]
        else:
            relevant = [
                label
                for key, label in self.grounds()
                if key in a.grounds and a.grounds[key].relevance is Relevance.RELEVANT
            ]
            lines.append(", ".join(relevant))
        return "\n".join(shorten(line, 200) for line in lines if line.strip())

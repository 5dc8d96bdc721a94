"""The review view's document, organised like the PDF summary: the cover facts and the
conclusion, the grounds-by-impact overview, then the assessment's document shared with
the PDF (``domain.assessment_document``: the decision, each relevant ground in depth,
the grounds judged not relevant, evidence on other grounds, the measures and the
follow-up plan, laid out by ``review_blocks``), then (``review_back``) the review and
sign-off block.

HTML for a QTextBrowser. Each step, ground and measure has an anchor named after its
comment target (``ground:age``), its comments under it, and, while the assessment is
in review, a "Comment…" link (``comment:ground:age``). Words come from the vocabulary
shared with the PDF, in the window's language.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from PySide6.QtCore import QObject

from desktop_app.domain.assessment_document import AssessmentDocument
from desktop_app.domain.checklist import Checklist, Ground
from desktop_app.domain.completeness import QuestionCount
from desktop_app.domain.document import DIRECTION_SYMBOLS, SEVERITY_MARKS
from desktop_app.domain.model import Assessment, Relevance, StatusChange
from desktop_app.domain.review import ApprovalRecord, CommentTarget, ReviewComment
from desktop_app.ui.context import UiContext
from desktop_app.ui.review import review_back, review_blocks
from desktop_app.ui.review.html_parts import (
    COMMENT_SCHEME,
    box,
    heading,
    labelled,
    link,
    para,
    table,
    text,
)
from desktop_app.ui.review.targets import TargetNames


@dataclass(frozen=True)
class ReviewData:
    """Everything the view shows, read from the service when the window (re)loads."""

    assessment: Assessment
    checklists: Sequence[Checklist]
    comments: Sequence[ReviewComment]
    history: Sequence[StatusChange]
    approval: ApprovalRecord | None
    fingerprint: str
    gaps: int
    can_comment: bool  # in review: the reviewer may add comments
    today: date  # for "overdue" in the measures table
    questions: QuestionCount | None = None  # of the relevant grounds
    # An approval an exchange file claimed that the register could not verify.
    claim: ApprovalRecord | None = None
    # Statistics tables that do not add up or are incomplete (``statistics_warnings``).
    statistics_problems: int = 0

    @property
    def grounds(self) -> list[Ground]:
        return [g for c in self.checklists for g in c.grounds]

    def relevance(self, key: str) -> Relevance:
        ga = self.assessment.grounds.get(key)
        return ga.relevance if ga else Relevance.UNKNOWN


class Words(QObject):
    """The view's own words (not in the PDF vocabulary), translated here so that the
    section modules, which are plain functions, need no ``tr`` of their own."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.self_approved = self.tr("Self-approved:")
        self.self_approved_why = self.tr("the approver also wrote or submitted the assessment.")
        self.approval_comment = self.tr("Approval comment:")
        self.fingerprint = self.tr("Fingerprint of this content: %1")

    def comment_count(self, total: int, still_open: int) -> str:
        return (
            self.tr("%n comment(s)", "", total)
            + ", "
            + self.tr("%n not yet addressed", "", still_open)
        )

    def missing(self, count: int) -> str:
        return self.tr("%n required item(s) missing", "", count)

    def statistics(self, count: int) -> str:
        return self.tr("%n statistics table(s) do not add up or are incomplete", "", count)

    def unanswered(self, count: QuestionCount) -> str:
        return (
            self.tr("%1 of %2 checklist questions not answered")
            .replace("%1", str(count.unanswered))
            .replace("%2", str(count.total))
        )


class ReviewHtml(QObject):
    """Builds the document; ``build`` is called again after every change. ``names`` is
    the window's own (kept up to date by it), so a rebuild creates no new one."""

    def __init__(
        self, context: UiContext, names: TargetNames, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.names = names
        self.words = Words(self)

    # Words

    def t(self, key: str, **values: object) -> str:
        return self.context.term(key, **values)

    def label(self, value: StrEnum | None) -> str:
        return self.context.label(value) if value is not None else self.t("pdf.none")

    def field(self, *path: str) -> str:
        return self.context.field(path)

    def day(self, value: object) -> str:
        return self.context.short_date(value) or self.t("pdf.none")  # type: ignore[arg-type]

    # Comments in place

    def comment_link(self, target: CommentTarget) -> str:
        if not self.data.can_comment:
            return ""
        return link(f"{COMMENT_SCHEME}:{target}", self.tr("Comment…"))

    def comments_on(self, target: CommentTarget) -> str:
        shown = [c for c in self.data.comments if c.target == target]
        return "".join(self.comment_box(c) for c in shown)

    def comment_box(self, comment: ReviewComment, *, about: str = "") -> str:
        names = self.names
        head = f"<b>{text(names.state(comment).upper())}</b> · {text(names.written(comment))}"
        if about:
            head += f" · {text(about)}"
        inner = f"{head}<br/>{text(comment.text)}"
        if comment.addressed:
            inner += f'<br/><span class="muted">{text(names.addressed_by(comment))}</span>'
            if comment.reply.strip():
                inner += f"<br/>{text(names.reply(comment))}"
        return f"<p></p>{box(inner)}"

    # The document

    def build(self, data: ReviewData) -> str:
        self.data = data
        self.names.assessment = data.assessment
        document = AssessmentDocument(
            data.assessment,
            data.checklists,
            self.context.content.vocabulary,
            self.context.language,
            day=self.day,
            today=data.today,
        )
        parts = [
            *self.cover(),
            *self.overview(),
            review_blocks.render(self, document.body()),
            *review_back.signoff(self),
        ]
        return "".join(parts)

    def cover(self) -> list[str]:
        a, d = self.data.assessment, self.data.assessment.decision
        status = self.label(a.status).upper()
        if a.revision > 1:
            status += " · " + self.t("pdf.revision_n", revision=a.revision)
        where = " · ".join(x for x in (d.organisation, d.unit) if x)
        pairs = [
            (self.field("decision", "case_number"), d.case_number),
            (self.field("decision", "decision_body"), d.decision_body),
            (self.field("decision", "decision_date"), self.day(d.decision_date)),
            (self.t("pdf.status"), self.label(a.status)),
            (self.field("decision", "author"), d.author),
            (self.t("pdf.reviewer"), review_back.reviewer(self) or self.t("pdf.not_reviewed")),
        ]
        rows = [
            [f"<b>{text(label)}</b>", text(value or self.t("pdf.none"))] for label, value in pairs
        ]
        flow = [
            f'<p class="kicker">{text(self.t("document.title").upper())} · [{text(status)}]</p>',
            heading(1, d.title or self.t("pdf.untitled")),
        ]
        if where:
            flow.append(para(where, "muted"))
        return [*flow, table(rows, widths=(30, 70)), *self.conclusion()]

    def conclusion(self) -> list[str]:
        k = self.data.assessment.conclusion
        target = CommentTarget.step("conclusion")
        inner = f"<h3>{text(self.label(k.outcome) if k.outcome else self.t('pdf.no_outcome'))}</h3>"
        if k.summary.strip():
            inner += f"<p>{text(k.summary)}</p>"
        inner += labelled(self.field("conclusion", "justification"), k.justification)
        if k.followup_date:
            inner += para(
                f"{self.field('conclusion', 'followup_date')}: {self.day(k.followup_date)}"
            )
        return [
            heading(2, self.t("pdf.conclusion"), name=str(target), extra=self.comment_link(target)),
            box(inner),
            self.comments_on(target),
        ]

    def overview(self) -> list[str]:
        header = [
            text(self.t("pdf.ground")),
            text(self.field("ground", "relevance")),
            text(self.field("ground", "direction")),
            text(self.field("ground", "severity")),
            text(self.t("pdf.measures")),
            text(self.tr("Comments")),
        ]
        rows = []
        for ground in self.data.grounds:
            ga = self.data.assessment.grounds.get(ground.key)
            relevance = self.data.relevance(ground.key)
            direction = ga.direction if ga and relevance is Relevance.RELEVANT else None
            severity = ga.severity if ga and direction and direction.is_adverse else None
            impact = f"{DIRECTION_SYMBOLS[direction]} {self.label(direction)}" if direction else "–"
            sev = f"{SEVERITY_MARKS[severity]} {self.label(severity)}" if severity else "–"
            count = len(self.data.assessment.measures_for(ground.key))
            comments = sum(
                1 for c in self.data.comments if c.target == CommentTarget.ground(ground.key)
            )
            name = link(f"#{CommentTarget.ground(ground.key)}", ground.label(self.context.language))
            rows.append(
                [
                    name
                    if relevance is Relevance.RELEVANT
                    else text(ground.label(self.context.language)),
                    text(self.label(relevance)),
                    f"<b>{text(impact)}</b>"
                    if direction and direction.is_adverse
                    else text(impact),
                    text(sev),
                    str(count) if count else "–",
                    str(comments) if comments else "–",
                ]
            )
        return [heading(2, self.t("pdf.overview")), table(rows, header)]

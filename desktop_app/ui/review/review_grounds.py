"""The grounds in the review document: each relevant ground in depth (facts, findings,
evidence, measures and the checklist answers), and the grounds judged not relevant or
not yet assessed with their justifications."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop_app.domain.checklist import Ground
from desktop_app.domain.conditions import hidden_questions
from desktop_app.domain.model import Relevance
from desktop_app.domain.review import CommentTarget
from desktop_app.reports.styles import DIRECTION_SYMBOLS, SEVERITY_MARKS
from desktop_app.ui.review import review_evidence
from desktop_app.ui.review.html_parts import anchor, heading, labelled, link, para, table, text

if TYPE_CHECKING:
    from desktop_app.ui.review.review_html import ReviewHtml


def relevant_grounds(b: ReviewHtml) -> list[str]:
    target = CommentTarget.step("grounds")
    flow = [
        heading(2, b.t("pdf.relevant_grounds"), name=str(target), extra=b.comment_link(target)),
        b.comments_on(target),
    ]
    relevant = [g for g in b.data.grounds if b.data.relevance(g.key) is Relevance.RELEVANT]
    if not relevant:
        return [*flow, para(b.t("pdf.no_relevant_grounds"))]
    for ground in relevant:
        flow += ground_in_depth(b, ground)
    return flow


def ground_in_depth(b: ReviewHtml, ground: Ground) -> list[str]:
    ga = b.data.assessment.grounds[ground.key]
    target = CommentTarget.ground(ground.key)
    direction = ga.direction
    symbol = f"{DIRECTION_SYMBOLS[direction]} " if direction else ""
    severity = ga.severity if direction and direction.is_adverse else None
    facts = [
        [
            f"<b>{text(b.field('ground', 'direction'))}</b>",
            text(b.label(direction) if direction else b.t("pdf.not_given")),
            f"<b>{text(b.field('ground', 'severity'))}</b>",
            text(f"{SEVERITY_MARKS[severity]} {b.label(severity)}" if severity else "–"),
        ],
        [
            f"<b>{text(b.field('ground', 'risks'))}</b>",
            text(", ".join(b.label(r) for r in ga.risks) or "–"),
            f"<b>{text(b.field('ground', 'groups'))}</b>",
            text(ga.groups or "–"),
        ],
    ]
    flow = [
        heading(
            3,
            f"{symbol}{ground.label(b.context.language)}",
            name=str(target),
            extra=b.comment_link(target),
        ),
        table(facts, widths=(18, 32, 18, 32)),
        labelled(b.field("ground", "justification"), ga.justification),
        labelled(b.field("ground", "evidence"), ga.evidence),
        labelled(b.field("ground", "no_measure_justification"), ga.no_measure_justification),
    ]
    measures = b.data.assessment.measures_for(ground.key)
    if measures:
        flow.append(f'<p class="label">{text(b.t("pdf.measures"))}</p>')
        items = []
        for m in measures:
            owner = f" ({m.owner}, {b.day(m.deadline)})" if m.owner else ""
            items.append(
                f"<li>{link(f'#{CommentTarget.measure(m.uid)}', m.description + owner)}</li>"
            )
        flow.append(f"<ul>{''.join(items)}</ul>")
    flow.append(review_evidence.for_target(b, ground.key))
    flow.append(answers(b, ground))
    flow.append(b.comments_on(target))
    return flow


def answers(b: ReviewHtml, ground: Ground) -> str:
    """The checklist questions answered for this ground, question and answer (not those
    whose condition does not hold: they were not asked, whatever answer is kept)."""
    items = []
    hidden = hidden_questions(b.data.checklists, b.data.assessment)
    for question in ground.questions:
        if question.id in hidden:
            continue
        answer = b.data.assessment.answers.get(question.id)
        if answer is None or not (answer.value.strip() or answer.note.strip()):
            continue
        shown = b.context.answer(question, answer.value)
        if answer.note.strip():
            shown = f"{shown} – {answer.note}" if shown else answer.note
        items.append(
            f"<li>{text(question.text.get(b.context.language))}<br/><b>{text(shown)}</b></li>"
        )
    if not items:
        return ""
    return f'<p class="label">{text(b.t("pdf.answers"))}</p><ul>{"".join(items)}</ul>'


def other_grounds(b: ReviewHtml) -> list[str]:
    """Not relevant (with reasons) and not yet assessed, each as a compact table."""
    flow: list[str] = []
    for relevance, key in (
        (Relevance.NOT_RELEVANT, "pdf.not_relevant_grounds"),
        (Relevance.UNKNOWN, "pdf.unassessed_grounds"),
    ):
        rows = []
        for ground in b.data.grounds:
            if b.data.relevance(ground.key) is not relevance:
                continue
            ga = b.data.assessment.grounds.get(ground.key)
            reason = ga.justification if ga and ga.justification.strip() else ""
            target = CommentTarget.ground(ground.key)
            name = f"{anchor(str(target))}<b>{text(ground.label(b.context.language))}</b>"
            cell = text(reason) if reason else f"<i>{text(b.t('pdf.no_justification'))}</i>"
            extra = b.comment_link(target)
            rows.append([name, cell + b.comments_on(target), extra])
        if rows:
            header = [
                text(b.t("pdf.ground")),
                text(b.field("ground", "justification")),
                "",
            ]
            flow += [heading(2, b.t(key)), table(rows, header, widths=(28, 60, 12))]
    return flow

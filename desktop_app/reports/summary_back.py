"""The end of the summary: review comments, sign-off with the status history, and the
appendix with every checklist answer, question by question."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from desktop_app.domain.checklist import Ground, Question, QuestionType
from desktop_app.domain.conditions import hidden_questions
from desktop_app.domain.model import Relevance
from desktop_app.reports.flowables import Heading, kept, paras, table
from desktop_app.reports.lists import ListItem, hanging, item, under
from desktop_app.reports.styles import BOX_FILL, CONTENT_WIDTH, RULE
from desktop_app.reports.summary_context import SummaryContext
from desktop_app.reports.text import CHUNK, format_moment, markup


def review(c: SummaryContext) -> list[Flowable]:
    flow: list[Flowable] = [Heading(c.t("pdf.signoff"), c.s.h1)]
    flow.append(_approval_box(c))
    general = [n for n in c.data.review_notes if not n.about or n.about not in c.a.grounds]
    if general:
        flow.append(kept(c.t("pdf.review_comments"), c.s.h3))
        names = {
            "decision": c.t("pdf.decision"),
            "grounds": c.t("pdf.grounds_short"),
            "measures": c.t("pdf.measures"),
            "conclusion": c.t("pdf.conclusion"),
            **{g.key: g.label(c.lang) for g in c.grounds},
        }
        for note in general:
            about = names.get(note.about, note.about)
            who = f"{note.author}, {format_moment(note.at, c.lang)}"
            flow.append(kept(f"{about + ': ' if about else ''}{who}", c.s.label))
            flow += c.ps(note.text)
            flow += c.addressed(note)
    if c.data.history:
        flow += [kept(c.t("pdf.history"), c.s.h3, 25 * mm), _history_table(c)]
    return flow


def _approval_box(c: SummaryContext) -> Flowable:
    approval = c.data.effective_approval
    current = c.fingerprint
    rows: list[list[Flowable]] = []
    if approval is None:
        rows.append([c.p(c.t("pdf.not_approved"), "h3")])
        change = c.data.decisive_change
        if change is not None:
            rows.append(
                [
                    c.p(
                        c.t(
                            "pdf.last_review",
                            status=c.label(change.to_status),
                            name=change.by,
                            date=format_moment(change.at, c.lang),
                        )
                    )
                ]
            )
    else:
        rows.append(
            [
                c.p(
                    c.t(
                        "pdf.approved_by",
                        name=approval.signed_by,
                        date=format_moment(approval.at, c.lang),
                    ),
                    "h3",
                )
            ]
        )
        if approval.self_approved:
            rows.append([c.p("⚠\u00a0" + c.t("pdf.self_approved"), "cell_bold")])
        if approval.fingerprint:
            same = (
                approval.fingerprint == current
                if approval.matches_content is None
                else approval.matches_content
            )
            older = " " + c.t("pdf.fingerprint_older") if approval.legacy else ""
            rows.append(
                [
                    c.p(
                        c.t("pdf.approved_fingerprint", fingerprint=approval.fingerprint)
                        + older
                        + " – "
                        + c.t("pdf.fingerprint_matches" if same else "pdf.fingerprint_differs"),
                        "cell" if same else "cell_bold",
                    )
                ]
            )
            if approval.signed:
                rows.append([c.p(c.t("pdf.approval_signed"))])
        else:  # an approval from a register that did not record it
            rows.append([c.p(c.t("pdf.approval_without_fingerprint"), "cell_bold")])
    claim = c.data.claim
    if claim is not None:
        when = format_moment(claim.at, c.lang)
        rows.append(
            [c.p(c.t("pdf.unverified_claim", name=claim.signed_by, date=when), "cell_bold")]
        )
    rows.append([c.p(c.t("pdf.fingerprint_explained", fingerprint=current), "muted")])
    if c.data.chain_head:
        rows.append([c.p(c.t("pdf.audit_head", head=c.data.chain_head), "muted")])
    return table(
        rows,
        [CONTENT_WIDTH],
        [
            ("BOX", (0, 0), (-1, -1), 0.8, colors.black),
            ("BACKGROUND", (0, 0), (-1, -1), BOX_FILL),
            ("LEFTPADDING", (0, 0), (-1, -1), 8),
            ("TOPPADDING", (0, 0), (-1, 0), 6),
            ("BOTTOMPADDING", (0, -1), (-1, -1), 6),
        ],
    )


def _history_table(c: SummaryContext) -> Flowable:
    header = [
        c.p(c.t(k), "head_cell") for k in ("pdf.when", "pdf.status", "pdf.who", "field.answer.note")
    ]
    rows = [header]
    for change in c.data.history:
        rows.append(
            [
                c.p(format_moment(change.at, c.lang), "cell"),
                c.p(
                    c.label(change.to_status)
                    + (f" ({c.t('pdf.unverified')})" if change.unverified_claim else ""),
                    "cell_bold",
                ),
                c.p(change.by, "cell"),
                c.cell(change.comment or "–"),
            ]
        )
    widths = [32 * mm, 30 * mm, 38 * mm, CONTENT_WIDTH - 100 * mm]
    return table(rows, widths, [("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE)], header=True)


def appendix(c: SummaryContext) -> list[Flowable]:
    flow: list[Flowable] = [Heading(c.t("pdf.appendix"), c.s.h1)]
    # Questions whose condition does not hold were not asked: not printed (their kept
    # answers neither), not "not answered".
    hidden = hidden_questions(c.data.checklists, c.a)
    for checklist in c.data.checklists:
        flow.append(c.p(f"{checklist.name.get(c.lang)} {checklist.version}", "muted"))
        for ground in checklist.grounds:
            flow += _answers_of(c, ground, hidden)
    return flow


def _answers_of(c: SummaryContext, ground: Ground, hidden: frozenset[str]) -> list[Flowable]:
    heading = Heading(ground.label(c.lang), c.s.h3, level=1, keep=20 * mm)
    questions = [q for q in ground.questions if q.id not in hidden]
    answered = [q for q in questions if _has_answer(c, q)]
    if not questions:
        return []
    if not answered and c.relevance(ground) is not Relevance.RELEVANT:
        return [heading, c.p(c.t("pdf.no_answers_not_relevant"), "note")]
    # Paragraphs, not a table: an appendix of dozens of questions reads as a list (a
    # numbered one, each answer in its question's item) and lays out in half the time.
    flow: list[Flowable] = [Spacer(0, 1 * mm), heading]
    numbered = object()
    question_style = hanging(c.s.question, c.s.question.leftIndent)
    for number, question in enumerate(questions, start=1):
        answer = c.a.answers.get(question.id)
        value = answer.value if answer else ""
        note = answer.note if answer else ""
        within = ListItem(numbered)
        text = markup(question.text.get(c.lang))
        # Never apart from its answer.
        flow.append(item(text, question_style, f"{number}.", within, keep=12))
        typed = question.type is QuestionType.TEXT and value.strip()
        if value.strip():
            shown = f"<b>{markup(c.vocab.answer(question, value, c.lang))}</b>"
            if typed:
                shown = markup(value)
        else:
            shown = markup(c.t("answer.none"))
        # What people typed is in the assessment's language (``c.u``).
        style = (c.u if typed else c.s).answer if value.strip() else c.s.answer_missing
        answers: list[Flowable]
        if len(value) + len(note) > CHUNK:  # long text: paragraphs of bounded size
            answers = paras(value, c.u.answer) if typed else [Paragraph(shown, style)]
            answers += paras(note, c.u.answer) if note.strip() else []
        else:
            if note.strip():
                shown += f" – {markup(note)}"
            answers = [Paragraph(shown, style)]
        flow += [under(answer_part, within) for answer_part in answers]
    return flow


def _has_answer(c: SummaryContext, question: Question) -> bool:
    answer = c.a.answers.get(question.id)
    return bool(answer and (answer.value.strip() or answer.note.strip()))

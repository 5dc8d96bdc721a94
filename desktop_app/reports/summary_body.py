"""The pages after the first: the decision, each relevant ground in depth, the grounds
judged not relevant, the measures and the follow-up plan."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from desktop_app.domain.checklist import Ground
from desktop_app.domain.model import Relevance
from desktop_app.reports.flowables import Heading, cell, kept, paras, table
from desktop_app.reports.lists import bullets
from desktop_app.reports.styles import (
    CONTENT_WIDTH,
    DIRECTION_SYMBOLS,
    RULE,
    SEVERITY_MARKS,
)
from desktop_app.reports.summary_context import SummaryContext
from desktop_app.reports.summary_evidence import for_target
from desktop_app.reports.text import CHUNK


def _labelled(c: SummaryContext, label: str, text: str) -> list[Flowable]:
    """A label and the user's text under it; nothing at all if the text is empty."""
    if not text.strip():
        return []
    return [kept(label, c.s.label), *c.ps(text)]


def decision(c: SummaryContext) -> list[Flowable]:
    d = c.a.decision
    flow: list[Flowable] = [Heading(c.t("pdf.decision"), c.s.h1)]
    flow += _labelled(c, c.field("decision", "description"), d.description)
    flow += _labelled(c, c.field("decision", "affected"), d.affected)
    groups = [g for g in d.affected_groups if g.strip()]
    if groups:
        flow.append(kept(c.field("decision", "affected_groups"), c.s.label))
        flow += bullets(groups, c.u.body)
    flow += _labelled(c, c.field("decision", "evidence"), d.evidence)
    flow += _labelled(c, c.field("decision", "evidence_missing"), d.evidence_missing)
    flow += for_target(c, "")
    return flow


def relevant_grounds(c: SummaryContext) -> list[Flowable]:
    relevant = [g for g in c.grounds if c.relevance(g) is Relevance.RELEVANT]
    flow: list[Flowable] = [Heading(c.t("pdf.relevant_grounds"), c.s.h1)]
    if not relevant:
        return [*flow, c.p(c.t("pdf.no_relevant_grounds"))]
    for ground in relevant:
        flow += _ground_in_depth(c, ground)
    return flow


def _ground_in_depth(c: SummaryContext, ground: Ground) -> list[Flowable]:
    ga = c.a.grounds[ground.key]
    direction = ga.direction
    symbol = f"{DIRECTION_SYMBOLS[direction]} " if direction else ""
    label = ground.label(c.lang)
    heading = Heading(f"{symbol}{label}", c.s.h2, level=1, keep=45 * mm, bookmark=label)
    severity = ga.severity if direction and direction.is_adverse else None
    facts = [
        [
            c.p(c.field("ground", "direction"), "head_cell"),
            c.p(c.label(direction) if direction else c.t("pdf.not_given"), "cell_bold"),
            c.p(c.field("ground", "severity"), "head_cell"),
            c.p(f"{SEVERITY_MARKS[severity]} {c.label(severity)}" if severity else "–", "cell"),
        ],
        [
            c.p(c.field("ground", "risks"), "head_cell"),
            c.p(", ".join(c.label(r) for r in ga.risks) or "–", "cell"),
            c.p(c.field("ground", "groups"), "head_cell"),
            c.cell(ga.groups or "–"),
        ],
    ]
    facts_table = table(
        facts,
        [24 * mm, CONTENT_WIDTH / 2 - 24 * mm, 34 * mm, CONTENT_WIDTH / 2 - 34 * mm],
        [
            ("LINEABOVE", (0, 0), (-1, 0), 0.8, colors.black),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
            ("LEFTPADDING", (0, 0), (0, -1), 0),
        ],
        pairs=True,
    )
    parts: list[Flowable] = []
    parts += _labelled(c, c.field("ground", "justification"), ga.justification)
    parts += _labelled(c, c.field("ground", "evidence"), ga.evidence)
    parts += _labelled(
        c, c.field("ground", "no_measure_justification"), ga.no_measure_justification
    )
    parts += for_target(c, ground.key)
    numbers = [str(n) for n, m in enumerate(c.a.measures, 1) if ground.key in m.grounds]
    if numbers:
        # Each measure is told once, in the table near the front; here only its number.
        parts.append(kept(c.t("pdf.measures"), c.s.label))
        parts.append(c.p(c.t("pdf.see_measures", numbers=", ".join(numbers))))
    notes = [n for n in c.data.review_notes if n.about == ground.key]
    for note in notes:
        text = f"{c.t('pdf.review_comment')} ({note.author}): {note.text}"
        parts += paras(text, c.s.note)  # the label in the document's language
        parts += c.addressed(note)
    return [heading, facts_table, *parts]


def other_grounds(c: SummaryContext) -> list[Flowable]:
    """Not relevant (with reasons) and not yet assessed, each as a compact table."""
    flow: list[Flowable] = []
    for relevance, key in (
        (Relevance.NOT_RELEVANT, "pdf.not_relevant_grounds"),
        (Relevance.UNKNOWN, "pdf.unassessed_grounds"),
    ):
        rows = []
        for ground in c.grounds:
            if c.relevance(ground) is relevance:
                ga = c.ground_assessment(ground)
                reason = ga.justification if ga and ga.justification.strip() else ""
                rows.append(
                    [
                        c.p(ground.label(c.lang), "cell_bold"),
                        c.cell(reason) if reason else c.p(c.t("pdf.no_justification"), "note"),
                    ]
                )
        if rows:
            header = [
                c.p(c.t("pdf.ground"), "head_cell"),
                c.p(c.field("ground", "justification"), "head_cell"),
            ]
            flow += [
                Heading(c.t(key), c.s.h1),
                table(
                    [header, *rows],
                    [45 * mm, CONTENT_WIDTH - 45 * mm],
                    [("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE)],
                    header=True,
                ),
            ]
    return flow


def measures(c: SummaryContext) -> list[Flowable]:
    flow: list[Flowable] = [Heading(c.t("pdf.measures"), c.s.h1)]
    if not c.a.measures:
        return [*flow, c.p(c.t("pdf.no_measures"))]
    header = [
        c.p(text, "head_cell")
        for text in (
            c.t("pdf.number"),
            c.field("measure", "description"),
            c.t("pdf.grounds_short"),
            c.field("measure", "owner"),
            c.field("measure", "deadline"),
            c.field("measure", "status"),
        )
    ]
    rows = [header]
    for number, m in enumerate(c.a.measures, 1):
        overdue = c.is_overdue(m)
        deadline = c.day(m.deadline)
        if overdue:
            deadline = f"{deadline}\n⚠\u00a0{c.t('pdf.overdue')}"
        rows.append(
            [
                c.p(str(number), "cell"),
                c.cell(m.description or "–"),
                cell(c.ground_names(m.grounds) or "–", c.s.cell),
                c.cell(m.owner or "–"),
                c.p(deadline, "cell_bold" if overdue else "cell"),
                c.p(c.label(m.status), "cell"),
            ]
        )
    widths = [9 * mm, CONTENT_WIDTH - 127 * mm, 38 * mm, 32 * mm, 27 * mm, 21 * mm]
    grid = table(rows, widths, [("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE)], header=True)
    return [*flow, grid]


def followup(c: SummaryContext) -> list[Flowable]:
    k = c.a.conclusion
    flow: list[Flowable] = [
        Heading(c.t("pdf.followup"), c.s.h1),
        c.p(f"{c.field('conclusion', 'followup_date')}: {c.day(k.followup_date)}", "body"),
    ]
    notes = [m for m in c.a.measures if m.followup_note.strip()]
    if notes:
        flow += [Spacer(0, 2 * mm), kept(c.t("pdf.followup_notes"), c.s.h3)]
        for m in notes:
            title = f"{m.description} – {c.label(m.status)}"
            flow += [kept(title, c.s.label)] if len(title) <= CHUNK else paras(title, c.s.label)
            flow += c.ps(m.followup_note)
    return flow

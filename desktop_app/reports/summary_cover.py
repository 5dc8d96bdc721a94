"""The first page: what was decided, what the assessment concludes, where the risks are.

A manager should be able to stop reading after this page: facts, the conclusion in a
box, four key figures and one row per ground with impact and severity as symbol and
word (never colour alone).
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

from desktop_app.domain.checklist import Ground
from desktop_app.domain.model import Direction, Relevance, Status
from desktop_app.reports.flowables import Heading, table
from desktop_app.reports.styles import (
    ACCENT,
    BOX_FILL,
    CONTENT_WIDTH,
    DIRECTION_SYMBOLS,
    DIRECTION_TINTS,
    HEADER_FILL,
    MUTED,
    RULE,
    SEVERITY_MARKS,
)
from desktop_app.reports.summary_context import SummaryContext
from desktop_app.reports.text import format_moment


def cover(c: SummaryContext) -> list[Flowable]:
    d = c.a.decision
    where = " · ".join(x for x in (d.organisation, d.unit) if x)
    flow: list[Flowable] = [
        _top_line(c),
        Spacer(0, 2.5 * mm),
        Heading(d.title, c.u.title) if d.title else Heading(c.t("pdf.untitled"), c.s.title),
    ]
    if where:
        flow.append(c.p(where, "muted"))
    return [
        *flow,
        Spacer(0, 3 * mm),
        _facts(c),
        Spacer(0, 1.5 * mm),
        _signoff(c),
        Spacer(0, 3 * mm),
        _conclusion_box(c),
        Spacer(0, 4 * mm),
        _key_figures(c),
        Spacer(0, 1 * mm),
        *overview(c),
    ]


def _top_line(c: SummaryContext) -> Table:
    approved = c.a.status is Status.APPROVED
    badge = c.p(c.label(c.a.status).upper(), "cell_bold")
    badge.style = badge.style.clone("badge", alignment=1, textColor=colors.black)
    return table(
        [[c.p(c.t("document.title").upper(), "kicker"), badge]],
        [CONTENT_WIDTH - 42 * mm, 42 * mm],
        [
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (0, 0), 0),
            ("BOX", (1, 0), (1, 0), 1.5 if not approved else 0.8, colors.black),
            ("BACKGROUND", (1, 0), (1, 0), colors.white if approved else HEADER_FILL),
        ],
    )


def _facts(c: SummaryContext) -> Table:
    d = c.a.decision
    reviewer = c.data.reviewer or c.t("pdf.not_reviewed")
    status = c.label(c.a.status)
    if c.a.revision > 1:
        status += " · " + c.t("pdf.revision_n", revision=c.a.revision)
    pairs = [
        (c.field("decision", "case_number"), d.case_number),
        (c.field("decision", "decision_body"), d.decision_body),
        (c.field("decision", "decision_date"), c.day(d.decision_date)),
        (c.t("pdf.status"), status),
        (c.field("decision", "author"), d.author),
        (c.t("pdf.reviewer"), reviewer),
    ]
    if c.data.decision_type_name:
        pairs.append((c.field("assessment", "decision_type"), c.data.decision_type_name))
    rows = []
    for i in range(0, len(pairs), 2):
        row = []
        for label, value in pairs[i : i + 2]:
            row += [c.p(label, "head_cell"), c.p(value or c.t("pdf.none"), "cell")]
        rows.append(row + [""] * (4 - len(row)))  # an odd last pair (the decision type)
    label_w = 30 * mm
    value_w = CONTENT_WIDTH / 2 - label_w
    return table(
        rows,
        [label_w, value_w, label_w, value_w],
        [
            ("LINEABOVE", (0, 0), (-1, 0), 0.8, colors.black),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
            ("LEFTPADDING", (0, 0), (0, -1), 0),
        ],
        pairs=True,
    )


def _signoff(c: SummaryContext) -> Flowable:
    """Who approved, when, and the fingerprint, on page 1: what an archivist checks first.
    (The sign-off section at the end has the details and the status history.)"""
    approval = c.data.effective_approval
    if approval is None:
        who = c.t("pdf.not_approved")
        print_fingerprint = c.fingerprint
    else:
        who = c.t(
            "pdf.approved_by", name=approval.signed_by, date=format_moment(approval.at, c.lang)
        )
        print_fingerprint = approval.fingerprint or c.fingerprint
    return c.p(f"{who} · {c.t('pdf.fingerprint', fingerprint=print_fingerprint)}", "cell_bold")


def _conclusion_box(c: SummaryContext) -> Table:
    k = c.a.conclusion
    rows: list[list[Flowable]] = [
        [c.p(c.t("pdf.conclusion"), "kicker")],
        [c.p(c.label(k.outcome) if k.outcome else c.t("pdf.no_outcome"), "outcome")],
    ]
    # Long text one row per piece: rows split between each other in linear time.
    if k.summary.strip():
        rows += [[piece] for piece in c.ps(k.summary)]
    if k.justification.strip():
        rows.append([c.p(c.field("conclusion", "justification"), "label")])
        rows += [[piece] for piece in c.ps(k.justification)]
    if k.followup_date:
        rows.append(
            [c.p(f"{c.field('conclusion', 'followup_date')}: {c.day(k.followup_date)}", "small")]
        )
    return table(
        rows,
        [CONTENT_WIDTH],
        [
            ("BACKGROUND", (0, 0), (-1, -1), BOX_FILL),
            ("LINEBEFORE", (0, 0), (0, -1), 4, ACCENT),
            ("BOX", (0, 0), (-1, -1), 0.6, RULE),
            ("LEFTPADDING", (0, 0), (-1, -1), 10),
            ("RIGHTPADDING", (0, 0), (-1, -1), 10),
            ("TOPPADDING", (0, 0), (-1, 0), 7),
            ("BOTTOMPADDING", (0, -1), (-1, -1), 8),
        ],
    )


def _key_figures(c: SummaryContext) -> Table:
    relevant = [g for g in c.grounds if c.relevance(g) is Relevance.RELEVANT]
    adverse = [g for g in relevant if (d := c.direction(g)) is not None and d.is_adverse]
    overdue = sum(1 for m in c.a.measures if c.is_overdue(m))
    measures_note = c.t("pdf.of_which_overdue", n=overdue) if overdue else ""
    q = c.questions
    unanswered = c.t("pdf.unanswered", n=q.unanswered, total=q.total) if q.unanswered else ""
    figures = [
        (len(relevant), c.t("pdf.figure.relevant", total=len(c.grounds)), ""),
        (len(adverse), c.t("pdf.figure.adverse"), ""),
        (len(c.a.measures), c.t("pdf.figure.measures"), measures_note),
        (len(c.gaps), c.t("pdf.figure.open"), unanswered),
    ]
    cells = []
    for number, label, note in figures:
        cell: list[Flowable] = [c.p(str(number), "figure"), c.p(label, "small")]
        if note:
            cell.append(c.p(note, "cell_bold"))
        cells.append(cell)
    width = CONTENT_WIDTH / 4
    return table(
        [cells],
        [width] * 4,
        [
            ("LINEABOVE", (0, 0), (-1, 0), 0.8, colors.black),
            ("LINEBELOW", (0, 0), (-1, 0), 0.4, RULE),
            ("LINEAFTER", (0, 0), (-2, 0), 0.4, RULE),
            ("LEFTPADDING", (0, 0), (0, 0), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
        ],
    )


def overview(c: SummaryContext) -> list[Flowable]:
    """One row per ground, grouped by checklist where modules add perspectives."""
    header = [
        c.p(text, "head_cell")
        for text in (
            c.t("pdf.ground"),
            c.field("ground", "relevance"),
            c.field("ground", "direction"),
            c.field("ground", "severity"),
            c.t("pdf.measures"),
        )
    ]
    rows: list[list[Flowable | str]] = [header]
    style: list[tuple[object, ...]] = [
        ("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (4, 0), (4, -1), "RIGHT"),
    ]
    several = len(c.data.checklists) > 1
    for checklist in c.data.checklists:
        if several:
            rows.append([c.p(checklist.name.get(c.lang), "cell_bold"), "", "", "", ""])
            style += [
                ("SPAN", (0, len(rows) - 1), (-1, len(rows) - 1)),
                ("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), BOX_FILL),
            ]
        for ground in checklist.grounds:
            rows.append(_overview_row(c, ground))
            direction = c.direction(ground)
            if direction in DIRECTION_TINTS:
                tint = DIRECTION_TINTS[direction]
                style.append(("BACKGROUND", (2, len(rows) - 1), (3, len(rows) - 1), tint))
            if c.relevance(ground) is not Relevance.RELEVANT:
                style.append(("TEXTCOLOR", (0, len(rows) - 1), (-1, len(rows) - 1), MUTED))
    widths = [52 * mm, 33 * mm, 33 * mm, 33 * mm, CONTENT_WIDTH - 151 * mm]
    legend = "\u00a0\u00a0\u00a0 ".join(f"{DIRECTION_SYMBOLS[d]} {c.label(d)}" for d in Direction)
    heading = Heading(c.t("pdf.overview"), c.s.h1, keep=40 * mm)
    grid = table(rows, widths, style, header=True)
    return [heading, grid, Spacer(0, 1.5 * mm), c.p(legend, "muted")]


def _overview_row(c: SummaryContext, ground: Ground) -> list[Flowable | str]:
    ga = c.ground_assessment(ground)
    relevance = c.relevance(ground)
    direction = c.direction(ground)
    severity = ga.severity if ga and direction and direction.is_adverse else None
    muted = relevance is not Relevance.RELEVANT
    style = "muted" if muted else "cell"
    impact = f"{DIRECTION_SYMBOLS[direction]} {c.label(direction)}" if direction else "–"
    if relevance is Relevance.RELEVANT and direction is None:
        impact = c.t("pdf.not_given")
    sev = f"{SEVERITY_MARKS[severity]} {c.label(severity)}" if severity else "–"
    count = len(c.a.measures_for(ground.key))
    return [
        c.p(ground.label(c.lang), "cell_bold" if not muted else "muted"),
        c.p(c.label(relevance), style),
        c.p(impact, "cell_bold" if direction and direction.is_adverse else style),
        c.p(sev, style),
        c.p(str(count) if count else "–", "cell_right" if not muted else "muted"),
    ]

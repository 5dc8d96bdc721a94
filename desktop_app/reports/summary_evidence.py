"""Statistics tables and evidence in the PDF summary: beside the decision and each
relevant ground, and for the other grounds in a section of their own.

A table is printed with its sum, the total its source states, and in words anything
that does not add up, so a reviewer can check the numbers on paper. A file is listed
with its type, size and full SHA-256, so a printout identifies exactly which file was
attached.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether

from desktop_app.domain.evidence import Evidence
from desktop_app.domain.model import Relevance
from desktop_app.domain.statistics import SEX_ROWS, FigureUnit, StatisticsTable
from desktop_app.domain.statistics_text import number, size_text, table_findings
from desktop_app.reports.flowables import Heading, kept, table
from desktop_app.reports.lists import bullets
from desktop_app.reports.styles import CONTENT_WIDTH, RULE
from desktop_app.reports.summary_context import SummaryContext


def for_target(c: SummaryContext, target: str) -> list[Flowable]:
    """The statistics and evidence on the decision (``target`` empty) or one ground."""
    flow: list[Flowable] = []
    tables = [t for t in c.a.statistics if t.target == target]
    if tables:
        flow.append(kept(c.t("statistics.heading"), c.s.label))
        for t in tables:
            flow += _statistics_table(c, t)
    items = [e for e in c.a.evidence if e.target == target]
    if items:
        flow.append(kept(c.t("evidence.heading"), c.s.label))
        flow += bullets([_evidence_line(c, e) for e in items], c.s.body)
        if any(e.is_file for e in items):
            flow.append(c.p(c.t("evidence.hash_note"), "note"))
    return flow


def other_grounds(c: SummaryContext) -> list[Flowable]:
    """Statistics and evidence on grounds that are not printed in depth."""
    in_depth = {g.key for g in c.grounds if c.relevance(g) is Relevance.RELEVANT}
    names = {g.key: g.label(c.lang) for g in c.grounds}
    targets = [
        key
        for key in dict.fromkeys(
            [t.target for t in c.a.statistics] + [e.target for e in c.a.evidence]
        )
        if key and key not in in_depth
    ]
    if not targets:
        return []
    flow: list[Flowable] = [Heading(c.t("evidence.on_ground"), c.s.h1)]
    for key in targets:
        flow.append(Heading(names.get(key, key), c.s.h2, level=1))
        flow += for_target(c, key)
    return flow


def _statistics_table(c: SummaryContext, t: StatisticsTable) -> list[Flowable]:
    unit = c.label(t.unit)
    title = " · ".join(x for x in (t.label, c.label(t.topic), unit) if x)
    source = " · ".join(x for x in (t.source, str(t.year) if t.year else "") if x)
    suffix = " %" if t.unit is FigureUnit.PERCENT else ""
    rows = [[c.p(title, "head_cell"), c.p(c.t("statistics.figure"), "head_right")]]
    for row in SEX_ROWS:
        value = t.figure(row)
        if value is not None:
            rows.append(
                [
                    c.p(c.t(f"statistics.row.{row}"), "cell"),
                    c.p(number(value, c.lang) + suffix, "cell_right"),
                ]
            )
    if t.given:
        rows.append(
            [
                c.p(c.t("statistics.row.sum"), "cell_bold"),
                c.p(number(t.sum, c.lang) + suffix, "head_right"),
            ]
        )
    if t.total is not None:
        key = "statistics.row.total" if t.unit is FigureUnit.COUNT else "statistics.row.base"
        rows.append([c.p(c.t(key), "cell"), c.p(number(t.total, c.lang), "cell_right")])
    grid = table(
        rows,
        [CONTENT_WIDTH - 40 * mm, 40 * mm],
        [("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE)],
        header=True,
    )
    flow: list[Flowable] = [grid]
    if source:
        flow.append(c.p(f"{c.t('statistics.source')}: {source}", "note"))
    flow += [c.p(f"⚠\u00a0{text}", "note") for text in table_findings(c.vocab, t, c.lang)]
    return [KeepTogether(flow)]  # a small table is read whole


def _evidence_line(c: SummaryContext, e: Evidence) -> str:
    kind = c.label(e.kind)
    if e.is_file:
        details = f"{e.media_type}, {size_text(e.size, c.lang)}"
        text = f"{kind}: {e.title} ({details}) {c.t('evidence.sha256')} {e.sha256}"
    else:
        label = f"{e.title}: " if e.title else ""
        text = f"{kind}: {label}{e.reference}"
    if e.note.strip():
        text += f" – {e.note}"
    return text

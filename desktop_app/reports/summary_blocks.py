"""The assessment's document (``domain.document`` blocks) as PDF flowables.

What paper does differently from the screen is decided here: a measure is referred to
by its number, comments on a step are printed with the review at the back (only a
ground's beside it), the checklist answers are in the appendix, and nothing is a link.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from desktop_app.domain.document import (
    Answers,
    Block,
    Bullets,
    Cell,
    Comments,
    Facts,
    Heading,
    Paragraph,
    References,
    Row,
    Style,
    Table,
    TableKind,
    Together,
)
from desktop_app.domain.review import CommentTargetKind
from desktop_app.reports import flowables
from desktop_app.reports.flowables import kept, paras, table
from desktop_app.reports.lists import bullets
from desktop_app.reports.styles import CONTENT_WIDTH, RULE
from desktop_app.reports.summary_context import SummaryContext
from desktop_app.reports.text import CHUNK

WARNING = "⚠\u00a0"
# Column widths by what a table holds (a numbered table's first column is the number).
WIDTHS = {
    TableKind.MEASURES: [9 * mm, CONTENT_WIDTH - 127 * mm, 38 * mm, 32 * mm, 27 * mm, 21 * mm],
    TableKind.OTHER_GROUNDS: [45 * mm, CONTENT_WIDTH - 45 * mm],
    TableKind.FIGURES: [CONTENT_WIDTH - 40 * mm, 40 * mm],
}
RULES = [("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE)]


def render(c: SummaryContext, blocks: Sequence[Block]) -> list[Flowable]:
    flow: list[Flowable] = []
    for index, block in enumerate(blocks):
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        flow += _block(c, block, following)
    return flow


def _block(c: SummaryContext, block: Block, following: Block | None) -> list[Flowable]:
    match block:
        case Heading():
            return _heading(c, block, following)
        case Paragraph():
            return _paragraph(c, block)
        case Bullets():
            lines = [f"{i.prefix}{i.text}{i.suffix}" for i in block.items]
            style = c.u.body if block.typed else c.s.body
            return [kept(block.label, c.s.label), *bullets(lines, style)]
        case Answers():
            return []  # every answer is printed in the appendix
        case References():
            numbers = ", ".join(str(r.number) for r in block.items)
            return [kept(block.label, c.s.label), c.p(c.t("pdf.see_measures", numbers=numbers))]
        case Table():
            return [_table(c, block)]
        case Facts():
            return [_facts(c, block)]
        case Comments():
            return _comments(c, block)
        case Together():
            return [KeepTogether(render(c, block.blocks))]


def _heading(c: SummaryContext, h: Heading, following: Block | None) -> list[Flowable]:
    if h.level == 1:
        return [flowables.Heading(h.text, c.s.h1)]
    if h.level == 2:  # kept with a ground's facts, which follow it
        keep = 45 * mm if isinstance(following, Facts) else 25 * mm
        return [flowables.Heading(h.text, c.s.h2, level=1, keep=keep, bookmark=h.outline)]
    return [Spacer(0, 2 * mm), kept(h.text, c.s.h3)]


def _paragraph(c: SummaryContext, p: Paragraph) -> list[Flowable]:
    if p.style is Style.LABEL:
        return [kept(p.text, c.s.label)] if len(p.text) <= CHUNK else paras(p.text, c.s.label)
    if p.style is Style.WARNING:
        return paras(f"{WARNING}{p.text}", c.s.note)
    if p.typed:  # in the assessment's language
        return c.ps(p.text, "note" if p.style is Style.NOTE else "body")
    return paras(p.text, c.s.note if p.style is Style.NOTE else c.s.body)


def _cell(c: SummaryContext, cell: Cell, right: bool = False) -> Flowable | list[Flowable]:
    if cell.warning:  # the whole cell bold: the date and why it matters
        return c.p(f"{cell.text}\n{WARNING}{cell.warning}", "cell_bold")
    if right:
        return c.p(cell.text, "head_right" if cell.bold else "cell_right")
    style = "cell_bold" if cell.bold else "note" if cell.muted else "cell"
    if cell.typed:  # in the assessment's language
        return c.cell(cell.text, style)
    return flowables.cell(cell.text, getattr(c.s, style))


def _table(c: SummaryContext, t: Table) -> Flowable:
    right = t.kind is TableKind.FIGURES  # the numbers line up on the right
    header = [c.p(text, "head_cell") for text in t.header]
    if right:
        header[-1] = c.p(t.header[-1], "head_right")

    def cells(number: int, row: Row) -> list[Flowable | list[Flowable]]:
        shown = [
            _cell(c, cell, right and i == len(row.cells) - 1) for i, cell in enumerate(row.cells)
        ]
        return [c.p(str(number), "cell"), *shown] if t.numbered else shown

    if t.numbered:
        header.insert(0, c.p(c.t("pdf.number"), "head_cell"))
    rows = [header, *(cells(n, row) for n, row in enumerate(t.rows, 1))]
    return table(rows, WIDTHS[t.kind], RULES, header=True)


def _facts(c: SummaryContext, facts: Facts) -> Flowable:
    rows: list[list[Flowable | list[Flowable]]] = []
    for index in range(0, len(facts.pairs), 2):
        row: list[Flowable | list[Flowable]] = []
        for label, value in facts.pairs[index : index + 2]:
            row += [c.p(label, "head_cell"), _cell(c, value)]
        rows.append(row)
    return table(
        rows,
        [24 * mm, CONTENT_WIDTH / 2 - 24 * mm, 34 * mm, CONTENT_WIDTH / 2 - 34 * mm],
        [
            ("LINEABOVE", (0, 0), (-1, 0), 0.8, colors.black),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
            ("LEFTPADDING", (0, 0), (0, -1), 0),
        ],
        pairs=True,  # each label a row header of the value beside it
    )


def _comments(c: SummaryContext, block: Comments) -> list[Flowable]:
    """A ground's review comments beside it; the steps' are printed at the back."""
    if block.target.kind is not CommentTargetKind.GROUND:
        return []
    flow: list[Flowable] = []
    for note in (n for n in c.data.review_notes if n.about == block.target.key):
        text = f"{c.t('pdf.review_comment')} ({note.author}): {note.text}"
        flow += paras(text, c.s.note)  # the label in the document's language
        flow += c.addressed(note)
    return flow

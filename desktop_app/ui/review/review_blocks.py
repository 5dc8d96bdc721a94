"""The assessment's document (``domain.document`` blocks) as review mode's HTML.

What the screen does differently from paper is decided here: every step, ground and
measure has an anchor named after its comment target (``ground:age``) and, while the
assessment is in review, a "Comment…" link; comments are shown in place; a measure is
a link, not a number; the checklist answers are shown beside their ground.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from desktop_app.domain.document import (
    Answers,
    Block,
    Bullets,
    Cell,
    Comments,
    Facts,
    Heading,
    Item,
    Paragraph,
    References,
    Style,
    Table,
    TableKind,
    Together,
)
from desktop_app.ui.review.html_parts import anchor, heading, link, para, table, text

if TYPE_CHECKING:
    from desktop_app.ui.review.review_html import ReviewHtml

# Column widths in per cent, the comment links' column last.
WIDTHS = {
    TableKind.MEASURES: (34, 18, 14, 12, 10, 12),
    TableKind.OTHER_GROUNDS: (28, 60, 12),
    TableKind.FIGURES: (70, 30),
}


def render(b: ReviewHtml, blocks: Sequence[Block]) -> str:
    return "".join(_block(b, block) for block in blocks)


def _block(b: ReviewHtml, block: Block) -> str:
    match block:
        case Heading():
            return _heading(b, block)
        case Paragraph():
            return _paragraph(block)
        case Bullets() | Answers():
            return _label(block.label) + _list(_item(i) for i in block.items)
        case References():
            items = (f"<li>{link(f'#{r.target}', r.text)}</li>" for r in block.items)
            return _label(block.label) + _list(items)
        case Table():
            return _table(b, block)
        case Facts():
            rows = []
            for index in range(0, len(block.pairs), 2):
                row = []
                for label, value in block.pairs[index : index + 2]:
                    row += [f"<b>{text(label)}</b>", _cell(value)]
                rows.append(row)
            return table(rows, widths=(18, 32, 18, 32))
        case Comments():
            return b.comments_on(block.target)
        case Together():
            return render(b, block.blocks)


def _heading(b: ReviewHtml, h: Heading) -> str:
    level = 2 if h.level == 1 else 3
    if h.target is None:
        return heading(level, h.text)
    return heading(level, h.text, name=str(h.target), extra=b.comment_link(h.target))


def _paragraph(p: Paragraph) -> str:
    if p.style is Style.LABEL:
        return _label(p.text)
    if p.style is Style.WARNING:
        return f"<p>⚠ {text(p.text)}</p>"
    return para(p.text, "muted" if p.style is Style.NOTE else "")


def _label(value: str) -> str:
    return f'<p class="label">{text(value)}</p>'


def _list(items: Iterable[str]) -> str:
    return f"<ul>{''.join(items)}</ul>"


def _item(item: Item) -> str:
    shown = link(item.link, item.text) if item.link else text(item.text)
    if item.prefix or item.suffix:  # the words around a link, spaces kept
        shown = html.escape(item.prefix) + shown + html.escape(item.suffix)
    if item.detail:
        shown += f"<br/><b>{text(item.detail)}</b>"
    return f"<li>{shown}</li>"


def _cell(cell: Cell) -> str:
    shown = text(cell.text)
    if cell.bold:
        shown = f"<b>{shown}</b>"
    elif cell.muted:
        shown = f"<i>{shown}</i>"
    if cell.warning:
        shown += f"<br/><b>⚠ {text(cell.warning)}</b>"
    return shown


def _table(b: ReviewHtml, t: Table) -> str:
    """A table; a row that is a comment target gets its anchor, its "Comment…" link in
    a last column, and its comments in its last cell or (``comments_in_rows`` off)
    after the table, each saying what it is about."""
    targets = [row.target for row in t.rows if row.target is not None]
    header = [text(h) for h in t.header] + ([""] if targets else [])
    rows = []
    for row in t.rows:
        cells = [_cell(cell) for cell in row.cells]
        if row.target is not None:
            cells[0] = anchor(str(row.target)) + cells[0]
            if t.comments_in_rows:
                cells[-1] += b.comments_on(row.target)
            cells.append(b.comment_link(row.target))
        rows.append(cells)
    flow = [table(rows, header, widths=WIDTHS[t.kind])]
    if targets and not t.comments_in_rows:
        kinds = {target.kind for target in targets}
        for comment in (c for c in b.data.comments if c.target.kind in kinds):
            flow.append(b.comment_box(comment, about=b.names.name(comment.target)))
    return "".join(flow)

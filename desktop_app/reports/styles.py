"""The look shared by every Lika PDF: type sizes, greys, and the impact symbols.

The documents are printed on office printers, often in black and white, so meaning is
carried by words and shapes; colour only tints what the words already say.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from desktop_app.domain.document import DIRECTION_SYMBOLS, SEVERITY_MARKS
from desktop_app.domain.model import Direction
from desktop_app.reports.fonts import BOLD, REGULAR
from desktop_app.reports.page import CONTENT_WIDTH

__all__ = ["CONTENT_WIDTH", "DIRECTION_SYMBOLS", "SEVERITY_MARKS", "Styles"]

INK = colors.Color(0.1, 0.1, 0.1)
MUTED = colors.Color(0.38, 0.38, 0.38)
RULE = colors.Color(0.6, 0.6, 0.6)
HEADER_FILL = colors.Color(0.88, 0.88, 0.88)
BOX_FILL = colors.Color(0.95, 0.95, 0.95)
ACCENT = colors.Color(0.12, 0.26, 0.45)

# Light tints that stay light in greyscale, so black text on them stays readable.
DIRECTION_TINTS = {
    Direction.POSITIVE: colors.Color(0.86, 0.94, 0.86),
    Direction.NEGATIVE: colors.Color(0.98, 0.84, 0.84),
    Direction.MIXED: colors.Color(0.99, 0.92, 0.78),
}


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    small: ParagraphStyle
    muted: ParagraphStyle
    label: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_right: ParagraphStyle
    head_cell: ParagraphStyle
    head_right: ParagraphStyle
    kicker: ParagraphStyle
    title: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    outcome: ParagraphStyle
    figure: ParagraphStyle
    note: ParagraphStyle
    question: ParagraphStyle
    answer: ParagraphStyle
    answer_missing: ParagraphStyle


def make_styles(lang: str = "") -> Styles:
    """The styles of a report; with ``lang``, for text in that language where the
    document is in another (the structure tree marks it, ``tagging.lang_of``)."""
    base = ParagraphStyle(
        "body",
        fontName=REGULAR,
        fontSize=9.5,
        leading=13.2,
        alignment=TA_LEFT,
        textColor=INK,
        splitLongWords=1,
    )
    base.lang = lang  # every style below copies it from its parent
    cell = ParagraphStyle("cell", parent=base, fontSize=8.5, leading=11)
    return Styles(
        body=base,
        small=ParagraphStyle("small", parent=base, fontSize=8, leading=10.5),
        muted=ParagraphStyle("muted", parent=base, fontSize=8, leading=10.5, textColor=MUTED),
        label=ParagraphStyle(
            "label",
            parent=base,
            fontName=BOLD,
            fontSize=8.5,
            leading=11,
            spaceBefore=5,
        ),
        cell=cell,
        cell_bold=ParagraphStyle("cell_bold", parent=cell, fontName=BOLD),
        cell_right=ParagraphStyle("cell_right", parent=cell, alignment=TA_RIGHT),
        head_cell=ParagraphStyle("head_cell", parent=cell, fontName=BOLD, fontSize=8),
        head_right=ParagraphStyle(
            "head_right", parent=cell, fontName=BOLD, fontSize=8, alignment=TA_RIGHT
        ),
        kicker=ParagraphStyle(
            "kicker", parent=base, fontName=BOLD, fontSize=8.5, leading=11, textColor=ACCENT
        ),
        title=ParagraphStyle(
            "title", parent=base, fontName=BOLD, fontSize=18, leading=22.5, spaceAfter=2
        ),
        h1=ParagraphStyle(
            "h1",
            parent=base,
            fontName=BOLD,
            fontSize=13,
            leading=16.5,
            spaceBefore=12,
            spaceAfter=5,
            textColor=ACCENT,
        ),
        h2=ParagraphStyle(
            "h2",
            parent=base,
            fontName=BOLD,
            fontSize=11,
            leading=14,
            spaceBefore=9,
            spaceAfter=1,
        ),
        h3=ParagraphStyle(
            "h3",
            parent=base,
            fontName=BOLD,
            fontSize=9.5,
            leading=12.5,
            spaceBefore=6,
        ),
        outcome=ParagraphStyle("outcome", parent=base, fontName=BOLD, fontSize=12.5, leading=16),
        figure=ParagraphStyle("figure", parent=base, fontName=BOLD, fontSize=16, leading=19),
        note=ParagraphStyle("note", parent=base, fontSize=8, leading=10.5, textColor=MUTED),
        # A numbered list: the number hangs left of the question (``lists.hanging``).
        question=ParagraphStyle("question", parent=cell, spaceBefore=4, leftIndent=16),
        answer=ParagraphStyle("answer", parent=cell, leftIndent=16),
        answer_missing=ParagraphStyle(
            "answer_missing", parent=cell, leftIndent=16, textColor=MUTED
        ),
    )

"""Building blocks shared by the summary and the portfolio report: headings that become
bookmarks, tables that never fall back to Helvetica, user text as safe paragraphs."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import count
from typing import Any, BinaryIO

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)

from desktop_app.reports.fonts import REGULAR
from desktop_app.reports.output import LateFile
from desktop_app.reports.page import BODY_BOTTOM, BODY_TOP, CONTENT_WIDTH, MARGIN
from desktop_app.reports.styles import HEADER_FILL, RULE
from desktop_app.reports.tagging import TaggingFrame
from desktop_app.reports.text import chunks, markup

_keys = count(1)


class KeptParagraph(Paragraph):
    """A paragraph that moves to the next page unless ``keep`` points of what follows
    fit under it: a heading or label never ends a page alone.

    Cheaper than KeepTogether or keepWithNext, which lay the following content out
    twice; the price is that ``keep`` is an estimate, not a measurement. A paragraph
    taller than a page is split like any other: reportlab makes the pieces by calling
    this class with its own keyword arguments (``frags``, ``bulletText``), and a piece
    is a continuation that keeps nothing.
    """

    def __init__(
        self, text: str | None, style: ParagraphStyle, keep: float = 0.0, **pieces: Any
    ) -> None:
        super().__init__(text, style, **pieces)
        self.keep = keep
        self._moved = bool(pieces)

    def wrap(self, width: float, height: float) -> tuple[float, float]:
        available = height
        width, height = super().wrap(width, available)
        if not self._moved and height + self.keep > available >= height:
            return width, available + 1  # does not fit: the frame asks split() next
        return width, height

    def split(self, width: float, height: float) -> list[Flowable]:
        if not self._moved:
            self._moved = True  # once: on the next page it is laid out as usual
            return []
        parts: list[Flowable] = super().split(width, height)
        return parts


def kept(text: str, style: ParagraphStyle, keep: float = 12 * mm) -> KeptParagraph:
    """A label for user text: kept with at least ``keep`` points of what follows."""
    return KeptParagraph(markup(text), style, keep)


class Heading(KeptParagraph):
    """A heading that also becomes a PDF bookmark at ``level`` (0 = section). A heading
    longer than a page (a very long title) is split; its first piece carries the
    bookmark."""

    bookmark_key: str | None = None

    def __init__(
        self,
        text: str | None,
        style: ParagraphStyle,
        level: int = 0,
        keep: float = 25 * mm,
        bookmark: str | None = None,
        **pieces: Any,
    ) -> None:
        if pieces:  # a piece of a split heading: its text is already markup
            super().__init__(text, style, **pieces)
            return
        super().__init__(markup(text or ""), style, keep)
        self.bookmark_key = f"h{next(_keys)}"
        # The outline shows words only: a symbol drawn beside a heading (▼ for a negative
        # impact) is read aloud or shown as a box by many viewers.
        self.bookmark_title = (text or "") if bookmark is None else bookmark
        self.bookmark_level = level

    def split(self, width: float, height: float) -> list[Flowable]:
        found = super().split(width, height)
        if found and isinstance(found[0], Heading):
            first = found[0]
            first.bookmark_key = self.bookmark_key
            first.bookmark_title = getattr(self, "bookmark_title", "")
            first.bookmark_level = getattr(self, "bookmark_level", 0)
        return found


def body_frame() -> Frame:
    """The text area of every page, without padding so tables and text line up."""
    return TaggingFrame(
        MARGIN,
        BODY_BOTTOM,
        CONTENT_WIDTH,
        BODY_TOP - BODY_BOTTOM,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )


class BookmarkingDoc(BaseDocTemplate):
    """Adds an outline entry for every ``Heading`` as it is laid out."""

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, Heading) and flowable.bookmark_key is not None:
            self.canv.bookmarkPage(flowable.bookmark_key)
            self.canv.addOutlineEntry(
                flowable.bookmark_title[:200],
                flowable.bookmark_key,
                level=flowable.bookmark_level,
                closed=flowable.bookmark_level > 0,
            )


def report_doc(
    target: BinaryIO | str | LateFile,
    *,
    title: str,
    author: str,
    subject: str,
    keywords: list[str],
    lang: str,
) -> BookmarkingDoc:
    """An A4 document of Lika's reports: the margins, the body frame, the metadata."""
    doc = BookmarkingDoc(
        target,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=title,
        author=author,
        subject=subject,
        keywords=keywords,
        creator="Lika",
        lang=lang,
        initialFontName=REGULAR,
    )
    doc.addPageTemplates([PageTemplate("page", [body_frame()])])
    return doc


def para(text: str, style: ParagraphStyle) -> Paragraph:
    """One paragraph of (short) user or label text, shown literally."""
    return Paragraph(markup(text), style)


def paras(text: str, style: ParagraphStyle) -> list[Flowable]:
    """User text of any length as paragraphs of bounded size (a megabyte in one field
    would otherwise be re-wrapped for every page it fills)."""
    return [Paragraph(markup(piece), style) for piece in chunks(text)]


GRID = ("GRID", (0, 0), (-1, -1), 0.4, RULE)
LINES = ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE)


TALL_CELL = 2500  # characters: more than a quarter page in a narrow column


def _text_length(cell: object) -> int:
    if isinstance(cell, Paragraph):
        return len(cell.text)
    if isinstance(cell, list | tuple):
        return sum(_text_length(c) for c in cell)
    return len(cell) if isinstance(cell, str) else 0


class FlowingTable(Table):
    """A table whose rows may be split inside when one is taller than a page.

    Splitting inside rows is only switched on for such a table (see ``table``); this
    decides it from the measured row heights, so no estimate of characters per cell
    can be wrong for a narrow column (a 1,100-character owner, 2,000 characters of
    groups stopped the whole document with a LayoutError)."""

    splitInRow: int  # noqa: N815  (reportlab's name, set by Table.__init__)
    # For the structure tree (``tagging.Recorder.table_callback``): "pairs" for a
    # table of labels and values; the table the pieces of a split one come from.
    tag_role = ""
    tag_origin: Table | None = None

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        if not self.splitInRow:
            heights = getattr(self, "_rowHeights", None) or []
            header = heights[0] if self.repeatRows and heights else 0
            if heights and max(heights) > BODY_TOP - BODY_BOTTOM - header:
                self.splitInRow = 1
        parts: list[Flowable] = super().split(availWidth, availHeight)
        for part in parts:
            if isinstance(part, FlowingTable):
                part.tag_role = self.tag_role
                part.tag_origin = self.tag_origin or self
        return parts


def cell(text: str, style: ParagraphStyle) -> Flowable | list[Flowable]:
    """User text for a table cell: one paragraph, or for long text paragraphs of
    bounded size, so that a cell split over pages is never re-wrapped whole again."""
    pieces = chunks(text)
    if len(pieces) == 1:
        return Paragraph(markup(pieces[0]), style)
    return [Paragraph(markup(piece), style) for piece in pieces]


def table(
    rows: Sequence[Sequence[Flowable | str | list[Flowable]]],
    widths: Sequence[float],
    style: Sequence[tuple[object, ...]] = (),
    *,
    header: bool = False,
    pairs: bool = False,
) -> Table:
    """A table with the document font, top-aligned cells and, if ``header``, a shaded
    first row that repeats on every page the table runs over; with ``pairs``, its
    columns are label, value, label, value (read as row headers and their values)."""
    # splitInRow: a cell taller than a page (a pasted report in one field) continues on
    # the next page instead of stopping the whole document. Only then: reportlab also
    # splits ordinary rows with it, repeating the header in mid-page.
    result = FlowingTable(
        [list(r) for r in rows],
        colWidths=list(widths),
        repeatRows=1 if header else 0,
        splitInRow=1 if any(_text_length(cell) > TALL_CELL for row in rows for cell in row) else 0,
    )
    base: list[tuple[object, ...]] = [
        ("FONT", (0, 0), (-1, -1), REGULAR, 8.5),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    if header:
        base += [
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
        ]
    result.setStyle(TableStyle([*base, *style]))
    result.tag_role = "pairs" if pairs else ""
    return result

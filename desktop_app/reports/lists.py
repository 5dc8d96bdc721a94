"""Lists in the PDF: a bullet or number beside each item, tagged as L, LI, Lbl and LBody.

An item is a paragraph with reportlab's bullet text (the label hangs left of the body).
In a tagged PDF the label and the body are two pieces of marked content: reportlab draws
the label first, as a text object of its own, so the item's ``draw`` closes the Lbl and
opens the LBody right after that first text object. A paragraph that belongs under an
item (an appendix answer under its numbered question) carries ``list_item`` and goes
into the item's LBody (``tagging.Recorder.parent_of``); so does the rest of an item split
over two pages.
"""

from __future__ import annotations

from collections.abc import Iterable

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import Flowable, Paragraph

from desktop_app.reports.flowables import KeptParagraph
from desktop_app.reports.tagging import Element, Recorder, lang_of
from desktop_app.reports.text import chunks, markup

BULLET = "•"
BULLET_INDENT = 10.0  # points between the left edge and a bulleted item's text


class ListItem:
    """One item of a list while the document is laid out: the list it is in (``key``,
    shared by the items of one list) and, once drawn, its LBody element."""

    def __init__(self, key: object) -> None:
        self.key = key
        self.body: Element | None = None


class ItemParagraph(KeptParagraph):
    """A list item's paragraph; its first piece draws the label (``bulletText``)."""

    tags_itself = True  # the frame leaves the structure to draw()
    list_item: ListItem | None = None

    def split(self, width: float, height: float) -> list[Flowable]:
        parts = super().split(width, height)
        for part in parts:
            part.list_item = self.list_item
        return parts

    def draw(self) -> None:
        canvas = self.canv
        recorder: Recorder | None = getattr(canvas, "tags", None)
        item = self.list_item
        if recorder is None or item is None:
            super().draw()
            return
        if not self.bulletText:  # the rest of an item begun on the page before
            if item.body is None:
                item.body = recorder.list_item(item.key, lang_of(self))[1]
            recorder.begin(canvas, item.body)
            super().draw()
            recorder.end(canvas)
            return
        label, item.body = recorder.list_item(item.key, lang_of(self))
        body = item.body
        draw_text = canvas.drawText

        def after_label(text: PDFTextObject) -> None:
            draw_text(text)  # the label: reportlab draws it before the body's text
            delattr(canvas, "drawText")
            recorder.end(canvas)
            recorder.begin(canvas, body)

        recorder.begin(canvas, label)
        setattr(canvas, "drawText", after_label)  # noqa: B010  (on this canvas only)
        try:
            super().draw()
        finally:
            if "drawText" in vars(canvas):  # no label was drawn after all
                delattr(canvas, "drawText")
                recorder.end(canvas)
                recorder.begin(canvas, body)
        recorder.end(canvas)


def hanging(style: ParagraphStyle, indent: float) -> ParagraphStyle:
    """``style`` for list items: the text ``indent`` points in, the label at the edge."""
    return style.clone(
        f"{style.name}-item",
        leftIndent=indent,
        firstLineIndent=0,
        bulletIndent=0,
        bulletFontName=style.fontName,
        bulletFontSize=style.fontSize,
        bulletColor=style.textColor,
    )


def item(
    text_markup: str, style: ParagraphStyle, label: str, within: ListItem, keep: float = 0.0
) -> ItemParagraph:
    """One item whose text is already markup, with ``label`` (a bullet or "3.")."""
    paragraph = ItemParagraph(text_markup, style, keep, bulletText=label)
    paragraph.list_item = within
    return paragraph


def under(paragraph: Flowable, within: ListItem) -> Flowable:
    """``paragraph`` as more of the item ``within`` (into its LBody)."""
    paragraph.list_item = within
    return paragraph


def bullets(texts: Iterable[str], style: ParagraphStyle) -> list[Flowable]:
    """User texts as a bulleted list; a long text goes on in paragraphs of bounded
    size under its bullet."""
    key = object()
    shape = hanging(style, BULLET_INDENT)
    flow: list[Flowable] = []
    for text in texts:
        first, *rest = chunks(text)
        within = ListItem(key)
        flow.append(item(markup(first), shape, BULLET, within))
        flow += [under(Paragraph(markup(piece), shape), within) for piece in rest]
    return flow

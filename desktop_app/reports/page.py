"""What every page of a Lika PDF carries: header, footer with "page x of y", and the
diagonal DRAFT mark on anything not approved.

"Page x of y" needs the page count before the first page is finished, so the canvas
remembers each page's state and draws the decorations when the document is saved.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, BinaryIO

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfdoc import (
    PDFArray,
    PDFBase85Encode,
    PDFDictionary,
    PDFName,
    PDFPage,
    PDFStream,
    PDFZCompress,
)
from reportlab.pdfgen.canvas import Canvas

from desktop_app.reports.fonts import BOLD, REGULAR
from desktop_app.reports.output import Finish, LateFile
from desktop_app.reports.tagging import Recorder
from desktop_app.reports.text import font_runs, text_width

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 20 * mm
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN
# The text area: below the running header, above the two-line footer.
BODY_TOP = PAGE_HEIGHT - 18 * mm
BODY_BOTTOM = 22 * mm
FOOTER_RULE = 17 * mm
GREY = colors.Color(0.3, 0.3, 0.3)


@dataclass(frozen=True)
class PageDecor:
    """The texts every page shows (already in drawing order, see ``text.visual``);
    ``footer_right`` is filled in with page and pages."""

    header: str
    footer_lines: tuple[str, ...]
    footer_right: Callable[[int, int], str]
    draft_mark: str | None
    header_on_first_page: bool = False


def canvas_maker(
    decor: PageDecor, tags: Recorder | None = None, finish: Finish | None = None
) -> type[Canvas]:
    """A Canvas class that draws ``decor`` on every page once the page count is known;
    with ``tags``, the flowables are recorded for the structure tree and the decorations
    are marked as artifacts (``reports.tagging``); ``finish`` is handed reportlab's
    document once every page is in it, before it is written (``output.pdfa_finish``)."""

    class DecoratedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._saved_pages: list[dict[str, Any]] = []
            self.tags = tags

        def showPage(self) -> None:
            # A page's drawing operations are kept compressed until the page count is
            # known: a report of thousands of pages would otherwise hold them all as
            # strings (about 10 times the memory).
            state = dict(self.__dict__)
            state["_code"] = zlib.compress("\n".join(self._code).encode(), 1)
            self._saved_pages.append(state)
            self._startPage()

        def save(self) -> None:
            pages = self._saved_pages
            total = len(pages)
            pages.reverse()
            while pages:  # each page's state is let go once it is in the document
                state = pages.pop()
                self.__dict__.update(state)
                self._code = [zlib.decompress(state["_code"]).decode()]
                del state
                self._decorate(self._pageNumber, total)
                super().showPage()
                _compress_now(self._doc.Pages.pages[-1])
            if finish is not None:
                finish(self._doc)
            target = getattr(self, "_filename")  # noqa: B009  (untyped in reportlab)
            if not isinstance(target, LateFile):
                super().save()
                return

            def write(file: BinaryIO) -> None:
                self._filename = file
                Canvas.save(self)

            target.save(write)  # the file is made only now, and written as it is formatted

        def _decorate(self, page: int, pages: int) -> None:
            if self.tags is not None:
                self.tags.begin_artifact(self)
            self._draw_decor(page, pages)
            if self.tags is not None:
                self.tags.end(self)

        def _draw_decor(self, page: int, pages: int) -> None:
            self.saveState()
            if decor.draft_mark:
                self.setFont(BOLD, 110)
                self.setFillColor(colors.Color(0.55, 0.55, 0.55, alpha=0.22))
                self.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
                self.rotate(52)
                self.drawCentredString(0, -38, decor.draft_mark)
                self.rotate(-52)
                self.translate(-PAGE_WIDTH / 2, -PAGE_HEIGHT / 2)
            self.setFillColor(GREY)
            self.setStrokeColor(GREY)
            self.setLineWidth(0.5)
            self.setFont(REGULAR, 7.5)
            if page > 1 or decor.header_on_first_page:
                top = PAGE_HEIGHT - 12 * mm
                self._line_of_text(MARGIN, top, _fit(decor.header, CONTENT_WIDTH - 30 * mm))
                if decor.draft_mark:
                    self._line_of_text(PAGE_WIDTH - MARGIN, top, decor.draft_mark, BOLD, right=True)
                self.line(MARGIN, top - 2 * mm, PAGE_WIDTH - MARGIN, top - 2 * mm)
            self.line(MARGIN, FOOTER_RULE, PAGE_WIDTH - MARGIN, FOOTER_RULE)
            y = FOOTER_RULE - 4 * mm
            for line in decor.footer_lines:
                self._line_of_text(MARGIN, y, _fit(line, CONTENT_WIDTH - 30 * mm))
                y -= 3.6 * mm
            self._line_of_text(
                PAGE_WIDTH - MARGIN,
                FOOTER_RULE - 4 * mm,
                decor.footer_right(page, pages),
                BOLD,
                8,
                right=True,
            )
            self.restoreState()

        def _line_of_text(
            self,
            x: float,
            y: float,
            text: str,
            font: str = REGULAR,
            size: float = 7.5,
            *,
            right: bool = False,
        ) -> None:
            """Draw ``text`` from ``x`` (or ending at ``x``), characters the embedded
            font lacks in the document's fallback font, as the body does."""
            if right:
                x -= text_width(text, font, size)
            line = self.beginText(x, y)
            for face, run in font_runs(text, font):
                line.setFont(face, size)
                line.textOut(run)
            self.drawText(line)

    return DecoratedCanvas


def _compress_now(page: PDFPage) -> None:
    """Compress a finished page's drawing operations now rather than when the document
    is written: reportlab keeps every page's text until then, uncompressed. The filters
    are the ones reportlab would apply (``PDFPage.check_format``: Flate, then ASCII85
    where ``rl_config.useA85``, its default), so the file is the same."""
    if not page.compression or not page.stream or page.Contents:
        return
    filters = [PDFBase85Encode, PDFZCompress] if rl_config.useA85 else [PDFZCompress]
    content: str | bytes = page.stream
    for step in reversed(filters):  # as PDFStream.format: the last listed first
        content = step.encode(content)
    names = PDFArray([PDFName(step.pdfname) for step in filters])
    page.Contents = PDFStream(PDFDictionary({"Filter": names}), content)
    page.stream = None


def _fit(text: str, width: float, font: str = REGULAR, size: float = 7.5) -> str:
    """Shorten ``text`` with an ellipsis so it fits ``width`` points."""
    if text_width(text, font, size) <= width:
        return text
    low, high = 0, len(text)
    while low < high:  # the longest prefix that fits, found by halving
        middle = (low + high + 1) // 2
        if text_width(text[:middle] + "…", font, size) <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low] + "…"

"""What every page of a Lika PDF carries: header, footer with "page x of y", and the
diagonal DRAFT mark on anything not approved.

"Page x of y" needs the page count before the first page is finished, so the canvas
remembers each page's state and draws the decorations when the document is saved.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from desktop_app.reports.fonts import BOLD, REGULAR

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 20 * mm


@dataclass(frozen=True)
class PageDecor:
    """The texts every page shows; ``footer`` is filled in with page and pages."""

    header: str
    footer_left: str
    footer_right: Callable[[int, int], str]
    draft_mark: str | None


def canvas_maker(decor: PageDecor) -> type[Canvas]:
    """A Canvas class that draws ``decor`` on every page once the page count is known."""

    class DecoratedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._saved_pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._saved_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._saved_pages)
            for state in self._saved_pages:
                self.__dict__.update(state)
                self._decorate(self._pageNumber, total)
                super().showPage()
            super().save()

        def _decorate(self, page: int, pages: int) -> None:
            self.saveState()
            if decor.draft_mark:
                self.setFont(BOLD, 96)
                self.setFillColor(colors.Color(0.75, 0.75, 0.75, alpha=0.35))
                self.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
                self.rotate(45)
                self.drawCentredString(0, -30, decor.draft_mark)
                self.rotate(-45)
                self.translate(-PAGE_WIDTH / 2, -PAGE_HEIGHT / 2)
            self.setFillColor(colors.Color(0.3, 0.3, 0.3))
            self.setFont(REGULAR, 8)
            if page > 1:
                self.drawString(MARGIN, PAGE_HEIGHT - 12 * mm, decor.header)
                self.line(
                    MARGIN, PAGE_HEIGHT - 13.5 * mm, PAGE_WIDTH - MARGIN, PAGE_HEIGHT - 13.5 * mm
                )
            self.line(MARGIN, 14.5 * mm, PAGE_WIDTH - MARGIN, 14.5 * mm)
            self.drawString(MARGIN, 10 * mm, decor.footer_left)
            self.drawRightString(PAGE_WIDTH - MARGIN, 10 * mm, decor.footer_right(page, pages))
            self.restoreState()

    return DecoratedCanvas

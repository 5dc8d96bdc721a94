"""Short plain text in table cells, wrapped by width alone.

A ``Paragraph`` parses its text as markup, with an HTML parser, every time one is made:
for the portfolio's hundreds of thousands of cells that was most of the report's time.
The cells of a long listing are plain user text in one style (a title, a date, a
count), so ``TextLines`` only measures words and breaks lines, and draws them as
strings. It shows text as ``plain`` does for the canvas (cleaned, in drawing order,
with undrawable characters replaced): literally, like ``para``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import Flowable

from desktop_app.reports import fallback
from desktop_app.reports.text import font_runs, plain, text_width

Measure = Callable[[str, str, float], float]


def _measure() -> Measure:
    """How wide a string is: with a fallback font in use (CJK), its characters are
    measured in it; without, the plain measure of the listing's one font (fast)."""
    return text_width if fallback.active() is not None else stringWidth


MAX_LINES = 20  # a longer text (a pasted report as a measure) is cut in a listing


def wrap_words(text: str, font: str, size: float, width: float) -> list[str]:
    """``text`` broken into lines no wider than ``width`` at spaces and newlines; a word
    wider than a line is cut between characters."""
    lines: list[str] = []
    measure = _measure()
    space = measure(" ", font, size)
    for paragraph in text.split("\n"):
        line: list[str] = []
        used = 0.0
        for word in paragraph.split():
            measured = measure(word, font, size)
            while measured > width and len(word) > 1:
                if line:
                    lines.append(" ".join(line))
                    line, used = [], 0.0
                cut = _longest_prefix(word, font, size, width, measure)
                lines.append(word[:cut])
                word = word[cut:]
                measured = measure(word, font, size)
            if line and used + space + measured > width:
                lines.append(" ".join(line))
                line, used = [], 0.0
            used += (space if line else 0.0) + measured
            line.append(word)
        lines.append(" ".join(line))
    return lines


def _longest_prefix(word: str, font: str, size: float, width: float, measure: Measure) -> int:
    low, high = 1, len(word)
    while low < high:
        middle = (low + high + 1) // 2
        if measure(word[:middle], font, size) <= width:
            low = middle
        else:
            high = middle - 1
    return low


class TextLines(Flowable):
    """One or more pieces of plain text, each in its own paragraph style, one under the
    other (a title with its unit in grey): laid out as that style's ``Paragraph`` would
    be, for a fraction of the cost."""

    def __init__(
        self, pieces: Sequence[tuple[str, ParagraphStyle]], max_lines: int = MAX_LINES
    ) -> None:
        super().__init__()
        # plain() drops control characters, newlines too: keep them as line breaks.
        self.pieces = [
            ("\n".join(plain(part) for part in text.split("\n")), style) for text, style in pieces
        ]
        self.max_lines = max_lines
        self._lines: list[tuple[str, ParagraphStyle]] = []
        self._wrapped_at = -1.0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        if available_width != self._wrapped_at:
            self._lines = [
                (line, style)
                for text, style in self.pieces
                for line in wrap_words(text, style.fontName, style.fontSize, available_width)
            ]
            if len(self._lines) > self.max_lines:  # a listing shows the start of long text
                del self._lines[self.max_lines :]
                last, style = self._lines[-1]
                self._lines[-1] = (_fit(last + " …", style, available_width), style)
            self._wrapped_at = available_width
        self.width = available_width
        self.height = sum(style.leading for _, style in self._lines)
        return self.width, self.height

    def draw(self) -> None:
        text = self.canv.beginText()
        self.draw_into(text, 0, self.height)
        self.canv.drawText(text)

    def draw_into(self, text: PDFTextObject, x: float, top: float) -> None:
        """Add the lines to ``text`` (shared by a whole page of cells: one text object
        instead of one per line), the first line's top at ``top``."""
        measure = _measure()
        mixed = measure is text_width
        for line, style in self._lines:
            font, size = style.fontName, style.fontSize
            if text._fontname != font or text._fontsize != size:
                text.setFont(font, size, style.leading)
            if getattr(text, "_lika_fill", None) is not style.textColor:
                text.setFillColor(style.textColor)
                text._lika_fill = style.textColor
            left = x
            if style.alignment == TA_RIGHT:
                left += self.width - measure(line, font, size)
            text.setTextOrigin(left, top - size)
            if not mixed:
                text.textOut(line)
            else:  # characters of the fallback font in it, the rest in the cell's
                for face, run in font_runs(line, font):
                    if text._fontname != face:
                        text.setFont(face, size, style.leading)
                    text.textOut(run)
            top -= style.leading


def _fit(line: str, style: ParagraphStyle, width: float) -> str:
    measure = _measure()
    while len(line) > 2 and measure(line, style.fontName, style.fontSize) > width:
        line = line[:-3] + " …"
    return line

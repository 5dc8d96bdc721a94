"""Long listings in PDFs are laid out a page at a time: every row is made once and
measured about once, so a report grows linearly with its rows (issue 18)."""

from __future__ import annotations

import io

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.platypus import Flowable, PageTemplate, Paragraph

from desktop_app.progress import Cancelled, TerminalProgress
from desktop_app.reports.flowables import BookmarkingDoc, body_frame
from desktop_app.reports.fonts import register_fonts
from desktop_app.reports.streamed_table import StreamedTable
from desktop_app.reports.styles import make_styles
from desktop_app.reports.text_lines import TextLines, wrap_words
from tests.pdfcheck import pdf_text


class Counting:
    def __init__(self) -> None:
        self.made: list[int] = []
        self.advanced = 0
        self.cancelled = False

    def start(self, total: int, label: str = "") -> None:
        pass

    def advance(self, steps: int = 1) -> None:
        self.advanced += steps


def build(count: int, progress: Counting, long_every: int = 0) -> io.BytesIO:
    register_fonts()
    styles = make_styles()

    def row(index: int) -> list[TextLines]:
        progress.made.append(index)
        tall = long_every and index % long_every == 0
        title = f"Row {index} " + ("lång text " * 300 if tall else "")
        return [TextLines([(str(index), styles.cell)]), TextLines([(title, styles.cell)])]

    def header() -> list[Flowable]:
        return [Paragraph("#", styles.head_cell), Paragraph("Title", styles.head_cell)]

    buffer = io.BytesIO()
    doc = BookmarkingDoc(buffer, pagesize=A4)
    doc.addPageTemplates([PageTemplate("page", [body_frame()])])
    doc.build([StreamedTable(count, row, header, [60, 300], 0.4, progress)])
    buffer.seek(0)
    return buffer


def test_every_row_is_made_and_measured_once():
    progress = Counting()
    measured = []
    original = TextLines.wrap

    def wrap(self, width, height):
        measured.append(width)
        return original(self, width, height)

    TextLines.wrap = wrap
    try:
        pdf = build(3000, progress)
    finally:
        TextLines.wrap = original
    assert progress.made == list(range(3000))  # once each, in order
    assert progress.advanced == 3000
    # One reportlab Table split page by page measures the rest of the table again for
    # every page: here about 3000 * 60 pages / 2 cells. Streamed: each cell once.
    assert len(measured) == 2 * 3000
    text = pdf_text(pdf)
    assert "Row 0\n" in text and "Row 2999" in text
    assert text.count("Title") > 50  # the header repeats on every page


def test_rows_of_different_heights_all_arrive_and_long_cells_are_cut():
    progress = Counting()
    text = pdf_text(build(400, progress, long_every=7))
    assert progress.made == list(range(400))
    for index in (0, 7, 398, 399):
        assert f"Row {index}" in text
    # 300 words in a 300-point column are more than 20 lines: the listing shows 20,
    # the last ending in an ellipsis.
    long_rows = len(range(0, 400, 7))
    assert text.count("…") == long_rows
    assert text.count("lång") < long_rows * 300 / 2


def test_cancel_stops_the_layout():
    progress = Counting()
    progress.cancelled = True
    with pytest.raises(Cancelled):
        build(100, progress)


@pytest.mark.parametrize(
    ("text", "width", "expected"),
    [
        ("a b c", 1000, ["a b c"]),
        ("one two\nthree", 1000, ["one two", "three"]),
        ("", 100, [""]),
    ],
)
def test_wrap_words_keeps_short_text(text, width, expected):
    register_fonts()
    assert wrap_words(text, "Helvetica", 10, width) == expected


def test_wrap_words_breaks_by_width_and_cuts_long_words():
    lines = wrap_words("alpha beta gamma delta " + "x" * 200, "Helvetica", 10, 60)
    assert len(lines) > 4
    from reportlab.pdfbase.pdfmetrics import stringWidth

    assert all(stringWidth(line, "Helvetica", 10) <= 60 for line in lines)
    assert "".join(lines).replace(" ", "") == "alphabetagammadelta" + "x" * 200


def test_terminal_progress_writes_each_percentage_once():
    out = io.StringIO()
    progress = TerminalProgress(out)
    progress.start(1000, "Portfolio")
    for _ in range(1000):
        progress.advance()
    text = out.getvalue()
    assert text.count("\r") == 101  # 0 % .. 100 %, not a line per step
    assert text.endswith("\rPortfolio 100 %\n")


def test_text_lines_keep_newlines_and_right_alignment():
    register_fonts()
    styles = make_styles()
    cell = TextLines([("2026-11-27\n9 days late", styles.cell)])
    cell.wrap(200, 0)
    assert [line for line, _ in cell._lines] == ["2026-11-27", "9 days late"]

"""Long listings in PDFs are laid out a page at a time: every row is made once and
measured about once, so a report grows linearly with its rows (issue 18)."""

from __future__ import annotations

import io

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.platypus import PageTemplate, Table

from desktop_app.progress import Cancelled, TerminalProgress
from desktop_app.reports.flowables import BookmarkingDoc, body_frame, table
from desktop_app.reports.fonts import register_fonts
from desktop_app.reports.streamed_table import StreamedTable
from desktop_app.reports.styles import make_styles
from desktop_app.reports.text_lines import TextLines, wrap_words
from tests.pdfcheck import pdf_text


class Counting:
    def __init__(self) -> None:
        self.made: list[int] = []
        self.laid_out = 0  # rows of every Table made, header included
        self.advanced = 0
        self.cancelled = False

    def start(self, total: int, label: str = "") -> None:
        pass

    def advance(self, steps: int = 1) -> None:
        self.advanced += steps


def build(count: int, progress: Counting, long_every: int = 0) -> io.BytesIO:
    register_fonts()
    styles = make_styles()

    def row(index: int) -> list[object]:
        progress.made.append(index)
        tall = long_every and index % long_every == 0
        title = f"Row {index} " + ("lång text " * 60 if tall else "")
        return [TextLines([(str(index), styles.cell)]), TextLines([(title, styles.cell)])]

    def header() -> list[object]:
        return ["#", "Title"]

    def make_table(rows: list[list[object]]) -> Table:
        progress.laid_out += len(rows)
        return table(rows, [60, 300], header=True)

    buffer = io.BytesIO()
    doc = BookmarkingDoc(buffer, pagesize=A4)
    doc.addPageTemplates([PageTemplate("page", [body_frame()])])
    doc.build([StreamedTable(count, row, header, make_table, progress)])
    buffer.seek(0)
    return buffer


def test_every_row_is_made_once_and_laid_out_about_once():
    progress = Counting()
    pdf = build(3000, progress)
    assert progress.made == list(range(3000))  # once each, in order
    assert progress.advanced == 3000
    # A single Table split page by page lays out the rest of the table again for every
    # page: about 3000 * pages / 2 rows, here over 150,000. Streamed: a page's worth.
    assert progress.laid_out < 3000 * 1.5
    text = pdf_text(pdf)
    assert "Row 0\n" in text and "Row 2999" in text
    assert text.count("Title") > 20  # the header repeats on every page


def test_rows_of_different_heights_all_arrive():
    progress = Counting()
    text = pdf_text(build(400, progress, long_every=7))
    assert progress.made == list(range(400))
    for index in (0, 7, 398, 399):
        assert f"Row {index}" in text


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

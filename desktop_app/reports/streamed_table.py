"""A listing of any number of rows laid out one page at a time.

reportlab splits one big ``Table`` page by page, and every split measures (and copies)
all the rows that are left: a table of n rows costs n²/rows-per-page. A portfolio of
100,000 assessments would take about twenty minutes that way. ``StreamedTable`` makes
the rows of one page only when that page is laid out (from a function of the row
number) and hands what did not fit on to the next page: time and memory grow with the
number of rows, and the rows live only as long as their page.

The rows are plain text (``TextLines``), so a page is drawn here directly, in one text
object with its rules, in the look of ``flowables.table`` (shaded header repeated on
every page, a rule under each row): a reportlab ``Table`` per page spent more on its
general machinery (spans, styles per cell, nested flowables) than on the text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

from reportlab.lib import colors
from reportlab.platypus import Flowable

from desktop_app.progress import NO_PROGRESS, Cancelled, Progress
from desktop_app.reports.styles import HEADER_FILL, RULE
from desktop_app.reports.text_lines import TextLines

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

    from desktop_app.reports.tagging import Recorder

Row = Sequence[TextLines]
# The same padding as flowables.table, so listings line up with the other tables.
TOP, BOTTOM, SIDE = 2.5, 3.0, 4.0


class _Page(Flowable):
    """The header and the rows that fit on one page, measured already.

    In a tagged PDF (``canvas.tags``) the page is a Table of its own in the structure
    tree: a TR of TH (scope Column) for the header, a TR of TD per row, the shading and
    rules as artifacts, so a screen reader reads a listing as a table, as it does the
    assessment's tables (``tagging.Recorder.table_callback``).
    """

    tags_itself = True  # the frame leaves the structure to draw()

    def __init__(
        self,
        widths: Sequence[float],
        header: Sequence[Flowable],
        header_height: float,
        rows: list[tuple[Row, float]],
        rule: float,
    ) -> None:
        super().__init__()
        self.widths, self.header, self.header_height = widths, header, header_height
        self.rows, self.rule = rows, rule
        self.width = sum(widths)
        self.height = header_height + sum(h for _, h in rows)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        tags: Recorder | None = getattr(canvas, "tags", None)
        table = tags.root.add("Table") if tags is not None else None
        top = self.height
        canvas.saveState()
        with _artifact(canvas, tags):
            canvas.setFillColor(HEADER_FILL)
            canvas.rect(0, top - self.header_height, self.width, self.header_height, 0, 1)
        header_row = table.add("TR") if table is not None else None
        x = 0.0
        for cell, width in zip(self.header, self.widths, strict=True):
            _, height = cell.wrap(width - 2 * SIDE, self.header_height)
            if tags is not None and header_row is not None:
                tags.begin(canvas, header_row.add("TH", scope="Column"))
            cell.drawOn(canvas, x + SIDE, top - TOP - height)
            if tags is not None:
                tags.end(canvas)
            x += width
        top -= self.header_height
        with _artifact(canvas, tags):
            canvas.setStrokeColor(colors.black)
            canvas.setLineWidth(0.8)
            canvas.line(0, top, self.width, top)
        text = canvas.beginText()
        rules = []
        for cells, height in self.rows:
            row = table.add("TR") if table is not None else None
            x = 0.0
            for cell, width in zip(cells, self.widths, strict=True):
                if tags is not None and row is not None:  # marked content inside the text
                    text._code.append(tags.marked_child(canvas, row, "TD"))
                cell.draw_into(text, x + SIDE, top - TOP)
                if tags is not None:
                    text._code.append("EMC")
                x += width
            top -= height
            rules.append((0, top, self.width, top))
        canvas.drawText(text)
        with _artifact(canvas, tags):
            canvas.setStrokeColor(RULE)
            canvas.setLineWidth(self.rule)
            canvas.lines(rules)
        canvas.restoreState()


@contextmanager
def _artifact(canvas: Canvas, tags: Recorder | None) -> Iterator[None]:
    """Shading and rules: artifacts in a tagged PDF, which a screen reader skips."""
    if tags is None:
        yield
        return
    tags.begin_artifact(canvas)
    yield
    tags.end(canvas)


class StreamedTable(Flowable):
    """``count`` rows made by ``make_row(i)``, under ``header()`` on every page.

    ``widths`` are the columns', ``rule`` the width of the line under each row;
    ``progress`` advances by one per row made and is asked whether to stop.
    """

    def __init__(
        self,
        count: int,
        make_row: Callable[[int], Row],
        header: Callable[[], Sequence[Flowable]],
        widths: Sequence[float],
        rule: float = 0.4,
        progress: Progress = NO_PROGRESS,
        *,
        _start: int = 0,
        _carried: Sequence[tuple[Row, float]] = (),
    ) -> None:
        super().__init__()
        self.count = count
        self.make_row = make_row
        self.header = header
        self.widths = list(widths)
        self.rule = rule
        self.progress = progress
        self.start = _start  # the next row still to be made
        self.carried = list(_carried)  # made and measured, did not fit on the last page

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        # Never "fits": the frame then asks split() for what goes on this page.
        self.width = sum(self.widths)
        return self.width, available_height + 1

    def draw(self) -> None:  # pragma: no cover - always split first
        raise AssertionError("StreamedTable is drawn through the pages split() returns")

    def _row(self, index: int) -> tuple[Row, float]:
        cells = self.make_row(index)
        height = max(
            cell.wrap(width - 2 * SIDE, 0)[1]
            for cell, width in zip(cells, self.widths, strict=True)
        )
        return cells, height + TOP + BOTTOM

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        if self.progress.cancelled:
            raise Cancelled
        header = self.header()
        header_height = (
            TOP
            + BOTTOM
            + max(
                cell.wrap(width - 2 * SIDE, available_height)[1]
                for cell, width in zip(header, self.widths, strict=True)
            )
        )
        used = header_height
        placed: list[tuple[Row, float]] = []
        # Rows are made once: what did not fit is carried to the next page, measured.
        pending = self.carried
        while True:
            if pending:
                row = pending.pop(0)
            elif self.start < self.count:
                row = self._row(self.start)
                self.start += 1
                self.progress.advance()
            else:
                break
            if used + row[1] > available_height:
                pending.insert(0, row)
                break
            placed.append(row)
            used += row[1]
        self.carried = pending
        if not placed:
            # Not even one row under what is on the page: the next page. (Cells have a
            # bounded number of lines, see TextLines, so a row always fits on a page.)
            return []
        page = _Page(self.widths, header, header_height, placed, self.rule)
        if not pending and self.start >= self.count:
            return [page]
        rest = StreamedTable(
            self.count,
            self.make_row,
            self.header,
            self.widths,
            self.rule,
            self.progress,
            _start=self.start,
            _carried=pending,
        )
        return [page, rest]

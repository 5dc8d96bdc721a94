"""A table of any number of rows laid out one page at a time.

reportlab splits one big ``Table`` page by page, and every split measures (and copies)
all the rows that are left: a table of n rows costs n²/rows-per-page. A portfolio of
100,000 assessments would take about twenty minutes that way. ``StreamedTable`` makes
the rows of one page only when that page is laid out (from a function of the row
number), as an ordinary ``Table`` with the header on top, and hands what did not fit on
to the next page: time and memory grow with the number of rows, and the rows' flowables
live only as long as their page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from reportlab.platypus import Flowable, Table

from desktop_app.progress import NO_PROGRESS, Cancelled, Progress

Row = list[Any]  # cells: flowables, lists of flowables or strings
MakeTable = Callable[[list[Row]], Table]


class StreamedTable(Flowable):
    """``count`` rows made by ``make_row(i)``, under ``header()`` on every page.

    ``make_table`` turns header + rows into a styled ``Table`` (with ``repeatRows=1``);
    ``progress`` advances by one per row made and is asked whether to stop.
    """

    def __init__(
        self,
        count: int,
        make_row: Callable[[int], Row],
        header: Callable[[], Row],
        make_table: MakeTable,
        progress: Progress = NO_PROGRESS,
        *,
        _start: int = 0,
        _carried: Sequence[Row] = (),
        _batch: int = 40,
    ) -> None:
        super().__init__()
        self.count = count
        self.make_row = make_row
        self.header = header
        self.make_table = make_table
        self.progress = progress
        self.start = _start  # the next row still to be made
        self.carried = list(_carried)  # made, but did not fit on the previous page
        self.batch = _batch  # rows to try on one page: a little more than fit last time

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        # Never "fits": the frame then asks split() for what goes on this page.
        self.width = available_width
        return available_width, available_height + 1

    def draw(self) -> None:  # pragma: no cover - always split first
        raise AssertionError("StreamedTable is drawn through the tables split() returns")

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        if self.progress.cancelled:
            raise Cancelled
        # reportlab may ask more than once (another frame, less room): rows are made
        # once, kept in ``carried``, and counted as progress when made.
        end = min(self.count, self.start + max(self.batch - len(self.carried), 0))
        if end > self.start:
            self.carried += [self.make_row(i) for i in range(self.start, end)]
            self.progress.advance(end - self.start)
            self.start = end
        rows = self.carried
        if not rows:
            return []
        # Under the end of the previous part there is seldom room for another row: find
        # out with the header and one row before laying out a page's worth.
        if not self.make_table([self.header(), rows[0]]).split(available_width, available_height):
            return []
        grid = self.make_table([self.header(), *rows])
        parts = grid.split(available_width, available_height)
        if not parts:
            return []  # not even one row fits under what is on the page: next page
        first = parts[0]
        placed = len(first._cellvalues) - 1
        left: list[Row] = []
        if len(parts) > 1:
            # The rest of this batch, header dropped; with splitInRow it may begin with
            # the second half of a row that was cut.
            left = [list(r) for r in parts[1]._cellvalues[1:]]
        if not left and self.start >= self.count:
            return [first]
        rest = StreamedTable(
            self.count,
            self.make_row,
            self.header,
            self.make_table,
            self.progress,
            _start=self.start,
            _carried=left,
            _batch=placed + 8,
        )
        return [first, rest]

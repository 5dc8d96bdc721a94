"""The register list in the window: lazy pages, sorting in SQL, filters, empty results,
stale results dropped, CSV export, and work really done off the GUI thread."""

from __future__ import annotations

import csv
import threading
from datetime import date

import pytest
from PySide6.QtCore import Qt

from desktop_app.app.generator import generate
from desktop_app.app.register_export import LIST_FIELDS
from desktop_app.domain.model import Status
from desktop_app.domain.register import RegisterQuery, SortKey
from desktop_app.storage.bulk import bulk_insert
from desktop_app.storage.register import PAGE_SIZE, Register
from desktop_app.ui.register.register_view import RegisterView
from desktop_app.ui.register.table_model import COLUMNS
from desktop_app.ui.tasks import ImmediateRunner, TaskRunner

TODAY = date(2026, 11, 23)


@pytest.fixture
def big(context, content):
    """450 generated assessments: more than two pages (a few are older revisions)."""
    bulk_insert(context.service.repository.db, generate(content, 450, today=TODAY), 450)
    return context


def heads(context) -> int:
    with Register.open_reader(context.service.repository.path) as reader:
        return reader.count(RegisterQuery())


class CountingReaders:
    """Opens readers like the window does, and records every page asked for."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.pages: list[tuple[object, int]] = []

    def __call__(self) -> Register:
        reader = Register.open_reader(self.path)
        original = reader.page

        def page(query, after=None, limit=PAGE_SIZE):
            self.pages.append((after, limit))
            return original(query, after, limit)

        reader.page = page  # type: ignore[method-assign]
        return reader


def make_view(qtbot, context, runner=None, readers=None) -> RegisterView:
    readers = readers or (lambda: Register.open_reader(context.service.repository.path))
    view = RegisterView(context, readers, runner or ImmediateRunner(), lambda: TODAY)
    qtbot.addWidget(view)
    view.resize(1200, 600)
    view.show()
    return view


def test_the_model_fetches_lazily_and_never_everything(qtbot, big) -> None:
    readers = CountingReaders(big.service.repository.path)
    view = make_view(qtbot, big, readers=readers)
    model = view.model
    total = heads(big)
    assert PAGE_SIZE * 2 < model.total == total < 450
    assert model.rowCount() == PAGE_SIZE
    assert readers.pages == [(None, PAGE_SIZE)]
    assert model.canFetchMore()
    view.table.scrollToBottom()  # the view asks for the next page itself
    qtbot.waitUntil(lambda: model.rowCount() == 2 * PAGE_SIZE, timeout=3000)
    assert len(readers.pages) == 2 and all(limit == PAGE_SIZE for _, limit in readers.pages)
    assert readers.pages[1][0] is not None  # by key, after the last row shown
    model.fetchMore()
    assert model.rowCount() == total
    assert not model.canFetchMore()
    ids = [model.row_at(i).id for i in range(model.rowCount())]
    assert len(set(ids)) == total


def test_sorting_by_a_header_is_done_in_sql(qtbot, big) -> None:
    view = make_view(qtbot, big)
    model = view.model
    column = COLUMNS.index(SortKey.TITLE)
    view.table.sortByColumn(column, Qt.SortOrder.AscendingOrder)
    assert (model.query.sort, model.query.descending) == (SortKey.TITLE, False)
    first = [model.row_at(i).title.casefold() for i in range(model.rowCount())]
    assert first == sorted(first)
    with Register.open_reader(big.service.repository.path) as reader:
        everything = [r.title for r in reader.rows(RegisterQuery(sort=SortKey.TITLE,
                                                                 descending=False))]  # fmt: skip
    assert [model.row_at(i).title for i in range(PAGE_SIZE)] == everything[:PAGE_SIZE]
    view.table.sortByColumn(COLUMNS.index(SortKey.OPEN_MEASURES), Qt.SortOrder.DescendingOrder)
    counts = [model.row_at(i).open_measures for i in range(model.rowCount())]
    assert counts == sorted(counts, reverse=True) and counts[0] > 0


def test_search_and_filters_from_the_bar(qtbot, big) -> None:
    view = make_view(qtbot, big)
    bar, model = view.filters, view.model
    bar.search.setText("biblioteken")
    bar._search_now()
    assert model.total > 0
    found = model.total
    bar.status.setCurrentIndex(bar.status.findData(Status.APPROVED.value))
    assert 0 < model.total < found
    assert all(model.row_at(i).status is Status.APPROVED for i in range(model.rowCount()))
    bar.overdue.setChecked(True)
    assert all(model.row_at(i).has_overdue_measures(TODAY) for i in range(model.rowCount()))
    assert model.query.overdue and model.query.search == "biblioteken"
    bar.clear_filters()
    assert model.total == heads(big)


def test_an_empty_result_says_so(qtbot, big) -> None:
    view = make_view(qtbot, big)
    assert not view.empty_label.isVisible()
    view.filters.search.setText("ordsomintefinns")
    view.filters._search_now()
    assert view.model.rowCount() == 0
    assert view.empty_label.isVisible()
    assert "No assessments match" in view.empty_label.text()
    assert view.count_label.text() == "0 assessment(s)"


def test_a_reversed_date_range_is_refused_with_a_message(qtbot, big) -> None:
    view = make_view(qtbot, big)
    bar = view.filters
    bar.period.setChecked(True)
    applied = view.model.query
    assert applied.date_from == date(2026, 1, 1)
    bar.date_to.setDate(bar.date_from.date().addDays(-1))
    assert bar.message.isVisible()
    assert "end date is before the start date" in bar.message.text()
    assert view.model.query == applied  # the list keeps the last valid filter
    bar.date_to.setDate(bar.date_from.date().addDays(30))
    assert not bar.message.isVisible()
    assert view.model.query.date_to == date(2026, 1, 31)


class DeferredRunner:
    """Holds work until the test releases it, in any order."""

    def __init__(self) -> None:
        self.pending: list = []

    def run(self, work, on_result, on_error, on_progress=None):
        self.pending.append((work, on_result, on_error))
        return ImmediateRunner().run(lambda _p: None, lambda _r: None, lambda _e: None)

    def release(self, index: int) -> None:
        work, on_result, on_error = self.pending.pop(index)
        ImmediateRunner().run(work, on_result, on_error)

    def wait(self, msecs: int = 0) -> bool:
        return True


def test_results_of_an_older_search_are_dropped(qtbot, big) -> None:
    runner = DeferredRunner()
    view = make_view(qtbot, big, runner=runner)
    while runner.pending:
        runner.release(0)
    model = view.model
    model.set_query(RegisterQuery(search="biblioteken", today=TODAY))  # page, count
    model.set_query(RegisterQuery(search="hemtjänsten", today=TODAY))  # page, count
    runner.release(2)  # the newer page arrives first (one page: the count is known)
    newer = [model.row_at(i).id for i in range(model.rowCount())]
    assert 0 < len(newer) < PAGE_SIZE and model.total == len(newer)
    runner.release(0)  # then the older page and count: ignored
    runner.release(0)
    assert [model.row_at(i).id for i in range(model.rowCount())] == newer
    assert model.total == len(newer)
    runner.release(0)  # the newer count agrees
    assert model.total == len(newer)
    assert not runner.pending


def test_csv_export_of_the_current_view(qtbot, big, tmp_path) -> None:
    view = make_view(qtbot, big)
    view.filters.status.setCurrentIndex(view.filters.status.findData(Status.APPROVED.value))
    out = tmp_path / "register.csv"
    exported: list[tuple[str, int]] = []
    view.exported.connect(lambda path, count: exported.append((path, count)))
    view.export_csv(out)
    assert exported == [(str(out), view.model.total)]
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 with a BOM
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert tuple(rows[0]) == LIST_FIELDS
    assert len(rows) == view.model.total > PAGE_SIZE  # all of them, not only those loaded
    assert {r["status"] for r in rows} == {"approved"}
    assert [int(r["id"]) for r in rows[:PAGE_SIZE]] == [
        view.model.row_at(i).id for i in range(PAGE_SIZE)
    ]


def test_searching_happens_off_the_gui_thread(qtbot, big) -> None:
    gui = threading.get_ident()
    threads: list[int] = []
    path = big.service.repository.path

    def readers() -> Register:
        threads.append(threading.get_ident())
        return Register.open_reader(path)

    runner = TaskRunner()
    view = make_view(qtbot, big, runner=runner, readers=readers)
    total = heads(big)
    qtbot.waitUntil(lambda: view.model.total == total, timeout=5000)
    view.filters.search.setText("hemtj")
    qtbot.waitUntil(lambda: 0 < view.model.total < total and not view.model.loading, timeout=5000)
    assert threads and gui not in threads
    runner.wait()


def test_an_empty_register_says_how_to_start(qtbot, context) -> None:
    view = make_view(qtbot, context)
    assert view.empty_label.isVisible()
    assert "No assessments yet" in view.empty_label.text()


def test_a_row_with_an_unknown_status_is_named_in_a_message(
    qtbot, context, content, monkeypatch
) -> None:
    """A status a script wrote into the register: the list says which assessment and
    to run lika check (before, a KeyError escaped from the worker's callback)."""
    import sqlite3

    from PySide6.QtWidgets import QMessageBox

    from tests.helpers import complete_assessment

    for _ in range(3):
        context.service.repository.create(complete_assessment(content))
    with sqlite3.connect(context.service.repository.path) as conn:
        conn.execute("UPDATE assessments SET status = 'bogus' WHERE id = 2")
    conn.close()
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    make_view(qtbot, context)
    assert shown == ["Assessment 2 has an unknown status 'bogus'; run lika check"]


@pytest.mark.parametrize("register", ["big", "context"])  # many assessments, and none
def test_listed_is_said_once_when_the_first_page_has_been_painted(qtbot, request, register) -> None:
    """``listed`` (the smoke hook's "register listed", the start's next step) waits for
    a paint of the list with its first page read, and comes once."""
    runner = DeferredRunner()
    view = make_view(qtbot, request.getfixturevalue(register), runner=runner)
    said: list[bool] = []
    view.listed.connect(lambda: said.append(True))
    view.table.viewport().repaint()  # painted while the page is still being read
    qtbot.wait(20)
    assert said == [] and view.model.loading
    while runner.pending:
        runner.release(0)
    qtbot.waitUntil(lambda: said == [True])
    view.refresh()
    while runner.pending:
        runner.release(0)
    view.table.viewport().repaint()
    qtbot.wait(20)
    assert said == [True] and view.was_listed


def test_the_header_shows_the_titles_and_the_sort_from_a_model_of_its_own(qtbot, big) -> None:
    """The header does not ask the list's model (a Python model asked for a title is
    passed a ``Qt.Orientation``, issue 18): it has the same titles, as tooltips too, the
    query's sort shown, and a click on it still sorts in SQL."""
    view = make_view(qtbot, big)
    model, header = view.model, view.table.horizontalHeader()
    labels = header.model()
    assert labels is not model and labels.columnCount() == model.columnCount() == len(COLUMNS)
    for column in range(len(COLUMNS)):
        title = model.header(column)
        assert title and labels.headerData(column, Qt.Orientation.Horizontal) == title
        tooltip = labels.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
        assert tooltip == title
        # What a screen reader asks the list's own model (``QAccessibleTable``).
        assert model.headerData(column, Qt.Orientation.Horizontal) == title
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    assert header.isSortIndicatorShown()
    assert header.sortIndicatorSection() == COLUMNS.index(model.query.sort)
    descending = header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert descending == model.query.descending
    column = COLUMNS.index(SortKey.CASE_NUMBER)
    header.setSortIndicator(column, Qt.SortOrder.AscendingOrder)  # as a click does
    assert (model.query.sort, model.query.descending) == (SortKey.CASE_NUMBER, False)
    header.setSortIndicator(column, Qt.SortOrder.DescendingOrder)
    assert (model.query.sort, model.query.descending) == (SortKey.CASE_NUMBER, True)


@pytest.mark.parametrize("descending", [False, True])
def test_the_sort_indicator_is_set_as_qt_sets_it(qtbot, descending) -> None:
    """``show_sort_indicator`` goes through the header's saved state: the same as
    ``setSortIndicator`` for every column and order, the rest of the state untouched."""
    from PySide6.QtGui import QStandardItemModel
    from PySide6.QtWidgets import QTableView

    from desktop_app.ui.register.register_view import show_sort_indicator

    order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
    for column in range(5):
        ours, theirs = QTableView(), QTableView()
        for table in (ours, theirs):
            qtbot.addWidget(table)
            table.setModel(QStandardItemModel(3, 5, table))
            table.horizontalHeader().resizeSection(2, 123)
            table.setSortingEnabled(True)
        show_sort_indicator(ours.horizontalHeader(), column, descending)
        theirs.horizontalHeader().setSortIndicator(column, order)
        assert ours.horizontalHeader().sortIndicatorSection() == column
        assert ours.horizontalHeader().sortIndicatorOrder() == order
        assert ours.horizontalHeader().saveState() == theirs.horizontalHeader().saveState()


def test_a_header_state_of_another_layout_gets_the_usual_call(qtbot) -> None:
    """Should a Qt version save its header's state differently (another marker or
    version first), it is not patched nor restored: the indicator is set the usual way."""
    from PySide6.QtCore import QByteArray
    from PySide6.QtGui import QStandardItemModel
    from PySide6.QtWidgets import QHeaderView

    from desktop_app.ui.register.register_view import show_sort_indicator

    restored: list[bytes] = []

    class OtherLayout(QHeaderView):
        def saveState(self) -> QByteArray:  # noqa: N802 (Qt's name)
            state = bytearray(super().saveState().data())
            state[7] = 1  # version 1 of the layout, which this Lika does not know
            return QByteArray(bytes(state))

        def restoreState(self, state: QByteArray) -> bool:  # noqa: N802 (Qt's name)
            restored.append(bytes(state.data()))
            return super().restoreState(state)

    header = OtherLayout(Qt.Orientation.Horizontal)
    qtbot.addWidget(header)
    header.setModel(QStandardItemModel(0, 5, header))
    show_sort_indicator(header, 3, True)
    assert restored == []
    assert header.sortIndicatorSection() == 3
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder


def test_the_filters_leave_the_room_of_a_tall_window_to_the_list(qtbot, big) -> None:
    """The filter bar's flow layout takes the room it is given (``ui/flow_layout``);
    the list below it has the stretch, so the bar stays as high as its rows."""
    view = make_view(qtbot, big)
    view.resize(1200, 600)
    qtbot.waitUntil(lambda: view.filters.height() > 0)
    low = view.filters.height()
    table_low = view.table.height()
    view.resize(1200, 1400)
    qtbot.waitUntil(lambda: view.table.height() > table_low)
    assert view.filters.height() == low
    assert view.table.height() - table_low == 800

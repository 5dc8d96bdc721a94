"""A table model that never holds more than the pages the user has scrolled to.

Pages are read by key on a worker thread (``TaskRunner``), each task on a read-only
connection of its own; the count for the label is a separate task, so rows appear
before the total is known. A result that arrives after the query changed again is
dropped (``_generation``), so a fast typist never sees an older search's rows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Signal

from desktop_app.app.ports import ReaderFactory, RegisterReader
from desktop_app.domain.errors import LikaError
from desktop_app.ui.tasks import Runner, Task

Q = TypeVar("Q")
R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex


class PagedTableModel(QAbstractTableModel, Generic[Q, R]):
    """Rows of type ``R`` for a query of type ``Q``; subclasses say how to read them."""

    loadingChanged = Signal(bool)
    countChanged = Signal(int)  # -1 while the count is being computed
    failed = Signal(str)

    def __init__(self, readers: ReaderFactory, runner: Runner, query: Q) -> None:
        super().__init__()
        self._readers = readers
        self._runner = runner
        self._query = query
        self._rows: list[R] = []
        self._next: Any = None
        self._generation = 0
        self._fetching = False
        self._loading = False
        self._count = -1
        self._tasks: list[Task] = []
        self.reads = 0  # pages read so far (tests check that paging is lazy)

    # What subclasses provide

    def read_page(self, reader: RegisterReader, query: Q, after: Any) -> tuple[list[R], Any]:
        raise NotImplementedError

    def read_count(self, reader: RegisterReader, query: Q) -> int:
        raise NotImplementedError

    # Loading

    @property
    def query(self) -> Q:
        return self._query

    @property
    def total(self) -> int:
        """The number of rows of the query, or -1 while it is being counted."""
        return self._count

    @property
    def loading(self) -> bool:
        return self._loading

    def set_query(self, query: Q) -> None:
        self._query = query
        self.refresh()

    def refresh(self, first: tuple[list[R], Any] | None = None, *, count: bool = True) -> None:
        """Read the first page (and the count) of the current query again; or show
        ``first``, that page read already (the window's first look, ``ui/first_list``),
        and only count on the worker: now, or (``count=False``) at ``count_now``."""
        for task in self._tasks:
            task.cancel()
        self._generation += 1
        generation, query = self._generation, self._query
        self._set_loading(True)
        self._count = -1
        self.countChanged.emit(-1)
        self._fetching = False
        self._tasks = []
        if first is None:
            self._tasks.append(
                self._runner.run(
                    lambda _p: self._in_worker(lambda r: self.read_page(r, query, None)),
                    lambda page: self._first_page(generation, page),
                    lambda error: self._failed(generation, error),
                )
            )
        if count:
            self.count_now()
        if first is not None:
            self._first_page(generation, first)

    def count_now(self) -> None:
        """Count the rows of the current query on the worker (unless known already)."""
        generation, query = self._generation, self._query
        if self._count >= 0:
            return
        self._tasks.append(
            self._runner.run(
                lambda _p: self._in_worker(lambda r: self.read_count(r, query)),
                lambda n: self._counted(generation, n),
                lambda error: self._failed(generation, error),
            )
        )

    def _in_worker(self, work: Callable[[RegisterReader], Any]) -> Any:
        with self._readers() as reader:
            return work(reader)

    def _first_page(self, generation: int, page: tuple[list[R], Any]) -> None:
        if generation != self._generation:
            return
        self.reads += 1
        self.beginResetModel()
        self._rows, self._next = page
        self.endResetModel()
        self._set_loading(False)
        if self._next is None and self._count < 0:
            self._counted(generation, len(self._rows))

    def _counted(self, generation: int, count: int) -> None:
        if generation == self._generation and self._count != count:
            self._count = count
            self.countChanged.emit(count)

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self._set_loading(False)
        self._fetching = False
        if not isinstance(error, LikaError):
            raise error
        self.failed.emit(str(error))

    def _set_loading(self, loading: bool) -> None:
        if self._loading != loading:
            self._loading = loading
            self.loadingChanged.emit(loading)

    # Qt's lazy fetching: the view asks for more when the user scrolls to the end.

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and self._next is not None and not self._fetching

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if parent.isValid() or self._next is None or self._fetching:
            return
        self._fetching = True
        generation, query, after = self._generation, self._query, self._next
        self._runner.run(
            lambda _p: self._in_worker(lambda r: self.read_page(r, query, after)),
            lambda page: self._more(generation, page),
            lambda error: self._failed(generation, error),
        )

    def _more(self, generation: int, page: tuple[list[R], Any]) -> None:
        if generation != self._generation:
            return
        self._fetching = False
        self.reads += 1
        rows, self._next = page
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()

    # Rows

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def row_at(self, row: int) -> R:
        return self._rows[row]

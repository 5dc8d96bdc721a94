"""Opening a register: for writing, for reading on a worker thread, and the stores of
review and evaluation records on it. With ``app.backups``, the one place that picks the
storage engine: a ``ServerUrl`` (``--db postgresql://…`` or IT's ``database_url``)
opens the register on a PostgreSQL server, a path a SQLite file. Everything it hands
out is typed by ``app.ports``. What the server engine does not do yet raises
``NotOnServerError`` here, by name, instead of falling back to a file.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

from desktop_app.domain.clock import utc_now
from desktop_app.register_location import Location, is_server
from desktop_app.storage.errors import NotOnServerError
from desktop_app.storage.register import PAGE_SIZE, Register

if TYPE_CHECKING:  # types only: ``lika list`` reads without the model (issue 18)
    from desktop_app.app.ports import (
        AssessmentStore,
        ChangeFeed,
        Clock,
        EvaluationRecords,
        ReaderFactory,
        RegisterReader,
        ReviewRecords,
    )
    from desktop_app.domain.followup import MeasurePage, MeasureQuery
    from desktop_app.domain.identity import Identity
    from desktop_app.domain.portfolio import Period, PortfolioEntry
    from desktop_app.domain.register import Page, RegisterQuery, RegisterRow

__all__ = [
    "SqliteReader",
    "change_feed",
    "evaluation_records",
    "first_look",
    "open_as_is",
    "open_reader",
    "open_store",
    "open_store_as_is",
    "reader_factory",
    "reader_on",
    "refuse_on_server",
    "review_records",
    "signed_in",
]


def open_store(where: Location, *, clock: Clock = utc_now, create: bool = True) -> AssessmentStore:
    """The register at ``where``, opened for writing: a file (created and migrated if
    needed; with ``create=False`` only one that is there) or a server register
    (migrated by IT, ``lika server-schema``)."""
    if is_server(where):
        from desktop_app.storage.postgres.store import ServerStore  # psycopg only here

        return ServerStore.open(str(where), clock=clock)
    from desktop_app.storage.repository import AssessmentRepository  # with sqlite-utils

    return AssessmentRepository.open(Path(where), clock=clock, create=create)


def refuse_on_server(where: Location | str, what: str) -> Path:
    """``where`` as the register file, for a use case that works on the file itself;
    ``NotOnServerError`` naming ``what`` for a server register."""
    if is_server(where):
        raise NotOnServerError(what)
    return Path(where)


def signed_in(store: AssessmentStore) -> Identity | None:
    """Who the server authenticated, for a store on a server (its ``actor``, which the
    store keeps whatever the service names); None for a file, where Settings name them."""
    return store.actor if is_server(store.path) else None


def open_as_is(path: Path) -> RegisterReader | None:
    """A reader on the register at ``path`` for a command that only reads (``lika
    list``), without loading what writing needs; None when opening it would create,
    upgrade or repair it, or refuse it (``open_store`` then does that, with its
    messages). Raises ``DatabaseBusyError`` when the register is busy."""
    from desktop_app.storage.read_door import open_as_is as open_register

    register = open_register(path)
    return None if register is None else SqliteReader(register)


def open_store_as_is(path: Path) -> AssessmentStore | None:
    """The register at ``path`` for a command that only reads whole assessments (``lika
    export-pdf``): the repository's own reads on ``open_as_is``'s read-only connection,
    without sqlite-utils or the migrations; None when opening would change or refuse the
    register (``open_store`` then does that, after the start check). A write on it fails.
    Raises ``DatabaseBusyError`` when the register is busy."""
    from desktop_app.storage.read_door import open_as_is as open_register
    from desktop_app.storage.repository import AssessmentRepository

    register = open_register(path)
    return None if register is None else AssessmentRepository.reading(register.conn)


def first_look(path: Path) -> RegisterReader | None:
    """A reader for the window's first page, listed before the register is checked:
    ``open_as_is``'s answer without the start check's integrity scan (the start check
    runs it right after) and without waiting for a busy register."""
    from desktop_app.storage.read_door import first_look as look

    register = look(path)
    return None if register is None else SqliteReader(register)


class SqliteReader:
    """``RegisterReader`` on one SQLite connection (the register's tables and views)."""

    def __init__(self, register: Register) -> None:
        self._register = register

    def close(self) -> None:
        self._register.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def page(self, query: RegisterQuery, after: Any = None, limit: int = PAGE_SIZE) -> Page:
        return self._register.page(query, after, limit)

    def count(self, query: RegisterQuery) -> int:
        return self._register.count(query)

    def rows(self, query: RegisterQuery) -> Iterator[RegisterRow]:
        return self._register.rows(query)

    def units(self) -> list[str]:
        return self._register.units()

    def measures_page(self, query: MeasureQuery, after: Any = None) -> MeasurePage:
        from desktop_app.storage.followup import measures_page  # the follow-up tab's

        return measures_page(self._register, query, after)

    def measures_count(self, query: MeasureQuery) -> int:
        from desktop_app.storage.followup import measures_count

        return measures_count(self._register, query)

    def portfolio_entries(
        self, period: Period | None = None, unit: str | None = None
    ) -> list[PortfolioEntry]:
        from sqlite_utils import Database  # after storage (``storage.lazy_imports``)

        from desktop_app.storage.repository import AssessmentRepository

        db = Database(self._register.conn, recursive_triggers=False, execute_plugins=False)
        return AssessmentRepository(db).portfolio_entries(period, unit)


def open_reader(where: Location | str) -> RegisterReader:
    """A read-only connection of its own to the register (a file, or a server register
    by its full URL), for a worker thread."""
    if is_server(where):
        from desktop_app.storage.postgres.reader import open_server_reader  # psycopg here

        return open_server_reader(str(where))
    return SqliteReader(Register.open_reader(where))


def last_restore(path: Path | str) -> str:
    """The register file's ``last_restore`` mark, read through a read-only connection
    of its own: a window watches it before it has opened the register for writing."""
    with Register.open_reader(path) as register:
        return register.last_restore()


def reader_factory(store: AssessmentStore) -> ReaderFactory:
    """Opens readers of ``store``'s register on whichever (worker) thread calls it; a
    server store hands its full URL (its ``path`` hides the password)."""
    where: Location | str = getattr(store, "url", None) or store.path
    return lambda: open_reader(where)


def reader_on(store: AssessmentStore) -> RegisterReader:
    """Register queries on ``store``'s own connection (the CLI: one thread, one
    connection); closing the reader leaves the store open."""
    from desktop_app.storage.repository import AssessmentRepository

    if not isinstance(store, AssessmentRepository):  # a server store: a connection of
        return reader_factory(store)()  # its own, closed with the reader
    return _Borrowed(Register(store.db.conn, store.path))


class _Borrowed(SqliteReader):
    def close(self) -> None:
        """The connection belongs to the store."""


def change_feed(where: Location | str) -> ChangeFeed | None:
    """The changes other windows and programs commit, for a server register (its full
    URL); None for a file, whose window learns of them when it reads or saves."""
    if not is_server(where):
        return None
    from desktop_app.storage.postgres.change_feed import ServerChangeFeed

    return ServerChangeFeed(str(where))


def review_records(store: AssessmentStore) -> ReviewRecords:
    """Comments, revisions and the audit trail of ``store``'s register."""
    from desktop_app.storage.repository import AssessmentRepository
    from desktop_app.storage.review import ReviewStore

    if not isinstance(store, AssessmentRepository):
        from desktop_app.storage.postgres.review_records import ServerReviewRecords
        from desktop_app.storage.postgres.store import ServerStore

        assert isinstance(store, ServerStore), "a server register"
        return ServerReviewRecords(store)
    return ReviewStore(store)


def evaluation_records(store: AssessmentStore, *, clock: Clock = utc_now) -> EvaluationRecords:
    """The evaluations of ``store``'s register."""
    from desktop_app.storage.evaluations import EvaluationStore  # step 4 only, not at start-up
    from desktop_app.storage.repository import AssessmentRepository

    if not isinstance(store, AssessmentRepository):
        from desktop_app.storage.postgres.evaluations import ServerEvaluations
        from desktop_app.storage.postgres.store import ServerStore

        assert isinstance(store, ServerStore), "a server register"
        return ServerEvaluations(store, clock=clock)
    return EvaluationStore(store.db, clock=clock)

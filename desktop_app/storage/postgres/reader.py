"""``RegisterReader`` on a PostgreSQL server: the list, its counts, the unit filter's
choices, the follow-up list and the portfolio's entries, read-only.

One connection per reader, as SQLite's ``Register.open_reader`` (a worker thread opens
its own). It runs in autocommit: a page is one statement and holds no transaction open
while the user scrolls; ``rows`` and the portfolio, which may read the whole register,
stream through a server-side cursor inside a transaction of their own (one statement,
read in batches, memory independent of the register's size). The rows are decoded by
the SQLite register's own functions: the read model stores the same text in the same
columns on both engines.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Self

from desktop_app.domain.followup import MeasurePage, MeasureQuery
from desktop_app.domain.portfolio import Period, PortfolioEntry
from desktop_app.domain.register import Page, RegisterQuery, RegisterRow
from desktop_app.storage import followup
from desktop_app.storage.portfolio import assemble
from desktop_app.storage.postgres import reader_more, reader_sql
from desktop_app.storage.postgres.connection import connect
from desktop_app.storage.postgres.errors import described
from desktop_app.storage.postgres.schema_guard import refuse_other_schema
from desktop_app.storage.register import PAGE_SIZE, rows_of
from desktop_app.storage.rows import first_unreadable
from desktop_app.storage.search_syntax import chunks

if TYPE_CHECKING:
    import psycopg

BATCH = 1000
_CURSOR_NAMES = itertools.count()  # two streams at once need two cursor names


class ServerReader:
    """Read-only register queries on one connection to the server."""

    def __init__(self, conn: psycopg.Connection[Any], url: str = "") -> None:
        self.conn = conn
        self.url = url

    @classmethod
    def open(cls, url: str) -> ServerReader:
        """A connection of its own to the register at ``url``, for one (worker) thread."""
        import psycopg

        try:
            conn = connect(url, autocommit=True)
        except psycopg.Error as error:
            raise described(error, url) from None
        try:
            refuse_other_schema(conn, url)
        except psycopg.Error as error:
            conn.close()
            raise described(error, url) from None
        except BaseException:
            conn.close()
            raise
        return cls(conn, url)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _fetch(self, sql: str, params: list[Any]) -> list[tuple[Any, ...]]:
        import psycopg

        try:
            return self.conn.execute(sql, params).fetchall()
        except psycopg.Error as error:
            raise described(error, self.url) from None

    def _stream(self, sql: str, params: list[Any], batch: int = BATCH) -> Iterator[tuple[Any, ...]]:
        return stream(self.conn, self.url, sql, params, batch)

    def page(
        self, query: RegisterQuery, after: tuple[Any, int] | None = None, limit: int = PAGE_SIZE
    ) -> Page:
        """Up to ``limit`` rows of ``query`` following the row whose key is ``after``."""
        sql = reader_sql.page_sql(query, after, limit, hits_first=self._few_hits(query))
        fetched = self._fetch(*sql)
        found = rows_of(fetched)  # the last column is the sort value
        next_after = (fetched[-1][-1], found[-1].id) if len(found) == limit else None
        return Page(found, next_after)

    def _few_hits(self, query: RegisterQuery) -> bool:
        """Whether the planner expects few enough hits of the search to start from them
        (its estimate: planning only, no document read)."""
        words = chunks(query.search)
        if not words:
            return False
        plan = self._fetch(reader_sql.ESTIMATE_SQL, [words])[0][0]
        return int(plan[0]["Plan"]["Plan Rows"]) <= reader_sql.FEW_HITS

    def count(self, query: RegisterQuery) -> int:
        search_count = reader_sql.search_count_sql(query)
        if search_count is None:
            return int(self._fetch(*reader_sql.count_sql(query))[0][0])
        import psycopg

        try:
            with self.conn.transaction():  # SET LOCAL holds for this count only
                self.conn.execute(reader_sql.HITS_BY_INDEX)
                found = self.conn.execute(*search_count).fetchall()
        except psycopg.Error as error:
            raise described(error, self.url) from None
        return int(found[0][0])

    def rows(self, query: RegisterQuery, batch: int = BATCH) -> Iterator[RegisterRow]:
        """Every row of ``query`` (exports of any size), in one statement read ``batch``
        rows at a time."""
        sql, params = reader_sql.page_sql(query, None, None, hits_first=self._few_hits(query))
        read: list[tuple[Any, ...]] = []
        for values in self._stream(sql, params, batch):
            read.append(values)
            if len(read) == batch:
                yield from rows_of(read)
                read = []
        yield from rows_of(read)

    def units(self) -> list[str]:
        """Every unit named in the register, for the unit filter."""
        return [r[0] for r in self._fetch(reader_sql.UNITS_SQL, [])]

    def measures_page(
        self, query: MeasureQuery, after: tuple[str, int] | None = None, limit: int = PAGE_SIZE
    ) -> MeasurePage:
        """Open measures of ``query`` by deadline (then id), following ``after``."""
        fetched = self._fetch(*reader_more.measures_page_sql(query, after, limit))
        try:
            found = [followup.due_row(v) for v in fetched]
        except ValueError as error:
            raise first_unreadable(fetched, followup.due_row, followup.due_tables, error) from None
        next_after = (fetched[-1][5], fetched[-1][0]) if len(found) == limit else None
        return MeasurePage(found, next_after)

    def measures_count(self, query: MeasureQuery) -> int:
        return int(self._fetch(*reader_more.measures_count_sql(query))[0][0])

    def portfolio_entries(
        self, period: Period | None = None, unit: str | None = None
    ) -> list[PortfolioEntry]:
        """The newest revision of every assessment in ``period`` and ``unit``, by id."""
        return portfolio_entries_on(self.conn, self.url, period, unit)


def stream(
    conn: psycopg.Connection[Any], url: str, sql: str, params: list[Any], batch: int = BATCH
) -> Iterator[tuple[Any, ...]]:
    """Every row of ``sql`` as a tuple, one statement read ``batch`` rows at a time (a
    server-side cursor), whatever rows ``conn`` makes otherwise."""
    import psycopg
    from psycopg.rows import tuple_row

    try:
        with (
            conn.transaction(),
            conn.cursor(name=f"lika_rows_{next(_CURSOR_NAMES)}", row_factory=tuple_row) as cursor,
        ):
            cursor.itersize = batch
            cursor.execute(sql, params)
            while fetched := cursor.fetchmany(batch):
                yield from fetched
    except psycopg.Error as error:
        raise described(error, url) from None


def portfolio_entries_on(
    conn: psycopg.Connection[Any], url: str, period: Period | None, unit: str | None
) -> list[PortfolioEntry]:
    """The portfolio's entries read on ``conn``: the reader's and the store's one query."""
    grounds, measures, statistics, entries = (
        stream(conn, url, sql, params) for sql, params in reader_more.portfolio_sql(period, unit)
    )
    return assemble(grounds, measures, statistics, entries)


def open_server_reader(url: str) -> ServerReader:
    """A ``RegisterReader`` on the server register at ``url`` (``app.registers`` picks it
    for a ``postgresql://`` register)."""
    return ServerReader.open(url)

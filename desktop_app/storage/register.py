"""Reading the register: pages of the list, counts, and the choices for the filters.

Everything reads ``register_rows`` (the read model, see ``register_schema``) and the
FTS5 index, never the editing tables row by row, so the list of a 100,000-assessment
register costs the same as the list of a hundred. Pages are fetched by key ("the 200
rows after this one"), not by offset, so scrolling far down stays as fast as the
first page.

A ``Register`` wraps one plain ``sqlite3`` connection and only reads. The window's
worker threads open their own with ``Register.open_reader`` (a connection cannot
cross threads; WAL lets them read while the window writes).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from desktop_app.domain.audit import AuditAction
from desktop_app.domain.codes import Direction
from desktop_app.domain.register import (
    AdverseGround,
    Page,
    RegisterQuery,
    RegisterRow,
    SortKey,
)
from desktop_app.storage.register_schema import NO_DATE_KEY
from desktop_app.storage.row_codes import LANGUAGES, OUTCOMES, STATUSES
from desktop_app.storage.search_syntax import fts_query
from desktop_app.storage.sql_dialect import SQLITE, Where, register_filters
from desktop_app.storage.sqlite_errors import BUSY_TIMEOUT_MS, describe_sqlite_error

PAGE_SIZE = 200
# The page cache (KiB) of a one-off scan of a whole index (``Register.units``).
SCAN_CACHE_KIB = 256
# The page cache (KiB) of a reader's own connection. A reader lives for one task (a
# page, a count, a search), so its cache holds what that task reads again: the
# B-trees' upper pages. SQLite's default (2 MB) only kept the 200 rows of a first page,
# with their assessments and approvals, for nothing: at 100,000 assessments about
# 2.3 MB of the window's peak memory.
READER_CACHE_KIB = 512

_DECISION_TYPE = "(SELECT a.decision_type FROM assessments a WHERE a.id = r.assessment_id)"
# Whether the read model's reviewer (the newest approval or return) is an approval that
# an exchange file only claimed: the same status change, read through its index.
_REVIEWER_UNVERIFIED = (
    "coalesce((SELECT s.trust = 'unverified' FROM status_changes s "
    "WHERE s.assessment_id = r.assessment_id AND s.to_status IN ('approved', 'returned') "
    "ORDER BY s.id DESC LIMIT 1), 0)"
)
# Per sort key: the stored column that holds the key, the ORDER BY expression (text
# sorts without regard to case) and the index that serves it.
_SORT_COLUMNS: dict[SortKey, tuple[str, str, str]] = {
    SortKey.TITLE: ("title", "r.title COLLATE NOCASE", "register_by_title"),
    SortKey.CASE_NUMBER: ("case_number", "r.case_number COLLATE NOCASE", "register_by_case_number"),
    SortKey.UNIT: ("unit", "r.unit COLLATE NOCASE", "register_by_unit"),
    SortKey.DECISION_BODY: (
        "decision_body", "r.decision_body COLLATE NOCASE", "register_by_decision_body"
    ),
    SortKey.STATUS: ("status_rank", "r.status_rank", "register_by_status"),
    SortKey.REVISION: ("revision", "r.revision", "register_by_revision"),
    SortKey.AUTHOR: ("author", "r.author COLLATE NOCASE", "register_by_author"),
    SortKey.REVIEWER: ("reviewer", "r.reviewer COLLATE NOCASE", "register_by_reviewer"),
    SortKey.UPDATED: ("updated", "r.updated", "register_by_updated"),
    SortKey.OUTCOME: ("outcome_rank", "r.outcome_rank", "register_by_outcome"),
    SortKey.ADVERSE_GROUNDS: ("adverse_count", "r.adverse_count", "register_by_adverse"),
    SortKey.OPEN_MEASURES: ("open_measures", "r.open_measures", "register_by_open_measures"),
    SortKey.NEXT_FOLLOWUP: ("followup_key", "r.followup_key", "register_by_followup"),
    # Not in the read model (added later, migration 0008): sorted through a join with
    # ``assessments``, whose index on decision_type (and id) serves the order.
    SortKey.DECISION_TYPE: ("a.decision_type", "a.decision_type", ""),
}  # fmt: skip

# The server register's reader selects the same fields (``postgres/reader_sql.py``).
ROW_FIELDS = (
    "assessment_id", "uid", "title", "case_number", "organisation", "unit", "decision_body",
    "status", "revision", "author", "reviewer", "language", "framework_id", "outcome",
    "created", "updated", "reference_date", "adverse_grounds", "open_measures",
    "next_deadline", "next_followup",
)  # fmt: skip
# Qualified: sorting by decision type joins ``assessments``, which has columns of the
# same names.
_ROW_COLUMNS = ", ".join(
    [*(f"r.{name}" for name in ROW_FIELDS), _DECISION_TYPE, _REVIEWER_UNVERIFIED]
)

# Up to this many search hits, the hits drive the query and are sorted; above it, the
# sort index is walked and each row checked against the hits. The first is quick for a
# rare word, the second for a common one; SQLite cannot tell them apart by itself
# (an FTS5 table gives the planner no statistics).
FEW_HITS = 2000


_DIRECTIONS = {d.value: d for d in Direction}
_to_date = date.fromisoformat
_to_datetime = datetime.fromisoformat


@lru_cache(maxsize=4096)
def _adverse(text: str) -> tuple[AdverseGround, ...]:
    """``age=negative,sex=mixed`` as ground/direction pairs (few distinct values)."""
    if not text:
        return ()
    pairs = (item.split("=", 1) for item in text.split(","))
    return tuple(AdverseGround(key, _DIRECTIONS[direction]) for key, direction in pairs)


def _row(v: tuple[Any, ...]) -> RegisterRow:
    """A row of ``_ROW_COLUMNS`` (a page is built on every keystroke: kept lean)."""
    return RegisterRow._make((
        v[0], v[1], v[2], v[3], v[4], v[5], v[6], STATUSES[v[7]], v[8], v[9], v[10],
        LANGUAGES[v[11]], v[12], OUTCOMES[v[13]], _to_datetime(v[14]), _to_datetime(v[15]),
        _to_date(v[16]), _adverse(v[17]), v[18], v[19] and _to_date(v[19]),
        v[20] and _to_date(v[20]), v[21], bool(v[22]),
    ))  # fmt: skip


def _rows_of(fetched: list[tuple[Any, ...]]) -> list[RegisterRow]:
    try:
        return [_row(values) for values in fetched]
    except (KeyError, TypeError, ValueError) as error:
        from desktop_app.storage.rows import first_unreadable  # which row, and why

        raise first_unreadable(fetched, _row, _tables, error) from None


def _tables(v: tuple[Any, ...]) -> tuple[Any, list[tuple[str, dict[str, Any]]]]:
    return v[0], [("assessments", {"status": v[7], "language": v[11], "outcome": v[13]})]


def _filters(query: RegisterQuery, match: str | None) -> Where:
    where = register_filters(query, SQLITE)
    if match is not None:
        where.add(
            "r.assessment_id IN (SELECT rowid FROM register_search WHERE register_search MATCH ?)",
            match,
        )
    return where


class Register:
    """Read-only queries on the register, shared by the window and ``lika list``."""

    def __init__(self, conn: sqlite3.Connection, path: Path | str = "") -> None:
        self.conn = conn
        self.path = str(path)

    @classmethod
    def open_reader(cls, path: Path | str) -> Register:
        """A read-only connection of its own, for a worker thread."""
        uri = Path(path).resolve().as_uri() + "?mode=ro"
        try:
            conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        except sqlite3.Error as error:
            raise describe_sqlite_error(error, path) from None
        try:
            conn.execute(f"PRAGMA cache_size = {-READER_CACHE_KIB}")  # not a database: fails
        except sqlite3.Error as error:
            conn.close()
            raise describe_sqlite_error(error, path) from None
        return cls(conn, path)

    def close(self) -> None:
        self.conn.close()

    def last_restore(self) -> str:
        """The hash of the newest ``restore`` entry in the audit log ('' for none): when
        it changes, another program replaced the register with a backup."""
        found = self.execute(
            "SELECT hash FROM audit_log WHERE action = ? ORDER BY id DESC LIMIT 1",
            [AuditAction.RESTORE.value],
        ).fetchone()
        return str(found[0]) if found else ""

    def __enter__(self) -> Register:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def execute(self, sql: str, params: list[Any]) -> sqlite3.Cursor:
        try:
            return self.conn.execute(sql, params)
        except sqlite3.Error as error:
            raise describe_sqlite_error(error, self.path) from None

    def _fetched(self, sql: str, params: Sequence[Any]) -> list[RegisterRow]:
        cursor = self.execute(sql, list(params))
        try:
            fetched = cursor.fetchall()  # garbled text fails here, not in execute
        except sqlite3.Error as error:
            raise describe_sqlite_error(error, self.path) from None
        return _rows_of(fetched)

    def select(
        self, where: str = "", params: Sequence[Any] = (), tail: str = ""
    ) -> list[RegisterRow]:
        """Rows of ``register_rows r`` by a plain ``where`` clause, ordered and limited
        by ``tail``: the storage modules' lookups (by uid, by series, a short list)
        read the same rows, every column filled, as the register's pages."""
        return self._fetched(f"SELECT {_ROW_COLUMNS} FROM register_rows r {where} {tail}", params)

    def _hit_count(self, match: str) -> int:
        sql = "SELECT count(*) FROM register_search WHERE register_search MATCH ?"
        return int(self.execute(sql, [match]).fetchone()[0])

    def page_sql(
        self, query: RegisterQuery, after: tuple[Any, int] | None = None, limit: int = PAGE_SIZE
    ) -> tuple[str, list[Any]]:
        """The SQL and parameters of one page (public so the benchmark can time the
        same statement in plain sqlite3)."""
        match = fts_query(query.search)
        hits = self._hit_count(match) if match is not None else 0
        few_hits = match is not None and hits <= FEW_HITS
        where = _filters(query, None if few_hits else match)
        column, expr, index = _SORT_COLUMNS[query.sort]
        direction = "DESC" if query.descending else "ASC"
        # Sorting by the decision type walks assessments' index: the id must come from
        # the same table for SQLite to see that the index gives the order.
        joined = query.sort is SortKey.DECISION_TYPE
        row_id = "a.id" if joined else "r.assessment_id"
        join = " JOIN assessments a ON a.id = r.assessment_id" if joined else ""
        if after is not None:
            where.add(f"({expr}, {row_id}) {'<' if query.descending else '>'} (?, ?)", *after)
        if few_hits:
            # Start from the hits (CROSS JOIN keeps the FTS table in the outer loop).
            source = (
                "(SELECT rowid AS hit FROM register_search WHERE register_search MATCH ?) h "
                "CROSS JOIN register_rows r ON r.assessment_id = h.hit" + join
            )
            where.params.insert(0, match)
        elif match is not None:
            # Many hits: walk the sort index, the hits become a lookup set.
            source = (f"register_rows r INDEXED BY {index}" if index else "register_rows r") + join
        else:
            source = "register_rows r" + join
        sql = (
            f"SELECT {_ROW_COLUMNS}, {column} FROM {source} {where.sql()} "
            f"ORDER BY {expr} {direction}, {row_id} {direction} LIMIT ?"
        )
        return sql, [*where.params, limit]

    def page(
        self, query: RegisterQuery, after: tuple[Any, int] | None = None, limit: int = PAGE_SIZE
    ) -> Page:
        """Up to ``limit`` rows of ``query`` following the row whose key is ``after``."""
        sql, params = self.page_sql(query, after, limit)
        cursor = self.execute(sql, params)
        try:
            fetched = cursor.fetchall()  # garbled text or a damaged page fails here
        except sqlite3.Error as error:
            raise describe_sqlite_error(error, self.path) from None
        found = _rows_of(fetched)  # the last column is the sort key
        next_after = (fetched[-1][-1], found[-1].id) if len(found) == limit else None
        return Page(found, next_after)

    def count(self, query: RegisterQuery) -> int:
        where = _filters(query, fts_query(query.search))
        sql = f"SELECT count(*) FROM register_rows r {where.sql()}"
        return int(self.execute(sql, where.params).fetchone()[0])

    def rows(self, query: RegisterQuery, batch: int = 1000) -> Iterator[RegisterRow]:
        """Every row of ``query`` (exports of any size): one statement, read ``batch``
        rows at a time, so its work grows with the hits (reading it page by page ran
        the hit count and the search again for every page)."""
        sql, params = self.page_sql(query, None, -1)  # LIMIT -1: no limit
        cursor = self.execute(sql, params)
        while True:
            try:
                fetched = cursor.fetchmany(batch)
            except sqlite3.Error as error:
                raise describe_sqlite_error(error, self.path) from None
            if not fetched:
                return
            yield from _rows_of(fetched)

    def units(self) -> list[str]:
        """Every unit named in the register, for the unit filter. The query reads the
        whole unit index once (at 100,000 assessments about 2 MB of pages, SQLite's
        default cache): a scan nothing reads again, so it runs with a small cache
        rather than add those pages to the peak memory of the window's start."""
        sql = (
            "SELECT DISTINCT unit FROM register_rows WHERE unit != '' ORDER BY unit COLLATE NOCASE"
        )
        with self._small_cache():
            return [r[0] for r in self.execute(sql, []).fetchall()]

    @contextmanager
    def _small_cache(self) -> Iterator[None]:
        cache = self.conn.execute("PRAGMA cache_size").fetchone()[0]
        self.conn.execute(f"PRAGMA cache_size = {-SCAN_CACHE_KIB}")
        try:
            yield
        finally:
            self.conn.execute(f"PRAGMA cache_size = {cache}")

    def frameworks(self) -> list[str]:
        sql = "SELECT DISTINCT framework_id FROM register_rows ORDER BY framework_id"
        return [r[0] for r in self.execute(sql, []).fetchall()]


__all__ = ["FEW_HITS", "NO_DATE_KEY", "PAGE_SIZE", "Register"]


# For the server store's lookups, which select the same columns (``postgres.store_reads``).
rows_of = _rows_of

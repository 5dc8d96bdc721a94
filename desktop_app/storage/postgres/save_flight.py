"""An autosave on a server register in one or two round trips, none holding a lock
while the client waits (issue 20: 50 clients, migration ``0014_save_guard``).

1. ``read_for_save``: the stored row, and the child rows unless the store remembers
   them for this version, in one flight (psycopg's pipeline mode), outside any
   transaction: a read takes no lock. Skipped when the store remembers both the row
   (``Heads``: the row it wrote last, for the version it wrote) and the child rows:
   the next autosave of the same window.
2. The write (``ServerStore.save``): BEGIN, a returned assessment's status change, the
   version-guarded UPDATE (``guarded_update``), the changed child rows, the audit entry
   and COMMIT, sent together and answered together. The assessment's row lock and the
   audit counter's lock are taken and released within the server's own work on that
   flight, never across a wait for the client.

Reading outside the write's transaction is safe because of the version guard: every
change to an assessment or its child rows moves its version on, so if the UPDATE finds
the version that was read, nothing was committed in between and the rows read are the
rows stored. If it does not, ``lika.expect_saved`` stops the flight on the server
(SQLSTATE ``SAVE_REFUSED``) and the whole write rolls back.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from datetime import datetime
from typing import Any, Protocol, cast

import psycopg
from psycopg import sql
from psycopg.pq import TransactionStatus

from desktop_app.domain.model import Assessment
from desktop_app.storage.children import REMEMBERED, TABLES, TableRows
from desktop_app.storage.postgres.save_guard_v1 import SAVE_REFUSED

Row = dict[str, Any]

__all__ = [
    "SAVE_REFUSED",
    "Heads",
    "Tail",
    "closing_flight",
    "guarded_update",
    "read_for_save",
    "save_refused",
    "write_flight",
]

Tail = list[tuple[str, Any]]  # statements (query, parameters) to send with COMMIT


class Executes(Protocol):
    """Where a write's statements go: the connection, or a ``Batch`` for a flight."""

    def execute(self, query: Any, params: Any = ...) -> object: ...


class Batch:
    """A write's statements, gathered before its flight and then sent in one burst
    (``send``): the server, once it holds the row lock, never waits for this client
    to work out the next statement (the child rows' differences, say)."""

    def __init__(self) -> None:
        self.statements: list[tuple[Any, Any]] = []

    def execute(self, query: Any, params: Any = None) -> None:
        self.statements.append((query, params))

    def send(self, conn: psycopg.Connection[Row]) -> None:
        for query, params in self.statements:
            conn.execute(query, params)


class Heads:
    """The assessment rows a store last wrote, each tagged with its uid and the version
    it wrote, as ``children.ChildWriter`` remembers child rows: every change of the row
    moves the version on, so a row remembered for the version an edit is based on is
    the stored row if the version guard then finds that version (if not, the guard
    refuses the save and nothing is written)."""

    def __init__(self) -> None:
        self._known: OrderedDict[int, tuple[str, int, Row]] = OrderedDict()

    def get(self, assessment: Assessment) -> Row | None:
        """The row remembered for ``assessment``'s uid and version, else None."""
        assert assessment.id is not None
        known = self._known.get(assessment.id)
        if known is not None and known[:2] == (assessment.uid, assessment.version):
            return known[2]
        return None

    def remember(self, assessment: Assessment, row: Row) -> None:
        """``row`` is what the store committed as ``assessment.version``."""
        assert assessment.id is not None
        self._known[assessment.id] = (assessment.uid, assessment.version, row)
        self._known.move_to_end(assessment.id)
        while len(self._known) > REMEMBERED:
            self._known.popitem(last=False)

    def forget(self, assessment_id: int) -> None:
        self._known.pop(assessment_id, None)


def _nested(conn: psycopg.Connection[Row]) -> bool:
    """Whether a transaction is open already (an import stores its files through
    ``store_evidence_file`` inside its own): then a flight's BEGIN and COMMIT would
    commit the outer transaction's work early; psycopg's savepoint is used instead."""
    return conn.pgconn.transaction_status != TransactionStatus.IDLE


def _pipeline(conn: psycopg.Connection[Row]) -> AbstractContextManager[Any]:
    """psycopg's pipeline, or none where its libpq has none (older than 14; Lika's
    bundle carries psycopg_binary's own): then each statement is a round trip."""
    return conn.pipeline() if psycopg.Pipeline.is_supported() else nullcontext()


def read_for_save(
    conn: psycopg.Connection[Row], assessment: Assessment, remembered: TableRows | None
) -> tuple[Row | None, TableRows]:
    """The stored row of ``assessment`` (None if gone) and its child rows (``remembered``
    if given, else read in the same flight)."""
    assert assessment.id is not None
    with _pipeline(conn):
        head = conn.execute("SELECT * FROM lika.assessments WHERE id = %s", [assessment.id])
        children = (
            None
            if remembered is not None
            else [
                conn.execute(
                    sql.SQL("SELECT * FROM lika.{} WHERE assessment_id = %s").format(
                        sql.Identifier(table)
                    ),
                    [assessment.id],
                )
                for table, _ in TABLES
            ]
        )
    stored = head.fetchone()
    if children is None:
        assert remembered is not None
        return stored, remembered
    found = {
        table: {r[key]: r for r in cursor.fetchall()}
        for (table, key), cursor in zip(TABLES, children, strict=True)
    }
    return stored, found


@contextmanager
def write_flight(conn: psycopg.Connection[Row]) -> Iterator[None]:
    """BEGIN, the block's statements and COMMIT, sent as one flight and answered
    together when the block ends; the first error the server met is raised then, and
    the transaction is rolled back.

    Not ``conn.transaction()``: inside a pipeline psycopg syncs after BEGIN and before
    COMMIT (two more round trips, the second while every lock is held). So the block's
    statements must not need their results before the flight returns. Without pipeline
    mode in psycopg's libpq: an ordinary transaction, a round trip per statement."""
    if _nested(conn) or not psycopg.Pipeline.is_supported():
        with conn.transaction():  # inside another transaction: a savepoint
            yield
        return
    try:
        with _answered(conn):
            conn.execute("BEGIN", prepare=False)
            yield
            conn.execute("COMMIT", prepare=False)
    except BaseException:
        # A statement failed (the server skipped the rest, COMMIT too) or the block
        # raised before COMMIT: the transaction is still open, end it. ``rollback()``,
        # not a ROLLBACK statement: psycopg then also forgets the statements it meant
        # to prepare in the skipped rest ("prepared statement _pg3_N does not exist").
        if not conn.broken and conn.pgconn.transaction_status != TransactionStatus.IDLE:
            conn.rollback()
        raise


@contextmanager
def _answered(conn: psycopg.Connection[Row]) -> Iterator[None]:
    """``conn.pipeline()``, raising the first error the server met once the flight is
    answered. psycopg raises a refusal as soon as its answer arrives, which can be
    while later statements are still being sent; leaving the pipeline then also meets
    "pipeline aborted", which psycopg logs as a warning (on a command's stderr)."""
    first: psycopg.Error | None = None
    try:
        with conn.pipeline():
            try:
                yield
            except psycopg.Error as error:  # met while sending: keep it for the end
                first = error
    except psycopg.Error as error:  # met when the answers came back
        first = first or error
    if first is not None:
        raise first


@contextmanager
def closing_flight(conn: psycopg.Connection[Row]) -> Iterator[Tail]:
    """A transaction whose block runs statement by statement (it needs their answers),
    and whose last statements, queued in the yielded list, go with COMMIT in one
    flight: a write's audit entry, which takes the audit counter every writer waits
    for, is then not held while this client waits for a CPU to send COMMIT."""
    tail: Tail = []
    if _nested(conn) or not psycopg.Pipeline.is_supported():
        with conn.transaction():  # inside another transaction: a savepoint
            yield tail
            for query, params in tail:
                conn.execute(cast(Any, query), params)
        return
    conn.execute("BEGIN", prepare=False)
    try:
        yield tail
        with _answered(conn):
            for query, params in tail:
                conn.execute(cast(Any, query), params)
            conn.execute("COMMIT", prepare=False)
    except BaseException:  # as write_flight's
        if not conn.broken and conn.pgconn.transaction_status != TransactionStatus.IDLE:
            conn.rollback()
        raise


def assignments(changed: Row) -> sql.Composed:
    """``column = %(column)s, `` for each changed column, as an UPDATE's SET begins."""
    return sql.SQL("").join(
        sql.SQL("{} = {}, ").format(sql.Identifier(c), sql.Placeholder(c)) for c in changed
    )


def guarded_update(
    db: Executes,
    assessment_id: int,
    changed: Row,
    updated: datetime,
    bump: int,
    version: int,
) -> None:
    """UPDATE the assessment's ``changed`` columns, ``updated`` and ``version`` (by
    ``bump``) if its version is still ``version``; the server raises ``SAVE_REFUSED``
    otherwise (or when row-level security hides the row), so the rest of the flight
    does not run."""
    db.execute(
        sql.SQL(
            "WITH saved AS (UPDATE lika.assessments SET {}updated = %(updated)s, "
            "version = version + %(bump)s WHERE id = %(id)s AND version = %(version)s "
            "RETURNING 1) SELECT lika.expect_saved((SELECT count(*) FROM saved))"
        ).format(assignments(changed)),
        {**changed, "updated": updated.isoformat(), "bump": bump, "id": assessment_id,
         "version": version},
    )  # fmt: skip


def save_refused(error: psycopg.Error) -> bool:
    """Whether ``error`` is the version guard's (the UPDATE matched no row)."""
    return getattr(error, "sqlstate", None) == SAVE_REFUSED

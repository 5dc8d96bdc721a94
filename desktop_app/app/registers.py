"""Opening a register: for writing, for reading on a worker thread, and the stores of
review and evaluation records on it. With ``app.backups``, the one place that picks the
storage engine (SQLite today); everything it hands out is typed by ``app.ports``.
"""

from __future__ import annotations

from pathlib import Path

from desktop_app.app.list_reader import SqliteReader, open_reader
from desktop_app.app.ports import (
    AssessmentStore,
    Clock,
    EvaluationRecords,
    RegisterReader,
    ReviewRecords,
)
from desktop_app.domain.clock import utc_now
from desktop_app.storage.register import Register
from desktop_app.storage.repository import AssessmentRepository
from desktop_app.storage.review import ReviewStore

__all__ = [
    "SqliteReader",
    "evaluation_records",
    "open_reader",
    "open_store",
    "reader_on",
    "review_records",
]


def open_store(path: Path, *, clock: Clock = utc_now) -> AssessmentStore:
    """The register at ``path``, opened for writing (created and migrated if needed)."""
    return AssessmentRepository.open(path, clock=clock)


def reader_on(store: AssessmentStore) -> RegisterReader:
    """Register queries on ``store``'s own connection (the CLI: one thread, one
    connection); closing the reader leaves the store open."""
    assert isinstance(store, AssessmentRepository), "a SQLite register"
    return _Borrowed(Register(store.db.conn, store.path))


class _Borrowed(SqliteReader):
    def close(self) -> None:
        """The connection belongs to the store."""


def review_records(store: AssessmentStore) -> ReviewRecords:
    """Comments, revisions and the audit trail of ``store``'s register."""
    assert isinstance(store, AssessmentRepository), "a SQLite register"
    return ReviewStore(store)


def evaluation_records(store: AssessmentStore, *, clock: Clock = utc_now) -> EvaluationRecords:
    """The evaluations of ``store``'s register."""
    from desktop_app.storage.evaluations import EvaluationStore  # step 4 only, not at start-up

    assert isinstance(store, AssessmentRepository), "a SQLite register"
    return EvaluationStore(store.db, clock=clock)

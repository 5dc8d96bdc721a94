"""Writing many assessments at once (the large demo register, imports of many).

Row by row, every insert would fire the register's triggers and re-index the
assessment each time one of its children arrives. Here everything goes in one
transaction: the triggers are set aside, rows go in with ``executemany`` in batches,
then the read model and search index are computed once for the new rows, and the
triggers come back. Either all of it is stored or none of it.

The lock triggers of approved assessments are set aside too, and the audit log gets
what a one-by-one load would have written, in the same words (``domain.audit_summary``):
for each assessment its creation (or new revision), each status change of its history
and each review comment and its addressing, by the people named there, chained onto
the log's newest entry.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime
from itertools import islice
from typing import Any

from sqlite_utils import Database

from desktop_app.domain.audit import AuditAction, records_hash
from desktop_app.domain.audit_summary import (
    CREATED,
    address_summary,
    comment_summary,
    revision_summary,
    status_summary,
)
from desktop_app.domain.evaluation import Evaluation
from desktop_app.domain.model import Assessment, StatusChange
from desktop_app.domain.review import ReviewComment
from desktop_app.progress import NO_PROGRESS, Progress
from desktop_app.storage import audit, register_schema, review_schema, rows
from desktop_app.storage.database import describe_sqlite_error, write_transaction
from desktop_app.storage.evaluations import evaluation_row, measure_result_row

BATCH = 2000
BULK_CACHE_KIB = 256 * 1024
LARGE_LOAD = 5000  # from this many (and more than stored), indexes are rebuilt at the end


@dataclass
class NewAssessment:
    """An assessment with its history, to be stored in bulk. ``previous`` points at
    the earlier revision when both are in the same load."""

    assessment: Assessment
    history: list[StatusChange] = field(default_factory=list)
    evaluations: list[Evaluation] = field(default_factory=list)
    previous: NewAssessment | None = None
    comments: list[ReviewComment] = field(default_factory=list)  # ids are assigned
    # The caseworker's OS account, which the audit log names for the creation and for
    # addressing comments (a comment stores its reviewer's account, not its addresser's).
    os_user: str = "demo"


def _insert(db: Database, table: str, columns: list[str], records: list[tuple[Any, ...]]) -> None:
    if not records:
        return
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"
    db.conn.executemany(sql, records)


def _batches(items: Iterable[NewAssessment], size: int) -> Iterator[list[NewAssessment]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


class _Tables:
    """Rows of one batch, per table, as tuples in the column order of their mapping."""

    def __init__(self) -> None:
        self.columns: dict[str, list[str]] = {}
        self.records: dict[str, list[tuple[Any, ...]]] = {}

    def add(self, table: str, record: dict[str, Any], **first: Any) -> None:
        if table not in self.columns:
            self.columns[table] = [*first, *record]
            self.records[table] = []
        self.records[table].append((*first.values(), *record.values()))

    def write(self, db: Database) -> None:
        for table in ("assessments", "ground_assessments", "answers", "measures",
                      "statistics_tables", "evidence_items",
                      "status_changes", "evaluations", "evaluation_measures",
                      "review_comments", "audit_log"):  # fmt: skip
            if table in self.records:
                _insert(db, table, self.columns[table], self.records[table])


@dataclass
class _Chain:
    """The audit log's end while a load appends to it: the next id and the last hash."""

    next_id: int
    last_hash: str

    @classmethod
    def read(cls, db: Database) -> _Chain:
        return cls(*audit.chain_end(db))

    def add(
        self, tables: _Tables, a: Assessment, at: datetime, actor: str, os_user: str,
        action: AuditAction, summary: str, record_hash: str = "",
    ) -> None:  # fmt: skip
        row = audit.entry_row(
            self.last_hash, self.next_id, at, actor=actor, os_user=os_user,
            assessment_id=a.id, assessment_uid=a.uid, revision=a.revision, action=action,
            summary=summary, record_hash=record_hash,
        )  # fmt: skip
        row.setdefault("record_hash", "")  # one column list for every row of the batch
        tables.add("audit_log", row)
        self.next_id, self.last_hash = self.next_id + 1, row["hash"]


def _audit(
    tables: _Tables, chain: _Chain, item: NewAssessment, comments: list[ReviewComment],
    created: datetime, ids: _NextIds,
) -> None:  # fmt: skip
    """The entries of one assessment; ``comments`` are its comments with their ids."""
    a = item.assessment
    if item.previous is None:
        action, summary = AuditAction.CREATE, CREATED
    else:
        action = AuditAction.NEW_REVISION
        summary = revision_summary(a.revision, item.previous.assessment.id)
    chain.add(tables, a, created, a.decision.author, item.os_user, action, summary)
    events: list[tuple[datetime, int, StatusChange | ReviewComment]] = [
        (c.at, 0, c) for c in item.history
    ] + [(c.created, 1, c) for c in comments]
    events += [(c.addressed_at, 2, c) for c in comments if c.addressed_at is not None]
    for at, kind, event in sorted(events, key=lambda e: e[:2]):
        if isinstance(event, StatusChange):
            # The row goes in recorded by its entry, as ``approval_records.insert`` writes it.
            assert a.id is not None
            row = {
                "id": ids.status, **rows.status_change_row(a.id, event),
                "audit_id": chain.next_id, "generation": 0,
            }  # fmt: skip
            ids.status += 1
            tables.add("status_changes", row)
            record = records_hash([audit.record_values(row)])
            summary = status_summary(event)
            chain.add(
                tables, a, at, event.actor, event.os_user, AuditAction.STATUS, summary, record
            )
        elif kind == 1:
            summary = comment_summary(event.id, event.target, event.text)
            chain.add(tables, a, at, event.author, event.os_user, AuditAction.COMMENT, summary)
        else:
            summary = address_summary(event.id, event.reply)
            chain.add(tables, a, at, event.addressed_by, item.os_user, AuditAction.ADDRESS, summary)


@dataclass
class _NextIds:
    """The ids the next rows get (the table's highest + 1), counted on as rows are mapped:
    the audit log names assessments and comments by id."""

    assessment: int
    evaluation: int
    comment: int
    status: int

    @classmethod
    def read(cls, db: Database) -> _NextIds:
        def after(table: str) -> int:
            return int(db.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {table}").fetchone()[0])

        return cls(
            after("assessments"), after("evaluations"), after("review_comments"),
            after("status_changes"),
        )  # fmt: skip


@dataclass
class _Prepared:
    """One batch, mapped to rows with its ids assigned, ready to be written."""

    tables: _Tables
    first_id: int
    end_id: int


def _prepare(batch: list[NewAssessment], ids: _NextIds, chain: _Chain) -> _Prepared:
    tables = _Tables()
    first_id = ids.assessment
    ground_rows: dict[int, dict[str, Any]] = {}
    for item in batch:
        a = item.assessment
        a.id = ids.assessment
        ids.assessment += 1
        if item.previous is not None:
            a.previous_id = item.previous.assessment.id
        created = a.created or datetime.now().astimezone()
        updated = a.updated or created
        tables.add(
            "assessments",
            rows.assessment_row(a),
            id=a.id,
            created=created.isoformat(),
            updated=updated.isoformat(),
            version=1,
        )
        for g in a.grounds.values():
            # Objects shared between assessments are mapped once per batch.
            row = ground_rows.get(id(g))
            if row is None:
                row = ground_rows[id(g)] = rows.ground_row(g)
            tables.add("ground_assessments", row, assessment_id=a.id)
        for answer in a.answers.values():
            tables.add("answers", rows.answer_row(answer), assessment_id=a.id)
        for i, m in enumerate(a.measures):
            tables.add("measures", rows.measure_row(m, i), assessment_id=a.id)
        for i, t in enumerate(a.statistics):
            tables.add("statistics_tables", rows.statistics_row(t, i), assessment_id=a.id)
        for i, e in enumerate(a.evidence):  # links and references; files need their bytes
            tables.add("evidence_items", rows.evidence_row(e, i), assessment_id=a.id)
        comments = []
        for comment in item.comments:
            comment = replace(comment, id=ids.comment, assessment_id=a.id)
            ids.comment += 1
            tables.add("review_comments", rows.comment_row(comment), id=comment.id)
            comments.append(comment)
        _audit(tables, chain, item, comments, created, ids)
        for evaluation in item.evaluations:
            evaluation = replace(evaluation, assessment_id=a.id)
            recorded = evaluation.recorded_at or created
            tables.add("evaluations", evaluation_row(evaluation, recorded), id=ids.evaluation)
            for result in evaluation.measures:
                tables.add("evaluation_measures", measure_result_row(ids.evaluation, a.id, result))
            ids.evaluation += 1
    return _Prepared(tables, first_id, ids.assessment)


def _prepared(items: Iterable[NewAssessment], ids: _NextIds, chain: _Chain) -> Iterator[_Prepared]:
    for batch in _batches(items, BATCH):
        yield _prepare(batch, ids, chain)


# The read model's indexes are re-created once at the end of a large load: sorting once
# is cheaper than inserting into fifteen indexes row by row. (The source tables keep
# theirs: the views that compute the read model need them.)
_LOADED_TABLES = ("register_rows",)


def _set_aside_indexes(db: Database) -> list[str]:
    """Drop the indexes that can be re-created (not those of UNIQUE or PRIMARY KEY
    constraints) and return the statements that re-create them."""
    marks = ", ".join("?" for _ in _LOADED_TABLES)
    found = db.execute(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        f"AND tbl_name IN ({marks})",
        list(_LOADED_TABLES),
    ).fetchall()
    for name, _sql in found:
        db.execute(f'DROP INDEX "{name}"')
    return [sql for _name, sql in found]


def bulk_insert(
    db: Database, items: Iterable[NewAssessment], total: int, progress: Progress = NO_PROGRESS
) -> int:
    """Store ``items`` (``total`` of them, for progress) in one transaction; returns
    how many were stored. Cancelling through ``progress`` stores nothing."""
    progress.start(total + 1, "assessments")
    stored = 0
    # A large page cache for this load: index pages are revisited constantly.
    cache = db.execute("PRAGMA cache_size").fetchone()[0]
    db.execute(f"PRAGMA cache_size = {-BULK_CACHE_KIB}")
    try:
        with write_transaction(db):  # BEGIN IMMEDIATE, as every writer of the audit log
            register_schema.drop_triggers(db)
            review_schema.drop_lock_triggers(db)
            chain = _Chain.read(db)
            ids = _NextIds.read(db)
            first_id = ids.assessment
            indexes = _set_aside_indexes(db) if total >= max(first_id, LARGE_LOAD) else []
            for prepared in _prepared(items, ids, chain):
                if progress.cancelled:
                    raise _CancelledError
                prepared.tables.write(db)
                register_schema.rebuild(db, prepared.first_id, prepared.end_id)
                stored += prepared.end_id - prepared.first_id
                progress.advance(prepared.end_id - prepared.first_id)
            register_schema.refresh_heads(db, first_id)
            for statement in indexes:
                db.execute(statement)
            register_schema.install_triggers(db)
            review_schema.install_triggers(db)
            db.execute("INSERT INTO register_search(register_search) VALUES ('optimize')")
            progress.advance()
    except _CancelledError:
        return 0
    except sqlite3.Error as error:
        path = db.conn.execute("PRAGMA database_list").fetchone()[2]
        raise describe_sqlite_error(error, path) from None
    finally:
        db.execute(f"PRAGMA cache_size = {cache}")
    db.execute("ANALYZE")
    return stored


class _CancelledError(Exception):
    """Raised inside the transaction so that it rolls back."""

"""The one API through which the UI and the CLI read and write assessments.

Every write is one transaction. Saves are guarded by a per-assessment ``version``: a
save based on an older version than the stored one is refused (``ConflictError``)
instead of silently overwriting someone else's edit.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from desktop_app.domain.audit import AuditAction, AuditChange
from desktop_app.domain.audit_summary import CREATED, delete_summary, save_summary, status_summary
from desktop_app.domain.clock import Clock, utc_now
from desktop_app.domain.errors import NotFoundError
from desktop_app.domain.evaluation import Evaluation
from desktop_app.domain.identity import Identity
from desktop_app.domain.model import (
    Assessment,
    Status,
    StatusChange,
)
from desktop_app.domain.register import RegisterRow
from desktop_app.domain.workflow import check_deletable
from desktop_app.storage import approval_records, audit, evidence_files, rows
from desktop_app.storage.children import ChildWriter, TableRows
from desktop_app.storage.errors import ConflictError
from desktop_app.storage.plain_db import PlainDb
from desktop_app.storage.register import Register
from desktop_app.storage.save_checks import check_saveable
from desktop_app.storage.search_syntax import contains_pattern
from desktop_app.storage.sqlite_errors import describe_sqlite_error

if TYPE_CHECKING:  # sqlite-utils opens and writes (``open``); reads need only sqlite3
    from sqlite_utils import Database

    from desktop_app.domain.portfolio import Period, PortfolioEntry


class AssessmentRepository:
    def __init__(self, db: Database, *, clock: Clock = utc_now) -> None:
        self.db = db
        self._clock = clock
        # Who the audit log names for the writes; the service sets its identity here.
        self.actor: Identity = Identity.default()
        self._children = ChildWriter(
            lambda table, ident: self._query(
                f"SELECT * FROM {table} WHERE assessment_id = ?", [ident]
            )
        )

    @classmethod
    def open(
        cls, path: Path, *, clock: Clock = utc_now, create: bool = True
    ) -> AssessmentRepository:
        from desktop_app.storage.database import open_database  # with sqlite-utils

        return cls(open_database(path, create=create), clock=clock)

    @classmethod
    def reading(cls, conn: sqlite3.Connection) -> AssessmentRepository:
        """The repository's reads on a read-only connection from ``read_door`` (a
        register that opening would leave as it is), without importing sqlite-utils:
        every read goes through ``db.execute`` and ``db.conn``, which ``PlainDb`` gives.
        For commands that only read (``lika export-pdf``); a write on it fails."""
        return cls(cast("Database", PlainDb(conn)))

    @property
    def path(self) -> str:
        return str(self.db.conn.execute("PRAGMA database_list").fetchone()[2])

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def _transaction(self) -> Iterator[Database]:
        """One atomic write; SQLite errors become messages a user can act on.

        ``BEGIN IMMEDIATE`` takes the write lock before the first read, so a writer in
        another process makes this one wait (busy timeout) instead of failing halfway
        on a snapshot that went stale between its read and its write.
        """
        from desktop_app.storage.database import write_transaction

        conn = self.db.conn
        try:
            with write_transaction(self.db) as db:
                yield db
        except sqlite3.Error as error:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise describe_sqlite_error(error, self.path) from None

    def transaction(self) -> contextlib.AbstractContextManager[Database]:
        """One atomic write for stores that share this repository's connection (the
        review comments): nested in a running transaction, it becomes a savepoint."""
        return self._transaction()

    # Reading

    def _query(self, sql: str, params: Any = ()) -> list[dict[str, Any]]:
        try:
            cursor = self.db.execute(sql, params)
            found = cursor.fetchall()  # garbled text fails here, not in execute
        except sqlite3.Error as error:
            raise describe_sqlite_error(error, self.path) from None
        names = [c[0] for c in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in found]

    def get(self, assessment_id: int) -> Assessment:
        found = self._query("SELECT * FROM assessments WHERE id = ?", [assessment_id])
        if not found:
            raise NotFoundError(f"No assessment with id {assessment_id}")
        where = "WHERE assessment_id = ?"
        return rows.assessment_from_rows(
            found[0],
            self._query(f"SELECT * FROM ground_assessments {where}", [assessment_id]),
            self._query(f"SELECT * FROM answers {where}", [assessment_id]),
            self._query(f"SELECT * FROM measures {where}", [assessment_id]),
            self._query(f"SELECT * FROM statistics_tables {where}", [assessment_id]),
            self._query(f"SELECT * FROM evidence_items {where}", [assessment_id]),
        )

    def list_summaries(
        self, *, status: Status | None = None, search: str = "", limit: int = -1, offset: int = 0
    ) -> list[RegisterRow]:
        """Register rows, newest change first. ``search`` matches title and case number."""
        clauses, params = self._filters(status, search)
        tail = "ORDER BY r.updated DESC, r.assessment_id DESC LIMIT ? OFFSET ?"
        return self.register().select(clauses, [*params, limit, offset], tail)

    def count(self, *, status: Status | None = None, search: str = "") -> int:
        clauses, params = self._filters(status, search)
        return int(self._query(f"SELECT count(*) AS n FROM assessments {clauses}", params)[0]["n"])

    @staticmethod
    def _filters(status: Status | None, search: str) -> tuple[str, list[Any]]:
        conditions: list[str] = []
        params: list[Any] = []
        if status is not None:
            conditions.append("status = ?")
            params.append(status.value)
        if search.strip():
            conditions.append("(title LIKE ? ESCAPE '\\' OR case_number LIKE ? ESCAPE '\\')")
            pattern = contains_pattern(search)
            params += [pattern, pattern]
        return ("WHERE " + " AND ".join(conditions) if conditions else ""), params

    def portfolio_entries(
        self, period: Period | None = None, unit: str | None = None
    ) -> list[PortfolioEntry]:
        """Light records of the newest revision of every assessment in ``period`` (by
        decision date, else creation date) and ``unit``, for ``portfolio_figures``."""
        try:
            # Here: the portfolio's records are for the report, not every read (issue 18).
            from desktop_app.storage.portfolio import read_portfolio_entries

            return read_portfolio_entries(self.db.conn, period, unit)
        except sqlite3.Error as error:
            raise describe_sqlite_error(error, self.path) from None

    def units(self) -> list[str]:
        """Every department or unit named in the register, for report filters."""
        found = self._query(
            "SELECT DISTINCT unit FROM assessments WHERE unit != '' ORDER BY unit COLLATE NOCASE"
        )
        return [r["unit"] for r in found]

    def find_uid(self, uid: str) -> RegisterRow | None:
        """The register entry with this globally unique id, if there is one."""
        where = "WHERE r.assessment_id IN (SELECT id FROM assessments WHERE uid = ?)"
        found = self.register().select(where, [uid])
        return found[0] if found else None

    def register(self) -> Register:
        """The register's read model on this repository's connection."""
        return Register(self.db.conn, self.path)

    def last_restore(self) -> str:
        """The hash of the newest ``restore`` entry in the audit log ('' for none): when
        it changes, another program replaced the register with a backup."""
        return Register(self.db.conn, self.path).last_restore()

    def approval_states(self) -> dict[int, str]:
        """``approval_records.approval_states`` of this register."""
        try:
            return approval_records.approval_states(self.db.conn)
        except sqlite3.Error as error:
            raise describe_sqlite_error(error, self.path) from None

    def status_history(self, assessment_id: int) -> list[StatusChange]:
        found = self._query(approval_records.HISTORY_SQL, {"id": assessment_id})
        return [rows.status_change_from_row(r) for r in found]

    # Writing

    def record_in_audit_log(
        self,
        db: Database,
        assessment: Assessment,
        action: AuditAction,
        summary: str,
        *,
        at: datetime | None = None,
        changes: Sequence[AuditChange] = (),
        actor: Identity | None = None,
    ) -> None:
        """Record ``action`` in the audit log, in the caller's transaction."""
        audit.append(
            db,
            actor or self.actor,
            at or self._clock(),
            assessment_id=assessment.id,
            assessment_uid=assessment.uid,
            revision=assessment.revision,
            action=action,
            summary=summary,
            changes=changes,
        )

    def _insert(self, db: Database, assessment: Assessment, row: dict[str, Any]) -> TableRows:
        """Insert the row and children of a new assessment. An approved one's rows go in
        before its status is set: the lock triggers refuse children of approved ones."""
        status = row["status"]
        if status == Status.APPROVED.value:
            row = {**row, "status": Status.DRAFT.value}
        assessment.id = rows.inserted_id(db.table("assessments").insert(row))
        written = self._children.write(db, assessment, None)
        if status != row["status"]:
            db.execute("UPDATE assessments SET status = ? WHERE id = ?", [status, assessment.id])
        return written

    def create(
        self,
        assessment: Assessment,
        *,
        action: AuditAction = AuditAction.CREATE,
        summary: str = CREATED,
        actor: Identity | None = None,
    ) -> Assessment:
        """Store a new assessment; sets its ``id``, timestamps and ``version``. The
        audit log names ``actor`` (default: the repository's) as its creator."""
        now = assessment.created or self._clock()
        with self._transaction() as db:
            row = {
                **rows.assessment_row(assessment),
                "created": now.isoformat(),
                "updated": (assessment.updated or now).isoformat(),
                "version": 1,
            }
            written = self._insert(db, assessment, row)
            self.record_in_audit_log(db, assessment, action, summary, at=now, actor=actor)
        assessment.created, assessment.updated = now, assessment.updated or now
        assessment.version = 1
        self._children.remember(assessment, 1, written)
        return assessment

    def save(self, assessment: Assessment, status_change: StatusChange | None = None) -> None:
        """Store every change of ``assessment`` (and optionally a status change with it).

        Raises ``ConflictError`` if the stored version is newer than the one loaded, and
        ``WorkflowError`` if the stored assessment is approved (locked). The audit log
        records which fields changed (a save that changed nothing records nothing).
        """
        if assessment.id is None:
            raise ValueError("save() needs a stored assessment; use create()")
        now = self._clock()
        with self._transaction() as db:
            stored = self._query("SELECT * FROM assessments WHERE id = ?", [assessment.id])
            check_saveable(stored[0] if stored else None, assessment)
            # The status only ever changes together with a recorded status change.
            row = rows.assessment_row(assessment)
            if status_change is None:
                del row["status"]
            else:
                row["status"] = status_change.to_status.value
            # Only changed columns: an unchanged indexed column (uid, status, series)
            # would still cost its index pages on every autosave.
            changed = {name: value for name, value in row.items() if stored[0][name] != value}
            db.execute(
                "UPDATE assessments SET "
                + "".join(f"{name} = :{name}, " for name in changed)
                + "updated = :updated, version = version + 1 WHERE id = :id",
                {**changed, "updated": now.isoformat(), "id": assessment.id},
            )
            existing = self._children.stored(assessment, stored[0]["version"])
            before = rows.assessment_from_rows(
                stored[0], *(list(t.values()) for t in existing.values())
            )
            written = self._children.write(db, assessment, stored[0]["version"], existing)
            # The status change (returned -> draft) was decided before this save, at
            # its own time: logged first, so the log's times run forward.
            if status_change is not None:
                self._write_status_change(db, assessment, status_change)
            fields = audit.field_changes(before, assessment)
            if fields:
                summary = save_summary(len(fields))
                self.record_in_audit_log(
                    db, assessment, AuditAction.SAVE, summary, at=now, changes=fields
                )
        assessment.version += 1
        assessment.updated = now
        self._children.remember(assessment, assessment.version, written)

    def _write_status_change(
        self, db: Database, assessment: Assessment, change: StatusChange
    ) -> None:
        assert assessment.id is not None
        approval_records.insert(db, assessment.id, [change])
        who = Identity(change.actor, change.os_user)
        summary = status_summary(change)
        self.record_in_audit_log(
            db, assessment, AuditAction.STATUS, summary, at=change.at, actor=who
        )

    def record_status_change(self, assessment: Assessment, *changes: StatusChange) -> None:
        """Store one or more status changes (in order, in one transaction); for an
        approval, the stored assessment must be unchanged since it was loaded."""
        if assessment.id is None:
            raise ValueError("record_status_change() needs a stored assessment")
        final = changes[-1]
        with self._transaction() as db:
            updated = db.execute(
                "UPDATE assessments SET status = ?, version = version + 1, updated = ? "
                "WHERE id = ? AND version = ?",
                [final.to_status.value, final.at.isoformat(), assessment.id, assessment.version],
            )
            if updated.rowcount != 1:
                raise ConflictError(
                    "This assessment was changed elsewhere; reload it before changing its status"
                )
            for change in changes:
                self._write_status_change(db, assessment, change)
        self._children.advance(assessment, assessment.version)
        assessment.version += 1
        assessment.updated = final.at

    def store_imported(
        self,
        assessment: Assessment,
        history: list[StatusChange],
        evaluations: Sequence[Evaluation] = (),
        *,
        replace: bool = False,
        files: Sequence[bytes] = (),
        note: str = "",
        source: str = "",
    ) -> None:
        """Write an imported assessment, its review history and evaluations in one
        transaction, with an IMPORT audit entry naming ``source`` (the file) and, for a
        replacement, what it changed.

        With ``replace``, the stored assessment with the same uid is overwritten in place
        (same id; its version moves on, so a window editing it meets the version guard);
        otherwise the uid must be new. An approved stored assessment is never replaced.
        """
        from desktop_app.storage.imports import store_imported

        with self._transaction() as db:
            for data in files:  # first: the lock triggers guard an approved one's files
                evidence_files.store(db, data, self._clock())
            written, summary, fields = store_imported(
                self, db, assessment, history, evaluations, replace=replace, source=source
            )
            self.record_in_audit_log(
                db, assessment, AuditAction.IMPORT, summary + note, changes=fields
            )
        self._children.remember(assessment, assessment.version, written)

    # Evidence files (their bytes; the items are children of the assessment)

    def store_evidence_file(self, data: bytes) -> str:
        """Keep a file's bytes in the register (once per SHA-256); its hash. Stored
        before the assessment that attaches it is saved: ``prune`` keeps an unattached
        file for a day."""
        with self._transaction() as db:
            return evidence_files.store(db, data, self._clock())

    def evidence_file(self, digest: str) -> bytes:
        """The bytes of an attached file, checked against their hash."""
        try:
            return evidence_files.read(self.db, digest)
        except sqlite3.Error as error:
            raise describe_sqlite_error(error, self.path) from None

    def delete(self, assessment_id: int) -> None:
        """Delete an assessment with its children and comments; the audit log keeps its
        entries and records the deletion. Approved ones are refused (``check_deletable``)."""
        with self._transaction() as db:
            found = self._query(
                "SELECT id, uid, revision, status FROM assessments WHERE id = ?", [assessment_id]
            )
            if not found:
                raise NotFoundError(f"No assessment with id {assessment_id}")
            check_deletable(rows.known(rows.STATUSES, found[0]["status"], assessment_id, "status"))
            db.execute("DELETE FROM assessments WHERE id = ?", [assessment_id])
            row = found[0]
            gone = Assessment("", "", id=assessment_id, uid=row["uid"], revision=row["revision"])
            self.record_in_audit_log(db, gone, AuditAction.DELETE, delete_summary(row["status"]))
            evidence_files.prune(db, self._clock())
        self._children.forget(assessment_id)

"""``app.ports.AssessmentStore`` on a register on a PostgreSQL server (issue 20).

The same contract as the SQLite ``AssessmentRepository``: every write is one
transaction; a save based on an older ``version`` than the stored one raises
``ConflictError``; only changed columns and child rows are written
(``children.ChildWriter``, shared with SQLite). What the server decides instead of the
client:

- who acts: the login the server authenticated (``session_user``); ``actor`` is that
  login, and assigning another identity changes nothing the server records;
- status changes go through ``lika.change_status`` and audit entries through
  ``lika.append_audit`` (SECURITY DEFINER): the server writes the name and the time;
- row-level security: a caseworker edits only their own open drafts. An UPDATE that
  the policies hide changes no row; that is told apart from a stale version here.

The connection runs in autocommit; writes open their own transaction.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import psycopg
from psycopg import sql
from psycopg.rows import dict_row
from psycopg.types.json import Jsonb

from desktop_app.domain.audit import AuditAction, AuditChange
from desktop_app.domain.audit_summary import CREATED, delete_summary, save_summary
from desktop_app.domain.clock import Clock, utc_now
from desktop_app.domain.errors import NotFoundError, UnreadableDataError, WorkflowError
from desktop_app.domain.evaluation import Evaluation
from desktop_app.domain.identity import Identity
from desktop_app.domain.model import Assessment, Status, StatusChange
from desktop_app.domain.portfolio import Period, PortfolioEntry
from desktop_app.domain.register import RegisterRow
from desktop_app.domain.workflow import check_deletable
from desktop_app.storage import audit, rows
from desktop_app.storage.children import ChildWriter, TableRows
from desktop_app.storage.errors import ConflictError, NotOnServerError
from desktop_app.storage.postgres.children_sql import ServerChildSql
from desktop_app.storage.postgres.connection import connect, shown
from desktop_app.storage.postgres.errors import NotPermittedError, described
from desktop_app.storage.postgres.save_flight import (
    Batch,
    Executes,
    Heads,
    Tail,
    closing_flight,
    guarded_update,
    read_for_save,
    save_refused,
    write_flight,
)
from desktop_app.storage.postgres.schema_guard import refuse_other_schema
from desktop_app.storage.postgres.session import session_identity
from desktop_app.storage.postgres.store_reads import ServerReads
from desktop_app.storage.save_checks import CHANGED_ELSEWHERE, check_saveable

Row = dict[str, Any]


_APPEND_AUDIT = "SELECT lika.append_audit(%s, %s, %s, %s, %s, %s)"


def _changes(changes: Sequence[AuditChange]) -> Jsonb:
    return Jsonb([[list(c.path), c.old, c.new] for c in changes])


class ServerStore(ServerReads):
    """The register at a ``postgresql://`` URL, opened as the login libpq authenticates."""

    def __init__(self, url: str, *, clock: Clock = utc_now, guard: bool = True) -> None:
        self._url = url
        self._clock = clock
        try:
            conn: psycopg.Connection[Row] = connect(url, autocommit=True, row_factory=dict_row)
        except psycopg.Error as error:
            raise described(error, url) from None
        super().__init__(conn, url)
        try:
            with self._errors():
                if guard:
                    refuse_other_schema(conn, url)
                self._actor, self.roles = session_identity(conn)
        except BaseException:  # no schema there: the window says so and may try again
            conn.close()
            raise
        self._children = ChildWriter(self._read_children, ServerChildSql())
        self._heads = Heads()
        self._tail: Tail | None = None  # a write's last statements, sent with COMMIT

    @classmethod
    def open(cls, url: str, *, clock: Clock = utc_now, guard: bool = True) -> ServerStore:
        """The register at ``url``; ``guard=False`` (``lika check`` only) opens a schema
        that is not this Lika's, to report it."""
        return cls(url, clock=clock, guard=guard)

    @property
    def actor(self) -> Identity:
        """The server's login: the name every audit entry and status change records."""
        return self._actor

    @actor.setter
    def actor(self, identity: Identity) -> None:
        """The service names its identity here; on a server only the login counts, so
        the store keeps it (the name typed in Settings is never recorded)."""

    @property
    def path(self) -> str:
        """The URL, without a password (for titles and messages)."""
        return shown(self._url)

    @property
    def url(self) -> str:
        """The URL as given, for connections of other threads."""
        return self._url

    def close(self) -> None:
        self._conn.close()

    @contextmanager
    def _transaction(self) -> Iterator[psycopg.Connection[Row]]:
        """A write's transaction. Its audit entry (``_audit``, always a write's last
        statement) is sent with COMMIT in one flight (``save_flight.closing_flight``)."""
        with self._errors(), closing_flight(self.conn) as tail:
            outer, self._tail = self._tail, tail
            try:
                yield self.conn
            finally:
                self._tail = outer

    def _read_children(self, table: str, assessment_id: int) -> list[Row]:
        return self._query(
            sql.SQL("SELECT * FROM lika.{} WHERE assessment_id = %s").format(sql.Identifier(table)),
            [assessment_id],
        )

    def _audit(
        self,
        db: Executes,
        assessment: Assessment,
        action: AuditAction,
        summary: str,
        changes: Sequence[AuditChange] = (),
    ) -> None:
        params = [action.value, assessment.id, assessment.uid, assessment.revision, summary,
                  _changes(changes)]  # fmt: skip
        if self._tail is not None:  # in ``_transaction``: sent with its COMMIT
            self._tail.append((_APPEND_AUDIT, params))
        else:
            db.execute(_APPEND_AUDIT, params)

    def _change_status(
        self, db: Executes, assessment: Assessment, change: StatusChange, at: int
    ) -> None:
        """``change`` through the server's function, expecting version ``at``; the
        server records the login and its own time, not ``change.actor``/``change.at``.

        Without the approver's signature: it was made over the client's time, and the
        record holds the server's, so it would not hold for the record and would read
        as tampering. The server's record is the witness here (its login, its time)."""
        db.execute(
            "SELECT lika.change_status(%s, %s, %s, %s, %s, %s, '', '')",
            [assessment.id, change.to_status.value, at, change.comment, change.fingerprint,
             change.role],
        )  # fmt: skip

    # Writing

    def _insert(self, db: psycopg.Connection[Row], assessment: Assessment, row: Row) -> TableRows:
        inserted = db.execute(
            sql.SQL("INSERT INTO lika.assessments ({}) VALUES ({}) RETURNING id").format(
                sql.SQL(", ").join(map(sql.Identifier, row)),
                sql.SQL(", ").join(map(sql.Placeholder, row)),
            ),
            row,
        ).fetchone()
        assert inserted is not None
        assessment.id = int(inserted["id"])
        return self._children.write(db, assessment, None)

    def create(
        self,
        assessment: Assessment,
        *,
        action: AuditAction = AuditAction.CREATE,
        summary: str = CREATED,
    ) -> Assessment:
        """Store a new draft (owned by this login); sets ``id``, timestamps, ``version``.
        The audit entry is ``action`` (a new revision names itself)."""
        if assessment.status is not Status.DRAFT:
            raise NotOnServerError(
                "Storing an assessment that is not a draft (an import with its history)"
            )
        now = assessment.created or self._clock()
        with self._transaction() as db:
            row = {
                **rows.assessment_row(assessment),
                "created": now.isoformat(),
                "updated": (assessment.updated or now).isoformat(),
                "version": 1,
            }
            written = self._insert(db, assessment, row)
            self._audit(db, assessment, action, summary)
        assessment.created, assessment.updated = now, assessment.updated or now
        assessment.version = 1
        self._children.remember(assessment, 1, written)
        return assessment

    def save(self, assessment: Assessment, status_change: StatusChange | None = None) -> None:
        """Store every change of ``assessment`` (a returned one's change to draft with
        it). ``ConflictError`` if it was saved elsewhere since it was loaded.

        Two round trips (``save_flight``): a read, then the whole write in one flight,
        so no lock is held while this client waits for the server or for a CPU; one
        (the write) when this store saved that version itself."""
        if assessment.id is None:
            raise ValueError("save() needs a stored assessment; use create()")
        now = self._clock()
        conn = self.conn
        with self._stale_is_conflict(assessment.id, assessment.version), self._errors():
            head = self._heads.get(assessment)
            children = self._children.remembered(assessment, assessment.version)
            stored: Row | None = head
            if head is not None and children is not None:  # this window saved it last
                existing = children
            else:
                stored, existing = read_for_save(conn, assessment, children)
            check_saveable(stored, assessment)
            assert stored is not None
            version = int(stored["version"])
            row = rows.assessment_row(assessment)
            del row["status"]  # only the server's function changes it
            changed = {name: value for name, value in row.items() if stored[name] != value}
            before = rows.assessment_from_rows(
                stored, *(list(t.values()) for t in existing.values())
            )
            fields = audit.field_changes(before, assessment)
            bump = 0 if status_change is not None else 1  # change_status moved it on
            expected = version + (1 - bump)
            batch = Batch()  # every statement first, then the flight in one burst
            if status_change is not None:  # returned -> draft, logged before the save
                self._change_status(batch, assessment, status_change, version)
            guarded_update(batch, assessment.id, changed, now, bump, expected)
            written = self._children.write(batch, assessment, version, existing)
            if fields:
                self._audit(batch, assessment, AuditAction.SAVE, save_summary(len(fields)), fields)
            try:
                with write_flight(conn):
                    batch.send(conn)
            except BaseException as error:
                self._heads.forget(assessment.id)
                if not (isinstance(error, psycopg.Error) and save_refused(error)):
                    raise
                raise self._refusal(conn, assessment, version) from None  # rolled back
        if status_change is not None:
            assessment.status = status_change.to_status
        assessment.version = expected + bump
        assessment.updated = now
        self._children.remember(assessment, assessment.version, written)
        if status_change is None:  # change_status wrote more of the row than this knows
            head = {**stored, **changed, "updated": now.isoformat(), "version": assessment.version}
            self._heads.remember(assessment, head)

    @contextmanager
    def _stale_is_conflict(self, assessment_id: int, version: int) -> Iterator[None]:
        """A status change refused for the status it found ("cannot go from returned to
        returned") when this copy is stale: the assessment moved on since it was loaded
        (another reviewer, another window), so the refusal is a ``ConflictError`` like a
        stale save's: reload it. ``lika.change_status`` checks the transition before the
        version, so only a look at the version after the refusal tells the two apart."""
        try:
            yield
        except WorkflowError as refused:
            found = self._query(
                "SELECT version FROM lika.assessments WHERE id = %s", [assessment_id]
            )
            if found and int(found[0]["version"]) != version:
                raise ConflictError(CHANGED_ELSEWHERE) from refused
            raise

    def _refusal(
        self, db: psycopg.Connection[Row], assessment: Assessment, version: int
    ) -> Exception:
        """Why an UPDATE of ``assessment`` changed no row: it moved on from ``version``
        meanwhile, or the server's row-level security does not let this login edit it.
        (Asked after the refused write rolled back.)"""
        found = db.execute(
            "SELECT version, owner FROM lika.assessments WHERE id = %s", [assessment.id]
        ).fetchone()
        if found is None:
            return NotFoundError(f"Assessment {assessment.id} was deleted elsewhere")
        if found["version"] != version:
            return ConflictError(CHANGED_ELSEWHERE)
        return NotPermittedError(
            f"Your login {self._actor.name} may not edit assessment {assessment.id} "
            f"(it belongs to {found['owner']}); the server's roles decide who edits what"
        )

    def record_status_change(self, assessment: Assessment, *changes: StatusChange) -> None:
        """Each change through ``lika.change_status`` (in order, one transaction), with
        the version guard on the server."""
        if assessment.id is None:
            raise ValueError("record_status_change() needs a stored assessment")
        version = assessment.version
        with self._stale_is_conflict(assessment.id, version), self._errors():
            conn = self.conn
            with write_flight(conn):  # each change takes the audit counter: one flight
                for change in changes:
                    self._change_status(conn, assessment, change, version)
                    version += 1
                updated = conn.execute(
                    "SELECT updated FROM lika.assessments WHERE id = %s", [assessment.id]
                )
            found = updated.fetchone()
        self._children.advance(assessment, assessment.version)
        for _ in changes[1:]:
            self._children.advance(assessment, assessment.version + 1)
        assessment.version = version
        if found is not None:
            from datetime import datetime

            assessment.updated = datetime.fromisoformat(found["updated"])

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
        """An imported assessment with its history as imported records, through the
        server's ``lika.import_history`` (``imports``)."""
        from desktop_app.storage.postgres.imports import store_imported

        store_imported(
            self,
            assessment,
            history,
            evaluations,
            replace=replace,
            files=files,
            note=note,
            source=source,
        )

    def delete(self, assessment_id: int) -> None:
        """Delete an unapproved assessment (the server's policies: one's own, or any
        for an administrator); the audit log records it."""
        with self._transaction() as db:
            found = db.execute(
                "SELECT id, uid, revision, status, owner FROM lika.assessments WHERE id = %s",
                [assessment_id],
            ).fetchone()
            if found is None:
                raise NotFoundError(f"No assessment with id {assessment_id}")
            check_deletable(rows.known(rows.STATUSES, found["status"], assessment_id, "status"))
            # The row first, then the entry (the audit counter's lock): the order a save
            # takes them in. The other way round, a delete and a save of one assessment
            # at once waited for each other (a deadlock). The entry names what was
            # deleted, as the DELETE found it after any save it waited for.
            deleted = db.execute(
                "DELETE FROM lika.assessments WHERE id = %s RETURNING uid, revision, status",
                [assessment_id],
            ).fetchone()
            if deleted is None:
                if self._gone(db, assessment_id):
                    raise NotFoundError(f"Assessment {assessment_id} was deleted elsewhere")
                raise NotPermittedError(
                    f"Your login {self._actor.name} may not delete assessment {assessment_id} "
                    f"(it belongs to {found['owner']})"
                )
            gone = Assessment(
                "", "", id=assessment_id, uid=deleted["uid"], revision=deleted["revision"]
            )
            self._audit(db, gone, AuditAction.DELETE, delete_summary(deleted["status"]))
        self._children.forget(assessment_id)
        self._heads.forget(assessment_id)

    @staticmethod
    def _gone(db: psycopg.Connection[Row], assessment_id: int) -> bool:
        """Whether ``assessment_id`` no longer exists (a DELETE that removed nothing: it
        was deleted meanwhile, or the policies hide it from this login)."""
        return (
            db.execute("SELECT 1 FROM lika.assessments WHERE id = %s", [assessment_id]).fetchone()
            is None
        )

    # Evidence files

    def store_evidence_file(self, data: bytes) -> str:
        """Keep a file's bytes on the server (once per SHA-256); its hash."""
        digest = hashlib.sha256(data).hexdigest()
        with self._transaction() as db:
            db.execute(
                "INSERT INTO lika.evidence_files (sha256, size, added, data) "
                "VALUES (%s, %s, %s, %s) ON CONFLICT (sha256) DO NOTHING",
                [digest, len(data), self._clock().isoformat(), data],
            )
        return digest

    def evidence_file(self, digest: str) -> bytes:
        """The bytes of an attached file, checked against their hash."""
        found = self._query("SELECT data FROM lika.evidence_files WHERE sha256 = %s", [digest])
        if not found:
            raise NotFoundError(f"The register has no file with SHA-256 {digest}")
        data = bytes(found[0]["data"])
        if hashlib.sha256(data).hexdigest() != digest:
            raise UnreadableDataError(f"The stored file with SHA-256 {digest} is damaged")
        return data

    # Reads that need a register row or the portfolio: see ``store_reads``.

    def find_uid(self, uid: str) -> RegisterRow | None:
        return self._find_uid(uid)

    def portfolio_entries(
        self, period: Period | None = None, unit: str | None = None
    ) -> list[PortfolioEntry]:
        return self._portfolio_entries(period, unit)

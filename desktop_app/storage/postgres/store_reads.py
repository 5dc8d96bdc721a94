"""The reads of ``ServerStore``: one assessment, counts, history, approvals, one
register row and the portfolio, on the store's own (autocommit) connection.

The register row is the server reader's columns (``reader_sql.ROW_COLUMNS``) built by
the SQLite register's row builder (``register.rows_of``); the portfolio is the server
reader's (``reader.portfolio_entries_on``) on the store's connection.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, LiteralString, cast

import psycopg
from psycopg import sql
from psycopg.rows import tuple_row

from desktop_app.domain.audit import AuditAction
from desktop_app.domain.errors import NotFoundError
from desktop_app.domain.model import Assessment, Status, StatusChange
from desktop_app.domain.portfolio import Period, PortfolioEntry
from desktop_app.domain.register import RegisterRow
from desktop_app.storage import rows
from desktop_app.storage.postgres.errors import described
from desktop_app.storage.postgres.reader_sql import ROW_COLUMNS
from desktop_app.storage.search_syntax import contains_pattern

Row = dict[str, Any]
Query = str | sql.Composable

_FOLD = "'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'"


def _contains(column: str) -> str:
    """``column LIKE %s`` as SQLite's LIKE matches: ASCII letters in any case, every
    other character as itself (``lower`` would fold å and Å too)."""
    return f"translate({column}, {_FOLD}) LIKE translate(%s, {_FOLD}) ESCAPE '\\'"


class ServerReads:
    def __init__(self, conn: psycopg.Connection[Row], url: str) -> None:
        self._conn = conn
        self._url = url

    @property
    def conn(self) -> psycopg.Connection[Row]:
        """The store's connection; one that dropped (server restarted, network gone) is
        opened again here, so the call after a failed one reaches the server again. The
        failed call itself raised ("cannot be reached") and wrote nothing: the edit is
        still in the caller's hands, and the version guard holds across the two."""
        if self._conn.broken:
            from psycopg.rows import dict_row

            from desktop_app.storage.postgres.connection import connect

            try:
                self._conn = connect(self._url, autocommit=True, row_factory=dict_row)
            except psycopg.Error as error:
                raise described(error, self._url) from None
        return self._conn

    @contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except psycopg.Error as error:
            raise described(error, self._url) from None

    def _query(self, query: Query, params: Any = ()) -> list[Row]:
        with self._errors():
            return self.conn.execute(cast(Any, query), params).fetchall()

    def get(self, assessment_id: int) -> Assessment:
        found = self._query("SELECT * FROM lika.assessments WHERE id = %s", [assessment_id])
        if not found:
            raise NotFoundError(f"No assessment with id {assessment_id}")

        def children(table: str) -> list[Row]:
            return self._query(
                sql.SQL("SELECT * FROM lika.{} WHERE assessment_id = %s").format(
                    sql.Identifier(table)
                ),
                [assessment_id],
            )

        return rows.assessment_from_rows(
            found[0],
            children("ground_assessments"),
            children("answers"),
            children("measures"),
            children("statistics_tables"),
            children("evidence_items"),
        )

    def count(self, *, status: Status | None = None, search: str = "") -> int:
        """As the SQLite repository's: ``search`` matches title and case number (any
        case)."""
        conditions: list[str] = []
        params: list[Any] = []
        if status is not None:
            conditions.append("status = %s")
            params.append(status.value)
        if search.strip():
            # SQLite's LIKE ignores the case of ASCII letters only: so does this.
            conditions.append(f"({_contains('title')} OR {_contains('case_number')})")
            params += [contains_pattern(search)] * 2
        where = ("WHERE " + " AND ".join(conditions)) if conditions else ""
        found = self._query(f"SELECT count(*) AS n FROM lika.assessments {where}", params)
        return int(found[0]["n"])

    def units(self) -> list[str]:
        found = self._query(
            "SELECT unit FROM (SELECT DISTINCT unit FROM lika.assessments WHERE unit <> '') u "
            "ORDER BY lower(unit), unit"
        )
        return [r["unit"] for r in found]

    def status_history(self, assessment_id: int) -> list[StatusChange]:
        """The current generation of the approval record, oldest first."""
        found = self._query(
            "SELECT * FROM lika.status_changes WHERE assessment_id = %(id)s AND generation = "
            "(SELECT coalesce(max(generation), 0) FROM lika.status_changes "
            "WHERE assessment_id = %(id)s) ORDER BY id",
            {"id": assessment_id},
        )
        return [rows.status_change_from_row(r) for r in found]

    def approval_states(self) -> dict[int, str]:
        """As ``approval_records.approval_states``: the newest approval's trust, or
        ``unrecorded`` when no audit entry records it."""
        found = self._query(
            "SELECT s.assessment_id, s.trust, coalesce(l.record_hash, '') AS recorded "
            "FROM lika.status_changes s LEFT JOIN lika.audit_log l ON l.id = s.audit_id "
            "WHERE s.to_status = 'approved' AND s.generation = (SELECT max(generation) "
            "FROM lika.status_changes g WHERE g.assessment_id = s.assessment_id) ORDER BY s.id"
        )
        return {
            int(r["assessment_id"]): r["trust"] if r["recorded"] else "unrecorded" for r in found
        }

    def last_restore(self) -> str:
        found = self._query(
            "SELECT hash FROM lika.audit_log WHERE action = %s ORDER BY id DESC LIMIT 1",
            [AuditAction.RESTORE.value],
        )
        return str(found[0]["hash"]) if found else ""

    def register_rows(self, where: LiteralString, params: Any) -> list[RegisterRow]:
        """Register rows (``register_rows r``) by a plain ``where`` and order clause."""
        from desktop_app.storage.register import rows_of

        with self._errors():
            select = f"SELECT {ROW_COLUMNS} FROM lika.register_rows r "
            fetched = self.conn.cursor(row_factory=tuple_row).execute(select + where, params)
            found: list[RegisterRow] = rows_of(fetched.fetchall())
        return found

    def _find_uid(self, uid: str) -> RegisterRow | None:
        found = self.register_rows(
            "WHERE r.assessment_id IN (SELECT id FROM lika.assessments WHERE uid = %s)", [uid]
        )
        return found[0] if found else None

    def _portfolio_entries(
        self, period: Period | None = None, unit: str | None = None
    ) -> list[PortfolioEntry]:
        from desktop_app.storage.postgres.reader import portfolio_entries_on

        return portfolio_entries_on(self.conn, self._url, period, unit)

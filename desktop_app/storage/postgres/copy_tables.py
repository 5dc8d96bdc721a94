"""What moving a register between SQLite and the server shares: the tables, their
columns on either side, the refusals the server raises, and the audit log read back.

A register moves table by table, column by column, values as they are (times stay ISO
text, JSON stays text): the server's tables were made to match (``tables_v1``). Only
``assessments.owner`` and ``evaluations.import_id`` exist on the server alone.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import psycopg

from desktop_app.domain.audit import ChainReport
from desktop_app.domain.errors import InputError, LikaError
from desktop_app.storage import audit
from desktop_app.storage.postgres import copy_v1, install, migrations

COPIED = copy_v1.COPIED
# The evaluations' links to the import entries that stored them are the server's own
# (a file's evaluations are not linked; ``copy_in`` marks where links begin).
SERVER_ONLY = {"assessments": ("owner",), "evaluations": ("import_id",)}
# Rows sent to the server per call (evidence files: bytes per call).
BATCH_ROWS = 2000
BATCH_BYTES = 16 * 1024 * 1024
_KEYS = {
    "ground_assessments": "assessment_id, ground_key",
    "answers": "assessment_id, question_id",
    "statistics_tables": "assessment_id, uid",
    "evidence_items": "assessment_id, uid",
    "evaluation_measures": "evaluation_id, measure_uid",
    "evidence_files": "sha256",
}

PgConnection = psycopg.Connection[tuple[Any, ...]]


@dataclass(frozen=True)
class TableCount:
    """Rows of one table: in the source, written by this copy, in the target after it."""

    table: str
    source: int
    copied: int
    target: int


def order_of(table: str) -> str:
    """The ORDER BY of ``table``: its key, the same on both engines."""
    return _KEYS.get(table, "id")


def sqlite_columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]


def server_columns(conn: PgConnection, table: str) -> list[str]:
    found = conn.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = 'lika' "
        "AND table_name = %s ORDER BY ordinal_position",
        [table],
    ).fetchall()
    return [str(r[0]) for r in found]


def shared_columns(lite: sqlite3.Connection, server: PgConnection, table: str) -> list[str]:
    """The columns a table has on both sides; refuses a file from an older Lika whose
    tables lack some (it is upgraded by opening it once with this version)."""
    have = sqlite_columns(lite, table)
    there = server_columns(server, table)
    missing = [c for c in there if c not in have and c not in SERVER_ONLY.get(table, ())]
    if missing:
        raise InputError(
            f"The register file lacks {table}.{missing[0]}: it is from an older version of "
            "Lika. Open it once with this version (e.g. lika list --db FILE) to upgrade it"
        )
    return [c for c in have if c in there]


def require_migrated(conn: PgConnection, shown_url: str) -> None:
    """Refuse a server whose Lika schema is missing or older than this version's."""
    _unknown, missing = migrations.schema_gap(install.applied(conn))  # a newer one copies
    if missing:
        raise InputError(
            f"The database {shown_url} has no up-to-date Lika register (missing migration "
            f"{missing[0]}): create it first with lika server-schema (a DBA runs the script "
            "with psql -v ON_ERROR_STOP=1), see docs/it-deployment.md"
        )


def refused(error: psycopg.Error) -> LikaError:
    """A server refusal (``lika-refused: …``) as the error the command line reports."""
    text = str(error).splitlines()[0] if str(error) else type(error).__name__
    state = getattr(error, "sqlstate", None)
    if state == "42501" and not text.startswith("lika-refused: "):
        return LikaError(
            "Only an administrator (a login in lika_admin) copies a register onto the "
            f"server ({text})"
        )
    text = text.removeprefix("lika-refused: ")
    if state == "55000":
        return InputError(text)
    return LikaError(text)


def jsonable(value: Any) -> Any:
    """A value as JSON for ``jsonb_populate_recordset``: bytes as bytea's hex text."""
    if isinstance(value, bytes | memoryview):
        return "\\x" + bytes(value).hex()
    return value


def batches(rows: Iterator[dict[str, Any]], table: str) -> Iterator[list[dict[str, Any]]]:
    """Rows in groups small enough for one call (files by size, others by count)."""
    batch: list[dict[str, Any]] = []
    size = 0
    for row in rows:
        batch.append(row)
        size += len(row.get("data") or b"") if table == "evidence_files" else 0
        if len(batch) >= BATCH_ROWS or size >= BATCH_BYTES:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def server_chain(conn: PgConnection) -> ChainReport:
    """The server's audit chain checked in Python by ``domain.audit.verify_chain``, as
    the SQLite register's is (``storage.audit.verify``), with the last id it issued."""
    rows: Sequence[Sequence[Any]] = conn.execute(
        f"SELECT {audit.ALL_COLUMNS} FROM lika.audit_log ORDER BY id"
    ).fetchall()
    issued = conn.execute("SELECT last_id FROM lika.audit_issued").fetchone()
    return audit.verify_rows(rows, last_issued_id=int(issued[0]) if issued else None)


def server_counts(conn: PgConnection) -> dict[str, int]:
    return {
        t: int(conn.execute(f"SELECT count(*) FROM lika.{t}").fetchone()[0])  # type: ignore[index]
        for t in COPIED
    }


def sqlite_counts(conn: sqlite3.Connection) -> dict[str, int]:
    return {t: int(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in COPIED}

"""Making registers in the states the data-safety tests need: filled, damaged, newer."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from desktop_app.checklists.guide import Content
from desktop_app.storage.migrations import MIGRATION_SET
from desktop_app.storage.repository import AssessmentRepository
from tests.conftest import FakeClock
from tests.helpers import complete_assessment

PAGE = 4096


def filled_register(path: Path, content: Content, count: int = 20) -> Path:
    """A closed register with ``count`` assessments (enough pages to damage some)."""
    repo = AssessmentRepository.open(path, clock=FakeClock())
    for index in range(count):
        assessment = complete_assessment(content)
        assessment.decision.title = f"Ärende {index}"
        repo.create(assessment)
    repo.close()
    return path


def damage(path: Path, pages: range = range(3, 12)) -> None:
    """Overwrite the headers of some pages, as a failing disk or a bad copy would."""
    data = bytearray(path.read_bytes())
    for page in pages:
        start = (page - 1) * PAGE
        data[start : start + 16] = b"\xff" * 16
    path.write_bytes(bytes(data))


def make_newer(path: Path) -> None:
    """Mark a register as written by a future Lika (a migration this one does not know)."""
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES (?, ?, ?)",
            [MIGRATION_SET, "9999_from_the_future", "2030-01-01"],
        )
    conn.close()


def register_state(path: Path) -> dict[str, bytes]:
    """What the register holds, to compare byte for byte: the main file and any
    write-ahead log with content. (A reader may leave an empty log and the shared-memory
    index behind; they hold no data.)"""
    state = {"": path.read_bytes()}
    wal = Path(f"{path}-wal")
    if wal.exists() and wal.stat().st_size:
        state["-wal"] = wal.read_bytes()
    return state


def location_state(where: Any) -> Any:
    """What a register holds, on either engine: ``register_state`` for a file; for a
    server register (a URL), every row of every table of the schema ``lika``, read as
    the tables' owner (row-level security would hide some from a login)."""
    from desktop_app.register_location import is_server

    if not is_server(where):
        return register_state(Path(where))
    with _as_owner(str(where)) as conn:
        tables = [r[0] for r in conn.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'lika' "
            "AND table_type = 'BASE TABLE' ORDER BY table_name"
        )]  # fmt: skip
        return {
            table: conn.execute(f'SELECT t::text FROM lika."{table}" t ORDER BY t::text').fetchall()
            for table in tables
        }


def execute_behind(where: Any, statement: str) -> None:
    """Run ``statement`` on the register's tables behind Lika's back (as a tampering
    user would): on the file with sqlite3, on a server as the tables' owner."""
    from desktop_app.register_location import is_server

    if not is_server(where):
        conn = sqlite3.connect(where)
        with conn:
            conn.execute(statement)
        conn.close()
        return
    with _as_owner(str(where)) as server:
        server.execute("SET search_path = lika")
        server.execute(statement)


def _as_owner(url: str) -> Any:
    """A connection to the server register at ``url`` as the throwaway cluster's
    superuser, who installed the schema."""
    from urllib.parse import quote, urlsplit

    import psycopg

    from scripts import pg_throwaway

    parts = urlsplit(url)
    owner = quote(pg_throwaway.SUPERUSER, safe="")
    return psycopg.connect(parts._replace(netloc=f"{owner}@{parts.hostname or ''}").geturl(),
                           autocommit=True)  # fmt: skip

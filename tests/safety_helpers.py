"""Making registers in the states the data-safety tests need: filled, damaged, newer."""

from __future__ import annotations

import sqlite3
from pathlib import Path

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

"""A backup finishes while someone keeps writing to the register.

SQLite's backup API starts a stepped copy again whenever another connection writes
between two steps. Measured before the fix: with a write every millisecond (a colleague
saving, autosave in another window), a backup of a 20 MB register restarted 69 times in
3,000 steps and never finished. In WAL mode (a local register) the backup now reads one
snapshot from start to end; with the rollback journal (a network share) it gives up
stepping after a few restarts and copies the rest in one step.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.progress import Cancelled
from desktop_app.storage import backup
from desktop_app.storage.backup import Reason

STEPS_ALLOWED = 5000  # far more than a copy without restarts needs (about 320 steps)


def ballast_register(path: Path, journal: str) -> Path:
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA journal_mode = {journal}")
    conn.execute("CREATE TABLE edits (n INTEGER)")
    conn.execute("CREATE TABLE ballast (data BLOB)")
    conn.executemany("INSERT INTO ballast VALUES (randomblob(4096))", [()] * 5000)
    conn.commit()
    conn.close()
    return path


@pytest.fixture
def busy_writer(tmp_path) -> Iterator[tuple[Path, list[int]]]:
    """Yields (register, writes): the register keeps being written until the test ends."""
    holder: dict[str, Path] = {}
    writes = [0]
    stop = threading.Event()

    def write(path: Path) -> None:
        conn = sqlite3.connect(path, timeout=10)
        while not stop.is_set():
            with conn:
                conn.execute("INSERT INTO edits VALUES (?)", [writes[0]])
            writes[0] += 1
            time.sleep(0.001)
        conn.close()

    def start(journal: str) -> Path:
        path = ballast_register(tmp_path / f"{journal}.db", journal)
        holder["path"] = path
        threading.Thread(target=write, args=(path,), daemon=True).start()
        while writes[0] < 5:
            time.sleep(0.005)
        return path

    yield start, writes  # type: ignore[misc]
    stop.set()


@pytest.mark.parametrize("journal", ["wal", "delete"])
def test_a_backup_finishes_under_continuous_writes(busy_writer, monkeypatch, journal):
    start, writes = busy_writer
    register = start(journal)
    monkeypatch.setattr(backup, "STEP_PAGES", 16)  # many steps, many chances to restart
    asked = 0

    def cancelled() -> bool:  # asked once per step: too many steps means endless restarts
        nonlocal asked
        asked += 1
        return asked > STEPS_ALLOWED

    before = writes[0]
    try:
        info = backup.make_backup(register, Reason.MANUAL, cancelled=cancelled)
    except Cancelled:
        pytest.fail(f"the backup never finished: {asked} steps while {writes[0] - before} writes")
    assert info is not None
    copy = sqlite3.connect(info.path)
    assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert copy.execute("SELECT count(*) FROM ballast").fetchone()[0] == 5000
    copy.close()
    assert writes[0] > before  # the writer was not shut out while the backup ran

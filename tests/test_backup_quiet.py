"""Automatic backups cost nothing when nothing changed, and never keep Lika running after
its window has closed: a backup that is cut off leaves no file (issue 18)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest

from desktop_app.progress import Cancelled
from desktop_app.storage import backup
from desktop_app.storage.backup import Reason
from desktop_app.storage.repository import AssessmentRepository
from tests.helpers import complete_assessment
from tests.safety_helpers import filled_register

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "packaging"))

from smoke_test import STARTED_MARKER, isolated_environment  # noqa: E402


@pytest.fixture
def register(tmp_path, content) -> Path:
    return filled_register(tmp_path / "lika.db", content, count=3)


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_an_unchanged_register_gets_no_new_automatic_backup(register, content, monkeypatch):
    first = backup.make_backup(register, Reason.START, now=datetime(2026, 11, 2, 8))
    assert first is not None
    copies: list[Path] = []
    write = backup.write_backup
    monkeypatch.setattr(
        backup, "write_backup", lambda *a, **k: (copies.append(a[1]), write(*a, **k))
    )
    for hour, reason in ((9, Reason.START), (10, Reason.DAILY), (11, Reason.START)):
        assert backup.make_backup(register, reason, now=datetime(2026, 11, 2, hour)) is None
    assert copies == []  # not copied, checked and compared only to be thrown away
    assert [b.path for b in backup.list_backups(register)] == [first.path]

    repository = AssessmentRepository.open(register)
    try:
        repository.create(complete_assessment(content))
    finally:
        repository.close()
    second = backup.make_backup(register, Reason.START, now=datetime(2026, 11, 2, 12))
    assert second is not None and len(copies) == 1
    # The record names the newest backup: once it is gone, the next start makes one.
    assert backup.make_backup(register, Reason.START, now=datetime(2026, 11, 2, 13)) is None
    second.path.unlink()
    assert backup.make_backup(register, Reason.START, now=datetime(2026, 11, 2, 14)) is not None


def test_a_manual_backup_is_always_made(register):
    backup.make_backup(register, Reason.START, now=datetime(2026, 11, 2, 8))
    assert backup.make_backup(register, Reason.MANUAL, now=datetime(2026, 11, 2, 9)) is not None


@pytest.mark.parametrize("after_checks", [0, 1])
def test_a_cut_off_backup_leaves_no_file_and_is_made_next_time(register, after_checks):
    checks = 0

    def cancelled() -> bool:
        nonlocal checks
        checks += 1
        return checks > after_checks

    with pytest.raises(Cancelled):
        backup.make_backup(register, Reason.START, cancelled=cancelled)
    folder = backup.backup_dir(register)
    assert [n for n in files_in(folder) if n.endswith((".db", ".partial", ".part"))] == []
    assert backup.make_backup(register, Reason.START) is not None


def big_register(tmp_path: Path, content, megabytes: int) -> Path:
    """A register whose backup takes seconds: a few assessments and a table of blobs."""
    path = filled_register(tmp_path / "big.db", content, count=3)
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("CREATE TABLE ballast (data BLOB)")
        conn.execute(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) "
            "INSERT INTO ballast SELECT randomblob(1024 * 1024) FROM n",
            [megabytes],
        )
    conn.close()
    return path


# The program as `python -m desktop_app` starts it, with a backup that copies one page
# per step and waits a millisecond at every step (where it also looks for a cancel).
SLOW_BACKUP_START = """
import sys, time
from desktop_app.storage import backup
backup.STEP_PAGES = 1
original = backup.write_backup
def slow_write_backup(source, dest, *, db_path, cancelled):
    def slow_cancelled():
        time.sleep(0.001)
        return cancelled()
    return original(source, dest, db_path=db_path, cancelled=slow_cancelled)
backup.write_backup = slow_write_backup
from desktop_app.__main__ import main
sys.exit(main(sys.argv[1:]))
"""


def test_the_window_ends_within_a_second_while_a_backup_runs(tmp_path, content):
    """The whole program, started as a user starts it, on a register whose start-up
    backup takes far longer than the test: it quits (the smoke-test hook closes it once
    the start is complete, right after the backup started) and is gone without waiting
    for the backup, which is cut off and leaves no file. (The time it lingered is
    printed, not asserted: the machine is shared. TaskRunner.stop waits at most
    QUIT_WAIT_MS.)

    The backup is made slow on purpose (one page per step, a millisecond per step: over
    ten seconds for this register), so that it is still running when the window closes
    however fast the machine's disk is; a backup that finished first would prove nothing.
    """
    db = big_register(tmp_path, content, megabytes=40)
    env = isolated_environment(tmp_path / "home")
    env["LIKA_SMOKE_TEST_QUIT_AFTER_SHOW"] = "1"
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["LIKA_DEFAULTS"] = ""  # no defaults file (a missing one is reported in a dialog)
    env["PYTHONPATH"] = str(ROOT)
    errors = (tmp_path / "stderr.txt").open("w")
    process = subprocess.Popen(
        [sys.executable, "-c", SLOW_BACKUP_START, "--db", str(db)],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=errors,
        text=True,
    )
    assert process.stdout is not None
    listed = None
    for line in process.stdout:
        if STARTED_MARKER in line:  # the window is quitting, the start-up backup begun
            listed = time.monotonic()
            break
    assert listed is not None, "the start was never complete"
    partial_seen = any(
        p.name.endswith((".partial", ".part")) for p in backup.backup_dir(db).glob("*")
    )
    process.stdout.read()
    process.stdout.close()
    process.wait(timeout=60)
    errors.close()
    print(f"process ended {time.monotonic() - listed:.2f} s after the register was listed")
    assert process.returncode == 0
    assert partial_seen  # the backup was running when the window closed
    # Cut off: neither the partial copy nor a finished backup (which waiting would give).
    assert [
        p.name for p in backup.backup_dir(db).glob("*") if p.suffix in (".db", ".partial", ".part")
    ] == []
    assert db.exists()


def test_start_up_skips_the_quick_check_of_a_register_checked_by_its_last_backup(
    register, monkeypatch
):
    from desktop_app.storage import checks

    calls: list[bool] = []
    original = backup.integrity_problems

    def counting(conn, *, quick=False):
        calls.append(quick)
        return original(conn, quick=quick)

    monkeypatch.setattr(backup, "integrity_problems", counting)
    assert checks.diagnose(register, budget=checks.START_CHECK_BUDGET) is None
    # No backup yet: checked (in full, a register this small: issue 14).
    assert calls == [False]
    backup.make_backup(register, Reason.START)
    calls.clear()
    assert checks.diagnose(register, budget=checks.START_CHECK_BUDGET) is None
    assert calls == []  # the backup checked these very bytes in full
    assert checks.diagnose(register) is None and calls == [False]  # unbounded: always

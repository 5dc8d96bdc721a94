"""A restore while other processes write: every committed save survives somewhere."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest

from desktop_app.storage import backup
from desktop_app.storage.backup import Reason
from desktop_app.storage.restore import restore_backup
from tests.safety_helpers import filled_register
from tests.test_backup import BERIT, titles
from tests.test_processes import ROOT, environment

pytestmark = pytest.mark.slow

HOLDER = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)
conn.execute("BEGIN IMMEDIATE")
conn.execute("UPDATE assessments SET title = 'Sparad under återställning' WHERE id = 1")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("COMMIT")
print("committed", flush=True)
"""


@pytest.mark.parametrize(("hold", "journal"), [(2.0, "wal"), (6.0, "wal"), (2.0, "delete")])
def test_a_save_committed_during_a_restore_is_never_lost(tmp_path, content, hold, journal) -> None:
    """Another process holds the write lock, saves and commits while ``lika restore``
    runs: the save is in the kept file (the restore waited for it). With the rollback
    journal (a register on a network share) as with the write-ahead log."""
    db = filled_register(tmp_path / "lika.db", content, count=5)
    snap = backup.make_backup(db, Reason.MANUAL)
    assert snap is not None
    with sqlite3.connect(db) as conn:
        assert conn.execute(f"PRAGMA journal_mode = {journal}").fetchone()[0] == journal
    conn.close()
    env = environment(tmp_path)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db), str(hold)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "locked"
    db_args = ["--db", str(db)]
    restore = subprocess.run(
        [sys.executable, "-m", "desktop_app", "restore", str(snap.path), "--force", *db_args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    holder.wait(timeout=60)
    holder.stdout.close()
    assert holder.returncode == 0
    assert restore.returncode == 0, restore.stderr
    kept = [b.path for b in backup.list_backups(db) if b.reason is Reason.REPLACED]
    assert len(kept) == 1
    assert "Sparad under återställning" in titles(kept[0])
    assert titles(db) == titles(snap.path)


def test_restore_refuses_a_folder_as_the_register(tmp_path, content) -> None:
    db = filled_register(tmp_path / "lika.db", content, count=1)
    snap = backup.make_backup(db, Reason.MANUAL)
    assert snap is not None
    folder = tmp_path / "SOMEFOLDER"
    folder.mkdir()
    (folder / "precious.txt").write_text("keep me")
    from desktop_app.domain.errors import InputError

    with pytest.raises(InputError, match="is a folder"):
        restore_backup(snap.path, folder, actor=BERIT, force=True)
    assert (folder / "precious.txt").read_text() == "keep me"
    assert not backup.backup_dir(folder).exists()


def test_restore_waits_for_a_writer_in_the_same_process_thread(tmp_path, content) -> None:
    """Without processes: a connection holding the lock makes the restore wait, and
    what it commits is kept."""
    import threading
    import time

    db = filled_register(tmp_path / "lika.db", content, count=3)
    snap = backup.make_backup(db, Reason.MANUAL)
    assert snap is not None
    conn = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("UPDATE assessments SET title = 'Under låset' WHERE id = 2")

    def commit_later() -> None:
        time.sleep(1.0)
        conn.execute("COMMIT")

    thread = threading.Thread(target=commit_later)
    thread.start()
    kept = restore_backup(snap.path, db, actor=BERIT, force=True)
    thread.join()
    conn.close()
    assert kept is not None and "Under låset" in titles(kept)

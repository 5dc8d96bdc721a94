"""End to end with real processes: the window killed mid-typing, and several writers at once."""

from __future__ import annotations

import json
import os
import queue
import signal
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from desktop_app.storage.repository import AssessmentRepository
from tests.conftest import FakeClock
from tests.helpers import complete_assessment

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow


def environment(tmp_path: Path) -> dict[str, str]:
    """A user of their own: settings and data folders under ``tmp_path``."""
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        PYTHONPATH=str(ROOT),
    )
    return env


def lines_of(process: subprocess.Popen[str]) -> tuple[queue.Queue[str], threading.Thread]:
    """The process's output lines as they come, without blocking the test."""
    found: queue.Queue[str] = queue.Queue()

    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            found.put(line)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    return found, reader


def stored_justification(db: Path, assessment_id: int) -> str:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return conn.execute(
            "SELECT justification FROM ground_assessments "
            "WHERE assessment_id = ? AND ground_key = 'age'",
            [assessment_id],
        ).fetchone()[0]
    finally:
        conn.close()


def test_killed_while_typing_loses_at_most_the_last_second(tmp_path, content) -> None:
    db = tmp_path / "lika.db"
    repo = AssessmentRepository.open(db, clock=FakeClock())
    assessment = repo.create(complete_assessment(content))
    repo.close()
    env = environment(tmp_path)
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.drivers.gui_session", "edit", str(db), str(assessment.id)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    lines, reader = lines_of(process)
    try:
        saved = []
        # The driver types a letter every 60 ms and never pauses, so every save it
        # reports was made by the one-second deadline, not by a pause in typing.
        while len(saved) < 3:
            line = lines.get(timeout=60)
            if line.startswith("SAVED "):
                saved.append(json.loads(line.removeprefix("SAVED ")))
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=30)
        reader.join(timeout=30)
        assert process.stdout is not None
        process.stdout.close()
    assert process.returncode == -signal.SIGKILL
    assert (
        len(saved[2]) > len(saved[1]) > len(saved[0]) > len(assessment.grounds["age"].justification)
    )
    stored = stored_justification(db, assessment.id)
    assert stored.startswith(saved[-1])  # what was reported saved survived the kill

    restarted = subprocess.run(
        [sys.executable, "-m", "tests.drivers.gui_session", "inspect", str(db)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert restarted.returncode == 0, restarted.stderr
    report = json.loads(restarted.stdout.splitlines()[-1])
    assert report["editors"] == {str(assessment.id): ["ground", "age"]}
    assert "not closed properly" in report["message"]
    assert stored_justification(db, assessment.id) == stored


def test_two_writers_at_once_lose_no_committed_edit(tmp_path, content) -> None:
    db = tmp_path / "shared.db"
    repo = AssessmentRepository.open(db)
    assessment = repo.create(complete_assessment(content))
    assessment.decision.evidence_missing = ""
    repo.save(assessment)
    repo.close()
    count = 40
    writers = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.drivers.writer",
                str(db),
                str(assessment.id),
                name,
                str(count),
            ],
            cwd=ROOT,
            env=environment(tmp_path),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("pc1", "pc2", "cli")
    ]
    (tmp_path / "shared.db.go").touch()
    outputs = [w.communicate(timeout=300) for w in writers]
    for writer, (out, err) in zip(writers, outputs, strict=True):
        assert writer.returncode == 0, err
        assert out.startswith("conflicts ")
    repo = AssessmentRepository.open(db)
    final = repo.get(assessment.id)
    repo.close()
    text = final.decision.evidence_missing
    for name in ("pc1", "pc2", "cli"):
        for index in range(count):
            assert text.count(f"[{name}-{index}]") == 1
    assert final.version == assessment.version + 3 * count  # every save counted once
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()

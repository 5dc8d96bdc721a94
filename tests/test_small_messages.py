"""Clear, true messages for the smaller cases: files that are not files, a full disk, a
read-only folder, an evaluation of a measure the assessment does not have."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest

from desktop_app.storage import checks, exchange
from desktop_app.storage.checks import Problem
from desktop_app.storage.database import DiskFullError, describe_sqlite_error
from tests.safety_helpers import filled_register
from tests.test_exchange import CORPUS


@pytest.fixture
def fifo(tmp_path) -> Path:
    path = tmp_path / "pipe.json"
    os.mkfifo(path)
    return path


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("fifo", "not a regular file"),
        ("/dev/urandom", "not a regular file"),
        ("/dev/null", "not a regular file"),
        ("folder", "is a folder"),
        ("missing", "no such file"),
    ],
)
def test_importing_what_is_not_a_file_says_what_it_is(tmp_path, content, fifo, name, words):
    path = {"fifo": fifo, "folder": tmp_path, "missing": tmp_path / "missing.json"}.get(
        name, Path(name)
    )
    with pytest.raises(exchange.ExchangeError, match=words):
        exchange.read_file(path, content.checklists.checklists)


def test_an_evaluation_of_an_unknown_measure_is_refused(content) -> None:
    data = json.loads((CORPUS / "approved-with-evaluation.json").read_text(encoding="utf-8"))
    assert data["evaluations"][0]["measures"]
    data["evaluations"][0]["measures"][0]["measure_uid"] = "no-such-measure"
    with pytest.raises(exchange.ExchangeError, match="does not have"):
        exchange.parse(json.dumps(data).encode(), content.checklists.checklists)


def test_a_disk_io_error_on_a_full_disk_says_the_disk_is_full(tmp_path, monkeypatch) -> None:
    import shutil

    monkeypatch.setattr(shutil, "disk_usage", lambda _p: shutil._ntuple_diskusage(10, 10, 0))
    error = describe_sqlite_error(sqlite3.OperationalError("disk I/O error"), tmp_path / "x.db")
    assert isinstance(error, DiskFullError) and "full" in str(error)


def test_a_disk_io_error_with_room_names_the_likely_causes(tmp_path) -> None:
    error = describe_sqlite_error(sqlite3.OperationalError("disk I/O error"), tmp_path / "x.db")
    assert "disk I/O error" in str(error) and "disconnected" in str(error)


def test_a_read_only_folder_is_diagnosed_as_read_only(tmp_path, content, monkeypatch) -> None:
    """Reading a register in write-ahead-log mode needs its folder (for the -shm file):
    in a read-only folder that failed as 'cannot be read'."""
    register = filled_register(tmp_path / "lika.db", content, count=1)

    def refuse(_path: Path) -> None:
        raise checks.LikaError(f"{register} cannot be opened: unable to open database file")

    monkeypatch.setattr(checks, "check_understood", refuse)
    real_access = os.access
    monkeypatch.setattr(
        checks.os, "access", lambda p, mode: False if Path(p) == tmp_path else real_access(p, mode)
    )
    diagnosis = checks.diagnose(register)
    assert diagnosis is not None and diagnosis.problem is Problem.READ_ONLY
    assert "read-only" in diagnosis.message


def test_unable_to_open_in_a_read_only_folder_says_so(tmp_path, monkeypatch) -> None:
    from desktop_app.storage import database
    from desktop_app.storage.database import ReadOnlyDatabaseError

    monkeypatch.setattr(database.os, "access", lambda p, mode: Path(p) != tmp_path)
    error = describe_sqlite_error(
        sqlite3.OperationalError("unable to open database file"), tmp_path / "lika.db"
    )
    assert isinstance(error, ReadOnlyDatabaseError) and "read-only" in str(error)

"""One way to write a file whole or not at all, for every file Lika makes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop_app import atomic_file
from desktop_app.domain.errors import InputError
from desktop_app.storage.repository import AssessmentRepository
from tests.helpers import complete_assessment

ROOT = Path(__file__).resolve().parents[1]


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".lika-"))


def test_a_failed_write_keeps_the_previous_file_and_leaves_nothing(tmp_path) -> None:
    out = tmp_path / "x.csv"
    out.write_text("previous")

    def half(temp: Path) -> None:
        temp.write_text("half")
        raise RuntimeError("stopped")

    with pytest.raises(RuntimeError):
        atomic_file.atomic_write(out, half, suffix=".csv")
    assert out.read_text() == "previous" and leftovers(tmp_path) == []


def test_a_cancelled_write_leaves_nothing(tmp_path) -> None:
    out = tmp_path / "x.csv"
    assert not atomic_file.atomic_write(out, lambda temp: temp.write_text("x") and False)
    assert not out.exists() and leftovers(tmp_path) == []


def test_stale_temporary_files_are_cleaned_by_the_next_write(tmp_path) -> None:
    stale = tmp_path / ".lika-abc123.pdf.part"
    stale.write_bytes(b"")
    fresh = tmp_path / ".lika-def456.pdf.part"  # another export, still running
    fresh.write_bytes(b"")
    old = time.time() - 2 * atomic_file.STALE_SECONDS
    os.utime(stale, (old, old))
    atomic_file.write_bytes(tmp_path / "new.pdf", b"%PDF")
    assert not stale.exists() and fresh.exists()
    assert (tmp_path / "new.pdf").read_bytes() == b"%PDF"


@pytest.mark.parametrize(
    ("number", "words"),
    [(28, "the disk is full"), (30, "read-only"), (13, "no permission to write")],
)
def test_write_errors_are_named(tmp_path, monkeypatch, number, words) -> None:
    def fail(_fd: int) -> None:
        raise OSError(number, os.strerror(number))

    monkeypatch.setattr(atomic_file.os, "fsync", fail)
    with pytest.raises(InputError, match=words):
        atomic_file.write_bytes(tmp_path / "x.json", b"{}")
    assert leftovers(tmp_path) == []


@pytest.mark.slow
def test_a_killed_export_leaves_no_partial_file(tmp_path, content) -> None:
    """The PDF is built in memory: killed while it builds, there is no file yet."""
    db = tmp_path / "lika.db"
    repo = AssessmentRepository.open(db)
    a = complete_assessment(content)
    long = "Lång text som fortsätter. " * 38_000  # just under a million characters
    a.conclusion.summary = a.conclusion.justification = long
    a.decision.description = a.decision.evidence = a.decision.affected = long
    stored = repo.create(a)
    repo.close()
    out = tmp_path / "out"
    out.mkdir()
    target = ["--db", str(db), "--out", str(out / "x.pdf")]
    process = subprocess.Popen(
        [sys.executable, "-m", "desktop_app", "export-pdf", str(stored.id), *target],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(3.0)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL  # killed before it was done
    assert list(out.iterdir()) == []


@pytest.fixture
def umask():
    """Set the process's umask for one test, and put the old one back."""
    old = os.umask(0o022)
    os.umask(old)
    yield lambda value: os.umask(value)
    os.umask(old)


@pytest.mark.skipif(os.name != "posix", reason="file modes")
def test_a_written_file_honours_a_private_umask(tmp_path, umask) -> None:
    umask(0o077)
    atomic_file.write_bytes(tmp_path / "a.pdf", b"%PDF-")
    assert (tmp_path / "a.pdf").stat().st_mode & 0o777 == 0o600
    umask(0o022)
    atomic_file.write_bytes(tmp_path / "b.pdf", b"%PDF-")
    assert (tmp_path / "b.pdf").stat().st_mode & 0o777 == 0o644


@pytest.mark.skipif(os.name != "posix", reason="file modes")
def test_an_exchange_file_is_readable_by_its_owner_only(
    tmp_path, content, repository, umask
) -> None:
    """It holds the whole assessment, with the attached files."""
    from desktop_app.storage import exchange

    umask(0o022)
    document = exchange.ExchangeDocument(repository.create(complete_assessment(content)))
    exchange.write_file(document, tmp_path / "a.json")
    assert (tmp_path / "a.json").stat().st_mode & 0o777 == 0o600

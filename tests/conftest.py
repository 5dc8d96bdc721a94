"""Shared fixtures. Qt runs offscreen for every test, set here rather than by hand."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("XDG_RUNTIME_DIR", "/tmp/lika-test-runtime")
# Never touch the real user's data or settings: Qt's standard locations follow these.
os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="lika-test-data-")
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="lika-test-config-")
Path(os.environ["XDG_RUNTIME_DIR"]).mkdir(mode=0o700, exist_ok=True)
# Nor an organisation's defaults file on this machine (/etc/lika/defaults.ini).
os.environ["LIKA_DEFAULTS"] = ""

from collections.abc import Iterator  # noqa: E402
from datetime import UTC, datetime, timedelta  # noqa: E402

import pytest  # noqa: E402

from desktop_app.app.service import AssessmentService, Identity  # noqa: E402
from desktop_app.checklists.guide import Content, load_content  # noqa: E402
from desktop_app.storage.repository import AssessmentRepository  # noqa: E402


class FakeClock:
    """A clock that advances one second per reading, so timestamps are distinct."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime(2026, 11, 2, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


@pytest.fixture(scope="session")
def content() -> Content:
    loaded = load_content()
    assert not loaded.checklists.errors, loaded.checklists.errors
    return loaded


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "register.db"


@pytest.fixture
def clock() -> FakeClock:
    """One clock for the repository and the service, as the wall clock is in use."""
    return FakeClock()


@pytest.fixture
def repository(db_path: Path, clock: FakeClock) -> Iterator[AssessmentRepository]:
    repo = AssessmentRepository.open(db_path, clock=clock)
    yield repo
    repo.close()


@pytest.fixture
def service(
    repository: AssessmentRepository, content: Content, clock: FakeClock
) -> AssessmentService:
    return AssessmentService(
        repository, content, Identity(name="Ája Ŋuolja", os_user="aja"), clock=clock
    )


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Empty the clipboard while Python still runs.

    On the offscreen platform Qt keeps what a test copied (the memo's QMimeData, made
    in Python) in a static object that its exit handlers destroy after the interpreter
    has gone: the run would end in a segmentation fault (exit code 139) after a green
    summary. A real desktop's clipboard belongs to the application and ends with it.
    """
    import sys

    if "PySide6.QtGui" not in sys.modules:
        return
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is not None:
        QGuiApplication.clipboard().clear()


@pytest.fixture(scope="session")
def pg_cluster():
    """The session's throwaway PostgreSQL cluster (``tests/postgres_cluster.py``): skipped
    where PostgreSQL cannot be started, a failure on CI."""
    from tests.postgres_cluster import start_cluster

    yield from start_cluster()


@pytest.fixture
def pg_database(pg_cluster) -> str:
    """A fresh, empty database on the throwaway cluster; its name."""
    return pg_cluster.new_database()

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
# Nor the smoke test's hook from a shell that ran it: the window would quit once started
# (ui/smoke_hook.py). The tests of the hook set it for the programs they start.
for _hook in ("LIKA_SMOKE_TEST_QUIT_AFTER_SHOW", "LIKA_SMOKE_TEST_REPORT_PEAK"):
    os.environ.pop(_hook, None)

from collections.abc import Callable, Iterator  # noqa: E402
from datetime import UTC, datetime, timedelta  # noqa: E402
from typing import Any  # noqa: E402

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


# Both engines behind the same port (issue 20): tests written against ``store`` (and
# ``open_store`` for a second connection, ``store_service`` for the use cases) run on a
# SQLite file and on a fresh migrated server database, as a login that is both a
# caseworker and a reviewer (one person doing everything, as the SQLite tests act).
ENGINES = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
# For a test of such a fixture that is about the file alone (names from Settings, a
# use case the server has not got yet): it runs on SQLite only, and says so.
SQLITE_ONLY = pytest.mark.parametrize("engine", ["sqlite"])


@pytest.fixture(params=ENGINES)
def engine(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def register_location(engine: str, request: pytest.FixtureRequest, tmp_path: Path) -> Any:
    """The test's register on ``engine``: a file path, or a server URL (``ServerUrl``)."""
    if engine == "sqlite":
        return tmp_path / "register.db"
    from desktop_app.register_location import ServerUrl
    from tests.pg_helpers import Server

    cluster = request.getfixturevalue("pg_cluster")
    server = Server(cluster, cluster.new_database())
    return ServerUrl(cluster.url_for(server.database, server.solo()))


@pytest.fixture
def cli_db(register_location: Any) -> str:
    """The test's register as a ``--db`` value: the file's path, or the server URL of a
    login that is both caseworker and reviewer (so a command-line test runs on both)."""
    return str(register_location)


@pytest.fixture
def open_store(register_location: Any, clock: FakeClock) -> Iterator[Callable[..., Any]]:
    """Opens a connection of its own to the test's register (closed after the test)."""
    from desktop_app.app import registers

    opened: list[Any] = []

    def opener(clock: Any = clock) -> Any:
        store = registers.open_store(register_location, clock=clock)
        opened.append(store)
        return store

    yield opener
    for store in opened:
        store.close()


@pytest.fixture
def store(open_store: Callable[..., Any]) -> Any:
    """An ``AssessmentStore`` on the test's register, on each engine in turn."""
    return open_store()


def count_rows(store: Any, table: str) -> int:
    """How many rows ``table`` of the store's register holds, on either engine (a test's
    look behind the port)."""
    if isinstance(store, AssessmentRepository):
        return int(store.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    return int(store._query(f"SELECT count(*) AS n FROM lika.{table}")[0]["n"])


@pytest.fixture
def store_service(store: Any, content: Content, clock: FakeClock) -> AssessmentService:
    """The use cases on ``store``; on a server, as the login it authenticated."""
    from desktop_app.app import registers

    who = registers.signed_in(store) or Identity(name="Ája Ŋuolja", os_user="aja")
    return AssessmentService(store, content, who, clock=clock)


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


@pytest.fixture
def server(pg_cluster, pg_database):
    """A migrated server register with one login per role (``tests/pg_helpers.Server``)."""
    from tests.pg_helpers import Server

    return Server(pg_cluster, pg_database)


@pytest.fixture
def pg_demo(pg_cluster, pg_database, tmp_path, monkeypatch, capsys):
    """A server register with the demo's assessments, and the URL of its one login
    (``tests/pg_helpers.demo_register``); the working folder is ``tmp_path``."""
    from tests.pg_helpers import demo_register

    return demo_register(pg_cluster, pg_database, tmp_path, monkeypatch, capsys)


@pytest.fixture
def open_as(server, pg_cluster):
    """Opens a server store as one of ``server``'s logins by role name; closed afterwards."""
    from desktop_app.app import registers
    from desktop_app.register_location import ServerUrl

    opened = []

    def opener(who: str):
        url = ServerUrl(pg_cluster.url_for(server.database, server.login[who]))
        store = registers.open_store(url, clock=FakeClock())
        opened.append(store)
        return store

    yield opener
    for store in opened:
        store.close()

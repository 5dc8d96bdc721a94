"""The throwaway PostgreSQL cluster of the test session (``scripts/pg_throwaway.py``).

One cluster per session, in a fresh folder under the system's temporary folder (which
the unprivileged user the server runs as under root can enter); each test gets a database
of its own. Where the cluster cannot be started, the tests that need it are skipped on a
developer's machine, but FAIL on CI (``CI`` set, as ``.ci/run`` runs): no test silently
skips PostgreSQL there.
"""

from __future__ import annotations

import itertools
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from scripts import pg_throwaway


def on_ci() -> bool:
    return os.environ.get("CI", "").lower() not in {"", "0", "false", "no"}


def unavailable(reason: str) -> None:
    """Skip here, fail on CI."""
    message = f"PostgreSQL is not available: {reason}"
    if on_ci():
        pytest.fail(message + " (on CI PostgreSQL tests never skip)", pytrace=False)
    pytest.skip(message)


@dataclass
class Cluster:
    """A running throwaway cluster, reached as its superuser through ``dsn``."""

    folder: Path
    dsn: str
    _names: Iterator[int] = field(default_factory=itertools.count)

    def dsn_for(self, dbname: str, user: str | None = None) -> str:
        """The connection string of ``dbname`` on this cluster, as ``user``."""
        base = pg_throwaway.connection_string(self.folder).replace(
            "dbname=postgres", f"dbname={dbname}"
        )
        if user is not None:
            base = base.replace(f"user={pg_throwaway.SUPERUSER}", f"user={user}")
        return base

    def url_for(self, dbname: str, user: str | None = None) -> str:
        """The same as a libpq URL (what ``--db`` and ``database_url`` take): the Unix
        socket's folder in ``host=``."""
        from urllib.parse import quote

        who = quote(user or pg_throwaway.SUPERUSER, safe="")
        return f"postgresql://{who}@/{quote(dbname, safe='')}?host={self.folder.resolve()}"

    def new_database(self) -> str:
        """A fresh, empty database (UTF-8, C locale); its name."""
        import psycopg

        name = f"lika_test_{os.getpid()}_{next(self._names)}"
        with psycopg.connect(self.dsn, autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'")
        return name


def start_cluster() -> Iterator[Cluster]:
    """Start the session's cluster, yield it, stop and remove it."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        unavailable("psycopg is not installed (pip install -e '.[test]')")
    folder = Path(tempfile.mkdtemp(prefix="lika-pg-", dir="/tmp" if os.name == "posix" else None))
    try:
        try:
            dsn = pg_throwaway.start(folder)
        except (pg_throwaway.ClusterError, OSError) as error:
            unavailable(str(error))
        yield Cluster(folder, dsn)
    finally:
        try:
            pg_throwaway.stop(folder)
        finally:
            shutil.rmtree(folder, ignore_errors=True)

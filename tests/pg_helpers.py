"""Helpers of the PostgreSQL register's tests (issue 20)."""

from __future__ import annotations

import json
import subprocess
from typing import ClassVar

from scripts import pg_throwaway


def pg_dump_schema(dsn: str) -> str:
    """The schema ``lika`` of a database as ``pg_dump --schema-only`` writes it."""
    done = subprocess.run(
        [str(pg_throwaway.bindir() / "pg_dump"), "--schema-only", "--schema=lika", "-d", dsn],
        capture_output=True,
        text=True,
        check=True,
    )
    # Newer pg_dump fences its output with a random key (\\restrict KEY): not schema.
    return "".join(
        line
        for line in done.stdout.splitlines(keepends=True)
        if not line.startswith(("\\restrict ", "\\unrestrict "))
    )


def psql_file(dsn: str, path: str) -> subprocess.CompletedProcess[str]:
    """Run an SQL file with psql as a DBA would, stopping at the first error."""
    return subprocess.run(
        [str(pg_throwaway.bindir() / "psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", dsn,
         "-f", path],
        capture_output=True,
        text=True,
        check=False,
    )  # fmt: skip


class Server:
    """A migrated database on the throwaway cluster with one login per Lika role (and a
    second caseworker), each a real PostgreSQL login connecting as itself."""

    PEOPLE: ClassVar[dict[str, str]] = {
        "anna": "lika_caseworker",
        "bo": "lika_caseworker",
        "rita": "lika_reviewer",
        "sara": "lika_strategist",
        "ada": "lika_admin",
    }

    def __init__(self, cluster, database: str) -> None:
        import psycopg

        from desktop_app.app import server_schema

        self.cluster, self.database = cluster, database
        server_schema.install(cluster.dsn_for(database))
        self.login = {who: f"{database}_{who}" for who in self.PEOPLE}
        with psycopg.connect(cluster.dsn_for(database), autocommit=True) as conn:
            for who, role in self.PEOPLE.items():
                conn.execute(f'CREATE ROLE "{self.login[who]}" LOGIN IN ROLE {role}')

    def solo(self) -> str:
        """A login that is both caseworker and reviewer (a small organisation's one
        person, or the tests that act as one); its name."""
        name = f"{self.database}_solo"
        with self.connect() as conn:
            conn.execute(f'CREATE ROLE "{name}" LOGIN IN ROLE lika_caseworker, lika_reviewer')
        return name

    def connect(self, who: str | None = None):
        """A connection as ``who`` (a key of PEOPLE), or as the superuser who installed
        the schema (the tables' owner)."""
        import psycopg

        user = self.login[who] if who else None
        return psycopg.connect(self.cluster.dsn_for(self.database, user), autocommit=True)

    def value(self, sql: str):
        """The first column of the first row ``sql`` gives as the tables' owner, or None."""
        with self.connect() as conn:
            row = conn.execute(sql).fetchone()
        return row[0] if row else None

    def audit_entries(self):
        """The register's audit log as ``AuditEntry`` values, in order, read as its owner."""
        from desktop_app.storage.audit import _parse

        with self.connect() as conn:
            found = conn.execute(
                "SELECT id, at, actor, os_user, assessment_id, assessment_uid, revision, "
                "action, summary, changes, prev_hash, hash, record_hash "
                "FROM lika.audit_log ORDER BY id"
            ).fetchall()
        return [_parse(row) for row in found]

    def new_draft(self, who: str, title: str = "Skolskjuts", series: str = "s1", revision=1):
        """A draft created by ``who``; its id."""
        with self.connect(who) as conn:
            row = conn.execute(
                "INSERT INTO lika.assessments (uid, series_uid, revision, status, language, "
                "framework_id, framework_version, title, created, updated) VALUES "
                "(%s, %s, %s, 'draft', 'sv', 'se', '1', %s, '2026-11-02T09:00:00+00:00', "
                "'2026-11-02T09:00:00+00:00') RETURNING id",
                [f"{series}-{revision}", series, revision, title],
            ).fetchone()
        return row[0]


def lika(*argv: str) -> int:
    """The CLI in-process, as a test of a server register calls it (no window)."""
    from pathlib import Path

    from desktop_app.cli import main

    return main(list(argv), default_db=lambda: Path("unused.db"), open_window=lambda _: 0)


def demo_register(cluster, database: str, tmp_path, monkeypatch, capsys) -> tuple[Server, str]:
    """A server register with the demo's assessments, and the URL of its one login."""
    server = Server(cluster, database)
    url = cluster.url_for(database, server.solo())
    monkeypatch.chdir(tmp_path)
    assert lika("--db", url, "demo") == 0
    capsys.readouterr()
    return server, url


def checked(url: str, capsys) -> tuple[int, dict[str, tuple[str, str]]]:
    """``lika check --format json`` on ``url``: its exit code, and each check's outcome
    and message by name. What the test printed before is dropped first."""
    capsys.readouterr()
    code = lika("--db", url, "check", "--format", "json")
    record = json.loads(capsys.readouterr().out)
    assert record["ok"] is (code == 0)
    return code, {c["name"]: (c["outcome"], c["message"]) for c in record["checks"]}

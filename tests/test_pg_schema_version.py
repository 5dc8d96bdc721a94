"""A Lika meets a server schema that is not its own: newer (IT ran a newer Lika's
``lika server-schema``, this PC was not updated yet), older (IT has not run this Lika's
script yet) or none. Every command refuses in one line, exit 2, and writes nothing;
``lika check`` still reports the schema as its finding (tests/test_pg_check.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.storage.postgres import migrations
from tests.pg_helpers import lika

pytestmark = pytest.mark.postgres

COMMANDS = [
    ("list",),
    ("list", "--format", "json"),
    ("export-pdf", "1", "--out", "one.pdf"),
    ("history", "1"),
    ("submit", "1"),
    ("demo",),
]


@pytest.fixture
def server(pg_cluster, pg_database, tmp_path, monkeypatch):
    from tests.pg_helpers import Server

    monkeypatch.chdir(tmp_path)
    made = Server(pg_cluster, pg_database)
    made.new_draft("anna")
    return made


def audit_rows(server) -> int:
    with server.connect() as conn:
        return int(conn.execute("SELECT count(*) FROM lika.audit_log").fetchone()[0])


def refused(url: str, capsys, command: tuple[str, ...], message: str) -> None:
    code = lika("--db", url, *command)
    err = capsys.readouterr().err
    assert code == 2, (command, err)
    assert err.count("\n") == 1 and "Traceback" not in err and message in err, err
    assert not Path("one.pdf").exists()


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_a_newer_schema_is_refused(server, pg_cluster, capsys, command) -> None:
    with server.connect() as conn:
        conn.execute("INSERT INTO lika.schema_migrations (name) VALUES ('0099_future')")
    before = audit_rows(server)
    url = pg_cluster.url_for(server.database, server.login["anna"])
    refused(url, capsys, command, "newer version of Lika")
    assert audit_rows(server) == before


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_an_older_schema_is_refused(server, pg_cluster, capsys, command) -> None:
    newest = migrations.names()[-1]
    with server.connect() as conn:
        conn.execute("DELETE FROM lika.schema_migrations WHERE name = %s", [newest])
    before = audit_rows(server)
    url = pg_cluster.url_for(server.database, server.login["anna"])
    refused(url, capsys, command, f"lika server-schema ({newest} is missing)")
    assert audit_rows(server) == before


def test_a_database_without_the_schema_is_refused(pg_cluster, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    database = pg_cluster.new_database()
    refused(pg_cluster.url_for(database), capsys, ("list",), "lika server-schema")


def test_the_check_still_reports_a_newer_schema(server, pg_cluster, capsys) -> None:
    with server.connect() as conn:
        conn.execute("INSERT INTO lika.schema_migrations (name) VALUES ('0099_future')")
    url = pg_cluster.url_for(server.database, server.login["anna"])
    assert lika("--db", url, "check") == 1
    assert "migrations this Lika does not know: 0099_future" in capsys.readouterr().out

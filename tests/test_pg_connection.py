"""Telling a server register's URL from a file path, and keeping passwords out of messages."""

from __future__ import annotations

import pytest

from desktop_app.storage.postgres.connection import connect, is_server_url, shown


@pytest.mark.parametrize(
    "text",
    ["postgresql://db.kommun.se/lika", "postgres://localhost/lika", " PostgreSQL://h/d"],
)
def test_server_urls_are_recognised(text: str) -> None:
    assert is_server_url(text)


@pytest.mark.parametrize(
    "text", ["lika.db", "C:\\Data\\lika.db", "/srv/postgresql/lika.db", "postgresql:/x"]
)
def test_file_paths_are_not_server_urls(text: str) -> None:
    assert not is_server_url(text)


def test_a_password_is_never_shown() -> None:
    assert shown("postgresql://anna:hemligt@db:5433/lika") == "postgresql://anna:***@db:5433/lika"
    assert "hemligt" not in shown("postgresql://:hemligt@db/lika")
    assert shown("postgresql://db/lika?sslmode=require") == "postgresql://db/lika?sslmode=require"


@pytest.mark.postgres
def test_a_connection_names_itself_lika(pg_database, pg_cluster) -> None:
    with connect(pg_cluster.dsn_for(pg_database), autocommit=True) as conn:
        row = conn.execute("SHOW application_name").fetchone()
    assert row is not None and row[0] == "lika"

"""The PostgreSQL register's schema and migrations (issue 20, phase 1)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop_app.__main__ import main
from desktop_app.app import server_schema
from desktop_app.storage.errors import StorageError
from desktop_app.storage.postgres import migrations
from tests.pg_helpers import pg_dump_schema, psql_file

pytestmark = pytest.mark.postgres

# SQLite's own and FTS5's shadow tables, which have no counterpart on the server.
SQLITE_ONLY = {"_sqlite_migrations", "sqlite_sequence", "sqlite_stat1"}
# What the server adds: the login that owns an assessment (row-level security).
# The evaluations' links to their import entries (0013) are the server's own too.
SERVER_ONLY_COLUMNS = {("assessments", "owner"), ("evaluations", "import_id")}


def connect(pg_cluster, database: str):
    import psycopg

    return psycopg.connect(pg_cluster.dsn_for(database), autocommit=True)


def test_an_empty_database_gets_every_migration_once(pg_cluster, pg_database):
    dsn = pg_cluster.dsn_for(pg_database)
    assert server_schema.install(dsn) == migrations.names()
    with connect(pg_cluster, pg_database) as conn:
        recorded = conn.execute("SELECT name, applied_by FROM lika.schema_migrations").fetchall()
    assert sorted(recorded) == [(name, "lika_test_superuser") for name in migrations.names()]


def test_applying_twice_changes_nothing(pg_cluster, pg_database):
    dsn = pg_cluster.dsn_for(pg_database)
    server_schema.install(dsn)
    with connect(pg_cluster, pg_database) as conn:
        first = conn.execute("SELECT * FROM lika.schema_migrations ORDER BY name").fetchall()
    schema = pg_dump_schema(dsn)
    assert "CREATE TABLE lika.audit_log" in schema
    assert server_schema.install(dsn) == []
    with connect(pg_cluster, pg_database) as conn:
        again = conn.execute("SELECT * FROM lika.schema_migrations ORDER BY name").fetchall()
    assert again == first
    assert pg_dump_schema(dsn) == schema


def test_the_printed_script_run_by_psql_gives_the_same_schema(pg_cluster, tmp_path, capsys):
    by_lika, by_dba = pg_cluster.new_database(), pg_cluster.new_database()
    server_schema.install(pg_cluster.dsn_for(by_lika))
    assert main(["server-schema"]) == 0
    script = tmp_path / "lika-schema.sql"
    script.write_text(capsys.readouterr().out, encoding="utf-8")
    for _ in range(2):  # the DBA may run it twice: nothing changes the second time
        done = psql_file(pg_cluster.dsn_for(by_dba), str(script))
        assert done.returncode == 0, done.stderr
        assert done.stderr == ""
    assert pg_dump_schema(pg_cluster.dsn_for(by_dba)) == pg_dump_schema(pg_cluster.dsn_for(by_lika))


def test_a_failing_migration_leaves_nothing_behind(pg_cluster, pg_database, monkeypatch):
    """Each migration is one transaction: a failure half-way records nothing."""

    broken = migrations.Migration(
        "9999_broken", "CREATE TABLE lika.half_done (x int);\nSELECT 1 / 0;\n"
    )
    monkeypatch.setattr(migrations, "MIGRATIONS", (*migrations.MIGRATIONS, broken))
    dsn = pg_cluster.dsn_for(pg_database)
    with pytest.raises(StorageError, match="division by zero"):
        server_schema.install(dsn)
    with connect(pg_cluster, pg_database) as conn:
        assert conn.execute("SELECT to_regclass('lika.half_done')").fetchone() == (None,)
        names = {r[0] for r in conn.execute("SELECT name FROM lika.schema_migrations")}
    assert names == set(migrations.names()) - {"9999_broken"}


def test_the_tables_are_the_sqlite_registers(pg_cluster, pg_database, tmp_path):
    """Every table of a new SQLite register, with the same columns in the same order,
    so that a register moves between the engines row by row."""
    from desktop_app.storage.repository import AssessmentRepository

    AssessmentRepository.open(tmp_path / "r.db").close()
    lite = sqlite3.connect(tmp_path / "r.db")
    names = [
        r[0]
        for r in lite.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        if r[0] not in SQLITE_ONLY and not r[0].startswith("register_search")
    ]
    sqlite_columns = {t: [r[1] for r in lite.execute(f"PRAGMA table_info({t})")] for t in names}
    lite.close()
    server_schema.install(pg_cluster.dsn_for(pg_database))
    with connect(pg_cluster, pg_database) as conn:
        found = conn.execute(
            "SELECT table_name, column_name FROM information_schema.columns "
            "WHERE table_schema = 'lika' ORDER BY table_name, ordinal_position"
        ).fetchall()
    server_columns: dict[str, list[str]] = {}
    for table, column in found:
        if (table, column) not in SERVER_ONLY_COLUMNS:
            server_columns.setdefault(table, []).append(column)
    assert len(names) > 10
    for table in names:
        assert server_columns.get(table) == sqlite_columns[table], table


def test_the_command_prints_without_a_driver_or_a_connection():
    """``lika server-schema`` needs neither psycopg nor a server (a DBA's own machine)."""
    from tests.test_cli_imports import modules_after

    loaded = modules_after(["server-schema"])
    assert "desktop_app.storage.postgres.migrations" in loaded
    assert not {m for m in loaded if m.split(".")[0] in {"psycopg", "sqlite_utils"}}


def test_the_command_writes_the_script_to_a_file(tmp_path, capsys):
    target = tmp_path / "lika-schema.sql"
    assert main(["server-schema", "--out", str(target)]) == 0
    assert target.read_text(encoding="utf-8") == server_schema.script()
    assert capsys.readouterr().out == f"Wrote {target}\n"
    assert main(["server-schema", "--out", str(tmp_path / "missing" / "x.sql")]) == 2
    assert "the folder does not exist" in capsys.readouterr().err


def test_the_script_is_the_migrations_in_order():
    script = server_schema.script()
    positions = [script.index(f"-- Migration {name}\n") for name in migrations.names()]
    assert positions == sorted(positions)
    assert migrations.names() == [
        "0001_register", "0002_roles", "0003_search", "0004_copy", "0005_register_order",
        "0006_autosave", "0007_search_unicode61", "0008_concurrency", "0009_import",
        "0010_notify", "0011_deferred_refresh", "0012_import_evaluations",
        "0013_import_links",
        "0014_save_guard",
    ]  # fmt: skip


def test_the_repositorys_script_is_this_likas() -> None:
    """``packaging/postgres/lika-schema.sql`` is the script for a DBA who takes it from the
    repository; it must be exactly what ``lika server-schema`` prints."""
    committed = Path(__file__).resolve().parents[1] / "packaging" / "postgres" / "lika-schema.sql"
    assert committed.read_text(encoding="utf-8") == server_schema.script(), (
        "run: lika server-schema --out packaging/postgres/lika-schema.sql"
    )


def test_lika_applies_the_schema_itself_once(pg_cluster, capsys) -> None:
    """``lika server-schema --apply --db URL``: applied by the URL's login, each migration
    named; a second run has nothing to apply; a login without the right is one line with
    no password, and --apply without a server register is refused."""
    database = pg_cluster.new_database()
    url = pg_cluster.url_for(database)
    assert main(["--db", url, "server-schema", "--apply"]) == 0
    said = capsys.readouterr().out.splitlines()
    assert [line.split()[1] for line in said] == migrations.names()
    assert main(["--db", url, "server-schema", "--apply"]) == 0
    assert "is up to date: nothing to apply" in capsys.readouterr().out
    login = f"{database}_nobody"
    with psycopg_connect(pg_cluster.dsn_for(database)) as conn:
        conn.execute(f'CREATE ROLE "{login}" LOGIN')
    other = pg_cluster.new_database()
    nobody = pg_cluster.url_for(other, login).replace(f"{login}@", f"{login}:hemligt@")
    assert main(["--db", nobody, "server-schema", "--apply"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "hemligt" not in err and "may not do this" in err
    assert main(["server-schema", "--apply"]) == 2
    assert "--apply needs --db postgresql://" in capsys.readouterr().err


def psycopg_connect(dsn: str):
    import psycopg

    return psycopg.connect(dsn, autocommit=True)

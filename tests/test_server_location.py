"""``--db postgresql://…`` names a server register: never a SQLite file by that name
(issue 20). Without a server these run everywhere; the server ones carry ``postgres``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop_app.__main__ import main, window_request
from desktop_app.register_location import ServerUrl, location

UNREACHABLE = "postgresql://lika@/no_such_db?host=/nonexistent-lika-socket-dir"


def _files_under(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*"))


@pytest.mark.parametrize("command", [["list"], ["demo"], ["export-pdf", "1", "--out", "x.pdf"]])
def test_a_server_url_never_becomes_a_sqlite_file(tmp_path, monkeypatch, capsys, command):
    monkeypatch.chdir(tmp_path)
    code = main(["--db", UNREACHABLE, *command])
    err = capsys.readouterr().err
    assert code == 1, err
    assert _files_under(tmp_path) == [], "a file was made for a server URL"
    assert err.count("\n") == 1 and "Traceback" not in err, err
    assert "cannot be reached" in err
    assert "no_such_db" in err


def test_a_password_in_the_url_is_not_printed(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    main(["--db", "postgresql://lika:s3cret@/db?host=/nonexistent-lika-socket-dir", "list"])
    err = capsys.readouterr().err
    assert "s3cret" not in err and "***" in err


def test_the_window_gets_the_url_as_text():
    window, db, _ = window_request(["--db", "postgresql://server/lika"])
    assert window and db == ServerUrl("postgresql://server/lika")
    assert isinstance(location("postgres://h/d"), ServerUrl)
    assert location("lika.db") == Path("lika.db")


@pytest.mark.postgres
def test_the_command_line_on_a_server_register(
    pg_cluster, pg_database, tmp_path, monkeypatch, capsys
):
    """demo, export-pdf, history, fingerprint and list work against a local server;
    what has no server implementation yet says so in one line, exit 1, and writes no
    file."""
    from tests.pg_helpers import Server

    server = Server(pg_cluster, pg_database)
    url = pg_cluster.url_for(pg_database, server.solo())
    monkeypatch.chdir(tmp_path)
    assert main(["--db", url, "demo"]) == 0
    assert "Added 11 demo assessments" in capsys.readouterr().out
    pdf = tmp_path / "one.pdf"
    assert main(["--db", url, "export-pdf", "1", "--out", str(pdf)]) == 0
    assert pdf.read_bytes().startswith(b"%PDF")
    assert main(["--db", url, "history", "1"]) == 0
    assert f"{server.database}_solo  create" in capsys.readouterr().out
    assert main(["--db", url, "fingerprint", "1"]) == 0
    capsys.readouterr()
    assert main(["--db", url, "list", "--format", "json"]) == 0  # the server's reader
    listed = json.loads(capsys.readouterr().out)
    assert len(listed) == 11 and {row["id"] for row in listed} >= {1, 4}
    assert main(["--db", url, "list", "--search", "skolskjuts"]) == 0
    assert capsys.readouterr().out.strip()
    for command in (["restore", "x.db"], ["demo", "--count", "3"]):
        assert main(["--db", url, *command]) == 1, command
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "not available on a server register" in err, err
    assert main(["--db", url, "backup"]) == 2  # a server is backed up to a file, or by IT
    assert "--out FILE" in capsys.readouterr().err
    assert main(["--db", url, "submit", "4", "--as", "Someone Else"]) == 2
    assert "on a server register the login the server authenticated acts" in (
        capsys.readouterr().err
    )
    assert _files_under(tmp_path) == [pdf]


def test_lika_defaults_shows_the_server_without_its_password(tmp_path, monkeypatch, capsys):
    ini = tmp_path / "defaults.ini"
    ini.write_text("[lika]\ndatabase_url = postgresql://it:hemligt@db.example.org/lika\n")
    monkeypatch.setenv("LIKA_DEFAULTS", str(ini))
    assert main(["defaults"]) == 0
    out = capsys.readouterr().out
    assert "hemligt" not in out
    assert "database_url      postgresql://it:***@db.example.org/lika" in out
    assert "database          postgresql://it:***@db.example.org/lika" in out

"""``lika migrate`` and ``lika backup`` of a server register: what is refused before any
server is reached (no PostgreSQL needed)."""

from __future__ import annotations

from pathlib import Path

from desktop_app.cli import main as cli_main

URL = "postgresql://ada@/lika?host=/nonexistent"


def lika(*argv: str, capsys) -> tuple[int, str]:
    code = cli_main(list(argv), default_db=lambda: Path("unused.db"), open_window=lambda _: 0)
    return code, capsys.readouterr().err


def test_migrate_needs_a_server_url(tmp_path, capsys):
    code, err = lika("migrate", "--db", str(tmp_path / "a.db"), "--to", "b.db", capsys=capsys)
    assert code == 2 and "not a server register" in err


def test_migrate_needs_a_register_file(tmp_path, capsys):
    code, err = lika("migrate", "--db", str(tmp_path / "none.db"), "--to", URL, capsys=capsys)
    assert code == 2 and "No database at" in err


def test_a_server_url_keeps_its_slashes_and_commands_without_a_server_side_refuse_it(capsys):
    from desktop_app.cli import build_parser

    assert build_parser().parse_args(["list", "--db", URL]).db == URL
    code, err = lika("restore", "--db", URL, "x.db", capsys=capsys)
    assert code == 1 and "not available on a server register" in err


def test_backup_of_a_server_register_unreachable_is_a_failure(tmp_path, capsys):
    code, err = lika("backup", "--db", URL, "--out", str(tmp_path / "b.db"), capsys=capsys)
    assert code == 1 and "Cannot read postgresql://ada@/lika" in err
    assert not (tmp_path / "b.db").exists()

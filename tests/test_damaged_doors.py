"""Every door runs the same start-up check before writing, and a damaged or emptied
register is named (never an internal error), with the newest good backup offered."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest

from desktop_app.storage import backup, checks
from desktop_app.storage.checks import Problem
from tests.safety_helpers import damage, filled_register, register_state
from tests.test_checks import lika


@pytest.fixture
def register(tmp_path, content) -> Path:
    return filled_register(tmp_path / "lika.db", content, count=8)


def emptied(register: Path) -> backup.BackupInfo:
    info = backup.make_backup(register, backup.Reason.START)
    assert info is not None
    register.write_bytes(b"")  # `: > lika.db`
    return info


@pytest.mark.parametrize("command", [["import", "x.json"]])
def test_an_emptied_register_is_not_used_as_a_new_one(
    register, tmp_path, monkeypatch, capsys, command
) -> None:
    monkeypatch.chdir(tmp_path)
    assert lika("export", "1", "--out", "x.json", "--db", str(register)) == 0
    good = emptied(register)
    assert lika(*command, "--as-new", "--db", str(register)) == 1
    err = capsys.readouterr().err
    assert "damaged or emptied" in err and good.path.name in err
    assert "lika restore" in err
    assert register.read_bytes() == b""


@pytest.mark.parametrize("command", [["list"], ["backup", "--out", "b.db"], ["fingerprint", "1"]])
def test_an_emptied_register_is_named_by_every_command(register, tmp_path, capsys, command) -> None:
    good = emptied(register)
    command = [str(tmp_path / part) if part == "b.db" else part for part in command]
    assert lika(*command, "--db", str(register)) == 1
    err = capsys.readouterr().err
    assert "damaged or emptied" in err and good.path.name in err
    assert register.read_bytes() == b""
    assert not (tmp_path / "b.db").exists()


def test_check_names_an_emptied_register(register, capsys) -> None:
    good = emptied(register)
    assert lika("check", "--db", str(register)) == 1
    out = capsys.readouterr().out
    assert "internal error" not in out and "damaged or emptied" in out
    assert good.path.name in out


def test_check_of_an_empty_file_without_backups_is_no_internal_error(tmp_path, capsys) -> None:
    path = tmp_path / "new.db"
    path.write_bytes(b"")
    assert lika("check", "--db", str(path)) in (0, 1)
    captured = capsys.readouterr()
    assert "internal error" not in captured.err + captured.out
    assert "empty" in captured.out


def damage_an_index(path: Path) -> None:
    """Make an index disagree with its table, which only the full integrity check sees."""
    conn = sqlite3.connect(path)
    (name,) = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'assessments' "
        "AND sql IS NOT NULL LIMIT 1"
    ).fetchone()
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute(
        "UPDATE sqlite_master SET sql = ? WHERE name = ?",
        [f"CREATE INDEX {name} ON assessments(title)", name],
    )
    conn.commit()
    conn.close()


def test_index_damage_is_found_by_the_start_up_check(register) -> None:
    damage_an_index(register)
    conn = sqlite3.connect(register)
    assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    conn.close()
    diagnosis = checks.diagnose(register)
    assert diagnosis is not None and diagnosis.problem is Problem.DAMAGED


def test_import_does_not_write_into_a_damaged_register(register, tmp_path, capsys) -> None:
    assert lika("export", "1", "--out", str(tmp_path / "one.json"), "--db", str(register)) == 0
    damage_an_index(register)
    before = register_state(register)
    assert lika("import", str(tmp_path / "one.json"), "--as-new", "--db", str(register)) == 1
    assert "damaged" in capsys.readouterr().err
    assert register_state(register) == before


def garble(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("UPDATE assessments SET title = CAST(X'41FF42' AS TEXT) WHERE id = 2")
    conn.commit()
    conn.close()


def test_check_finds_garbled_text(register, capsys) -> None:
    garble(register)
    assert lika("check", "--db", str(register)) == 1
    out = capsys.readouterr().out
    assert "not valid UTF-8" in out and "assessments" in out and "title" in out


def test_garbled_text_is_found_in_any_chunk_and_named_cell_by_cell(register, monkeypatch) -> None:
    """The text check decodes chunks of rows joined by line feeds: a text cut inside a
    character next to a text that starts with the rest of it is still found, both are
    named, and so is a cell in a later chunk."""
    from desktop_app.storage import text_check

    monkeypatch.setattr(text_check, "CHUNK", 2)
    conn = sqlite3.connect(register)
    ids = [r[0] for r in conn.execute("SELECT id FROM measures ORDER BY id")]
    assert len(ids) >= 6
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        conn.execute(f'DROP TRIGGER "{name}"')  # the lock triggers, as an attacker would
    # "ä" is C3 A4: one row ends with C3, the next row starts with A4.
    conn.execute("UPDATE measures SET owner = CAST(X'41C3' AS TEXT) WHERE id = ?", [ids[0]])
    conn.execute("UPDATE measures SET owner = CAST(X'A442' AS TEXT) WHERE id = ?", [ids[1]])
    conn.execute("UPDATE measures SET description = CAST(X'FF' AS TEXT) WHERE id = ?", [ids[5]])
    conn.commit()
    assert [p for p in text_check.garbled_text(conn) if p.startswith("measures")] == [
        f"measures row {ids[0]}, column owner",
        f"measures row {ids[1]}, column owner",
        f"measures row {ids[5]}, column description",
    ]
    conn.close()


@pytest.mark.parametrize(
    "command", [["fingerprint", "2"], ["export", "2", "--out", "-"], ["summary", "2"], ["list"]]
)
def test_readers_of_garbled_text_report_damage(register, capsys, command) -> None:
    garble(register)
    assert lika(*command, "--db", str(register)) == 1
    err = capsys.readouterr().err
    assert "internal error" not in err and "damaged" in err


@pytest.mark.parametrize("seed", range(12))
def test_check_never_ends_in_an_internal_error_on_random_damage(register, capsys, seed) -> None:
    data = bytearray(register.read_bytes())
    chance = random.Random(seed)
    for _ in range(40):
        start = chance.randrange(0, len(data) - 64)
        data[start : start + chance.randrange(1, 64)] = chance.randbytes(64)[
            : chance.randrange(1, 64)
        ]
    register.write_bytes(bytes(data[: len(register.read_bytes())]))
    code = lika("check", "--db", str(register))
    captured = capsys.readouterr()
    assert "internal error" not in captured.out + captured.err
    assert code in (0, 1)


def test_check_of_a_malformed_file_is_a_named_problem(register, capsys) -> None:
    damage(register, range(2, 30))
    assert lika("check", "--db", str(register)) == 1
    captured = capsys.readouterr()
    assert "internal error" not in captured.out + captured.err


def test_the_repository_names_garbled_text_as_damage(register) -> None:
    """The window reads through the repository: damage, not an sqlite3 error."""
    from desktop_app.storage.database import DamagedDatabaseError
    from desktop_app.storage.repository import AssessmentRepository

    garble(register)
    repo = AssessmentRepository.open(register)
    try:
        with pytest.raises(DamagedDatabaseError, match="not valid UTF-8"):
            repo.get(2)
    finally:
        repo.close()

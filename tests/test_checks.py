"""`lika check` and the start-up diagnosis: every bad state is named, nothing is written."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest

from desktop_app.__main__ import main
from desktop_app.storage import backup, checks
from desktop_app.storage.checks import Check, CheckResult, Outcome, Problem
from tests.safety_helpers import damage, filled_register, make_newer, register_state


def lika(*args: str) -> int:
    try:
        return main(list(args))
    except SystemExit as exit_info:
        return int(exit_info.code or 0)


@pytest.fixture
def register(tmp_path, content) -> Path:
    return filled_register(tmp_path / "lika.db", content, count=20)


def test_a_healthy_register_passes(register, capsys) -> None:
    backup.make_backup(register, backup.Reason.START)
    assert lika("check", "--db", str(register)) == 0
    out = capsys.readouterr().out
    assert "No problems found." in out
    for name in ("file", "format", "schema", "integrity", "references", "revisions", "backups"):
        assert f" {name} " in out


def test_json_output(register, capsys) -> None:
    assert lika("check", "--db", str(register), "--format", "json") == 0
    record = json.loads(capsys.readouterr().out)
    assert record["ok"] is True
    outcomes = {c["name"]: c["outcome"] for c in record["checks"]}
    assert outcomes["integrity"] == "ok"
    assert outcomes["backups"] == "warning"  # none made yet: worth saying, not a failure


@pytest.mark.parametrize(
    ("spoil", "message"),
    [
        ("damage_schema", "is damaged"),
        ("damage_data", "damaged"),
        ("newer", "newer version of Lika"),
        ("text", "not an SQLite file"),
        ("foreign", "not a Lika database"),
        ("missing", "does not exist"),
    ],
)
def test_problems_give_exit_1_and_change_nothing(register, capsys, spoil, message) -> None:
    if spoil == "damage_schema":
        damage(register)
    elif spoil == "damage_data":
        damage(register, range(20, 24))
    elif spoil == "newer":
        make_newer(register)
    elif spoil == "text":
        register.write_text("Mötesanteckningar\n")
    elif spoil == "foreign":
        register.unlink()
        with sqlite3.connect(register) as conn:
            conn.execute("CREATE TABLE songs (title TEXT)")
        conn.close()
    else:
        register.unlink()
    before = register_state(register) if register.exists() else None
    assert lika("check", "--db", str(register)) == 1
    out = capsys.readouterr().out
    assert "Something is wrong." in out
    assert message in out
    assert (register_state(register) if register.exists() else None) == before


def test_a_bad_newest_backup_is_a_problem(register, capsys) -> None:
    made = backup.make_backup(register, backup.Reason.START)
    damage(made.path, range(2, 4))
    assert lika("check", "--db", str(register)) == 1
    assert "the newest backup is not usable" in capsys.readouterr().out


def test_a_register_readable_by_others_is_a_warning(register, capsys) -> None:
    register.chmod(0o644)
    assert lika("check", "--db", str(register)) == 0
    assert "readable by other users" in capsys.readouterr().out


def test_more_checks_can_be_added(register) -> None:
    """A later feature (the audit log's hash chain) adds its check to the list."""

    def chain(ctx: checks.CheckContext) -> CheckResult:
        assert ctx.conn is not None
        count = ctx.conn.execute("SELECT count(*) FROM assessments").fetchone()[0]
        return CheckResult("audit", Outcome.PROBLEM, f"chain broken after {count} entries")

    results = checks.run_checks(register, [*checks.CHECKS, Check("audit", chain)])
    assert results[-1] == CheckResult("audit", Outcome.PROBLEM, "chain broken after 20 entries")


def test_gates_stop_the_later_checks(tmp_path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("hej")
    names = [r.name for r in checks.run_checks(path)]
    assert names == ["file", "format"]


# Start-up diagnosis


def test_a_healthy_register_has_no_diagnosis(register) -> None:
    assert checks.diagnose(register) is None


def test_a_new_register_in_an_existing_folder_is_fine(tmp_path) -> None:
    assert checks.diagnose(tmp_path / "new.db") is None


@pytest.mark.parametrize(
    ("spoil", "problem"),
    [
        ("damage_schema", Problem.DAMAGED),
        ("damage_data", Problem.DAMAGED),
        ("newer", Problem.NEWER),
        ("text", Problem.NOT_SQLITE),
        ("foreign", Problem.FOREIGN),
    ],
)
def test_diagnosis_names_the_problem_without_writing(register, spoil, problem) -> None:
    if spoil == "damage_schema":
        damage(register)
    elif spoil == "damage_data":
        damage(register, range(20, 24))
    elif spoil == "newer":
        make_newer(register)
    elif spoil == "text":
        register.write_text("Mötesanteckningar\n")
    else:
        register.unlink()
        with sqlite3.connect(register) as conn:
            conn.execute("CREATE TABLE songs (title TEXT)")
        conn.close()
    before = register_state(register)
    diagnosis = checks.diagnose(register)
    assert diagnosis is not None and diagnosis.problem is problem
    assert not diagnosis.can_continue
    assert register_state(register) == before


def test_diagnosis_of_a_missing_folder(tmp_path) -> None:
    diagnosis = checks.diagnose(tmp_path / "unplugged" / "lika.db")
    assert diagnosis.problem is Problem.MISSING_FOLDER
    assert not (tmp_path / "unplugged").exists()


@pytest.mark.parametrize("what", ["file", "folder"])
def test_diagnosis_of_read_only(register, monkeypatch, what) -> None:
    # The tests run as root, which may write anywhere; ask os.access the user's question.
    target = str(register if what == "file" else register.parent)
    real = os.access
    monkeypatch.setattr(
        checks.os,
        "access",
        lambda p, mode: False if str(p) == target and mode & os.W_OK else real(p, mode),
    )
    diagnosis = checks.diagnose(register)
    assert diagnosis.problem is Problem.READ_ONLY
    assert "read-only" in diagnosis.message


def test_diagnosis_of_a_nearly_full_disk(register) -> None:
    diagnosis = checks.diagnose(register, low_space=10**18)
    assert diagnosis.problem is Problem.LOW_SPACE
    assert diagnosis.can_continue
    assert "almost full" in diagnosis.message

"""Shared pieces of the tampering corpus (tests/test_tampering*.py): a register with an
approved decision and one in review, the CLI runner, and sqlite3 access that goes
around Lika as an attacker with the file would."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from desktop_app.__main__ import main
from desktop_app.storage.repository import AssessmentRepository
from tests.helpers import complete_assessment
from tests.safety_helpers import register_state

__all__ = ["register_state"]


def lika(*args: str) -> int:
    try:
        return main(list(args))
    except SystemExit as exit_info:
        return int(exit_info.code or 0)


def run(db: Path, capsys: Any, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = lika(*args, "--db", str(db))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def make_register(path: Path, content: Any, capsys: Any) -> Path:
    """Assessment 1 approved (written by Ája, approved by Bo), 2 in review, 3 a draft."""
    repo = AssessmentRepository.open(path)
    for title in ("Öppettider", "Skolskjuts", "Avgifter"):
        a = complete_assessment(content)
        a.decision.author = "Ája"
        a.decision.title = title
        repo.create(a)
    repo.close()
    assert run(path, capsys, "submit", "1", "--as", "Ája")[0] == 0
    assert run(path, capsys, "approve", "1", "--as", "Bo")[0] == 0
    assert run(path, capsys, "submit", "2", "--as", "Ája")[0] == 0
    return path


def sql(path: Path, *statements: str, foreign_keys: bool = False) -> None:
    """Run statements with plain sqlite3, as someone who opened the file would."""
    conn = sqlite3.connect(path)
    try:
        conn.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")
        for statement in statements:
            conn.execute(statement)
        conn.commit()
    finally:
        conn.close()


def trigger_sql(path: Path, name: str) -> str:
    conn = sqlite3.connect(path)
    try:
        found = conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", [name]
        ).fetchone()
    finally:
        conn.close()
    assert found is not None, f"no trigger {name}"
    return str(found[0])


def triggers_named(path: Path, prefix: str) -> dict[str, str]:
    conn = sqlite3.connect(path)
    try:
        found = conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE ?",
            [prefix + "%"],
        ).fetchall()
    finally:
        conn.close()
    return {name: text for name, text in found}


def around_triggers(path: Path, names: list[str], *statements: str) -> None:
    """Drop the named guard triggers, run ``statements``, and put the triggers back as
    they were, so that only what the statements did is left to find."""
    saved = [trigger_sql(path, n) for n in names]
    sql(path, *(f"DROP TRIGGER {n}" for n in names), *statements, *saved)


def export(db: Path, capsys: Any, assessment_id: int, out: Path) -> dict[str, Any]:
    assert run(db, capsys, "export", str(assessment_id), "--out", str(out))[0] == 0
    return json.loads(out.read_text(encoding="utf-8"))


def write(path: Path, data: dict[str, Any]) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def listed(db: Path, capsys: Any) -> dict[int, dict[str, Any]]:
    code, out, err = run(db, capsys, "list", "--format", "json")
    assert code == 0, err
    return {r["id"]: r for r in json.loads(out)}


def check(db: Path, capsys: Any, *extra: str) -> tuple[int, dict[str, tuple[str, str]]]:
    """``lika check --format json``: its exit code and name -> (outcome, message)."""
    code, out, _err = run(db, capsys, "check", "--format", "json", *extra)
    record = json.loads(out)
    found: dict[str, tuple[str, str]] = {}
    for c in record["checks"]:
        name = c["name"]
        if name in found:  # a check may report more than one problem
            name = f"{name}#{sum(1 for k in found if k.split('#')[0] == name)}"
        found[name] = (c["outcome"], c["message"])
    return code, found


def problems(found: dict[str, tuple[str, str]]) -> str:
    """Every problem's name and message, one per line, to assert on."""
    return "\n".join(f"{n}: {m}" for n, (o, m) in found.items() if o == "problem")

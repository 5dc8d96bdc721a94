"""Start-up checks in the window: each bad register gets its dialog, a good backup is
offered, and nothing is written to a register Lika does not fully understand."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop_app.domain.identity import Identity
from desktop_app.storage import backup, checks
from desktop_app.storage.checks import Problem
from desktop_app.storage.repository import AssessmentRepository
from desktop_app.ui.startup import Action, MessageBoxDialogs, open_register
from tests.safety_helpers import damage, filled_register, make_newer, register_state


class ScriptedDialogs:
    """Answers the start-up questions the way a test tells it to, and records them."""

    def __init__(self, answer: Action = Action.QUIT) -> None:
        self.answer = answer
        self.asked: list[tuple[Problem, str, backup.BackupInfo | None]] = []
        self.errors: list[str] = []
        self.infos: list[str] = []

    def problem(self, diagnosis, advice, good) -> Action:
        self.asked.append((diagnosis.problem, f"{diagnosis.message} {advice}", good))
        return self.answer

    def error(self, message: str) -> None:
        self.errors.append(message)

    def info(self, message: str) -> None:
        self.infos.append(message)


@pytest.fixture
def register(tmp_path, content) -> Path:
    return filled_register(tmp_path / "lika.db", content, count=20)


def opened(result) -> AssessmentRepository:
    assert isinstance(result, AssessmentRepository), result
    return result


def test_a_good_register_opens_without_questions(register) -> None:
    dialogs = ScriptedDialogs()
    opened(open_register(register, dialogs)).close()
    assert dialogs.asked == [] and dialogs.errors == []


def test_damaged_register_without_backup_is_left_alone(register) -> None:
    damage(register)
    before = register_state(register)
    dialogs = ScriptedDialogs(Action.RESTORE)
    assert open_register(register, dialogs) == 1
    ((problem, text, good),) = dialogs.asked
    assert problem is Problem.DAMAGED and good is None
    assert "damaged" in text and "will not write to it" in text
    assert register_state(register) == before


def test_damaged_register_offers_the_newest_good_backup(register) -> None:
    good = backup.make_backup(register, backup.Reason.START)
    damage(register)
    damaged = register.read_bytes()
    dialogs = ScriptedDialogs(Action.RESTORE)
    repo = opened(open_register(register, dialogs))
    assert dialogs.asked[0][2] == good
    assert repo.count() == 20
    repo.close()
    (info,) = dialogs.infos
    kept = Path(info.split("kept as ")[1].rstrip("."))
    assert kept.read_bytes() == damaged  # the damaged file is kept, byte for byte


def test_a_restore_at_start_up_is_recorded_as_the_user_of_the_window(register) -> None:
    backup.make_backup(register, backup.Reason.START)
    damage(register)
    identity = Identity("Berit Bakke", "berit")
    dialogs = ScriptedDialogs(Action.RESTORE)
    repo = opened(open_register(register, dialogs, identity=identity))
    with repo.db.conn as conn:
        row = conn.execute(
            "SELECT action, actor, os_user, summary FROM audit_log ORDER BY id DESC LIMIT 1"
        ).fetchone()
    repo.close()
    assert row[:3] == ("restore", "Berit Bakke", "berit")
    assert "; kept as " in row[3]


def test_newer_register_is_never_written(register) -> None:
    backup.make_backup(register, backup.Reason.START)
    make_newer(register)
    before = register_state(register)
    dialogs = ScriptedDialogs(Action.QUIT)
    assert open_register(register, dialogs) == 2
    assert dialogs.asked[0][0] is Problem.NEWER and dialogs.asked[0][2] is not None
    assert "Update Lika" in dialogs.asked[0][1]
    assert register_state(register) == before


@pytest.mark.parametrize(
    ("content_of", "problem"),
    [("text", Problem.NOT_SQLITE), ("foreign", Problem.FOREIGN)],
)
def test_files_that_are_not_lika_registers(tmp_path, content_of, problem) -> None:
    import sqlite3

    path = tmp_path / "lika.db"
    if content_of == "text":
        path.write_text("Protokoll\n")
    else:
        with sqlite3.connect(path) as conn:
            conn.execute("CREATE TABLE songs (title TEXT)")
        conn.close()
    before = register_state(path)
    dialogs = ScriptedDialogs()
    assert open_register(path, dialogs) == 2
    assert dialogs.asked[0][0] is problem
    assert register_state(path) == before


def test_missing_folder_of_a_chosen_register(tmp_path) -> None:
    path = tmp_path / "network-drive" / "lika.db"
    dialogs = ScriptedDialogs(Action.QUIT)
    assert open_register(path, dialogs) == 2
    assert dialogs.asked[0][0] is Problem.MISSING_FOLDER
    assert "connected" in dialogs.asked[0][1]
    assert not path.parent.exists()
    dialogs = ScriptedDialogs(Action.CONTINUE)
    opened(open_register(path, dialogs)).close()
    assert path.exists()


@pytest.mark.parametrize("given", ["folder", "."])
def test_a_folder_given_as_the_register_is_bad_input(tmp_path, monkeypatch, given) -> None:
    """``lika --db .`` or ``--db ''`` (which is "."): one message, exit code 2, as on the
    command line; before, "." crashed while looking for its backups."""
    monkeypatch.chdir(tmp_path)
    path = tmp_path if given == "folder" else Path(given)
    dialogs = ScriptedDialogs(Action.RESTORE)
    assert open_register(path, dialogs) == 2
    assert dialogs.errors == [f"{path} is a folder, not a database file"]
    assert dialogs.asked == [] and list(tmp_path.iterdir()) == []


def test_the_default_register_folder_is_created_without_asking(tmp_path) -> None:
    path = tmp_path / "Lika" / "lika.db"
    dialogs = ScriptedDialogs(Action.QUIT)
    opened(open_register(path, dialogs, is_default=True)).close()
    assert dialogs.asked == []


def test_read_only_register(register, monkeypatch) -> None:
    real = checks.os.access
    monkeypatch.setattr(
        checks.os,
        "access",
        lambda p, mode: False if str(p) == str(register) and mode & 2 else real(p, mode),
    )
    dialogs = ScriptedDialogs(Action.CONTINUE)
    before = register_state(register)
    assert open_register(register, dialogs) == 1
    assert dialogs.asked[0][0] is Problem.READ_ONLY
    assert "write access" in dialogs.asked[0][1]
    assert register_state(register) == before


@pytest.mark.parametrize(("answer", "outcome"), [(Action.CONTINUE, "open"), (Action.QUIT, 1)])
def test_nearly_full_disk(register, monkeypatch, answer, outcome) -> None:
    class Usage:
        free = 3 * 1024 * 1024

    monkeypatch.setattr(checks.shutil, "disk_usage", lambda _p: Usage())
    dialogs = ScriptedDialogs(answer)
    result = open_register(register, dialogs)
    assert dialogs.asked[0][0] is Problem.LOW_SPACE
    assert "3 MB free" in dialogs.asked[0][1]
    if outcome == "open":
        opened(result).close()
    else:
        assert result == outcome


def test_the_real_dialog_offers_the_backup(register, qapp, monkeypatch) -> None:
    backup.make_backup(register, backup.Reason.START)
    damage(register)
    shown: list[QMessageBox] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append(box)
        return 0  # closed without a choice: quit

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    assert open_register(register, MessageBoxDialogs(register)) == 1
    (box,) = shown
    assert "The newest good backup is from" in box.text()
    assert [b.text() for b in box.buttons()] == ["&Restore the backup", "&Quit"]

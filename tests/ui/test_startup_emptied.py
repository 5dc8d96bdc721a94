"""The window at start-up: an emptied register is "damaged or emptied", with the newest
good backup offered, not opened as a new empty register."""

from __future__ import annotations

from desktop_app.storage import backup
from desktop_app.storage.checks import Problem
from desktop_app.ui.startup import Action, advice, headline, open_register
from tests.safety_helpers import filled_register
from tests.ui.test_startup import ScriptedDialogs, opened


def test_an_emptied_register_offers_the_newest_good_backup(tmp_path, content, qapp) -> None:
    register = filled_register(tmp_path / "lika.db", content, count=3)
    good = backup.make_backup(register, backup.Reason.START)
    register.write_bytes(b"")
    dialogs = ScriptedDialogs(Action.QUIT)
    assert open_register(register, dialogs) == 1
    ((problem, text, offered),) = dialogs.asked
    assert problem is Problem.EMPTIED and offered == good
    assert "damaged or emptied" in text
    assert register.read_bytes() == b""

    dialogs = ScriptedDialogs(Action.RESTORE)
    repo = opened(open_register(register, dialogs))
    assert repo.count() == 3
    repo.close()


def test_the_emptied_problem_has_words(tmp_path, qapp) -> None:
    from desktop_app.storage.checks import Diagnosis

    diagnosis = Diagnosis(Problem.EMPTIED, "x")
    assert "damaged or emptied" in headline(diagnosis, tmp_path / "lika.db")
    assert "empty" in advice(Problem.EMPTIED)


def test_a_fresh_empty_file_without_backups_is_still_a_new_register(tmp_path, qapp) -> None:
    register = tmp_path / "lika.db"
    register.write_bytes(b"")
    repo = opened(open_register(register, ScriptedDialogs()))
    assert repo.count() == 0
    repo.close()

"""A start that lists the register opens it for writing only when the user first does
something that needs the service (opens, creates or imports an assessment, a report,
the revisions; issue 18): until then nothing is written, nothing of the write path is
loaded, and the window still notices a restore made elsewhere. When the register can no
longer be opened by then, the action says why, nothing is written, and a register moved,
deleted or emptied meanwhile is never made anew in its place."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop_app.storage import backup
from desktop_app.storage.backup import Reason
from desktop_app.storage.restore import restore_backup
from desktop_app.ui.editor.editor_window import EditorWindow
from desktop_app.ui.first_list import list_first_page
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.opening import fill_window
from tests.safety_helpers import filled_register, make_newer, register_state
from tests.test_backup import BERIT
from tests.ui.test_first_list import NoDialogs, shown_window

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def messages(monkeypatch) -> list[str]:
    shown: list[str] = []
    for kind in ("warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, kind, lambda *args: shown.append(args[2]))
    return shown


def listed_window(qtbot, path: Path, settings) -> MainWindow:
    """The window as ``lika`` leaves it on a register the first look could list: checked,
    listed, attached, its start complete."""
    window = shown_window(qtbot, path)
    first = list_first_page(window, path, settings)
    assert first is not None
    assert fill_window(window, path, settings, is_default=False,
                       dialogs=NoDialogs(), first=first) is None  # fmt: skip
    assert window.attached
    settled(qtbot, window)
    return window


def settled(qtbot, window: MainWindow) -> None:
    """The start's work on workers (the list's count and units, the start-up backup)
    done and delivered, so that a test changes the register after it."""
    window.data_actions.runner.wait()
    qtbot.wait(20)


def dump(path: Path) -> str:
    """What the register holds, as SQL (a checkpoint of its log moves bytes, not data)."""
    conn = sqlite3.connect(path)
    try:
        return "\n".join(conn.iterdump())
    finally:
        conn.close()


def close_service(window: MainWindow) -> None:
    if window.context.service_open:
        window.context.service.close()


def test_a_listed_start_opens_the_register_for_writing_when_an_assessment_is_opened(
    qtbot, tmp_path, content, settings
) -> None:
    path = filled_register(tmp_path / "lika.db", content, count=3)
    before = register_state(path)
    window = listed_window(qtbot, path, settings)
    assert not window.context.service_open
    assert window.new_action.isEnabled() and window.tabs.isTabEnabled(1)
    assert window.windowTitle().startswith("lika.db")
    assert register_state(path) == before  # checked and listed: nothing written

    editor = window.open_assessment(1)
    assert isinstance(editor, EditorWindow) and window.context.service_open
    editor.document.edit(("decision", "title"), "Ändrad efter starten")
    assert editor.document.save_now()
    editor.close()
    assert window.context.service.get(1).decision.title == "Ändrad efter starten"
    close_service(window)


def test_a_name_given_before_the_register_is_opened_is_the_one_that_writes(
    qtbot, tmp_path, content, settings
) -> None:
    """The first-run question is answered before anything writes: the service opened
    afterwards acts as that person, not as the computer's account."""
    from desktop_app.ui.first_run import FirstRunDialog

    path = filled_register(tmp_path / "lika.db", content, count=1)
    window = listed_window(qtbot, path, settings)
    dialog = FirstRunDialog(window.context, window)
    dialog.name.setText("Berit Ek")
    dialog.accept()
    assert not window.context.service_open
    assert window.context.service.identity.name == "Berit Ek"
    close_service(window)


def test_a_register_that_cannot_be_opened_any_more_is_said_when_an_action_needs_it(
    qtbot, tmp_path, content, settings, messages
) -> None:
    """Between the start and the first action another Lika upgraded the register past
    this version: opening an assessment, an import, a new assessment and the report say so, write
    nothing, and the window stays usable; the next try opens it once it can."""
    path = filled_register(tmp_path / "lika.db", content, count=2)
    window = listed_window(qtbot, path, settings)
    make_newer(path)
    before = dump(path)

    assert window.open_assessment(1) is None
    assert len(messages) == 1 and "newer version of Lika" in messages[0]
    window.data_actions.import_file(tmp_path / "missing.json")
    assert len(messages) == 2 and "newer version of Lika" in messages[1]
    window.new_assessment()
    assert len(messages) == 3 and "newer version of Lika" in messages[2]
    window.report_action.trigger()
    assert len(messages) == 4 and "newer version of Lika" in messages[3]
    assert not window.context.service_open and window.isVisible()
    assert dump(path) == before

    with sqlite3.connect(path) as conn:  # the newer Lika's upgrade undone
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = '9999_from_the_future'")
    conn.close()
    assert isinstance(window.open_assessment(1), EditorWindow)
    close_service(window)


def test_a_restore_elsewhere_is_noticed_before_the_register_is_opened_for_writing(
    qtbot, tmp_path, content, settings, messages
) -> None:
    path = filled_register(tmp_path / "lika.db", content, count=2)
    snapshot = backup.make_backup(path, Reason.MANUAL)
    assert snapshot is not None
    window = listed_window(qtbot, path, settings)
    assert not window.restore_watch.check()
    restore_backup(snapshot.path, path, actor=BERIT, force=True)  # as another program would
    assert window.restore_watch.check()
    assert any("restored" in text for text in messages), messages
    assert not window.context.service_open  # noticed without opening it for writing


@pytest.mark.slow
def test_the_smoke_test_hook_opens_an_assessment_when_asked(tmp_path, content) -> None:
    """What ``packaging/smoke_test.py`` checks in the bundle, through the real program:
    the start complete without the write path, then the first assessment opened."""
    from desktop_app.ui import smoke_hook

    sys.path.insert(0, str(ROOT / "packaging"))
    import smoke_test

    assert smoke_test.OPENED_MARKER == smoke_hook.OPENED_MARKER
    path = filled_register(tmp_path / "lika.db", content, count=2)
    env = smoke_test.isolated_environment(tmp_path / "home")
    env.update(LIKA_SMOKE_TEST_QUIT_AFTER_SHOW="1", LIKA_SMOKE_TEST_OPEN_FIRST="1",
               QT_QPA_PLATFORM="offscreen", LIKA_DEFAULTS="", PYTHONPATH=str(ROOT))  # fmt: skip
    result = subprocess.run([sys.executable, "-m", "desktop_app", "--db", str(path)], env=env,
                            capture_output=True, text=True, timeout=120, check=False)  # fmt: skip
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[:3] == [smoke_hook.MARKER, smoke_hook.READY_MARKER, smoke_hook.STARTED_MARKER]
    assert lines[3].startswith(smoke_hook.OPENED_MARKER) and "Ärende" in lines[3]


@pytest.mark.parametrize("change", ["deleted", "emptied", "folder gone"])
def test_a_register_gone_since_the_start_is_never_made_anew(
    qtbot, tmp_path, content, settings, messages, change
) -> None:
    """Deleted, emptied (a full disk, an interrupted copy) or on a drive that went away:
    the first action says so and creates nothing; before, the opening made an empty
    register there and new work went into it."""
    import shutil

    folder = tmp_path / "share"
    folder.mkdir()
    path = filled_register(folder / "lika.db", content, count=2)
    window = listed_window(qtbot, path, settings)
    if change == "deleted":
        path.unlink()
    elif change == "emptied":
        path.write_bytes(b"")
    else:
        shutil.rmtree(folder)

    def nothing_made() -> None:
        assert not window.context.service_open
        if change == "emptied":
            assert path.stat().st_size == 0
        else:
            assert not path.exists() and (change == "deleted") == folder.exists()

    assert window.open_assessment(1) is None
    nothing_made()
    window.new_assessment()
    settled(qtbot, window)
    assert len(messages) == 2 and all("no longer there" in text for text in messages)
    nothing_made()


def test_the_register_is_the_one_the_start_checked_whatever_the_working_folder(
    qtbot, tmp_path, content, settings, monkeypatch, messages
) -> None:
    """``lika --db lika.db`` names the register relative to the working folder of the
    start; the opening later must not follow a change of it."""
    here = tmp_path / "here"
    here.mkdir()
    filled_register(here / "lika.db", content, count=2)
    monkeypatch.chdir(here)
    window = listed_window(qtbot, Path("lika.db"), settings)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert isinstance(window.open_assessment(1), EditorWindow)
    assert Path(window.context.service.register_path) == here / "lika.db"
    assert not (elsewhere / "lika.db").exists()
    window.refresh()  # the list's workers read it by its full path too
    settled(qtbot, window)
    assert messages == []
    close_service(window)


def test_a_failed_report_leaves_no_half_made_dialog(
    qtbot, tmp_path, content, settings, messages
) -> None:
    from desktop_app.ui.report_dialog import ReportDialog

    path = filled_register(tmp_path / "lika.db", content, count=1)
    window = listed_window(qtbot, path, settings)
    make_newer(path)
    for _ in range(2):
        window.report_action.trigger()
    assert len(messages) == 2
    assert window.findChildren(ReportDialog) == []


def test_the_restore_watch_keeps_watching_after_a_file_it_cannot_read(
    qtbot, tmp_path, content, settings, messages
) -> None:
    """A moment when the register is not a database (a copy being written over it): the
    watch looks again next time instead of stopping for good."""
    path = filled_register(tmp_path / "lika.db", content, count=1)
    window = listed_window(qtbot, path, settings)
    kept = path.read_bytes()
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    path.write_bytes(b"not a database, not even SQLite" * 200)
    assert not window.restore_watch.check()
    assert window.restore_watch._timer.isActive()
    path.write_bytes(kept)
    assert not window.restore_watch.check()
    settled(qtbot, window)

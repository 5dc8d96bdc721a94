"""The register's first page on screen before the service is loaded (issue 18): the
first look lists only a current Lika register, writes nothing, and the normal start
(check, open, attach, its messages) still follows it."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop_app.app.registers import first_look
from desktop_app.checklists import trusted
from desktop_app.checklists.list_words import words_of
from desktop_app.defaults import parse_file
from desktop_app.storage.repository import AssessmentRepository
from desktop_app.ui.first_list import list_first_page
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.opening import fill_window
from tests.helpers import complete_assessment
from tests.safety_helpers import damage, filled_register, make_newer, register_state
from tests.ui.test_organisation_defaults import settings_with

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def register_file(tmp_path, content) -> Path:
    return filled_register(tmp_path / "lika.db", content, count=5)


@pytest.fixture(autouse=True, params=["no record", "record"])
def content_record(request, tmp_path, monkeypatch) -> Iterator[bool]:
    """Each test with and without the build's record of the content in force (a source
    checkout may have made one or not): with it, the list's words come from the record
    and the content is loaded after the first page; without, it is loaded for them."""
    record = tmp_path / trusted.RECORD_NAME
    if request.param == "record":
        trusted.write_record(record)
    real = trusted.resource_path
    monkeypatch.setattr(
        trusted, "resource_path", lambda *p: record if p == (trusted.RECORD_NAME,) else real(*p)
    )
    trusted.release()
    yield request.param == "record"
    trusted.release()


class NoDialogs:
    def problem(self, diagnosis, advice, good):
        raise AssertionError(f"unexpected problem: {diagnosis}")

    def error(self, message: str) -> None:
        raise AssertionError(message)

    def info(self, message: str) -> None:
        raise AssertionError(message)


def shown_window(qtbot, path: Path) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show_opening(path)
    window.show()
    return window


def titles(window: MainWindow) -> list[str]:
    model = window.register_view.model
    return [model.row_at(row).title for row in range(model.rowCount())]


def test_the_first_page_is_listed_from_the_first_look_before_the_register_is_opened(
    qtbot, register_file, settings, content_record
) -> None:
    before = register_state(register_file)
    window = shown_window(qtbot, register_file)
    first = list_first_page(window, register_file, settings)
    assert first is not None
    assert window.listed and not window.attached
    assert len(titles(window)) == 5  # read at once, not on a worker
    units = window.register_view.filters.unit
    offered = units.count()
    qtbot.waitUntil(lambda: window.register_view.was_listed)
    # The units for the filter are read on a worker once the page is on the screen.
    qtbot.waitUntil(lambda: units.count() > offered)
    # Only the list: what needs the service waits for it.
    assert not window.new_action.isEnabled() and not window.export_action.isEnabled()
    assert not window.tabs.isTabEnabled(1) and not window.tabs.isTabEnabled(2)
    assert register_state(register_file) == before  # the first look wrote nothing

    assert fill_window(window, register_file, settings, is_default=False,
                       dialogs=NoDialogs(), first=first) is None  # fmt: skip
    assert window.attached and window.new_action.isEnabled()
    assert window.tabs.isTabEnabled(1)
    if content_record:  # the list's words came from the record, the content only now
        assert first.content is None
        listed_with = window.register_view.context.words
        assert listed_with == words_of(window.context.content, listed_with.language)
    else:  # loaded for the words, and not again
        assert window.context.content is first.content
    assert len(titles(window)) == 5
    assert window.register_view.model.reads == 1  # nothing changed: not read again
    window.context.service.repository.close()


def test_the_window_is_first_painted_with_the_first_page_listed(
    qtbot, register_file, monkeypatch, content_record
) -> None:
    """``lika`` on a register the first look can read: with the build's record of the
    list's words the window's first paint shows the list (no "Opening the register…"
    paint to wait for first); without it the window is drawn before the content is
    loaded for them, and the list follows. Either way the register is checked and
    opened for writing only once the page is on the screen."""
    from desktop_app.ui import app as app_module

    listed_when_shown: list[bool] = []
    real_show = MainWindow.show

    def show(window: MainWindow) -> None:
        qtbot.addWidget(window)  # closed and deleted after the test
        listed_when_shown.append(window.listed)
        real_show(window)

    seen: list[tuple[bool, bool, bool, bool]] = []

    def opening(window, *args, first=None, **kwargs):
        view = window.register_view
        seen.append((window.isVisible(), view.was_listed, window.attached, first is not None))
        window.hide()  # as fill_window does when it gives up
        return 0

    monkeypatch.setattr(MainWindow, "show", show)
    monkeypatch.setattr("desktop_app.ui.opening.fill_window", opening)
    assert app_module.run_app(register_file) == 0
    assert listed_when_shown == [content_record]
    assert seen == [(True, True, False, True)]


def test_a_register_changed_while_it_was_opened_is_listed_again(
    qtbot, register_file, settings, content
) -> None:
    """An upgrade or a restored backup between the first look and the opening: the
    list shows what the register holds now."""
    window = shown_window(qtbot, register_file)
    first = list_first_page(window, register_file, settings)
    assert first is not None
    other = AssessmentRepository.open(register_file)
    added = complete_assessment(content)
    added.decision.title = "Tillagt efter första blicken"
    other.create(added)
    other.close()
    fill_window(window, register_file, settings, is_default=False, dialogs=NoDialogs(),
                first=first)  # fmt: skip
    qtbot.waitUntil(lambda: "Tillagt efter första blicken" in titles(window))
    window.context.service.repository.close()


def test_no_first_look_where_the_normal_start_must_decide(
    qtbot, tmp_path, register_file, settings, content
) -> None:
    missing = tmp_path / "new.db"
    assert first_look(missing) is None and not missing.exists()
    text = tmp_path / "notes.db"
    text.write_text("inte en databas")
    assert first_look(text) is None
    newer = filled_register(tmp_path / "newer.db", content, count=1)
    make_newer(newer)
    assert first_look(newer) is None
    older = filled_register(tmp_path / "older.db", content, count=1)
    with sqlite3.connect(older) as conn:
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0010_i15_approver_role'")
    conn.close()
    assert first_look(older) is None
    for path in (missing, text, newer, older):
        window = shown_window(qtbot, path)
        assert list_first_page(window, path, settings) is None
        assert not window.listed


def test_a_first_page_that_cannot_be_read_leaves_it_to_the_normal_start(
    qtbot, register_file, settings
) -> None:
    """Garbled text in the first page (changed outside Lika) fails while the rows are
    fetched: no first look, and the window untouched for the normal path."""
    with sqlite3.connect(register_file) as conn:
        conn.execute("UPDATE register_rows SET title = CAST(X'C328FF' AS TEXT)")
    conn.close()
    window = shown_window(qtbot, register_file)
    assert list_first_page(window, register_file, settings) is None
    assert not window.listed


def test_a_damaged_register_still_gets_its_message_after_the_first_look(
    qtbot, tmp_path, content, settings, monkeypatch
) -> None:
    """The first look may list a register whose damage lies elsewhere; the start check
    that follows still finds it, says so, and nothing is written."""
    path = filled_register(tmp_path / "lika.db", content, count=40)
    damage(path, range(30, 34))
    before = register_state(path)
    window = shown_window(qtbot, path)
    first = list_first_page(window, path, settings)
    assert first is not None and window.listed  # the damage is not on the first page
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: shown.append(args[2]))
    from desktop_app.ui.startup import MessageBoxDialogs

    code = fill_window(window, path, settings, is_default=False,
                       dialogs=MessageBoxDialogs(path), first=first)  # fmt: skip
    assert code == 1 and not window.isVisible() and not window.attached
    assert any("damaged" in text for text in shown), shown
    assert register_state(path) == before


def test_the_window_lists_before_the_service_and_sqlite_utils_are_loaded(tmp_path, content) -> None:
    """The program as the user starts it: when the first rows are painted (the smoke
    hook's "register listed"), the service and sqlite-utils are not loaded yet; the
    start then completes (the service attached, "start complete")."""
    path = filled_register(tmp_path / "lika.db", content, count=3)
    script = (
        "import sys\n"
        "from desktop_app.ui import smoke_hook\n"
        "said = smoke_hook._say\n"
        "def say(line):\n"
        "    if line == smoke_hook.READY_MARKER:\n"
        "        heavy = ('sqlite_utils', 'desktop_app.app.service',\n"
        "                 'desktop_app.storage.database')\n"
        "        print('loaded:', [m for m in heavy if m in sys.modules], flush=True)\n"
        "    said(line)\n"
        "smoke_hook._say = say\n"
        "from desktop_app.__main__ import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    sys.path.insert(0, str(ROOT / "packaging"))
    from smoke_test import isolated_environment

    env = isolated_environment(tmp_path / "home")
    env.update(LIKA_SMOKE_TEST_QUIT_AFTER_SHOW="1", QT_QPA_PLATFORM="offscreen",
               LIKA_DEFAULTS="", PYTHONPATH=str(ROOT))  # fmt: skip
    result = subprocess.run([sys.executable, "-c", script, "--db", str(path)], env=env,
                            capture_output=True, text=True, timeout=120)  # fmt: skip
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines == [
        "LIKA_SMOKE_TEST: main window shown",
        "loaded: []",
        "LIKA_SMOKE_TEST: register listed",
        "LIKA_SMOKE_TEST: start complete",
    ]


def test_an_organisation_folder_is_worded_from_its_content_not_the_record(
    qtbot, register_file, settings, tmp_path
) -> None:
    """The record holds the built-in content's words; an organisation's own checklists
    (here a law of their own) can only be worded from the content itself."""
    own = tmp_path / "own"
    own.mkdir()
    shutil.copy(ROOT / "tests" / "data" / "mini-checklist.yaml", own / "mini.yaml")
    settings.checklist_folder = own
    window = shown_window(qtbot, register_file)
    first = list_first_page(window, register_file, settings)
    assert first is not None and first.content is not None
    assert "mini" in dict(window.register_view.context.words.frameworks())
    assert "mini" in first.content.checklists.checklists


def test_a_default_law_that_is_not_installed_is_left_to_the_normal_start(
    qtbot, register_file, tmp_path
) -> None:
    """Which then says so and stops (test_organisation_defaults): the list is not shown
    first, with or without the record's words."""
    path = tmp_path / "defaults.ini"
    path.write_text("[lika]\nframework = dk-lov\n", encoding="utf-8")
    settings = settings_with(tmp_path, parse_file(path))
    window = shown_window(qtbot, register_file)
    assert list_first_page(window, register_file, settings) is None
    assert not window.listed

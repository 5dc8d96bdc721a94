"""Help: the guide offline in the window's language, the shortcuts of the window, and
About with the version, licence, register path and third-party licences."""

from __future__ import annotations

from pathlib import Path

from desktop_app import __version__
from desktop_app.domain.model import Language
from desktop_app.ui.help_menu import about_dialog, guide_dialog, shortcut_rows
from desktop_app.ui.main_window import MainWindow
from tests.ui.test_editor import open_editor


def menu_titles(window) -> list[str]:
    return [a.text() for a in window.menuBar().actions()]


def test_every_window_has_a_help_menu_last(qtbot, context) -> None:
    window = MainWindow(context)
    qtbot.addWidget(window)
    assert menu_titles(window)[-1] == "&Help"
    editor = open_editor(qtbot, context)
    assert menu_titles(editor)[-1] == "&Help"
    actions = {a.text(): a for a in window.help_menu.actions()}
    assert set(actions) == {"&User guide", "&Keyboard shortcuts", "&About Lika"}
    assert not actions["&User guide"].shortcut().isEmpty()  # F1


def test_guide_in_each_language(qtbot) -> None:
    for language, words in (
        (Language.SV, "Granskning"),
        (Language.NB, "Gjennomgang"),
        (Language.EN, "Review"),
    ):
        dialog = guide_dialog(language)
        qtbot.addWidget(dialog)
        assert words in dialog.browser.toPlainText()


def test_shortcuts_are_those_of_the_window(qtbot, context) -> None:
    editor = open_editor(qtbot, context)
    rows = dict(shortcut_rows(editor))
    assert "User guide" in rows
    assert any("Ctrl+Z" in keys for keys in rows.values())
    assert rows["Open the calendar in a date field"].startswith("Alt+Down")


def test_about_names_version_licence_register_and_qt_lgpl(qtbot, context) -> None:
    path = context.service.repository.path
    dialog = about_dialog(path)
    qtbot.addWidget(dialog)
    text = dialog.browser.toPlainText()
    for part in (__version__, "GNU General Public License", str(path), "LGPL", "DejaVu"):
        assert part in text, part


def test_title_names_the_register_once(qtbot, context) -> None:
    window = MainWindow(context)
    qtbot.addWidget(window)
    path = Path(context.service.repository.path)
    assert window.windowTitle() == path.name
    assert str(path.parent) not in window.windowTitle()

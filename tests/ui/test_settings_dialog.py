"""The settings dialog: name, window language, the organisation's checklist folder."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_app.checklists.loader import BUILTIN_DIR
from desktop_app.domain.identity import Identity, os_full_name, os_user
from desktop_app.domain.model import Language
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.settings import Settings
from desktop_app.ui.settings_dialog import SettingsDialog


def own_folder(tmp_path):
    """One usable checklist file (a renamed copy of a module) and one broken file."""
    folder = tmp_path / "kommunens-listor"
    folder.mkdir()
    text = (BUILTIN_DIR / "module-barnrett.yaml").read_text(encoding="utf-8")
    (folder / "unga.yaml").write_text(
        text.replace("id: children", "id: unga-vuxna", 1), encoding="utf-8"
    )
    (folder / "trasig.yaml").write_text(
        "format: lika-checklist\nformat_version: 1\nid: trasig\ngrounds: [\n", encoding="utf-8"
    )
    return folder


def test_the_dialog_shows_what_a_folder_holds_and_stores_the_choices(
    qtbot, context, tmp_path
) -> None:
    dialog = SettingsDialog(context)
    qtbot.addWidget(dialog)
    # No name of one's own yet: the field is empty and shows what is used instead.
    assert dialog.name.text() == ""
    shown = os_full_name() or os_user()  # the OS full name where it has one
    assert dialog.name.placeholderText() == shown == context.settings.display_name
    assert dialog.language.currentData() == ""  # follows the computer until chosen
    assert "built-in" in dialog.report.toPlainText()

    folder = own_folder(tmp_path)
    dialog.folder.setText(str(folder))
    dialog.check_folder()
    report = dialog.report.toPlainText()
    assert "1 checklist file(s) can be used:" in report
    assert "unga.yaml: unga-vuxna 1.0" in report
    assert "1 file(s) will be skipped:" in report
    assert "trasig.yaml, line 5" in report  # the file and the place

    dialog.folder.setText(str(tmp_path / "finns-inte"))
    dialog.check_folder()
    assert "does not exist" in dialog.report.toPlainText()
    dialog.folder.setText(str(folder))

    dialog.name.setText("Ánte Ŋuolja")
    dialog.role.setText("Utredare")
    dialog.language.setCurrentIndex(dialog.language.findData("nb"))
    change = dialog.apply()
    assert change.name and change.language and change.folder
    again = Settings(context.settings._store)
    assert again.display_name == "Ánte Ŋuolja"
    assert again.role == "Utredare"
    assert again.ui_language is Language.NB
    assert again.checklist_folder == folder

    dialog.name.setText("")  # empty: the computer account name again
    dialog.language.setCurrentIndex(0)
    dialog.clear_folder()
    change = dialog.apply()
    assert again.ui_language is None and again.checklist_folder is None
    assert again.display_name  # never empty


def test_settings_from_the_main_window_take_effect(qtbot, context, tmp_path, monkeypatch) -> None:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    folder = own_folder(tmp_path)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: told.append(args[2]))

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SettingsDialog)
        dialog.name.setText("Máret Sara")
        dialog.language.setCurrentIndex(dialog.language.findData("en"))
        dialog.folder.setText(str(folder))
        dialog.accept()

    QTimer.singleShot(0, fill)
    window.settings_action.trigger()
    # The name is used at once, for new assessments and the review history.
    assert context.service.identity.name == "Máret Sara"
    assert context.service.new_assessment().decision.author == "Máret Sara"
    # The organisation's checklists are loaded beside the built-in ones; the broken
    # file is skipped and the rest keeps working.
    library = context.content.checklists
    assert library.get("unga-vuxna").source == folder / "unga.yaml"
    assert library.get("se-dl")
    assert any("trasig.yaml" in str(error) for error in library.errors)
    # The language needs a restart, and the user is told so.
    assert told == ["Lika will use the new language the next time it starts."]


def test_the_display_name_becomes_the_identity_beside_the_os_user(qtbot, context) -> None:
    window = MainWindow(context)
    qtbot.addWidget(window)

    def set_name(name: str) -> None:
        def fill() -> None:
            dialog = QApplication.activeModalWidget()
            assert isinstance(dialog, SettingsDialog)
            dialog.name.setText(name)
            dialog.accept()

        QTimer.singleShot(0, fill)
        window.settings_action.trigger()

    set_name("  Niillas Aikio ")
    assert context.settings.own_display_name == "Niillas Aikio"
    assert context.service.identity == Identity(name="Niillas Aikio", os_user=os_user())
    # Evaluations record the new name too.
    assert window.followups.identity == context.service.identity
    again = SettingsDialog(context)
    qtbot.addWidget(again)
    assert again.name.text() == "Niillas Aikio"

    set_name("")  # back to the computer account
    assert context.service.identity == Identity(name=os_user(), os_user=os_user())
    assert window.followups.identity == context.service.identity
    assert context.settings.own_display_name == ""


def test_the_folder_can_be_browsed_for(qtbot, context, tmp_path, monkeypatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    folder = own_folder(tmp_path)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args: str(folder))
    dialog = SettingsDialog(context)
    qtbot.addWidget(dialog)
    dialog.browse()
    assert dialog.folder.text() == str(folder)
    assert "unga-vuxna" in dialog.report.toPlainText()
    shutil.rmtree(folder)


def test_the_lists_words_follow_a_folder_chosen_in_the_settings(qtbot, context, tmp_path) -> None:
    """The overview and follow-up tabs are made after such a change too: they name the
    organisation's own law and grounds, not the keys (``UiContext.words``)."""
    folder = tmp_path / "egna"
    folder.mkdir()
    shutil.copy(Path(__file__).parents[1] / "data" / "mini-checklist.yaml", folder / "mini.yaml")
    window = MainWindow(context)
    qtbot.addWidget(window)
    assert "mini" not in dict(context.words.frameworks())  # made from the built-in content

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SettingsDialog)
        dialog.folder.setText(str(folder))
        dialog.accept()

    QTimer.singleShot(0, fill)
    window.settings_action.trigger()
    assert dict(context.words.frameworks())["mini"] == "Mini"

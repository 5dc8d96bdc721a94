"""`lika FILE.json` (what a double-click on an exchange file runs) opens the window and
imports that file into it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from desktop_app.__main__ import window_request


def test_a_json_file_argument_asks_for_the_window_and_its_import() -> None:
    assert window_request(["x.json"]) == (True, None, Path("x.json"))
    assert window_request(["--db", "r.db", "Bedömning.JSON"]) == (
        True,
        Path("r.db"),
        Path("Bedömning.JSON"),
    )
    assert window_request([]) == (True, None, None)
    assert window_request(["import", "x.json"])[0] is False  # the CLI's import command
    assert window_request(["list"])[0] is False


def test_the_window_imports_the_file_once_the_register_is_open(
    qapp, db_path, tmp_path, monkeypatch
) -> None:
    from desktop_app.ui import app as app_module
    from desktop_app.ui.data_actions import DataActions

    imported: list[tuple[Path, bool]] = []

    def import_file(self, path: Path) -> None:
        imported.append((path, self.window.attached))
        for widget in QApplication.topLevelWidgets():
            widget.hide()
        QApplication.exit(0)

    monkeypatch.setattr(DataActions, "import_file", import_file)
    file = tmp_path / "bedömning.json"
    assert app_module.run_app(db_path, import_file=file) == 0
    assert imported == [(file, True)]

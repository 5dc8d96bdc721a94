"""IT's defaults file under the user's settings, as the window sees it."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from desktop_app.defaults import OrganisationDefaults, parse_file
from desktop_app.ui.settings import Settings
from desktop_app.ui.smoke_hook import MARKER, READY_MARKER, STARTED_MARKER


@pytest.fixture
def it_defaults(tmp_path) -> OrganisationDefaults:
    own = tmp_path / "own-checklists"
    own.mkdir()
    path = tmp_path / "defaults.ini"
    path.write_text(
        f"[lika]\norganisation = Tromsø kommune\nframework = no-ldl\nchecklist_folder = {own}\n",
        encoding="utf-8",
    )
    return parse_file(path)


def settings_with(tmp_path, defaults: OrganisationDefaults) -> Settings:
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    return Settings(store, defaults=defaults)


def test_defaults_fill_in_until_the_user_sets_a_value(qapp, tmp_path, it_defaults):
    settings = settings_with(tmp_path, it_defaults)
    assert settings.organisation == "Tromsø kommune"
    assert settings.default_framework == "no-ldl"
    assert settings.checklist_folder == tmp_path / "own-checklists"

    settings.organisation = "  Tromsø kommune, helse og omsorg "
    settings.last_framework = "se-dl"  # chosen in the new-assessment dialog
    settings.checklist_folder = tmp_path
    assert settings.organisation == "Tromsø kommune, helse og omsorg"
    assert settings.default_framework == "se-dl"
    assert settings.checklist_folder == tmp_path


def test_without_defaults_the_built_in_values_apply(qapp, tmp_path):
    settings = settings_with(tmp_path, OrganisationDefaults())
    assert settings.organisation == ""
    assert settings.default_framework == "se-dl"
    assert settings.checklist_folder is None


def test_a_new_assessment_gets_the_organisation_and_framework(
    qtbot, db_path, tmp_path, it_defaults
):
    from tests.ui.main_window_helpers import build_main_window

    window = build_main_window(db_path, settings_with(tmp_path, it_defaults))
    qtbot.addWidget(window)
    assessment = window.context.service.new_assessment()
    assert assessment.decision.organisation == "Tromsø kommune"
    assert assessment.framework_id == "no-ldl"


def test_a_default_framework_that_is_not_installed_stops_the_start(
    qapp, db_path, tmp_path, monkeypatch
):
    from desktop_app.ui.app import run_app

    path = tmp_path / "defaults.ini"
    path.write_text("[lika]\nframework = dk-lov\n", encoding="utf-8")
    monkeypatch.setenv("LIKA_DEFAULTS", str(path))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: shown.append(args[2]))
    assert run_app(db_path) == 2
    assert shown == [
        f"{path}, line 2: framework 'dk-lov' is not installed (installed: no-ldl, se-dl)"
    ]
    assert not db_path.exists()  # nothing was opened or created


@pytest.mark.slow
def test_the_smoke_test_hook_shows_the_window_and_quits_once_the_register_is_listed(tmp_path):
    """The hook packaging/smoke_test.py relies on, through the real program."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "LIKA_SMOKE_TEST_QUIT_AFTER_SHOW": "1",
        "LIKA_DEFAULTS": "",
    }
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--db", str(tmp_path / "r.db")],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [MARKER, READY_MARKER, STARTED_MARKER]


def test_the_new_assessment_dialog_preselects_the_organisations_law(
    qtbot, service, tmp_path, it_defaults
):
    from desktop_app.domain.model import Language
    from desktop_app.ui.context import UiContext
    from desktop_app.ui.new_assessment_dialog import NewAssessmentDialog

    settings = settings_with(tmp_path, it_defaults)
    context = UiContext(service=service, settings=settings, language=Language.SV)
    dialog = NewAssessmentDialog(context)
    qtbot.addWidget(dialog)
    assert dialog.framework.currentData() == "no-ldl"

    settings.last_framework = "se-dl"  # the user's own last choice wins
    again = NewAssessmentDialog(context)
    qtbot.addWidget(again)
    assert again.framework.currentData() == "se-dl"

"""Fixtures for widget tests: a real service on a temporary register, private settings."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from desktop_app.domain.model import Language
from desktop_app.ui.context import UiContext
from desktop_app.ui.settings import Settings


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def context(service, settings, qapp) -> UiContext:
    return UiContext(service=service, settings=settings, language=Language.SV)

"""Fixtures for widget tests: a real service on a temporary register, private settings."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, QSettings

from desktop_app.domain.model import Language
from desktop_app.ui.context import UiContext
from desktop_app.ui.settings import Settings
from desktop_app.ui.translations import remove_translators


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def context(service, settings, qapp) -> UiContext:
    return UiContext(service=service, settings=settings, language=Language.SV)


@pytest.fixture(autouse=True)
def _back_to_source_language(qapp):
    """Every test starts and ends in the source language (English UI text), whatever a
    test (or start-up code it runs) installed."""
    previous = QLocale()
    yield
    remove_translators(qapp)
    QLocale.setDefault(previous)

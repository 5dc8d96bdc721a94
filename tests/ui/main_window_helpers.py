"""Building the main window the way start-up does, in one call, for tests."""

from __future__ import annotations

from pathlib import Path

from desktop_app.storage.repository import AssessmentRepository
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.opening import load_window_content, window_context
from desktop_app.ui.settings import Settings


def build_main_window(db_path: Path, settings: Settings) -> MainWindow:
    """The register at ``db_path`` with the content ``settings`` name, attached."""
    content = load_window_content(settings)
    return MainWindow(window_context(AssessmentRepository.open(db_path), content, settings))

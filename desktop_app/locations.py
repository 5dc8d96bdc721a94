"""Where Lika keeps its data by default: Qt's standard per-user data folder.

On Linux ``~/.local/share/Lika``, on Windows ``%LOCALAPPDATA%\\Lika``, on macOS
``~/Library/Application Support/Lika``. Local rather than roaming on Windows, because
an SQLite file must not be synchronised by a roaming profile while it is open.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths

APP_NAME = "Lika"
DATABASE_NAME = "lika.db"


def set_application_identity() -> None:
    """Name the application so Qt's paths and settings use "Lika"."""
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setOrganizationName("")


def data_dir() -> Path:
    set_application_identity()
    location = QStandardPaths.StandardLocation.AppLocalDataLocation
    return Path(QStandardPaths.writableLocation(location))


def default_database_path() -> Path:
    return data_dir() / DATABASE_NAME

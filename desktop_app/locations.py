"""Where Lika keeps its data by default: the folder IT named in the organisation's
defaults file (``desktop_app.defaults``), else Qt's standard per-user data folder.

On Linux ``~/.local/share/Lika``, on Windows ``%LOCALAPPDATA%\\Lika``, on macOS
``~/Library/Application Support/Lika``. Local rather than roaming on Windows, because
an SQLite file must not be synchronised by a roaming profile while it is open.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths

from desktop_app.defaults import OrganisationDefaults, load_defaults

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


def default_database_path(defaults: OrganisationDefaults | None = None) -> Path:
    """``lika.db`` in IT's database folder if one is set, else in the user's data folder."""
    folder = (defaults if defaults is not None else load_defaults()).database_folder
    return (folder or data_dir()) / DATABASE_NAME

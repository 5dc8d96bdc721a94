"""Where Lika keeps its data by default: the folder IT named in the organisation's
defaults file (``desktop_app.defaults``), else the system's per-user data folder.

On Linux ``~/.local/share/Lika`` (``$XDG_DATA_HOME/Lika``), on Windows
``%LOCALAPPDATA%\\Lika``, on macOS ``~/Library/Application Support/Lika``: the folders
Qt's ``AppLocalDataLocation`` names, worked out by platformdirs so that the command
line runs without Qt. Local rather than roaming on Windows, because an SQLite file must
not be synchronised by a roaming profile while it is open.
"""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_dir

from desktop_app.defaults import OrganisationDefaults, load_defaults
from desktop_app.register_location import Location, ServerUrl

APP_NAME = "Lika"
DATABASE_NAME = "lika.db"


def data_dir() -> Path:
    return Path(user_data_dir(APP_NAME, appauthor=False, roaming=False))


def default_database_path(defaults: OrganisationDefaults | None = None) -> Path:
    """``lika.db`` in IT's database folder if one is set, else in the user's data folder."""
    folder = (defaults if defaults is not None else load_defaults()).database_folder
    return (folder or data_dir()) / DATABASE_NAME


def default_register(defaults: OrganisationDefaults | None = None) -> Location:
    """The register used without ``--db``: IT's server (``database_url``) if one is
    set, else the file ``default_database_path`` names."""
    defaults = defaults if defaults is not None else load_defaults()
    if defaults.database_url:
        return ServerUrl(defaults.database_url)
    return default_database_path(defaults)

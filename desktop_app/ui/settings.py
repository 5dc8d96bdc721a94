"""Every user setting, declared once with its type and default, behind one QSettings.

Widgets never call ``QSettings()`` themselves: they are handed a ``Settings``. Under the
user's own values lie the organisation's defaults from IT (``desktop_app.defaults``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings

from desktop_app.defaults import DEFAULT_FRAMEWORK, OrganisationDefaults, load_defaults
from desktop_app.domain.language import Language

if TYPE_CHECKING:  # imported where used: the window is shown before anyone is named
    from desktop_app.domain.identity import Identity

DEFAULT_BACKUPS_KEPT = 10


class Settings:
    def __init__(
        self, store: QSettings | None = None, defaults: OrganisationDefaults | None = None
    ) -> None:
        self._store = store if store is not None else QSettings("Lika", "Lika")
        self.defaults = defaults if defaults is not None else load_defaults()

    def _get(self, key: str, default: str) -> str:
        value = self._store.value(key, default)
        return value if isinstance(value, str) else default

    @property
    def display_name(self) -> str:
        """The name recorded as author and reviewer; until set, the full name the
        operating system has for the user, else their account name."""
        from desktop_app.domain.identity import os_full_name, os_user

        return self._get("identity/display_name", "") or os_full_name() or os_user()

    @display_name.setter
    def display_name(self, value: str) -> None:
        self._store.setValue("identity/display_name", value.strip())

    @property
    def own_display_name(self) -> str:
        """The name the user typed in settings; empty when they left it to the OS user."""
        return self._get("identity/display_name", "")

    @property
    def role(self) -> str:
        """The user's role title ("Utredare", "Enhetschef"), shown beside their name."""
        return self._get("identity/role", "")

    @role.setter
    def role(self, value: str) -> None:
        self._store.setValue("identity/role", value.strip())

    @property
    def identity_asked(self) -> bool:
        """The first-run question (name and role) has been asked once."""
        return self._get("identity/asked", "") == "yes"

    @identity_asked.setter
    def identity_asked(self, value: bool) -> None:
        self._store.setValue("identity/asked", "yes" if value else "")

    def identity(self) -> Identity:
        from desktop_app.domain.identity import Identity, os_user

        return Identity(name=self.display_name, os_user=os_user(), role=self.role)

    @property
    def ui_language(self) -> Language | None:
        """The language chosen in settings, or None to follow the system locale."""
        value = self._get("ui/language", "")
        return Language(value) if value in Language._value2member_map_ else None

    @ui_language.setter
    def ui_language(self, value: Language | None) -> None:
        self._store.setValue("ui/language", value.value if value else "")

    @property
    def checklist_folder(self) -> Path | None:
        """An organisation's own checklist files, loaded beside the built-in ones."""
        value = self._get("content/checklist_folder", "")
        return Path(value) if value else self.defaults.checklist_folder

    @checklist_folder.setter
    def checklist_folder(self, value: Path | None) -> None:
        self._store.setValue("content/checklist_folder", str(value) if value else "")

    @property
    def last_framework(self) -> str | None:
        """The law chosen for the previous new assessment (preselected for the next)."""
        return self._get("new_assessment/framework", "") or None

    @last_framework.setter
    def last_framework(self, value: str) -> None:
        self._store.setValue("new_assessment/framework", value)

    @property
    def last_assessment_language(self) -> Language | None:
        """The language chosen for the previous new assessment."""
        value = self._get("new_assessment/language", "")
        return Language(value) if value in Language._value2member_map_ else None

    @last_assessment_language.setter
    def last_assessment_language(self, value: Language) -> None:
        self._store.setValue("new_assessment/language", value.value)

    @property
    def backups_to_keep(self) -> int:
        """How many start-up and daily backups are kept (older ones are deleted)."""
        value = self._store.value("backups/keep", DEFAULT_BACKUPS_KEPT)
        try:
            return max(1, min(int(value), 365))  # type: ignore[call-overload]
        except (TypeError, ValueError):
            return DEFAULT_BACKUPS_KEPT

    @backups_to_keep.setter
    def backups_to_keep(self, value: int) -> None:
        self._store.setValue("backups/keep", max(1, min(int(value), 365)))

    @property
    def open_session(self) -> str:
        """What was open, as JSON (see ``ui.session``); written as the user works,
        so it survives the process being killed."""
        return self._get("session/open", "")

    @open_session.setter
    def open_session(self, value: str) -> None:
        self._store.setValue("session/open", value)
        self._store.sync()

    @property
    def file_name(self) -> str:
        """Where the settings are stored (other per-user files go beside it)."""
        return self._store.fileName()

    @property
    def organisation(self) -> str:
        """Filled into new assessments; the organisation's defaults until set."""
        return self._get("assessment/organisation", "") or self.defaults.organisation

    @organisation.setter
    def organisation(self, value: str) -> None:
        self._store.setValue("assessment/organisation", value.strip())

    @property
    def default_framework(self) -> str:
        """The law preselected for a new assessment: the one chosen last, else the
        organisation's defaults file, else the Swedish Discrimination Act."""
        return self.last_framework or self.defaults.framework or DEFAULT_FRAMEWORK

    @property
    def guidance_visible(self) -> bool | None:
        """Whether the editor shows its guidance pane; None until the user chose."""
        value = self._get("editor/guidance_visible", "")
        return None if not value else value == "yes"

    @guidance_visible.setter
    def guidance_visible(self, value: bool) -> None:
        self._store.setValue("editor/guidance_visible", "yes" if value else "no")

    def sync(self) -> None:
        self._store.sync()

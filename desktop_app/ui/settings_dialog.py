"""The settings dialog: the user's display name, the language of the window, and the
organisation's own checklist folder.

The folder is checked as soon as it is chosen: the dialog lists the checklists it
found and every file that was skipped, with the file, line and place of the problem,
so a checklist author sees what is wrong before anyone else does.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.checklists.guide import load_content
from desktop_app.checklists.loader import load_library
from desktop_app.domain.identity import os_full_name, os_user
from desktop_app.domain.model import Language
from desktop_app.ui.context import UiContext
from desktop_app.ui.editor.widgets import wrapped_label
from desktop_app.ui.language import ui_language
from desktop_app.ui.screen_fit import fit_to_screen

# Each language named in itself, so a user can find their own in any UI language.
LANGUAGE_NAMES = {Language.SV: "Svenska", Language.NB: "Norsk (bokmål)", Language.EN: "English"}


@dataclass(frozen=True)
class SettingsChange:
    name: bool = False
    language: bool = False
    folder: bool = False


def describe_folder(folder: Path) -> tuple[list[str], list[str]]:
    """(checklists found, problems) for an organisation's checklist folder."""
    library = load_library([folder])
    found = sorted(
        f"{checklist.source.name if checklist.source else checklist.id}: "
        f"{checklist.id} {checklist.version}"
        for checklist in library.all_versions.values()
        if checklist.source is not None and checklist.source.parent == folder
    )
    return found, [str(error) for error in library.errors]


class SettingsDialog(QDialog):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        settings = context.settings
        self.setWindowTitle(self.tr("Settings"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)

        # Empty until the user types a name: the placeholder shows what is used then.
        self.name = QLineEdit(settings.own_display_name)
        self.name.setAccessibleName(self.tr("Your name"))
        self.name.setPlaceholderText(os_full_name() or os_user())
        form.addRow(self.tr("Your &name:"), self.name)
        self.role = QLineEdit(settings.role)
        self.role.setAccessibleName(self.tr("Your role"))
        self.role.setPlaceholderText(self.tr("For example: Investigator"))
        form.addRow(self.tr("Your &role:"), self.role)
        form.addRow(
            "",
            wrapped_label(
                self.tr(
                    "Recorded as the author of new assessments and in the review history. "
                    "Leave it empty to use your computer account name."
                ),
                muted=True,
            ),
        )

        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Language of the window"))
        system = LANGUAGE_NAMES[ui_language(None)]
        self.language.addItem(self.tr("Follow the computer (%1)").replace("%1", system), "")
        for language, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, language.value)
        chosen = settings.ui_language
        self.language.setCurrentIndex(self.language.findData(chosen.value if chosen else ""))
        form.addRow(self.tr("&Language of the window:"), self.language)

        self.folder = QLineEdit(str(settings.checklist_folder or ""))
        self.folder.setAccessibleName(self.tr("Folder with the organisation's own checklists"))
        self.folder.setPlaceholderText(self.tr("None: only the built-in checklists"))
        self.folder.editingFinished.connect(self.check_folder)
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self.browse)
        clear = QPushButton(self.tr("Cl&ear"))
        clear.setAccessibleName(self.tr("Clear the checklist folder"))
        clear.clicked.connect(self.clear_folder)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        row.addWidget(clear)
        folder_label = QLabel(self.tr("Own &checklists:"))
        folder_label.setBuddy(self.folder)
        form.addRow(folder_label, row)
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        self.report.setTabChangesFocus(True)
        self.report.setAccessibleName(self.tr("What was found in the checklist folder"))
        self.report.setFixedHeight(self.report.fontMetrics().lineSpacing() * 6 + 14)
        form.addRow("", self.report)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        fit_to_screen(self, 640, self.sizeHint().height())
        self.check_folder()

    def chosen_folder(self) -> Path | None:
        text = self.folder.text().strip()
        return Path(text).expanduser() if text else None

    def browse(self) -> None:
        start = str(self.chosen_folder() or Path.home())
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Folder with own checklists"), start
        )
        if chosen:
            self.folder.setText(chosen)
            self.check_folder()

    def clear_folder(self) -> None:
        self.folder.clear()
        self.check_folder()

    def check_folder(self) -> None:
        """Load the folder now and show what would be used and what would be skipped."""
        folder = self.chosen_folder()
        if folder is None:
            self.report.setPlainText(self.tr("Only the built-in checklists are used."))
            return
        if not folder.is_dir():
            self.report.setPlainText(self.tr("This folder does not exist."))
            return
        found, problems = describe_folder(folder)
        lines = [self.tr("%n checklist file(s) can be used:", "", len(found)), *found]
        if problems:
            lines += ["", self.tr("%n file(s) will be skipped:", "", len(problems)), *problems]
        self.report.setPlainText("\n".join(lines))

    def apply(self) -> SettingsChange:
        """Store the choices; say what changed so the caller can act on it."""
        settings = self.context.settings
        old_role = settings.role
        old_name, old_language, old_folder = (
            settings.display_name,
            settings.ui_language,
            settings.checklist_folder,
        )
        settings.display_name = self.name.text()
        settings.role = self.role.text()
        value = self.language.currentData()
        settings.ui_language = Language(value) if value else None
        settings.checklist_folder = self.chosen_folder()
        settings.sync()
        return SettingsChange(
            name=settings.display_name != old_name or settings.role != old_role,
            language=settings.ui_language != old_language,
            folder=settings.checklist_folder != old_folder,
        )


def open_settings(window: QMainWindow, context: UiContext) -> SettingsChange | None:
    """Show the dialog and put accepted changes to work."""
    dialog = SettingsDialog(context, window)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        change = dialog.apply()
    finally:
        dialog.deleteLater()
    if context.service_open:  # else it is opened with these settings when first needed
        service = context.service
        if change.name and context.server_url is None:  # on a server the login acts
            service.identity = context.settings.identity()
        if change.folder:
            folder = context.settings.checklist_folder
            service.content = load_content([folder] if folder else [])
    if change.language:
        QMessageBox.information(
            window,
            QCoreApplication.translate("SettingsDialog", "Settings"),
            QCoreApplication.translate(
                "SettingsDialog", "Lika will use the new language the next time it starts."
            ),
        )
    return change

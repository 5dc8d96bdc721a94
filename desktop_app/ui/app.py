"""Starting the window: application object, translations, content and register.

Problems at start-up (broken content, a file that is not a Lika database, a newer or
damaged database, a read-only folder: see ``ui.startup``) are shown in a dialog, which
offers a good backup where there is one, and otherwise end the program with exit code
2 (bad input) or 1, as on the CLI.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_app import __version__
from desktop_app.checklists.guide import Content, load_content
from desktop_app.defaults import load_defaults
from desktop_app.domain.errors import LikaError
from desktop_app.locations import default_database_path, set_application_identity
from desktop_app.resources import resource_path
from desktop_app.service import AssessmentService
from desktop_app.storage.repository import AssessmentRepository
from desktop_app.ui.context import UiContext
from desktop_app.ui.language import ui_language
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.settings import Settings
from desktop_app.ui.smoke_hook import quit_after_show_if_requested
from desktop_app.ui.startup import Dialogs, MessageBoxDialogs, open_register
from desktop_app.ui.translations import install_translators

# Relative sizes only, so the look follows the user's font and scaling settings.
STYLE_SHEET = """
QLabel[heading="true"] { font-size: 15pt; font-weight: bold; }
QLabel[subheading="true"] { font-weight: bold; }
"""


def create_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    set_application_identity()
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationDisplayName("Lika")
    app.setApplicationVersion(__version__)
    app.setStyleSheet(STYLE_SHEET)
    app.setDesktopFileName("lika")  # matches lika.desktop, so Wayland shows the right icon
    app.setWindowIcon(application_icon())
    return app


def application_icon() -> QIcon:
    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256):
        icon.addFile(str(resource_path("icons", f"lika-{size}.png")))
    return icon


def load_window_content(settings: Settings) -> Content:
    """Built-in and organisation checklists; refuses a defaults file naming a law that is
    not installed (before any register is opened or created)."""
    folder = settings.checklist_folder
    content = load_content([folder] if folder else [])
    settings.defaults.check_framework([f.id for f in content.checklists.frameworks()])
    return content


def build_main_window(
    db_path: Path,
    settings: Settings,
    repository: AssessmentRepository | None = None,
    content: Content | None = None,
) -> MainWindow:
    """Open the register and content and build the main window, or raise LikaError."""
    content = content or load_window_content(settings)
    repository = repository or AssessmentRepository.open(db_path)
    service = AssessmentService(
        repository,
        content,
        settings.identity(),
        organisation=settings.organisation,
        default_framework=settings.default_framework,
    )
    context = UiContext(
        service=service, settings=settings, language=ui_language(settings.ui_language)
    )
    return MainWindow(context)


def start_window(
    db_path: Path | None, settings: Settings, dialogs: Dialogs | None = None
) -> MainWindow | int:
    """Check and open the register, show the window and reopen interrupted work;
    or the exit code when the register cannot be used."""
    try:
        content = load_window_content(settings)
    except LikaError as error:
        QMessageBox.critical(None, "Lika", str(error))
        return error.exit_code
    path = db_path or default_database_path(settings.defaults)
    opened = open_register(
        path,
        dialogs or MessageBoxDialogs(path),
        is_default=db_path is None,
        identity=settings.identity(),
    )
    if isinstance(opened, int):
        return opened
    try:
        window = build_main_window(Path(opened.path), settings, opened, content)
    except LikaError as error:
        opened.close()
        QMessageBox.critical(None, "Lika", str(error))
        return error.exit_code
    window.show()
    quit_after_show_if_requested(window)
    window.report_content_errors()
    window.data_actions.start()
    return window


def run_app(db_path: Path | None) -> int:
    app = create_application()
    try:
        settings = Settings(defaults=load_defaults())  # a broken defaults file is reported here
    except LikaError as error:
        QMessageBox.critical(None, "Lika", str(error))
        return error.exit_code
    install_translators(app, ui_language(settings.ui_language))
    window = start_window(db_path, settings)
    if isinstance(window, int):
        return window
    return app.exec()

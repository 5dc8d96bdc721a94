"""Starting the window: application object, translations, then the register.

The window is shown with the register's first page in it, read by a first look
(``ui/first_list.py``: a few milliseconds, no service, the list's words from the build's
record), before the register is checked (``ui/opening.py``, called from the event
loop once that page has been painted; it is opened for writing when first needed).
Where the words must come from the content (a source checkout without a record, an
organisation's checklists, an edited built-in file), the window is drawn first, saying
which register it is opening, and the first look follows; where there can be no first
look (no register yet, any doubt about the file) the normal start does the rest. Either
way the user sees Lika at once instead of waiting for the register; that is also why
this module imports only Qt and the light modules the first window needs.

Problems at start-up (broken content, a file that is not a Lika database, a newer or
damaged database, a read-only folder: see ``ui.startup``) are shown in a dialog, which
offers a good backup where there is one, and otherwise end the program with exit code
2 (bad input) or 1, as on the CLI.
"""

from __future__ import annotations

import sys
import traceback
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from desktop_app import __version__
from desktop_app.defaults import load_defaults
from desktop_app.domain.errors import LikaError
from desktop_app.locations import APP_NAME, default_database_path, default_register
from desktop_app.register_location import Location, ServerUrl
from desktop_app.resources import resource_path
from desktop_app.ui.language import ui_language
from desktop_app.ui.literal_text import literal
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.opening_page import once_emitted
from desktop_app.ui.settings import Settings
from desktop_app.ui.smoke_hook import report_shown_if_requested
from desktop_app.ui.translations import install_translators

if TYPE_CHECKING:
    from desktop_app.ui.first_list import FirstList
    from desktop_app.ui.startup import Dialogs


def set_application_identity() -> None:
    """Name the application so Qt's paths and settings use "Lika"."""
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setOrganizationName("")


def create_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    set_application_identity()
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationDisplayName("Lika")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("lika")  # matches lika.desktop, so Wayland shows the right icon
    app.setWindowIcon(application_icon())
    return app


def application_icon() -> QIcon:
    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256):
        icon.addFile(str(resource_path("icons", f"lika-{size}.png")))
    return icon


def show_main_window(path: Location) -> MainWindow:
    """The main window, shown while it waits for the register at ``path``."""
    window = MainWindow()
    window.show_opening(path)
    window.show()
    report_shown_if_requested(window)
    return window


def start_window(
    db_path: Location | None, settings: Settings, dialogs: Dialogs | None = None
) -> MainWindow | int:
    """Show the window and fill it before returning (tests and test drivers); or the
    exit code when the register cannot be used."""
    from desktop_app.ui.opening import fill_window

    if isinstance(db_path, ServerUrl):
        from desktop_app.ui.server_window import fill_server_window

        window = show_main_window(db_path)
        exit_code = fill_server_window(window, db_path, settings)
        return window if exit_code is None else exit_code
    path = db_path or default_database_path(settings.defaults)
    window = show_main_window(path)
    exit_code = fill_window(window, path, settings, is_default=db_path is None, dialogs=dialogs)
    return window if exit_code is None else exit_code


def _report_failed_start(window: MainWindow, error: Exception) -> int:
    """An error nobody foresaw while opening the register: the details on stderr (for
    IT), one line in a dialog, and exit code 1, as the command line does."""
    from PySide6.QtWidgets import QMessageBox

    traceback.print_exception(error)
    window.hide()
    message = QCoreApplication.translate("Startup", "Lika could not start: %1")
    text = message.replace("%1", f"{type(error).__name__}: {error}")
    QMessageBox.critical(None, "Lika", literal(text))
    return 1


def run_app(db_path: Location | None, import_file: Path | None = None) -> int:
    """The window on the register at ``db_path``; ``import_file``: an exchange file to
    import once it is open (``lika FILE.json``, a double-click on the file)."""
    app = create_application()
    try:
        settings = Settings(defaults=load_defaults())  # a broken defaults file is reported here
    except LikaError as error:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(None, "Lika", literal(str(error)))
        return error.exit_code
    install_translators(app, ui_language(settings.ui_language))
    where = db_path or default_register(settings.defaults)
    if isinstance(where, ServerUrl):
        return _run_on_server(app, where, settings, import_file)
    path = Path(where)
    window = MainWindow()
    window.show_opening(path)
    from desktop_app.ui.first_list import list_first_page, recorded_words_for

    # With the words the build recorded, the first look takes a few milliseconds: taken
    # before the first paint, which then shows the list. Without them (a source checkout,
    # an organisation's checklists) the content must be loaded for them first: the
    # window is drawn before that, saying which register it is opening.
    recorded = recorded_words_for(settings)
    try:
        first = list_first_page(window, path, settings, recorded) if recorded is not None else None
    except Exception as error:
        return _report_failed_start(window, error)
    window.show()
    report_shown_if_requested(window)

    def fill(first_list: FirstList | None) -> None:
        if not window.isVisible():
            return  # closed before its register was opened: the program is ending
        from desktop_app.ui.opening import fill_window

        try:
            exit_code = fill_window(
                window, path, settings, is_default=db_path is None, first=first_list
            )
        except Exception as error:  # a slot would swallow it, and the window wait forever
            exit_code = _report_failed_start(window, error)
        if exit_code is not None:
            QApplication.exit(exit_code)
            return
        from desktop_app.ui.first_run import ask_identity_once

        ask_identity_once(window, window.context)
        if import_file is not None:
            window.data_actions.import_file(import_file)

    def list_then_fill() -> None:
        """The first page from a first look, painted; then the rest (``ui/first_list``)."""
        if not window.isVisible():
            return
        try:
            listed = list_first_page(window, path, settings)
        except Exception as error:
            QApplication.exit(_report_failed_start(window, error))
            return
        if listed is None:
            fill(None)
        else:
            once_emitted(window.register_view.listed, lambda: fill(listed))

    if first is not None:  # the rest of the start, once the first page is on the screen
        once_emitted(window.register_view.listed, lambda: fill(first))
    elif recorded is not None:  # no first look: the normal start, once the window is drawn
        window.opening.when_drawn(lambda: fill(None))
    else:  # the words from the content, loaded once the window is drawn
        window.opening.when_drawn(list_then_fill)
    return app.exec()


def _run_on_server(
    app: QApplication, url: ServerUrl, settings: Settings, import_file: Path | None
) -> int:
    """The window on a server register (``ui/server_window.py``): no first look, start
    check, backups or identity question; the login the server authenticated acts."""
    window = show_main_window(url)

    def fill() -> None:
        if not window.isVisible():
            return
        from desktop_app.ui.server_window import fill_server_window

        try:
            exit_code = fill_server_window(window, url, settings)
        except Exception as error:  # a slot would swallow it, and the window wait forever
            exit_code = _report_failed_start(window, error)
        if exit_code is not None:
            QApplication.exit(exit_code)
            return
        if import_file is not None:
            window.data_actions.import_file(import_file)

    window.opening.when_drawn(fill)
    return app.exec()

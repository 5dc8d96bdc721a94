"""Filling the shown main window: checklists, register and service.

``ui/app.py`` shows the main window first and calls ``fill_window`` from the event loop,
so the user sees Lika at once while the content is read and the register is checked and
opened; where it can, it lists the register's first page before (``ui/first_list.py``).
A register listed that way is checked and attached, and opened for writing (sqlite-utils,
the service, the content) by the first action that needs it (``listed_context``): a
start that only shows the register loads none of that (issue 18).
Problems (broken content, a register that is not a Lika database, damaged or newer, a
read-only folder: see ``ui.startup``) are shown in a dialog over the window,
which is then hidden (not closed: closing the last window would queue a quit of its
own that could end a later event loop); the caller ends the program with the exit code
returned here, 2 for bad input and 1 otherwise, as on the command line.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox

from desktop_app.domain.errors import LikaError
from desktop_app.ui.context import UiContext
from desktop_app.ui.first_list import FirstList, file_state, load_window_content
from desktop_app.ui.language import ui_language
from desktop_app.ui.literal_text import literal
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.settings import Settings
from desktop_app.ui.smoke_hook import quit_when_listed_if_requested
from desktop_app.ui.startup import Dialogs, MessageBoxDialogs, check_register, open_register

if TYPE_CHECKING:
    from desktop_app.app.ports import AssessmentStore
    from desktop_app.app.service import AssessmentService
    from desktop_app.checklists.guide import Content


def window_context(
    repository: AssessmentStore,
    content: Content,
    settings: Settings,
    *,
    server_url: str | None = None,
) -> UiContext:
    """The service and settings the window's parts are handed. On a server register
    (``server_url``) the service acts as the login the server authenticated (the
    store's ``actor``), never as the name in Settings."""
    service = make_service(repository, content, settings, server_url=server_url)
    language = ui_language(settings.ui_language)
    return UiContext(service=service, settings=settings, language=language, server_url=server_url)


def make_service(
    repository: AssessmentStore,
    content: Content,
    settings: Settings,
    *,
    server_url: str | None = None,
) -> AssessmentService:
    from desktop_app.app.service import AssessmentService

    return AssessmentService(
        repository,
        content,
        repository.actor if server_url else settings.identity(),
        organisation=settings.organisation,
        default_framework=settings.default_framework,
    )


def fill_window(
    window: MainWindow,
    path: Path,
    settings: Settings,
    *,
    is_default: bool,
    dialogs: Dialogs | None = None,
    first: FirstList | None = None,
) -> int | None:
    """Check and open the register at ``path`` (``is_default``: the user named none),
    attach it to ``window`` and reopen interrupted work; or hide the window and return
    the exit code when the register cannot be used. ``first``: the window lists the
    register's first page already (``ui/first_list.py``); the register is then checked
    now and opened for writing when first needed (``listed_context``)."""
    dialogs = dialogs or MessageBoxDialogs(path, window)
    if first is not None:
        refused = check_register(path, dialogs, is_default=is_default, identity=settings.identity())
        if refused is not None:
            window.hide()
            return refused
        window.attach(listed_context(window, path, settings, first.content))
        if file_state(path) != first.files:
            window.register_view.refresh()  # restored since it was listed
        finish_start(window, first.content)
        return None
    try:
        content = load_window_content(settings)
    except LikaError as error:
        return give_up(window, str(error), error.exit_code)
    opened = open_register(path, dialogs, is_default=is_default, identity=settings.identity())
    if isinstance(opened, int):
        window.hide()
        return opened
    try:
        window.attach(window_context(opened, content, settings))
    except LikaError as error:
        opened.close()
        return give_up(window, str(error), error.exit_code)
    finish_start(window, content)
    return None


def listed_context(
    window: MainWindow, path: Path, settings: Settings, content: Content | None
) -> UiContext:
    """The context of a window that lists the register already: the start check has
    passed, and the content (unless loaded for the list's words) and the register for
    writing (sqlite-utils, the migrations' check, the service) are opened when first
    needed: opening, creating or importing an assessment, a report, an evaluation, the
    revisions. Until then nothing is written, so the start needs only what the list
    does (issue 18). The register is opened by its full path, as the start checked it,
    and only if it is still there: a register moved, deleted or emptied since is never
    made anew in its place (``RegisterGoneError``)."""
    path = path.resolve()  # as SQLite names it; the working folder may change meanwhile
    folder = settings.checklist_folder

    def open_service() -> AssessmentService:
        from desktop_app.app import registers
        from desktop_app.app.errors import RegisterGoneError

        if not _still_there(path):
            raise RegisterGoneError(path)
        same = content is not None and settings.checklist_folder == folder  # not changed since
        loaded = content if same and content is not None else load_window_content(settings)
        try:
            store = registers.open_store(path, create=False)
        except LikaError as error:  # gone or emptied between the look above and now
            if not _still_there(path):
                raise RegisterGoneError(path) from error
            raise
        try:
            return make_service(store, loaded, settings)
        except BaseException:
            store.close()
            raise

    return UiContext(
        None,
        settings,
        ui_language(settings.ui_language),
        open_service=open_service,
        register_path=str(path),
        words=window.list_context.words,
    )


def _still_there(path: Path) -> bool:
    try:
        return path.is_file() and path.stat().st_size > 0
    except OSError:
        return False


def finish_start(window: MainWindow, content: Content | None = None) -> None:
    """What every start does once a register is attached, on a file or a server:
    ``content``, where the start loaded it, has its skipped files reported now; else
    when it is loaded."""
    quit_when_listed_if_requested(window)
    if content is not None:
        window.report_content_errors(content)
    else:  # after the action that opened it, not in the middle of it
        window.context.when_service_opened(
            lambda _service: QTimer.singleShot(0, window, window.report_content_errors)
        )
    window.data_actions.start()


def give_up(window: MainWindow, message: str, exit_code: int) -> int:
    """Say why the register cannot be used, hide the window; the exit code."""
    QMessageBox.critical(window, "Lika", literal(message))
    window.hide()
    return exit_code

"""Filling the shown main window with a server register (``lika --db postgresql://…``
or IT's ``database_url``, issue 20).

A register file is looked at first (``ui/first_list.py``), checked at start, backed up
and, if need be, restored by the window (``ui/opening.py``, ``ui/startup.py``). On a
server none of that is the window's: IT migrates, checks and backs up the database
with PostgreSQL's tools (docs/it-deployment.md), and who acts is the login the server
authenticated, not a name typed in Settings, so the first-run question about it is not
asked either. What is left: the checklists, the store, the login, the window.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop_app.app import registers
from desktop_app.app.errors import NewerDatabaseError, ServerUnreachableError
from desktop_app.domain.errors import LikaError
from desktop_app.register_location import ServerUrl
from desktop_app.ui.first_list import load_window_content
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.opening import finish_start, give_up, window_context
from desktop_app.ui.settings import Settings


def fill_server_window(window: MainWindow, url: ServerUrl, settings: Settings) -> int | None:
    """Open the server register at ``url`` and attach it to ``window``, reopening
    interrupted work; or hide the window and return the exit code when it cannot be
    opened (the server cannot be reached, no schema, a login without a Lika role)."""
    try:
        content = load_window_content(settings)
        store = registers.open_store(url)
    except LikaError as error:
        return give_up(window, refusal(error), error.exit_code)
    try:
        window.attach(window_context(store, content, settings, server_url=str(url)))
    except LikaError as error:
        store.close()
        return give_up(window, refusal(error), error.exit_code)
    finish_start(window, content)
    return None


def refusal(error: LikaError) -> str:
    """Why the server register was not opened, in the user's language, and what to do;
    the server's own (English, technical) words below it for IT."""
    if isinstance(error, ServerUnreachableError):
        head = QCoreApplication.translate(
            "ServerWindow",
            "The server register cannot be reached. Check the network connection, or ask "
            "IT whether the database server is running and the address is right.",
        )
    elif isinstance(error, NewerDatabaseError):
        head = QCoreApplication.translate(
            "ServerWindow",
            "The server register has been upgraded for a newer version of Lika. Ask IT "
            "to update Lika on this computer; nothing was read or changed.",
        )
    else:
        head = QCoreApplication.translate(
            "ServerWindow", "The server register could not be opened. Show IT the details below."
        )
    return f"{head}\n\n{error}"

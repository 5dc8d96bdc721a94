"""How the editor window reacts when a save cannot happen right now.

A busy register (another program is writing) and a server that cannot be reached
(a dropped connection: the edit stays in the window) are retried by the document and
only noted in the status bar; a conflict with someone else's save opens the conflict
dialog. Kept apart from the editor window so that window stays about editing.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMainWindow, QMessageBox

from desktop_app.domain import merge
from desktop_app.domain.errors import LikaError, NotFoundError
from desktop_app.ui.context import UiContext
from desktop_app.ui.editor.conflict_dialog import Choice, ConflictDialog
from desktop_app.ui.editor.document import AssessmentDocument
from desktop_app.ui.literal_text import literal


def install_save_feedback(
    window: QMainWindow, context: UiContext, document: AssessmentDocument
) -> None:
    document.saveDelayed.connect(
        lambda message: window.statusBar().showMessage(
            QCoreApplication.translate(
                "SaveFeedback", "Not saved yet: %1 Lika tries again in a moment."
            ).replace("%1", message)
        )
    )
    shown: list[str] = []  # the note that the server cannot be reached, while shown

    def unreachable(message: str) -> None:
        text = QCoreApplication.translate(
            "SaveFeedback",
            "Not saved yet: the server cannot be reached. Your changes are kept in this "
            "window, and Lika saves them as soon as the server is back. (%1)",
        ).replace("%1", message)
        shown[:] = [text]
        window.statusBar().showMessage(text)

    def saved() -> None:
        if shown and window.statusBar().currentMessage() == shown[0]:
            window.statusBar().clearMessage()
        shown.clear()

    document.saveUnreachable.connect(unreachable)
    document.changedElsewhere.connect(
        lambda: window.statusBar().showMessage(
            QCoreApplication.translate(
                "SaveFeedback", "Changed elsewhere: this window shows the version saved there."
            ),
            15000,
        )
    )
    document.saved.connect(saved)
    document.conflicted.connect(lambda: resolve_conflict(window, context, document))


def resolve_conflict(window: QMainWindow, context: UiContext, document: AssessmentDocument) -> None:
    """Show what differs and do what the user chooses; nothing is written before that."""
    try:
        theirs = document.stored_version()
    except NotFoundError:
        window.statusBar().showMessage(
            QCoreApplication.translate("SaveFeedback", "Not saved: deleted elsewhere")
        )
        QMessageBox.warning(
            window,
            QCoreApplication.translate("SaveFeedback", "Deleted elsewhere"),
            QCoreApplication.translate(
                "SaveFeedback",
                "This assessment was deleted in another window or on another computer. "
                "Your text is still here: copy what you need before you close this window.",
            ),
        )
        return
    except LikaError as error:
        QMessageBox.warning(
            window,
            QCoreApplication.translate("SaveFeedback", "Changes not saved"),
            literal(str(error)),
        )
        return
    mine = document.assessment
    dialog = ConflictDialog(
        context,
        document.checklists,
        mine,
        theirs,
        merge.changes(theirs, mine),
        {change.path for change in document.my_changes()},
        {change.path for change in document.their_changes(theirs)},
        window,
    )
    dialog.exec()
    if dialog.choice is Choice.KEEP_MINE:
        document.keep_mine(theirs)
    elif dialog.choice is Choice.TAKE_THEIRS:
        document.take_theirs(theirs)
    else:
        window.statusBar().showMessage(
            QCoreApplication.translate("SaveFeedback", "Not saved: changed elsewhere")
        )

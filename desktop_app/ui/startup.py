"""Opening the register at start-up, after checking it without writing a byte.

``storage.checks.diagnose`` names the first problem (missing folder, not SQLite,
someone else's file, damaged, from a newer Lika, read-only, disk almost full). Each gets
a dialog that says what is wrong and what to do, and where a good backup exists the
user is offered to restore it; the file it replaces is kept. Only a register that
passes is opened for writing.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop_app.app import registers
from desktop_app.app.backups import BackupInfo, Diagnosis, Problem, backups, check_not_a_folder
from desktop_app.app.backups import diagnose as diagnose_register
from desktop_app.app.ports import AssessmentStore
from desktop_app.domain.errors import LikaError
from desktop_app.domain.identity import Identity
from desktop_app.ui.literal_text import literal

EXIT_BAD_INPUT, EXIT_FAILURE = 2, 1


class Action(Enum):
    QUIT = "quit"
    CONTINUE = "continue"  # open anyway (low disk space) or create the missing folder
    RESTORE = "restore"


class Dialogs(Protocol):
    """How start-up asks the user; tests pass a scripted version."""

    def problem(self, diagnosis: Diagnosis, advice: str, good: BackupInfo | None) -> Action: ...

    def error(self, message: str) -> None: ...

    def info(self, message: str) -> None: ...


def headline(diagnosis: Diagnosis, path: Path) -> str:
    """The problem in one translated sentence; the technical message goes below it."""
    texts = {
        Problem.MISSING_FOLDER: QCoreApplication.translate(
            "Startup", "The folder of the register %1 does not exist."
        ),
        Problem.NOT_SQLITE: QCoreApplication.translate("Startup", "%1 is not a Lika database."),
        Problem.FOREIGN: QCoreApplication.translate(
            "Startup", "%1 is a database of another program, not a Lika database."
        ),
        Problem.DAMAGED: QCoreApplication.translate("Startup", "The register %1 is damaged."),
        Problem.EMPTIED: QCoreApplication.translate(
            "Startup", "The register %1 is damaged or emptied."
        ),
        Problem.NEWER: QCoreApplication.translate(
            "Startup", "The register %1 was written by a newer version of Lika."
        ),
        Problem.READ_ONLY: QCoreApplication.translate(
            "Startup", "The register %1 cannot be written: the file or its folder is read-only."
        ),
        Problem.LOW_SPACE: QCoreApplication.translate(
            "Startup", "The disk holding the register %1 is almost full."
        ),
        Problem.UNREADABLE: QCoreApplication.translate(
            "Startup", "The register %1 cannot be read."
        ),
    }
    return texts[diagnosis.problem].replace("%1", str(path))


def advice(problem: Problem) -> str:
    """What the user can do about ``problem``, in plain words."""
    texts = {
        Problem.MISSING_FOLDER: QCoreApplication.translate(
            "Startup",
            "If the register is on a network drive or a USB stick, check that it is "
            "connected. Lika can also create the folder and start a new, empty register there.",
        ),
        Problem.NOT_SQLITE: QCoreApplication.translate(
            "Startup",
            "This is some other kind of file. Start Lika with the right file, or move "
            "this one away.",
        ),
        Problem.FOREIGN: QCoreApplication.translate(
            "Startup",
            "This database belongs to another program. Lika will not change it. Start "
            "Lika with the right file.",
        ),
        Problem.DAMAGED: QCoreApplication.translate(
            "Startup",
            "The file may have been damaged by a disk fault, a full disk or an interrupted "
            "copy. Lika will not write to it.",
        ),
        Problem.EMPTIED: QCoreApplication.translate(
            "Startup",
            "The file is empty, but the register has backups: it was emptied or damaged, "
            "for example by a full disk or an interrupted copy. Lika will not use it as a "
            "new register.",
        ),
        Problem.NEWER: QCoreApplication.translate(
            "Startup",
            "Update Lika to open it. This version leaves the file untouched, so nothing is lost.",
        ),
        Problem.READ_ONLY: QCoreApplication.translate(
            "Startup",
            "Lika saves every change as you type, so it must be able to write to the file "
            "and its folder. Ask IT for write access, or copy the file to a folder of your own.",
        ),
        Problem.LOW_SPACE: QCoreApplication.translate(
            "Startup",
            "Lika may not be able to save your work. Free some space before you continue.",
        ),
        Problem.UNREADABLE: QCoreApplication.translate(
            "Startup", "Check that the file is yours and not open in another program."
        ),
    }
    return texts[problem]


def open_register(
    db_path: Path,
    dialogs: Dialogs,
    *,
    is_default: bool = False,
    identity: Identity | None = None,
) -> AssessmentStore | int:
    """The opened register, or the exit code when the user cannot or will not go on.
    ``identity`` (default: the operating-system user) is who a restore is recorded as."""
    refused = check_register(db_path, dialogs, is_default=is_default, identity=identity)
    if refused is not None:
        return refused
    return open_checked(db_path, dialogs)


def check_register(
    db_path: Path,
    dialogs: Dialogs,
    *,
    is_default: bool = False,
    identity: Identity | None = None,
) -> int | None:
    """The start check without opening the register for writing: None when it may be
    opened (a problem the user dealt with, say by restoring a backup, included), or
    the exit code when the user cannot or will not go on."""
    try:
        check_not_a_folder(db_path)
    except LikaError as error:
        dialogs.error(str(error))
        return error.exit_code
    diagnosis = diagnose_register(db_path, at_start=True)
    if diagnosis is not None:
        who = identity or Identity.default()
        return _handle(db_path, diagnosis, dialogs, is_default=is_default, identity=who)
    return None


def open_checked(db_path: Path, dialogs: Dialogs) -> AssessmentStore | int:
    """The register ``check_register`` let through, opened for writing (created and
    migrated if need be); the exit code, said in a dialog, when that fails."""
    try:
        return registers.open_store(db_path)
    except LikaError as error:
        dialogs.error(str(error))
        return error.exit_code


def _handle(
    db_path: Path, diagnosis: Diagnosis, dialogs: Dialogs, *, is_default: bool, identity: Identity
) -> int | None:
    """Deal with one problem; None means go on and open the register."""
    problem = diagnosis.problem
    if problem is Problem.MISSING_FOLDER:
        if not is_default and dialogs.problem(diagnosis, advice(problem), None) is Action.QUIT:
            return EXIT_BAD_INPUT
        try:
            db_path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            dialogs.error(f"{db_path.parent}: {error.strerror}")
            return EXIT_FAILURE
        return None
    if diagnosis.can_continue:
        action = dialogs.problem(diagnosis, advice(problem), None)
        return None if action is Action.CONTINUE else EXIT_FAILURE
    if problem is Problem.READ_ONLY:
        dialogs.problem(diagnosis, advice(problem), None)
        return EXIT_FAILURE
    good = backups(db_path).newest_good()
    action = dialogs.problem(diagnosis, advice(problem), good)
    if action is not Action.RESTORE or good is None:
        return (
            EXIT_BAD_INPUT
            if problem in (Problem.NOT_SQLITE, Problem.FOREIGN, Problem.NEWER)
            else EXIT_FAILURE
        )
    try:
        kept = backups(db_path).restore(good.path, actor=identity, force=True)
    except LikaError as error:
        dialogs.error(str(error))
        return error.exit_code
    dialogs.info(
        QCoreApplication.translate(
            "Startup", "The backup from %1 was restored. The file it replaced is kept as %2."
        )
        .replace("%1", good.taken.strftime("%Y-%m-%d %H:%M"))
        .replace("%2", str(kept))
    )
    return None


class MessageBoxDialogs:
    """The real dialogs, as message boxes."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        self._path = path
        self._parent = parent

    def problem(self, diagnosis: Diagnosis, advice: str, good: BackupInfo | None) -> Action:
        details = QCoreApplication.translate("Startup", "Details: %1").replace(
            "%1", diagnosis.message
        )
        text = f"{headline(diagnosis, self._path)}\n\n{advice}\n\n{details}"
        if diagnosis.can_continue:
            return self._go_on_or_quit(text, QCoreApplication.translate("Startup", "&Continue"))
        if diagnosis.problem is Problem.MISSING_FOLDER:
            create = QCoreApplication.translate("Startup", "&Create the folder")
            return self._go_on_or_quit(text, create)
        if good is None:
            QMessageBox.critical(self._parent, "Lika", text)
            return Action.QUIT
        offer = QCoreApplication.translate(
            "Startup",
            "The newest good backup is from %1. Restore it? The file that is there now is "
            "kept in %2, so nothing is deleted.",
        )
        offer = offer.replace("%1", good.taken.strftime("%Y-%m-%d %H:%M")).replace(
            "%2", str(good.path.parent)
        )
        box = self._box(QMessageBox.Icon.Critical, f"{text}\n\n{offer}")
        restore = box.addButton(
            QCoreApplication.translate("Startup", "&Restore the backup"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        box.addButton(
            QCoreApplication.translate("Startup", "&Quit"), QMessageBox.ButtonRole.RejectRole
        )
        box.exec()
        return Action.RESTORE if box.clickedButton() is restore else Action.QUIT

    def _box(self, icon: QMessageBox.Icon, text: str) -> QMessageBox:
        from PySide6.QtCore import Qt  # here: its enums are about 1 MB (``ui/shortcuts``)

        box = QMessageBox(icon, "Lika", text, QMessageBox.StandardButton.NoButton, self._parent)
        box.setTextFormat(Qt.TextFormat.PlainText)  # a path or message is shown as it is
        return box

    def _go_on_or_quit(self, text: str, go_on_label: str) -> Action:
        """A warning with two ways out: ``go_on_label`` (continue) or Quit."""
        box = self._box(QMessageBox.Icon.Warning, text)
        go_on = box.addButton(go_on_label, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(
            QCoreApplication.translate("Startup", "&Quit"), QMessageBox.ButtonRole.RejectRole
        )
        box.exec()
        return Action.CONTINUE if box.clickedButton() is go_on else Action.QUIT

    def error(self, message: str) -> None:
        QMessageBox.critical(self._parent, "Lika", literal(message))

    def info(self, message: str) -> None:
        QMessageBox.information(self._parent, "Lika", literal(message))

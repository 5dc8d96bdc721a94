"""What a window showing one assessment offers about revisions: the revision and
fingerprint in the status bar, and "Revisions…", "Compare with previous revision" and
"History…" in the menu that holds its PDF export.

The actions only need the window, the assessment it shows and a way to store pending
edits, so any window showing one assessment can have them (``for_editor`` installs
them in the editor). Opening another revision goes through ``openRequested`` to the
main window, which keeps one window per assessment.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox

from desktop_app.domain.errors import LikaError
from desktop_app.domain.fingerprint import fingerprint
from desktop_app.domain.model import Assessment
from desktop_app.ui.context import UiContext
from desktop_app.ui.literal_text import literal
from desktop_app.ui.message_boxes import menu_holding
from desktop_app.ui.register.paged_model import Runner
from desktop_app.ui.revisions.compare_view import CompareDialog, open_comparison
from desktop_app.ui.revisions.history_dialog import HistoryDialog, open_history
from desktop_app.ui.revisions.revisions_dialog import RevisionsDialog, open_revisions

if TYPE_CHECKING:
    from desktop_app.ui.editor.editor_window import EditorWindow


class RevisionActions(QObject):
    openRequested = Signal(int)  # another revision, to be opened by the main window

    def __init__(
        self,
        window: QMainWindow,
        context: UiContext,
        current: Callable[[Any], Assessment],
        save: Callable[[Any], bool],
        anchor: QAction,
    ) -> None:
        """``current(window)`` gives the assessment shown, ``save(window)`` stores
        pending edits (False if that failed), ``anchor`` is the action the menu items go
        after. Both get the window passed rather than capturing it: a closure holding
        the window would keep its Python wrapper alive after it was closed."""
        super().__init__(window)
        self.context = context
        self._current = current
        self._save = save
        self.dialog: RevisionsDialog | CompareDialog | HistoryDialog | None = None
        # The main window's, for checking the audit log off the GUI thread; without
        # one (an editor on its own) the check runs at once.
        self.runner: Runner | None = None

        self.fingerprint = QLabel()
        self.fingerprint.setObjectName("fingerprint")
        self.fingerprint.setAccessibleName(self.tr("Fingerprint"))
        self.fingerprint.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.fingerprint.setToolTip(
            self.tr(
                "A short code computed from what the assessment says. The same code is "
                "printed on every page of its PDF, so a printout can be checked against "
                "the register; it changes whenever the content changes."
            )
        )
        window.statusBar().addPermanentWidget(self.fingerprint)

        self.revisions = QAction(self.tr("Re&visions…"), window)
        self.revisions.triggered.connect(self.show_revisions)
        self.compare_previous = QAction(self.tr("Compare &with previous revision"), window)
        self.compare_previous.triggered.connect(self.compare_with_previous)
        self.history = QAction(self.tr("&History…"), window)
        self.history.triggered.connect(self.show_history)
        self._add_to_menu(window, anchor)

        self._newest = self._newest_revision()
        self.update()

    @property
    def window(self) -> QMainWindow:
        # Through Qt's parent: no Python reference cycle keeps a closed window alive.
        return self.parent()  # type: ignore[return-value]

    def _add_to_menu(self, window: QMainWindow, anchor: QAction) -> None:
        """After ``anchor`` in the menu that holds it."""
        menu = menu_holding(window, anchor)
        ours = (self.revisions, self.compare_previous, self.history)
        if menu is None:
            menu = window.menuBar().addMenu(self.tr("Re&visions"))
            menu.addActions(list(ours))
            return
        actions = menu.actions()
        index = actions.index(anchor) + 1
        if index < len(actions):
            menu.insertSeparator(actions[index])
            menu.insertActions(actions[index], list(ours))
        else:
            menu.addSeparator()
            menu.addActions(list(ours))

    def _newest_revision(self) -> int:
        """The newest revision of this decision in the register (0 if unknown)."""
        assessment = self._current(self.window)
        if assessment.id is None:
            return 0
        try:
            return self.context.service.review.newest_revision(assessment)
        except LikaError:
            return 0

    def status_changed(self, *_args: object) -> None:
        """The status changed (or a revision was started): look at the revisions again."""
        self._newest = self._newest_revision()
        self.update()

    def update(self) -> None:
        """The content changed: a new fingerprint."""
        assessment = self._current(self.window)
        revision = (
            self.tr("Revision %1 of %2")
            .replace("%1", str(assessment.revision))
            .replace("%2", str(self._newest))
            if self._newest > assessment.revision
            else self.tr("Revision %1").replace("%1", str(assessment.revision))
        )
        self.fingerprint.setText(
            self.tr("%1 · Fingerprint %2")
            .replace("%1", revision)
            .replace("%2", fingerprint(assessment))
        )
        stored = assessment.id is not None
        self.revisions.setEnabled(stored)
        self.history.setEnabled(stored)
        self.compare_previous.setEnabled(stored and assessment.revision > 1)

    # The actions

    def _saved_id(self) -> int | None:
        """Pending edits written first, so what is shown is what is stored."""
        if not self._save(self.window):
            return None
        return self._current(self.window).id

    def show_revisions(self) -> RevisionsDialog | None:
        assessment_id = self._saved_id()
        if assessment_id is None:
            return None
        dialog = open_revisions(self.window, self.context, assessment_id)
        if dialog is not None:
            dialog.openRequested.connect(self.openRequested)
        self.dialog = dialog
        return dialog

    def compare_with_previous(self) -> CompareDialog | None:
        assessment_id = self._saved_id()
        if assessment_id is None:
            return None
        assessment = self._current(self.window)
        context = self.context
        try:
            previous = context.service.review.previous_revision(assessment)
        except LikaError as error:
            QMessageBox.warning(
                self.window, self.tr("The revisions cannot be compared"), literal(str(error))
            )
            return None
        if previous is None:
            QMessageBox.information(
                self.window,
                self.tr("Compare with previous revision"),
                self.tr("The revision before this one is not in the register."),
            )
            return None
        self.dialog = open_comparison(self.window, context, previous, assessment_id)
        return self.dialog

    def show_history(self) -> HistoryDialog | None:
        assessment_id = self._saved_id()
        if assessment_id is None:
            return None
        self.dialog = open_history(self.window, self.context, assessment_id, self.runner)
        return self.dialog


def for_editor(editor: EditorWindow) -> RevisionActions:
    """In the editor's Assessment menu after "Export PDF"; the fingerprint follows
    every save, pending edits are saved before a dialog reads the register."""
    actions = RevisionActions(
        editor,
        editor.context,
        lambda window: window.document.assessment,
        lambda window: window.document.save_now(),
        editor.commands.export,
    )
    editor.document.saved.connect(actions.update)
    editor.document.statusChanged.connect(actions.status_changed)
    return actions

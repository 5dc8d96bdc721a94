"""The open assessment, as seen by the editor's widgets.

Widgets change values through ``edit(path, value)``, which pushes an undoable command;
the command applies the change with ``set_value``, which uses the domain's rules, tells
every widget bound to that path (so undo and other views stay in step) and saves after
a short pause in typing, so no save button is needed and at most the last moment of
typing is at risk. While typing goes on without a pause, it still saves at least every
``MAX_SAVE_DELAY_MS``.

A save that meets someone else's newer save (``ConflictError``) keeps everything in
memory and emits ``conflicted``; the window then lets the user keep their changes on
top of the other version (``keep_mine``) or take the other version (``take_theirs``).
A register that another program holds too long (``DatabaseBusyError``) is retried.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from desktop_app.app.errors import ConflictError, DatabaseBusyError, ServerUnreachableError
from desktop_app.app.service import AssessmentService
from desktop_app.domain import edits, merge
from desktop_app.domain.completeness import Gap
from desktop_app.domain.errors import LikaError, NotFoundError
from desktop_app.domain.model import Assessment, Measure, Status
from desktop_app.domain.obsolete import KeptContent
from desktop_app.domain.workflow import Lock, lock
from desktop_app.ui.editor import undo

SAVE_DELAY_MS = 700
MAX_SAVE_DELAY_MS = 1000
BUSY_RETRY_MS = 2000
UNREACHABLE_RETRY_MS = 5000  # a server restarting, a network coming back


class AssessmentDocument(QObject):
    valueChanged = Signal(tuple)
    measuresChanged = Signal()
    checklistsChanged = Signal()
    statusChanged = Signal()
    gapsChanged = Signal()
    saved = Signal()
    saveFailed = Signal(str)
    # An undo or redo changed this path: the editor shows where.
    revealRequested = Signal(tuple)
    saveDelayed = Signal(str)  # the register is busy; the save is retried
    saveUnreachable = Signal(str)  # the server cannot be reached; the save is retried
    changedElsewhere = Signal()  # the stored version, saved elsewhere, is shown now
    conflicted = Signal()  # someone else saved meanwhile; nothing is lost
    itemsChanged = Signal(str)  # "statistics" or "evidence" changed

    def __init__(
        self, service: AssessmentService, assessment: Assessment, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.assessment = assessment
        self.checklists = service.checklists_for(assessment)
        self.kept: KeptContent = service.kept_content(assessment)
        self.undo_stack = QUndoStack(self)
        # How an edit is named in the Edit menu ("Undo: Title"); the editor sets this.
        self.describe: Callable[[edits.FieldPath], str] = lambda path: ".".join(path)
        self._gaps = service.gaps(assessment)
        self._warnings = service.warnings(assessment)
        self._dirty = False
        self._base = merge.snapshot(assessment)  # as last loaded or saved
        self._timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save_now)
        self._deadline = QTimer(self, singleShot=True, interval=MAX_SAVE_DELAY_MS)
        self._deadline.timeout.connect(self.save_now)
        self.in_conflict = False
        self._newest_revision = service.review.newest_revision(assessment)

    @property
    def lock(self) -> Lock:
        """Why the caseworker cannot change the assessment now (``Lock.OPEN``: they can);
        the rule is the domain's, with the newest revision read when the editor opened."""
        return lock(self.assessment, self._newest_revision)

    @property
    def read_only(self) -> bool:
        """In review, approved or superseded: the caseworker reads, and cannot change,
        the assessment."""
        return self.lock is not Lock.OPEN

    @property
    def dirty(self) -> bool:
        return self._dirty

    @property
    def gaps(self) -> list[Gap]:
        return self._gaps

    @property
    def warnings(self) -> list[Gap]:
        """Statistics and date warnings: shown with the gaps, but they do not stop a
        submission."""
        return self._warnings

    def value(self, path: edits.FieldPath) -> Any:
        return edits.get_value(self.assessment, path)

    # Undoable edits: what widgets call.

    def edit(self, path: edits.FieldPath, value: Any, *, typing: bool = False) -> None:
        """Change a value as one undoable step; ``typing`` merges keystrokes in one field."""
        if self.read_only:
            return
        old = edits.get_value(self.assessment, path)
        if old == value:
            return
        self.undo_stack.push(undo.SetValueCommand(self, path, old, value, typing=typing))

    def seal_typing(self) -> None:
        """The user left a field: the next keystroke there starts a new undo step."""
        index = self.undo_stack.index()
        if index > 0:
            command = self.undo_stack.command(index - 1)
            if isinstance(command, undo.SetValueCommand):
                command.sealed = True

    def edit_add_measure(self, measure: Measure) -> None:
        if not self.read_only:
            self.undo_stack.push(undo.AddMeasureCommand(self, measure))

    def edit_remove_measure(self, uid: str) -> None:
        if not self.read_only:
            self.undo_stack.push(undo.RemoveMeasureCommand(self, uid))

    def edit_items(self, kind: str, items: list[Any], text: str) -> None:
        """Replace the statistics tables or the evidence (``kind``) as one undoable step;
        ``text`` names the step in the Edit menu."""
        old = getattr(self.assessment, kind)
        if self.read_only or old == items:
            return
        self.undo_stack.push(undo.SetItemsCommand(self, kind, old, items, text))

    def edit_modules(self, module_ids: list[str]) -> None:
        """Switch the optional modules to exactly ``module_ids`` (undoable)."""
        new = self.service.module_versions(module_ids)
        if self.read_only or new == self.assessment.modules:
            return
        self.undo_stack.push(undo.SetModulesCommand(self, dict(self.assessment.modules), new))

    # Applying changes: what the undo commands call.

    def set_value(self, path: edits.FieldPath, value: Any) -> None:
        if self.read_only or edits.get_value(self.assessment, path) == value:
            return
        edits.set_value(self.assessment, path, value)
        self.valueChanged.emit(path)
        if path == ("assessment", "decision_type"):
            # Another type asks other questions: the pages are built anew.
            self.checklists = self.service.checklists_for(self.assessment)
            self.kept = self.service.kept_content(self.assessment)
            self.checklistsChanged.emit()
        self._changed()

    def add_measure(self, measure: Measure, index: int | None = None) -> None:
        edits.add_measure(self.assessment, measure, index)
        self.measuresChanged.emit()
        self._changed()

    def remove_measure(self, uid: str) -> tuple[int, Measure]:
        removed = edits.remove_measure(self.assessment, uid)
        self.measuresChanged.emit()
        self._changed()
        return removed

    def set_items(self, kind: str, items: list[Any]) -> None:
        if kind not in merge.ITEM_LISTS:
            raise ValueError(kind)
        setattr(self.assessment, kind, list(items))
        self.itemsChanged.emit(kind)
        self._changed()

    def set_modules(self, modules: dict[str, str]) -> None:
        """Use these modules; what was written for a switched-off module is kept."""
        self.assessment.modules = dict(modules)
        self.checklists = self.service.checklists_for(self.assessment)
        self.kept = self.service.kept_content(self.assessment)
        self.checklistsChanged.emit()
        self._changed()

    def _changed(self) -> None:
        self._dirty = True
        self._gaps = self.service.gaps(self.assessment)
        self._warnings = self.service.warnings(self.assessment)
        self.gapsChanged.emit()
        self._timer.start()
        if not self._deadline.isActive():
            self._deadline.start()

    # Saving and the workflow.

    def save_now(self) -> bool:
        """Write pending edits now (also called when the window closes)."""
        self._timer.stop()
        self._deadline.stop()
        if not self._dirty:
            return True
        try:
            self.service.save(self.assessment)
        except ConflictError:
            self.in_conflict = True
            self.conflicted.emit()
            return False
        except ServerUnreachableError as error:  # the edit stays here, tried again
            self._timer.start(UNREACHABLE_RETRY_MS)
            self.saveUnreachable.emit(str(error))
            return False
        except DatabaseBusyError as error:
            self._timer.start(BUSY_RETRY_MS)
            self.saveDelayed.emit(str(error))
            return False
        except LikaError as error:
            self.saveFailed.emit(str(error))
            return False
        self._dirty = False
        self.in_conflict = False
        self._base = merge.snapshot(self.assessment)
        self.saved.emit()
        return True

    def submit_for_review(self) -> bool:
        """Save, then move to review. False if saving failed (``saveFailed`` told the
        user); raises WorkflowError, with nothing changed, if anything required is
        missing, and LikaError if the status change cannot be stored."""
        if not self.save_now():
            return False
        self.service.change_status(self.assessment, Status.IN_REVIEW)
        # What was submitted is what the reviewer reads: no undoing past this point.
        self.undo_stack.clear()
        self.statusChanged.emit()
        self.saved.emit()
        return True

    # After a conflict

    def stored_version(self) -> Assessment:
        """The assessment as it is in the register now."""
        assert self.assessment.id is not None
        return self.service.get(self.assessment.id)

    def my_changes(self) -> list[merge.FieldChange]:
        """What this window changed since it last loaded or saved."""
        return merge.changes(self._base, self.assessment)

    def their_changes(self, theirs: Assessment) -> list[merge.FieldChange]:
        """What was saved elsewhere since this window last loaded or saved."""
        return merge.changes(self._base, theirs)

    def keep_mine(self, theirs: Assessment | None = None) -> bool:
        """Put this window's changes on top of the stored version and save that."""
        theirs = theirs or self.stored_version()
        self._replace(merge.rebase(self._base, self.assessment, theirs), theirs)
        self._dirty = True
        return self.save_now()

    def stored_changed(self) -> None:
        """A save of this assessment was committed somewhere (a server's change feed):
        shown at once, not at the next save. Without edits here the stored version is
        shown; with edits, saving now brings up the conflict ("changed elsewhere")."""
        if self.read_only and not self._dirty:
            return
        try:
            theirs = self.stored_version()
        except LikaError:
            return  # deleted or unreachable: the next save says so
        if theirs.version == self.assessment.version:
            return  # this window's own save
        if self._dirty:
            self.save_now()
        else:
            self.take_theirs(theirs)
            self.changedElsewhere.emit()

    def take_theirs(self, theirs: Assessment | None = None) -> None:
        """Drop this window's unsaved changes and show the stored version."""
        theirs = theirs or self.stored_version()
        self._replace(merge.snapshot(theirs), theirs)
        self._dirty = False
        self.in_conflict = False
        self.saved.emit()

    def register_restored(self) -> bool:
        """The register was replaced by a backup elsewhere: never save this window's
        state over it. Unchanged, the window shows the restored version; with unsaved
        changes, the user chooses as after any conflict. False when the assessment is
        not in the restored register (the window has nothing left to save into)."""
        self._timer.stop()
        self._deadline.stop()
        try:
            theirs = self.stored_version()
        except NotFoundError:
            self._dirty = False
            return False
        if self._dirty:
            self.in_conflict = True
            self.conflicted.emit()
        else:
            self.take_theirs(theirs)
        return True

    def _replace(self, shown: Assessment, stored: Assessment) -> None:
        """Show ``shown`` in every view, with ``stored`` as the new base. Undo steps
        recorded against the version this window had no longer apply, so they go."""
        self._timer.stop()
        self._deadline.stop()
        previous = self.assessment
        self.assessment = shown
        self._base = merge.snapshot(stored)
        self.undo_stack.clear()
        if shown.modules != previous.modules:
            self.checklists = self.service.checklists_for(shown)
            self.kept = self.service.kept_content(shown)
            self.checklistsChanged.emit()
        self._gaps = self.service.gaps(shown)
        self._warnings = self.service.warnings(shown)
        for change in merge.changes(previous, shown):
            if change.path != ("assessment", "modules") and (
                change.path[0] not in ("measure", *merge.ITEM_LISTS) or len(change.path) == 3
            ):
                self.valueChanged.emit(change.path)
        for kind in merge.ITEM_LISTS:
            self.itemsChanged.emit(kind)
        if shown.status is not previous.status:
            self.statusChanged.emit()
        self.measuresChanged.emit()
        self.gapsChanged.emit()

"""Undo and redo: every edit of the open assessment is one of these commands.

The commands only call the document's own methods with the old or the new value, so
undo goes through the same path as an edit: widgets update through ``valueChanged``,
completeness is recomputed and the change is autosaved. Keystrokes in one field merge
into one command until the user leaves the field.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from desktop_app.domain.edits import FieldPath
from desktop_app.domain.model import Measure

if TYPE_CHECKING:
    from desktop_app.ui.editor.document import AssessmentDocument

TYPING_ID = 1


class SetValueCommand(QUndoCommand):
    """One field set from ``old`` to ``new``."""

    def __init__(
        self,
        document: AssessmentDocument,
        path: FieldPath,
        old: Any,
        new: Any,
        *,
        typing: bool = False,
    ) -> None:
        super().__init__(document.describe(path))
        self.document = document
        self.path = path
        self.old = old
        self.new = new
        self.typing = typing
        self.sealed = False
        self._done_once = False

    def redo(self) -> None:
        self.document.set_value(self.path, self.new)
        if self._done_once:
            self.document.revealRequested.emit(self.path)
        self._done_once = True

    def undo(self) -> None:
        self.document.set_value(self.path, self.old)
        self.document.revealRequested.emit(self.path)

    def id(self) -> int:
        return TYPING_ID if self.typing else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Typing on in the same field extends this command instead of adding one."""
        if (
            self.sealed
            or not isinstance(other, SetValueCommand)
            or not other.typing
            or other.path != self.path
        ):
            return False
        self.new = other.new
        # Typed and deleted back to where it was: nothing left to undo.
        self.setObsolete(self.new == self.old)
        return True


class AddMeasureCommand(QUndoCommand):
    def __init__(self, document: AssessmentDocument, measure: Measure) -> None:
        super().__init__(QCoreApplication.translate("undo", "Add measure"))
        self.document = document
        self.measure = measure
        self.index = len(document.assessment.measures)

    def redo(self) -> None:
        self.document.add_measure(self.measure, self.index)

    def undo(self) -> None:
        self.document.remove_measure(self.measure.uid)


class RemoveMeasureCommand(QUndoCommand):
    def __init__(self, document: AssessmentDocument, uid: str) -> None:
        super().__init__(QCoreApplication.translate("undo", "Remove measure"))
        self.document = document
        self.uid = uid
        self.index = 0
        self.measure: Measure | None = None

    def redo(self) -> None:
        self.index, self.measure = self.document.remove_measure(self.uid)

    def undo(self) -> None:
        assert self.measure is not None
        self.document.add_measure(self.measure, self.index)


class SetItemsCommand(QUndoCommand):
    """Replace the statistics tables or the evidence list (its items are immutable)."""

    def __init__(
        self, document: AssessmentDocument, kind: str, old: list[Any], new: list[Any], text: str
    ) -> None:
        super().__init__(text)
        self.document = document
        self.kind = kind
        self.old = list(old)
        self.new = list(new)

    def redo(self) -> None:
        self.document.set_items(self.kind, self.new)

    def undo(self) -> None:
        self.document.set_items(self.kind, self.old)


class SetModulesCommand(QUndoCommand):
    """Switch optional perspective modules on or off."""

    def __init__(
        self, document: AssessmentDocument, old: dict[str, str], new: dict[str, str]
    ) -> None:
        super().__init__(QCoreApplication.translate("undo", "Change modules"))
        self.document = document
        self.old = old
        self.new = new

    def redo(self) -> None:
        self.document.set_modules(self.new)

    def undo(self) -> None:
        self.document.set_modules(self.old)

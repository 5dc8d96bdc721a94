"""How an edit is named in the Edit menu ("Undo Title"): the field, and where it is."""

from __future__ import annotations

from desktop_app.domain.edits import FieldPath
from desktop_app.ui.context import UiContext
from desktop_app.ui.editor.document import AssessmentDocument
from desktop_app.ui.field_names import FieldNames, shorten


class PathNames:
    """Names edits for the Edit menu ("Undo Title") with ``FieldNames``, from the
    checklists the document uses at the time of the edit (modules can be switched)."""

    def __init__(self, context: UiContext, document: AssessmentDocument) -> None:
        self.context = context
        self.document = document

    def describe(self, path: FieldPath) -> str:
        names = FieldNames(self.context, self.document.checklists)
        if path[0] == "answer":
            question = shorten(names.label(("answer", path[1], "value")), 40)
            if path[2] == "note":
                return f"{self.context.field(('answer', 'note'))}: {question}"
            return question
        label = self.context.field(path)
        if path[0] == "ground":
            return f"{label} ({names.ground(path[1])})"
        return label

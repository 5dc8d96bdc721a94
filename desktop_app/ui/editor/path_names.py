"""How an edit is named in the Edit menu ("Undo Title"): the field, and where it is."""

from __future__ import annotations

from desktop_app.domain.edits import FieldPath
from desktop_app.ui.context import UiContext
from desktop_app.ui.editor.document import AssessmentDocument


class PathNames:
    """Names edits for the Edit menu ("Undo Title"): the field, and where it is."""

    def __init__(self, context: UiContext, document: AssessmentDocument) -> None:
        self.context = context
        self.document = document

    def describe(self, path: FieldPath) -> str:
        """How an edit is named in the Edit menu: the field, and where it is."""
        if path[0] == "answer":
            question = next(
                (q for c in self.document.checklists for q in c.questions() if q.id == path[1]),
                None,
            )
            text = self.context.local(question.text) if question else path[1]
            short = text if len(text) <= 40 else text[:39] + "…"
            if path[2] == "note":
                return f"{self.context.field(('answer', 'note'))}: {short}"
            return short
        label = self.context.field(path)
        if path[0] == "ground":
            ground = next(
                (g for c in self.document.checklists for g in c.grounds if g.key == path[1]),
                None,
            )
            if ground is not None:
                return f"{label} ({ground.label(self.context.language)})"
        return label

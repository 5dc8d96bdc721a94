"""The screener's suggestions for the open assessment, kept in step with its text.

The screener reads the decision's title, description, who is affected and the named
groups (in the assessment's language) and proposes grounds with the words it found.
It proposes; the caseworker decides: the pages only show the words beside each ground.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from desktop_app.domain.errors import ContentError
from desktop_app.domain.screener import SCREENED_FIELDS, suggest_grounds
from desktop_app.ui.context import UiContext
from desktop_app.ui.editor.document import AssessmentDocument


class Suggestions(QObject):
    changed = Signal()

    def __init__(self, context: UiContext, document: AssessmentDocument) -> None:
        super().__init__(document)
        self.context = context
        self.document = document
        self.error: str | None = None
        self._words: dict[str, tuple[str, ...]] = {}
        document.valueChanged.connect(self._on_value_changed)
        document.checklistsChanged.connect(self.update)
        self.update()

    def words(self, ground_key: str) -> tuple[str, ...]:
        """The words in the decision text that point to ``ground_key`` (none: no hint)."""
        return self._words.get(ground_key, ())

    def _on_value_changed(self, path: tuple[str, ...]) -> None:
        if (path[0] == "decision" and path[1] in SCREENED_FIELDS) or path == (
            "assessment",
            "language",
        ):
            self.update()

    def update(self) -> None:
        try:
            lexicon = self.context.lexicon()
        except ContentError as error:
            self.error = str(error)
            self._words = {}
            self.changed.emit()
            return
        assessment = self.document.assessment
        keys = [g.key for c in self.document.checklists for g in c.grounds]
        found = {
            s.ground_key: s.words()
            for s in suggest_grounds(
                assessment.decision, assessment.language, lexicon, keys, assessment.framework_id
            )
        }
        if found != self._words:
            self._words = found
            self.changed.emit()

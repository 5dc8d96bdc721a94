"""The open windows of assessments, one per assessment: which kind an assessment opens
in (the editor, or review mode when the service says it is read-only), reusing an open
window, and closing them (before a delete, a restore or quitting).

Kept apart from the main window, which only asks to open an id and refreshes the
register when ``changed`` says something was stored.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop_app.domain.errors import LikaError
from desktop_app.ui.context import UiContext
from desktop_app.ui.literal_text import literal
from desktop_app.ui.register.paged_model import Runner

if TYPE_CHECKING:  # imported when first needed: the editor brings reportlab (start-up time)
    from desktop_app.domain.model import Assessment
    from desktop_app.ui.editor.editor_window import EditorWindow
    from desktop_app.ui.review.review_window import ReviewWindow


class AssessmentWindows(QObject):
    editorOpened = Signal(object)  # an EditorWindow, once it is shown
    changed = Signal()  # a window stored something, or closed: the register may differ

    def __init__(self, context: UiContext, runner: Runner, parent: QWidget) -> None:
        super().__init__(parent)
        self.context = context
        self.runner = runner
        self.editors: dict[int, EditorWindow] = {}
        self.reviews: dict[int, ReviewWindow] = {}  # read-only: in review, approved, earlier

    def _parent_widget(self) -> QWidget:
        return self.parent()  # type: ignore[return-value]

    def open(self, assessment_id: int) -> EditorWindow | ReviewWindow | None:
        """Show the editor for ``assessment_id``, reusing an open window. One in review,
        approved or superseded by a newer revision opens read-only in review mode."""
        from desktop_app.ui.editor.editor_window import EditorWindow

        try:  # the first window opens the register for writing (``UiContext.service``)
            review_service = self.context.service.review
        except LikaError as error:
            self._cannot_open(error)
            return None
        editor = self.editors.get(assessment_id)
        if editor is not None and not editor.document.read_only:
            editor.raise_()
            editor.activateWindow()
            return editor
        review = self.reviews.get(assessment_id)
        if review is not None:
            review.reload()
            if review_service.is_read_only(review.assessment):
                review.raise_()
                review.activateWindow()
                return review
        # A read-only window whose assessment moved on: nothing to lose, open afresh.
        for stale in (editor, review):
            if stale is not None:
                stale.close()
        try:
            assessment = self.context.service.get(assessment_id)
            if review_service.is_read_only(assessment):
                return self._open_review(assessment)
            editor = EditorWindow(self.context, assessment)
        except LikaError as error:
            self._cannot_open(error)
            return None
        editor.closed.connect(self._on_editor_closed)
        editor.assessmentSaved.connect(lambda _id: self.changed.emit())
        editor.revision_actions.openRequested.connect(self.open)
        editor.revision_actions.runner = self.runner
        self.editors[assessment_id] = editor
        editor.show()
        self.editorOpened.emit(editor)
        return editor

    def _cannot_open(self, error: LikaError) -> None:
        QMessageBox.warning(
            self._parent_widget(),
            QCoreApplication.translate("MainWindow", "Could not open the assessment"),
            literal(str(error)),
        )

    def _open_review(self, assessment: Assessment) -> ReviewWindow:
        from desktop_app.ui.review.review_window import ReviewWindow

        review = ReviewWindow(self.context, assessment)
        assert assessment.id is not None
        review.closed.connect(lambda i: self.reviews.pop(i, None))
        review.changed.connect(lambda _id: self.changed.emit())
        review.revisionStarted.connect(self._revision_started)
        review.revision_actions.openRequested.connect(self.open)
        review.revision_actions.runner = self.runner
        self.reviews[assessment.id] = review
        review.show()
        return review

    def _revision_started(self, assessment_id: int) -> None:
        self.changed.emit()
        self.open(assessment_id)

    def _on_editor_closed(self, assessment_id: int) -> None:
        self.editors.pop(assessment_id, None)
        self.changed.emit()

    def close_for(self, assessment_id: int) -> None:
        """Close the windows of an assessment about to be deleted (no question asked)."""
        editor = self.editors.pop(assessment_id, None)
        if editor is not None:
            editor.close()
        review = self.reviews.pop(assessment_id, None)
        if review is not None:
            review.close()

    def close_all(self) -> bool:
        """Close every window; False if an editor refused (it could not save)."""
        for editor in list(self.editors.values()):
            if not editor.close():
                return False
        for review in list(self.reviews.values()):
            review.close()  # read-only: nothing to save
        return True

"""The review window's menu, toolbar and flows: comment, approve, return with
comments, start a new revision, export the PDF.

Each flow asks first (a dialog that can be cancelled), then calls the review service;
a refusal is shown with the service's reason and nothing changes. The dialog stays open
on a refusal, with what the user typed (someone may have returned the assessment
meanwhile): nothing written is lost. Dialogs are kept as attributes and opened
window-modal, so tests and screen readers find them.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop_app.domain.errors import LikaError
from desktop_app.domain.review import CommentTarget, is_self_approval, submitter
from desktop_app.ui.message_boxes import when_clicked
from desktop_app.ui.review.dialogs import CommentDialog, TextDialog

if TYPE_CHECKING:
    from desktop_app.ui.review.review_window import ReviewWindow


class ReviewActions(QObject):
    def __init__(self, window: ReviewWindow) -> None:
        super().__init__(window)
        self.comment_dialog: CommentDialog | None = None
        self.text_dialog: TextDialog | None = None
        self.message_box: QMessageBox | None = None
        self._build()

    @property
    def window(self) -> ReviewWindow:
        # Through Qt's parent, not an attribute: no Python cycle keeps a closed window.
        return self.parent()  # type: ignore[return-value]

    def _action(self, text: str, slot: object, key: QKeySequence | None = None) -> QAction:
        action = QAction(text, self.window)
        if key is not None:
            action.setShortcut(key)
        action.triggered.connect(slot)
        return action

    def _build(self) -> None:
        window, ctrl = self.window, Qt.Modifier.CTRL
        self.comment = self._action(
            self.tr("&Comment…"), lambda: self.comment_on(CommentTarget.step("decision")),
            QKeySequence(ctrl | Qt.Key.Key_M),
        )  # fmt: skip
        self.approve = self._action(
            self.tr("&Approve…"), self.ask_approve, QKeySequence(ctrl | Qt.Key.Key_Return)
        )
        self.return_ = self._action(self.tr("&Return with comments…"), self.ask_return)
        self.new_revision = self._action(self.tr("Start a &new revision…"), self.ask_new_revision)
        self.export = self._action(
            self.tr("Export &PDF…"), window.pdf_export.ask, QKeySequence(ctrl | Qt.Key.Key_P)
        )
        close = self._action(
            self.tr("C&lose"), window.close, QKeySequence(QKeySequence.StandardKey.Close)
        )
        menu = window.menuBar().addMenu(self.tr("&Review"))
        for action in (self.comment, self.approve, self.return_, self.new_revision):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.export)
        menu.addAction(close)
        toolbar = window.addToolBar(self.tr("Review"))
        toolbar.setObjectName("review-toolbar")
        for action in (self.comment, self.approve, self.return_, self.new_revision, self.export):
            toolbar.addAction(action)

    def update(self) -> None:
        """Offer what the assessment's state allows (the service still decides)."""
        window = self.window
        data = window.data
        in_review = data is not None and data.can_comment
        self.comment.setEnabled(in_review)
        self.approve.setEnabled(in_review)
        self.return_.setEnabled(in_review)
        self.new_revision.setEnabled(window.context.service.review.can_revise(window.assessment))

    # Flows

    def comment_on(self, target: CommentTarget) -> None:
        if not self.comment.isEnabled():
            return
        dialog = CommentDialog(self.window, self.window.names, target)
        dialog.attempt = lambda: self._add_comment(dialog)
        dialog.finished.connect(dialog.deleteLater)
        self.comment_dialog = dialog
        dialog.open()

    def _add_comment(self, dialog: CommentDialog) -> bool:
        window, target = self.window, dialog.target()
        try:
            window.context.service.review.add_comment(window.assessment, target, dialog.value())
        except LikaError as error:
            self._refused(self.tr("Comment not added"), str(error), dialog)
            return False
        self._changed(self.tr("Comment added."))
        window.show_target(target)
        return True

    def ask_approve(self) -> None:
        window = self.window
        if not self.approve.isEnabled():
            return
        message = self.tr(
            "Approve the assessment? It is then locked: changing it needs a new revision."
        )
        assert window.data is not None
        approver = window.context.service.identity.name
        author = window.assessment.decision.author
        if is_self_approval(approver, author, submitter(window.data.history)):
            message += "\n\n" + self.tr(
                "You wrote or submitted it: the approval will be shown as self-approved."
            )
        still_open = sum(1 for c in window.data.comments if not c.addressed)
        if still_open:
            message += "\n\n" + self.tr("%n comment(s) not yet addressed.", "", still_open)
        self._ask_text(self.tr("Approve"), message, self.tr("Approval &comment (optional):"),
                       self.tr("&Approve"), self._approve)  # fmt: skip

    def _approve(self, dialog: TextDialog) -> bool:
        window = self.window
        try:
            change = window.context.service.review.approve(window.assessment, dialog.value())
        except LikaError as error:
            gaps = len(window.context.service.gaps(window.assessment))
            reason = str(error)
            if gaps:
                reason = (
                    self.tr(
                        "%n required item(s) missing: return it to the caseworker with comments.",
                        "",
                        gaps,
                    )
                    + "\n\n"
                    + reason
                )
            self._refused(self.tr("Not approved"), reason, dialog)
            return False
        self._changed(self.tr("Approved. The assessment is now locked."))
        unsigned = window.context.service.review.unsigned_reason(change)
        if unsigned:
            self._warn(
                self.tr("Approval not signed"),
                self.tr(
                    "The approval stands in this register, but it could not be signed: a copy "
                    "in an exchange file will arrive unverified."
                )
                + "\n\n"
                + unsigned,
            )
        return True

    def ask_return(self) -> None:
        window = self.window
        if not self.return_.isEnabled():
            return
        assert window.data is not None
        count = sum(1 for c in window.data.comments if not c.addressed)
        message = self.tr(
            "Return the assessment to the caseworker? Your %n open comment(s) go with it; "
            "you can add an overall comment.",
            "",
            count,
        )
        self._ask_text(self.tr("Return with comments"), message,
                       self.tr("&Overall comment (optional):"), self.tr("&Return"),
                       self._return)  # fmt: skip

    def _return(self, dialog: TextDialog) -> bool:
        window = self.window
        try:
            window.context.service.review.return_for_changes(window.assessment, dialog.value())
        except LikaError as error:
            self._refused(self.tr("Not returned"), str(error), dialog)
            return False
        self._changed(self.tr("Returned to the caseworker."))
        return True

    def ask_new_revision(self) -> None:
        window = self.window
        if not self.new_revision.isEnabled():
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("New revision"),
            self.tr(
                "Start revision %1 as a draft? This approved revision stays as it is and "
                "can still be read."
            ).replace("%1", str(window.assessment.revision + 1)),
            QMessageBox.StandardButton.Cancel,
            window,
        )
        start = box.addButton(self.tr("&Start revision"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(start)
        box.buttonClicked.connect(when_clicked(start, self._new_revision))
        box.finished.connect(box.deleteLater)
        self.message_box = box
        box.open()

    def _new_revision(self) -> None:
        window = self.window
        try:
            draft = window.context.service.review.new_revision(window.assessment)
        except LikaError as error:
            self._refused(self.tr("No new revision"), str(error))
            return
        self._changed(self.tr("Revision %1 started as a draft.").replace("%1", str(draft.revision)))
        assert draft.id is not None
        window.revisionStarted.emit(draft.id)

    # Helpers

    def _ask_text(
        self, title: str, message: str, field: str, accept: str,
        then: Callable[[TextDialog], bool],
    ) -> None:  # fmt: skip
        dialog = TextDialog(self.window, title=title, message=message, field=field, accept=accept)
        dialog.attempt = lambda: then(dialog)
        dialog.finished.connect(dialog.deleteLater)
        self.text_dialog = dialog
        dialog.open()

    def _changed(self, message: str) -> None:
        window = self.window
        window.reload()
        window.statusBar().showMessage(message, 8000)
        window.changed.emit(window.assessment_id)

    def _refused(self, title: str, reason: str, over: QWidget | None = None) -> None:
        """Show why the service refused, over ``over`` (the dialog kept open) if given,
        and what the register holds now (the refusal often means it changed elsewhere)."""
        with contextlib.suppress(LikaError):  # deleted elsewhere: the reason says so
            self.window.reload()
        self._warn(title, reason, over)

    def _warn(self, title: str, reason: str, over: QWidget | None = None) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, reason, QMessageBox.StandardButton.Ok,
            over or self.window,
        )  # fmt: skip
        box.finished.connect(box.deleteLater)
        self.message_box = box
        box.open()

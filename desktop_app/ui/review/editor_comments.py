"""Review comments in the editor, in place: above each page, the comments about its
step, ground or measures, each with a "Mark as addressed" button and an optional reply.

When the assessment came back from review, a line above them says who returned it,
when and with what overall comment. The editor shows a mark in its navigation for
pages with open comments (``open_counts``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import LikaError
from desktop_app.domain.review import CommentTargetKind, ReviewComment
from desktop_app.ui.context import UiContext
from desktop_app.ui.editor.document import AssessmentDocument
from desktop_app.ui.editor.widgets import NAVIGATION, wrapped_label
from desktop_app.ui.review.dialogs import TextDialog
from desktop_app.ui.review.targets import PageKey, TargetNames, open_counts, page_key

CARD_STYLE = "QFrame#comment-card { border: 1px solid palette(mid); border-radius: 3px; }"
VISIBLE_LINES = 14  # more cards than fit scroll; the page keeps most of the room
LEAST_LINES = 3  # in a small window the comments shrink to this and scroll


class CommentCard(QFrame):
    """One comment: state, who and when, what about, the text, the reply."""

    addressRequested = Signal(int)
    measureRequested = Signal(str)

    @classmethod
    def button_texts(cls) -> tuple[str, str]:
        """The buttons' texts: the editor keeps their Alt+letters free on its pages."""
        return (
            QCoreApplication.translate("CommentCard", "Sho&w the measure"),
            QCoreApplication.translate("CommentCard", "Mark as a&ddressed…"),
        )

    def __init__(self, names: TargetNames, comment: ReviewComment, can_address: bool) -> None:
        super().__init__()
        self.comment = comment
        self.setObjectName("comment-card")
        self.setStyleSheet(CARD_STYLE)
        state = names.state(comment)
        about = names.name(comment.target)
        mark = "✓" if comment.addressed else "✉"
        head = wrapped_label(f"{mark} {state} · {names.written(comment)} · {about}")
        head.setStyleSheet("font-weight: bold; border: none;")
        self.text = wrapped_label(comment.text)
        self.text.setStyleSheet("border: none;")
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addWidget(self.text)
        if comment.addressed:
            done = " – ".join(x for x in (names.addressed_by(comment), names.reply(comment)) if x)
            note = wrapped_label(done, muted=True)
            note.setStyleSheet("border: none;")
            layout.addWidget(note)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        if comment.target.kind is CommentTargetKind.MEASURE:
            show = QPushButton(self.button_texts()[0])
            show.setProperty(NAVIGATION, True)
            show.clicked.connect(lambda: self.measureRequested.emit(comment.target.key))
            buttons.addWidget(show)
        self.address_button: QPushButton | None = None
        if not comment.addressed:
            self.address_button = QPushButton(self.button_texts()[1])
            self.address_button.setEnabled(can_address)
            self.address_button.setAccessibleDescription(comment.text)
            self.address_button.clicked.connect(lambda: self.addressRequested.emit(comment.id))
            buttons.addWidget(self.address_button)
        if buttons.count() > 1:
            layout.addLayout(buttons)
        self.setAccessibleName(f"{state}: {comment.text}")


class CommentsBar(QWidget):
    """The comments above the editor's current page, and the return note."""

    countsChanged = Signal()
    measureRequested = Signal(str)

    def __init__(self, context: UiContext, document: AssessmentDocument) -> None:
        super().__init__()
        self.context = context
        self.document = document
        self.comments: list[ReviewComment] = []
        self.cards: list[CommentCard] = []
        self.dialog: TextDialog | None = None
        self.message_box: QMessageBox | None = None
        self._key: PageKey | None = None
        self._names = TargetNames(context, document.assessment, document.checklists, self)
        # The comments' buttons come after this widget in Tab's order (before the page).
        self.tab_after: QWidget | None = None
        self.returned = wrapped_label("")
        self.returned.setAccessibleName(self.tr("Returned from review"))
        self.returned.setStyleSheet("border: 1px solid palette(mid); padding: 6px;")
        # The return note and the cards scroll together in one area, whose height never
        # asks the window to grow: it shrinks with a small window (the page keeps room).
        self._cards_box = QWidget()
        self._cards = QVBoxLayout(self._cards_box)
        self._cards.setContentsMargins(0, 0, 0, 0)
        self._cards.addWidget(self.returned)
        self.area = QScrollArea()
        self.area.setWidget(self._cards_box)
        self.area.setWidgetResizable(True)
        self.area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.area)
        document.statusChanged.connect(self.reload)
        self.setVisible(False)  # until ``reload`` (called once the bar has a parent)

    def names(self) -> TargetNames:
        """The bar's one TargetNames, brought up to date with the document (which may
        have taken another version or other modules since)."""
        self._names.assessment = self.document.assessment
        self._names.checklists = list(self.document.checklists)
        return self._names

    def reload(self) -> None:
        """Read the comments (and the last return) again from the register."""
        a = self.document.assessment
        if a.id is None:
            return
        service = self.context.service
        self.comments = service.review.comments(a.id)
        returned = service.review.open_return(a)
        if returned is not None:
            text = (
                self.tr("Returned from review by %1, %2.")
                .replace("%1", returned.actor)
                .replace("%2", self.context.short_date(returned.at))
            )
            if returned.comment.strip():
                text += " " + self.tr("Overall comment: %1").replace("%1", returned.comment)
            still_open = sum(1 for c in self.comments if not c.addressed)
            if still_open:
                text += "\n" + self.tr(
                    "%n comment(s) to address; pages with comments are marked ✉ in the list "
                    "of steps.",
                    "",
                    still_open,
                )
            self.returned.setText(text)
            self.returned.setVisible(True)
        else:
            self.returned.setVisible(False)
        self._show_cards()
        self.countsChanged.emit()

    def open_counts(self) -> dict[PageKey, int]:
        return open_counts(self.comments)

    def show_for(self, key: PageKey) -> None:
        self._key = key
        self._show_cards()

    def _show_cards(self) -> None:
        for card in self.cards:
            self._cards.removeWidget(card)
            card.deleteLater()
        self.cards = []
        shown = [c for c in self.comments if self._key and page_key(c.target) == self._key]
        names = self.names()
        can_address = not self.document.read_only
        # Open ones first: they are what the caseworker has to act on.
        for comment in sorted(shown, key=lambda c: c.addressed):
            card = CommentCard(names, comment, can_address)
            card.addressRequested.connect(self.ask_address)
            card.measureRequested.connect(self.measureRequested)
            self._cards.addWidget(card)
            card.show()  # at once, not when the event loop gets to it: Tab may come first
            self.cards.append(card)
        previous = self.tab_after
        for button in (b for card in self.cards for b in card.findChildren(QPushButton)):
            if previous is not None:
                QWidget.setTabOrder(previous, button)
            previous = button
        self.setVisible(bool(self.cards) or self.returned.isVisibleTo(self._cards_box))
        self._fit()

    def _fit(self) -> None:
        """As tall as the note and cards need, up to VISIBLE_LINES lines, and down to
        LEAST_LINES in a small window; the rest scrolls."""
        width = self.area.viewport().width() or self.width()
        layout = self._cards_box.layout()
        has_height = layout is not None and layout.hasHeightForWidth()
        needed = layout.totalHeightForWidth(width) if layout is not None and has_height else -1
        if needed < 0:
            needed = self._cards_box.sizeHint().height()
        line = self.fontMetrics().lineSpacing()
        self.area.setMaximumHeight(min(needed + 2, line * VISIBLE_LINES))
        self.area.setMinimumHeight(min(needed + 2, line * LEAST_LINES))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def ask_address(self, comment_id: int) -> None:
        comment = next(c for c in self.comments if c.id == comment_id)
        dialog = TextDialog(
            self,
            title=self.tr("Mark as addressed"),
            message=self.tr("Mark this comment as addressed?") + "\n\n" + comment.text,
            field=self.tr("&Reply to the reviewer (optional):"),
            accept=self.tr("&Mark as addressed"),
        )
        dialog.attempt = lambda: self.address(comment_id, dialog.value(), dialog)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    def address(self, comment_id: int, reply: str = "", dialog: QWidget | None = None) -> bool:
        """Mark the comment addressed; on a refusal the reason is shown over ``dialog``,
        which stays open with the reply."""
        try:
            self.context.service.review.address_comment(comment_id, reply)
        except LikaError as error:
            self.reload()  # e.g. addressed in another window: show it so
            box = QMessageBox(
                QMessageBox.Icon.Warning, self.tr("Not marked as addressed"), str(error),
                QMessageBox.StandardButton.Ok, dialog or self,
            )  # fmt: skip
            box.finished.connect(box.deleteLater)
            self.message_box = box
            box.open()
            return False
        self.reload()
        return True

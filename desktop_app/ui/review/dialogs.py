"""The review's small dialogs: a comment on one target (showing what it is about), and
a confirmation with an optional text (approve, return, mark as addressed).

Both close only once the service took what was typed (``attempt``): by the time the
user accepts, someone else may have returned or approved the assessment, and a refusal
must not throw away a long comment. The dialog stays open with the text, to copy or retry.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.review import CommentTarget
from desktop_app.ui.editor.widgets import wrapped_label
from desktop_app.ui.review.targets import TargetNames
from desktop_app.ui.screen_fit import fit_to_screen


def _text_box(name: str, lines: int) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setAccessibleName(name)
    box.setTabChangesFocus(True)
    box.setMinimumHeight(box.fontMetrics().lineSpacing() * lines + 14)
    return box


class AttemptDialog(QDialog):
    """A dialog whose accept button asks ``attempt`` first and closes only if it says yes."""

    attempt: Callable[[], bool] | None = None

    def accept(self) -> None:
        if self.attempt is None or self.attempt():
            super().accept()


class TextDialog(AttemptDialog):
    """A question with an optional (or required) text and one accept button."""

    def __init__(
        self,
        parent: QWidget,
        *,
        title: str,
        message: str,
        field: str,
        accept: str,
        required: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.message = wrapped_label(message)
        label = QLabel(field)
        self.text = _text_box(field.replace("&", ""), 4)
        label.setBuddy(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.accept_button: QPushButton = buttons.addButton(
            accept, QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.accept_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(label)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        if required:
            self.text.textChanged.connect(self._update)
            self._update()
        fit_to_screen(self, 520, 300)

    def _update(self) -> None:
        self.accept_button.setEnabled(bool(self.value()))

    def value(self) -> str:
        return self.text.toPlainText().strip()


class CommentDialog(AttemptDialog):
    """Write a comment on a step, a ground or a measure; what it is about is shown
    (its name and what it says now) and can be changed."""

    def __init__(self, parent: QWidget, names: TargetNames, target: CommentTarget) -> None:
        super().__init__(parent)
        self.names = names
        self.setWindowTitle(self.tr("Comment"))
        self.about = QComboBox()
        self.about.setAccessibleName(self.tr("About"))
        for choice in names.targets():
            self.about.addItem(names.name(choice), str(choice))
        self.about.setCurrentIndex(max(0, self.about.findData(str(target))))
        self.excerpt = wrapped_label("", muted=True)
        self.excerpt.setAccessibleName(self.tr("What it says now"))
        self.text = _text_box(self.tr("Comment"), 5)
        form = QFormLayout()
        form.addRow(self.tr("A&bout:"), self.about)
        form.addRow(self.tr("It says:"), self.excerpt)
        form.addRow(self.tr("&Comment:"), self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.add_button = buttons.addButton(
            self.tr("&Add comment"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.add_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addWidget(buttons)
        self.about.currentIndexChanged.connect(self._show_excerpt)
        self.text.textChanged.connect(self._update)
        self._show_excerpt()
        self._update()
        self.text.setFocus()
        fit_to_screen(self, 600, 380)

    def target(self) -> CommentTarget:
        return CommentTarget.parse(self.about.currentData())

    def value(self) -> str:
        return self.text.toPlainText().strip()

    def _show_excerpt(self) -> None:
        self.excerpt.setText(self.names.excerpt(self.target()) or "–")

    def _update(self) -> None:
        self.add_button.setEnabled(bool(self.value()))

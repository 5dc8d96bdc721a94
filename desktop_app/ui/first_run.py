"""The first start: Lika asks once who is working, so authorship and approvals carry
a person's name rather than a computer account ("root"). Pre-filled with the full
name the operating system has; changeable later in Settings."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.identity import os_full_name
from desktop_app.ui.context import UiContext


class FirstRunDialog(QDialog):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:

        super().__init__(parent)
        self.context = context
        settings = context.settings
        self.setWindowTitle(self.tr("Welcome to Lika"))
        layout = QVBoxLayout(self)
        # A plain QLabel: the editor's ``wrapped_label`` sets Qt enums, and this dialog
        # comes with a first start, before anything else needs the ``Qt`` namespace
        # (about 1 MB, ``ui/shortcuts.py``). The text is ours, never HTML.
        intro = QLabel(
            self.tr(
                "Your name and role are recorded as the author of the assessments you "
                "create and beside your approvals. You can change them later in Settings."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        layout.addLayout(form)
        self.name = QLineEdit(settings.own_display_name or os_full_name())
        self.name.setAccessibleName(self.tr("Your name"))
        form.addRow(self.tr("Your &name:"), self.name)
        self.role = QLineEdit(settings.role)
        self.role.setAccessibleName(self.tr("Your role"))
        self.role.setPlaceholderText(self.tr("For example: Investigator"))
        form.addRow(self.tr("Your &role:"), self.role)
        buttons = QDialogButtonBox()  # the (buttons) overload would set up ``Qt`` too
        buttons.setStandardButtons(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.name.textChanged.connect(lambda text: self.ok.setEnabled(bool(text.strip())))
        self.ok.setEnabled(bool(self.name.text().strip()))
        layout.addWidget(buttons)

    def done(self, result: int) -> None:
        """Asked once, whatever the answer: Cancel keeps the computer's name."""
        settings = self.context.settings
        if result == QDialog.DialogCode.Accepted:
            settings.display_name = self.name.text()
            settings.role = self.role.text()
            if self.context.service_open:  # else it is opened with this name
                self.context.service.identity = settings.identity()
        settings.identity_asked = True
        settings.sync()
        super().done(result)


def ask_identity_once(parent: QWidget, context: UiContext) -> FirstRunDialog | None:
    """Open the first-run dialog (window-modal) unless it was asked before."""
    if context.settings.identity_asked:
        return None
    dialog = FirstRunDialog(context, parent)
    dialog.open()
    return dialog

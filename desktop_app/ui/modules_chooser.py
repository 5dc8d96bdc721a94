"""Choosing the optional perspective modules of an assessment.

Used when a new assessment is created and from the editor (Assessment → Modules…).
Each module is a check box with what it covers, so the choice can be made without a
manual.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.checklist import Checklist
from desktop_app.ui.context import UiContext
from desktop_app.ui.editor.widgets import wrapped_label


def first_sentence(text: str) -> str:
    end = text.find(". ")
    return text if end == -1 else text[: end + 1]


class ModulesChooser(QWidget):
    """One check box per installed module, with its description under it."""

    def __init__(
        self,
        context: UiContext,
        modules: Iterable[Checklist],
        chosen: Iterable[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        chosen = set(chosen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}
        for module in sorted(modules, key=lambda m: context.local(m.name)):
            box = QCheckBox(context.local(module.name))
            box.setChecked(module.id in chosen)
            description = context.local(module.description)
            box.setAccessibleDescription(description)
            box.setToolTip(description)
            layout.addWidget(box)
            # The first sentence says what the module is for; the rest is a tooltip away.
            text = wrapped_label(first_sentence(description), muted=True)
            text.setContentsMargins(24, 0, 0, 6)
            layout.addWidget(text)
            self.boxes[module.id] = box
        if not self.boxes:
            layout.addWidget(QLabel(self.tr("No optional modules are installed.")))

    def chosen(self) -> list[str]:
        return [module_id for module_id, box in self.boxes.items() if box.isChecked()]


class ModulesDialog(QDialog):
    def __init__(self, context: UiContext, chosen: Iterable[str], parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Modules"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            wrapped_label(
                self.tr(
                    "Modules add perspectives to the assessment, each with its own questions. "
                    "Switching a module off keeps what you wrote for it; it comes back if "
                    "you switch the module on again."
                )
            )
        )
        self.chooser = ModulesChooser(context, context.content.checklists.modules(), chosen)
        layout.addWidget(self.chooser)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

"""Step 2 at a glance: screen every ground (and module perspective) on one page.

For each ground the caseworker chooses relevant / not relevant / not yet assessed and
writes a one-line reason, all by keyboard (Tab to the ground, arrow keys to choose, Tab
to the reason); then goes deep only on the relevant ones, on their own pages. Beside
each ground the screener's suggestion, from the words of the decision text, is shown:
it proposes, the caseworker decides.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.checklist import Ground
from desktop_app.domain.model import Relevance
from desktop_app.ui.context import UiContext
from desktop_app.ui.editor.binding import Binder
from desktop_app.ui.editor.document import AssessmentDocument
from desktop_app.ui.editor.ground_page import RELEVANCE_ORDER, law_term_note
from desktop_app.ui.editor.suggestion_label import SuggestionLabel
from desktop_app.ui.editor.suggestions import Suggestions
from desktop_app.ui.editor.widgets import (
    NAVIGATION,
    heading,
    radio_row,
    set_guidance,
    wrapped_label,
)
from desktop_app.ui.typography import make_subheading


class ScreeningPage(QWidget):
    openGround = Signal(str)

    def __init__(
        self,
        context: UiContext,
        document: AssessmentDocument,
        suggestions: Suggestions,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.document = document
        self.suggestions = suggestions
        self.binder = Binder(document, self)
        step = context.content.step("grounds")
        layout = QVBoxLayout(self)
        layout.addWidget(heading(context.local(step.title)))
        set_guidance(self, context.local(step.title), context.local(step.guidance))
        layout.addWidget(
            wrapped_label(
                self.tr(
                    "Decide for each ground whether the decision may affect people "
                    "differently, and say why in a line. Then assess the relevant grounds "
                    "in depth on their own pages."
                )
            )
        )
        self.relevance: dict[str, QButtonGroup] = {}
        self.reasons: dict[str, QLineEdit] = {}
        self.open_buttons: dict[str, QPushButton] = {}
        self.suggestion_labels: dict[str, SuggestionLabel] = {}
        if suggestions.error is not None:
            layout.addWidget(
                wrapped_label(
                    self.tr("Suggestions from the decision text are unavailable: %1").replace(
                        "%1", suggestions.error
                    ),
                    muted=True,
                )
            )
        for checklist in document.checklists:
            if len(document.checklists) > 1:
                sub = QLabel(context.local(checklist.name))
                make_subheading(sub)
                layout.addWidget(sub)
            for ground in checklist.grounds:
                layout.addWidget(self._ground_row(ground))
        layout.addStretch(1)
        document.valueChanged.connect(self._on_value_changed)
        self._update_open_buttons()

    def _ground_row(self, ground: Ground) -> QWidget:
        context, key = self.context, ground.key
        label = ground.label(context.language)
        row = QFrame()
        row.setFrameShape(QFrame.Shape.StyledPanel)
        row.setAccessibleName(label)
        note = law_term_note(context, ground)
        set_guidance(row, label, context.local(ground.explanation), note or "")
        layout = QVBoxLayout(row)

        top = QHBoxLayout()
        name = QLabel(label)
        make_subheading(name)
        top.addWidget(name, 1)
        if note is not None:
            top.addWidget(wrapped_label(note, muted=True), 1)
        layout.addLayout(top)

        # Added in the order Tab should follow: choice, reason, "assess in depth".
        choices, group = radio_row([context.label(r) for r in RELEVANCE_ORDER], label)
        name.setBuddy(choices)
        layout.addWidget(choices)
        self.binder.radios(group, [r.value for r in RELEVANCE_ORDER], ("ground", key, "relevance"))
        reason = QLineEdit()
        reason.setPlaceholderText(self.tr("Why? One line is enough here."))
        reason.setAccessibleName(self.tr("Reason: %1").replace("%1", label))
        layout.addWidget(reason)
        self.binder.line(reason, ("ground", key, "justification"))
        bottom = QHBoxLayout()
        suggestion = SuggestionLabel(self.suggestions, key)
        bottom.addWidget(suggestion, 1)
        open_button = QPushButton(self.tr("Assess in depth"))
        open_button.setAccessibleName(self.tr("Assess in depth: %1").replace("%1", label))
        open_button.setProperty(NAVIGATION, True)
        open_button.clicked.connect(lambda: self.openGround.emit(key))
        bottom.addStretch(0)
        bottom.addWidget(open_button, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom)
        layout.addLayout(bottom)

        self.relevance[key] = group
        self.reasons[key] = reason
        self.open_buttons[key] = open_button
        self.suggestion_labels[key] = suggestion
        return row

    def _on_value_changed(self, path: tuple[str, ...]) -> None:
        if path[0] == "ground" and path[2] == "relevance":
            self._update_open_buttons()

    def _update_open_buttons(self) -> None:
        """ "Assess in depth" is the default for relevant grounds; the rest may still open."""
        grounds = self.document.assessment.grounds
        for key, button in self.open_buttons.items():
            ground = grounds.get(key)
            relevant = ground is not None and ground.relevance is Relevance.RELEVANT
            button.setFlat(not relevant)

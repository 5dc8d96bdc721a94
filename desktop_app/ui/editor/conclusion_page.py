"""Step 4: the outcome, the summary for the decision memo and the follow-up date."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QVBoxLayout, QWidget

from desktop_app.domain.model import Outcome
from desktop_app.ui.context import UiContext
from desktop_app.ui.editor.binding import Binder, make_date_edit
from desktop_app.ui.editor.document import AssessmentDocument
from desktop_app.ui.editor.widgets import enum_combo, heading, set_guidance, text_box


class ConclusionPage(QWidget):
    def __init__(
        self, context: UiContext, document: AssessmentDocument, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.binder = Binder(document, self)
        step = context.content.step("conclusion")
        layout = QVBoxLayout(self)
        layout.addWidget(heading(context.local(step.title)))
        set_guidance(self, context.local(step.title), context.local(step.guidance))
        form = QFormLayout()
        layout.addLayout(form)

        def label(attr: str) -> str:
            return context.field(("conclusion", attr))

        self.outcome = enum_combo(
            ((o, context.label(o)) for o in Outcome), label("outcome"), empty=self.tr("Choose…")
        )
        form.addRow(label("outcome"), self.outcome)
        self.binder.combo(self.outcome, ("conclusion", "outcome"))
        self.justification = text_box(label("justification"), lines=3)
        form.addRow(label("justification"), self.justification)
        self.binder.text(self.justification, ("conclusion", "justification"))
        self.summary = text_box(label("summary"), lines=6)
        form.addRow(label("summary"), self.summary)
        self.binder.text(self.summary, ("conclusion", "summary"))
        self.followup_date = make_date_edit(context.language)
        self.followup_date.setAccessibleName(label("followup_date"))
        form.addRow(label("followup_date"), self.followup_date.row)
        self.binder.date(self.followup_date, ("conclusion", "followup_date"))
        layout.addStretch(1)

"""Step 2, for one ground: relevance, impact and the checklist's questions.

The impact fields only make sense for a relevant ground, so they are enabled only
then; the questions' guidance and examples sit right under each question.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.checklist import Ground, Question, QuestionType
from desktop_app.domain.model import Direction, Relevance, RiskKind, Severity
from desktop_app.ui.context import UiContext
from desktop_app.ui.editor.binding import Binder
from desktop_app.ui.editor.document import AssessmentDocument
from desktop_app.ui.editor.widgets import enum_combo, radio_row, text_box, wrapped_label

ANSWER_VALUES = ("yes", "no", "unsure")
RELEVANCE_ORDER = (Relevance.RELEVANT, Relevance.NOT_RELEVANT, Relevance.UNKNOWN)


class GroundPage(QWidget):
    def __init__(
        self,
        context: UiContext,
        document: AssessmentDocument,
        ground: Ground,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.document = document
        self.ground = ground
        self.binder = Binder(document, self)
        key = ground.key
        layout = QVBoxLayout(self)

        title = QLabel(ground.label(context.language))
        title.setProperty("heading", True)
        layout.addWidget(title)
        if ground.preferred_term is not None:
            layout.addWidget(
                wrapped_label(
                    self.tr("Term in the law: %1").replace("%1", context.local(ground.term)),
                    muted=True,
                )
            )
        layout.addWidget(wrapped_label(context.local(ground.explanation)))
        layout.addWidget(wrapped_label(context.local(ground.guidance), muted=True))

        form = QFormLayout()
        layout.addLayout(form)
        relevance_row, self.relevance = radio_row(
            [context.label(r) for r in RELEVANCE_ORDER], context.field(("ground", "relevance"))
        )
        form.addRow(context.field(("ground", "relevance")), relevance_row)
        self.binder.radios(
            self.relevance, [r.value for r in RELEVANCE_ORDER], ("ground", key, "relevance")
        )
        self.justification = text_box(context.field(("ground", "justification")), lines=3)
        form.addRow(context.field(("ground", "justification")), self.justification)
        self.binder.text(self.justification, ("ground", key, "justification"))

        self.impact = QGroupBox(self.tr("Impact"))
        self._build_impact(self.impact)
        layout.addWidget(self.impact)

        questions = QGroupBox(self.tr("Checklist questions"))
        question_layout = QVBoxLayout(questions)
        for question in ground.questions:
            question_layout.addWidget(self._question_widget(question))
        layout.addWidget(questions)
        layout.addStretch(1)

        document.valueChanged.connect(self._on_value_changed)
        self._update_enabled()

    def _build_impact(self, box: QGroupBox) -> None:
        context, key = self.context, self.ground.key
        form = QFormLayout(box)
        self.direction: QComboBox = enum_combo(
            ((d, context.label(d)) for d in Direction),
            context.field(("ground", "direction")),
            empty=self.tr("Choose…"),
        )
        form.addRow(context.field(("ground", "direction")), self.direction)
        self.binder.combo(self.direction, ("ground", key, "direction"))
        self.severity: QComboBox = enum_combo(
            ((s, context.label(s)) for s in Severity),
            context.field(("ground", "severity")),
            empty=self.tr("Choose…"),
        )
        form.addRow(context.field(("ground", "severity")), self.severity)
        self.binder.combo(self.severity, ("ground", key, "severity"))
        self.groups = QLineEdit()
        self.groups.setAccessibleName(context.field(("ground", "groups")))
        form.addRow(context.field(("ground", "groups")), self.groups)
        self.binder.line(self.groups, ("ground", key, "groups"))
        self.evidence = text_box(context.field(("ground", "evidence")), lines=3)
        form.addRow(context.field(("ground", "evidence")), self.evidence)
        self.binder.text(self.evidence, ("ground", key, "evidence"))

        risks = QWidget()
        risk_layout = QVBoxLayout(risks)
        risk_layout.setContentsMargins(0, 0, 0, 0)
        self.risk_boxes: dict[str, QCheckBox] = {}
        examples = {risk.kind: risk.example for risk in self.ground.risks}
        for kind in RiskKind:
            box = QCheckBox(context.label(kind))
            box.setAccessibleName(context.label(kind))
            if kind in examples:
                box.setToolTip(context.local(examples[kind]))
            self.risk_boxes[kind.value] = box
            risk_layout.addWidget(box)
        form.addRow(context.field(("ground", "risks")), risks)
        self.binder.checks(self.risk_boxes, ("ground", key, "risks"))
        self.no_measure = text_box(context.field(("ground", "no_measure_justification")), lines=2)
        form.addRow(context.field(("ground", "no_measure_justification")), self.no_measure)
        self.binder.text(self.no_measure, ("ground", key, "no_measure_justification"))

    def _question_widget(self, question: Question) -> QWidget:
        context = self.context
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 6, 0, 6)
        text = context.local(question.text)
        layout.addWidget(wrapped_label(text))
        path = ("answer", question.id, "value")
        if question.type is QuestionType.YES_NO_UNSURE:
            row, group = radio_row([context.term(f"answer.{v}") for v in ANSWER_VALUES], text)
            layout.addWidget(row)
            self.binder.radios(group, list(ANSWER_VALUES), path)
        elif question.type is QuestionType.CHOICE:
            combo = QComboBox()
            combo.setAccessibleName(text)
            combo.addItem(context.term("answer.none"), "")
            for choice in question.choices:
                combo.addItem(context.local(choice.label), choice.key)
            layout.addWidget(combo)
            self.binder.combo(combo, path)
        else:
            answer = text_box(text, lines=3)
            layout.addWidget(answer)
            self.binder.text(answer, path)
        note = QLineEdit()
        note.setPlaceholderText(context.field(("answer", "note")))
        note.setAccessibleName(f"{context.field(('answer', 'note'))}: {text}")
        layout.addWidget(note)
        self.binder.line(note, ("answer", question.id, "note"))
        layout.addWidget(wrapped_label(context.local(question.guidance), muted=True))
        if question.examples is not None:
            layout.addWidget(
                wrapped_label(
                    self.tr("Examples: %1").replace("%1", context.local(question.examples)),
                    muted=True,
                )
            )
        return box

    def _on_value_changed(self, path: tuple[str, ...]) -> None:
        if path[:2] == ("ground", self.ground.key):
            self._update_enabled()

    def _update_enabled(self) -> None:
        ground = self.document.assessment.grounds.get(self.ground.key)
        relevant = ground is not None and ground.relevance is Relevance.RELEVANT
        self.impact.setEnabled(relevant and not self.document.read_only)
        adverse = (
            relevant
            and ground is not None
            and ground.direction is not None
            and ground.direction.is_adverse
        )
        self.severity.setEnabled(adverse)
        self.no_measure.setEnabled(adverse)

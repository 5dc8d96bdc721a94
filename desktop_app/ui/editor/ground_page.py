"""Step 2, for one ground: relevance, impact and the checklist's questions.

The impact fields only make sense for a relevant ground, so they are enabled only
then. Each question's guidance and examples appear in the guidance pane beside the
page while the question has focus. Answers to questions a newer checklist version no
longer has are listed at the end, kept, never dropped. A conditional question
(``show_if`` in the checklist) is hidden while its condition does not hold; its answer
stays in the assessment and shows again with it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.checklist import ANSWER_VALUES, Ground, Question, QuestionType
from desktop_app.domain.conditions import hidden_questions
from desktop_app.domain.model import Direction, Relevance, RiskKind, Severity
from desktop_app.ui.context import UiContext
from desktop_app.ui.editor.binding import Binder
from desktop_app.ui.editor.document import AssessmentDocument
from desktop_app.ui.editor.evidence_editor import EvidenceSection
from desktop_app.ui.editor.kept_answers import kept_answers_box
from desktop_app.ui.editor.statistics_editor import StatisticsSection
from desktop_app.ui.editor.suggestion_label import SuggestionLabel
from desktop_app.ui.editor.suggestions import Suggestions
from desktop_app.ui.editor.widgets import (
    enum_combo,
    heading,
    radio_row,
    set_guidance,
    text_box,
    wrapped_label,
)

RELEVANCE_ORDER = (Relevance.RELEVANT, Relevance.NOT_RELEVANT, Relevance.UNKNOWN)


def law_term_note(context: UiContext, ground: Ground) -> str | None:
    """ "The law says: …" where the statutory term differs from the preferred one."""
    if ground.preferred_term is None:
        return None
    term = context.local(ground.term)
    if term == ground.label(context.language):
        return None
    return QCoreApplication.translate("GroundPage", "Term in the law: %1").replace("%1", term)


class GroundPage(QWidget):
    def __init__(
        self,
        context: UiContext,
        document: AssessmentDocument,
        ground: Ground,
        suggestions: Suggestions,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.document = document
        self.ground = ground
        self.binder = Binder(document, self)
        key = ground.key
        label = ground.label(context.language)
        layout = QVBoxLayout(self)
        risks = [
            f"{context.label(risk.kind)}: {context.local(risk.example)}" for risk in ground.risks
        ]
        set_guidance(self, label, context.local(ground.guidance), *risks)

        layout.addWidget(heading(label))
        note = law_term_note(context, ground)
        if note is not None:
            layout.addWidget(wrapped_label(note, muted=True))
        layout.addWidget(wrapped_label(context.local(ground.explanation)))
        layout.addWidget(SuggestionLabel(suggestions, key))

        form = QFormLayout()
        layout.addLayout(form)
        relevance_label = context.field(("ground", "relevance"))
        relevance_row, self.relevance = radio_row(
            [context.label(r) for r in RELEVANCE_ORDER], f"{relevance_label}: {label}"
        )
        form.addRow(relevance_label, relevance_row)
        self.binder.radios(
            self.relevance, [r.value for r in RELEVANCE_ORDER], ("ground", key, "relevance")
        )
        self.justification = text_box(context.field(("ground", "justification")), lines=3)
        form.addRow(context.field(("ground", "justification")), self.justification)
        self.binder.text(self.justification, ("ground", key, "justification"))

        self.impact = QGroupBox(self.tr("Impact in depth"))
        self._build_impact(self.impact)
        layout.addWidget(self.impact)
        # Figures and evidence can support "not relevant" too, so they are always open.
        self.statistics = StatisticsSection(context, document, key)
        layout.addWidget(self.statistics)
        self.evidence_files = EvidenceSection(context, document, key)
        layout.addWidget(self.evidence_files)

        questions = QGroupBox(self.tr("Checklist questions"))
        question_layout = QVBoxLayout(questions)
        self.question_boxes: dict[str, QWidget] = {}
        for question in ground.questions:
            box = self._question_widget(question)
            self.question_boxes[question.id] = box
            question_layout.addWidget(box)
        layout.addWidget(questions)
        kept = document.kept.answers_for(key)
        if kept:
            layout.addWidget(kept_answers_box(context, kept))
        layout.addStretch(1)

        document.valueChanged.connect(self._on_value_changed)
        document.measuresChanged.connect(self._update_enabled)
        document.checklistsChanged.connect(self._update_shown)
        self._update_enabled()
        self._update_shown()

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
            check = QCheckBox(context.label(kind))
            check.setAccessibleName(context.label(kind))
            if kind in examples:
                example = context.local(examples[kind])
                check.setToolTip(example)
                set_guidance(
                    check, context.label(kind), self.tr("Example: %1").replace("%1", example)
                )
            self.risk_boxes[kind.value] = check
            risk_layout.addWidget(check)
        form.addRow(context.field(("ground", "risks")), risks)
        if self.risk_boxes:
            risks.setFocusProxy(next(iter(self.risk_boxes.values())))
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
        examples = (
            self.tr("Examples: %1").replace("%1", context.local(question.examples))
            if question.examples is not None
            else ""
        )
        set_guidance(box, text, context.local(question.guidance), examples)
        if question.emphasised:  # the decision type's own or emphasised question
            layout.addWidget(wrapped_label(context.term("decision_type.emphasised"), muted=True))
        label = wrapped_label(text)
        layout.addWidget(label)
        path = ("answer", question.id, "value")
        if question.type is QuestionType.YES_NO_UNSURE:
            row, group = radio_row([context.term(f"answer.{v}") for v in ANSWER_VALUES], text)
            layout.addWidget(row)
            self.binder.radios(group, list(ANSWER_VALUES), path)
            label.setBuddy(row)
        elif question.type is QuestionType.CHOICE:
            combo = QComboBox()
            combo.setAccessibleName(text)
            combo.addItem(context.term("answer.none"), "")
            for choice in question.choices:
                combo.addItem(context.local(choice.label), choice.key)
            layout.addWidget(combo)
            self.binder.combo(combo, path)
            label.setBuddy(combo)
        else:
            answer = text_box(text, lines=3)
            layout.addWidget(answer)
            self.binder.text(answer, path)
            label.setBuddy(answer)
        note = QLineEdit()
        note.setPlaceholderText(context.field(("answer", "note")))
        note.setAccessibleName(f"{context.field(('answer', 'note'))}: {text}")
        layout.addWidget(note)
        self.binder.line(note, ("answer", question.id, "note"))
        return box

    def _on_value_changed(self, path: tuple[str, ...]) -> None:
        if path[:2] == ("ground", self.ground.key):
            self._update_enabled()
        if path[:1] in (("answer",), ("ground",)):
            self._update_shown()

    def _update_shown(self) -> None:
        """Show the questions whose conditions hold; a hidden one keeps its answer."""
        if not any(question.show_if for question in self.ground.questions):
            return
        hidden = hidden_questions(self.document.checklists, self.document.assessment)
        for qid, box in self.question_boxes.items():
            # setHidden, not setVisible(True): a page not yet shown must not pop up.
            box.setHidden(qid in hidden)

    def _update_enabled(self) -> None:
        ground = self.document.assessment.grounds.get(self.ground.key)
        relevant = ground is not None and ground.relevance is Relevance.RELEVANT
        self.impact.setEnabled(relevant)
        adverse = (
            relevant
            and ground is not None
            and ground.direction is not None
            and ground.direction.is_adverse
        )
        self.severity.setEnabled(adverse)
        self.no_measure.setEnabled(adverse)

"""Showing what an assessment holds that the current checklist no longer asks for.

A newer checklist version may drop a question or a ground; the caseworker's answers
stay in the assessment and are shown here, read-only and clearly marked, with the old
wording where the earlier version's file is available.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from desktop_app.domain.model import GroundAssessment
from desktop_app.domain.obsolete import KeptAnswer
from desktop_app.ui.context import UiContext
from desktop_app.ui.editor.document import AssessmentDocument
from desktop_app.ui.editor.widgets import heading, set_guidance, wrapped_label


def _tr_kept_title() -> str:
    return QCoreApplication.translate("KeptAnswers", "No longer in the checklist")


def _readable(text: str, *, muted: bool = False) -> QLabel:
    """A label that keyboard users can reach with Tab and select text in."""
    label = wrapped_label(text, muted=muted)
    label.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByMouse
        | Qt.TextInteractionFlag.TextSelectableByKeyboard
    )
    return label


def kept_answers_box(context: UiContext, kept: Sequence[KeptAnswer]) -> QGroupBox:
    box = QGroupBox(_tr_kept_title())
    box.setAccessibleName(_tr_kept_title())
    layout = QVBoxLayout(box)
    explanation = QCoreApplication.translate(
        "KeptAnswers",
        "These answers were given to questions that the current version of the checklist "
        "no longer has. They are kept with the assessment and are not counted as missing.",
    )
    layout.addWidget(wrapped_label(explanation, muted=True))
    set_guidance(box, _tr_kept_title(), explanation)
    for item in kept:
        question = (
            context.local(item.question.text)
            if item.question is not None
            else QCoreApplication.translate(
                "KeptAnswers", "Question %1 (its wording is not available)"
            ).replace("%1", item.answer.question_id)
        )
        layout.addWidget(_readable(question))
        if item.answer.value:
            layout.addWidget(
                _readable(
                    QCoreApplication.translate("KeptAnswers", "Answer: %1").replace(
                        "%1", context.answer(item.question, item.answer.value)
                    )
                )
            )
        if item.answer.note:
            layout.addWidget(
                _readable(
                    QCoreApplication.translate("KeptAnswers", "Note: %1").replace(
                        "%1", item.answer.note
                    )
                )
            )
    return box


def _ground_label(context: UiContext, document: AssessmentDocument, key: str) -> str:
    """The ground's name as the version the assessment was made with called it."""
    library = context.content.checklists
    assessment = document.assessment
    made_with = [
        library.version(assessment.framework_id, assessment.framework_version),
        *(library.version(m, v) for m, v in assessment.modules.items()),
    ]
    for checklist in [*(c for c in made_with if c), *library.all_versions.values()]:
        for ground in checklist.grounds:
            if ground.key == key:
                return ground.label(context.language)
    return key


def _ground_box(
    context: UiContext, document: AssessmentDocument, ground: GroundAssessment
) -> QGroupBox:
    box = QGroupBox(_ground_label(context, document, ground.ground_key))
    layout = QVBoxLayout(box)
    lines = [
        (("ground", "relevance"), context.label(ground.relevance)),
        (("ground", "justification"), ground.justification),
        (("ground", "direction"), context.label(ground.direction) if ground.direction else ""),
        (("ground", "severity"), context.label(ground.severity) if ground.severity else ""),
        (("ground", "groups"), ground.groups),
        (("ground", "evidence"), ground.evidence),
        (("ground", "risks"), ", ".join(context.label(r) for r in ground.risks)),
        (("ground", "no_measure_justification"), ground.no_measure_justification),
    ]
    for path, value in lines:
        if value:
            layout.addWidget(_readable(f"{context.field(path)}: {value}"))
    return box


class KeptPage(QWidget):
    """Grounds, and answers to their questions, that the current checklist lacks."""

    def __init__(
        self, context: UiContext, document: AssessmentDocument, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_tr_kept_title()))
        text = self.tr(
            "This assessment was made with an earlier version of its checklist. What was "
            "written for grounds and questions that the current version no longer has is "
            "kept here, unchanged. It is not counted as missing and cannot be edited."
        )
        layout.addWidget(wrapped_label(text))
        set_guidance(self, _tr_kept_title(), text)
        kept = document.kept
        current_grounds = {g.key for c in document.checklists for g in c.grounds}
        for ground in kept.grounds:
            layout.addWidget(_ground_box(context, document, ground))
        orphans = [a for a in kept.answers if a.ground_key not in current_grounds]
        if orphans:
            layout.addWidget(kept_answers_box(context, orphans))
        layout.addStretch(1)

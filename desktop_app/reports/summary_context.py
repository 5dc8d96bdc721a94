"""What every section of the summary needs: the data, the words and the styles."""

from __future__ import annotations

from enum import StrEnum

from reportlab.platypus import Flowable, Paragraph

from desktop_app.domain.assessment_document import AssessmentDocument
from desktop_app.domain.checklist import Ground
from desktop_app.domain.completeness import count_questions, find_gaps
from desktop_app.domain.fingerprint import fingerprint
from desktop_app.domain.model import (
    Direction,
    GroundAssessment,
    Measure,
    Relevance,
)
from desktop_app.reports.flowables import cell, para, paras
from desktop_app.reports.styles import Styles, make_styles
from desktop_app.reports.summary_input import ReviewNote, SummaryInput
from desktop_app.reports.text import format_day


class SummaryContext:
    def __init__(self, data: SummaryInput) -> None:
        self.data = data
        self.a = data.assessment
        self.lang = data.language
        self.vocab = data.vocabulary
        self.s: Styles = make_styles()
        # What people typed is in the assessment's language, which the PDF's may not be.
        other = self.a.language is not self.lang
        self.u: Styles = make_styles(self.a.language.value) if other else self.s
        self.grounds: list[Ground] = data.grounds
        self.gaps = find_gaps(self.a, data.checklists)
        self.questions = count_questions(self.a, data.checklists)
        self.fingerprint = fingerprint(self.a)
        # The body shared with review mode, its dates in the PDF's long form.
        self.doc = AssessmentDocument(
            self.a,
            data.checklists,
            self.vocab,
            self.lang,
            day=lambda value: format_day(value, self.lang),
            today=data.generated,
        )

    # Words

    def t(self, key: str, **values: object) -> str:
        return self.vocab.text(key, self.lang, **values)

    def label(self, value: StrEnum | None) -> str:
        return self.vocab.label(value, self.lang) if value is not None else self.t("pdf.none")

    def field(self, *path: str) -> str:
        return self.vocab.field(path, self.lang)

    def day(self, value: object) -> str:
        return format_day(value, self.lang)  # type: ignore[arg-type]

    def p(self, text: str, style: str = "body") -> Paragraph:
        return para(text, getattr(self.s, style))

    def cell(self, text: str, style: str = "cell") -> Flowable | list[Flowable]:
        """User text of any length in a table cell (in the assessment's language)."""
        return cell(text, getattr(self.u, style))

    def ps(self, text: str, style: str = "body") -> list[Flowable]:
        """User text of any length as paragraphs of bounded size (in the assessment's
        language)."""
        return paras(text, getattr(self.u, style))

    def addressed(self, note: ReviewNote) -> list[Paragraph]:
        """How the caseworker answered a review comment, if they have (wherever the
        comment is printed: beside its ground, or among the review's comments)."""
        if not note.addressed_by:
            return []
        text = self.t("pdf.review_addressed", name=note.addressed_by)
        if note.reply:
            text += f". {self.t('pdf.review_reply')}: {note.reply}"
        return [self.p(text, "note")]

    # Facts about the assessment

    def ground_assessment(self, ground: Ground) -> GroundAssessment | None:
        return self.a.grounds.get(ground.key)

    def relevance(self, ground: Ground) -> Relevance:
        ga = self.ground_assessment(ground)
        return ga.relevance if ga else Relevance.UNKNOWN

    def direction(self, ground: Ground) -> Direction | None:
        ga = self.ground_assessment(ground)
        return ga.direction if ga and ga.relevance is Relevance.RELEVANT else None

    def is_overdue(self, measure: Measure) -> bool:
        return measure.is_overdue(self.data.generated)

    def ground_names(self, keys: list[str]) -> str:
        labels = {g.key: g.label(self.lang) for g in self.grounds}
        # Semicolons: a label may have a comma of its own ("Kön, könsidentitet …").
        return "; ".join(labels.get(k, k) for k in keys)

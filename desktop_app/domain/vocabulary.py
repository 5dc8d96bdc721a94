"""The words the app uses for its own concepts, in every language.

Loaded from ``resources/guide/vocabulary.yaml``; see that file for why it exists.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from desktop_app.domain.checklist import ANSWER_VALUES, Question, QuestionType, Text
from desktop_app.domain.evaluation import ImpactAsExpected, MeasuresDone
from desktop_app.domain.evidence import EvidenceKind
from desktop_app.domain.followup import DueState
from desktop_app.domain.model import (
    Direction,
    Language,
    MeasureStatus,
    Outcome,
    Relevance,
    RiskKind,
    Severity,
    Status,
)
from desktop_app.domain.statistics import FigureUnit, StatisticsTopic
from desktop_app.domain.term_keys import field_key, label_key

# The vocabulary key prefix of each enum the UI and reports show.
ENUM_PREFIXES: dict[type[StrEnum], str] = {
    Language: "language",
    Status: "status",
    Relevance: "relevance",
    Direction: "direction",
    Severity: "severity",
    RiskKind: "risk",
    MeasureStatus: "measure_status",
    Outcome: "outcome",
    ImpactAsExpected: "impact_expected",
    MeasuresDone: "measures_done",
    DueState: "due_state",
    StatisticsTopic: "statistics.topic",
    FigureUnit: "statistics.unit",
    EvidenceKind: "evidence.kind",
}


@dataclass(frozen=True)
class Vocabulary:
    terms: Mapping[str, Text]
    lists: Mapping[str, Mapping[str, tuple[str, ...]]] = field(default_factory=dict)
    """Word lists per language that text rules need (e.g. ``memo.keep_capital``)."""

    def text(self, key: str, language: Language | str, **values: object) -> str:
        """The term ``key`` in ``language``, with ``{placeholders}`` filled in."""
        template = self.terms[key].get(language)
        return template.format(**values) if values else template

    def words(self, key: str, language: Language | str) -> tuple[str, ...]:
        """The word list ``key`` in ``language`` (empty if the list has none)."""
        return tuple(self.lists.get(key, {}).get(Language(language).value, ()))

    def label(self, value: StrEnum, language: Language | str) -> str:
        """The display name of an enum value, e.g. ``Status.DRAFT`` → "Utkast"."""
        return self.text(label_key(ENUM_PREFIXES[type(value)], value.value), language)

    def field(self, path: tuple[str, ...], language: Language | str) -> str:
        """The label of the field a path points at (the path's first and last part)."""
        return self.text(field_key(path), language)

    def answer(self, question: Question | None, value: str, language: Language | str) -> str:
        """An answer as the user gave it: the yes/no word, the choice's label, or the
        text as written ("" for none). ``question`` is None where its wording is gone
        (an answer kept from an earlier checklist version). One rule for the editor,
        the review view, the comparison and the PDF, so they word an answer alike."""
        if not value.strip():
            return ""
        if value in ANSWER_VALUES and (
            question is None or question.type is QuestionType.YES_NO_UNSURE
        ):
            return self.text(f"answer.{value}", language)
        if question is not None:
            for choice in question.choices:
                if choice.key == value:
                    return choice.label.get(language)
        return value

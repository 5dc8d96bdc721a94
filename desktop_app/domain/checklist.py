"""Checklist content: frameworks, their grounds and questions, and the guide's steps.

These are immutable values built by ``desktop_app.checklists`` from the files in
``resources/``; the domain rules and the UI only read them.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from desktop_app.domain.conditions import ShowIf
from desktop_app.domain.model import Language, RiskKind

LANGUAGES: tuple[Language, ...] = (Language.SV, Language.NB, Language.EN)


@dataclass(frozen=True)
class Text:
    """A text in every supported language."""

    sv: str
    nb: str
    en: str

    def get(self, language: Language | str) -> str:
        return str(getattr(self, Language(language).value))

    @classmethod
    def from_mapping(cls, values: Mapping[str, str]) -> Text:
        return cls(sv=values["sv"], nb=values["nb"], en=values["en"])


class QuestionType(StrEnum):
    YES_NO_UNSURE = "yes_no_unsure"
    TEXT = "text"
    CHOICE = "choice"


# The values a YES_NO_UNSURE question's answer takes; the vocabulary words them.
ANSWER_VALUES = ("yes", "no", "unsure")


class ChecklistKind(StrEnum):
    FRAMEWORK = "framework"
    MODULE = "module"


@dataclass(frozen=True)
class Choice:
    key: str
    label: Text


@dataclass(frozen=True)
class Question:
    id: str
    type: QuestionType
    text: Text
    guidance: Text
    examples: Text | None = None
    choices: tuple[Choice, ...] = ()
    # When the question is shown (None: always); see ``domain/conditions.py``.
    show_if: ShowIf | None = None
    # Especially important for the assessment's decision type (``decision_types.py``).
    emphasised: bool = False


@dataclass(frozen=True)
class Risk:
    """A kind of risk that matters for a ground, with an example of how it arises."""

    kind: RiskKind
    example: Text


@dataclass(frozen=True)
class Ground:
    """A discrimination ground of a framework, or a perspective of a module.

    ``term`` is the statutory wording; ``preferred_term`` is what the responsible
    authority recommends saying instead, shown beside it where the two differ.
    """

    key: str
    term: Text
    explanation: Text
    guidance: Text
    risks: tuple[Risk, ...]
    questions: tuple[Question, ...]
    preferred_term: Text | None = None

    def label(self, language: Language | str) -> str:
        """The name to show: the preferred term where one exists."""
        return (self.preferred_term or self.term).get(language)


@dataclass(frozen=True)
class Checklist:
    """One versioned content file: a framework (law) or an optional module."""

    id: str
    version: str
    kind: ChecklistKind
    name: Text
    law: Text
    description: Text
    grounds: tuple[Ground, ...]
    source: Path | None = field(default=None, compare=False)

    def ground(self, key: str) -> Ground:
        for ground in self.grounds:
            if ground.key == key:
                return ground
        raise KeyError(key)

    def questions(self) -> Iterator[Question]:
        for ground in self.grounds:
            yield from ground.questions


@dataclass(frozen=True)
class Step:
    """One of the four steps of the method, with what the user should do there."""

    key: str
    title: Text
    guidance: Text


STEP_KEYS: tuple[str, ...] = ("decision", "grounds", "measures", "conclusion")

"""Decision types: what kind of decision is being assessed (a budget, a procurement, a
plan...), as content. A type suggests modules when an assessment is created, adds its
own questions to grounds, and marks existing questions as especially important for this
kind of decision.

The type is applied to the checklists an assessment uses (``with_decision_type``), so
the editor, the PDF, review mode and the memo see the added questions as any other. An
answer to a type's question stays in the assessment when the type changes; it is then
shown as an answer the checklists no longer ask, like an answer from an older version.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from desktop_app.domain.checklist import Checklist, Question, Text


@dataclass(frozen=True)
class AddedQuestion:
    """A question a decision type adds to one ground (at the end of its questions)."""

    ground_key: str
    question: Question


@dataclass(frozen=True)
class DecisionType:
    key: str
    name: Text
    description: Text
    modules: tuple[str, ...] = ()
    emphasise: tuple[str, ...] = ()
    questions: tuple[AddedQuestion, ...] = ()
    source: Path | None = field(default=None, compare=False)


def with_decision_type(
    checklists: Sequence[Checklist], decision_type: DecisionType | None
) -> list[Checklist]:
    """The checklists as an assessment of this type asks them: the type's questions added
    to the first checklist that has their ground, its emphasised questions marked."""
    if decision_type is None:
        return list(checklists)
    pending = list(decision_type.questions)
    emphasised = set(decision_type.emphasise)
    result = []
    for checklist in checklists:
        grounds = []
        for ground in checklist.grounds:
            questions = [
                replace(q, emphasised=True) if q.id in emphasised else q for q in ground.questions
            ]
            for added in [a for a in pending if a.ground_key == ground.key]:
                questions.append(replace(added.question, emphasised=True))
                pending.remove(added)
            grounds.append(replace(ground, questions=tuple(questions)))
        result.append(replace(checklist, grounds=tuple(grounds)))
    return result


def find_type(types: Mapping[str, DecisionType], key: str) -> DecisionType | None:
    """The type of that key, or None for no type or one not installed here (an
    assessment imported from an organisation with types of its own keeps its key)."""
    return types.get(key) if key else None


def type_label(types: Mapping[str, DecisionType], key: str, language: str) -> str:
    """How to name a type: its name, or its key where it is not installed here."""
    found = find_type(types, key)
    return found.name.get(language) if found else key

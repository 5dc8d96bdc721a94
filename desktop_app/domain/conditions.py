"""Conditional questions: a checklist question may be shown only when an earlier answer
is one of some values, or when a ground has been judged relevant.

A hidden question is not asked, not printed and not counted as unanswered, but its
answer is never dropped: it stays in the assessment and shows again when the condition
holds again (a caseworker who flips an answer back and forth loses nothing). A question
whose condition refers to a hidden question is hidden too, so a chain of follow-ups
closes from the top. The loader (``checklists/loader.py``) makes sure a condition only
looks back to an earlier question of the same file, so conditions can never go round in a
circle.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop_app.domain.model import Assessment, Relevance

if TYPE_CHECKING:
    from desktop_app.domain.checklist import Checklist


@dataclass(frozen=True)
class ShowIf:
    """When a question is shown: ``question``'s answer is one of ``values``, or (with
    ``ground``) that ground is judged relevant."""

    question: str | None = None
    values: tuple[str, ...] = ()
    ground: str | None = None

    def holds(self, assessment: Assessment, hidden: Iterable[str] = ()) -> bool:
        if self.ground is not None:
            judged = assessment.grounds.get(self.ground)
            return judged is not None and judged.relevance is Relevance.RELEVANT
        if self.question is None or self.question in hidden:
            return False
        answer = assessment.answers.get(self.question)
        return answer is not None and answer.value in self.values


def hidden_questions(checklists: Iterable[Checklist], assessment: Assessment) -> frozenset[str]:
    """The ids of the questions that are not shown for this assessment, given its answers
    and its grounds' relevance (checklists in the order the editor shows them)."""
    hidden: set[str] = set()
    for checklist in checklists:
        for question in checklist.questions():
            condition = question.show_if
            if condition is not None and not condition.holds(assessment, hidden):
                hidden.add(question.id)
    return frozenset(hidden)

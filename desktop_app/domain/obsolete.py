"""What an assessment holds that the current checklists no longer ask for.

A newer checklist version may drop or rename a question or a ground. The caseworker's
answers to it are never dropped: they stay in the assessment and the editor shows them
as "no longer in the checklist". This module finds them; it knows nothing of widgets.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from desktop_app.domain.checklist import Checklist, Question
from desktop_app.domain.model import Answer, Assessment, GroundAssessment


@dataclass(frozen=True)
class KeptAnswer:
    """An answer to a question the current checklists do not have.

    ``question`` is the question as the earlier version worded it, when that
    version's file is loaded; otherwise only the answer's id is known.
    """

    answer: Answer
    ground_key: str
    question: Question | None = None


@dataclass(frozen=True)
class KeptContent:
    answers: tuple[KeptAnswer, ...] = ()
    grounds: tuple[GroundAssessment, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.answers or self.grounds)

    def answers_for(self, ground_key: str) -> list[KeptAnswer]:
        return [kept for kept in self.answers if kept.ground_key == ground_key]


def _is_empty(ground: GroundAssessment) -> bool:
    return ground == GroundAssessment(ground_key=ground.ground_key)


def find_kept(
    assessment: Assessment,
    current: Iterable[Checklist],
    *,
    earlier: Iterable[Checklist] = (),
    switched_off: Iterable[Checklist] = (),
) -> KeptContent:
    """Answers and ground assessments that no current checklist asks for.

    ``earlier`` are older versions (to find the old wording); ``switched_off`` are
    modules the assessment does not use now: what was written for them is hidden by
    choice, not obsolete, and comes back when the module is switched on again.
    """
    current = list(current)
    question_ids = {q.id for checklist in current for q in checklist.questions()}
    ground_keys = {g.key for checklist in current for g in checklist.grounds}
    hidden = {g.key for checklist in switched_off for g in checklist.grounds}
    old_questions = {q.id: q for checklist in earlier for q in checklist.questions()}
    answers = tuple(
        KeptAnswer(answer, answer.question_id.split(".")[0], old_questions.get(answer.question_id))
        for qid, answer in sorted(assessment.answers.items())
        if (answer.value or answer.note)
        and qid not in question_ids
        and qid.split(".")[0] not in hidden
    )
    grounds = tuple(
        ground
        for key, ground in sorted(assessment.grounds.items())
        if key not in ground_keys and key not in hidden and not _is_empty(ground)
    )
    return KeptContent(answers=answers, grounds=grounds)

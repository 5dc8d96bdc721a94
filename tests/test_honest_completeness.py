"""Completeness says what is really there: unanswered checklist questions are counted
apart from required items, and a step is done only when what it needs is there."""

from __future__ import annotations

from desktop_app.domain.completeness import (
    ItemState,
    count_questions,
    find_gaps,
    step_state,
)
from desktop_app.domain.conditions import hidden_questions
from desktop_app.domain.model import Relevance
from tests.helpers import complete_assessment


def test_questions_of_relevant_grounds_are_counted(content) -> None:
    framework = content.checklists.get("se-dl")
    a = complete_assessment(content)

    def asked() -> list[str]:
        """The questions shown: of the relevant grounds, without the hidden follow-ups."""
        hidden = hidden_questions([framework], a)
        return [
            q.id
            for g in framework.grounds
            if a.grounds[g.key].relevance is Relevance.RELEVANT
            for q in g.questions
            if q.id not in hidden
        ]

    total = len(asked())
    answered = sum(1 for q in asked() if (x := a.answers.get(q)) and x.value.strip())
    count = count_questions(a, [framework])
    assert (count.total, count.unanswered) == (total, total - answered)
    assert total > 0
    for question in framework.questions():
        a.answers.pop(question.id, None)
    count = count_questions(a, [framework])
    assert (count.total, count.unanswered) == (len(asked()), len(asked()))
    relevant = next(
        g for g in framework.grounds if a.grounds[g.key].relevance is Relevance.RELEVANT
    )
    before = len(asked())
    a.grounds[relevant.key].relevance = Relevance.NOT_RELEVANT  # its questions drop out
    assert count_questions(a, [framework]).total == len(asked()) < before
    for question in framework.questions():
        a.answer(question.id).value = "yes"
    assert count_questions(a, [framework]).unanswered == 0


def test_measures_step_is_not_done_while_a_negative_impact_waits_for_a_measure(content) -> None:
    framework = content.checklists.get("se-dl")
    a = complete_assessment(content)
    assert step_state("measures", find_gaps(a, [framework])) is ItemState.DONE
    a.measures.clear()
    for ground in a.grounds.values():
        ground.no_measure_justification = ""
    gaps = find_gaps(a, [framework])
    assert any(g.code == "ground.measure_or_justification.missing" for g in gaps)
    assert step_state("measures", gaps) is ItemState.MISSING


def test_pdf_page_one_counts_unanswered_questions_apart(content, tmp_path) -> None:
    from pypdf import PdfReader

    from tests.test_pdf import render

    framework = content.checklists.get("se-dl")
    a = complete_assessment(content)
    count = count_questions(a, [framework])
    assert count.unanswered > 0
    first = PdfReader(render(content, a, tmp_path)).pages[0].extract_text()
    first = " ".join(first.split())
    assert "obligatoriska uppgifter saknas" in first
    assert f"{count.unanswered} av {count.total} frågor obesvarade" in first


def test_a_hidden_question_is_neither_asked_nor_counted(content) -> None:
    """Issue 17: a follow-up that is not shown is not counted as unanswered."""
    from desktop_app.domain.model import Answer

    framework = content.checklists.get("se-dl")
    a = complete_assessment(content)
    a.grounds["age"].relevance = Relevance.RELEVANT
    a.answers.pop("age.child_rights", None)
    a.answers["age.groups"] = Answer("age.groups", "children_young")
    shown = count_questions(a, [framework])
    a.answers["age.groups"] = Answer("age.groups", "older")  # hides age.child_rights
    hidden = count_questions(a, [framework])
    assert (hidden.total, hidden.unanswered) == (shown.total - 1, shown.unanswered - 1)

"""Completeness says what is really there: unanswered checklist questions are counted
apart from required items, and a step is done only when what it needs is there."""

from __future__ import annotations

from desktop_app.domain.completeness import (
    ItemState,
    count_questions,
    find_gaps,
    step_state,
)
from desktop_app.domain.model import Relevance
from tests.helpers import complete_assessment


def test_questions_of_relevant_grounds_are_counted(content) -> None:
    framework = content.checklists.get("se-dl")
    a = complete_assessment(content)
    relevant = [g for g in framework.grounds if a.grounds[g.key].relevance is Relevance.RELEVANT]
    total = sum(len(g.questions) for g in relevant)
    answered = sum(
        1 for g in relevant for q in g.questions if (x := a.answers.get(q.id)) and x.value.strip()
    )
    count = count_questions(a, [framework])
    assert (count.total, count.unanswered) == (total, total - answered)
    assert total > 0
    for question in (q for g in relevant for q in g.questions):
        a.answers.pop(question.id, None)
    assert count_questions(a, [framework]).unanswered == total
    a.grounds[relevant[0].key].relevance = Relevance.NOT_RELEVANT  # its questions drop out
    assert count_questions(a, [framework]).total == total - len(relevant[0].questions)
    for question in (q for g in relevant for q in g.questions):
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

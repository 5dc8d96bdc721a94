"""The editor and review mode count unanswered questions apart from required items,
and the Measures step is not ticked while a negative impact waits for a measure."""

from __future__ import annotations

from desktop_app.domain.model import Status
from desktop_app.ui.editor.editor_window import EditorWindow
from desktop_app.ui.review.review_window import ReviewWindow
from tests.helpers import complete_assessment


def test_editor_shows_unanswered_questions_and_an_honest_measures_step(qtbot, context) -> None:
    a = context.service.repository.create(complete_assessment(context.content))
    count = context.service.question_count(a)
    assert count.unanswered > 0
    a.measures.clear()
    for ground in a.grounds.values():
        ground.no_measure_justification = ""
    editor = EditorWindow(context, a)
    qtbot.addWidget(editor)
    editor.show()
    expected = f"{count.unanswered} of {count.total} checklist questions not answered"
    assert editor.gaps.questions.isVisible()
    assert editor.gaps.questions.text() == expected
    measures = editor.navigation._items[("step", "measures")]
    assert not measures.text(0).startswith("✓"), measures.text(0)
    assert "left" in measures.text(0)


def test_review_mode_shows_unanswered_questions(qtbot, context) -> None:
    service = context.service
    a = service.repository.create(complete_assessment(context.content))
    service.change_status(a, Status.IN_REVIEW)
    count = service.question_count(a)
    review = ReviewWindow(context, a)
    qtbot.addWidget(review)
    review.show()
    text = review.browser.toPlainText()
    assert f"{count.unanswered} of {count.total} checklist questions not answered" in text

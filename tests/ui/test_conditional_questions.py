"""A conditional question in the editor: hidden until its condition holds, and an answer
given before the condition changed is kept and shown again (issue 17)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from tests.helpers import complete_assessment
from tests.ui.editor_helpers import open_editor, stored


def test_a_follow_up_appears_hides_and_keeps_its_answer(qtbot, context, content) -> None:
    assessment = complete_assessment(content)
    assessment.modules = {"minorities": "1.0"}
    assessment = context.service.repository.create(assessment)
    editor = open_editor(qtbot, context, assessment)
    page = editor.show_page(("ground", "sami"))
    follow_up = page.question_boxes["sami.consultation"]
    assert follow_up.isHidden()
    assert not page.question_boxes["sami.importance"].isHidden()

    document = editor.document
    document.edit(("answer", "sami.importance", "value"), "yes")
    assert not follow_up.isHidden()
    assert page.question_boxes["sami.parties_outcome"].isHidden()
    document.edit(("answer", "sami.consultation", "value"), "done")
    assert not page.question_boxes["sami.parties_outcome"].isHidden()

    # "No": the whole chain hides; the answer below stays in the assessment.
    document.edit(("answer", "sami.importance", "value"), "no")
    assert follow_up.isHidden()
    assert page.question_boxes["sami.parties_outcome"].isHidden()
    assert document.save_now()
    assert stored(context, editor).answers["sami.consultation"].value == "done"

    # Back to "possibly": shown again with the answer given before.
    document.edit(("answer", "sami.importance", "value"), "possibly")
    assert not follow_up.isHidden()
    combo = follow_up.findChild(QComboBox)
    assert combo is not None
    assert combo.currentData() == "done"

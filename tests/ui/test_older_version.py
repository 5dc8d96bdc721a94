"""An assessment made with an older checklist version opens, shows its answers, and
shows the answers to questions that no longer exist as such; nothing is dropped."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from desktop_app.app.service import AssessmentService, Identity
from desktop_app.checklists.guide import load_content
from desktop_app.domain.model import Answer, Language, Relevance
from desktop_app.ui.context import UiContext
from desktop_app.ui.editor.editor_window import KEPT_PAGE
from tests.checklist_versions import DROPPED_QUESTION, write_newer_swedish_checklist
from tests.helpers import complete_assessment
from tests.ui.editor_helpers import open_editor, stored


def texts(widget) -> str:
    return "\n".join(label.text() for label in widget.findChildren(QLabel))


def test_answers_from_an_older_version_are_kept_and_shown(
    qtbot, content, repository, settings, tmp_path
) -> None:
    # Made with the built-in version 1.0 ...
    assessment = complete_assessment(content)
    assessment.answers["age.groups"] = Answer("age.groups", "children_young", "Förskolebarn")
    assessment.answers[DROPPED_QUESTION] = Answer(DROPPED_QUESTION, "yes", "Gräns vid 65 år")
    assessment.answers["religion.heard"] = Answer("religion.heard", "no", "Ingen dialog")
    repository.create(assessment)
    # ... opened where the organisation's folder has version 1.1.
    write_newer_swedish_checklist(tmp_path / "own")
    newer = load_content([tmp_path / "own"])
    service = AssessmentService(repository, newer, Identity("Ája", "aja"))
    context = UiContext(service=service, settings=settings, language=Language.SV)
    editor = open_editor(qtbot, context, repository.get(assessment.id))

    assert editor.banner.isVisible()
    assert "version 1.0; the current version is 1.1" in editor.banner.text()
    # Answers to questions that still exist show as usual.
    page = editor.show_page(("ground", "age"))
    assert editor.document.value(("answer", "age.groups", "note")) == "Förskolebarn"
    # The dropped question: kept, with its old wording, marked as no longer asked.
    shown = texts(page)
    assert "No longer in the checklist" in [b.title() for b in page.findChildren(type(page.impact))]
    old = content.checklists.get("se-dl").ground("age")
    old_text = next(q for q in old.questions if q.id == DROPPED_QUESTION).text.sv
    assert old_text in shown
    assert "Answer: Ja" in shown and "Note: Gräns vid 65 år" in shown
    # The renamed ground: its assessment and answers on their own page.
    assert editor.navigation.has(KEPT_PAGE)
    kept_page = editor.show_page(KEPT_PAGE)
    shown = texts(kept_page)
    assert "Religion eller annan trosuppfattning" in [
        b.title() for b in kept_page.findChildren(type(page.impact))
    ]
    assert "Inga skillnader i besöksmönster enligt statistiken." in shown
    assert "Note: Ingen dialog" in shown
    # Not counted as missing; the new ground is.
    assert {g.ground_key for g in editor.document.gaps} == {"religion_or_belief"}

    # Editing and saving keeps every old answer in the register.
    editor.document.set_value(("decision", "title"), "Ändrad efter uppdateringen")
    assert editor.document.save_now()
    saved = stored(context, editor)
    assert saved.answers[DROPPED_QUESTION].note == "Gräns vid 65 år"
    assert saved.answers["religion.heard"].value == "no"
    assert saved.grounds["religion"].relevance is Relevance.NOT_RELEVANT
    assert saved.framework_version == "1.0"  # what it was made with stays recorded

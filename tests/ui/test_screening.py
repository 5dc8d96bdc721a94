"""The screening page: every ground and perspective on one page, with suggestions."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QLabel

from desktop_app.domain.model import Relevance
from desktop_app.ui.editor.ground_page import GroundPage
from desktop_app.ui.editor.screening_page import ScreeningPage
from tests.ui.editor_helpers import open_editor
from tests.ui.typing_helpers import type_text


def test_screen_all_grounds_on_one_page_then_go_deep(qtbot, context) -> None:
    assessment = context.service.new_assessment(modules=["minorities"])
    editor = open_editor(qtbot, context, assessment)
    page = editor.show_page(("step", "grounds"))
    assert isinstance(page, ScreeningPage)
    framework_keys = [g.key for g in editor.document.checklists[0].grounds]
    assert list(page.reasons) == [*framework_keys, "national_minorities", "sami"]

    for key in page.reasons:
        page.relevance[key].button(1).click()  # not relevant
        type_text(page.reasons[key], "Berör inte gruppen.")
    page.relevance["sami"].button(0).click()  # relevant after all
    grounds = editor.document.assessment.grounds
    assert grounds["sami"].relevance is Relevance.RELEVANT
    assert grounds["age"].justification == "Berör inte gruppen."
    # Only the relevant one still needs work (its impact), on its own page.
    assert {g.ground_key for g in editor.document.gaps if g.step == "grounds"} == {"sami"}
    assert not page.open_buttons["sami"].isFlat() and page.open_buttons["age"].isFlat()
    page.open_buttons["sami"].click()
    deep = editor.current_page()
    assert isinstance(deep, GroundPage) and deep.ground.key == "sami"
    assert deep.justification.toPlainText() == "Berör inte gruppen."
    assert deep.impact.isEnabled()
    # The statutory term is shown where the preferred one differs.
    term_note = [label.text() for label in page.findChildren(QLabel)]
    assert any("Term in the law: Könsöverskridande identitet eller uttryck" in t for t in term_note)


def test_suggestions_follow_the_decision_text(qtbot, context) -> None:
    editor = open_editor(qtbot, context)
    page = editor.show_page(("step", "grounds"))
    assert not any(label.isVisibleTo(page) for label in page.suggestion_labels.values())

    decision = editor.show_page(("step", "decision"))
    type_text(
        decision.fields["description"],
        "Färdtjänsten får nya avgifter. Äldre och personer med funktionsnedsättning "
        "som använder rullstol berörs mest.",
    )
    age, disability = page.suggestion_labels["age"], page.suggestion_labels["disability"]
    assert age.isVisibleTo(page) and "“Äldre”" in age.text()
    assert disability.isVisibleTo(page) and "funktionsnedsättning" in disability.text()
    assert not page.suggestion_labels["religion"].isVisibleTo(page)
    # It only proposes: nothing was set.
    assert editor.document.assessment.grounds.get("age") is None or (
        editor.document.assessment.grounds["age"].relevance is Relevance.UNKNOWN
    )
    # The ground's own page shows the same hint.
    ground = editor.show_page(("ground", "age"))
    assert any("“Äldre”" in label.text() for label in ground.findChildren(type(age)))

    decision.fields["description"].setPlainText("Nya öppettider.")
    assert not age.isVisibleTo(page)


def test_guidance_beside_the_field_follows_focus(qtbot, context) -> None:
    editor = open_editor(qtbot, context, active=True)
    page = editor.show_page(("ground", "disability"))
    question = page.ground.questions[0]
    note = next(
        w for w in page.findChildren(type(page.groups)) if question.text.sv in w.accessibleName()
    )
    note.setFocus()
    guidance = editor.guidance.html()
    assert html.escape(question.guidance.sv[:60]) in guidance
    assert html.escape(question.text.sv) in guidance
    if question.examples is not None:
        assert html.escape(f"Examples: {question.examples.sv[:40]}") in guidance
    page.justification.setFocus()
    assert html.escape(page.ground.guidance.sv[:60]) in editor.guidance.html()
    # Screen readers get the same help as the field's description.
    assert note.parentWidget().accessibleDescription().startswith(question.guidance.sv[:60])

"""The memo text in the editor: the same text as `lika summary`, in the assessment's
language, following edits, with a Copy button."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication

from desktop_app.domain.memo import memo_text
from desktop_app.domain.model import Language
from desktop_app.ui.editor.editor_window import MEMO_PAGE
from tests.helpers import complete_assessment
from tests.ui.editor_helpers import open_editor


def test_memo_text_is_shown_follows_edits_and_copies(qtbot, context, content) -> None:
    assessment = context.service.repository.create(complete_assessment(content))
    editor = open_editor(qtbot, context, assessment)
    page = editor.show_page(MEMO_PAGE)
    expected = memo_text(assessment, editor.document.checklists, content.vocabulary, Language.SV)
    assert page.text.toPlainText() == expected
    assert "Meröppet" in expected or "meröppet" in expected

    editor.document.set_value(("assessment", "language"), "nb")
    text = page.text.toPlainText()
    assert text == memo_text(
        editor.document.assessment, editor.document.checklists, content.vocabulary, Language.NB
    )
    assert text != expected
    assert "Norsk" in page.language_note.text()

    page.copy_button.click()
    assert QGuiApplication.clipboard().text() == text
    assert page.copied.text()


def test_the_memo_can_be_copied_from_a_read_only_assessment(qtbot, context, content) -> None:
    from desktop_app.domain.model import Status

    assessment = context.service.repository.create(complete_assessment(content))
    context.service.change_status(assessment, Status.IN_REVIEW)
    editor = open_editor(qtbot, context, context.service.repository.get(assessment.id))
    page = editor.show_page(MEMO_PAGE)
    assert page.copy_button.isEnabled()


def test_copy_puts_html_with_both_tables_beside_the_plain_text(qtbot, context, content) -> None:
    assessment = context.service.repository.create(complete_assessment(content))
    editor = open_editor(qtbot, context, assessment)
    page = editor.show_page(MEMO_PAGE)
    page.copy_button.click()
    data = QGuiApplication.clipboard().mimeData()
    assert data.text() == page.text.toPlainText()
    html = data.html()
    assert "<h2>Konsekvenser för jämlikhet</h2>" in html
    assert html.count("<table") == 2
    assert "Máret Ŋuolja-Čáhppes" in html


def test_export_memo_section_writes_a_word_file(qtbot, context, content, tmp_path) -> None:
    import docx

    assessment = context.service.repository.create(complete_assessment(content))
    editor = open_editor(qtbot, context, assessment)
    page = editor.show_page(MEMO_PAGE)
    asked: list[str] = []
    page.ask_file = lambda suggested: asked.append(suggested) or tmp_path / "memo"
    assert page.export_button.isEnabled()
    page.export_button.click()
    assert asked and asked[0].endswith("-memo.docx")
    document = docx.Document(str(tmp_path / "memo.docx"))
    assert document.paragraphs[0].text == "Konsekvenser för jämlikhet"
    assert len(document.tables) == 2
    assert "memo.docx" in page.copied.text()

"""The PDF body and review mode render one document (``domain.assessment_document``):
whatever the model holds is in both, so a field added to it shows in both."""

from __future__ import annotations

from datetime import date

from desktop_app.domain.assessment_document import AssessmentDocument
from desktop_app.domain.document import (
    Block,
    Bullets,
    Facts,
    Heading,
    Paragraph,
    Together,
)
from desktop_app.domain.evidence import Evidence, EvidenceKind
from desktop_app.ui.review.review_window import ReviewWindow
from tests.helpers import complete_assessment
from tests.pdfcheck import pdf_text
from tests.test_pdf import render


def texts(blocks: list[Block]) -> list[str]:
    """The words of the blocks both outputs lay out as running text (tables' cells wrap
    in columns, which a PDF's text extraction interleaves)."""
    found: list[str] = []
    for block in blocks:
        match block:
            case Heading() | Paragraph():
                found.append(block.text)
            case Bullets():
                found.append(block.label)
                found += [f"{i.prefix}{i.text}{i.suffix}" for i in block.items]
            case Facts():
                found += [label for label, _value in block.pairs]
            case Together():
                found += texts(list(block.blocks))
    return [" ".join(t.split()) for t in found]


def test_the_shared_body_is_in_the_pdf_and_in_review_mode(qtbot, context, tmp_path) -> None:
    content = context.content
    a = complete_assessment(content)
    a.evidence.append(
        Evidence(
            kind=EvidenceKind.RECORD,
            title="Besöksräkning",
            reference="KS 2026/0399",
            note="Räknat av personalen i mars",
            target="age",
        )
    )
    a = context.service.repository.create(a)
    checklists = [content.checklists.get(a.framework_id)]
    # Dates are written differently on paper and on screen: left out here.
    doc = AssessmentDocument(
        a, checklists, content.vocabulary, context.language, day=lambda _day: "",
        today=date(2026, 11, 23),
    )  # fmt: skip
    expected = texts(doc.body())
    assert "Motivering" in expected and "Räknat av personalen i mars" in " ".join(expected)

    window = ReviewWindow(context, a)
    qtbot.addWidget(window)
    screen = " ".join(window.browser.toPlainText().split())
    paper = " ".join(pdf_text(render(content, a, tmp_path)).split())
    for text in expected:
        assert text in screen, text
        assert text in paper, text

"""The PDF summary: content, languages, fonts, metadata, names in other scripts."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pikepdf
import pytest
from pypdf import PdfReader

from desktop_app.domain.checklist import QuestionType
from desktop_app.domain.fingerprint import content_digest, fingerprint
from desktop_app.domain.model import Answer, Language, Status, StatusChange
from desktop_app.reports.assessment_pdf import (
    Approval,
    ReviewNote,
    SummaryInput,
    render_summary,
)
from tests.helpers import OTHER_SCRIPT_NAMES, SAMI_NAME, complete_assessment
from tests.pdfcheck import fonts_of, pdf_text, pdfa_problems, pdffonts, poppler_text

ARABIC_OWNER = "Kommunikatör فاطمة الحسيني"


def render(content, assessment, tmp_path, language=Language.SV, **extra):
    out = tmp_path / f"summary-{language.value}.pdf"
    render_summary(
        SummaryInput(
            assessment=assessment,
            checklists=[content.checklists.get(assessment.framework_id)],
            vocabulary=content.vocabulary,
            history=list(extra.pop("history", ())),
            generated=date(2026, 11, 23),
            language=language,
            **extra,
        ),
        out,
    )
    return out


def in_order(text: str, parts: list[str]) -> None:
    text = " ".join(text.split())  # a cell may wrap anywhere
    position = 0
    for part in parts:  # each one after the one before
        found = text.find(part, position)
        assert found >= 0, f"{part!r} missing after position {position}"
        position = found + len(part)


def test_summary_has_the_sections_in_order(content, tmp_path) -> None:
    a = complete_assessment(content)
    text = pdf_text(render(content, a, tmp_path))
    in_order(
        text,
        [
            a.decision.title,
            "KS 2026/0412",
            "Slutsats",
            "Beslutet kan fattas med åtgärderna",
            "relevanta grunder av 7",
            "Påverkan per diskrimineringsgrund",
            "Åtgärder",
            "Beslutet",
            "Relevanta diskrimineringsgrunder",
            "inte vara relevanta",
            "Uppföljning",
            "Granskning och godkännande",
            "Bilaga: svar på checklistans frågor",
        ],
    )
    assert "UTKAST" in text
    assert f"Fingeravtryck {fingerprint(a)}" in text
    assert "Checklista Diskrimineringslagen 1.0" in text
    assert "Sida 1 av" in text
    assert "Skapad 23 november 2026" in text


def test_first_page_has_the_conclusion_and_the_overview(content, tmp_path) -> None:
    a = complete_assessment(content)
    first = PdfReader(render(content, a, tmp_path)).pages[0].extract_text()
    for part in (
        "Kiruna kommun",
        "Kultur- och fritidsnämnden",
        "Handläggare",
        "Granskare",
        "Beslutet kan fattas om meröppet införs.",
        "▼ Negativ",  # impact as symbol and word, not colour alone
        "■■□ Medel",
        "Inte relevant",
    ):
        assert part in first, part


def test_names_in_sami_and_other_scripts_come_back_exactly(content, tmp_path) -> None:
    text = pdf_text(render(content, complete_assessment(content), tmp_path))
    assert SAMI_NAME in text
    for name in OTHER_SCRIPT_NAMES:
        assert name in text


def test_arabic_names_are_shaped_and_in_reading_order(content, tmp_path) -> None:
    a = complete_assessment(content)
    a.measures[0].owner = ARABIC_OWNER
    a.ground("age").justification = f"Kontakt: {ARABIC_OWNER}, 1 mars 2027."
    a.decision.affected_groups.append("Föräldraföreningen – جمعية أولياء الأمور")
    out = render(content, a, tmp_path)
    # poppler reads the drawn glyphs back into logical order: the words are in the order
    # they were typed, and the comma and date after the name stay after it.
    text = poppler_text(out)
    assert f"{ARABIC_OWNER}, 1 mars 2027" in text
    assert "Föräldraföreningen – جمعية أولياء الأمور" in text
    # The drawn text is shaped: joined presentation forms, not isolated letters.
    raw = pdf_text(out)
    assert "\ufe93" in raw or "\ufe94" in raw  # teh marbuta in its final forms


@pytest.mark.parametrize(
    ("language", "words"),
    [
        (Language.SV, ["Slutsats", "Åtgärder", "Sida 1 av", "UTKAST", "1 mars 2027", "Bilaga"]),
        (Language.NB, ["Konklusjon", "Tiltak", "Side 1 av", "UTKAST", "1. mars 2027", "Vedlegg"]),
        (Language.EN, ["Conclusion", "Measures", "Page 1 of", "DRAFT", "1 March 2027", "Appendix"]),
    ],
)
def test_labels_and_dates_follow_the_language(content, tmp_path, language, words) -> None:
    text = pdf_text(render(content, complete_assessment(content), tmp_path, language))
    for word in words:
        assert word in text


def test_every_font_is_embedded(content, tmp_path) -> None:
    out = render(content, complete_assessment(content), tmp_path)
    fonts = fonts_of(out)
    assert fonts
    assert all(fonts.values()), fonts
    assert not [name for name in fonts if "Helvetica" in name]
    assert all(embedded for _, embedded in pdffonts(out)), pdffonts(out)


def test_metadata_and_bookmarks(content, tmp_path) -> None:
    a = complete_assessment(content)
    reader = PdfReader(render(content, a, tmp_path, Language.NB))
    assert reader.metadata.title == a.decision.title
    assert reader.metadata.author == SAMI_NAME
    assert reader.metadata.subject == "Konsekvensvurdering – likestilling og diskriminering"
    assert "KS 2026/0412" in reader.metadata["/Keywords"]
    assert reader.trailer["/Root"]["/Lang"] == "nb"
    top = [item.title for item in reader.outline if not isinstance(item, list)]
    assert top[:4] == [
        a.decision.title,
        "Virkning per diskrimineringsgrunnlag",
        "Tiltak",
        "Vedtaket",
    ]
    assert "Vedlegg: svar på sjekklistens spørsmål" in top
    nested = [i.title for group in reader.outline if isinstance(group, list) for i in group]
    assert any("Alder" in title for title in nested)  # each relevant ground has its own


def test_pdf_a_2b_is_declared_and_validates(content, tmp_path) -> None:
    out = render(content, complete_assessment(content), tmp_path)
    with pikepdf.open(out) as pdf:
        meta = pdf.open_metadata()
        assert meta["pdfaid:part"] == "2"
        assert meta["pdfaid:conformance"] == "B"
        intents = pdf.Root.OutputIntents
        assert intents[0].S == "/GTS_PDFA1"
        assert all("/Trans" not in page.obj for page in pdf.pages)
        assert pdfa_problems(pdf) == []


def test_approval_review_notes_and_history(content, tmp_path) -> None:
    a = complete_assessment(content)
    a.status = Status.APPROVED
    at = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)
    history = [
        StatusChange(Status.DRAFT, Status.IN_REVIEW, SAMI_NAME, "maret", at, "Klar."),
        StatusChange(
            Status.IN_REVIEW,
            Status.APPROVED,
            "Henrik Sjödin",
            "henrik",
            at,
            "Bra.",
            content_digest(a),
        ),
    ]
    notes = [ReviewNote("Henrik Sjödin", at, "Beskriv kvällsbesökarna tydligare.", "decision")]
    text = pdf_text(render(content, a, tmp_path, history=history, review_notes=notes))
    assert "UTKAST" not in text
    assert "Godkänd av Henrik Sjödin" in text
    assert "stämmer med detta dokument" in text
    assert "Beskriv kvällsbesökarna tydligare." in text
    assert "Granskare" in text and "Henrik Sjödin" in text
    in_order(text, ["Statushistorik", "Under granskning", SAMI_NAME, "Godkänd", "Bra."])


def test_self_approval_and_a_changed_fingerprint_are_pointed_out(content, tmp_path) -> None:
    a = complete_assessment(content)
    a.status = Status.APPROVED
    approval = Approval("Ája Ŋuolja", datetime(2026, 11, 20, tzinfo=UTC), "0000-0000-0000", True)
    text = pdf_text(render(content, a, tmp_path, approval=approval))
    assert "Självgodkänd: godkänd av samma person som skrev eller lämnade in bedömningen" in text
    assert "STÄMMER INTE" in text


def test_an_approval_without_fingerprint_is_said_as_such(content, tmp_path) -> None:
    a = complete_assessment(content)
    a.status = Status.APPROVED
    approval = Approval("Henrik Sjödin", datetime(2026, 11, 20, tzinfo=UTC), "", False)
    text = " ".join(pdf_text(render(content, a, tmp_path, approval=approval)).split())
    assert "Godkännandet sparade inget fingeravtryck" in text
    assert "Godkänt fingeravtryck" not in text and "STÄMMER INTE" not in text


def test_appendix_lists_answers_question_by_question(content, tmp_path) -> None:
    a = complete_assessment(content)
    question = next(
        q
        for q in content.checklists.get("se-dl").ground("age").questions
        if q.type is QuestionType.YES_NO_UNSURE
    )
    a.answers[question.id] = Answer(question.id, "yes", "Enligt besöksstatistiken.")
    text = pdf_text(render(content, a, tmp_path))
    in_order(text, ["Bilaga", question.text.sv, "Ja", "Enligt besöksstatistiken."])


def test_every_demo_assessment_is_valid_pdf_a_in_its_language(content, service, tmp_path):
    from desktop_app.app.demo import load_demo
    from desktop_app.app.reporting import export_summary

    for a in load_demo(service.repository, content, today=date(2026, 11, 23)):
        out = tmp_path / f"demo-{a.id}.pdf"
        export_summary(service, a.id, out)
        with pikepdf.open(out) as pdf:
            # PDF/A-3b: it carries its exchange file; pikepdf checks the PDF/A-2b rules
            # and reports the embedded file, which PDF/A-3 allows.
            assert pdfa_problems(pdf) == [], a.decision.title
            assert str(pdf.Root.Lang) == a.language.value

"""Every character either prints with a real glyph and extracts as typed, or the export
says which it cannot print (issue 16)."""

from __future__ import annotations

import pikepdf
import pytest

from desktop_app.domain.model import Language
from desktop_app.reports.tounicode import make_to_unicode_cmap, utf16_hex
from tests.helpers import complete_assessment
from tests.pdfcheck import pdf_text, pdfa_problems, poppler_text
from tests.test_pdf import render


def test_tab_prints_as_a_space_not_a_replacement_mark(content, tmp_path) -> None:
    a = complete_assessment(content)
    a.decision.title = "Öppettider\tbiblioteket"
    a.measures[0].owner = "Kim\tAndersson"
    text = pdf_text(render(content, a, tmp_path))
    assert "\ufffd" not in text
    assert "Öppettider biblioteket" in text
    assert "Kim Andersson" in text


def test_to_unicode_uses_utf16_surrogates_outside_the_bmp() -> None:
    assert utf16_hex(0x1F600) == "D83DDE00"
    assert utf16_hex(0xE5) == "00E5"
    cmap = make_to_unicode_cmap("F1", [0x41, 0x1F600])
    assert "<00> <0041>" in cmap and "<01> <D83DDE00>" in cmap
    assert "<1F600>" not in cmap


def test_characters_outside_the_bmp_extract_as_typed(content, tmp_path) -> None:
    a = complete_assessment(content)
    a.conclusion.summary = "Besökarna var nöjda 😀 och 🀰."  # both have glyphs in DejaVu
    out = render(content, a, tmp_path, Language.SV)
    assert "nöjda 😀 och 🀰." in poppler_text(out)
    with pikepdf.open(out) as pdf:
        cmaps = [
            font.ToUnicode.read_bytes()
            for page in pdf.pages
            for font in page.Resources.Font.values()
            if "/ToUnicode" in font
        ]
    assert any(b"<D83DDE00>" in cmap for cmap in cmaps)
    assert not any(b"<1F600>" in cmap for cmap in cmaps)


CJK_TEXT = "东京 서울 日本語"
DEVANAGARI = "नमस्ते"


@pytest.fixture
def cjk_font() -> None:
    """Skip where no system font has CJK (.ci/run installs fonts-noto-cjk)."""
    from desktop_app.reports import fallback

    if fallback.find_cjk_font(set("东京서울日本語")) is None:
        pytest.skip("no CJK font on this computer (fonts-noto-cjk)")


def test_cjk_prints_with_a_system_font_and_extracts_as_typed(content, tmp_path, cjk_font) -> None:
    a = complete_assessment(content)
    a.ground("age").justification = f"Besökare som läser {CJK_TEXT}."
    a.decision.affected_groups.append("Kinesiska föreningen 华人协会")
    out = render(content, a, tmp_path)
    text = poppler_text(out)
    assert CJK_TEXT in text
    assert "华人协会" in text
    assert "\ufffd" not in pdf_text(out)
    with pikepdf.open(out) as pdf:
        assert pdfa_problems(pdf) == []
        fonts = {str(f.BaseFont) for p in pdf.pages for f in p.Resources.Font.values()}
    assert any("DejaVu" not in name for name in fonts), fonts  # the system font, embedded


def test_each_document_gets_the_cjk_characters_it_needs(content, tmp_path, cjk_font) -> None:
    """A second document with other CJK characters in the same process printed none of
    them: reportlab aliases a font to the first one registered with the same face name,
    so every later document got the first document's subset (seen after the property
    test in tests/test_pdf_hostile.py had drawn a random CJK character)."""
    for number, text in enumerate(("铘", CJK_TEXT, "华人协会", "铘")):
        a = complete_assessment(content)
        a.ground("age").justification = f"Besökare som läser {text}."
        folder = tmp_path / str(number)
        folder.mkdir()
        assert text in poppler_text(render(content, a, folder))


def test_cjk_in_the_page_header_and_footer(content, tmp_path, cjk_font) -> None:
    """The running header (title and case number, drawn on the canvas) and the footer use
    the same system font as the body, not a replacement mark."""
    a = complete_assessment(content)
    a.decision.title = f"Bibliotek {CJK_TEXT}"
    out = render(content, a, tmp_path)
    pages = poppler_text(out).split("\f")
    assert len(pages) > 2
    for page in pages[1:-1]:  # the header starts on page 2
        assert f"Bibliotek {CJK_TEXT}" in page
    assert "\ufffd" not in pdf_text(out)
    with pikepdf.open(out) as pdf:
        assert pdfa_problems(pdf) == []


def test_without_a_system_font_the_characters_and_fields_are_named(
    content, tmp_path, monkeypatch
) -> None:
    from desktop_app.reports import fallback
    from desktop_app.reports.assessment_pdf import unprintable

    a = complete_assessment(content)
    a.decision.title = f"Bibliotek {DEVANAGARI}"
    a.measures[0].owner = f"Kim {CJK_TEXT}"
    data = summary_input(content, a)
    problems = {p.field: p.characters for p in unprintable(data)}
    # Devanagari needs shaping, which the PDF writer lacks: always reported.
    assert set(problems["decision.title"]) == set(DEVANAGARI)
    # CJK is printable only when a system font has it.
    has_cjk = fallback.find_cjk_font(set("东京서울日本語")) is not None
    assert ("measures[1].owner" in problems) is not has_cjk
    monkeypatch.setattr(fallback, "font_folders", list)
    problems = {p.field: p.characters for p in unprintable(data)}
    assert set(problems["measures[1].owner"]) == set(CJK_TEXT.replace(" ", ""))


def summary_input(content, a):
    from datetime import date

    from desktop_app.reports.assessment_pdf import SummaryInput

    return SummaryInput(
        a, [content.checklists.get(a.framework_id)], content.vocabulary, [], date(2026, 11, 23),
        a.language,
    )  # fmt: skip


def test_export_pdf_names_unprintable_characters_before_writing(tmp_path, content, capsys):
    from desktop_app.__main__ import main
    from desktop_app.storage.repository import AssessmentRepository

    db = tmp_path / "g.db"
    repository = AssessmentRepository.open(db)
    a = complete_assessment(content)
    a.decision.title = f"Bibliotek {DEVANAGARI}"
    repository.create(a)
    repository.close()
    out = tmp_path / "g.pdf"
    assert main(["export-pdf", "1", "--db", str(db), "--out", str(out)]) == 0
    captured = capsys.readouterr()
    assert captured.err.startswith("lika: warning: decision.title: no font here can print ")
    assert "न" in captured.err and captured.err.count("\n") == 1
    assert out.is_file()


def test_cjk_in_the_portfolio_prints_with_the_system_font(
    service, content, tmp_path, cjk_font
) -> None:
    """Titles, units and owners in the portfolio's listings, and its running header,
    print CJK as the summary does."""
    from datetime import date

    from desktop_app.app.reporting import portfolio_input, write_portfolio
    from desktop_app.domain.portfolio import Period

    a = complete_assessment(content)
    a.decision.title = f"Bibliotek {CJK_TEXT}"
    a.decision.unit = "华人协会"
    a.measures[0].deadline = date(2026, 11, 1)  # overdue: listed with its owner
    a.measures[0].owner = "Kim 서울"
    service.repository.create(a)
    period = Period(date(2026, 1, 1), date(2027, 12, 31))
    out = tmp_path / "portfolio.pdf"
    write_portfolio(
        portfolio_input(
            service.repository, content, period, unit="华人协会", today=date(2026, 11, 23)
        ),
        out,
    )
    text = poppler_text(out)
    assert f"Bibliotek {CJK_TEXT}" in text
    assert "Kim 서울" in text
    assert "华人协会" in text.split("\n")[0] or "华人协会" in text
    assert "\ufffd" not in pdf_text(out)
    with pikepdf.open(out) as pdf:
        assert pdfa_problems(pdf) == []


def test_report_names_unprintable_characters_before_writing(tmp_path, content, capsys):
    """`lika report` warns of characters no font can print, as `lika export-pdf` does,
    naming the assessment and the field; the CSV needs no font and gets no warning."""
    from desktop_app.__main__ import main
    from desktop_app.storage.repository import AssessmentRepository

    db = tmp_path / "g.db"
    repository = AssessmentRepository.open(db)
    a = complete_assessment(content)
    a.decision.title = f"Bibliotek {DEVANAGARI}"
    a.measures[0].owner = f"Rektor {DEVANAGARI}"
    repository.create(a)
    repository.create(complete_assessment(content))  # nothing to say about this one
    repository.close()
    period = ["--from", "2000-01-01", "--to", "2099-12-31"]
    out = tmp_path / "r.pdf"
    assert main(["report", "--db", str(db), *period, "--out", str(out)]) == 0
    lines = capsys.readouterr().err.splitlines()
    letters = " ".join(sorted(set(DEVANAGARI)))
    assert lines == [
        f"lika: warning: assessment 1, {field}: no font here can print {letters} "
        "(shown as \N{REPLACEMENT CHARACTER})"
        for field in ("title", "measure 1 owner")
    ]
    assert out.is_file()
    assert main(["report", "--db", str(db), *period, "--out", str(tmp_path / "r.csv")]) == 0
    assert capsys.readouterr().err == ""


def test_the_cjk_pattern_is_compiled_only_when_a_character_is_missing(
    content, tmp_path, cjk_font
) -> None:
    """Compiling it is about 3 ms of every export (issue 18); a document the embedded
    font prints whole never needs it."""
    from desktop_app.reports import fallback

    fallback.cjk_pattern.cache_clear()
    render(content, complete_assessment(content), tmp_path)
    assert fallback.cjk_pattern.cache_info().currsize == 0
    a = complete_assessment(content)
    a.decision.title = "Beslut 決定"
    assert "決定" in poppler_text(render(content, a, tmp_path))
    assert fallback.cjk_pattern.cache_info().currsize == 1

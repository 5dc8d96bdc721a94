"""Every character either prints with a real glyph and extracts as typed, or the export
says which it cannot print (issue 16)."""

from __future__ import annotations

import pikepdf

from desktop_app.domain.model import Language
from desktop_app.reports.tounicode import make_to_unicode_cmap, utf16_hex
from tests.helpers import complete_assessment
from tests.pdfcheck import pdf_text, poppler_text
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

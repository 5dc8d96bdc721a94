"""The XMP packet Lika writes itself says what pikepdf's metadata editor said, from the
same document information (issue 18: that editor's lxml round trips were per export)."""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf
import pytest

from desktop_app.reports import pdfa
from desktop_app.reports.output import pdfa_finish
from tests.pdfcheck import pdfa_problems

HOSTILE = "A & B <c> \"d\" 'e' ]]> ø ŋ ‏عربي‏ 😀"


def reportlab_pdfs(title: str, author: str) -> tuple[bytes, bytes]:
    """The same bare reportlab PDF (same time stamp) as reportlab writes it and as
    ``pdfa_finish`` declares it PDF/A-2b."""
    from reportlab.pdfgen.canvas import Canvas

    written = []
    stamp = None
    for declared in (False, True):
        buffer = io.BytesIO()
        canvas = Canvas(buffer, invariant=False)
        stamp = stamp or canvas._doc._timeStamp
        canvas._doc._timeStamp = stamp
        canvas.setTitle(title)
        canvas.setAuthor(author)
        canvas.setSubject(f"{title} subject")
        canvas.setKeywords(f"{author}, 26/1")
        canvas.setCreator("Lika")
        canvas.drawString(72, 72, "x")
        canvas.showPage()
        if declared:
            pdfa_finish()(canvas._doc)
        canvas.save()
        written.append(buffer.getvalue())
    return written[0], written[1]


def by_pikepdf(data: bytes, part: int) -> dict[str, object]:
    """What pikepdf's editor wrote from the same document information (the old way)."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        del pdf.docinfo["/Trapped"]
        with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
            meta.load_from_docinfo(pdf.docinfo, raise_failure=True)
            meta["pdfaid:part"] = str(part)
            meta["pdfaid:conformance"] = "B"
        return dict(pdf.open_metadata())


@pytest.mark.parametrize("title", ["Plain", HOSTILE])
def test_the_packet_says_what_pikepdfs_editor_said(title: str, tmp_path: Path) -> None:
    data, declared = reportlab_pdfs(title, f"{title}, author")
    (tmp_path / "ours.pdf").write_bytes(declared)
    with pikepdf.open(tmp_path / "ours.pdf") as pdf:
        ours = dict(pdf.open_metadata())
        assert str(pdf.docinfo["/Title"]) == title
        # The fonts of this bare canvas are not embedded; the metadata rules all pass.
        assert [p for p in pdfa_problems(pdf) if "ont" not in p.rule + p.message] == []
    assert ours == by_pikepdf(data, 2)  # PDF/A-2b: nothing attached


def test_characters_xml_cannot_hold_are_marked_in_both_places(tmp_path: Path) -> None:
    (tmp_path / "x.pdf").write_bytes(reportlab_pdfs("A\x01B", "C")[1])
    with pikepdf.open(tmp_path / "x.pdf") as pdf:
        assert str(pdf.docinfo["/Title"]) == "A\ufffdB"
        assert pdf.open_metadata()["dc:title"] == "A\ufffdB"


def test_a_tagged_pdf_says_pdf_ua_with_the_schema_pdf_a_wants(tmp_path: Path) -> None:
    packet = pdfa.xmp_packet({"/Title": "T"}, 2, universal_access=True)
    assert b"<pdfuaid:part" in packet and b"pdfaExtension:schemas" in packet
    assert b"pdfuaid" not in pdfa.xmp_packet({"/Title": "T"}, 2)


def test_dates_as_xmp_has_them() -> None:
    assert pdfa._iso_date("D:20261206223013+01'00'") == "2026-12-06T22:30:13+01:00"
    assert pdfa._iso_date("D:20261206223013-05'30") == "2026-12-06T22:30:13-05:30"
    assert pdfa._iso_date("D:20261206223013Z00'00'") == "2026-12-06T22:30:13Z"
    assert pdfa._iso_date("D:20261206223013") == "2026-12-06T22:30:13"
    assert pdfa._iso_date("yesterday") is None


@pytest.mark.parametrize("text", ["", "plain", HOSTILE, "&amp; <<>> \"'\n\t]]>", "a&b<c>d" * 3])
def test_escaping_is_saxutils_escaping(text: str) -> None:
    from xml.sax.saxutils import escape as sax_escape

    from desktop_app.reports.safe_text import escape

    assert escape(text) == sax_escape(text)

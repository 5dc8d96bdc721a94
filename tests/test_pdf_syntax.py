"""The file syntax of the PDFs Lika writes, as PDF/A wants it (issue 18).

The structure tree, the PDF/A declaration and the exchange file are written into
reportlab's document before it is saved (``reports.pdf_objects``), no longer by qpdf
rewriting the file; so what qpdf's rewrite used to put right is checked here on the
bytes: every stream's data is exactly ``/Length`` bytes and followed by an end of line
before ``endstream`` (ISO 19005-2, 6.1.7.1, which reportlab alone does not write), no
page has a transition, the cross-reference table is one qpdf reads without repairing.
"""

from __future__ import annotations

import re
from pathlib import Path

import pikepdf

from tests.helpers import complete_assessment
from tests.pdfcheck import pdfa_problems
from tests.test_pdf import render

LENGTH = re.compile(rb"/Length (\d+)")


def stream_ends(data: bytes) -> list[bytes]:
    """What follows each stream's ``/Length`` bytes of data, in file order."""
    ends = []
    for found in LENGTH.finditer(data):
        start = data.index(b"stream", found.end())
        start += 7 if data[start + 6 : start + 7] == b"\n" else 8  # "stream\n" or "stream\r\n"
        ends.append(data[start + int(found[1]) : start + int(found[1]) + 11])
    return ends


def check_syntax(path: Path) -> None:
    data = path.read_bytes()
    ends = stream_ends(data)
    assert ends and all(end in (b"\nendstream\n", b"\r\nendstream") for end in ends), ends
    assert data.count(b"endstream") == len(ends)  # every stream was checked
    with pikepdf.open(path) as pdf:
        assert pdf.get_warnings() == []  # nothing qpdf had to repair when reading
        assert pdf.check_pdf_syntax() == []
        assert all("/Trans" not in page.obj for page in pdf.pages)
        assert pdfa_problems(pdf) == []


def test_a_summary_has_pdf_a_file_syntax(content, tmp_path) -> None:
    a = complete_assessment(content)
    check_syntax(render(content, a, tmp_path))


def test_a_summary_with_its_exchange_file_has_pdf_a_file_syntax(content, tmp_path) -> None:
    from desktop_app.reports.output import Attachment

    a = complete_assessment(content)
    out = render(content, a, tmp_path, attachment=Attachment(b'{"x": 1}' * 100, "ab" * 32))
    check_syntax(out)
    with pikepdf.open(out) as pdf:
        (spec,) = pdf.Root.AF
        assert spec.EF.F.read_bytes() == b'{"x": 1}' * 100
        assert str(spec.EF.F.Subtype) == "/application/json"
        assert str(spec.LikaFingerprint) == "ab" * 32
        assert pdf.Root.Names.EmbeddedFiles.Names[1].objgen == spec.objgen


def test_a_portfolio_has_pdf_a_file_syntax(service, content, tmp_path) -> None:
    from datetime import date

    from desktop_app.app.reporting import portfolio_input, write_portfolio
    from desktop_app.domain.portfolio import Period

    for case in ("KS 2026/0001", "KS 2026/0002"):
        a = complete_assessment(content)
        a.decision.case_number = case
        service.repository.create(a)
    period = Period(date(1900, 1, 1), date(2100, 12, 31))
    out = tmp_path / "portfolio.pdf"
    write_portfolio(portfolio_input(service.repository, content, period), out)
    check_syntax(out)
    with pikepdf.open(out) as pdf:
        assert "/StructTreeRoot" in pdf.Root and pdf.open_metadata()["pdfaid:part"] == "2"

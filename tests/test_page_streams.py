"""A finished page's drawing is compressed as soon as the page is in reportlab's
document (``page._compress_now``), not kept as text until the file is written: a
portfolio of 100,000 assessments has thousands of pages (issue 18). reportlab encodes
compressed streams in ASCII85 too (its default ``useA85``); the page must be compressed
then as well, and written exactly as reportlab would write it."""

from __future__ import annotations

import io

import pytest
from reportlab import rl_config
from reportlab.pdfgen.canvas import Canvas

from desktop_app.reports.page import _compress_now


@pytest.mark.parametrize("a85", [1, 0])
def test_a_finished_page_is_kept_compressed_as_reportlab_writes_it(monkeypatch, a85) -> None:
    monkeypatch.setattr(rl_config, "useA85", a85)
    written = {}
    for early in (False, True):
        buffer = io.BytesIO()
        canvas = Canvas(buffer, invariant=1, pageCompression=1)
        for page in range(3):
            for line in range(60):
                canvas.drawString(72, 72 + 10 * line, f"page {page} line {line} " * 3)
            canvas.showPage()
            if early:
                finished = canvas._doc.Pages.pages[-1]
                _compress_now(finished)
                assert finished.stream is None  # no text kept
                assert len(finished.Contents.content) < 2000
        canvas.save()
        written[early] = buffer.getvalue()
    assert written[True] == written[False]


def test_a_pdf_is_written_into_its_temporary_file_not_gathered_in_memory(tmp_path) -> None:
    """``write_pdf``: the layout happens with no file at all; then reportlab's writer
    gets the temporary file beside the target itself (a 100,000-assessment portfolio is
    over 100 MB: no copy of it in memory), renamed into place when complete."""
    from desktop_app.reports import output

    out = tmp_path / "x.pdf"
    seen = {}

    def build(target) -> None:
        assert list(tmp_path.iterdir()) == []  # laid out: nothing on disk yet
        canvas = Canvas(target)
        canvas.drawString(72, 72, "text")
        canvas.showPage()

        def write(file) -> None:
            seen["file"] = file.name
            seen["others"] = [p.name for p in tmp_path.iterdir()]
            canvas._filename = file
            canvas.save()

        target.save(write)

    output.write_pdf(out, build)
    assert seen["file"] != str(out) and seen["others"] == [seen["file"].split("/")[-1]]
    assert out.read_bytes().startswith(b"%PDF-") and [p.name for p in tmp_path.iterdir()] == [
        "x.pdf"
    ]

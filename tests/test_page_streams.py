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

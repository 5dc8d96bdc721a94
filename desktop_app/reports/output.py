"""Writing report files safely: complete or not at all, and PDFs as PDF/A-2b.

A PDF is built in memory and only then written, through ``atomic_file`` (a temporary
file beside the target, renamed into place when complete): an export that fails, is
cancelled or killed while it builds leaves no file at all. PDFs go through pikepdf,
which adds what PDF/A-2b needs (XMP metadata, an sRGB output intent).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pikepdf
import pikepdf.pdfa

from desktop_app.atomic_file import atomic_write, write_bytes

__all__ = ["atomic_write", "to_pdfa", "write_pdf"]

PDFA_FLAVOUR = "2b"


def to_pdfa(pdf_bytes: bytes, out: Path | io.BytesIO) -> None:
    """Write ``pdf_bytes`` (a reportlab PDF) to ``out`` as PDF/A-2b.

    pikepdf adds the XMP metadata with the PDF/A declaration, the sRGB output intent
    and what else the flavour needs. Validating every file again would double the time
    of an export, so the test suite validates instead: typical, demo, hostile and
    random content all pass ``pikepdf.pdfa.check``. What could make a file fail (a
    character without a glyph, a non-embedded font) is prevented when it is built.
    """
    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        for page in pdf.pages:
            # reportlab writes an empty page transition dictionary on every page;
            # PDF/A forbids transitions.
            if "/Trans" in page.obj:
                del page.obj["/Trans"]
        pikepdf.pdfa.prepare(pdf, PDFA_FLAVOUR)
        pdf.save(out, **pikepdf.pdfa.resolve_save_kwargs(PDFA_FLAVOUR))


def write_pdf(out: Path, build: Callable[[io.BytesIO], None], *, pdfa: bool = True) -> None:
    """Build a PDF in memory with ``build``, then write it to ``out`` atomically (no
    file exists while it is built, however long that takes)."""
    out = Path(out)
    buffer = io.BytesIO()
    build(buffer)
    data = buffer.getvalue()
    if pdfa:
        converted = io.BytesIO()
        to_pdfa(data, converted)
        data = converted.getvalue()
    write_bytes(out, data, suffix=".pdf")

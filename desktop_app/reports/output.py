"""Writing report files safely: complete or not at all, and PDFs as PDF/A-2b.

A PDF is built in memory and only then written, through ``atomic_file`` (a temporary
file beside the target, renamed into place when complete): an export that fails, is
cancelled or killed while it builds leaves no file at all. PDFs go through pikepdf,
which adds what PDF/A-2b needs (XMP metadata, an sRGB output intent).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pikepdf

from desktop_app.atomic_file import atomic_write, write_bytes

__all__ = ["atomic_write", "to_pdfa", "write_pdf"]

PDFA_PART = 2  # PDF/A-2b
# PDF/A-3 allows embedded files of any kind (PDF/A-2 only PDF/A ones): a PDF that carries
# its exchange data is PDF/A-3b.
PDFA_PART_WITH_DATA = 3
DATA_FILE_NAME = "lika-assessment.json"
DATA_KEY = "/LikaFingerprint"  # in the file specification: the content's full SHA-256


@dataclass(frozen=True)
class Attachment:
    """A file the PDF carries (PDF/A-3 associated file, relationship /Data)."""

    data: bytes
    fingerprint: str  # the full fingerprint of the assessment in ``data``
    description: str = "Lika exchange file (lika import FILE.pdf)"


def to_pdfa(
    pdf_bytes: bytes,
    out: Path | io.BytesIO,
    attachment: Attachment | None = None,
    finish: Callable[[pikepdf.Pdf], None] | None = None,
) -> None:
    """Write ``pdf_bytes`` (a reportlab PDF) to ``out`` as PDF/A-2b.

    ``reports.pdfa`` adds the XMP metadata with the PDF/A declaration and the sRGB
    output intent. Validating every file again would double the time of an export, so
    the test suite validates instead: typical, demo, hostile and random content all pass
    ``pikepdf.pdfa.check``. What could make a file fail (a character without a glyph, a
    non-embedded font) is prevented when it is built.
    """
    from desktop_app.reports import pdfa

    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        for page in pdf.pages:
            # reportlab writes an empty page transition dictionary on every page;
            # PDF/A forbids transitions.
            if "/Trans" in page.obj:
                del page.obj["/Trans"]
        part = PDFA_PART
        if attachment is not None:
            part = PDFA_PART_WITH_DATA
            _attach(pdf, attachment)
        if finish is not None:
            finish(pdf)  # e.g. the structure tree of a tagged PDF
        pdfa.declare(pdf, part, universal_access="/StructTreeRoot" in pdf.Root)
        pdf.save(out, **pdfa.save_options())


def _attach(pdf: pikepdf.Pdf, attachment: Attachment) -> None:
    """Embed the file as PDF/A-3 wants it: listed in the catalog's /AF with
    /AFRelationship /Data, with its MIME type and modification date."""
    spec = pikepdf.AttachedFileSpec(
        pdf,
        attachment.data,
        description=attachment.description,
        filename=DATA_FILE_NAME,
        mime_type="application/json",
    )
    pdf.attachments[DATA_FILE_NAME] = spec
    obj = spec.obj
    obj.AFRelationship = pikepdf.Name.Data
    stream = obj.EF.F
    if "/Params" not in stream:
        stream.Params = pikepdf.Dictionary()
    stream.Params.ModDate = pikepdf.String(datetime.now(UTC).strftime("D:%Y%m%d%H%M%SZ"))
    obj[DATA_KEY] = pikepdf.String(attachment.fingerprint)
    pdf.Root.AF = pikepdf.Array([obj])


def write_pdf(
    out: Path,
    build: Callable[[io.BytesIO], None],
    *,
    pdfa: bool = True,
    attachment: Attachment | None = None,
    finish: Callable[[pikepdf.Pdf], None] | None = None,
) -> None:
    """Build a PDF in memory with ``build``, then write it to ``out`` atomically (no
    file exists while it is built, however long that takes)."""
    out = Path(out)
    buffer = io.BytesIO()
    build(buffer)
    data = buffer.getvalue()
    if pdfa:
        converted = io.BytesIO()
        to_pdfa(data, converted, attachment, finish)
        data = converted.getvalue()
    write_bytes(out, data, suffix=".pdf")

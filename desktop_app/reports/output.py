"""Writing report files safely: complete or not at all, and PDFs as PDF/A-2b.

A PDF is written through ``atomic_file`` (a temporary file beside the target, renamed
into place when complete), once every page is laid out (``LateFile``): an export that
fails, is cancelled or killed while it builds leaves no file at all. What
PDF/A-2b needs (XMP metadata, an sRGB output intent, ``reports.pdfa``), the structure
tree of a tagged PDF (``reports.tagging``) and an embedded exchange file are added to
reportlab's document by ``pdfa_finish`` just before reportlab writes it: no second pass
over the file.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from desktop_app.atomic_file import atomic_write

if TYPE_CHECKING:
    from desktop_app.reports.tagging import Recorder

__all__ = ["Finish", "LateFile", "atomic_write", "pdfa_finish", "write_pdf"]

PDFA_PART = 2  # PDF/A-2b
# PDF/A-3 allows embedded files of any kind (PDF/A-2 only PDF/A ones): a PDF that carries
# its exchange data is PDF/A-3b.
PDFA_PART_WITH_DATA = 3
DATA_FILE_NAME = "lika-assessment.json"
DATA_KEY = "LikaFingerprint"  # in the file specification: the content's full SHA-256

# Called by the canvas with reportlab's document once every page is laid out, before
# anything is written (``page.canvas_maker``).
Finish = Callable[[Any], None]


@dataclass(frozen=True)
class Attachment:
    """A file the PDF carries (PDF/A-3 associated file, relationship /Data)."""

    data: bytes
    fingerprint: str  # the full fingerprint of the assessment in ``data``
    description: str = "Lika exchange file (lika import FILE.pdf)"


def pdfa_finish(
    *,
    attachment: Attachment | None = None,
    tags: Recorder | None = None,
    title: str = "",
) -> Finish:
    """What makes reportlab's document a PDF/A-2b file (PDF/A-3b with ``attachment``),
    tagged (PDF/UA-1) with ``tags``'s structure tree and ``title``.

    Validating every file would double the time of an export, so the test suite
    validates instead: typical, demo, hostile and random content all pass
    ``pikepdf.pdfa.check``. What could make a file fail (a character without a glyph, a
    non-embedded font) is prevented when it is built.
    """

    def finish(doc: Any) -> None:
        from desktop_app.reports import pdfa, tagging

        part = PDFA_PART
        if attachment is not None:
            part = PDFA_PART_WITH_DATA
            attach(doc, attachment)
        if tags is not None:
            tagging.apply(doc, tags, title)
        pdfa.declare(doc, part, universal_access=tags is not None)

    return finish


def attach(doc: Any, attachment: Attachment) -> None:
    """Embed the file as PDF/A-3 wants it: listed in the catalog's /AF with
    /AFRelationship /Data, with its MIME type and modification date."""
    from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFString, PDFText

    from desktop_app.reports.pdf_objects import RawStream, set_entry

    data = attachment.data
    params = {
        "Size": len(data),
        "ModDate": PDFString(datetime.now(UTC).strftime("D:%Y%m%d%H%M%SZ")),
        "CheckSum": PDFText(hashlib.md5(data).digest()),  # PDF names MD5 for it
    }
    entries = {
        "Type": PDFName("EmbeddedFile"),
        "Subtype": "/application#2Fjson",  # reportlab's PDFName leaves the "/" as it is
        "Params": PDFDictionary(params),
    }
    stream = doc.Reference(RawStream(entries, data, compress=True))
    spec = PDFDictionary(
        {
            "Type": PDFName("Filespec"),
            "F": PDFString(DATA_FILE_NAME),
            "UF": PDFString(DATA_FILE_NAME),
            "Desc": PDFString(attachment.description),
            "EF": PDFDictionary({"F": stream, "UF": stream}),
            "AFRelationship": PDFName("Data"),
            DATA_KEY: PDFString(attachment.fingerprint),
        }
    )
    spec_ref = doc.Reference(spec)
    if getattr(doc.Catalog, "Names", None) is not None:  # reportlab names nothing itself
        raise RuntimeError("the document has a name dictionary already")
    files = PDFDictionary({"Names": PDFArray([PDFString(DATA_FILE_NAME), spec_ref])})
    set_entry(doc.Catalog, "Names", PDFDictionary({"EmbeddedFiles": files}))
    set_entry(doc.Catalog, "AF", PDFArray([spec_ref]))


class LateFile:
    """Where a PDF goes once it is laid out (``write_pdf``): the canvas hands ``save``
    the writing of the file, and ``save`` does it straight into the temporary file
    beside ``out`` (``atomic_write``), created only then. So nothing exists while the
    pages are laid out, however long that takes, and the file is not first gathered in
    memory: a portfolio of 100,000 assessments is over 100 MB, and a copy of it in
    memory was a quarter of the report's memory (issue 18)."""

    def __init__(self, out: Path) -> None:
        self.out = Path(out)
        self.saved = False

    def save(self, write: Callable[[BinaryIO], None]) -> None:
        def into(temp: Path) -> None:
            with temp.open("wb") as file:
                write(file)

        atomic_write(self.out, into, suffix=".pdf")
        self.saved = True


def write_pdf(out: Path, build: Callable[[BinaryIO | LateFile], None]) -> None:
    """Lay out a PDF with ``build`` and write it to ``out`` atomically: complete or not
    at all, and no file at all while it is laid out (``LateFile``)."""
    target = LateFile(Path(out))
    build(target)
    if not target.saved:
        raise RuntimeError(f"the PDF for {out} was laid out but never saved")

"""Writing report files safely: complete or not at all, and PDFs as PDF/A-2b.

A report is written to a temporary file beside the target and renamed into place only
when complete, so a full disk or a crash never leaves half a file (or destroys the
previous version). PDFs go through pikepdf, which adds what PDF/A-2b needs (XMP
metadata, an sRGB output intent).
"""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from desktop_app.domain.errors import InputError

PDFA_FLAVOUR = "2b"


def atomic_write(out: Path, write: Callable[[Path], None], suffix: str) -> None:
    """Call ``write`` with a temporary path in ``out``'s folder, then rename it to ``out``.

    Any ``OSError`` (no such folder, no permission, disk full) becomes an ``InputError``
    naming the file, and the temporary file is removed.
    """
    out = Path(out)
    directory = out.parent
    if not directory.is_dir():
        raise InputError(f"Cannot write {out}: the folder {directory} does not exist")
    if out.is_dir():
        raise InputError(f"Cannot write {out}: it is a folder")
    try:
        handle, temp_name = tempfile.mkstemp(prefix=".lika-", suffix=suffix, dir=directory)
        os.close(handle)
    except OSError as error:
        raise InputError(f"Cannot write {out}: {error.strerror or error}") from None
    temp = Path(temp_name)
    try:
        write(temp)
        temp.chmod(0o644)
        temp.replace(out)
    except OSError as error:
        raise InputError(f"Cannot write {out}: {error.strerror or error}") from None
    finally:
        temp.unlink(missing_ok=True)


def to_pdfa(pdf_bytes: bytes, out: Path) -> None:
    """Write ``pdf_bytes`` (a reportlab PDF) to ``out`` as PDF/A-2b.

    pikepdf adds the XMP metadata with the PDF/A declaration, the sRGB output intent
    and what else the flavour needs. Validating every file again would double the time
    of an export, so the test suite validates instead: typical, demo, hostile and
    random content all pass ``pikepdf.pdfa.check``. What could make a file fail (a
    character without a glyph, a non-embedded font) is prevented when it is built.
    """
    import pikepdf  # here: most commands, and the CSV report, write no PDF
    import pikepdf.pdfa

    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        for page in pdf.pages:
            # reportlab writes an empty page transition dictionary on every page;
            # PDF/A forbids transitions.
            if "/Trans" in page.obj:
                del page.obj["/Trans"]
        pikepdf.pdfa.prepare(pdf, PDFA_FLAVOUR)
        pdf.save(out, **pikepdf.pdfa.resolve_save_kwargs(PDFA_FLAVOUR))


def write_pdf(out: Path, build: Callable[[io.BytesIO], None], *, pdfa: bool = True) -> None:
    """Build a PDF in memory with ``build`` and write it to ``out`` atomically."""

    def write(temp: Path) -> None:
        buffer = io.BytesIO()
        build(buffer)
        if pdfa:
            to_pdfa(buffer.getvalue(), temp)
        else:
            temp.write_bytes(buffer.getvalue())

    atomic_write(out, write, ".pdf.part")
